"""A workbook as a snapshot of plain JSON in, a plan of Excel operations out: the
``WorkbookGateway`` of the Office.js add-in, where Python runs in the browser (Pyodide).

JavaScript reads what an action needs in one ``Excel.run`` (``web/site/js/snapshot.mjs``) and
hands it over as a **snapshot**; the action runs unchanged against this adapter; every write
becomes an operation of a **plan**, which JavaScript applies in one batch
(``web/site/js/plan.mjs``). Nothing here touches Excel, a file or the network.

Snapshot, format ``xlplugin.snapshot`` version 2 (what Office.js gives, as it gives it)::

    {"format": "xlplugin.snapshot", "version": 2,
     "properties": {"xlplugin.layout": "1", "xlplugin.lang": "da"},    # custom properties
     "names": {"lst_yesno": "Lister!$A$2:$A$3"},   # workbook-scope names, without the "="
     "sheets": [{"name": "1 Afklaring", "visible": true,
                 "values": [[...], ...],           # from A1 to the used range's last cell
                 "formulas": [["B7", "=SUM(...)"]], # cells holding a formula
                 "number_formats": [["C9", "dd-mm-yyyy"]],  # number cells not in General
                 "merged": ["A1:C1"]}],
     "tables": [{"name": "Beboergrupper", "sheet": "1 Afklaring", "range": "A5:I12"}],
     "comments": [{"sheet": "1 Afklaring", "cell": "B7", "text": "..."}]}

Version 2 added ``names`` (validation checks the dropdowns' lists by them).

Values are as ``Range.values`` gives them: text, numbers (a date is its serial number, told
by its number format), booleans, "" for an empty cell, an error as its text ("#DIV/0!").

Plan, format ``xlplugin.plan`` version 2: ``{"format", "version", "lang", "ops": [...]}``; the
operations, applied in order (rows and columns 1-based in A1 addresses, sheets by name)::

    {"op": "add_sheet", "sheet": S, "position": 3, "visible": false, "tab_color": "#C00000",
     "replace": false}        # a new sheet, 0-based position among all sheets (hidden ones
                              # too); "replace": delete the sheet of that name first
    {"op": "add_table", "table": T, "sheet": S, "range": "A7:E8", "style": "TableStyleMedium2"}
    {"op": "names", "names": {"lst_yesno": "'Lister'!$A$2:$A$3"}}  # workbook names, set anew
    {"op": "widths", "sheet": S, "widths": {"A": 28.0}}   # in characters, as in the file
    {"op": "merge", "sheet": S, "ranges": ["A2:E2"]}

    {"op": "insert_rows", "sheet": S, "row": 14, "count": 5}   # shift the rows down
    {"op": "resize_table", "table": T, "sheet": S, "range": "A5:Q40"}
    {"op": "clear_links", "sheet": S, "range": "A5:Q40"}  # hyperlinks only
    {"op": "write", "sheet": S, "cell": "A5", "values": [[cell, ...], ...]}
    {"op": "clear", "sheet": S, "range": "A41:Q44"}       # contents only, formats stay
    {"op": "marks", "formula": MARK_FORMULA, "fill": "#FFC7CE", "border": "#C00000",
     "sheets": {S: ["B7:B9", "D12", ...]}}   # remove every rule with the formula, then add

A ``write`` cell is null (empty), a number, a boolean, a text (always text: never a formula,
number or date, whatever it starts with), ``{"date": "2027-06-01"}``, ``{"formula":
"=..."}`` (as it reads in that cell) or ``{"text": "...", "link": "'Sheet'!A1"}`` (a
hyperlink to a place in the workbook).

Plan version 2 added the first five operations: ``restore_sheet`` puts back the tool's own
sheets (the findings, the hidden lists and their names, the overview, the merge log) as the
builder makes them: values, formulas, tables, names, column widths, merged cells, tab colour,
visibility and position. Not carried over: cell fonts and fills outside the tables' style, the
print setup and the overview's charts (the file gateway and the web page add those).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.port import CellRef, CellText, Formula, Link, RawTable, Saved, column_letter, column_number
from xlplugin.gateway import regions
from xlplugin.gateway.formulas import formula_at
from xlplugin.layout.names import sheet_names_of, table_names_of
from xlplugin.layout.texts import LANGUAGES

SNAPSHOT_FORMAT, SNAPSHOT_VERSION = "xlplugin.snapshot", 2
PLAN_FORMAT, PLAN_VERSION = "xlplugin.plan", 2
MARK_FILL, MARK_BORDER = "#FFC7CE", "#C00000"  # the file gateway's mark colours
MAX_ADDRESS_LIST = 250  # Excel refuses longer multi-area addresses in one call
_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?")
Box = tuple[int, int, int, int]  # top, left, bottom, right: 0-based, inclusive


def parse_range(address: str) -> Box:
    """``B2:D9`` (or ``Sheet!B2:D9``, or one cell) as a 0-based box."""
    found = _RANGE.fullmatch(address.rsplit("!", 1)[-1].strip())
    if found is None:
        raise ValueError("not a range address")
    c0, r0 = found[1], int(found[2])
    c1, r1 = (found[3], int(found[4])) if found[3] else (c0, r0)
    return r0 - 1, column_number(c0) - 1, r1 - 1, column_number(c1) - 1


def range_address(top: int, left: int, bottom: int, right: int) -> str:
    """A 1-based box as ``B2:D9`` (one cell: ``B2``)."""
    first = f"{column_letter(left)}{top}"
    return first if (top, left) == (bottom, right) else f"{first}:{column_letter(right)}{bottom}"


def _is_date_format(number_format: str) -> bool:
    from openpyxl.styles.numbers import is_date_format

    return bool(is_date_format(number_format))


def _from_serial(serial: float) -> dt.date | dt.datetime:
    """A date cell's serial number as calamine reads it: a date, or a datetime when it has a time."""
    from openpyxl.utils.datetime import from_excel

    when = from_excel(serial)
    return when.date() if isinstance(when, dt.datetime) and when.time() == dt.time() else when


def _unsupported() -> UserError:
    return UserError("msg.snapshot.unsupported", expected=SNAPSHOT_VERSION)


class SnapshotWorkbook:
    """``WorkbookGateway`` over a snapshot; ``plan()`` gives the writes as Excel operations."""

    def __init__(self, snapshot: dict[str, Any], lang: str | None = None):
        if snapshot.get("format") != SNAPSHOT_FORMAT or snapshot.get("version") != SNAPSHOT_VERSION:
            raise _unsupported()
        self.path = None
        self.properties: dict[str, str] = {str(k): str(v) for k, v in (snapshot.get("properties") or {}).items()}
        self._names: dict[str, str] = {str(k): str(v).removeprefix("=") for k, v in (snapshot.get("names") or {}).items()}
        self._sheets: dict[str, dict[str, Any]] = {}
        self._grids: dict[str, list[list[Any]]] = {}
        self._formulas: dict[str, dict[tuple[int, int], str]] = {}
        self._merged: dict[str, list[Box]] = {}
        for sheet in snapshot.get("sheets") or []:
            name = str(sheet["name"])
            self._sheets[name] = sheet
            self._formulas[name] = {
                parse_range(at)[:2]: str(text) for at, text in sheet.get("formulas") or [] if str(text).startswith("=")
            }
            self._merged[name] = [parse_range(a) for a in sheet.get("merged") or []]
        self._regions = [
            regions.Region(str(t["name"]), str(t["sheet"]), *parse_range(str(t["range"])))
            for t in snapshot.get("tables") or []
            if t.get("sheet") in self._sheets
        ]
        self._comments = [
            CellText(CellRef.parse(str(c["sheet"]), str(c["cell"])), str(c["text"]), comment=True)
            for c in snapshot.get("comments") or []
            if isinstance(c.get("text"), str) and c["text"].strip()
        ]
        table_names = [region.name for region in self._regions]
        if not regions.is_project(self.properties, table_names):
            raise UserError("msg.snapshot.not_project")
        self.lang = lang if lang in LANGUAGES else regions.detect_language(self.properties, self.sheet_names(), table_names)
        self._ops: list[dict[str, Any]] = []
        # where things are while the plan is built: the tables after rows were inserted, and
        # what each sheet holds (rows inserted, blocks written) to find free rows below a table
        self._now_regions = [regions.Region(r.name, r.sheet, r.top, r.left, r.bottom, r.right) for r in self._regions]
        self._now: dict[str, list[list[Any]]] = {}
        self._order = list(self._sheets)  # the sheets in order, with those the plan adds
        self._added: set[str] = set()

    # --- reading -------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    def defined_names(self) -> dict[str, str]:
        return dict(self._names)

    def _rows(self, sheet: str) -> list[list[Any]]:
        """The sheet's values as the file gateway reads them: "" for empty, dates as dates."""
        if sheet not in self._grids:
            data = self._sheets[sheet]
            grid = [["" if v is None else v for v in row] for row in data.get("values") or []]
            for at, number_format in data.get("number_formats") or []:
                r, c = parse_range(at)[:2]
                value = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
                if isinstance(value, (int, float)) and not isinstance(value, bool) and _is_date_format(str(number_format)):
                    grid[r][c] = _from_serial(float(value))
            self._grids[sheet] = grid
        return self._grids[sheet]

    def read_table(self, table_key: str) -> RawTable | None:
        region = regions.find_region(table_key, self._regions, self.sheet_names(), self._rows)
        if region is None:
            return None
        rows = self._rows(region.sheet)
        return regions.table_at(table_key, region, self._regions, rows, self._merged[region.sheet], self._formulas[region.sheet])

    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        wanted = keep or bool
        found = [
            CellText(CellRef(name, r + 1, c + 1), value)
            for name in self._sheets
            for r, row in enumerate(self._rows(name))
            for c, value in enumerate(row)
            if isinstance(value, str) and value and wanted(value)
        ]
        return found + [c for c in self._comments if wanted(c.text)]

    # --- writing: operations of the plan ----------------------------------------------------
    def _sheet_of(self, sheet_key: str) -> str:
        wanted = sheet_names_of(sheet_key)
        for name in self._order:
            if normalize(name) in wanted:
                return name
        raise regions.sheet_missing(sheet_key)

    def _region_of(self, table_key: str) -> regions.Region:
        wanted = table_names_of(table_key)
        for region in self._now_regions:
            if normalize(region.name) in wanted:
                return region
        raise regions.table_missing(table_key)

    def _current(self, sheet: str) -> list[list[Any]]:
        """The sheet as the plan has left it so far (to see whether rows are free)."""
        if sheet not in self._now:
            formulas = self._formulas[sheet]
            self._now[sheet] = [
                [v if v not in (None, "") else formulas.get((r, c)) for c, v in enumerate(row)]
                for r, row in enumerate(self._rows(sheet))
            ]
        return self._now[sheet]

    def write_table(
        self, table_key: str, headers: list[str], rows: list[list[Any]], origins: list[int | None] | None = None
    ) -> None:
        region = self._region_of(table_key)
        sheet = region.sheet
        top, left, bottom, right = region.top + 1, region.left + 1, region.bottom + 1, region.right + 1
        n_rows = max(len(rows), 1)
        new_bottom, new_right = top + n_rows, left + len(headers) - 1
        notes = {}
        if origins is not None and sheet not in self._added:  # a sheet the plan made holds no notes
            notes = self._notes(sheet, region, [*range(top + 1, bottom + 1), *(top + 1 + i for i in origins if i is not None)])
        inserted = None
        if new_bottom > bottom:
            inserted = self._make_room(sheet, bottom + 1, new_bottom)
        block: list[list[Any]] = [list(headers)] + [
            [(row[i] if i < len(row) else None) for i in range(len(headers))] for row in rows
        ]
        block += [[None] * len(headers) for _ in range(n_rows - len(rows))]
        self._ops.append({"op": "resize_table", "table": region.name, "sheet": sheet,
                          "range": range_address(top, left, new_bottom, new_right)})
        region.bottom, region.right = new_bottom - 1, new_right - 1
        self._write_block(sheet, top, left, block)
        if new_bottom < bottom:  # the table shrank: clear the rows it left, keep their formats
            gone = range_address(new_bottom + 1, left, bottom, right)
            self._ops.append({"op": "clear_links", "sheet": sheet, "range": gone})
            self._ops.append({"op": "clear", "sheet": sheet, "range": gone})
            self._fill(sheet, new_bottom + 1, left, [[None] * (right - left + 1)] * (bottom - new_bottom))
        if notes:
            moves = {top + 1 + i: top + 1 + j for j, i in enumerate(origins or []) if i is not None}
            self._move_notes(sheet, notes, moves, inserted)

    def _notes(self, sheet: str, region: regions.Region, rows: list[int]) -> dict[tuple[int, int], tuple[Any, str | None]]:
        """What is typed beside the table on sheet rows ``rows`` (1-based), outside other tables:
        (row, column) → (value, formula or None), as the workbook was read (as the live adapter)."""
        grid, formulas = self._rows(sheet), self._formulas[sheet]
        others = [g for g in self._now_regions if g.sheet == sheet and g.name != region.name]
        found: dict[tuple[int, int], tuple[Any, str | None]] = {}
        for r in sorted(set(rows)):
            line = grid[r - 1] if r - 1 < len(grid) else []
            width = max(len(line), max((c + 1 for (fr, c) in formulas if fr == r - 1), default=0))
            for c in range(1, width + 1):
                value = line[c - 1] if c - 1 < len(line) else None
                formula = formulas.get((r - 1, c - 1))
                inside = any(g.top < r <= g.bottom + 1 and g.left < c <= g.right + 1 for g in others)
                if (value not in (None, "") or formula) and not region.left < c <= region.right + 1 and not inside:
                    found[(r, c)] = (value, formula)
        return found

    def _move_notes(self, sheet: str, notes: dict[tuple[int, int], tuple[Any, str | None]], moves: dict[int, int],
                    inserted: tuple[int, int] | None) -> None:
        """Each note onto its row's new place: the old cells cleared first, then written (a
        formula as it reads there); notes of rows not written again stay."""
        def now(r: int) -> int:  # where a row stands after rows were inserted below the table
            return r + inserted[1] if inserted is not None and r >= inserted[0] else r

        moving = {at: note for at, note in notes.items() if moves.get(at[0], at[0]) != at[0]}
        for r, c in moving:
            self._ops.append({"op": "clear", "sheet": sheet, "range": range_address(now(r), c, now(r), c)})
            self._fill(sheet, now(r), c, [[None]])
        for (r, c), (value, formula) in moving.items():
            target = CellRef(sheet, moves[r], c)
            cell = Formula(formula, CellRef(sheet, r, c)) if formula is not None else value
            self._ops.append({"op": "write", "sheet": sheet, "cell": target.address, "values": [[self._cell(cell, target)]]})
            self._fill(sheet, target.row, c, [[formula_at(cell, target) if isinstance(cell, Formula) else value]])

    def _make_room(self, sheet: str, first: int, last: int) -> tuple[int, int] | None:
        """Insert rows if rows first..last are not free, as the other adapters do."""
        grid = self._current(sheet)
        below = (grid[r - 1] if r - 1 < len(grid) else [] for r in range(first, last + 1))
        insert = regions.rows_to_insert(below, first, last)
        if insert is None:
            return None
        at, count = insert
        self._ops.append({"op": "insert_rows", "sheet": sheet, "row": at, "count": count})
        if at - 1 < len(grid):
            grid[at - 1 : at - 1] = [[] for _ in range(count)]
        for region in self._now_regions:
            if region.sheet == sheet and region.top >= at - 1:
                region.top += count
                region.bottom += count
        return insert

    def _fill(self, sheet: str, top: int, left: int, block: list[list[Any]]) -> None:
        grid = self._current(sheet)
        for i, row in enumerate(block):
            r = top - 1 + i
            while len(grid) <= r:
                grid.append([])
            line = grid[r]
            for j, value in enumerate(row):
                c = left - 1 + j
                if len(line) <= c:
                    line.extend([None] * (c + 1 - len(line)))
                line[c] = None if value in (None, "") else value

    def _write_block(self, sheet: str, top: int, left: int, block: list[list[Any]]) -> None:
        width = max((len(row) for row in block), default=0)
        if not block or not width:
            return
        block = [list(row) + [None] * (width - len(row)) for row in block]
        cells = [[self._cell(v, CellRef(sheet, top + i, left + j)) for j, v in enumerate(row)] for i, row in enumerate(block)]
        self._ops.append({"op": "clear_links", "sheet": sheet, "range": range_address(top, left, top + len(block) - 1, left + width - 1)})
        self._ops.append({"op": "write", "sheet": sheet, "cell": f"{column_letter(left)}{top}", "values": cells})
        self._fill(sheet, top, left, block)

    @staticmethod
    def _cell(value: Any, at: CellRef) -> Any:
        if isinstance(value, Link):
            target = value.target.sheet.replace("'", "''")
            return {"text": value.text, "link": f"'{target}'!{value.target.address}"}
        if isinstance(value, Formula):
            return {"formula": formula_at(value, at)}
        if isinstance(value, dt.datetime):
            return {"date": value.isoformat()}
        if isinstance(value, dt.date):
            return {"date": value.isoformat()}
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return str(value)

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        self._write_block(self._sheet_of(sheet_key), top_left.row, top_left.col, values)

    def layout_version(self) -> int | None:
        return regions.layout_of(self.properties)

    def set_layout_version(self, version: int) -> None:
        """Not in the plan: the upgrade adds sheets, which only the file gateway does."""
        raise UserError("msg.upgrade.file_only")

    def set_marks(self, cells: list[CellRef]) -> None:
        """One operation: the previous run's marks go (on every sheet), these come."""
        by_sheet = {
            name: regions.address_chunks(addresses, MAX_ADDRESS_LIST)
            for name, addresses in regions.addresses_by_sheet(cells).items()
            if name in self._sheets
        }
        self._ops.append({"op": "marks", "formula": regions.MARK_FORMULA, "fill": MARK_FILL, "border": MARK_BORDER,
                          "sheets": by_sheet})

    def restore_sheet(self, sheet_key: str, project: Any) -> None:
        """The builder's sheet (as the file gateway grafts it) as operations: added at its place
        in the layout's order, or made anew in place of the one there (see the plan format)."""
        import io

        from openpyxl import load_workbook

        from xlplugin.gateway.builder import build_sheet
        from xlplugin.layout import spec
        from xlplugin.layout.texts import texts

        if sheet_key not in spec.TOOL_SHEETS:
            raise ValueError(sheet_key)
        found = [name for name in self._order if normalize(name) in sheet_names_of(sheet_key)]
        made_as = texts(self.lang).sheet(sheet_key)
        name = found[0] if found else made_as
        scratch = load_workbook(io.BytesIO(build_sheet(project, self.lang, sheet_key, self._has_column)))
        ws = scratch[made_as]
        if found:
            position = self._order.index(name)
        else:
            order = (*spec.SHEET_ORDER, *(s.key for s in spec.ON_DEMAND_SHEETS))
            before = set().union(*(sheet_names_of(key) for key in order[: order.index(sheet_key)]))
            position = max((i + 1 for i, other in enumerate(self._order) if normalize(other) in before), default=0)
            self._order.insert(position, name)
        color = ws.sheet_properties.tabColor
        tab = f"#{color.rgb[-6:]}" if color is not None and isinstance(color.rgb, str) else None
        self._ops.append({"op": "add_sheet", "sheet": name, "position": position, "visible": ws.sheet_state == "visible",
                          "tab_color": tab, "replace": bool(found)})
        self._added.add(name)
        self._now_regions = [r for r in self._now_regions if r.sheet != name]
        grid: list[list[Any]] = []
        cells: list[list[Any]] = []
        for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column):
            grid.append([None if c.value in (None, "") else c.value for c in row])
            cells.append([{"formula": c.value} if c.data_type == "f" else self._cell(c.value, CellRef(name, c.row, c.column))
                          for c in row])
        self._now[name] = grid
        if any(v is not None for line in grid for v in line):
            self._ops.append({"op": "write", "sheet": name, "cell": "A1", "values": cells})
        widths = {letter: d.width for letter, d in sorted(ws.column_dimensions.items()) if d.width}
        if widths:
            self._ops.append({"op": "widths", "sheet": name, "widths": widths})
        if ws.merged_cells.ranges:
            self._ops.append({"op": "merge", "sheet": name, "ranges": sorted(str(r) for r in ws.merged_cells.ranges)})
        for table in ws.tables.values():
            style = table.tableStyleInfo.name if table.tableStyleInfo is not None else None
            self._ops.append({"op": "add_table", "table": table.displayName, "sheet": name, "range": table.ref, "style": style})
            self._now_regions.append(regions.Region(table.displayName, name, *parse_range(table.ref)))
        quoted = "'" + made_as.replace("'", "''") + "'!"
        names = {key: str(item.attr_text).replace(quoted, "'" + name.replace("'", "''") + "'!")
                 for key, item in scratch.defined_names.items()}
        if names:
            self._ops.append({"op": "names", "names": names})

    def _has_column(self, table: str, column: str) -> bool:
        return regions.has_column(table, column, self._regions, self._rows)

    def commit(self) -> Saved:
        return Saved()  # nothing to save: JavaScript applies the plan to the open workbook

    def plan(self) -> dict[str, Any]:
        return {"format": PLAN_FORMAT, "version": PLAN_VERSION, "lang": self.lang, "ops": list(self._ops)}
