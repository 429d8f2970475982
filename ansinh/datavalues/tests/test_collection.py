"""Data collection end to end in the database: imports, permissions, locks, conflicts, the
report workflow and its audit trail."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from ansinh.accounts.models import RoleAssignment
from ansinh.analytics.selectors import evaluate_program
from ansinh.core.errors import UserError
from ansinh.datavalues.actions import (
    ConflictError,
    ValueEntry,
    do_approve_report,
    do_excuse_report,
    do_import_values,
    do_reopen_report,
    do_return_report,
    do_set_data_values,
    do_submit_report,
)
from ansinh.datavalues.models import DataValue, Submission
from ansinh.datavalues.rows import Location, RawValue
from ansinh.datavalues.selectors import reporting_status, validation_context, value_history
from ansinh.datavalues.validation import Candidate
from ansinh.indicators.models import DataElement, DataSet
from ansinh.orgunits.selectors import get_unit
from ansinh.programs.models import Program

PERIOD = "2026S2"
COMMUNE = "21457"  # xã Nguyễn Nghiêm, formed on 01/7/2025 from Phổ Nhơn and Phổ Phong


def raw(element, amount, unit=COMMUNE, period=PERIOD, row=2, comment=""):
    return RawValue(element, unit, period, str(amount), Location("xa.xlsx", "Nguyễn Nghiêm", row, "F"), comment=comment)


def full_form(unit=COMMUNE, period=PERIOD, **overrides):
    """A complete, consistent XA_6THANG report: the commune's previous half-year, as reported."""
    codes = DataSet.objects.get(code="XA_6THANG").elements.values_list("code", flat=True)
    previous = dict(DataValue.objects.filter(unit__code=unit, period="2026S1", data_element__code__in=codes).values_list("data_element__code", "value"))
    values = {code: int(previous[code]) for code in codes}
    values.update(overrides)
    return [raw(code, amount, unit, period, row=i) for i, (code, amount) in enumerate(values.items(), start=3)]


def test_a_commune_officer_imports_a_full_report_and_it_is_attributed(commune_officer):
    report = do_import_values(full_form(), acting_user=commune_officer, channel="xa.xlsx")
    assert report.errors == [] and report.created == 33
    value = DataValue.objects.get(data_element__code="THAT_NGHIEP", unit__code=COMMUNE, period=PERIOD)
    record = value.history.get()
    assert (record.history_user, record.history_change_reason, value.version) == (commune_officer, "xa.xlsx", 1)
    assert Submission.objects.get(unit=value.unit, period=PERIOD, data_set__code="XA_6THANG").status == "draft"


def test_reimporting_the_same_file_changes_nothing(commune_officer):
    do_import_values(full_form(), acting_user=commune_officer, channel="xa.xlsx")
    report = do_import_values(full_form(), acting_user=commune_officer, channel="xa.xlsx")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 33)


def test_vietnamese_decimal_comma_and_thousands_dot_are_read(commune_officer):
    form = full_form()
    population = int(next(r.value_text for r in form if r.element_code == "DAN_SO"))
    dotted = f"{population:,}".replace(",", ".")  # 19.437
    report = do_import_values(full_form(DAN_SO=dotted), acting_user=commune_officer, channel="t")
    assert report.errors == []
    assert DataValue.objects.get(data_element__code="DAN_SO", unit__code=COMMUNE, period=PERIOD).value == population


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"THAT_NGHIEP": 60000}, "Số người thất nghiệp từ 15 tuổi trở lên (60.000) lớn hơn Lực lượng lao động từ 15 tuổi trở lên"),
        ({"NHA_TAM": -3}, "giá trị -3 âm"),
        ({"DAN_SO": "chín nghìn"}, "không phải là số"),
        ({"SO_HO": 1}, "không thỏa quy tắc HO_THEO_KHU_VUC"),
        ({"TRE_THAP_COI": "3,5"}, "phải là số nguyên"),
        # Found by the fuzz test: beyond what a value holds (a database error before), or no number.
        ({"DAN_SO": "123456789012345"}, "số quá lớn (tối đa 14 chữ số phần nguyên)"),
        ({"DAN_SO": "1e30"}, "số quá lớn"),
        ({"DAN_SO": "NaN"}, "không phải là số"),
        ({"DAN_SO": "12,345678"}, "quá 4 chữ số thập phân"),
    ],
)
def test_bad_values_refuse_the_whole_file_with_located_vietnamese_messages(commune_officer, overrides, message):
    report = do_import_values(full_form(**overrides), acting_user=commune_officer, channel="t")
    assert report.refused == 33 and report.created == 0
    assert any(message in error and "tệp xa.xlsx, trang 'Nguyễn Nghiêm', dòng" in error for error in report.errors), report.errors
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def test_unknown_codes_periods_outside_the_program_and_future_periods_are_refused(commune_officer):
    report = do_import_values(
        [raw("KHONG_CO", 1), raw("DAN_SO", 1, unit="99999"), raw("DAN_SO", 1, period="2019S1"), raw("DAN_SO", 1, period="2027S1"), raw("DAN_SO", 1, period="2026Q9"), raw("DAN_SO", 1, period="2026")],
        acting_user=commune_officer, channel="t",
    )
    assert len(report.errors) == 6
    assert "DAN_SO báo cáo theo kỳ 6 tháng, không theo kỳ 2026" in report.errors[5]
    assert "mã phần tử dữ liệu 'KHONG_CO' không có" in report.errors[0]
    assert "không có đơn vị hành chính mã '99999'" in report.errors[1]
    assert "kỳ 2019S1 nằm ngoài thời kỳ của các chương trình (2023–2030)" in report.errors[2]
    assert "kỳ 2027S1 chưa bắt đầu" in report.errors[3]
    assert "kỳ báo cáo \"2026Q9\" không hợp lệ" in report.errors[4]


def test_an_officer_cannot_enter_another_communes_report(other_commune_officer):
    report = do_import_values(full_form(), acting_user=other_commune_officer, channel="t")
    assert "bạn không có quyền nhập 'Báo cáo 6 tháng về chính sách xã hội của UBND xã, phường' cho Xã Nguyễn Nghiêm" in report.errors[0]
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def test_a_commune_code_of_another_district_is_refused_for_a_commune_officer(commune_officer):
    report = do_import_values([raw("DAN_SO", 100, unit="21025")], acting_user=commune_officer, channel="t")  # phường Cẩm Thành
    assert "bạn không có quyền nhập" in report.errors[0]


def test_dry_run_reports_and_writes_nothing(commune_officer):
    report = do_import_values(full_form(), acting_user=commune_officer, channel="t", dry_run=True)
    assert (report.created, report.dry_run) == (33, True)
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()
    assert not Submission.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def test_a_second_writer_who_saw_an_older_version_is_refused_with_the_others_value(commune_officer):
    colleague = RoleAssignment.objects.create(
        user=get_user_model().objects.create_user("dong-nghiep"), role="commune_officer", unit=get_unit(COMMUNE)
    ).user
    do_import_values(full_form(NHA_TAM=5), acting_user=commune_officer, channel="form")
    seen = {("NHA_TAM", COMMUNE, PERIOD): 1}  # both opened the form at version 1
    first = do_import_values([raw("NHA_TAM", 4)], acting_user=commune_officer, channel="form", versions=seen)
    assert first.errors == []
    second = do_import_values([raw("NHA_TAM", 3)], acting_user=colleague, channel="form", versions=seen)
    assert "can-bo-nguyen-nghiem đã sửa thành 4" in second.errors[0] and "giá trị của bạn chưa được lưu" in second.errors[0]
    assert DataValue.objects.get(data_element__code="NHA_TAM", unit__code=COMMUNE, period=PERIOD).value == 4


def test_the_history_of_a_value_shows_who_when_old_new_and_channel(commune_officer):
    do_import_values(full_form(NHA_TAM=9), acting_user=commune_officer, channel="xa.xlsx")
    do_import_values([raw("NHA_TAM", 7)], acting_user=commune_officer, channel="form")
    value = DataValue.objects.get(data_element__code="NHA_TAM", unit__code=COMMUNE, period=PERIOD)
    newest, oldest = value_history(value)
    assert (oldest["old"], oldest["new"], oldest["channel"]) == (None, Decimal(9), "xa.xlsx")
    assert (newest["old"], newest["new"], newest["channel"], newest["who"]) == (Decimal(9), Decimal(7), "form", "can-bo-nguyen-nghiem")


def test_submit_approve_locks_and_reopen_is_recorded(commune_officer, province_approver):
    data_set = DataSet.objects.get(code="XA_6THANG")
    unit = get_unit(COMMUNE)
    do_import_values(full_form(), acting_user=commune_officer, channel="t")
    do_submit_report(data_set, unit, PERIOD, acting_user=commune_officer, channel="web")
    locked = do_import_values([raw("NHA_TAM", 5)], acting_user=commune_officer, channel="t")
    assert "đã gửi; cần mở lại trước khi sửa" in locked.errors[0]
    submission = do_approve_report(data_set, unit, PERIOD, acting_user=province_approver, channel="web")
    assert submission.status == "approved"
    assert "đã duyệt" in do_import_values([raw("NHA_TAM", 5)], acting_user=commune_officer, channel="t").errors[0]
    with pytest.raises(UserError, match="cần ghi lý do"):
        do_reopen_report(submission, reason="", acting_user=province_approver, channel="web")
    do_reopen_report(submission, reason="Sửa số nhà tạm theo kết quả rà soát", acting_user=province_approver, channel="web")
    assert do_import_values([raw("NHA_TAM", 5)], acting_user=commune_officer, channel="t").errors == []
    statuses = [h.status for h in Submission.history.filter(id=submission.id).order_by("history_date")]
    assert statuses == ["draft", "submitted", "approved", "draft"]


def test_a_locked_report_refuses_each_of_its_values_and_only_those(commune_officer):
    # Locks are checked once per report; every value written into a locked one gets its message.
    do_import_values(full_form(), acting_user=commune_officer, channel="t")
    do_submit_report(DataSet.objects.get(code="XA_6THANG"), get_unit(COMMUNE), PERIOD, acting_user=commune_officer, channel="web")
    values = [raw("NHA_TAM", 5, row=5), raw("SO_HO", 1500, row=6), raw("NHA_TAM", 6, period="2026S1", row=7)]
    report = do_import_values(values, acting_user=commune_officer, channel="t")
    assert [error.split(":")[0] for error in report.errors] == ["tệp xa.xlsx, trang 'Nguyễn Nghiêm', dòng 5, cột F", "tệp xa.xlsx, trang 'Nguyễn Nghiêm', dòng 6, cột F"]
    assert all("kỳ 2026S2" in error and "đã gửi" in error for error in report.errors)
    assert DataValue.objects.get(data_element__code="NHA_TAM", unit__code=COMMUNE, period="2026S1").value != 6  # nothing written


def test_a_commune_officer_cannot_approve_and_an_approver_cannot_approve_an_unsubmitted_report(commune_officer, province_approver):
    data_set, unit = DataSet.objects.get(code="XA_6THANG"), get_unit(COMMUNE)
    do_import_values(full_form(), acting_user=commune_officer, channel="t")
    do_submit_report(data_set, unit, PERIOD, acting_user=commune_officer, channel="web")
    with pytest.raises(UserError, match="không có quyền duyệt"):
        do_approve_report(data_set, unit, PERIOD, acting_user=commune_officer, channel="web")
    submission = Submission.objects.get(data_set=data_set, unit=unit, period=PERIOD)
    do_return_report(submission, reason="Thiếu số liệu trẻ dưới 5 tuổi", acting_user=province_approver, channel="web")
    with pytest.raises(UserError, match="không chuyển sang 'đã duyệt'"):
        do_approve_report(data_set, unit, PERIOD, acting_user=province_approver, channel="web")


def test_submitting_an_incomplete_report_lists_what_is_missing(commune_officer):
    do_import_values(full_form()[:5], acting_user=commune_officer, channel="t")
    with pytest.raises(UserError, match="còn thiếu số liệu: "):
        do_submit_report(DataSet.objects.get(code="XA_6THANG"), get_unit(COMMUNE), PERIOD, acting_user=commune_officer, channel="web")


def test_the_town_is_approved_only_once_every_commune_is_approved_or_excused(town_approver):
    data_set, town = DataSet.objects.get(code="XA_6THANG"), get_unit("534", __import__("datetime").date(2025, 6, 1))
    with pytest.raises(UserError, match="các đơn vị chưa được duyệt hoặc miễn"):
        do_approve_report(data_set, town, "2025S1", acting_user=town_approver, channel="web")
    for commune in town.children.all():
        do_excuse_report(data_set, commune, "2025S1", reason="Dữ liệu mẫu đã đủ", acting_user=town_approver, channel="web")
    assert do_approve_report(data_set, town, "2025S1", acting_user=town_approver, channel="web").status == "approved"
    status = reporting_status(data_set, town, "2025S1")
    assert (status["expected"], status["parent_status"]) == (15, "đã duyệt")


def test_reporting_status_says_who_has_not_reported(commune_officer, province_approver):
    data_set = DataSet.objects.get(code="XA_6THANG")
    do_import_values(full_form(), acting_user=commune_officer, channel="t")
    do_submit_report(data_set, get_unit(COMMUNE), PERIOD, acting_user=commune_officer, channel="web")
    status = reporting_status(data_set, get_unit("51"), PERIOD)
    rows = {row.unit.code: row for row in status["rows"]}
    assert len(rows) == 96 and rows[COMMUNE].status == "submitted" and rows["21472"].status == "not_started"
    assert status["reported"] == 1


def test_an_approved_value_changes_the_evaluation(commune_officer, province_approver):
    program = Program.objects.get(code="duc-pho-42")
    before = {t["target"]: t for t in evaluate_program(program, COMMUNE, 2026)["targets"]}["T28"]["value"]
    report = do_import_values(full_form(NHA_TAM=0), acting_user=commune_officer, channel="t")
    assert report.errors == []
    after = {t["target"]: t for t in evaluate_program(program, COMMUNE, 2026)["targets"]}["T28"]["value"]
    assert before != after and after == 0


def test_an_agency_officer_enters_only_its_agencys_forms(health_officer):
    ok = do_import_values([RawValue("BAC_SI", "21472", "2026", "20", Location("yte.csv", row=2))], acting_user=health_officer, channel="t")
    assert ok.errors == []
    refused = do_import_values([RawValue("BHXH_THAM_GIA", "21472", "2026", "12", Location("yte.csv", row=2))], acting_user=health_officer, channel="t")
    assert "bạn không có quyền nhập" in refused.errors[0]


def test_a_viewer_changes_nothing(viewer):
    report = do_import_values(full_form(), acting_user=viewer, channel="t")
    assert report.refused == 33 and not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def test_set_values_refuses_a_stale_version_directly(commune_officer):
    element, unit = DataElement.objects.get(code="DAN_SO"), get_unit(COMMUNE)
    do_set_data_values([ValueEntry(element, unit, PERIOD, Decimal(10))], acting_user=commune_officer, channel="t")
    with pytest.raises(ConflictError):
        do_set_data_values([ValueEntry(element, unit, PERIOD, Decimal(11), expected_version=0)], acting_user=commune_officer, channel="t")


def test_the_validation_context_keeps_each_earlier_periods_stored_values_apart(db):
    # Given a commune with stored reports for 2025S2 and 2026S1
    unit = get_unit(COMMUNE)
    stored = dict(DataValue.objects.filter(unit=unit, period__in=["2025S2", "2026S1"], data_element__code="DAN_SO").values_list("period", "value"))
    # When values for 2026S1 and 2026S2 are checked together
    candidates = [Candidate("DAN_SO", unit.pk, period, Decimal(1), "", "dòng 2") for period in ("2026S1", "2026S2")]
    context = validation_context(candidates)
    assert len(stored) == 2 and stored["2025S2"] != stored["2026S1"]
    # Then each period is compared with its own previous period's stored value
    assert context.previous_periods == {"2026S1": "2025S2", "2026S2": "2026S1"}
    assert {p: context.previous[(unit.pk, p, "DAN_SO")] for p in ("2025S2", "2026S1")} == stored
