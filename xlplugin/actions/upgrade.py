"""The workbook's layout version: every action checks it first; ``upgrade`` brings a workbook of an
older layout to today's.

A workbook says its layout in the custom property ``xlplugin.layout``. An action on a workbook of
an older layout refuses with a message naming ``xlplugin upgrade``; one of a newer layout is
refused too (this version of the tool cannot know what it holds). A workbook that says nothing
(made by hand, or an adapter that cannot read the property) is read as it is: the reader finds
tables and columns by their names either way.

The upgrade keeps everything the planner typed and changes only what it owns, through the
in-place writer: a table that lacks columns of today's layout gets them at its end (its columns
stay where they are, with their values, formulas, formats and dropdowns; a column the layout no
longer has stays as the planner's own); the tool's sheets the workbook lacks (the Overblik sheet)
are added and the hidden lists sheet is made anew (today's lists, with their names); the layout
property says today's version. Upgrading a workbook of today's layout changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import Saved, WorkbookGateway
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes, sheet_names_of
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts
from xlplugin.layout.words import saved_phrases


def require_current(gateway: WorkbookGateway) -> None:
    """Refuse a workbook of another layout than today's, before anything is read or written."""
    found = gateway.layout_version()
    if found is None or found == spec.LAYOUT_VERSION:
        return
    if found < spec.LAYOUT_VERSION:
        raise UserError("msg.layout.older", found=found, current=spec.LAYOUT_VERSION)
    raise UserError("msg.layout.newer", found=found, current=spec.LAYOUT_VERSION)


@dataclass
class UpgradeSummary:
    lang: str
    found: int | None  # the layout the workbook said it had (None: it said nothing)
    sheets: list[str] = field(default_factory=list)  # sheet keys added
    columns: dict[str, int] = field(default_factory=dict)  # table key → columns added
    saved: Saved = field(default_factory=Saved)

    @property
    def changed(self) -> bool:
        return self.found != spec.LAYOUT_VERSION

    def phrases(self) -> list[Phrase]:
        if not self.changed:
            return [Phrase.of("upgrade.current", layout=spec.LAYOUT_VERSION)]
        out = [Phrase.of("upgrade.done", found=self.found if self.found is not None else "?", layout=spec.LAYOUT_VERSION)]
        out += [Phrase.of("upgrade.sheet_added", sheet=ph.sheet(key)) for key in self.sheets]
        out += [Phrase.of("upgrade.columns_added", table=ph.Label("table", key), n=n) for key, n in self.columns.items()]
        return out + saved_phrases(self.saved)


def run(gateway: WorkbookGateway) -> UpgradeSummary:
    found = gateway.layout_version()
    summary = UpgradeSummary(gateway.lang, found)
    if found == spec.LAYOUT_VERSION:
        return summary
    if found is not None and found > spec.LAYOUT_VERSION:
        raise UserError("msg.layout.newer", found=found, current=spec.LAYOUT_VERSION)
    read = read_project(gateway)
    t = texts(read.lang)
    for key, table in spec.tables_by_key().items():
        raw = read.raw(key)
        if raw is None:
            continue  # a table the workbook lacks stays lacking: validate says so, as before
        index = column_indexes(raw, table)
        missing = [column for column in table.columns if column.key not in index]
        if not missing:
            continue
        width = len(raw.headers)
        headers: list[Any] = [*raw.headers, *(t.header(key, column.key) for column in missing)]
        rows: list[list[Any]] = []
        for i in range(len(raw.rows)):
            rows.append(raw.row_to_write(i, width) + [None] * len(missing))
        gateway.write_table(key, headers, rows or [[None] * len(headers)], list(range(len(rows))) if rows else [None])
        summary.columns[key] = len(missing)
    present = {normalize(name) for name in gateway.sheet_names()}
    on_demand = {s.key for s in spec.ON_DEMAND_SHEETS}  # added by the action that needs one
    for sheet_key in (key for key in spec.TOOL_SHEETS if key not in on_demand):
        lacking = present.isdisjoint(sheet_names_of(sheet_key))
        if lacking or sheet_key == "lists":  # the lists of today's layout, with their names
            gateway.restore_sheet(sheet_key, read.project)
            if lacking:
                summary.sheets.append(sheet_key)
    gateway.set_layout_version(spec.LAYOUT_VERSION)
    summary.saved = gateway.commit()
    return summary
