"""A project workbook on disk: checked before anything unpacks it (``container``), its small
parts read straight from the zip (``package``), its cells read with python-calamine, written
with openpyxl (``sheet_ops``), saved atomically with a backup (``save``).

Reading never loads openpyxl: calamine gives cached values (formulas included), the tables
and the merged ranges fast. Only the first write loads the workbook into openpyxl.
If the original holds parts openpyxl cannot keep (``container.UNKEEPABLE_PARTS``), it is left
untouched and the result goes to ``Name (kopi).xlsx`` / ``Name (copy).xlsx`` instead.
"""
from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from copy import copy
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter, range_boundaries

from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.port import CellRef, CellText, Formula, Link, RawTable, Saved
from xlplugin.gateway import sheet_ops
from xlplugin.gateway.cells import row_height, write_value
from xlplugin.gateway.container import check_container, unkeepable_parts
from xlplugin.gateway.formulas import formula_at
from xlplugin.gateway.package import Package, read_package
from xlplugin.gateway.regions import (
    Region,
    detect_language,
    find_region,
    is_project,
    rows_to_insert,
    sheet_missing,
    slice_row,
    table_at,
    table_missing,
)
from xlplugin.gateway.save import backup_path, copy_path, lock_file, write_atomically
from xlplugin.layout.names import sheet_names_of, table_names_of
from xlplugin.layout.texts import LANGUAGES


class FileWorkbook:
    """``WorkbookGateway`` for a workbook file. Open with ``open_workbook``."""

    def __init__(self, path: Path, lang: str, calamine_book: Any, package: Package):
        self.path = path
        self.lang = lang
        self.properties = package.properties
        self._book = calamine_book
        self._stat = path.stat()
        self._sheet_rows: dict[str, list[list[Any]]] = {}
        self._merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self._regions = package.tables
        self._errors = package.errors
        self._formulas = package.formulas
        self._xl: Any = None  # openpyxl workbook, loaded on the first write
        self._dirty = False

    # --- reading -------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return list(self._book.sheet_names)

    def read_table(self, table_key: str) -> RawTable | None:
        region = self._find_region(table_key)
        if region is None:
            return None
        rows = self._rows(region.sheet)
        merged, formulas = self._merged[region.sheet], self._formulas.get(region.sheet)
        return table_at(table_key, region, self._regions, rows, merged, formulas)

    def _rows(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._sheet_rows:
            try:
                calamine_sheet = self._book.get_sheet_by_name(sheet)
                self._sheet_rows[sheet] = calamine_sheet.to_python(skip_empty_area=False)
                merged = calamine_sheet.merged_cell_ranges or []
            except Exception as exc:  # a damaged sheet part: calamine's own exception types
                raise UserError("msg.corrupt", path=self.path) from exc
            self._merged[sheet] = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged]
            self._show_errors(sheet, self._sheet_rows[sheet])
        return self._sheet_rows[sheet]

    def _show_errors(self, sheet: str, rows: list[list[Any]]) -> None:
        """Put the error a formula cell shows (#DIV/0!, #N/A …) where calamine left it empty."""
        for r, c, error in self._errors.get(sheet, ()):
            if r < len(rows) and c < len(rows[r]) and rows[r][c] in ("", None):
                rows[r][c] = error

    _slice = staticmethod(slice_row)  # kept by name: tests check table headers against calamine's

    def _find_region(self, table_key: str) -> Region | None:
        return find_region(table_key, self._regions, self.sheet_names(), self._rows)

    # --- writing (openpyxl) --------------------------------------------------------------
    def _workbook(self) -> Any:
        if self._xl is None:
            import warnings

            from openpyxl import load_workbook

            try:
                with warnings.catch_warnings():
                    # openpyxl warns of parts it drops; commit() checks for them and saves a copy
                    warnings.simplefilter("ignore")
                    self._xl = load_workbook(self.path, keep_links=True, rich_text=True)
            except Exception as exc:  # openpyxl raises many kinds on damaged parts
                raise UserError("msg.corrupt", path=self.path) from exc
        self._dirty = True
        return self._xl

    def _sheet(self, sheet_key: str) -> Any:
        wanted = sheet_names_of(sheet_key)
        for ws in self._workbook().worksheets:
            if normalize(ws.title) in wanted:
                return ws
        raise sheet_missing(sheet_key)

    def _xl_table(self, table_key: str) -> tuple[Any, Any]:
        wanted = table_names_of(table_key)
        for ws in self._workbook().worksheets:
            for table in ws.tables.values():
                if normalize(table.displayName) in wanted:
                    return ws, table
        raise table_missing(table_key)

    def write_table(self, table_key: str, headers: list[str], rows: list[list[Any]]) -> None:
        from openpyxl.worksheet.table import TableColumn

        ws, table = self._xl_table(table_key)
        left, top, right, bottom = range_boundaries(table.ref)
        n_rows = max(len(rows), 1)
        new_bottom = top + n_rows
        new_right = left + len(headers) - 1
        if new_bottom > bottom:
            self._make_room(ws, bottom + 1, new_bottom)
        template_row = top + 1
        for c in range(left, new_right + 1):
            template = ws.cell(row=template_row, column=min(c, right))
            for r in range(bottom + 1, new_bottom + 1):
                target = ws.cell(row=r, column=c)
                if template.has_style:
                    target._style = copy(template._style)
        if new_bottom > bottom:
            sheet_ops.extend_validations(ws, left, min(right, new_right), template_row, bottom + 1, new_bottom)
        for i, header in enumerate(headers):
            write_value(ws.cell(row=top, column=left + i), header)
        widths = sheet_ops.column_widths(ws, left, len(headers))
        for r in range(n_rows):
            values = rows[r] if r < len(rows) else []
            wrapped: list[Any] = []
            for i in range(len(headers)):
                cell = ws.cell(row=top + 1 + r, column=left + i)
                value = values[i] if i < len(values) else None
                self._put(cell, value)
                wrapped.append(value if isinstance(value, str) and cell.alignment.wrap_text else None)
            # Neither Excel nor LibreOffice fits a row to wrapped text when it opens a file: give
            # each written row its height (the default again for a row whose text got shorter)
            ws.row_dimensions[top + 1 + r].height = row_height(widths, wrapped)
        for r in range(new_bottom + 1, bottom + 1):  # the table shrank: clear values, keep formats
            for c in range(left, right + 1):
                self._put(ws.cell(row=r, column=c), None)
            ws.row_dimensions[r].height = None
        table.ref = f"{get_column_letter(left)}{top}:{get_column_letter(new_right)}{new_bottom}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
        columns = list(table.tableColumns)
        table.tableColumns = [
            columns[i] if i < len(columns) else TableColumn(id=i + 1, name=str(h)) for i, h in enumerate(headers)
        ]
        for i, h in enumerate(headers):
            table.tableColumns[i].name = str(h)
            table.tableColumns[i].id = i + 1

    def _put(self, cell: Any, value: Any) -> None:
        from openpyxl.worksheet.hyperlink import Hyperlink

        if isinstance(value, Link):
            sheet = value.target.sheet.replace("'", "''")
            write_value(cell, value.text)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{value.target.address}")
            return
        if cell.hyperlink is not None:
            cell.hyperlink = None
        if isinstance(value, Formula):
            cell.value = formula_at(value, CellRef(value.source.sheet, cell.row, cell.column))
            return
        write_value(cell, value)

    def _make_room(self, ws: Any, first: int, last: int) -> None:
        """Insert rows if rows first..last (below a growing table) are not free, moving what is below down."""
        width = ws.max_column  # scans every cell of the sheet: once, not once per row
        below = ws.iter_rows(min_row=first, max_row=last, max_col=width, values_only=True)
        insert = rows_to_insert(below, first, last)
        if insert is not None:
            sheet_ops.insert_rows(ws, *insert)

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        ws = self._sheet(sheet_key)
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                self._put(ws.cell(row=top_left.row + i, column=top_left.col + j), value)

    def set_marks(self, cells: list[CellRef]) -> None:
        """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA."""
        sheet_ops.set_marks(self._workbook(), cells)

    def unkeepable_parts(self) -> list[str]:
        """Text keys of the parts of the file on disk that an overwrite would lose."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                return unkeepable_parts(archive)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise UserError("msg.corrupt", path=self.path) from exc

    def commit(self) -> Saved:
        if not self._dirty:
            return Saved()
        if lock_file(self.path).exists():
            raise UserError("msg.file_locked", path=self.path)
        try:
            now = self.path.stat()
        except OSError as exc:
            raise UserError("msg.not_found", path=self.path) from exc
        if (now.st_mtime_ns, now.st_size) != (self._stat.st_mtime_ns, self._stat.st_size):
            raise UserError("msg.file_changed", path=self.path)
        unkeepable = self.unkeepable_parts()
        target = copy_path(self.path, self.lang) if unkeepable else self.path
        backup = None
        if not unkeepable:
            backup = backup_path(self.path)
            write_atomically(backup, lambda tmp: shutil.copyfile(self.path, tmp))
        write_atomically(target, lambda tmp: self._xl.save(tmp))
        if target == self.path:
            self._stat = target.stat()
        return Saved(target, tuple(unkeepable), backup)

    # --- reading everything (issue 16: personal data anywhere) ----------------------------
    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        """Every text cell of every sheet (calamine, as read) and every cell comment (the zip)."""
        from xlplugin.gateway.comments import comment_texts

        wanted = keep or bool
        found = []
        for sheet in self.sheet_names():
            for r, row in enumerate(self._rows(sheet)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value and wanted(value):
                        found.append(CellText(CellRef(sheet, r + 1, c + 1), value))
        try:
            with zipfile.ZipFile(self.path) as archive:
                comments = comment_texts(archive)
        except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise UserError("msg.corrupt", path=self.path) from exc
        return found + [CellText(at, text, comment=True) for at, text in comments if wanted(text)]




def open_workbook(path: Path | str, lang: str | None = None, *, project_only: bool = True) -> FileWorkbook:
    """Open a project workbook for reading (and later writing); UserError if it cannot be.

    ``project_only=False`` opens any safe .xlsx (tests of how Excel writes files use it).
    """
    from python_calamine import CalamineWorkbook

    path = Path(path)
    with check_container(path) as archive:
        try:
            package = read_package(archive)
        except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise UserError("msg.corrupt", path=path) from exc
    table_names = [region.name for region in package.tables]
    if project_only and not is_project(package.properties, table_names):
        raise UserError("msg.not_project", path=path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet_names = list(book.sheet_names)
    except Exception as exc:  # calamine reports damage with its own exception types
        raise UserError("msg.corrupt", path=path) from exc
    lang = lang if lang in LANGUAGES else detect_language(package.properties, sheet_names, table_names)
    return FileWorkbook(path, lang, book, package)
