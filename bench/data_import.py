"""Benchmark: data collection imports through the real path (read → resolve → check → write →
refresh the analytics cube), on a throwaway SQLite database (or DATABASE_URL):
  - the 15 commune workbooks of thị xã Đức Phổ for one half-year, one by one and as one zip;
  - 1,000,000 values from CSV (values per second).
Goals (issue 4): 15 workbooks in under 3 s; at least 50,000 values/s from CSV.

Run: make bench   (or: .venv/bin/python -m bench.data_import [--values 1000000])
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile

from bench.database import throwaway_database


def workbooks(admin) -> None:
    from ansinh.datavalues.actions import do_import_file
    from ansinh.datavalues.models import DataValue
    from ansinh.indicators.models import DataSet
    from ansinh.orgunits.models import OrgUnit
    from ansinh.web.data_entry import build_template

    data_set = DataSet.objects.get(code="XA_6THANG")
    communes = list(OrgUnit.objects.filter(parent__code="534", valid_to__isnull=False).order_by("code"))
    files = [(f"{c.code}.xlsx", build_template(data_set, c, "2025S1")) for c in communes]  # pre-filled with the demo values
    DataValue.objects.filter(period="2025S1", unit__in=communes, data_element__data_set_link__data_set=data_set).delete()
    start = time.perf_counter()
    created = 0
    for name, content in files:
        report = do_import_file(content, name, acting_user=admin)
        assert not report.errors, report.errors[:3]
        created += report.created
    one_by_one = time.perf_counter() - start
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for name, content in files:
            zf.writestr(name, content)
    start = time.perf_counter()
    report = do_import_file(archive.getvalue(), "duc-pho-2025S1.zip", acting_user=admin)
    as_zip = time.perf_counter() - start
    print(f"15 commune workbooks, one by one: {one_by_one:.2f} s ({created} values created)  (goal: < 3 s)")
    print(f"the same 15 workbooks as one zip (re-import, all unchanged): {as_zip:.2f} s ({report.unchanged} unchanged)")


def csv_million(admin, count: int) -> None:
    from django.conf import settings

    from ansinh.datavalues.actions import do_import_file
    from ansinh.orgunits.actions import do_import_editions

    do_import_editions(["2024"], None, pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, acting_user=admin, channel="bench")
    content = _synthetic_csv(count)
    start = time.perf_counter()
    report = do_import_file(content, "million.csv", acting_user=admin)
    elapsed = time.perf_counter() - start
    assert not report.errors, report.errors[:3]
    print(f"{report.created:,} values from CSV ({len(content) / 1e6:.0f} MB): {elapsed:.1f} s = {report.created / elapsed:,.0f} values/s  (goal: ≥ 50,000/s)")


def _synthetic_csv(count: int) -> bytes:
    """Consistent values (numerators within denominators, households adding up) for the 2024
    communes of the whole country, 33 elements, as many half-years as needed."""
    from ansinh.indicators.models import DataSet
    from ansinh.orgunits.models import OrgUnit

    codes = list(DataSet.objects.get(code="XA_6THANG").elements.order_by("data_set_link__position").values_list("code", flat=True))
    # Communes outside the demo provinces, whose figures the demo already holds.
    communes = list(
        OrgUnit.objects.filter(level=3, valid_to__isnull=False).exclude(parent__parent__code__in=["51", "62"]).values_list("code", flat=True)
    )
    periods = ["2023S1", "2023S2", "2024S1", "2024S2", "2025S1"]
    lines, written = ["data_element,period,org_unit,category,value,comment"], 0
    for period in periods:
        for unit in communes:
            for code, value in _commune_values(codes, 6500 + int(unit) % 8000).items():
                if written == count:
                    return ("\n".join(lines) + "\n").encode()
                lines.append(f"{code},{period},{unit},,{value},")
                written += 1
    return ("\n".join(lines) + "\n").encode()


def _commune_values(codes: list[str], people: int) -> dict[str, int]:
    """A rural commune of `people` inhabitants whose figures pass every rule."""
    households, labour = people * 10 // 36, people * 56 // 100
    unemployed = labour * 3 // 100

    def share(total: int, percent: float) -> int:  # rates near those of the demo communes (their peers)
        return round(total * percent / 100)

    values = dict(
        DAN_SO=people, SO_HO=households, HO_THANH_THI=0, HO_NONG_THON=households, HO_NCC=households * 45 // 1000,
        LLLD=labour, THAT_NGHIEP=unemployed, LLLD_THANH_THI=0, THAT_NGHIEP_THANH_THI=0, LD_VIEC_LAM=labour - unemployed,
        DT_TRO_CAP=max(3, people // 900), DS_TUOI_TIEU_HOC=people * 75 // 1000, DS_TUOI_THCS=people * 58 // 1000,
        DS_TUOI_THPT=people * 43 // 1000, DON_VI_XA=1, XMC_MUC_2=1, TRE_DUOI_1=people * 14 // 1000,
        TRE_DUOI_5_CAN_DO=people * 68 // 1000, NHA_TAM=people // 1000, HO_THANH_THI_NUOC_SACH=0, DIEM_DAN_CU_NT=6,
    )
    values.update(
        HO_NCC_KHA=share(values["HO_NCC"], 91), LD_CO_BANG=share(values["LD_VIEC_LAM"], 26),
        DT_TRO_CAP_HUONG=share(values["DT_TRO_CAP"], 99), HS_TIEU_HOC_DUNG_TUOI=share(values["DS_TUOI_TIEU_HOC"], 99.2),
        HS_THCS_DUNG_TUOI=share(values["DS_TUOI_THCS"], 96), HS_THPT_DUNG_TUOI=share(values["DS_TUOI_THPT"], 69),
        QUAN_LY_SUC_KHOE=share(people, 80), TRE_TCMR_DU=share(values["TRE_DUOI_1"], 96.5),
        TRE_THAP_COI=share(values["TRE_DUOI_5_CAN_DO"], 7), HO_NONG_THON_NUOC_SACH=share(households, 65),
        HO_VE_SINH=share(households, 88), DIEM_DAN_CU_NT_THU_GOM=1,
    )
    assert set(values) == set(codes), set(codes) ^ set(values)
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=1_000_000, help="values in the CSV benchmark")
    args = parser.parse_args()
    throwaway_database()
    from ansinh.accounts.models import RoleAssignment
    from ansinh.accounts.actions import get_or_create_system_user
    from ansinh.demo.setup import setup_demo

    setup_demo()
    admin = get_or_create_system_user("bench-admin")
    RoleAssignment.objects.get_or_create(user=admin, role="system_admin", unit=None, agency="")
    workbooks(admin)
    csv_million(admin, args.values)


if __name__ == "__main__":
    main()
