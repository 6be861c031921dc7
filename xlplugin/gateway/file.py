"""A project workbook on disk: checked before anything unpacks it, read with python-calamine,
written with openpyxl, saved atomically with a backup of the previous file.

Reading never loads openpyxl: calamine gives cached values (formulas included), the tables
and the merged ranges fast. Only the first write loads the workbook into openpyxl.

Backup naming: before a save replaces ``Name.xlsx`` the previous file is copied (atomically)
to ``Name.xlsx.bak`` next to it; each save replaces that one backup.
If the original holds parts openpyxl cannot keep (see ``UNKEEPABLE_PARTS``), it is left
untouched and the result goes to ``Name (kopi).xlsx`` / ``Name (copy).xlsx`` instead.
"""
from __future__ import annotations

import io
import posixpath
import re
import shutil
import zipfile
from copy import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from xlplugin.errors import UserError, writing
from xlplugin.gateway.cells import row_height, write_value
from xlplugin.gateway.files import atomic_write
from xlplugin.gateway.port import CellRef, Formula, Link, RawTable, Saved
from xlplugin.gateway.regions import (
    MARK_FORMULA,
    Region,
    SheetFormulas,
    addresses_by_sheet,
    detect_language,
    find_region,
    is_project,
    rows_to_insert,
    sheet_missing,
    slice_row,
    table_at,
    table_missing,
)
from xlplugin.layout import spec
from xlplugin.layout.reader import sheet_names_of, table_names_of
from xlplugin.domain.models import normalize
from xlplugin.layout.texts import LANGUAGES, texts

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted Office file
ZIP_MAGIC = b"PK\x03\x04"
# Refuse to unpack more than this, or parts that compress better than a zip bomb would.
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 250
MAX_PARTS = 10_000  # a project workbook has about 50
RATIO_FLOOR = 8 * 1024 * 1024  # small parts may compress very well (empty rows); ignore ratio below this

# Parts openpyxl drops or damages on save: (text key, test on the zip member names).
UNKEEPABLE_PARTS: tuple[tuple[str, str], ...] = (
    ("part.vba", r"^xl/vbaProject\.bin$"),
    ("part.drawings", r"^xl/drawings/drawing\d+\.xml$"),
    ("part.controls", r"^xl/(ctrlProps|activeX)/"),
    ("part.embeddings", r"^xl/embeddings/"),
    ("part.threaded_comments", r"^xl/threadedComments/"),
    ("part.slicers", r"^xl/(slicers|slicerCaches|timelines|timelineCaches)/"),
    ("part.pivots", r"^xl/(pivotCache|pivotTables)/"),
    ("part.data_model", r"^xl/model/"),
)
_UNKEEPABLE = tuple((key, re.compile(pattern)) for key, pattern in UNKEEPABLE_PARTS)
_WORKSHEET = re.compile(r"^xl/worksheets/sheet[^/]*\.xml$")
SHEET_EXTENSIONS = "part.sheet_extensions"  # <extLst> in a worksheet: x14 validations, sparklines …

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
}
EXCEL_COLUMN_WIDTH = 8.43  # a column without a width of its own (Calibri 11)


def lock_file(path: Path) -> Path:
    """The owner file Excel keeps next to a workbook it has open."""
    return path.with_name("~$" + path.name)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def copy_path(path: Path, lang: str) -> Path:
    return path.with_name(f"{path.stem}{texts(lang)['file.copy_suffix']}.xlsx")


# --- checks before anything unpacks the file ----------------------------------------------
def check_container(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip after refusing what is not a safe .xlsx; UserError otherwise."""
    if not path.exists():
        raise UserError("msg.not_found", path=path)
    if path.is_dir():
        raise UserError("msg.not_a_file", path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UserError("msg.cannot_read", path=path, reason=exc.strerror or exc) from exc
    if not head:
        raise UserError("msg.empty_file", path=path)
    if head.startswith(CFB_MAGIC):
        data = path.read_bytes()
        # An encrypted .xlsx is a compound file holding these streams (names in UTF-16LE).
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise UserError("msg.encrypted", path=path)
        raise UserError("msg.old_xls", path=path)
    if not head.startswith(ZIP_MAGIC):
        raise UserError("msg.not_xlsx", path=path)
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError("msg.corrupt", path=path) from exc
    total = sum(i.file_size for i in infos)
    bomb = total > MAX_UNPACKED or len(infos) > MAX_PARTS or any(
        i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    )
    if bomb:
        archive.close()
        raise UserError("msg.zip_bomb", path=path, mb=MAX_UNPACKED // (1024 * 1024))
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        archive.close()
        raise UserError("msg.xlsb", path=path)
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        archive.close()
        raise UserError("msg.not_xlsx", path=path)
    return archive


def unkeepable_parts(archive: zipfile.ZipFile) -> list[str]:
    """Text keys of the parts an openpyxl save would lose (empty: safe to overwrite)."""
    names = archive.namelist()
    found = [key for key, pattern in _UNKEEPABLE if any(pattern.search(n) for n in names)]
    for name in names:
        if _WORKSHEET.match(name):
            with archive.open(name) as fh:
                tail = _tail(fh)
            if b"<extLst" in tail or b":extLst" in tail:
                found.append(SHEET_EXTENSIONS)
                break
    return found


def _tail(fh: Any, keep: int = 1 << 20) -> bytes:
    """The end of a worksheet part (where <extLst> lives), streamed so a big sheet is not held."""
    data = b""
    while chunk := fh.read(1 << 20):
        data = (data + chunk)[-keep:]
    return data


@dataclass
class _Package:
    """What the zip's small XML parts say, read before calamine opens the file."""

    properties: dict[str, str]
    tables: list[Region]
    errors: dict[str, list[tuple[int, int, str]]]  # sheet name → its cells showing a formula error
    formulas: dict[str, SheetFormulas]  # sheet name → its formula cells


def _read_package(archive: zipfile.ZipFile) -> _Package:
    tables, sheet_parts = _zip_tables(archive)
    # only sheets a table may be read from (the hidden lists sheet's formulas are not read)
    readable = {region.sheet for region in tables} | _table_sheet_names()
    scanned = {
        name: formula_cells(archive, part)
        for name, part in sheet_parts.items()
        if name in readable or normalize(name) in readable
    }
    errors = {name: found[0] for name, found in scanned.items()}
    formulas = {name: found[1] for name, found in scanned.items()}
    return _Package(_custom_properties(archive), tables, errors, formulas)


@cache
def _table_sheet_names() -> frozenset[str]:
    """The layout's sheets that hold tables, in every language (normalized)."""
    return frozenset().union(*(sheet_names_of(s.key) for s in spec.SHEETS if s.tables))


def _part_path(base: str, target: str) -> str:
    """A relationship target as a zip member name (targets are absolute or relative to base)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(name))
    except KeyError:
        return {}
    return {rel.get("Id", ""): _part_path(part, rel.get("Target", "")) for rel in root.findall("rel:Relationship", NS)}


def _zip_tables(archive: zipfile.ZipFile) -> tuple[list[Region], dict[str, str]]:
    """Every Excel table: its name, sheet and range (0-based; header row and data, no totals);
    and each sheet's part."""
    workbook = "xl/workbook.xml"
    root = ElementTree.fromstring(archive.read(workbook))
    parts = _rels(archive, workbook)
    regions = []
    sheet_parts = {}
    for sheet in root.findall("m:sheets/m:sheet", NS):
        part = parts.get(sheet.get(f"{{{NS['r']}}}id", ""))
        if not part:
            continue
        sheet_parts[sheet.get("name", "")] = part
        for table_part in _rels(archive, part).values():
            if not table_part.startswith("xl/tables/"):
                continue
            try:
                table = ElementTree.fromstring(archive.read(table_part))
            except KeyError:
                continue
            left, top, right, bottom = range_boundaries(table.get("ref", "A1:A1"))
            if table.get("headerRowCount") == "0":
                continue  # a table without headers cannot be one of ours
            bottom -= int(table.get("totalsRowCount") or 0)
            name = table.get("displayName") or table.get("name") or ""
            regions.append(Region(name, sheet.get("name", ""), top - 1, left - 1, bottom - 1, right - 1))
    return regions, sheet_parts


_FORMULA_MARKS = (b't="e"', b"f>", b"<f ", b":f ")  # a sheet part without these has neither
_CELL_POSITION = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def formula_cells(archive: zipfile.ZipFile, part: str) -> tuple[list[tuple[int, int, str]], SheetFormulas]:
    """In one pass over a sheet part: (row, column, error) of the cells showing a formula error
    (0-based), e.g. #DIV/0!, and the formula of each formula cell ((row, column) → "=...").

    python-calamine gives error cells as empty and formula cells as their cached values only.
    A shared formula is given as it reads in each of its cells; array and data-table formulas
    are left out (written back as a plain formula they would compute something else)."""
    try:
        data = archive.read(part)
    except KeyError:
        return [], {}
    if not any(mark in data for mark in _FORMULA_MARKS):
        return [], {}
    from openpyxl.formula.translate import Translator

    errors: list[tuple[int, int, str]] = []
    formulas: SheetFormulas = {}
    shared: dict[str, Translator] = {}
    for _event, element in ElementTree.iterparse(io.BytesIO(data)):
        if _local(element.tag) != "c":
            continue
        position = _CELL_POSITION.fullmatch(element.get("r", ""))
        if position is None:
            element.clear()
            continue
        at = (int(position[2]) - 1, column_index_from_string(position[1]) - 1)
        children = {_local(child.tag): child for child in element}
        value, formula = children.get("v"), children.get("f")
        if element.get("t") == "e" and value is not None and value.text:
            errors.append((*at, value.text))
        if formula is not None:
            kind, text = formula.get("t", "normal"), formula.text
            if kind == "shared" and text:  # the first cell of a shared formula holds its text
                shared[formula.get("si", "")] = Translator("=" + text, origin=position[0])
                formulas[at] = "=" + text
            elif kind == "shared" and formula.get("si", "") in shared:
                formulas[at] = shared[formula.get("si", "")].translate_formula(position[0])
            elif kind == "normal" and text:
                formulas[at] = "=" + text
        element.clear()
    return errors, formulas


def _custom_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        root = ElementTree.fromstring(archive.read("docProps/custom.xml"))
    except (KeyError, ElementTree.ParseError):
        return {}
    props = {}
    for prop in root.findall("cp:property", NS):
        value = next(iter(prop), None)
        props[prop.get("name", "")] = (value.text or "") if value is not None else ""
    return props


# --- the gateway -----------------------------------------------------------------------------
class FileWorkbook:
    """``WorkbookGateway`` for a workbook file. Open with ``open_workbook``."""

    def __init__(self, path: Path, lang: str, calamine_book: Any, package: "_Package"):
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
        raise sheet_missing(sheet_key, self.lang)

    def _xl_table(self, table_key: str) -> tuple[Any, Any]:
        wanted = table_names_of(table_key)
        for ws in self._workbook().worksheets:
            for table in ws.tables.values():
                if normalize(table.displayName) in wanted:
                    return ws, table
        raise table_missing(table_key, self.lang)

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
            self._extend_validations(ws, left, min(right, new_right), template_row, bottom + 1, new_bottom)
        for i, header in enumerate(headers):
            write_value(ws.cell(row=top, column=left + i), header)
        widths = _column_widths(ws, left, len(headers))
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
            cell.value = value.at(CellRef(value.source.sheet, cell.row, cell.column))
            return
        write_value(cell, value)

    def _make_room(self, ws: Any, first: int, last: int) -> None:
        """Insert rows if rows first..last (below a growing table) are not free, moving what is below down."""
        width = ws.max_column  # scans every cell of the sheet: once, not once per row
        below = ws.iter_rows(min_row=first, max_row=last, max_col=width, values_only=True)
        insert = rows_to_insert(below, first, last)
        if insert is not None:
            self._insert_rows(ws, *insert)

    @staticmethod
    def _insert_rows(ws: Any, at: int, n: int) -> None:
        """openpyxl's insert_rows moves cells only; move tables, validations, merges, formats too."""
        from openpyxl.formatting.formatting import ConditionalFormattingList
        from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

        def moved(ref: str) -> str:
            rng = CellRange(ref)
            if rng.min_row >= at:
                rng.shift(row_shift=n)
            elif rng.max_row >= at:
                rng.expand(down=n)
            return rng.coord

        heights = {r: d.height for r, d in ws.row_dimensions.items() if r >= at and d.height}
        ws.insert_rows(at, n)
        for r in heights:
            ws.row_dimensions[r].height = None
        for r, h in heights.items():
            ws.row_dimensions[r + n].height = h
        for table in ws.tables.values():
            if range_boundaries(table.ref)[1] >= at:
                table.ref = moved(table.ref)
                if table.autoFilter is not None:
                    table.autoFilter.ref = table.ref
        for dv in ws.data_validations.dataValidation:
            dv.sqref = MultiCellRange(" ".join(moved(r.coord) for r in dv.sqref.ranges))
        merged = [moved(r.coord) for r in ws.merged_cells.ranges]
        ws.merged_cells = MultiCellRange()
        for ref in merged:
            ws.merged_cells.add(ref)
        old = ws.conditional_formatting
        ws.conditional_formatting = ConditionalFormattingList()
        for cf in old:
            ref = " ".join(moved(r.coord) for r in cf.sqref.ranges)
            for rule in cf.rules:
                ws.conditional_formatting.add(ref, rule)
        for row in ws.iter_rows(min_row=at + n):
            for cell in row:
                if cell.hyperlink is not None:
                    cell.hyperlink.ref = cell.coordinate

    @staticmethod
    def _extend_validations(ws: Any, left: int, right: int, template_row: int, first: int, last: int) -> None:
        for dv in ws.data_validations.dataValidation:
            for c in range(left, right + 1):
                coord = f"{get_column_letter(c)}{template_row}"
                if coord in dv.sqref:
                    dv.sqref.add(f"{get_column_letter(c)}{first}:{get_column_letter(c)}{last}")

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        ws = self._sheet(sheet_key)
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                self._put(ws.cell(row=top_left.row + i, column=top_left.col + j), value)

    def set_marks(self, cells: list[CellRef]) -> None:
        """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA.

        The cells' own formats are never touched, and the next run removes exactly these rules.
        """
        from openpyxl.formatting.formatting import ConditionalFormattingList
        from openpyxl.formatting.rule import Rule
        from openpyxl.styles import Border, PatternFill, Side
        from openpyxl.styles.differential import DifferentialStyle

        wb = self._workbook()
        for ws in wb.worksheets:
            old = ws.conditional_formatting
            ws.conditional_formatting = ConditionalFormattingList()
            for cf in old:
                for rule in cf.rules:
                    if not any(MARK_FORMULA in (f or "") for f in (rule.formula or [])):
                        ws.conditional_formatting.add(str(cf.sqref), rule)
        red = Side(style="medium", color="C00000")
        style = DifferentialStyle(
            fill=PatternFill(bgColor="FFC7CE", fgColor="FFC7CE", fill_type="solid"),
            border=Border(left=red, right=red, top=red, bottom=red),
        )
        for sheet, addresses in addresses_by_sheet(cells).items():
            if sheet not in wb.sheetnames:
                continue
            rule = Rule(type="expression", formula=[MARK_FORMULA], dxf=style, stopIfTrue=False)
            rule.priority = 1
            ws = wb[sheet]
            for other in ws.conditional_formatting:
                for r in other.rules:
                    r.priority = (r.priority or 0) + 1
            ws.conditional_formatting.add(" ".join(addresses), rule)

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
            _write(backup, lambda tmp: shutil.copyfile(self.path, tmp))
        _write(target, lambda tmp: self._xl.save(tmp))
        if target == self.path:
            self._stat = target.stat()
        return Saved(target, tuple(unkeepable), backup)


def _column_widths(ws: Any, first: int, count: int) -> list[float]:
    """The widths of columns first.. (1-based) as the sheet sets them.

    Read from the sheet's column entries (one may span several columns) without looking up a
    column by letter: that would add an entry with openpyxl's own default width to the file.
    """
    default = ws.sheet_format.defaultColWidth or EXCEL_COLUMN_WIDTH
    widths = [default] * count
    for dim in ws.column_dimensions.values():
        low = dim.min or column_index_from_string(dim.index)
        for col in range(max(low, first), min(dim.max or low, first + count - 1) + 1):
            if dim.width:
                widths[col - first] = dim.width
    return widths


def _write(path: Path, write: Any) -> None:
    with writing(path):
        atomic_write(path, write)


def open_workbook(path: Path | str, lang: str | None = None, *, project_only: bool = True) -> FileWorkbook:
    """Open a project workbook for reading (and later writing); UserError if it cannot be.

    ``project_only=False`` opens any safe .xlsx (tests of how Excel writes files use it).
    """
    from python_calamine import CalamineWorkbook

    path = Path(path)
    with check_container(path) as archive:
        try:
            package = _read_package(archive)
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
