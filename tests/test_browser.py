"""In a real browser (Playwright driving Debian's chromium) against a real server, set up the way
`make run` does it: its own SQLite file, migrated, demo loaded through the real actions.

It checks what only a browser shows: the login form, the program page, the entry form's inline
Vietnamese message, a saved value and its history, a program imported from its document through
the side-by-side review page, and that no page asks for anything outside the server (offline
intranets: no CDN, no external fonts). Where chromium or Playwright is missing the test says it
was skipped; CI sets ANSINH_REQUIRE_BROWSER=1 and then a missing browser fails.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from shutil import which
from urllib.error import URLError
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = which("chromium") or which("chromium-browser")
ADMIN = ("admin", "ansinh-demo-2026")
ENTRY = "/data/XA_6THANG/21457/2026S2/"  # xã Nguyễn Nghiêm (2025 unit), a period with no data yet


def _require_browser():
    missing = "chromium" if CHROMIUM is None else None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright"
    if missing is None:
        return
    if os.environ.get("ANSINH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{missing} is required (ANSINH_REQUIRE_BROWSER=1)")
    pytest.skip(f"{missing} not installed: browser tests skipped")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_browser()
    workdir = tmp_path_factory.mktemp("browser")
    database = workdir / "ansinh.sqlite3"
    # Its own database and upload folder: the developer's installation in var/ is never touched.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "ANSINH_UPLOAD_DIR": str(workdir / "uploads"), "ANSINH_DEBUG": "true"}
    for command in (["python", "manage.py", "migrate", "--noinput"], ["ansinh", "demo", "setup"]):
        subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(f"{base}/accounts/login/", timeout=1)
                break
            except (URLError, ConnectionError):
                time.sleep(0.1)
        yield base, database
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_default_timeout(15_000)
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        yield page
        browser.close()


def log_in(page, base):
    page.goto(f"{base}/")  # login required: the form comes first
    page.fill("input[name=username]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")


def stored_values(database: Path, code: str) -> tuple[list, list]:
    with sqlite3.connect(database) as connection:
        query = (
            "SELECT v.value, u.username FROM {table} v JOIN indicators_dataelement e ON e.id = v.data_element_id "
            "JOIN orgunits_orgunit o ON o.id = v.unit_id LEFT JOIN auth_user u ON u.id = v.updated_by_id "
            "WHERE e.code = ? AND o.code = '21457' AND v.period = '2026S2'"
        )
        current = connection.execute(query.format(table="datavalues_datavalue"), (code,)).fetchall()
        history = connection.execute(query.format(table="datavalues_historicaldatavalue"), (code,)).fetchall()
    return current, history


def test_the_program_page_after_logging_in_is_in_vietnamese_and_labels_sample_data(server, page):
    base, _ = server
    log_in(page, base)
    assert page.locator("html").get_attribute("lang") == "vi"
    with page.expect_navigation():
        page.click("a[href='/programs/duc-pho-42/']")
    body = page.inner_text("body")
    assert "Tỷ lệ thất nghiệp" in body and "Dữ liệu mẫu" in body
    assert all(url.startswith(base) for url in page.requests), [u for u in page.requests if not u.startswith(base)]


def test_a_wrong_value_is_refused_inline_then_a_right_one_is_saved_with_its_history(server, page):
    base, database = server
    log_in(page, base)
    page.goto(f"{base}{ENTRY}")
    page.fill("#value-NHA_TAM", "-3")
    with page.expect_navigation():
        page.click("button[value=save]")
    error = page.locator("#error-NHA_TAM")
    assert error.is_visible() and page.get_attribute("#value-NHA_TAM", "aria-invalid") == "true"
    assert stored_values(database, "NHA_TAM") == ([], [])  # refused: nothing written

    page.fill("#value-NHA_TAM", "3")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert page.input_value("#value-NHA_TAM") == "3"
    page.click("details.history summary")
    assert "admin" in page.inner_text("details.history")
    current, history = stored_values(database, "NHA_TAM")
    assert [(float(value), who) for value, who in current] == [(3.0, "admin")]
    assert len(history) == 1
    assert all(url.startswith(base) for url in page.requests)


def test_a_program_is_imported_from_its_document_reviewed_beside_the_source_and_loaded(server, page):
    base, database = server
    seed = ROOT / "ansinh" / "docparse" / "gold" / "duc-pho-42.txt"
    log_in(page, base)
    with page.expect_navigation():
        page.click("a[href='/programs/import/']")
    page.set_input_files("#document", {"name": "thi-uy-moi.txt", "mimeType": "text/plain", "buffer": seed.read_bytes()})
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert "đọc được 34 chỉ tiêu, 17 nhiệm vụ" in page.inner_text("body")
    assert "Tỷ lệ thất nghiệp chung dưới 2%" in page.input_value("textarea[name=source]")

    with page.expect_navigation():  # loaded as drafted: the reviewer has not chosen the unit yet
        page.click("form.side-by-side button[type=submit]")
    assert "scope_unit.code: thiếu trường bắt buộc" in page.inner_text(".messages")

    draft = page.input_value("textarea[name=draft]")
    page.fill("textarea[name=draft]", draft.replace("code: ''", "code: '534'", 1))
    with page.expect_navigation():
        page.click("form.side-by-side button[type=submit]")
    assert page.url == f"{base}/programs/thi-uy-moi/"
    with sqlite3.connect(database) as connection:
        (targets,) = connection.execute(
            "SELECT COUNT(*) FROM programs_target t JOIN programs_program p ON p.id = t.program_id WHERE p.code = 'thi-uy-moi'"
        ).fetchone()
    assert targets == 34
