"""Action `overview`: refresh the Overblik / Overview sheet's key figures and chart data.

Reads the workbook and runs the rules (for the open errors and warnings), then writes the
values of ``layout.overview`` through the port; the sheet's native charts point at those cells,
so they follow. The sheet itself is made with the workbook (or added by the entry point to a
workbook made before it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xlplugin.actions import validate
from xlplugin.domain.findings import Severity
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import CellRef, Saved, WorkbookGateway
from xlplugin.layout import overview as lo
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words, saved_phrases


@dataclass
class OverviewSummary:
    lang: str
    added: bool
    errors: int
    warnings: int
    saved: Saved = field(default_factory=Saved)

    def phrases(self) -> list[Phrase]:
        out = [Phrase.of("overview.added", sheet=texts(self.lang).sheet(lo.SHEET_KEY))] if self.added else []
        out.append(Phrase.of("overview.done", sheet=texts(self.lang).sheet(lo.SHEET_KEY), errors=self.errors, warnings=self.warnings))
        return out + saved_phrases(self.saved)


def run(gateway: WorkbookGateway, added: bool = False) -> OverviewSummary:
    validation = validate.check(gateway)
    errors = validation.count(Severity.ERROR)
    warnings = validation.count(Severity.WARNING)
    sheet = texts(validation.lang).sheet(lo.SHEET_KEY)
    for block in lo.overview_blocks(validation.project, Words(validation.lang), lo.Counts(errors, warnings)):
        gateway.write_range(lo.SHEET_KEY, CellRef(sheet, block.row, block.col), block.values)
    summary = OverviewSummary(validation.lang, added, errors, warnings)
    summary.saved = gateway.commit()
    return summary
