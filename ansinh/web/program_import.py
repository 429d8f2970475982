"""Import a program from its document: upload the text or Word file, review the draft program
file beside the source text, correct it, load it (docs/program-parser.md)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ansinh.accounts import policies
from ansinh.core.errors import ErrorCode, UserError
from ansinh.docparse.document import parse_document
from ansinh.docparse.text import read_upload
from ansinh.programs.actions import do_load_program
from ansinh.programs.programfile import dump_program_file, parse_program_file, spec_to_file_data

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@login_required
@require_http_methods(["GET", "POST"])
def program_import(request: HttpRequest) -> HttpResponse:
    if not policies.can_edit_programs(request.user):
        return HttpResponse("Bạn không có quyền nạp chương trình.", status=403)
    if request.method == "GET":
        return render(request, "web/program_import.html", {})
    if "document" in request.FILES:
        return _draft(request)
    return _load(request)


def _draft(request: HttpRequest) -> HttpResponse:
    upload = request.FILES["document"]
    try:
        if upload.size > MAX_DOCUMENT_BYTES:
            raise UserError.single(ErrorCode.FILE_UNREADABLE, f"tệp quá lớn (tối đa {MAX_DOCUMENT_BYTES // 1048576} MB)", where=upload.name)
        raw = upload.read()
        text = read_upload(raw, upload.name)
        spec = parse_document(text, upload.name)
    except UserError as error:
        return render(request, "web/program_import.html", {"errors": [str(p) for p in error.problems]}, status=400)
    draft = dump_program_file(spec_to_file_data(spec))
    context = {"source": text, "draft": draft, "filename": upload.name, "targets": len(spec.targets), "tasks": len(spec.tasks)}
    return render(request, "web/program_import.html", context)


def _load(request: HttpRequest) -> HttpResponse:
    draft, source, filename = request.POST.get("draft", ""), request.POST.get("source", ""), request.POST.get("filename", "chuong-trinh")
    name = f"{Path(filename).stem}.yaml"
    try:
        spec = parse_program_file(name, text_content=draft)
        result = do_load_program(spec, acting_user=request.user, channel=f"web:nhập từ văn bản {filename}"[:100])
    except UserError as error:
        context = {"source": source, "draft": draft, "filename": filename, "errors": [str(p) for p in error.problems]}
        return render(request, "web/program_import.html", context, status=400)
    return redirect(reverse("web:program", args=[result.program.code]))
