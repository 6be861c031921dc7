"""Findings: what validation tells the user, pure data with text keys (no I/O, no words).

A finding names its cell (or only its sheet) and carries a text key; the message and the
advice are rendered at the edge from ``finding.<key>`` and ``advice.<key>`` in the language
asked for (``xlplugin.layout.words``). Params hold only names the layout owns (labels),
numbers and addresses – never a cell's value, so a finding never repeats personal data
someone typed into the workbook.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import CellRef


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
    at: CellRef | None = None  # the cell the finding is about
    on_sheet: str | None = None  # the sheet, for a finding about a sheet but no cell
    params: tuple[tuple[str, object], ...] = field(default=())

    @classmethod
    def make(
        cls, severity: Severity, key: str, at: CellRef | None = None, sheet: str | None = None, **params: object
    ) -> Finding:
        return cls(severity, key, at, sheet if at is None else None, tuple(sorted(params.items())))

    @property
    def sheet(self) -> str | None:
        return self.at.sheet if self.at is not None else self.on_sheet

    @property
    def cell(self) -> str | None:
        """The cell's A1 address on its sheet (None for a finding about a whole sheet)."""
        return self.at.address if self.at is not None else None

    @property
    def message(self) -> Phrase:
        return Phrase(f"finding.{self.key}", self.params)

    @property
    def advice(self) -> Phrase:
        return Phrase(f"advice.{self.key}", self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def order(self, sheet_order: dict[str, int]) -> tuple[int, int, int, int, str]:
        """Reading order: sheet by sheet as in the workbook, then row and column, worst first."""
        row, col = (self.at.row, self.at.col) if self.at is not None else (0, 0)
        return (sheet_order.get(self.sheet or "", -1), row, col, self.severity.rank, self.key)
