"""Build the demo installation through the real actions: units, lineage, indicator library,
the Đức Phổ program, the demo administrator and the sample values. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ansinh.accounts.actions import do_ensure_demo_admin, get_or_create_system_user
from ansinh.datavalues.actions import ValueEntry, do_set_data_values
from ansinh.demo.approvals import approve_reviewed_years
from ansinh.demo.scenario import SAMPLE_SOURCE, OldCommune, generate
from ansinh.indicators.actions import do_load_indicator_library
from ansinh.indicators.libraryfile import parse_indicator_library
from ansinh.indicators.models import DataElement
from ansinh.orgunits.actions import do_import_editions, do_record_lineage
from ansinh.orgunits.lineagefile import parse_lineage_file
from ansinh.orgunits.gso_editions import LAST_DAY_BEFORE_REFORM, REFORM_DATE
from ansinh.orgunits.models import OrgUnit, UnitSuccession
from ansinh.orgunits.selectors import get_unit, valid_on
from ansinh.demo.task_reports import load_task_reports
from ansinh.programs.actions import do_load_program
from ansinh.programs.models import Program
from ansinh.programs.programfile import parse_program_file

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LINEAGE_FILE = PACKAGE_DIR / "orgunits" / "lineage" / "quang-ngai-2025.yaml"
INDICATOR_LIBRARY = PACKAGE_DIR / "indicators" / "library" / "nq42.yaml"
PROGRAM_FILE = PACKAGE_DIR / "programs" / "examples" / "duc-pho-42.yaml"
# Quảng Ngãi, and Kon Tum, which merged into it on 01/7/2025 (so exists in the 2024 edition only).
DEMO_PROVINCES = {"51", "62"}
DEMO_TOWN = "534"  # thị xã Đức Phổ
DEMO_ADMIN = ("admin", "ansinh-demo-2026")


@dataclass(frozen=True)
class DemoReport:
    units: dict
    values: dict
    task_reports: int
    approved_reports: int = 0

    def lines(self) -> list[str]:
        return [
            *(f"Đơn vị hành chính (ấn bản {k}): tạo {v['created']}, cập nhật {v['updated']}, không đổi {v['unchanged']}" for k, v in self.units.items()),
            f"Dữ liệu mẫu: tạo {self.values['created']}, cập nhật {self.values['updated']}, không đổi {self.values['unchanged']}",
            f"Báo cáo nhiệm vụ mẫu mới: {self.task_reports}",
            f"Báo cáo số liệu mẫu năm 2023–2024 vừa duyệt: {self.approved_reports}",
        ]


@transaction.atomic
def setup_demo(*, whole_country: bool = False) -> DemoReport:
    """Everything `make run` needs, in order; safe to run again."""
    user = get_or_create_system_user("ansinh-demo")
    provinces = None if whole_country else DEMO_PROVINCES
    summaries = do_import_editions(["2024", "2025"], provinces, pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, acting_user=user, channel="demo")
    units = {key: summary.as_dict() for key, summary in summaries.items()}
    effective_on, edges = parse_lineage_file(LINEAGE_FILE)
    do_record_lineage(effective_on, edges, acting_user=user, channel="demo", filename=LINEAGE_FILE.name)
    do_load_indicator_library(parse_indicator_library(INDICATOR_LIBRARY), acting_user=user, channel="demo")
    do_load_program(parse_program_file(PROGRAM_FILE), acting_user=user, channel="demo")
    admin = do_ensure_demo_admin(username=DEMO_ADMIN[0], password=DEMO_ADMIN[1])
    values = load_sample_values(user)
    reports = load_task_reports(Program.objects.get(code="duc-pho-42"), date.today(), admin)
    approved = approve_reviewed_years(get_unit(DEMO_TOWN, LAST_DAY_BEFORE_REFORM), admin)
    return DemoReport(units, values, reports, approved)


@transaction.atomic
def load_sample_values(user) -> dict:
    town = get_unit(DEMO_TOWN, LAST_DAY_BEFORE_REFORM)
    old = list(OrgUnit.objects.filter(valid_on(LAST_DAY_BEFORE_REFORM), parent=town).order_by("code"))
    edges = UnitSuccession.objects.filter(predecessor__in=old, effective_on=REFORM_DATE).select_related("successor")
    successors: dict[str, list[str]] = {}
    new_units = {}
    for edge in edges:
        successors.setdefault(edge.successor.code, []).append(edge.predecessor.code)
        new_units[edge.successor.code] = edge.successor
    units = {("old", unit.code): unit for unit in old} | {("new", code): unit for code, unit in new_units.items()}
    units[("old", town.code)] = town
    elements = {element.code: element for element in DataElement.objects.all()}
    communes = [OldCommune(unit.code, unit.kind in ("ward", "township")) for unit in old]
    entries = [
        ValueEntry(
            data_element=elements[sample.data_element],
            unit=units[(sample.epoch, sample.unit_code)],
            period=sample.period,
            value=Decimal(str(sample.value)),
            source=SAMPLE_SOURCE,
            comment="ước thực hiện" if sample.period == "2026" else "",
            is_sample=True,
        )
        for sample in generate(communes, successors, town.code)
    ]
    return do_set_data_values(entries, acting_user=user, channel="demo").as_dict()
