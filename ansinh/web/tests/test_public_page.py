"""The public page: no login, approved aggregate figures only, nothing personal, can be switched off."""

import re

from django.test import Client, override_settings

from ansinh.analytics.selectors import evaluate_program
from ansinh.core.vnformat import format_number
from ansinh.datavalues.actions import do_reopen_report
from ansinh.datavalues.models import Submission
from ansinh.programs.models import Program

URL = "/public/duc-pho-42/"


def shown_values(page: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-target="(T\d\d)">.*?<td class="num value">([^<]*)</td>', page, re.S))


def test_without_login_the_approved_years_are_shown_and_the_others_are_not(db):
    page = Client().get(URL).content.decode()
    values = shown_values(page)
    assert len(values) == 34
    program = Program.objects.get(code="duc-pho-42")
    series = {p["year"]: p["value"] for p in next(r for r in evaluate_program(program, "534", 2026)["targets"] if r["target"] == "T02")["series"]}
    # The demo approved 2023 and 2024 only: the latest published unemployment rate is 2024's.
    assert values["T02"].strip() == f"{format_number(series[2024])} % (2024)"
    assert values["T09"].strip() == "chưa công bố"  # qualitative: no figure
    assert "Đăng xuất" not in page and "Dữ liệu mẫu" in page


def test_an_unapproved_report_withdraws_its_year(admin_user):
    # Given xã Phổ An's 2024S2 report re-opened (its data no longer approved)
    town = Submission.objects.get(data_set__code="XA_6THANG", unit__code="534", period="2024S2")
    do_reopen_report(town, reason="rà soát lại", acting_user=admin_user, channel="test")
    commune = Submission.objects.get(data_set__code="XA_6THANG", unit__code="21442", period="2024S2")
    do_reopen_report(commune, reason="rà soát lại", acting_user=admin_user, channel="test")
    # Then the targets computed from that data set fall back to 2023 on the public page
    values = shown_values(Client().get(URL).content.decode())
    assert values["T02"].strip().endswith("(2023)")
    assert values["T27"].strip().endswith("(2024)")  # social housing: the town's yearly housing report stays approved


def test_nothing_personal_is_published(db):
    page = Client().get(URL).content.decode()
    for private in ("admin", "ansinh-demo", "ước thực hiện", "Dữ liệu mẫu: đã"):
        assert private not in page.replace("Dữ liệu mẫu</strong>", "")


@override_settings(ANSINH_PUBLIC_PAGE=False)
def test_the_public_page_can_be_switched_off(db):
    assert Client().get(URL).status_code == 404


def test_an_unknown_program_is_404(db):
    assert Client().get("/public/khong-co/").status_code == 404


def test_the_approval_check_does_not_depend_on_the_first_target_being_measured(admin_user):
    # A program that starts with a qualitative target (no series) still checks every year.
    from ansinh.programs.models import Target

    Target.objects.filter(program__code="duc-pho-42", code="T09").update(position=0)
    for unit in ("534", "21442"):
        report = Submission.objects.get(data_set__code="XA_6THANG", unit__code=unit, period="2024S2")
        do_reopen_report(report, reason="rà soát lại", acting_user=admin_user, channel="test")
    assert shown_values(Client().get(URL).content.decode())["T02"].strip().endswith("(2023)")
