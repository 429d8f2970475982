"""A .zip of commune workbooks: the .xlsx members are returned, anything unsafe is refused.

Archives are built in memory with zipfile, including hostile ones. Pure code: no database.
"""

import io
import zipfile

import pytest

from ansinh.core.errors import ErrorCode
from ansinh.datavalues import archives
from ansinh.datavalues.archives import MAX_MEMBERS, read_archive
from ansinh.datavalues.excel import TemplateElement, TemplateSheet, read_workbook, write_workbook

ZIP = "xa.zip"
MB = 1024 * 1024


def workbook(unit_code="21439", unit_name="Xã Đức Phổ"):
    sheet = TemplateSheet(unit_code, unit_name, "2025S1", "6 tháng đầu năm 2025", "GN", "Giảm nghèo", [TemplateElement("E1", "Số hộ nghèo", "hộ", "integer")])
    return write_workbook([sheet], title="Mẫu", generated_at="01/07/2025 08:00")


def zip_of(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_of_zeros(name, size):
    """A member of `size` zero bytes, written in chunks so the test never holds it whole."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as stream:
        chunk = bytes(MB)
        for _ in range(size // MB):
            stream.write(chunk)
    return buffer.getvalue()


def problems_of(problems):
    return [(problem.code, problem.where, problem.message) for problem in problems]


def forbid_reading(monkeypatch):
    def must_not_read(*args, **kwargs):
        raise AssertionError("a member was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", must_not_read)


def test_a_zip_of_15_workbooks_returns_the_15_members_in_order():
    # given 15 commune workbooks in a folder inside the zip
    contents = [(f"thi-xa/xa-{number:02d}.xlsx", workbook(f"214{number:02d}", f"Xã số {number}")) for number in range(1, 16)]

    # when the archive is read
    members, problems = read_archive(zip_of(contents), ZIP)

    # then every workbook comes back byte for byte, and each reads as a template
    assert problems == []
    assert members == contents
    assert [read_workbook(content, f"{ZIP}/{name}").problems for name, content in members] == [[]] * 15


def test_mac_and_office_leftovers_are_skipped_silently():
    # given what zipping on a Mac, or with a workbook open in Excel, adds beside the workbook
    content = workbook()
    archive = zip_of([("xa/", b""), ("xa/Xã Đức Phổ.xlsx", content), ("__MACOSX/xa/._Xã Đức Phổ.xlsx", b"\0\5"), (".DS_Store", b"x"), ("xa/~$Xã Đức Phổ.xlsx", b"x")])

    # when it is read
    members, problems = read_archive(archive, ZIP)

    # then only the workbook is returned, under its Vietnamese name
    assert problems == []
    assert members == [("xa/Xã Đức Phổ.xlsx", content)]


@pytest.mark.parametrize("name", ["../xa.xlsx", "xa/../../etc/xa.xlsx", "/tmp/xa.xlsx", "xa\\..\\xa.xlsx", "C:/xa.xlsx", "c:xa.xlsx"])
def test_an_unsafe_member_name_is_refused_and_the_member_not_returned(name):
    # given a good workbook and one whose name climbs out of its folder or is absolute
    content = workbook()

    # when the archive is read
    members, problems = read_archive(zip_of([("xa-a.xlsx", content), (name, content)]), ZIP)

    # then the unsafe one is named and skipped
    message = (
        f"tên '{name}' không an toàn (có '..', đường dẫn tuyệt đối, dấu '\\' hoặc ổ đĩa); "
        "hãy nén lại các tệp .xlsx trong một thư mục bình thường"
    )
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}", message)]
    assert members == [("xa-a.xlsx", content)]


def test_a_nested_archive_is_refused():
    # given a zip inside the zip
    inner = zip_of([("xa-b.xlsx", workbook())])

    # when it is read
    members, problems = read_archive(zip_of([("xa-a.xlsx", workbook()), ("them/xa-b.zip", inner)]), ZIP)

    # then
    message = "tệp 'them/xa-b.zip' là tệp nén nằm trong tệp nén; hãy đưa các tệp .xlsx trực tiếp vào một tệp nén"
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}/them/xa-b.zip", message)]
    assert [name for name, _ in members] == ["xa-a.xlsx"]


def test_a_member_that_is_not_xlsx_is_refused():
    # given a scanned report beside the workbook
    members, problems = read_archive(zip_of([("xa-a.xlsx", workbook()), ("bao-cao.pdf", b"%PDF-1.4")]), ZIP)

    # then
    message = "tệp 'bao-cao.pdf' không phải tệp .xlsx; tệp nén chỉ được chứa các tệp mẫu Excel (.xlsx) đã điền"
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}/bao-cao.pdf", message)]
    assert [name for name, _ in members] == ["xa-a.xlsx"]


def test_a_zip_bomb_is_refused_from_its_directory_without_decompressing(monkeypatch):
    # given one member of 200 MB of zeros (about 200 KB compressed)
    bomb = zip_of_zeros("xa.xlsx", 200 * MB)
    assert len(bomb) < 1 * MB
    forbid_reading(monkeypatch)

    # when it is read
    members, problems = read_archive(bomb, ZIP)

    # then it is refused by the declared size; nothing was decompressed
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}", "nội dung tệp nén khi giải nén là 200 MB, vượt giới hạn 50 MB")]
    assert members == []


def test_a_member_with_an_absurd_compression_ratio_is_refused_without_decompressing(monkeypatch):
    # given 30 MB of zeros: under the size limit, but nothing like a workbook
    bomb = zip_of_zeros("xa.xlsx", 30 * MB)
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("xa.xlsx")
    forbid_reading(monkeypatch)

    # when it is read
    members, problems = read_archive(bomb, ZIP)

    # then
    ratio = f"{info.file_size // info.compress_size:,}".replace(",", ".")
    message = f"tệp 'xa.xlsx' khi giải nén lớn gấp {ratio} lần khi nén, không thể là một bảng tính; tệp nén bị từ chối"
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}/xa.xlsx", message)]
    assert members == []


def test_a_member_whose_directory_understates_its_size_is_not_read_past_it():
    # given a member that holds 5 MB but whose headers claim 1,000 bytes
    content = bytearray(zip_of_zeros("xa.xlsx", 5 * MB))
    local, central = content.find(b"PK\x03\x04"), content.find(b"PK\x01\x02")
    content[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    content[central + 24 : central + 28] = (1000).to_bytes(4, "little")

    # when it is read
    members, problems = read_archive(bytes(content), ZIP)

    # then reading stops at the declared size and the truncated member fails its checksum
    message = "tệp 'xa.xlsx' trong tệp nén bị hỏng, không đọc được; hãy nén lại"
    assert problems_of(problems) == [(ErrorCode.FILE_UNREADABLE, f"tệp {ZIP}/xa.xlsx", message)]
    assert members == []


def test_a_member_yielding_more_than_declared_refuses_the_archive(monkeypatch):
    # given a zip implementation that would hand over more bytes than the directory declares
    archive = zip_of([("xa.xlsx", b"x" * 100)])
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info: io.BytesIO(b"x" * 10_000))

    # when it is read
    members, problems = read_archive(archive, ZIP)

    # then the guard stops at one byte past the declared size
    message = "tệp 'xa.xlsx' có kích thước thật lớn hơn kích thước ghi trong tệp nén; tệp nén bị từ chối"
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}/xa.xlsx", message)]
    assert members == []


def test_too_many_members_are_refused_before_reading(monkeypatch):
    # given one workbook more than allowed
    archive = zip_of([(f"xa-{number}.xlsx", b"x") for number in range(MAX_MEMBERS + 1)])
    forbid_reading(monkeypatch)

    # when it is read
    members, problems = read_archive(archive, ZIP)

    # then
    message = "tệp nén có 201 tệp, quá giới hạn 200 tệp; hãy chia thành nhiều tệp nén"
    assert problems_of(problems) == [(ErrorCode.FIELD_INVALID, f"tệp {ZIP}", message)]
    assert members == []


@pytest.mark.parametrize("content", [zip_of([]), zip_of([("xa/", b"")])], ids=["no-entry", "only-a-folder"])
def test_an_empty_zip_is_refused(content):
    members, problems = read_archive(content, ZIP)

    assert problems_of(problems) == [(ErrorCode.FILE_UNREADABLE, f"tệp {ZIP}", "tệp nén không có tệp .xlsx nào")]
    assert members == []


def test_a_file_that_is_not_a_zip_is_refused():
    members, problems = read_archive(b"Ma;Gia tri\nE1;4,8\n", ZIP)

    message = "không phải tệp .zip hoặc tệp bị hỏng; hãy nén các tệp .xlsx bằng “Send to > Compressed (zipped) folder” hoặc 7-Zip (định dạng .zip)"
    assert problems_of(problems) == [(ErrorCode.FILE_UNREADABLE, f"tệp {ZIP}", message)]
    assert members == []


def test_an_upload_above_the_archive_limit_is_refused_before_opening(monkeypatch):
    # given 51 MB of bytes, and a zip reader that must not be reached
    def must_not_open(*args, **kwargs):
        raise AssertionError("opened an archive that is too large")

    monkeypatch.setattr(archives.zipfile, "ZipFile", must_not_open)

    # when it is read
    members, problems = read_archive(bytes(51 * MB), ZIP)

    # then
    assert problems_of(problems) == [(ErrorCode.FILE_UNREADABLE, f"tệp {ZIP}", "tệp nén nặng 51 MB, vượt giới hạn 50 MB")]
    assert members == []
