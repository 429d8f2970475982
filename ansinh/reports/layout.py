"""The official layout of a report's header, number, date and signature. Pure code.

Two layouts (rules and sources in docs/reports.md):
- PARTY, Hướng dẫn 36-HD/VPTW (a Thị ủy, Huyện ủy, Đảng ủy): "ĐẢNG CỘNG SẢN VIỆT NAM" top right,
  the superior Party organisation and the issuing committee top left with a "*" under it,
  numbers like "Số 12-BC/TU" (hyphen, no colon).
- STATE, Nghị định 30/2020/NĐ-CP (an Ủy ban nhân dân): the national title and motto top right,
  numbers like "Số: 05/BC-UBND" (colon, zero-padded below 10).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

PARTY = "party"
STATE = "state"
LAYOUTS = (PARTY, STATE)

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
REPORT_ABBREVIATION = "BC"  # báo cáo
BLANK_NUMBER = "     "  # a draft leaves room for the number given on issue

# Margins in millimetres: (top, bottom, left, right).
MARGINS_MM = {PARTY: (25, 25, 35, 15), STATE: (20, 20, 30, 15)}
# Issuing committees and the suffix of their documents' numbers (36-HD/VPTW).
_PARTY_SUFFIXES = (("THÀNH ỦY", "TU"), ("TỈNH ỦY", "TU"), ("THỊ ỦY", "TU"), ("HUYỆN ỦY", "HU"), ("QUẬN ỦY", "QU"), ("ĐẢNG ỦY", "ĐU"))


@dataclass(frozen=True)
class Letterhead:
    layout: str
    superior: str  # "ĐẢNG BỘ TỈNH QUẢNG NGÃI"; "" when the issuer has none to show
    issuer: str  # "THỊ ỦY ĐỨC PHỔ"; "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỔ"
    number_line: str
    place_date: str
    signer_authority: str  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN"
    recipients: tuple[str, ...]


def upper_vi(text: str) -> str:
    """Upper case with the tone mark kept on the vowel it belongs to ("Thị ủy" -> "THỊ ỦY")."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).upper())


def party_suffix(issuer: str, program_number: str = "") -> str:
    """The issuer part of a Party number: "TU" for a Thị ủy (as the seed's "-CTr/TU")."""
    name = upper_vi(issuer).replace("UỶ", "ỦY")
    for words, suffix in _PARTY_SUFFIXES:
        if words in name:
            return suffix
    return program_number.rpartition("/")[2] or "ĐU"


def number_line(layout: str, number: int | None, issuer_suffix: str) -> str:
    """ "Số 12-BC/TU" (Party) or "Số: 05/BC-UBND" (state); a blank number for a draft."""
    if layout == PARTY:
        return f"Số {BLANK_NUMBER if number is None else number}-{REPORT_ABBREVIATION}/{issuer_suffix}"
    shown = BLANK_NUMBER if number is None else f"{number:02d}"
    return f"Số: {shown}/{REPORT_ABBREVIATION}-{issuer_suffix}"


def place_date(place: str, day: date | None, year: int) -> str:
    """ "Đức Phổ, ngày 05 tháng 02 năm 2026": day below 10 and months 1–2 take a leading zero.

    Without a day (a draft), the day and month are left blank for the signing date.
    """
    if day is None:
        return f"{place}, ngày    tháng    năm {year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def signer_authority(layout: str, issuer: str) -> str:
    if layout == PARTY:
        return "T/M BAN THƯỜNG VỤ"
    return f"TM. {upper_vi(issuer).splitlines()[0]}"
