"""The sample-data scenario: plausible levels and trends for every data element of the
Resolution 42 indicator library, for the 15 former communes/wards of thị xã Đức Phổ and the 5
units that replaced them on 01/7/2025. Pure code: returns plain tuples, no ORM.

Trends are chosen so that the demo shows every progress status: some targets already met,
some on track, some needing acceleration, some off track, one regressing from a baseline that
was better than its target (health insurance), and gaps in completeness (one new commune has
not sent its 2026 first-half labour figures).

Reporting follows the reorganisation "as it happened": commune-level elements are reported
six-monthly by the old units up to 2025S1 and by the new units from 2025S2; town-level
elements (sector agencies) are reported yearly for thị xã Đức Phổ (534) for 2023–2024 and,
once the district level was abolished, per new unit for 2025–2026.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 42
LAST_SIX_MONTH_PERIOD = "2026S1"  # 2026S2 has not ended on the demo's reference date
YEARS = (2023, 2024, 2025, 2026)
SIX_MONTH_PERIODS = ("2023S1", "2023S2", "2024S1", "2024S2", "2025S1", "2025S2", "2026S1")
REFORM_PERIOD_INDEX = 5  # 2025S2: first period reported by the new units
SAMPLE_SOURCE = "Dữ liệu mẫu (ansinh demo), không phải số liệu thật"

# Ratio elements: (numerator, denominator, rate at end of 2023 in %, change per year in points,
# spread of commune offsets in points).
RATES = {
    "HO_NCC_KHA": ("HO_NCC", 88.0, 2.5, 4.0),
    "THAT_NGHIEP": ("LLLD", 3.2, -0.15, 0.8),  # rural communes; wards use URBAN_UNEMPLOYMENT
    "LD_CO_BANG": ("LD_VIEC_LAM", 24.0, 1.2, 4.0),
    "DT_TRO_CAP_HUONG": ("DT_TRO_CAP", 97.0, 1.0, 0.0),
    "HS_TIEU_HOC_DUNG_TUOI": ("DS_TUOI_TIEU_HOC", 99.1, 0.1, 0.3),
    "HS_THCS_DUNG_TUOI": ("DS_TUOI_THCS", 95.0, 0.6, 1.5),
    "HS_THPT_DUNG_TUOI": ("DS_TUOI_THPT", 66.0, 1.8, 5.0),
    "BHYT_THE": ("DAN_SO", 96.0, -0.6, 1.5),  # regressing below the target it used to beat
    "QUAN_LY_SUC_KHOE": ("DAN_SO", 75.0, 4.0, 5.0),
    "TRE_TCMR_DU": ("TRE_DUOI_1", 96.5, 0.2, 1.0),
    "TRE_THAP_COI": ("TRE_DUOI_5_CAN_DO", 7.9, -0.5, 1.5),
    "HO_THANH_THI_NUOC_SACH": ("HO_THANH_THI", 97.0, 0.5, 1.0),
    "HO_NONG_THON_NUOC_SACH": ("HO_NONG_THON", 62.0, 1.5, 8.0),
    "HO_VE_SINH": ("SO_HO", 85.0, 2.0, 4.0),
    "DIEM_DAN_CU_NT_THU_GOM": ("DIEM_DAN_CU_NT", 8.0, 1.5, 6.0),
}
# Wards are wholly urban: their unemployed are all urban (rate at end of 2023, change per year).
URBAN_UNEMPLOYMENT = (3.6, -0.05)
# Town-level ratio elements (reported by sector agencies): same shape, no commune spread.
TOWN_RATES = {
    "BHXH_THAM_GIA": ("LLLD_TRONG_TUOI", 14.0, 1.0),
    "BHTN_THAM_GIA": ("LLLD_TRONG_TUOI", 9.0, 0.4),
    "HUONG_HUU": ("SAU_TUOI_HUU", 21.0, 1.5),
    "KCB_BAN_DAU_BHYT": ("KCB_BAN_DAU", 88.0, 1.5),
    "NUOC_THAI_XU_LY": ("NUOC_THAI_PHAT_SINH", 5.0, 0.5),
}
# Town-level denominators as a share of population (or per person for wastewater, m³/day).
TOWN_BASES = {
    "LLLD_TRONG_TUOI": 0.58,
    "SAU_TUOI_HUU": 0.13,
    "KCB_BAN_DAU": 0.45,
    "NUOC_THAI_PHAT_SINH": 0.09,
}
# Town-level counts and values: value at end of 2023 and change per year.
TOWN_LEVELS = {
    "GIUONG_BENH_VIEN": (260, 10),
    "BAC_SI": (80, 6),
    "DIEN_TICH_NHA_O": (27.5, 0.8),  # m² per person; multiplied by population below
    "TUOI_THO_TB": (73.6, 0.2),
    "SO_NAM_SONG_KHOE": (64.5, 0.3),
}
# Social housing completed per year (flow): none in 2023–2024, the first block in 2025.
SOCIAL_HOUSING = {2023: 0, 2024: 0, 2025: 45, 2026: 60}
# Temporary houses left, town total at the end of each half-year (a stock falling to 0).
TEMPORARY_HOUSES = {"2023S1": 200, "2023S2": 180, "2024S1": 160, "2024S2": 130, "2025S1": 100, "2025S2": 70, "2026S1": 50}
# Communes meeting literacy level 2 at each period: 11/15 → 13/15 → 4/5 → 5/5.
LITERACY_SHARE = {"2023S1": 11, "2023S2": 11, "2024S1": 12, "2024S2": 13, "2025S1": 13, "2025S2": 4, "2026S1": 5}
LABOUR_ELEMENTS = ("LLLD", "THAT_NGHIEP", "LLLD_THANH_THI", "THAT_NGHIEP_THANH_THI", "LD_VIEC_LAM", "LD_CO_BANG")
# (unit code, period) pairs that did not report these elements: completeness gaps to show.
MISSING_LABOUR_REPORTS = {("21472", "2026S1")}


@dataclass(frozen=True)
class OldCommune:
    code: str
    urban: bool  # phường (urban) or xã (rural)


@dataclass(frozen=True)
class SampleValue:
    data_element: str
    unit_code: str
    epoch: str  # "old" (valid until 30/6/2025) or "new" (from 01/7/2025): a code alone is ambiguous
    period: str
    value: float


def _years_since_2023(period: str) -> float:
    year, part = int(period[:4]), period[4:]
    return year - 2023 + (-0.5 if part == "S1" else 0.0)


def generate(communes: list[OldCommune], successors: dict[str, list[str]], town_code: str) -> list[SampleValue]:
    """All sample values. `successors` maps each new unit code to its old commune codes."""
    rng = random.Random(SEED)
    population = {c.code: rng.randint(6500, 14500) for c in communes}
    offsets = {(element, c.code): rng.uniform(-1, 1) * spread for element, (_, _, _, spread) in RATES.items() for c in communes}
    old_values = {}  # (element, old code, period) -> value, for every period (aggregated later for new units)
    for period in SIX_MONTH_PERIODS:
        t = _years_since_2023(period)
        for commune in communes:
            old_values.update(_commune_values(commune, population[commune.code], period, t, offsets, len(communes)))
    result = []
    for (element, code, period), value in sorted(old_values.items()):
        if SIX_MONTH_PERIODS.index(period) < REFORM_PERIOD_INDEX:
            result.append(SampleValue(element, code, "old", period, value))
    new_codes = sorted(successors)
    for new_code in new_codes:
        for period in SIX_MONTH_PERIODS[REFORM_PERIOD_INDEX:]:
            for element in sorted({key[0] for key in old_values}):
                if element in LABOUR_ELEMENTS and (new_code, period) in MISSING_LABOUR_REPORTS:
                    continue
                if element == "DON_VI_XA":
                    value = 1
                elif element == "XMC_MUC_2":
                    value = 1 if new_codes.index(new_code) < LITERACY_SHARE[period] else 0
                else:  # counts of the merged territory: the sum over the old communes it took in
                    value = sum(old_values[(element, code, period)] for code in successors[new_code])
                result.append(SampleValue(element, new_code, "new", period, value))
    result.extend(_town_values(communes, population, successors, town_code, rng))
    return result


def _commune_values(commune: OldCommune, people: int, period: str, t: float, offsets, n_communes: int) -> dict:
    pop = round(people * (1 + 0.005 * t))
    households = round(pop / 3.6)
    values = {
        "DAN_SO": pop,
        "SO_HO": households,
        "HO_THANH_THI": households if commune.urban else 0,
        "HO_NONG_THON": 0 if commune.urban else households,
        "HO_NCC": round(households * 0.045),
        "LLLD": round(pop * 0.56),
        "LLLD_THANH_THI": round(pop * 0.56) if commune.urban else 0,
        "DT_TRO_CAP": max(3, round(pop / 900)),
        "DS_TUOI_TIEU_HOC": round(pop * 0.075),
        "DS_TUOI_THCS": round(pop * 0.058),
        "DS_TUOI_THPT": round(pop * 0.043),
        "TRE_DUOI_1": round(pop * 0.014),
        "TRE_DUOI_5_CAN_DO": round(pop * 0.068),
        "DIEM_DAN_CU_NT": 0 if commune.urban else 6,
        "DON_VI_XA": 1,
        "NHA_TAM": _share_of_town(TEMPORARY_HOUSES[period], commune.code, n_communes),
    }
    values["XMC_MUC_2"] = 1 if _commune_rank(commune.code) < LITERACY_SHARE[period] else 0
    for element, (denominator, start, slope, _) in RATES.items():
        if element == "THAT_NGHIEP" and commune.urban:
            start, slope = URBAN_UNEMPLOYMENT
        rate = min(100.0, max(0.0, start + slope * t + offsets[(element, commune.code)]))
        values[element] = min(values[denominator], round(values[denominator] * rate / 100))
        if element == "THAT_NGHIEP":  # the labour force is the employed plus the unemployed
            values["LD_VIEC_LAM"] = values["LLLD"] - values["THAT_NGHIEP"]
            values["THAT_NGHIEP_THANH_THI"] = values["THAT_NGHIEP"] if commune.urban else 0
    return {(element, commune.code, period): value for element, value in values.items()}


def _commune_rank(code: str) -> int:
    """A fixed order of communes (by code digits reversed) deciding who met literacy level 2 first."""
    return int(code[::-1]) % 97


def _share_of_town(total: int, code: str, n_communes: int) -> int:
    weight = 1 + (int(code) % 5)
    return round(total * weight / (3 * n_communes))


def _town_values(communes, population, successors, town_code, rng) -> list[SampleValue]:
    result = []
    total_2023 = sum(population.values())
    shares = {new: sum(population[c] for c in olds) / total_2023 for new, olds in successors.items()}
    for year in YEARS:
        t = year - 2023
        pop = total_2023 * (1 + 0.005 * t)
        town = {element: share * pop for element, share in TOWN_BASES.items()}
        for element, (denominator, start, slope) in TOWN_RATES.items():
            town[element] = town[denominator] * (start + slope * t) / 100
        for element, (start, slope) in TOWN_LEVELS.items():
            town[element] = start + slope * t
        town["DIEN_TICH_NHA_O"] *= pop
        town["NOXH_HOAN_THANH"] = SOCIAL_HOUSING[year]
        if year < 2025:
            result.extend(SampleValue(e, town_code, "old", str(year), _round(e, v)) for e, v in sorted(town.items()))
            continue
        for new_code, share in sorted(shares.items()):
            for element, value in sorted(town.items()):
                if element in ("TUOI_THO_TB", "SO_NAM_SONG_KHOE"):
                    part = value + rng.uniform(-0.4, 0.4)  # an estimate per unit, not a share
                elif element == "NOXH_HOAN_THANH":
                    part = value if new_code == max(shares, key=shares.get) else 0  # one project, in the largest ward
                else:
                    part = value * share
                result.append(SampleValue(element, new_code, "new", str(year), _round(element, part)))
    return result


def _round(element: str, value: float) -> float:
    if element in ("TUOI_THO_TB", "SO_NAM_SONG_KHOE", "NUOC_THAI_PHAT_SINH", "NUOC_THAI_XU_LY"):
        return round(value, 1)
    return round(value)
