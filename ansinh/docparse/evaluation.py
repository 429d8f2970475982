"""Precision, recall and F1 of a parsed program against a hand-made (gold) program file.

A parsed target is right when its source_text overlaps a gold target's source_text (one
contains the other, or they share at least half the words of the shorter) and comparator,
value/low/high, unit and year are all equal. A parsed task is right when a gold task has the
same number, the same lead, the same set of implementers and the same timeline kind. Body
codes differ between a hand-made file ("btv-thi-uy-duc-pho") and the parser's slugs
("ban-thuong-vu-thi-uy"), so each parsed body is first mapped to the gold body with the most
similar name: the share of the parsed name's words found in the gold name (at least 0.6), ties
broken by Jaccard similarity. The header's fields (number, month of issue, issuing body, signer,
period) are each right or wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ansinh.docparse.tasks import canonical_name
from ansinh.docparse.text import fold
from ansinh.programs.programfile import ProgramSpec, TargetSpec, TaskSpec


@dataclass
class Score:
    right: int
    parsed: int
    gold: int

    @property
    def precision(self) -> float:
        return self.right / self.parsed if self.parsed else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "parsed": self.parsed, "gold": self.gold,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(canonical_name(text)))


def spans_overlap(parsed: str, gold: str) -> bool:
    a, b = " ".join(_words(parsed)), " ".join(_words(gold))
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    shared = len(set(a.split()) & set(b.split()))
    return shared >= 0.5 * min(len(set(a.split())), len(set(b.split())))


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and Decimal(a) == Decimal(b))


def target_matches(parsed: TargetSpec, gold: TargetSpec) -> bool:
    return (
        spans_overlap(parsed.source_text, gold.source_text)
        and parsed.comparator == gold.comparator
        and _same(parsed.value, gold.value) and _same(parsed.low, gold.low) and _same(parsed.high, gold.high)
        and (parsed.unit or "") == (gold.unit or "")
        and parsed.year == gold.year
    )


def score_targets(parsed: ProgramSpec, gold: ProgramSpec) -> Score:
    unused = list(gold.targets)
    right = 0
    for target in parsed.targets:
        match = next((candidate for candidate in unused if target_matches(target, candidate)), None)
        if match is not None:
            unused.remove(match)
            right += 1
    return Score(right, len(parsed.targets), len(gold.targets))


def body_mapping(parsed: ProgramSpec, gold: ProgramSpec) -> dict[str, str]:
    """Parsed body code → gold body code, by the most similar name. A gold name's bracket says
    whose body it is ("Khoa Sản (Bệnh viện Sản - Nhi tỉnh Cà Mau)"); the name before it breaks a
    tie, so that "Khoa Nhi" is the paediatric ward, not the obstetric one."""
    gold_words = [(body.code, set(_words(body.name)) - {"cac"}, set(_words(re.sub(r"\(.*?\)", " ", body.name))) - {"cac"})
                  for body in gold.bodies]
    mapping: dict[str, str] = {}
    for body in parsed.bodies:
        words = set(_words(body.name)) - {"cac"}
        best, best_score = None, 0.0
        for code, names, own in gold_words:
            shared = len(words & names)
            containment = shared / len(words) if words else 0.0
            score = containment + 0.1 * shared / len(words | names) + 0.01 * len(words & own) / len(words | own) if words | names else 0.0
            if containment >= 0.6 and score > best_score:
                best, best_score = code, score
        if best is not None:
            mapping[body.code] = best
    return mapping


def task_matches(parsed: TaskSpec, gold: TaskSpec, mapping: dict[str, str]) -> bool:
    lead = mapping.get(parsed.lead, parsed.lead) if parsed.lead else None
    implementers = {mapping.get(code, code) for code in parsed.implementers}
    return (
        parsed.number == gold.number
        and lead == gold.lead
        and implementers == set(gold.implementers)
        and parsed.timeline_kind == gold.timeline_kind
    )


def score_tasks(parsed: ProgramSpec, gold: ProgramSpec) -> Score:
    mapping = body_mapping(parsed, gold)
    gold_by_number = {task.number: task for task in gold.tasks}
    right = sum(1 for task in parsed.tasks if task.number in gold_by_number and task_matches(task, gold_by_number[task.number], mapping))
    return Score(right, len(parsed.tasks), len(gold.tasks))


def _issuer_words(spec: ProgramSpec) -> set[str]:
    name = next((body.name for body in spec.bodies if body.code == spec.issuing_body), spec.issuing_body)
    return set(_words(re.sub(r"\(.*?\)", " ", name))) - {"cac"}  # (a gold name's bracket says whose body it is)


def score_header(parsed: ProgramSpec, gold: ProgramSpec) -> dict[str, bool]:
    """Whether each field of the document's header is the gold file's: the number, the month of
    issue, the issuing body (its name's words, Jaccard at least 0.6), the signer's line and the period."""
    ours, theirs = _issuer_words(parsed), _issuer_words(gold)
    return {
        "number": re.sub(r"\s", "", parsed.number) == re.sub(r"\s", "", gold.number),
        "issued_on": str(parsed.issued_on)[:7] == str(gold.issued_on)[:7],
        "issuing_body": bool(ours) and len(ours & theirs) / len(ours | theirs) >= 0.6,
        "signer": re.sub(r"\W", "", parsed.signer.upper()) == re.sub(r"\W", "", gold.signer.upper()),
        "period": (parsed.start_year, parsed.end_year) == (gold.start_year, gold.end_year),
    }


def evaluate(parsed: ProgramSpec, gold: ProgramSpec) -> dict[str, dict]:
    return {"targets": score_targets(parsed, gold).as_dict(), "tasks": score_tasks(parsed, gold).as_dict(), "header": score_header(parsed, gold)}


def mismatches(parsed: ProgramSpec, gold: ProgramSpec) -> list[str]:
    """Readable reasons for the tasks that do not match, for reviewers and failing tests."""
    mapping = body_mapping(parsed, gold)
    gold_by_number = {task.number: task for task in gold.tasks}
    lines = []
    for task in parsed.tasks:
        expected = gold_by_number.get(task.number)
        if expected is None:
            lines.append(f"nhiệm vụ {task.number}: không có trong tệp chuẩn")
        elif not task_matches(task, expected, mapping):
            got = (mapping.get(task.lead or "", task.lead), sorted(mapping.get(c, c) for c in task.implementers), task.timeline_kind)
            lines.append(f"nhiệm vụ {task.number}: đọc được {got}, chuẩn {(expected.lead, sorted(expected.implementers), expected.timeline_kind)}")
    return lines
