"""Findings: what validation tells the user, pure data with text keys (no I/O).

A finding names its sheet and cell and carries a text key; the message and the advice come
from the texts of the language asked for (``finding.<key>`` and ``advice.<key>``). Params hold
only names the layout or the user gave to things (sheet, column, group names are not used
either: groups are referred to by cell) and numbers – never a cell's value, so a finding never
repeats personal data someone typed into the workbook.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "note": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    key: str  # text keys finding.<key> / advice.<key>
    sheet: str | None = None  # the sheet's name as it is in the workbook
    cell: str | None = None  # A1-style address on that sheet
    params: tuple[tuple[str, object], ...] = field(default=())

    @classmethod
    def make(cls, severity: Severity, key: str, sheet: str | None = None, cell: str | None = None, **params: object) -> "Finding":
        return cls(severity, key, sheet, cell, tuple(sorted(params.items())))

    def message(self, lang: str = "da") -> str:
        from xlplugin.layout.texts import texts

        return texts(lang).format(f"finding.{self.key}", **dict(self.params))

    def advice(self, lang: str = "da") -> str:
        from xlplugin.layout.texts import texts

        return texts(lang).format(f"advice.{self.key}", **dict(self.params))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def cell_order(address: str | None) -> tuple[int, int]:
    """(row, column) of an A1 address, for sorting findings in reading order."""
    if not address:
        return (0, 0)
    letters = "".join(ch for ch in address if ch.isalpha())
    digits = "".join(ch for ch in address if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return (int(digits or 0), col)
