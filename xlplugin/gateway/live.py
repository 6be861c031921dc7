"""The open workbook in Excel, through xlwings: the ``WorkbookGateway`` the ribbon uses.

Thin on purpose. Each sheet that holds a table is read in one bulk read
(``Range.options(ndim=2).value``), and the tables are found in that grid by the same pure
code the file gateway uses (``xlplugin.gateway.regions``: Excel tables by name, rows typed
below, tables found by their headers). Each table and each block is written in one bulk
write. Nothing is saved and no file is touched: the user saves when they are happy.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.port import CellRef, Formula, Link, RawTable, Saved
from xlplugin.gateway import regions
from xlplugin.gateway.formulas import formula_at
from xlplugin.layout.names import sheet_names_of, table_names_of
from xlplugin.layout.texts import LANGUAGES

MARK_FILL = (255, 199, 206)  # the file gateway's mark colour
MAX_ADDRESS_LIST = 250  # Excel refuses longer multi-area addresses in one Range()
Progress = Callable[[str, ph.Label], None]  # ("read" | "write", the table's title)


def _as_cell(value: Any, at: CellRef) -> Any:
    """What to hand Excel so a value stays what it is: text never becomes a formula,
    number or date (a leading apostrophe is Excel's own "this is text" mark); a ``Formula``
    becomes a formula, moved to the cell ``at``."""
    if isinstance(value, Formula):
        return formula_at(value, at)
    if isinstance(value, Link):
        value = value.text
    if isinstance(value, str) and value:
        return "'" + value
    return value


class LiveWorkbook:
    """``WorkbookGateway`` for an ``xlwings.Book`` open in Excel."""

    def __init__(self, book: Any, lang: str | None = None, progress: Progress | None = None):
        self.book = book
        self.path = None
        self.properties: dict[str, str] = {}
        self.unkeepable: list[str] = []
        self._progress = progress or (lambda _kind, _table: None)
        self._sheets = {sheet.name: sheet for sheet in book.sheets}
        self._sheet_rows: dict[str, list[list[Any]]] = {}
        self._regions = self._table_regions()
        table_names = [region.name for region in self._regions]
        if not regions.is_project({}, table_names):
            raise UserError("ribbon.error.not_project", book=book.name)
        self.lang = lang if lang in LANGUAGES else regions.detect_language({}, self.sheet_names(), table_names)

    # --- reading ---------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    def read_table(self, table_key: str) -> RawTable | None:
        self._progress("read", self._title(table_key))
        region = regions.find_region(table_key, self._regions, self.sheet_names(), self._rows)
        if region is None:
            return None
        grid = self._rows(region.sheet)
        # no merged ranges: Excel refuses merges inside tables
        raw = regions.table_at(table_key, region, self._regions, grid, [])
        raw.formulas = self._formulas(raw)
        return raw

    def _formulas(self, raw: RawTable) -> dict[tuple[int, int], str]:
        """The table's formula cells, in one bulk read of ``Range.formula``.

        Excel gives a constant's text as its formula too, and keeps the apostrophe of text
        typed as '=... apart: a cell holds a formula when its formula is not what it shows."""
        if not raw.rows or not raw.headers:
            return {}
        first = raw.cell(0, 0)
        last = raw.cell(len(raw.rows) - 1, len(raw.headers) - 1)
        found = self._sheets[raw.sheet].range((first.row, first.col), (last.row, last.col)).formula
        if isinstance(found, str):  # a single cell
            found = [[found]]
        return {
            (r, c): text
            for r, row in enumerate(found)
            for c, text in enumerate(row)
            if isinstance(text, str) and text.startswith("=") and text != raw.rows[r][c]
        }

    @staticmethod
    def _title(table_key: str) -> ph.Label:
        return ph.title(table_key)

    def _rows(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._sheet_rows:
            xl_sheet = self._sheets[sheet]
            last = xl_sheet.used_range.last_cell
            grid = xl_sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
            self._sheet_rows[sheet] = grid
        return self._sheet_rows[sheet]

    def _table_regions(self) -> list[regions.Region]:
        found = []
        for name, sheet in self._sheets.items():
            for table in sheet.tables:
                rng = table.range
                last = rng.last_cell
                found.append(
                    regions.Region(table.name, name, rng.row - 1, rng.column - 1, last.row - 1, last.column - 1)
                )
        return found

    # --- writing ---------------------------------------------------------------------------
    def _xl_sheet(self, sheet_key: str) -> Any:
        wanted = sheet_names_of(sheet_key)
        for name, sheet in self._sheets.items():
            if normalize(name) in wanted:
                return sheet
        raise regions.sheet_missing(sheet_key)

    def _xl_table(self, table_key: str) -> tuple[Any, Any]:
        wanted = table_names_of(table_key)
        for sheet in self._sheets.values():
            for table in sheet.tables:
                if normalize(table.name) in wanted:
                    return sheet, table
        raise regions.table_missing(table_key)

    def write_table(self, table_key: str, headers: list[str], rows: list[list[Any]]) -> None:
        self._progress("write", self._title(table_key))
        sheet, table = self._xl_table(table_key)
        rng = table.range
        top, left = rng.row, rng.column
        bottom, right = rng.last_cell.row, rng.last_cell.column
        n_rows = max(len(rows), 1)
        new_bottom, new_right = top + n_rows, left + len(headers) - 1
        if new_bottom > bottom:
            self._make_room_below(sheet, bottom + 1, new_bottom)
        block = [list(headers)] + [
            [(row[i] if i < len(row) else None) for i in range(len(headers))] for row in rows
        ]
        block += [[None] * len(headers) for _ in range(n_rows - len(rows))]
        table.resize(sheet.range((top, left), (new_bottom, new_right)))
        # No row heights here (the file gateway sets them): Excel fits rows to wrapped text as it writes
        self._write_block(sheet, top, left, block)
        if new_bottom < bottom:  # the table shrank: clear the rows it left, keep their formats
            sheet.range((new_bottom + 1, left), (bottom, right)).clear_contents()

    def _make_room_below(self, sheet: Any, first: int, last: int) -> None:
        """Insert rows if rows first..last are not free, moving what is below down (as the file gateway)."""
        width = max(sheet.used_range.last_cell.column, 1)
        below = sheet.range((first, 1), (last, width)).options(ndim=2).value
        insert = regions.rows_to_insert(below, first, last, empty=(None,))  # a formula showing "" holds something
        if insert is not None:
            at, count = insert
            sheet.range(f"{at}:{at + count - 1}").insert("down")

    def _write_block(self, sheet: Any, top: int, left: int, block: list[list[Any]]) -> None:
        links = [
            (top + i, left + j, value)
            for i, row in enumerate(block)
            for j, value in enumerate(row)
            if isinstance(value, Link)
        ]
        values = [
            [_as_cell(v, CellRef(sheet.name, top + i, left + j)) for j, v in enumerate(row)] for i, row in enumerate(block)
        ]
        if values and values[0]:
            sheet.range((top, left)).options(ndim=2).value = values
        for row, col, link in links:  # Excel has no bulk call for hyperlinks
            target = link.target.sheet.replace("'", "''")
            sheet.range((row, col)).add_hyperlink(f"#'{target}'!{link.target.address}", link.text)

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        sheet = self._xl_sheet(sheet_key)
        self._progress("write", sheet.name)
        width = max((len(row) for row in values), default=0)
        block = [list(row) + [None] * (width - len(row)) for row in values]
        if width:
            self._write_block(sheet, top_left.row, top_left.col, block)

    def set_marks(self, cells: list[CellRef]) -> None:
        """One custom-formula conditional format per sheet, as the file gateway: the user's own
        formats are never touched, and the next run removes exactly these rules."""
        for sheet in self._sheets.values():
            # last first: rules are held by index (FormatConditions(i)); a deletion renumbers the rest
            for rule in reversed(list(sheet.cells.conditional_formats)):
                if regions.MARK_FORMULA in (rule.formula or ""):
                    rule.delete()
        for name, addresses in regions.addresses_by_sheet(cells).items():
            sheet = self._sheets.get(name)
            if sheet is None:
                continue
            for chunk in _address_chunks(addresses):
                sheet.range(chunk).conditional_formats.add_custom(f"={regions.MARK_FORMULA}", fill_color=MARK_FILL)

    def commit(self) -> Saved:
        return Saved()  # the writes are already in the open workbook; the user saves


def _address_chunks(addresses: list[str]) -> list[str]:
    chunks: list[str] = []
    current = ""
    for address in addresses:
        candidate = f"{current},{address}" if current else address
        if len(candidate) > MAX_ADDRESS_LIST and current:
            chunks.append(current)
            candidate = address
        current = candidate
    if current:
        chunks.append(current)
    return chunks
