"""The open workbook in Excel, through xlwings: the ``WorkbookGateway`` the ribbon uses.

Thin on purpose. Each sheet that holds a table is read in one bulk read
(``Range.options(ndim=2).value``), and the tables are found in that grid by the same pure
code the file gateway uses (``xlplugin.gateway.regions``: Excel tables by name, rows typed
below, tables found by their headers). Each table and each block is written in one bulk
write. Nothing is saved and no file is touched: the user saves when they are happy.

Where Excel differs between Windows and the Mac, or from what the file gateway sees, the
adapter follows what xlwings 0.37.8 and Microsoft's object model document:

- error cells: on Windows the bulk read asks for ``err_to_str=True`` ("#N/A" as text, as the
  file gateway reads it); on the Mac that option fails for any multi-cell range in xlwings
  0.37.8 (its ``ensure_2d`` returns None for a list of lists), so the sheet's formulas are read
  too and a formula or error constant that shows nothing is read alone with ``err_to_str``.
- a number in a currency format arrives as ``Decimal`` on Windows (COM's Currency): read as float.
- ``Range.formula`` is a tuple of tuples on Windows and may be flat on the Mac: made 2-D.
- a formula showing "" reads as None: growing a table looks at formulas too, so that row is
  not taken for free.
- formulas are written through ``Range.formula2``: through ``.value`` Excel evaluates them with
  implicit intersection (a dynamic-array formula would come back as ``=@UNIQUE(...)``).
- a link to a place in the workbook is ``Hyperlinks.Add(Anchor, Address:="", SubAddress:=
  "'Sheet'!A1")`` as Microsoft documents it (xlwings' ``add_hyperlink`` passes only an
  Address); on the Mac the same properties through AppleScript.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import Project, normalize
from xlplugin.domain.port import CellRef, CellText, Formula, Link, RawTable, Saved
from xlplugin.gateway import regions
from xlplugin.gateway.formulas import formula_at
from xlplugin.layout.names import sheet_names_of, table_names_of
from xlplugin.layout.texts import LANGUAGES

MARK_FILL = (255, 199, 206)  # the file gateway's mark colour
MAX_ADDRESS_LIST = 250  # Excel refuses longer multi-area addresses in one Range()
Progress = Callable[[str, ph.Label], None]  # ("read" | "write", the table's title)
# Excel's error values (XlCVError): COM hands one over as CVErr(n) = n - 2146828288. xlwings
# 0.37.8 turns the first seven into text with err_to_str; the newer ones arrive as that int.
_XL_CV_ERRORS = {
    "#NULL!": 2000, "#DIV/0!": 2007, "#VALUE!": 2015, "#REF!": 2023, "#NAME?": 2029, "#NUM!": 2036,
    "#N/A": 2042, "#GETTING_DATA": 2043, "#SPILL!": 2045, "#CONNECT!": 2046, "#BLOCKED!": 2047,
    "#UNKNOWN!": 2048, "#FIELD!": 2049, "#CALC!": 2050,
}
COM_ERRORS = {n - 2146828288: text for text, n in _XL_CV_ERRORS.items()}
CELL_ERRORS = tuple(_XL_CV_ERRORS)


def _as_cell(value: Any) -> Any:
    """What to hand Excel so a value stays what it is: text never becomes a formula,
    number or date (a leading apostrophe is Excel's own "this is text" mark). A ``Formula``
    is written afterwards through ``formula2`` (see ``_write_block``): here it leaves the cell empty."""
    if isinstance(value, Formula):
        return None
    if isinstance(value, Link):
        value = value.text
    if isinstance(value, str) and value:
        return "'" + value
    return value


def _read(value: Any) -> Any:
    """A value as the rest of the program takes it: a currency cell's Decimal (Windows) as float,
    an error code xlwings does not name (Windows: an int) as its text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int) and not isinstance(value, bool) and value in COM_ERRORS:
        return COM_ERRORS[value]
    return value


def _grid(found: Any, rows: int, cols: int) -> list[list[Any]]:
    """``Range.formula`` as rows × cols: a str for one cell, a tuple of tuples (Windows), a list
    of lists or a flat list for one row or one column (Mac)."""
    if not isinstance(found, (list, tuple)):
        return [[found]]
    found = list(found)
    if found and not isinstance(found[0], (list, tuple)):
        return [found] if rows == 1 else [[v] for v in found]
    return [list(row) for row in found]


def _is_mac(book: Any) -> bool:
    """Excel for Mac (xlwings' AppleScript engine) rather than Windows (COM)."""
    impl = getattr(book, "impl", None)
    return type(impl).__module__.endswith("_xlmac") or bool(getattr(impl, "mac", False))


def _custom_properties(book: Any) -> dict[str, str]:
    """The workbook's text custom properties through COM (``CustomDocumentProperties``); empty
    where they cannot be read."""
    try:
        found = {}
        for prop in book.api.CustomDocumentProperties:
            found[str(prop.Name)] = str(prop.Value)
        return found
    except Exception:  # no COM api (the Mac, a test double), or a property Excel cannot give
        return {}


class LiveWorkbook:
    """``WorkbookGateway`` for an ``xlwings.Book`` open in Excel."""

    def __init__(self, book: Any, lang: str | None = None, progress: Progress | None = None):
        self.book = book
        self.mac = _is_mac(book)
        self.path = None
        self.properties: dict[str, str] = {} if self.mac else _custom_properties(book)
        self._progress = progress or (lambda _kind, _table: None)
        self._sheets = {sheet.name: sheet for sheet in book.sheets}
        self._sheet_rows: dict[str, list[list[Any]]] = {}
        self._regions = self._table_regions()
        table_names = [region.name for region in self._regions]
        if not regions.is_project(self.properties, table_names):
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
        found = _grid(found, len(raw.rows), len(raw.headers))
        return {
            (r, c): text
            for r, row in enumerate(found)
            for c, text in enumerate(row)
            if isinstance(text, str) and text.startswith("=") and text != raw.rows[r][c]
        }

    def defined_names(self) -> dict[str, str]:
        """Workbook-scope names (a sheet's own read ``Sheet!name`` in Excel and are left out)."""
        found = {}
        for name in self.book.names:
            if "!" not in name.name:
                found[name.name] = (name.refers_to or "").removeprefix("=")
        return found

    @staticmethod
    def _title(table_key: str) -> ph.Label:
        return ph.title(table_key)

    def _rows(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._sheet_rows:
            xl_sheet = self._sheets[sheet]
            last = xl_sheet.used_range.last_cell
            rng = xl_sheet.range((1, 1), (last.row, last.column))
            if self.mac:
                grid = rng.options(ndim=2).value
                self._mac_errors(xl_sheet, rng, grid)
            else:
                grid = rng.options(ndim=2, err_to_str=True).value
            self._sheet_rows[sheet] = [[_read(v) for v in row] for row in grid]
        return self._sheet_rows[sheet]

    @staticmethod
    def _mac_errors(xl_sheet: Any, rng: Any, grid: list[list[Any]]) -> None:
        """Put error values into a Mac grid (read without err_to_str): a cell that shows nothing
        but has a formula or an error constant is read alone, with err_to_str."""
        formulas = _grid(rng.formula, len(grid), len(grid[0]) if grid else 0)
        for r, row in enumerate(formulas):
            for c, text in enumerate(row):
                if grid[r][c] is not None or not isinstance(text, str) or not text:
                    continue
                if text in CELL_ERRORS:
                    grid[r][c] = text
                elif text.startswith("="):
                    value = xl_sheet.range((rng.row + r, rng.column + c)).options(err_to_str=True).value
                    if value in CELL_ERRORS:
                        grid[r][c] = value

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

    def write_table(
        self, table_key: str, headers: list[str], rows: list[list[Any]], origins: list[int | None] | None = None
    ) -> None:
        self._progress("write", self._title(table_key))
        sheet, table = self._xl_table(table_key)
        rng = table.range
        top, left = rng.row, rng.column
        bottom, right = rng.last_cell.row, rng.last_cell.column
        n_rows = max(len(rows), 1)
        new_bottom, new_right = top + n_rows, left + len(headers) - 1
        notes = self._notes(sheet, top, left, right, [*range(top + 1, bottom + 1), *(top + 1 + i for i in origins or () if i is not None)]) if origins is not None else {}
        inserted = None
        if new_bottom > bottom:
            inserted = self._make_room_below(sheet, bottom + 1, new_bottom)
        block = [list(headers)] + [
            [(row[i] if i < len(row) else None) for i in range(len(headers))] for row in rows
        ]
        block += [[None] * len(headers) for _ in range(n_rows - len(rows))]
        table.resize(sheet.range((top, left), (new_bottom, new_right)))
        # No row heights here (the file gateway sets them): Excel fits rows to wrapped text as it writes
        self._write_block(sheet, top, left, block)
        if new_bottom < bottom:  # the table shrank: clear the rows it left, keep their formats
            sheet.range((new_bottom + 1, left), (bottom, right)).clear_contents()
        if notes:
            self._move_notes(sheet, notes, {top + 1 + i: top + 1 + j for j, i in enumerate(origins or []) if i is not None}, inserted)

    def _notes(self, sheet: Any, top: int, left: int, right: int, rows: list[int]) -> dict[tuple[int, int], tuple[Any, str | None]]:
        """What is typed beside a table on sheet rows ``rows`` (1-based), outside other tables:
        (row, column) → (value, formula or None); the values as read, the formulas in one read."""
        grid = self._rows(sheet.name)
        others = [g for g in self._regions if g.sheet == sheet.name and (g.top, g.left) != (top - 1, left - 1)]
        found: dict[tuple[int, int], Any] = {}
        for r in sorted(set(rows)):
            for c, value in enumerate(grid[r - 1] if r - 1 < len(grid) else [], start=1):
                inside = any(g.top < r <= g.bottom + 1 and g.left < c <= g.right + 1 for g in others)
                if value not in (None, "") and not left <= c <= right and not inside:
                    found[(r, c)] = value
        if not found:
            return {}
        first, last = min(r for r, _ in found), max(r for r, _ in found)
        width = max(c for _, c in found)
        formulas = _grid(sheet.range((first, 1), (last, width)).formula, last - first + 1, width)
        return {
            (r, c): (value, text if isinstance(text := formulas[r - first][c - 1], str) and text.startswith("=") else None)
            for (r, c), value in found.items()
        }

    def _move_notes(self, sheet: Any, notes: dict[tuple[int, int], tuple[Any, str | None]], moves: dict[int, int], inserted: tuple[int, int] | None) -> None:
        """Each note onto its row's new place: the old cell cleared first, then written (a formula
        as it reads there); notes of rows not written again stay. One or two calls a note."""
        def now(r: int) -> int:  # where a row stands after rows were inserted below the table
            return r + inserted[1] if inserted is not None and r >= inserted[0] else r

        moving = {at: note for at, note in notes.items() if moves.get(at[0], at[0]) != at[0]}
        for r, c in moving:
            sheet.range((now(r), c)).clear_contents()
        for (r, c), (value, formula) in moving.items():
            target = CellRef(sheet.name, moves[r], c)
            cell = sheet.range((target.row, target.col))
            if formula is not None:
                cell.formula2 = formula_at(Formula(formula, CellRef(sheet.name, r, c)), target)
            else:
                cell.value = _as_cell(value)

    def _make_room_below(self, sheet: Any, first: int, last: int) -> tuple[int, int] | None:
        """Insert rows if rows first..last are not free, moving what is below down (as the file gateway)."""
        width = max(sheet.used_range.last_cell.column, 1)
        rng = sheet.range((first, 1), (last, width))
        values = rng.options(ndim=2).value
        formulas = _grid(rng.formula, last - first + 1, width)
        # a formula showing "" (or an error) reads as None: its formula says the cell holds something
        below = [[v if v is not None else (f or None) for v, f in zip(vs, fs)] for vs, fs in zip(values, formulas)]
        insert = regions.rows_to_insert(below, first, last, empty=(None,))
        if insert is not None:
            at, count = insert
            sheet.range(f"{at}:{at + count - 1}").insert("down")
        return insert

    def _write_block(self, sheet: Any, top: int, left: int, block: list[list[Any]]) -> None:
        special = [
            (top + i, left + j, value)
            for i, row in enumerate(block)
            for j, value in enumerate(row)
            if isinstance(value, (Link, Formula))
        ]
        values = [[_as_cell(v) for v in row] for row in block]
        if values and values[0]:
            sheet.range((top, left)).options(ndim=2).value = values
        for row, col, value in special:  # Excel has no bulk call for hyperlinks
            cell = sheet.range((row, col))
            if isinstance(value, Formula):
                cell.formula2 = formula_at(value, CellRef(sheet.name, row, col))
            else:
                self._add_link(cell, value)

    def _add_link(self, cell: Any, link: Link) -> None:
        """A link to a place in the workbook, as Microsoft documents Hyperlinks.Add: Address
        empty, SubAddress the place ('Sheet'!A1); the cell already shows the text."""
        target = link.target.sheet.replace("'", "''")
        place = f"'{target}'!{link.target.address}"
        api = cell.api
        if self.mac:
            from appscript import k as kw  # xlwings' own AppleScript keywords (present with xlwings on a Mac)

            api.make(
                at=api,
                new=kw.hyperlink,
                with_properties={kw.address: "", kw.sub_address: place, kw.text_to_display: link.text},
            )
        else:
            api.Hyperlinks.Add(Anchor=api, Address="", SubAddress=place, TextToDisplay=link.text)

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        sheet = self._xl_sheet(sheet_key)
        self._progress("write", sheet.name)
        width = max((len(row) for row in values), default=0)
        block = [list(row) + [None] * (width - len(row)) for row in values]
        if width:
            self._write_block(sheet, top_left.row, top_left.col, block)

    def restore_sheet(self, sheet_key: str, project: Project) -> None:
        """Not in the open workbook: the file gateway grafts the builder's sheet into the
        package; here that would take a second builder through Excel's object model. The
        actions say what to do instead (run the command on the saved, closed workbook)."""
        raise UserError("msg.live.cannot_add_sheet", sheet=ph.sheet(sheet_key))

    def layout_version(self) -> int | None:
        """From the custom properties Excel for Windows gives (COM); None on the Mac, where
        xlwings' AppleScript engine does not reach them: the actions then go by the tables."""
        return regions.layout_of(self.properties)

    def set_layout_version(self, version: int) -> None:
        """Not in the open workbook: the upgrade adds sheets, which only the file gateway does."""
        raise UserError("msg.upgrade.file_only")

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
            for chunk in regions.address_chunks(addresses, MAX_ADDRESS_LIST):
                sheet.range(chunk).conditional_formats.add_custom(f"={regions.MARK_FORMULA}", fill_color=MARK_FILL)

    def commit(self) -> Saved:
        return Saved()  # the writes are already in the open workbook; the user saves


    # --- reading everything (issue 16: personal data anywhere) --------------------------------
    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        """Every text cell of every sheet (each sheet's ``used_range``, one bulk read, as
        ``read_table`` reads) and, on Windows, every note and threaded comment.

        Comments go through the object model Microsoft documents: ``Worksheet.Comments`` (each
        ``Comment.Parent`` is its cell, ``Comment.Text()`` its text) and
        ``Worksheet.CommentsThreaded`` (``CommentThreaded.Text()``). On the Mac, xlwings 0.37.8
        offers no collection of a sheet's comments (only ``Range.note``, cell by cell): there
        the comments are not read (a gap the README states)."""
        wanted = keep or bool
        found = []
        for name in self._sheets:
            for r, row in enumerate(self._rows(name)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value and wanted(value):
                        found.append(CellText(CellRef(name, r + 1, c + 1), value))
        if not self.mac:
            for name, sheet in self._sheets.items():
                found += [
                    CellText(CellRef(name, row, col), text, comment=True)
                    for row, col, text in _windows_comments(sheet)
                    if wanted(text)
                ]
        return found


def _windows_comments(sheet: Any) -> list[tuple[int, int, str]]:
    """(row, column, text) of each note and threaded comment of a sheet, through COM."""
    found = []
    for collection in ("Comments", "CommentsThreaded"):
        try:
            items = getattr(sheet.api, collection)
            count = int(items.Count)
        except Exception:  # an Excel without threaded comments (before 365), or no COM api
            continue
        for i in range(1, count + 1):
            item = items.Item(i)
            cell = item.Parent
            text = item.Text()
            if isinstance(text, str) and text.strip():
                found.append((int(cell.Row), int(cell.Column), text))
    return found
