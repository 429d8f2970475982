"""Numbers and dates the Vietnamese way: `4,8 %`, `1.234`, `28/11/2026`.

Used by templates (through ansinh.web.templatetags.vn), the CLI's human output and the reports,
so every surface writes a number the same way.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext


def format_number(value: float | Decimal | int | None, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5"; decimals=None keeps at most 2 decimal places, without trailing zeros."""
    if value is None:
        return "–"
    number = Decimal(str(value))
    if not number.is_finite() or abs(number.adjusted()) > 60:
        return str(number)  # no figure of a program is this size; shown as read, not rounded
    with localcontext() as context:
        # Enough digits for any finite number's rounding (the default 28 fail on 10^27, say).
        context.prec = max(28, number.adjusted() + (decimals or 2) + 3)
        if decimals is None:
            text = f"{number.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
        else:
            quantum = Decimal(1).scaleb(-decimals)
            text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):f}"
    negative = text.startswith("-")
    digits = text.lstrip("-")
    whole, _, fraction = digits.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    result = f"{grouped},{fraction}" if fraction else grouped
    return f"-{result}" if negative and result.strip("0.,") else result


def format_percent(value: float | Decimal | None, decimals: int | None = None) -> str:
    """4.8 -> "4,8 %" (a space before % as in Vietnamese typesetting of the seed documents)."""
    return "–" if value is None else f"{format_number(value, decimals)} %"


def format_date(value: date | None) -> str:
    return "–" if value is None else value.strftime("%d/%m/%Y")


def parse_number(text: str) -> Decimal:
    """Read "4,8", "1.234", "1.234,5", "1234.5" -> Decimal. Raises ValueError in Vietnamese.

    A single dot followed by exactly three digits is a thousands separator ("1.234" = 1234),
    as Vietnamese offices write it; a comma is always the decimal mark.
    """
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if raw.isdecimal():  # the common case, a plain count: no separators to interpret
        return Decimal(raw)
    if not raw:
        raise ValueError("ô trống")
    whole = raw.split(".")[0].lstrip("+-")
    if "," in raw:
        normalized = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") > 1 or (raw.count(".") == 1 and len(raw.split(".")[1]) == 3 and whole not in ("", "0")):
        normalized = raw.replace(".", "")  # "1.234": a thousands dot ("0.234" cannot be one)
    else:
        normalized = raw
    try:
        number = Decimal(normalized)
    except ArithmeticError as exc:
        raise ValueError(f'"{text}" không phải là số') from exc
    if not number.is_finite():  # Decimal reads "NaN" and "Infinity"; no figure is either
        raise ValueError(f'"{text}" không phải là số')
    return number
