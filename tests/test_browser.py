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
import sqlite3
import subprocess
import sys
from pathlib import Path
from shutil import which

import pytest

from tests.live_server import serve_demo

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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_browser()
    yield from serve_demo(tmp_path_factory.mktemp("browser"))


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


# The dashboard (issue 6): what a newcomer does in the first minute, checked against the analytics
# the CLI computes from the same database; accessibility by axe-core; screenshots as artefacts.

ARTIFACTS = Path(os.environ.get("ANSINH_TEST_ARTIFACTS", ROOT / "test-artifacts"))


def evaluation(database: Path, unit: str, year: int) -> dict:
    """`ansinh evaluate … --json` against the server's own database: the analytics the page must show."""
    import json

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run([str(BIN / "ansinh"), "evaluate", "duc-pho-42", "--unit", unit, "--year", str(year), "--json"],
                            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120)
    return {row["target"]: row for row in json.loads(result.stdout)}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def vn(value: float) -> str:
    from ansinh.core.vnformat import format_number

    return format_number(value)


def test_a_newcomer_finds_the_off_track_targets_and_the_communes_that_drag_them_down(server, page):
    base, database = server
    log_in(page, base)
    with page.expect_navigation():
        page.click("text=Tổng quan tiến độ")
    page.select_option("#f-year", "2025")
    page.select_option("#f-status", "off_track")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    api = evaluation(database, "534", 2025)
    off_track = sorted(code for code, row in api.items() if row["status"] == "off_track")
    rows = page.locator("tr[data-target]")
    assert sorted(rows.nth(i).get_attribute("data-target") for i in range(rows.count())) == off_track
    for code in off_track:
        row = page.locator(f"tr[data-target='{code}']")
        assert row.locator(".badge").inner_text() == "Khó đạt"
        assert row.locator("td.value").inner_text().splitlines()[0] == f"{vn(api[code]['value'])} {api[code]['unit']}"
    assert page.locator(".status-counts a.status-off_track strong").inner_text() == str(len(off_track))
    shoot(page, "overview-off-track-2025")

    with page.expect_navigation():
        page.click(f"tr[data-target='{off_track[0]}'] a")
    ranked = page.locator("table.ranking tbody tr")
    assert ranked.count() == 5  # the five units of the 2025 reform
    worst = page.locator("ol.worst li").first.inner_text()
    assert worst.startswith(ranked.nth(ranked.count() - 1).locator("td a").inner_text())
    assert page.locator("strong.value").inner_text() == f"{vn(api[off_track[0]]['value'])} {api[off_track[0]]['unit']}"
    shoot(page, f"target-{off_track[0]}-2025")

    with page.expect_download() as download:
        page.click("text=Excel (.xlsx)")
    from openpyxl import load_workbook

    import io

    workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    town = {row[5]: row[6] for row in workbook.active.iter_rows(min_row=2, values_only=True) if row[3] == "534"}
    assert town == {p["year"]: p["value"] for p in api[off_track[0]]["series"] if p["value"] is not None}
    assert not [r for r in page.requests if not r.startswith(base)]


def test_switching_unit_and_year_by_keyboard_alone(server, page):
    base, _ = server
    log_in(page, base)
    page.goto(f"{base}/programs/duc-pho-42/overview/")

    def tab_to(selector: str) -> None:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
                return
        raise AssertionError(f"{selector} cannot be reached with the Tab key")

    tab_to("#f-unit")
    for _ in range(40):  # the arrow keys walk the options of a focused select
        if page.eval_on_selector("#f-unit", "e => e.value") == "21457":
            break
        page.keyboard.press("ArrowDown")
    tab_to("form.filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().startswith("Tổng quan tiến độ: Xã Nguyễn Nghiêm, ")
    tab_to("#f-year")
    page.keyboard.press("Home")  # the first year: 2023, before the reform, when 21457 was xã Phổ Nhơn
    tab_to("form.filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Tổng quan tiến độ: Xã Phổ Nhơn, 2023"
    assert "Xã Nguyễn Nghiêm" not in page.locator("#f-unit").inner_text()  # the list holds the units of 2023
    shoot(page, "overview-keyboard-21457")


@pytest.mark.parametrize("width", [1366, 390])
def test_pages_fit_a_small_laptop_and_a_phone(server, page, width):
    base, _ = server
    page.set_viewport_size({"width": width, "height": 768 if width > 1000 else 844})
    log_in(page, base)
    for name, path in (("overview", "/programs/duc-pho-42/overview/?year=2025"), ("target", "/programs/duc-pho-42/targets/T02/?year=2024")):
        page.goto(base + path)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{path} is wider than a {width}px screen"
        shoot(page, f"{name}-{width}px")


def test_no_accessibility_violation_on_the_main_pages(server, page):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = server
    axe = Axe()
    page.goto(f"{base}/accounts/login/")
    found = {"login": axe.run(page).generate_snapshot()}
    log_in(page, base)
    for path in ("/", "/programs/duc-pho-42/", "/programs/duc-pho-42/overview/?year=2025", "/programs/duc-pho-42/targets/T02/?year=2024",
                 "/programs/duc-pho-42/report/", "/reporting/", ENTRY, "/public/duc-pho-42/", "/account/tokens/", "/audit/"):
        page.goto(base + path)
        found[path] = axe.run(page).generate_snapshot()
    assert {path: report for path, report in found.items() if report} == {}


def test_no_page_breaks_the_content_security_policy(server, page):
    """Every page is served with a strict policy (no inline script or style, nothing from
    elsewhere); the browser reports any violation on the console."""
    base, _ = server
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    log_in(page, base)
    for path in ("/", "/programs/duc-pho-42/", "/programs/duc-pho-42/overview/?year=2025", "/programs/duc-pho-42/targets/T02/?year=2024",
                 "/programs/duc-pho-42/report/", ENTRY, "/public/duc-pho-42/", "/audit/", "/api/docs/", "/admin/"):
        response = page.goto(base + path)
        assert "default-src 'self'" in (response.headers.get("content-security-policy") or ""), path
    page.goto(f"{base}/api/docs/")
    page.wait_for_selector(".swagger-ui .info")  # the documentation drew itself under the policy
    assert violations == []


def test_an_official_turns_on_two_factor_with_the_qr_code_page_and_is_then_asked_for_a_code(server, page):
    """Set-up in a real browser: the QR code is drawn (an image from this server, under the
    content-security policy), the typed-in secret gives the code that turns it on, both pages pass
    axe, and the next login stops at the code page."""
    import base64
    import time

    from axe_playwright_python.sync_playwright import Axe
    from django_otp.oath import TOTP

    base, database = server
    password = "mat-khau-hai-lop-2026"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([str(Path(sys.executable).parent / "ansinh"), "accounts", "grant", "hai-lop", "--role", "approver", "--password", password],
                   env=env, check=True, capture_output=True, timeout=60)

    def log_in_as_official():
        page.goto(f"{base}/accounts/login/")
        page.fill("input[name=username]", "hai-lop")
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("form.stack button[type=submit]")

    log_in_as_official()
    page.goto(f"{base}/account/two-factor/")
    with page.expect_navigation():
        page.click("text=Bắt đầu cài đặt")
    page.wait_for_function("document.querySelector('img.qr').naturalWidth > 0")
    assert Axe().run(page).generate_snapshot() == ""
    secret = page.inner_text("code.token").replace(" ", "")
    totp = TOTP(base64.b32decode(secret))
    totp.time = time.time()
    page.fill("#confirm-code", f"{totp.token():06d}")
    with page.expect_navigation():
        page.click("text=Xác nhận và bật")
    assert "Đang bật" in page.inner_text("main")

    page.context.clear_cookies()
    log_in_as_official()
    assert "/account/two-factor/verify/" in page.url
    assert Axe().run(page).generate_snapshot() == ""
    page.fill("#code", "000000" if totp.token() != 0 else "111111")
    with page.expect_navigation():
        page.click("text=Tiếp tục")
    assert "mã xác thực không đúng" in page.inner_text("[role=alert]")
    page.goto(f"{base}/programs/duc-pho-42/overview/")
    assert "/account/two-factor/verify/" in page.url  # still nothing but the code page
