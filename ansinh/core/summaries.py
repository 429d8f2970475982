"""The outcome of an idempotent import: how many records were created, updated, left alone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
