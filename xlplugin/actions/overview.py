"""Action `overview`: refresh the Overblik / Overview sheet's key figures and chart data.

Reads the workbook and runs the rules (for the open errors and warnings), then writes the
values of ``layout.overview`` through the port; the sheet's native charts point at those cells,
so they follow. The sheet itself is made with the workbook; a workbook made before it gets it
here, charts and all (``WorkbookGateway.restore_sheet``), and the summary says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xlplugin.actions import validate
from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.findings import Severity
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import CellRef, Saved, WorkbookGateway
from xlplugin.layout import overview as lo
from xlplugin.layout.names import sheet_names_of
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


def run(gateway: WorkbookGateway) -> OverviewSummary:
    validation = validate.check(gateway)
    added = not any(normalize(name) in sheet_names_of(lo.SHEET_KEY) for name in gateway.sheet_names())
    if added:
        try:
            gateway.restore_sheet(lo.SHEET_KEY, validation.project)
        except UserError as exc:  # an adapter that cannot add a sheet (the open workbook)
            raise UserError("msg.overview.missing", sheet=ph.sheet(lo.SHEET_KEY)) from exc
    errors = validation.count(Severity.ERROR)
    warnings = validation.count(Severity.WARNING)
    sheet = texts(validation.lang).sheet(lo.SHEET_KEY)
    for block in lo.overview_blocks(validation.project, Words(validation.lang), lo.Counts(errors, warnings)):
        gateway.write_range(lo.SHEET_KEY, CellRef(sheet, block.row, block.col), block.values)
    summary = OverviewSummary(validation.lang, added, errors, warnings)
    summary.saved = gateway.commit()
    return summary
