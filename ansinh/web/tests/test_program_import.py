"""Importing a program from its document through the web: draft beside the source, correct, load."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.programs.models import Program

SEED = Path(__file__).resolve().parents[2] / "docparse" / "gold" / "duc-pho-42.txt"


def client_for(django_user_model, role=None):
    user = django_user_model.objects.create_user(f"user-{role}")
    if role:
        RoleAssignment.objects.create(user=user, role=role)
    client = Client()
    client.force_login(user)
    return client


def test_only_program_administrators_may_import(db, django_user_model):
    assert client_for(django_user_model, Role.VIEWER).get("/programs/import/").status_code == 403
    assert client_for(django_user_model, Role.PROGRAM_ADMIN).get("/programs/import/").status_code == 200


def test_the_import_link_is_shown_only_to_those_who_may_import(db, django_user_model):
    assert "/programs/import/" not in client_for(django_user_model, Role.VIEWER).get("/").content.decode()
    assert "/programs/import/" in client_for(django_user_model, Role.PROGRAM_ADMIN).get("/").content.decode()


def test_the_draft_is_shown_beside_the_source_then_corrected_and_loaded(db, django_user_model):
    client = client_for(django_user_model, Role.PROGRAM_ADMIN)
    page = client.post("/programs/import/", {"document": SimpleUploadedFile("thi-uy-moi.txt", SEED.read_bytes())})
    text = page.content.decode()
    assert page.status_code == 200 and "đọc được 34 chỉ tiêu, 17 nhiệm vụ" in text
    assert "Tỷ lệ thất nghiệp chung dưới 2%" in text  # the source, on the left
    draft = page.context["draft"]
    # The draft leaves the administrative unit to the reviewer: loading it as is says where.
    refused = client.post("/programs/import/", {"draft": draft, "source": "", "filename": "thi-uy-moi.txt"})
    assert refused.status_code == 400 and "program.scope_unit.code: thiếu trường bắt buộc" in refused.content.decode()
    assert not Program.objects.filter(code="thi-uy-moi").exists()
    corrected = draft.replace("code: ''", "code: '534'", 1).replace('code: ""', 'code: "534"', 1)
    loaded = client.post("/programs/import/", {"draft": corrected, "source": "", "filename": "thi-uy-moi.txt"})
    assert loaded.status_code == 302 and loaded.url == "/programs/thi-uy-moi/"
    assert Program.objects.get(code="thi-uy-moi").targets.count() == 34


def test_a_file_that_is_not_a_program_gets_a_vietnamese_message(db, django_user_model):
    client = client_for(django_user_model, Role.PROGRAM_ADMIN)
    page = client.post("/programs/import/", {"document": SimpleUploadedFile("rong.txt", b"   ")})
    assert page.status_code == 400 and "tệp rỗng" in page.content.decode()


def test_a_pdf_upload_is_refused_with_advice_and_nothing_is_loaded(db, django_user_model):
    client = client_for(django_user_model, Role.PROGRAM_ADMIN)
    programs_before = Program.objects.count()
    page = client.post("/programs/import/", {"document": SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * 50)})
    assert page.status_code == 400 and "bản .docx hoặc .txt" in page.content.decode()
    assert Program.objects.count() == programs_before


def test_a_word_document_is_read_like_its_text(db, django_user_model):
    import io

    import docx

    document = docx.Document()
    for paragraph in SEED.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    client = client_for(django_user_model, Role.PROGRAM_ADMIN)
    page = client.post("/programs/import/", {"document": SimpleUploadedFile("thi-uy.docx", buffer.getvalue())})
    assert page.status_code == 200 and "đọc được 34 chỉ tiêu, 17 nhiệm vụ" in page.content.decode()
