"""Fuzzing (issue 10): the Excel, CSV and DHIS2 JSON importers and the program-file loader are fed
thousands of generated malformed inputs. Each must be refused with messages, never crash, never
write anything; through the web upload, the API and the program import page, never answer 5xx.

Every generated input carries at least one defect chosen from a list of known-bad changes, plus
random noise around it, so "refused" is the right answer for every one of them. The examples are
derandomized (the same inputs on every run, so a failure reproduces) and their number is bounded:
ANSINH_FUZZ_EXAMPLES (default 250 per input kind; docs/testing.md) raises it for a longer hunt.
"""

from __future__ import annotations

import io
import json
import os
import string
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.test import Client
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ansinh.core.errors import UserError
from ansinh.datavalues.actions import do_import_file
from ansinh.datavalues.models import DataValue, Submission
from ansinh.indicators.models import DataSet
from ansinh.orgunits.selectors import get_unit
from ansinh.programs.actions import do_load_program
from ansinh.programs.models import Body, Program, Target, TaskGroup
from ansinh.programs.programfile import dump_program_file, parse_program_file, spec_to_file_data
from ansinh.programs.selectors import get_program, program_spec
from ansinh.web.data_entry import build_template

EXAMPLES = int(os.environ.get("ANSINH_FUZZ_EXAMPLES", "250"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
COMMUNE, PERIOD, DATA_SET = "21457", "2026S2", "XA_6THANG"
ELEMENTS = ["DAN_SO", "SO_HO", "NHA_TAM", "THAT_NGHIEP", "LLLD"]
HEADER = ["data_element", "period", "org_unit", "category", "value", "comment"]


def data_snapshot():
    return (
        DataValue.objects.count(), DataValue.history.aggregate(m=Max("history_id"))["m"],
        Submission.objects.count(), Submission.history.aggregate(m=Max("history_id"))["m"],
    )


def program_snapshot():
    return (
        Program.objects.count(), Program.history.aggregate(m=Max("history_id"))["m"],
        Target.history.aggregate(m=Max("history_id"))["m"], TaskGroup.history.aggregate(m=Max("history_id"))["m"],
        Body.history.aggregate(m=Max("history_id"))["m"],
    )


@pytest.fixture
def superuser(db):
    """The user with every right: a refusal can then come only from the input itself."""
    return get_user_model().objects.create_user("fuzz-admin", is_superuser=True, is_staff=True)


def assert_refused_and_nothing_written(content: bytes, filename: str, user) -> None:
    before = data_snapshot()
    report = do_import_file(content, filename, acting_user=user)
    assert report.errors, f"{filename}: a malformed input was accepted: {content[:300]!r}"
    assert all(isinstance(e, str) and e.strip() for e in report.errors)
    assert report.created == report.updated == 0
    assert data_snapshot() == before


# --- generated pieces ---------------------------------------------------------------------------

noise_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
good_number = st.integers(min_value=0, max_value=5000).map(str)
bad_number = st.sampled_from(
    ["-5", "abc", "4,8,1", "1.2.3,4", "1e309", "NaN", "inf", "∞", "12 hộ", "=SUM(A1:A3)", "+1", "0x1F", "1_000", "١٢", "9" * 400, "--1", ",", "."]
)
bad_code = st.sampled_from(["KHONG_CO", "", " ", "dan_so", "DAN SO", "DAN_SO;", "'", '"', "\x00", "DAN_SO" * 40])
bad_unit = st.sampled_from(["99999", "", "21457x", "1", "01", "534", "-21457", "２１４５７"])
bad_period = st.sampled_from(["2031S1", "2026S3", "2026Q5", "2026-13", "26S2", "", "2026s2", "2019", "S2", "20262"])


@st.composite
def csv_rows(draw):
    """Rows of a CSV import: good rows around at least one row with a defect in some field."""
    good = st.builds(lambda e, v: [e, PERIOD, COMMUNE, "", v, ""], st.sampled_from(ELEMENTS), good_number)
    rows = draw(st.lists(good, max_size=4))
    defect = draw(st.sampled_from(["element", "period", "unit", "value", "width", "noise"]))
    row = [draw(st.sampled_from(ELEMENTS)), PERIOD, COMMUNE, "", draw(good_number), ""]
    if defect == "element":
        row[0] = draw(bad_code)
    elif defect == "period":
        row[1] = draw(bad_period)
    elif defect == "unit":
        row[2] = draw(bad_unit)
    elif defect == "value":
        row[4] = draw(bad_number)
    elif defect == "width":
        row = row[: draw(st.integers(0, 5))] if draw(st.booleans()) else row + draw(st.lists(noise_text, min_size=1, max_size=3))
    else:
        row = draw(st.lists(noise_text, min_size=6, max_size=6))
        assume(not (row[0] in ELEMENTS and row[1] == PERIOD and row[2] == COMMUNE))
    rows.insert(draw(st.integers(0, len(rows))), row)
    return rows


@st.composite
def csv_files(draw) -> bytes:
    header = list(HEADER)
    header_defect = draw(st.sampled_from(["none", "none", "none", "missing", "renamed", "shuffled", "absent"]))
    rows = draw(csv_rows())
    if header_defect == "missing":
        del header[draw(st.sampled_from([0, 1, 2, 4]))]
    elif header_defect == "renamed":
        header[draw(st.integers(0, 5))] = draw(noise_text)
    elif header_defect == "shuffled":
        header = draw(st.permutations(header))
    lines = ([] if header_defect == "absent" else [header]) + rows
    separator = draw(st.sampled_from([",", ";", "\t"]))
    quote = draw(st.booleans())
    text = "\n".join(separator.join(f'"{c}"' if quote else c for c in line) for line in lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]))
    content = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # byte-level damage: a cut, a flipped byte, binary junk
        cut = draw(st.integers(0, len(content)))
        content = content[:cut] + draw(st.binary(max_size=20)) + content[cut + draw(st.integers(0, 3)) :]
    return content


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), noise_text)
json_anything = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(noise_text, inner, max_size=4), max_leaves=20)


@st.composite
def dhis2_documents(draw) -> bytes:
    kind = draw(st.sampled_from(["random", "near", "near", "bytes"]))
    if kind == "random":
        return json.dumps(draw(json_anything)).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    items = [
        {"dataElement": e, "period": PERIOD, "orgUnit": COMMUNE, "value": v}
        for e, v in draw(st.lists(st.tuples(st.sampled_from(ELEMENTS), good_number), max_size=4))
    ]
    bad = {"dataElement": draw(st.sampled_from(ELEMENTS)), "period": PERIOD, "orgUnit": COMMUNE, "value": draw(good_number)}
    field = draw(st.sampled_from(["dataElement", "period", "orgUnit", "value", "extra", "type", "drop"]))
    if field == "dataElement":
        bad[field] = draw(bad_code)
    elif field == "period":
        bad[field] = draw(bad_period)
    elif field == "orgUnit":
        bad[field] = draw(bad_unit)
    elif field == "value":
        bad[field] = draw(bad_number | st.just(-1) | st.just(1e400) | st.just([1]) | st.just({"v": 1}))
    elif field == "type":
        bad[draw(st.sampled_from(["dataElement", "period", "orgUnit", "value"]))] = draw(st.sampled_from([None, True, [], {}, 3.5]))
    elif field == "drop":
        del bad[draw(st.sampled_from(["dataElement", "period", "orgUnit", "value"]))]
    else:
        bad["attributeOptionCombo"] = draw(st.sampled_from(["x", 1, None, "HllvX50cXC0x"]))
    items.insert(draw(st.integers(0, len(items))), bad)
    document = {"dataValues": items}
    if draw(st.booleans()):
        document[draw(st.sampled_from(["period", "orgUnit", "dataSet", "completeDate"]))] = draw(json_leaf)
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    return text.encode()


# --- CSV and DHIS2 JSON -------------------------------------------------------------------------


@FUZZ
@given(content=csv_files())
def test_malformed_csv_files_are_refused_and_write_nothing(superuser, content):
    assert_refused_and_nothing_written(content, "fuzz.csv", superuser)


@FUZZ
@given(content=dhis2_documents())
def test_malformed_dhis2_documents_are_refused_and_write_nothing(superuser, content):
    assert_refused_and_nothing_written(content, "fuzz.json", superuser)


# --- Excel --------------------------------------------------------------------------------------


class Template(bytes):
    def __repr__(self) -> str:  # keeps hypothesis's report of a failing example short
        return f"<template of {len(self)} bytes>"


@pytest.fixture
def template(db) -> Template:
    unit = get_unit(COMMUNE, date(2026, 7, 1))
    return Template(build_template(DataSet.objects.get(code=DATA_SET), unit, PERIOD))


FIRST_ROW, LAST_ROW = 7, 39  # the element rows of the commune sheet in this template
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)  # what a cell can hold
cell_junk = st.one_of(
    cell_text, st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(), st.sampled_from(["=1+1", "=A1", "@SUM(1)", "-3", "4,8", "1.234", "140%"]),
)


def _poison(workbook, which: str, row: int, junk) -> None:
    """One change that makes a filled template wrong, whatever else is in it."""
    sheet = workbook.worksheets[1]
    if which == "text":
        sheet[f"F{row}"] = "không biết"
    elif which == "formula":
        sheet[f"F{row}"] = "=F7*2"
    elif which == "negative":
        sheet[f"F{row}"] = -7
    elif which == "code":
        sheet[f"A{row}"] = str(junk) + "_X"
    elif which == "unit":
        sheet["A1"] = "99999"
    elif which == "period":
        sheet["A2"] = "2031S1"
    elif which == "header":
        sheet["F6"] = "Số liệu"
    elif which == "rename":
        sheet.title = "Trang 1"
    elif which == "delete-sheet":
        del workbook[sheet.title]
    elif which == "delete-row":
        sheet.delete_rows(row)
    elif which == "insert-row":
        sheet.insert_rows(row)
        sheet[f"A{row}"], sheet[f"F{row}"] = "DAN_SO", 5
    elif which == "manifest":
        workbook["_ansinh"]["B2"] = "ansinh-xlsx/0"


@st.composite
def workbook_edits(draw):
    fills = draw(st.dictionaries(st.integers(FIRST_ROW, LAST_ROW), st.integers(0, 3000), max_size=6))
    junk = draw(st.dictionaries(st.tuples(st.sampled_from("ABCDEFGH"), st.integers(1, 45)), cell_junk, max_size=3))
    poison = draw(st.sampled_from(["text", "formula", "negative", "code", "unit", "period", "header", "rename", "delete-sheet", "delete-row", "insert-row", "manifest"]))
    return fills, junk, poison, draw(st.integers(FIRST_ROW, LAST_ROW)), draw(cell_text)


@FUZZ
@given(edits=workbook_edits())
def test_damaged_excel_templates_are_refused_and_write_nothing(superuser, template, edits):
    fills, junk, poison, row, junk_text = edits
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[1]
    for filled_row, number in fills.items():
        sheet[f"F{filled_row}"] = number
    for (column, junk_row), value in junk.items():
        if type(sheet[f"{column}{junk_row}"]).__name__ != "MergedCell":  # a merged cell cannot be typed in
            sheet[f"{column}{junk_row}"] = value
    _poison(workbook, poison, row, junk_text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert_refused_and_nothing_written(buffer.getvalue(), "fuzz.xlsx", superuser)


@FUZZ
@given(cut=st.integers(0, 20000), flips=st.lists(st.tuples(st.integers(0, 20000), st.integers(1, 255)), max_size=8), tail=st.binary(max_size=64))
def test_excel_files_damaged_byte_by_byte_are_refused_and_write_nothing(superuser, template, cut, flips, tail):
    content = bytearray(template)
    for position, mask in flips:
        content[position % len(content)] ^= mask
    damaged = bytes(content[: cut % (len(content) + 1)]) + tail
    assert_refused_and_nothing_written(damaged, "fuzz.xlsx", superuser)


# --- program files ------------------------------------------------------------------------------


class ProgramData(dict):
    def __repr__(self) -> str:
        return "<the shipped program file>"


@pytest.fixture
def program_data(db) -> ProgramData:
    """The shipped program under a new code: a load that went through would add a program."""
    data = spec_to_file_data(program_spec(get_program("duc-pho-42")))
    data["program"]["code"] = "chuong-trinh-thu-nghiem"
    return ProgramData(data)


def _paths(node, path=()):
    """Every (path, value) in a nested structure of dicts and lists."""
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, path + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, path + (index,))


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@st.composite
def program_defects(draw, data: dict):
    """A copy of the program file with one defect that the format does not allow."""
    import copy

    data = copy.deepcopy(dict(data))
    paths = [(p, v) for p, v in _paths(data) if p]
    defect = draw(st.sampled_from(["unknown-key", "mapping-for-leaf", "scalar-for-list", "duplicate-target", "unknown-body", "bad-comparator", "bad-year", "bad-value"]))
    if defect == "unknown-key":
        mappings = [p for p, v in _paths(data) if isinstance(v, dict)]
        where = draw(st.sampled_from(mappings))
        node = data
        for key in where:
            node = node[key]
        node["khoa_la_" + draw(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8))] = draw(json_leaf)
    elif defect == "mapping-for-leaf":
        leaves = [p for p, v in paths if not isinstance(v, (dict, list))]
        _set(data, draw(st.sampled_from(leaves)), {"x": [1, 2]})
    elif defect == "scalar-for-list":
        lists = [p for p, v in paths if isinstance(v, list) and v]
        _set(data, draw(st.sampled_from(lists)), draw(st.sampled_from(["mot chuoi", 7, {"a": "b"}])))
    elif defect == "duplicate-target":
        data["targets"].append(copy.deepcopy(draw(st.sampled_from(data["targets"]))))
    elif defect == "unknown-body":
        tasks_with_lead = [i for i, t in enumerate(data["tasks"]) if t.get("lead")]
        data["tasks"][draw(st.sampled_from(tasks_with_lead))]["lead"] = ["co-quan-khong-co"]
    elif defect == "bad-comparator":
        data["targets"][draw(st.integers(0, len(data["targets"]) - 1))]["comparator"] = draw(st.sampled_from(["<<", "bang", "", "LT", "≥"]))
    elif defect == "bad-year":
        data["targets"][draw(st.integers(0, len(data["targets"]) - 1))]["year"] = draw(st.sampled_from([1800, 30000, "hai nghìn", -1, 2030.5]))
    else:
        target = data["targets"][draw(st.integers(0, len(data["targets"]) - 1))]
        target["value" if "value" in target else "low"] = draw(st.sampled_from(["nhieu", [], "4,8,9"]))
    return data


def load_text(text: str, user):
    """The program import's path: parse the file, then load it."""
    spec = parse_program_file("fuzz.yaml", text_content=text)
    return do_load_program(spec, acting_user=user, channel="fuzz")


@FUZZ
@given(data=st.data())
def test_program_files_with_a_defect_are_refused_and_write_nothing(superuser, program_data, data):
    broken = data.draw(program_defects(program_data))
    before = program_snapshot()
    with pytest.raises(UserError) as refused:
        load_text(dump_program_file(broken), superuser)
    assert refused.value.problems and all(p.message.strip() for p in refused.value.problems)
    assert program_snapshot() == before


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
) + "format: *i\n"


@FUZZ
@given(text=st.one_of(
    noise_text,
    st.text(alphabet=":-[]{}&*!|>'\"%@`#,? \n\t\x00abc0123", max_size=200),
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", errors="replace")),
    st.sampled_from([ALIAS_BOMB, "format: 1\nprogram: !!python/object/apply:os.system ['true']\n", "---\n...\n---\n", "\ufeff", "a: b: c"]),
))
def test_program_file_text_that_is_not_a_program_is_refused(superuser, text):
    before = program_snapshot()
    with pytest.raises(UserError):
        load_text(text, superuser)
    assert program_snapshot() == before


@FUZZ
@given(cut=st.integers(0, 200_000), junk=st.text(max_size=20))
def test_a_program_file_cut_or_spliced_anywhere_loads_whole_or_is_refused_whole(superuser, program_data, cut, junk):
    """A cut can leave a file that is still a valid, shorter program: then it loads (as a new
    program); otherwise it is refused and nothing is written. Never a crash, never half."""
    text = dump_program_file(dict(program_data))
    text = text[: cut % (len(text) + 1)] + junk
    before = program_snapshot()
    try:
        load_text(text, superuser)
    except UserError:
        assert program_snapshot() == before
    else:
        assert Program.objects.filter(code="chuong-trinh-thu-nghiem").exists()


# --- through HTTP: never a server error ---------------------------------------------------------


@pytest.fixture
def admin_http(superuser):
    client = Client()
    client.force_login(superuser)
    return client


HTTP = settings(FUZZ, max_examples=max(EXAMPLES // 5, 20))


@HTTP
@given(content=csv_files(), kind=st.sampled_from(["csv", "json", "xlsx", "zip", "exe"]))
def test_the_upload_page_answers_every_malformed_file_without_a_server_error(admin_http, content, kind):
    before = data_snapshot()
    response = admin_http.post("/data/upload/", {"file": SimpleUploadedFile(f"fuzz.{kind}", content)})
    assert response.status_code in (200, 400)
    assert data_snapshot() == before


@HTTP
@given(content=dhis2_documents())
def test_the_api_answers_every_malformed_dhis2_document_without_a_server_error(admin_http, content):
    before = data_snapshot()
    response = admin_http.post("/api/v1/dataValueSets", content, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert data_snapshot() == before


@HTTP
@given(data=st.data())
def test_the_program_import_page_answers_every_broken_draft_without_a_server_error(admin_http, program_data, data):
    broken = data.draw(program_defects(program_data))
    before = program_snapshot()
    response = admin_http.post("/programs/import/", {"draft": dump_program_file(broken), "source": "", "filename": "fuzz.txt"})
    assert response.status_code in (200, 400)
    assert program_snapshot() == before
