"""Read the official GSO unit lists shipped by the `vietnam-provinces` package.

Two editions are used (ADR 0003):
- "2024": vietnam-provinces 0.6.0, three levels (63 provinces, ~700 districts, ~10,000
  communes) as they stood until 30/6/2025. Read from the wheel file as a zip, because it cannot
  be installed beside the 2025 edition (same import name).
- "2025": vietnam-provinces 2025.10.1 (installed), two levels (34 provinces, 3,321 communes)
  in force from 01/7/2025.

Pure code: returns plain records; the action `do_import_units` writes them.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ansinh.core.errors import ErrorCode, UserError

REFORM_DATE = date(2025, 7, 1)  # NQ 1677/NQ-UBTVQH15 and sister resolutions: new units operate from 01/7/2025
LAST_DAY_BEFORE_REFORM = date(2025, 6, 30)

# GSO writes codes with a fixed width per level; the package stores them as integers.
CODE_WIDTH = {1: 2, 2: 3, 3: 5}

_KIND_BY_PREFIX = {
    1: [("Thành phố ", "central_city"), ("Tỉnh ", "province")],
    2: [("Quận ", "urban_district"), ("Huyện ", "rural_district"), ("Thị xã ", "town"), ("Thành phố ", "provincial_city")],
    3: [("Phường ", "ward"), ("Xã ", "commune"), ("Thị trấn ", "township"), ("Đặc khu ", "special_zone")],
}
_KIND_BY_DIVISION_TYPE = {
    "tỉnh": "province",
    "thành phố trung ương": "central_city",
    "xã": "commune",
    "phường": "ward",
    "đặc khu": "special_zone",
}


@dataclass(frozen=True)
class UnitRecord:
    code: str
    name: str
    kind: str
    level: int
    parent_code: str | None


@dataclass(frozen=True)
class Edition:
    key: str
    package_version: str
    valid_from: date | None
    valid_to: date | None

    @property
    def source(self) -> str:
        return f"vietnam-provinces {self.package_version}"


EDITIONS = {
    "2024": Edition("2024", "0.6.0", None, LAST_DAY_BEFORE_REFORM),
    "2025": Edition("2025", "2025.10.1", REFORM_DATE, None),
}


def gso_code(number: int, level: int) -> str:
    return str(number).zfill(CODE_WIDTH[level])


def kind_from_name(name: str, level: int) -> str:
    # The 0.x data marks every commune-level unit "xã" and every district "huyện"; the name's
    # prefix is the reliable signal ("Phường Nguyễn Nghiêm", "Thị xã Đức Phổ").
    # Case-insensitive: the data spells two districts "Thành Phố …" (Bắc Kạn, Đồng Hới).
    lowered = name.lower()
    for prefix, kind in _KIND_BY_PREFIX[level]:
        if lowered.startswith(prefix.lower()):
            return kind
    raise UserError.single(ErrorCode.FIELD_INVALID, f"không nhận ra loại đơn vị từ tên {name!r}", field="name")


def read_edition(
    edition_key: str, *, pre2025_wheel: Path, province_codes: set[str] | None = None, allow_missing: bool = False
) -> list[UnitRecord]:
    """All units of one edition, parents before children; optionally only some provinces
    (`allow_missing`: a province absent from this edition, e.g. Kon Tum in 2025, is skipped)."""
    if edition_key not in EDITIONS:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"ấn bản {edition_key!r} không có; dùng 2024 hoặc 2025", field="edition")
    nested = _load_pre2025(pre2025_wheel) if edition_key == "2024" else _load_2025()
    wanted = {int(code) for code in province_codes} if province_codes else None
    provinces = [p for p in nested if wanted is None or p["code"] in wanted]
    if wanted and len(provinces) != len(wanted) and not allow_missing:
        missing = sorted(wanted - {p["code"] for p in provinces})
        raise UserError.single(
            ErrorCode.UNKNOWN_UNIT, f"không có tỉnh mã {', '.join(map(str, missing))} trong ấn bản {edition_key}", field="province"
        )
    reader = _records_three_level if edition_key == "2024" else _records_two_level
    return list(reader(provinces))


def _records_three_level(provinces: list[dict]) -> Iterator[UnitRecord]:
    for province in provinces:
        province_code = gso_code(province["code"], 1)
        yield UnitRecord(province_code, province["name"], kind_from_name(province["name"], 1), 1, None)
    for province in provinces:
        province_code = gso_code(province["code"], 1)
        for district in province["districts"]:
            yield UnitRecord(
                gso_code(district["code"], 2), district["name"], kind_from_name(district["name"], 2), 2, province_code
            )
    for province in provinces:
        for district in province["districts"]:
            district_code = gso_code(district["code"], 2)
            for ward in district["wards"]:
                yield UnitRecord(gso_code(ward["code"], 3), ward["name"], kind_from_name(ward["name"], 3), 3, district_code)


def _records_two_level(provinces: list[dict]) -> Iterator[UnitRecord]:
    for province in provinces:
        yield UnitRecord(
            gso_code(province["code"], 1), province["name"], _KIND_BY_DIVISION_TYPE[province["division_type"]], 1, None
        )
    for province in provinces:
        province_code = gso_code(province["code"], 1)
        for ward in province["wards"]:
            yield UnitRecord(
                gso_code(ward["code"], 3), ward["name"], _KIND_BY_DIVISION_TYPE[ward["division_type"]], 3, province_code
            )


def _load_2025() -> list[dict]:
    import vietnam_provinces

    return json.loads(Path(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH).read_text(encoding="utf-8"))


def _load_pre2025(wheel: Path) -> list[dict]:
    if not wheel.is_file():
        raise UserError.single(
            ErrorCode.SOURCE_MISSING,
            f"không thấy tệp dữ liệu đơn vị hành chính trước 2025 ({wheel}); chạy `make gso-data` để tải về",
        )
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read("vietnam_provinces/data/nested-divisions.json").decode("utf-8"))
