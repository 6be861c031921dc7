"""A project workbook on disk: checked before anything unpacks it (``container``), its small
parts read straight from the zip (``package``), its cells read with python-calamine, edited in
place as Excel edits it (``edit``, ``sheet_ops``), saved atomically with a backup (``save``).

Reading never loads openpyxl: calamine gives cached values (formulas included), the tables
and the merged ranges fast. Writing parses only the parts it changes (the sheets and tables
written, the workbook, styles); every other part of the package is copied byte for byte, so
pictures, charts, comments, labels, connections, VBA and extensions stay as they were.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from xlplugin.domain.errors import UserError
from xlplugin.domain.models import Project, normalize
from xlplugin.domain.port import CellRef, CellText, Formula, Link, RawTable, Saved
from xlplugin.gateway.addresses import range_boundaries
from xlplugin.gateway.cells import row_height
from xlplugin.gateway.container import check_container
from xlplugin.gateway.formulas import formula_at
from xlplugin.gateway.package import Package, read_package
from xlplugin.gateway.regions import (
    Region,
    detect_language,
    find_region,
    has_column,
    is_project,
    layout_of,
    rows_to_insert,
    sheet_missing,
    slice_row,
    table_at,
    table_missing,
)
from xlplugin.gateway.save import (
    backup_path,
    check_names,
    check_writable,
    exclusive,
    office_lock_files,
    remove_stale_temps,
    write_atomically,
)
from xlplugin.layout import spec
from xlplugin.layout.names import sheet_names_of, table_names_of
from xlplugin.layout.texts import LANGUAGES, texts

if TYPE_CHECKING:  # the writer needs lxml: imported on the first write (reading runs without it, also in the browser)
    from xlplugin.gateway.edit import PackageEdit
    from xlplugin.gateway.edit_sheet import Sheet


class FileWorkbook:
    """``WorkbookGateway`` for a workbook file. Open with ``open_workbook``."""

    def __init__(self, path: Path, lang: str, calamine_book: Any, package: Package, lock: Any = None):
        self.path = path
        self.real = Path(os.path.realpath(path))  # a symlinked workbook is written at its target
        self._lock = lock
        self.lang = lang
        self.properties = package.properties
        self._book = calamine_book
        self._stat = self.real.stat()
        self._sheet_rows: dict[str, list[list[Any]]] = {}
        self._merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self._regions = package.tables
        self._errors = package.errors
        self._formulas = package.formulas
        self._uncached = package.uncached
        self._names = package.names
        self._unmarked = package.unmarked
        self._xl: PackageEdit | None = None  # the package being edited, opened on the first write
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
        raw = table_at(table_key, region, self._regions, rows, merged, formulas)
        first = region.top + 1
        raw.no_result = sorted(
            (r - first, c - region.left)
            for r, c in self._uncached.get(region.sheet, ())
            if first <= r < first + len(raw.rows) and region.left <= c <= region.right
        )
        return raw

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

    def defined_names(self) -> dict[str, str]:
        return dict(self._names)

    _slice = staticmethod(slice_row)  # kept by name: tests check table headers against calamine's

    def _find_region(self, table_key: str) -> Region | None:
        return find_region(table_key, self._regions, self.sheet_names(), self._rows)

    # --- writing (in place: only the parts written change) ------------------------------
    def _edit(self) -> PackageEdit:
        if self._xl is None:
            from xlplugin.gateway.edit import PackageEdit

            check_writable(self.real)
            try:
                self._xl = PackageEdit(self.real)
            except (zipfile.BadZipFile, OSError) as exc:
                raise UserError("msg.corrupt", path=self.path) from exc
        self._dirty = True
        return self._xl

    def _sheet(self, sheet_key: str) -> Sheet:
        wanted = sheet_names_of(sheet_key)
        for name in self._edit().sheet_parts():
            if normalize(name) in wanted:
                return self._edit().sheet(name)
        raise sheet_missing(sheet_key)

    def _xl_table(self, table_key: str) -> tuple[Sheet, Any]:
        wanted = table_names_of(table_key)
        edit = self._edit()
        for name in edit.sheet_parts():
            for _part, table in edit.tables_of(name):
                if normalize(table.get("displayName") or table.get("name") or "") in wanted:
                    return edit.sheet(name), table
        raise table_missing(table_key)

    def write_table(
        self, table_key: str, headers: list[str], rows: list[list[Any]], origins: list[int | None] | None = None
    ) -> None:
        from xlplugin.gateway import sheet_ops

        ws, table = self._xl_table(table_key)
        left, top, right, bottom = range_boundaries(table.get("ref"))
        n_rows = max(len(rows), 1)
        new_bottom = top + n_rows
        new_right = left + len(headers) - 1
        lifted: dict[int, list[Any]] = {}
        if origins is not None:  # what is typed beside the rows comes off now, back on with its row
            sources = [top + 1 + i for i in origins if i is not None]
            lifted = sheet_ops.lift_beside(ws, left, right, [*range(top + 1, bottom + 1), *sources], self._stays(ws, table))
        inserted = None
        if new_bottom > bottom:
            inserted = self._make_room(ws, bottom + 1, new_bottom)
            ws, table = self._xl_table(table_key)  # the sheet was re-indexed
        template_row = top + 1
        for r in range(bottom + 1, new_bottom + 1):
            ws.copy_row_format(template_row, r)
            for c in range(left, new_right + 1):
                style = ws.style(template_row, min(c, right))
                if style is not None:
                    ws.set_style(r, c, style)
        if new_bottom > bottom:
            ws.extend_validations(left, min(right, new_right), template_row, bottom + 1, new_bottom)
        for i, header in enumerate(headers):
            self._put(ws, top, left + i, header)
        widths = ws.column_widths(left, len(headers), sheet_ops.EXCEL_COLUMN_WIDTH)
        wraps = [self._wraps(ws, template_row, left + i) for i in range(len(headers))]
        for r in range(n_rows):
            values = rows[r] if r < len(rows) else []
            wrapped: list[Any] = []
            for i in range(len(headers)):
                value = values[i] if i < len(values) else None
                self._put(ws, top + 1 + r, left + i, value)
                wrapped.append(value if isinstance(value, str) and wraps[i] else None)
            # Neither Excel nor LibreOffice fits a row to wrapped text when it opens a file: give
            # each written row its height (the default again for a row whose text got shorter)
            ws.set_height(top + 1 + r, row_height(widths, wrapped))
        for r in range(new_bottom + 1, bottom + 1):  # the table shrank: clear values, keep formats
            for c in range(left, right + 1):
                self._put(ws, r, c, None)
            ws.set_height(r, None)
        sheet_ops.resize_table(table, left, top, new_right, new_bottom, [str(h) for h in headers])
        if lifted:
            moves = {top + 1 + i: top + 1 + j for j, i in enumerate(origins or []) if i is not None}
            if inserted is not None:  # rows below the table moved down: those left in place too
                at, n = inserted
                lifted = {r + n if r >= at and r not in moves else r: cells for r, cells in lifted.items()}
            sheet_ops.put_beside(ws, lifted, moves)

    def _stays(self, ws: Sheet, table: Any) -> Callable[[int, int], bool]:
        """Cells beside a table that never move with its rows: in another table or a merged range."""
        from xlplugin.gateway.edit_sheet import q

        fixed = [range_boundaries(other.get("ref", "A1")) for _part, other in self._edit().tables_of(ws.name) if other is not table]
        merges = ws.root.find(q("mergeCells"))
        fixed += [range_boundaries(m.get("ref", "A1")) for m in (merges if merges is not None else ())]
        return lambda r, c: any(left <= c <= right and top <= r <= bottom for left, top, right, bottom in fixed)

    def _wraps(self, ws: Sheet, row: int, col: int) -> bool:
        from xlplugin.gateway import sheet_ops

        style = ws.style(row, col)
        styles = self._edit().styles()
        return styles is not None and style is not None and sheet_ops.wraps_text(styles.root, int(style))

    def _put(self, ws: Sheet, row: int, col: int, value: Any) -> None:
        at = CellRef(ws.name, row, col)  # a failure while writing names this cell (failures.failed_cell)
        if isinstance(value, Link):
            sheet = value.target.sheet.replace("'", "''")
            ws.put(row, col, value.text)
            ws.link(row, col, f"'{sheet}'!{value.target.address}", value.text)
            return
        ws.unlink(row, col)
        if isinstance(value, Formula):
            text = formula_at(value, at)
            ws.put_formula(row, col, text, self._cached(value.source))
            return
        ws.put(row, col, value)

    def _cached(self, at: CellRef) -> Any:
        """The result a formula showed where it was read (kept, so nothing reads it as empty)."""
        rows = self._sheet_rows.get(at.sheet)
        if rows is None or at.row - 1 >= len(rows) or at.col - 1 >= len(rows[at.row - 1]):
            return None
        return rows[at.row - 1][at.col - 1]

    def _make_room(self, ws: Sheet, first: int, last: int) -> tuple[int, int] | None:
        """Insert rows if rows first..last (below a growing table) are not free, moving what is
        below down, and every reference to it with it. Returns (where, how many) if it did."""
        below = ([1] if ws.has_content(r) else [] for r in range(first, last + 1))
        insert = rows_to_insert(below, first, last)
        if insert is not None:
            self._edit().shift_rows(ws.name, *insert)
        return insert

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        ws = self._sheet(sheet_key)
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                self._put(ws, top_left.row + i, top_left.col + j, value)

    def restore_sheet(self, sheet_key: str, project: Project) -> None:
        """One of the tool's own sheets as a new workbook has it, grafted into the package: added
        at its place in the layout's order, or made anew in place of the one there."""
        from xlplugin.gateway.builder import build_sheet
        from xlplugin.gateway.graft import drop_related, graft

        if sheet_key not in spec.TOOL_SHEETS:
            raise ValueError(sheet_key)
        edit = self._edit()
        present = list(edit.sheet_parts())
        found = [name for name in present if normalize(name) in sheet_names_of(sheet_key)]
        name = found[0] if found else texts(self.lang).sheet(sheet_key)
        scratch = build_sheet(project, self.lang, sheet_key, self._has_column)
        order = (*spec.SHEET_ORDER, *(s.key for s in spec.ON_DEMAND_SHEETS))  # those last
        before = set().union(*(sheet_names_of(key) for key in order[: order.index(sheet_key)]))
        position = max((i + 1 for i, other in enumerate(present) if normalize(other) in before), default=0)
        if found:
            drop_related(edit, edit.sheet_parts()[name])
        graft(edit, scratch, name, position, replace=bool(found))

    def _has_column(self, table: str, column: str) -> bool:
        return has_column(table, column, self._regions, self._rows)

    def layout_version(self) -> int | None:
        return layout_of(self.properties)

    def set_layout_version(self, version: int) -> None:
        from xlplugin import __version__
        from xlplugin.gateway.properties import set_properties

        set_properties(self._edit(), {"xlplugin.layout": str(version), "xlplugin.version": __version__})

    def set_marks(self, cells: list[CellRef]) -> None:
        """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA."""
        from xlplugin.gateway import sheet_ops

        sheet_ops.set_marks(self._edit(), cells, self._unmarked)

    # --- saving ------------------------------------------------------------------------------
    def commit(self) -> Saved:
        try:
            if not self._dirty or self._xl is None:
                return Saved()
            for lock in office_lock_files(self.real) + office_lock_files(self.path):
                if lock.exists():
                    raise UserError("msg.file_locked", path=self.path)
            try:
                now = self.real.stat()
            except OSError as exc:
                raise UserError("msg.not_found", path=self.path) from exc
            if (now.st_mtime_ns, now.st_size) != (self._stat.st_mtime_ns, self._stat.st_size):
                raise UserError("msg.file_changed", path=self.path)
            check_writable(self.real)
            backup = backup_path(self.real)
            write_atomically(backup, lambda tmp: shutil.copyfile(self.real, tmp), like=now)
            edit = self._xl
            write_atomically(self.real, edit.save, like=now)
            edit.close()
            self._xl, self._dirty = None, False
            self._stat = self.real.stat()
            return Saved(self.path, backup)
        finally:
            self.close()

    # --- reading everything (issue 16: personal data anywhere) ----------------------------
    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        """Every text cell of every sheet (calamine, as read) and every cell comment (the zip)."""
        from xlplugin.gateway.comments import comment_texts

        wanted = keep or bool
        found = []
        for sheet in self.sheet_names():
            rows = self._rows(sheet)
            passing: set[str] | None = None
            if keep is not None:  # each text once (lists and names repeat), the cells only where one passes
                texts = [value for value in set(itertools.chain.from_iterable(rows)) if type(value) is str and value]
                passing = {texts[i] for i in _passing(texts, keep)}
                if not passing:
                    continue
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value and (value in passing if passing is not None else wanted(value)):
                        found.append(CellText(CellRef(sheet, r + 1, c + 1), value))
        try:
            with zipfile.ZipFile(self.path) as archive:
                comments = comment_texts(archive)
        except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise UserError("msg.corrupt", path=self.path) from exc
        return found + [CellText(at, text, comment=True) for at, text in comments if wanted(text)]

    def close(self) -> None:
        """Let other actions at the file (its lock is held from opening until here)."""
        if self._xl is not None:
            self._xl.close()
            self._xl = None
        lock, self._lock = self._lock, None
        if lock is not None and lock.is_locked:
            lock.release()

    def __enter__(self) -> FileWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


def _passing(texts: list[str], keep: Callable[[str], bool]) -> Iterator[int]:
    """Indexes of the ``texts`` that ``keep`` passes, in order. Most texts hold nothing it wants:
    it is asked about a block of them joined at once, and only a block that passes is halved
    (``keep`` must pass a joined text whenever it passes one of its parts)."""
    blocks = [(0, len(texts))]
    while blocks:
        low, high = blocks.pop()
        if high - low == 1:
            if texts[low] and keep(texts[low]):
                yield low
        elif high > low and keep("\n".join(texts[low:high])):
            middle = (low + high) // 2
            blocks += [(middle, high), (low, middle)]  # the first half next: rows stay in order


def open_workbook(path: Path | str, lang: str | None = None, *, project_only: bool = True) -> FileWorkbook:
    """Open a project workbook for reading (and later writing); UserError if it cannot be.

    Holds the workbook's lock from here until ``commit`` or ``close``: a second action on the
    same file waits (``save.LOCK_WAIT`` seconds) and then says the file is busy.
    ``project_only=False`` opens any safe .xlsx (tests of how Excel writes files use it).
    """
    from filelock import Timeout

    path = Path(path)
    real = Path(os.path.realpath(path))
    check_names(real)
    lock = exclusive(real)
    try:
        lock.acquire()
    except Timeout as exc:
        raise UserError("msg.busy", path=path) from exc
    try:
        remove_stale_temps(real)
        return _open(path, lang, project_only, lock)
    except BaseException:
        lock.release()
        raise


def open_for_reading(path: Path | str, lang: str | None = None) -> FileWorkbook:
    """Open a project workbook to read it only, without the lock across processes (the browser,
    where no other process reaches the file); UserError if it cannot be read."""
    return _open(Path(path), lang, True, None)


def _open(path: Path, lang: str | None, project_only: bool, lock: Any) -> FileWorkbook:
    from python_calamine import CalamineWorkbook

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
    return FileWorkbook(path, lang, book, package, lock)
