"""Parse a Vietnamese action program ("chương trình hành động", "kế hoạch") into a draft program.

Pure code, no ORM: `document.parse_document(text, filename)` returns a `ProgramSpec` that
`programfile.dump_program_file(spec_to_file_data(spec))` writes as a program file. Rules and
measured scores: docs/program-parser.md.
"""
