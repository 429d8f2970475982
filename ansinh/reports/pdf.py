"""PDF (and a PNG of the first page) of a report through LibreOffice, when it is installed.

The .docx never depends on it: LibreOffice is optional on an office PC, so a missing `soffice`
is a clear message, not a failure of the report. Each conversion runs with its own throw-away
LibreOffice profile, so two conversions at once (or a user's open LibreOffice) do not collide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ansinh.core.errors import ErrorCode, UserError

TIMEOUT_SECONDS = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: bytes, target: str = "pdf") -> bytes:
    """`target` is "pdf", or "png": the first page, rendered from the PDF by poppler's pdftoppm
    (LibreOffice's headless Writer has no PNG export)."""
    document = _soffice_pdf(docx)
    if target == "pdf":
        return document
    return _first_page_png(document)


def _first_page_png(document: bytes) -> bytes:
    program = shutil.which("pdftoppm")
    if program is None:
        raise UserError.single(ErrorCode.TOOL_MISSING, "máy chưa cài pdftoppm (gói poppler-utils) nên không xuất được ảnh PNG của báo cáo", field="png")
    with tempfile.TemporaryDirectory(prefix="ansinh-png-") as folder:
        source = Path(folder) / "bao-cao.pdf"
        source.write_bytes(document)
        try:
            subprocess.run([program, "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(source), str(Path(folder) / "trang-1")],
                           check=True, timeout=TIMEOUT_SECONDS, capture_output=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise UserError.single(ErrorCode.TOOL_FAILED, f"pdftoppm không tạo được ảnh PNG: {error}", field="png") from None
        return (Path(folder) / "trang-1.png").read_bytes()


def _soffice_pdf(docx: bytes) -> bytes:
    target = "pdf"
    program = soffice()
    if program is None:
        raise UserError.single(ErrorCode.TOOL_MISSING, "máy chưa cài LibreOffice (soffice) nên không xuất được PDF; tệp Word (.docx) vẫn dùng bình thường", field="pdf")
    with tempfile.TemporaryDirectory(prefix="ansinh-pdf-") as folder:
        work = Path(folder)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", target, "--outdir", str(work / "out"), str(source)]
        try:
            subprocess.run(command, check=True, timeout=TIMEOUT_SECONDS, capture_output=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise UserError.single(ErrorCode.TOOL_FAILED, f"LibreOffice không chuyển được báo cáo sang {target.upper()}: {error}", field="pdf") from None
        produced = work / "out" / f"bao-cao.{target}"
        if not produced.exists():
            raise UserError.single(ErrorCode.TOOL_FAILED, f"LibreOffice chạy xong nhưng không tạo ra tệp {target.upper()}", field="pdf")
        return produced.read_bytes()
