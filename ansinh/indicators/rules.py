"""Validation-rule expressions: sums and differences of element codes (each optionally times a
number) and numbers, compared with an operator, as in DHIS2's validation rules
("HO_THANH_THI + HO_NONG_THON == SO_HO", "TRE_DUOI_1 <= 0.03 * DAN_SO"). Pure code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

OPERATORS = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
_TOKEN = re.compile(r"\s*([+-])?\s*(?:(\d+(?:\.\d+)?)\s*\*\s*)?([A-Za-z][A-Za-z0-9_]*|\d+(?:\.\d+)?)\s*")


@dataclass(frozen=True)
class Term:
    sign: int
    code: str | None  # an element code, or None for a constant
    constant: Decimal = Decimal(1)  # the constant itself, or the element's coefficient


def parse_expression(text: str) -> list[Term]:
    """"A + B - 2" -> terms; ValueError (Vietnamese) on anything else."""
    terms, position, source = [], 0, str(text).strip()
    if not source:
        raise ValueError("biểu thức trống")
    while position < len(source):
        match = _TOKEN.match(source, position)
        if not match or match.end() == position or (terms and match.group(1) is None):
            raise ValueError(f"biểu thức {source!r} không hợp lệ ở vị trí {position + 1}; chỉ dùng mã phần tử, số, + và -")
        sign = -1 if match.group(1) == "-" else 1
        coefficient, token = match.group(2), match.group(3)
        if token[0].isdigit():
            if coefficient is not None:
                raise ValueError(f"biểu thức {source!r}: chỉ nhân một số với một mã phần tử")
            terms.append(Term(sign, None, Decimal(token)))
        else:
            terms.append(Term(sign, token, Decimal(coefficient) if coefficient else Decimal(1)))
        position = match.end()
    return terms


def expression_codes(terms: list[Term]) -> set[str]:
    return {term.code for term in terms if term.code}


def evaluate(terms: list[Term], values: dict[str, Decimal]) -> Decimal | None:
    """The expression's value, or None when an element it needs has no value (rule skipped)."""
    total = Decimal(0)
    for term in terms:
        if term.code is None:
            total += term.sign * term.constant
        elif term.code in values:
            total += term.sign * term.constant * values[term.code]
        else:
            return None
    return total
