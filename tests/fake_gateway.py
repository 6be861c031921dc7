"""An in-memory workbook behind the gateway port: the actions' logic tested in milliseconds.

It holds each layout table as the file gateway would hand it over (headers and cell values,
labels in the workbook's language), records what an action writes, and saves nothing. The
real adapters have their own integration tests (a file on disk; the xlwings test engine).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from xlplugin.domain import models as m
from xlplugin.domain.port import CellRef, CellText, Formula, Link, RawTable, Saved
from xlplugin.layout import spec
from xlplugin.layout.lists import list_name
from xlplugin.layout.texts import texts
from xlplugin.layout.values import table_rows


@dataclass
class FakeTable:
    sheet: str
    header_row: int
    first_col: int
    headers: list[Any]
    rows: list[list[Any]]


@dataclass
class FakeWorkbook:
    lang: str
    tables: dict[str, FakeTable] = field(default_factory=dict)
    ranges: dict[CellRef, Any] = field(default_factory=dict)  # cells outside tables (written, or typed by a test)
    comments: dict[CellRef, str] = field(default_factory=dict)  # cell comments (notes)
    sheets: list[str] = field(default_factory=list)  # every sheet, tables or not (hidden ones too)
    marks: list[CellRef] = field(default_factory=list)
    commits: int = 0
    names: dict[str, str] = field(default_factory=dict)  # workbook-scope defined names
    restored: list[str] = field(default_factory=list)  # sheets put back (restore_sheet)
    can_add_sheets: bool = True  # False: restore_sheet refuses, as an adapter that cannot
    layout: int | None = spec.LAYOUT_VERSION  # the custom property xlplugin.layout (None: absent)

    @classmethod
    def from_project(cls, project: m.Project, lang: str = "da", spare_rows: int = 2) -> FakeWorkbook:
        """Every layout table, placed one below the other on its sheet, as a new workbook has them."""
        t = texts(lang)
        book = cls(lang)
        for sheet_spec in spec.SHEETS:
            top = 4
            for table_spec in sheet_spec.tables:
                headers = [t.header(table_spec.key, c.key) for c in table_spec.columns]
                rows = table_rows(project, table_spec, t) + [[None] * len(headers) for _ in range(spare_rows)]
                book.tables[table_spec.key] = FakeTable(t.sheet(sheet_spec.key), top, 1, headers, rows)
                top += len(rows) + 4
        book.sheets = [t.sheet(key) for key in spec.SHEET_ORDER]  # the overview sheet too, second
        book.names = {list_name(lst.key): f"'{t.sheet('lists')}'!$A$2" for lst in spec.LISTS}
        return book

    # --- the port ----------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(dict.fromkeys([*self.sheets, *(table.sheet for table in self.tables.values())]))

    def defined_names(self) -> dict[str, str]:
        return dict(self.names)

    def layout_version(self) -> int | None:
        return self.layout

    def set_layout_version(self, version: int) -> None:
        self.layout = version

    def restore_sheet(self, sheet_key: str, project: m.Project) -> None:
        """The sheet as a new workbook has it: the findings table (one empty row), the lists'
        names; the sheet at its place in the layout's order."""
        from xlplugin.domain.errors import UserError

        if not self.can_add_sheets:
            raise UserError("msg.live.cannot_add_sheet", sheet=texts(self.lang).sheet(sheet_key))
        t = texts(self.lang)
        name = t.sheet(sheet_key)
        if name not in self.sheets:
            order = (*spec.SHEET_ORDER, *(s.key for s in spec.ON_DEMAND_SHEETS))
            before = {t.sheet(key) for key in order[: order.index(sheet_key)]}
            position = max((i + 1 for i, other in enumerate(self.sheets) if other in before), default=0)
            self.sheets.insert(position, name)
        for table_spec in spec.sheet(sheet_key).tables if sheet_key in {s.key for s in (*spec.SHEETS, *spec.ON_DEMAND_SHEETS)} else ():
            headers = [t.header(table_spec.key, c.key) for c in table_spec.columns]
            self.tables[table_spec.key] = FakeTable(name, 4, 1, headers, [[None] * len(headers)])
        if sheet_key == "lists":
            self.names.update({list_name(lst.key): f"'{name}'!$A$2" for lst in spec.LISTS})
        self.restored.append(sheet_key)

    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        found = []
        for table in self.tables.values():
            for r, row in enumerate([table.headers, *table.rows]):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value:
                        found.append(CellText(CellRef(table.sheet, table.header_row + r, table.first_col + c), value))
        found += [CellText(at, value) for at, value in self.ranges.items() if isinstance(value, str) and value]
        found += [CellText(at, text, comment=True) for at, text in self.comments.items() if text]
        return [item for item in found if keep is None or keep(item.text)]

    def read_table(self, table_key: str) -> RawTable | None:
        table = self.tables.get(table_key)
        if table is None:
            return None
        formulas = {
            (r, c): value.text for r, row in enumerate(table.rows) for c, value in enumerate(row) if isinstance(value, Formula)
        }
        rows = [[None if isinstance(v, Formula) else v for v in row] for row in table.rows]
        first, width = table.header_row + 1, len(table.headers)
        beside = sorted({
            at.row - first for at, value in self.ranges.items()
            if at.sheet == table.sheet and 0 <= at.row - first < len(rows) and not table.first_col <= at.col < table.first_col + width
            and value not in (None, "")
        })
        return RawTable(
            table_key, table_key, table.sheet, table.header_row, table.first_col, list(table.headers), rows, formulas=formulas, beside=beside
        )

    def write_table(
        self, table_key: str, headers: list[str], rows: list[list[Any]], origins: list[int | None] | None = None
    ) -> None:
        if table_key not in self.tables:
            from xlplugin.gateway.regions import table_missing

            raise table_missing(table_key)
        table = self.tables[table_key]
        if origins is not None:  # what is typed beside a row (in ``ranges``) moves with it
            first, width = table.header_row + 1, len(table.headers)
            moves = {first + i: first + j for j, i in enumerate(origins) if i is not None}
            beside = {at: v for at, v in self.ranges.items() if at.sheet == table.sheet and at.row in moves and not table.first_col <= at.col < table.first_col + width}
            for at in beside:
                del self.ranges[at]
            for at, value in beside.items():
                self.ranges[CellRef(at.sheet, moves[at.row], at.col)] = value
        table.headers = list(headers)
        table.rows = [[v.text if isinstance(v, Link) else v for v in row] for row in rows] or [[None] * len(headers)]

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                self.ranges[top_left.shifted(i, j)] = value

    def set_marks(self, cells: list[CellRef]) -> None:
        self.marks = list(cells)

    def commit(self) -> Saved:
        self.commits += 1
        return Saved()

    # --- for the tests ---------------------------------------------------------------------
    def column(self, table_key: str, column_key: str) -> list[Any]:
        """The values of one column of a table (found by its header in the workbook's language)."""
        table = self.tables[table_key]
        index = table.headers.index(texts(self.lang).header(table_key, column_key))
        return [row[index] for row in table.rows if any(v not in (None, "") for v in row)]

    def set(self, table_key: str, row: int, column_key: str, value: Any) -> None:
        table = self.tables[table_key]
        table.rows[row][table.headers.index(texts(self.lang).header(table_key, column_key))] = value
