"""Builds a new project workbook (openpyxl) from the layout spec and a Project."""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import Rule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlplugin import __version__
from xlplugin.domain import models as m
from xlplugin.gateway.cells import line_count, lines_height, row_height, write_value
from xlplugin.gateway.overview import add_overview_sheet
from xlplugin.gateway.save import atomic_write
from xlplugin.gateway.style import (
    A4_PRINT_WIDTH,
    BAND_FILL,
    BOX,
    DATE_FORMATS,
    EXCEL_MAX_ROW,
    FACE,
    GENERATED_FILL,
    GUIDE_FILL,
    GUIDE_WIDTH,
    HEADER_FILL,
    HEADER_FONT,
    HEADING_FONT,
    INK,
    INTRO_FONT,
    LINK_FONT,
    MUTED,
    NOTE_FILL,
    NUMBER_FORMATS,
    THIN,
    TITLE_FONT,
    TOP,
    WRAP_TOP,
)
from xlplugin.gateway.validations import ValidationsMixin
from xlplugin.layout import spec
from xlplugin.layout.overview import SHEET_KEY as OVERVIEW
from xlplugin.layout.sheet_formulas import structured, total_formula
from xlplugin.layout.spec import Kind, Sheet, Table
from xlplugin.layout.texts import Texts, texts
from xlplugin.layout.values import table_rows
from xlplugin.layout.words import Words

MATRIX_LABEL_WIDTH = 18  # step 2's matrix: the column naming needs, resources and interests
MATRIX_GROUP_WIDTH = 30  # one column per group
TOTAL_FORMAT = "0.00"  # the platforms' total, as exact as the ranking
UPRIGHT_HEADER_HEIGHT = 100  # points: "Færdigheder (1-5)" read upwards


@cache
def column_widths(sheet_spec: Sheet) -> tuple[float, ...]:
    """The sheet's column widths: each sheet column as wide as the widest table column in it.

    Tables stand below one another or side by side (``Table.beside``) in the sheet's columns;
    their widths in the spec are chosen so that a table below gets wide enough columns for its
    own long texts without the sheet growing past what prints readably on A4.
    """
    widths: list[float] = []
    for table_spec in sheet_spec.tables:
        for i, col in enumerate(table_spec.columns, start=table_spec.first_column - 1):
            widths.extend([0.0] * (i + 1 - len(widths)))
            widths[i] = max(widths[i], col.width)
    widths = [w or 8.0 for w in widths]  # a column no table uses: a narrow gap
    if sheet_spec.key == "start":
        widths = [max(w, s) for w, s in zip([*widths, 14, 16], [26, 44, 14, 16])]
    return tuple(widths or [20])


def print_pages_wide(sheet_spec: Sheet) -> int:
    """How many landscape A4 pages across the sheet prints on: one, unless its columns add up
    to more than prints readably (the catalog), then as many as keep its scale readable with
    the first column repeated on each page."""
    widths = column_widths(sheet_spec)
    if sum(widths) <= A4_PRINT_WIDTH:
        return 1
    return math.ceil((sum(widths) - widths[0]) / (A4_PRINT_WIDTH - widths[0]))


@dataclass
class Placed:
    """Where a table landed on its sheet."""

    table: Table
    header_row: int
    first_col: int
    n_rows: int  # data rows, including the empty spare rows

    @property
    def last_row(self) -> int:
        return self.header_row + self.n_rows

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.table.columns) - 1

    def ref(self) -> str:
        return f"{get_column_letter(self.first_col)}{self.header_row}:{get_column_letter(self.last_col)}{self.last_row}"

    def column_range(self, index: int) -> str:
        letter = get_column_letter(self.first_col + index)
        return f"{letter}{self.header_row + 1}:{letter}{self.last_row}"


def build_workbook(project: m.Project, lang: str = "da") -> Workbook:
    return _Builder(project, texts(lang)).build()


def build_sheet(project: m.Project, lang: str, sheet_key: str, sources: Callable[[str, str], bool] | None = None) -> bytes:
    """A package holding only the layout's sheet ``sheet_key`` (the findings, lists, overview or
    merge log sheet) as a new workbook has it, saved to memory: the in-place writer grafts it into a
    workbook that lacks it (``gateway.graft``). ``sources(table, column)`` says whether the
    workbook has a column a dynamic list would read (a list without its column stays empty)."""
    import io

    out = io.BytesIO()
    _Builder(project, texts(lang)).build_one(sheet_key, sources).save(out)
    return out.getvalue()


def write_new_workbook(project: m.Project, lang: str, path: Path) -> int:
    """Write a new project workbook for ``project`` to ``path`` (atomically); returns its sheet count."""
    workbook = build_workbook(project, lang)
    atomic_write(Path(path), lambda tmp: workbook.save(tmp))
    return len(workbook.sheetnames)


class _Builder(ValidationsMixin):
    def __init__(self, project: m.Project, t: Texts):
        self.project = project
        self.t = t
        self.wb = Workbook()
        self.placed: dict[str, Placed] = {}
        self.sheets: dict[str, Worksheet] = {}

    # --- whole workbook -------------------------------------------------------
    def build(self) -> Workbook:
        self.wb.remove(self.wb.active)
        for sheet_spec in spec.SHEETS:
            ws = self.wb.create_sheet(self.t.sheet(sheet_spec.key))
            self.sheets[sheet_spec.key] = ws
            if sheet_spec.tab_color:
                ws.sheet_properties.tabColor = sheet_spec.tab_color
        for sheet_spec in spec.SHEETS:
            if sheet_spec.key == "lists":
                continue
            self._sheet(sheet_spec)
        self._lists_sheet()
        self._validations()
        self._start_status()
        # the Overblik sheet, second: its charts point at ranges the overview action refreshes
        overview = add_overview_sheet(self.wb, self.t, self.project, index=1, charts=True)
        self._print_setup(overview, one_page=True)  # the footer every printed sheet has
        self._properties()
        self.wb.active = 0
        return self.wb

    def build_one(self, sheet_key: str, sources: Callable[[str, str], bool] | None = None) -> Workbook:
        """A workbook holding only one of the sheets whose content is the tool's own."""
        self.wb.remove(self.wb.active)
        if sheet_key == OVERVIEW:
            self._print_setup(add_overview_sheet(self.wb, self.t, self.project, index=0, charts=True), one_page=True)
            return self.wb
        if sheet_key not in ("findings", "lists", *(s.key for s in spec.ON_DEMAND_SHEETS)):
            raise ValueError(sheet_key)
        sheet_spec = spec.sheet(sheet_key)
        ws = self.wb.create_sheet(self.t.sheet(sheet_key))
        self.sheets[sheet_key] = ws
        if sheet_spec.tab_color:
            ws.sheet_properties.tabColor = sheet_spec.tab_color
        if sheet_key == "lists":
            self._lists_sheet(sources)
            self.wb.create_sheet("-")  # openpyxl saves no workbook whose only sheet is hidden
        else:
            self._sheet(sheet_spec)
            self._validations([sheet_spec])
        return self.wb

    def _properties(self) -> None:
        self.wb.properties.title = self.project.facts.name or self.t["print.untitled"]
        self.wb.properties.creator = "xlplugin"
        self.wb.properties.language = "da-DK" if self.t.lang == "da" else "en-GB"
        for name, value in (
            ("xlplugin.layout", str(spec.LAYOUT_VERSION)),
            ("xlplugin.lang", self.t.lang),
            ("xlplugin.version", __version__),
        ):
            self.wb.custom_doc_props.append(StringProperty(name=name, value=value))

    # --- one sheet ----------------------------------------------------------------
    def _sheet(self, sheet_spec: Sheet) -> None:
        ws = self.sheets[sheet_spec.key]
        ws.sheet_view.showGridLines = False
        ws.sheet_view.zoomScale = 100
        row = self._guide(ws, sheet_spec) if sheet_spec.guide else 1
        first_header = None
        below = row  # the first row below every table placed so far (and a gap)
        for table_spec in sheet_spec.tables:
            if table_spec.beside is not None:
                top = self.placed[table_spec.beside].header_row - 2
            else:
                top = below
            placed = self._table(ws, table_spec, top)
            first_header = first_header or placed.header_row
            below = max(below, placed.last_row + 3)
        self._widths(ws, sheet_spec)
        self._areas(ws, sheet_spec)
        # A frozen / repeated header belongs to one table; on a sheet with several tables it
        # would stand above the wrong one.
        if first_header and sheet_spec.key != "start" and len(sheet_spec.tables) == 1:
            ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
            ws.print_title_rows = f"{first_header}:{first_header}"
        self._print_setup(ws, one_page=sheet_spec.key == "start", pages_wide=print_pages_wide(sheet_spec))
        if print_pages_wide(sheet_spec) > 1:
            ws.print_title_cols = "A:A"  # the platform's name on every page across
        if sheet_spec.print_on_request:
            # Reference data: a print area on one empty cell leaves the sheet out when the whole
            # workbook is printed (Excel and LibreOffice skip a sheet with nothing to print); the
            # guide says how to print it (clear the print area).
            ws.print_area = f"{get_column_letter(len(column_widths(sheet_spec)) + 2)}1"

    def _guide(self, ws: Worksheet, sheet_spec: Sheet) -> int:
        key = sheet_spec.key
        span = self._guide_span(sheet_spec)
        width = sum(column_widths(sheet_spec)[:span])
        ws.cell(row=1, column=1, value=self.t[f"guide.{key}.title"]).font = TITLE_FONT
        ws.row_dimensions[1].height = 26
        row = 2
        row = self._paragraph(ws, row, span, width, self.t[f"guide.{key}.purpose"], Alignment(wrap_text=True, vertical="top"))
        bullets = self.t.items(f"guide.{key}.method")
        text = self.t["guide.method_heading"] + ":\n" + "\n".join(f"•  {b}" for b in bullets)
        row = self._paragraph(ws, row, span, width, text, WRAP_TOP, fill=GUIDE_FILL)
        note = self.t.get(f"guide.{key}.note")
        if note:
            row = self._paragraph(ws, row, span, width, f"{self.t['guide.note_heading']}: {note}", WRAP_TOP, fill=NOTE_FILL)
        source = self.t.get(f"guide.{key}.source")  # the Start sheet credits the folder
        if source:
            row = self._paragraph(ws, row, span, width, source, WRAP_TOP)
            ws.cell(row=row - 1, column=1).font = INTRO_FONT
        return row + 1

    def _guide_span(self, sheet_spec: Sheet) -> int:
        """How many columns the guide text spans: about GUIDE_WIDTH characters."""
        widths = column_widths(sheet_spec)
        total, n = 0.0, 0
        for width in widths:
            if total >= GUIDE_WIDTH:
                break
            total += width
            n += 1
        return max(n, 1)

    def _paragraph(self, ws: Worksheet, row: int, span: int, width: float, text: str, align: Alignment, fill=None) -> int:
        """Text merged over ``span`` columns (``width`` units wide), its row as tall as it wraps."""
        cell = ws.cell(row=row, column=1)
        write_value(cell, text)
        cell.alignment = align
        if fill:
            for col in range(1, span + 1):
                ws.cell(row=row, column=col).fill = fill
        if span > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
        ws.row_dimensions[row].height = lines_height(line_count(width, text)) + 2
        return row + 1

    def _widths(self, ws: Worksheet, sheet_spec: Sheet) -> None:
        for i, width in enumerate(column_widths(sheet_spec), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width

    def _areas(self, ws: Worksheet, sheet_spec: Sheet) -> None:
        """Generated areas beside a table (step 2's matrix): filled now, rewritten by the match
        action. The matrix prints on a page of its own after the table, with a grid drawn round
        the groups that are there (a conditional format, so it follows what the action writes)."""
        from xlplugin.domain.matrix import matrix_values

        for area in (a for a in spec.AREAS if a.sheet == sheet_spec.key):
            placed = self.placed[area.beside]
            top, left = placed.header_row - 2, placed.last_col + 2
            right, bottom = left + area.cols - 1, top + area.rows - 1
            for j in range(area.cols):
                ws.column_dimensions[get_column_letter(left + j)].width = MATRIX_LABEL_WIDTH if j == 0 else MATRIX_GROUP_WIDTH
            widths = [MATRIX_LABEL_WIDTH] + [MATRIX_GROUP_WIDTH] * (area.cols - 1)
            words = Words(self.t.lang)
            for i, values in enumerate(matrix_values(self.project, area.rows, area.cols)):
                texts_ = [words.value(value) for value in values]
                for j, value in enumerate(texts_):
                    cell = ws.cell(row=top + i, column=left + j)
                    write_value(cell, value)
                    cell.alignment = TOP if i < 2 else WRAP_TOP  # title and intro run on
                    if i == 2 or (i > 2 and j == 0):
                        cell.font = Font(name=FACE, size=11, bold=True, color=INK)
                height = row_height(widths, texts_) if i >= 2 else None
                if height and height > (ws.row_dimensions[top + i].height or 0):
                    ws.row_dimensions[top + i].height = height
            ws.cell(row=top, column=left).font = HEADING_FONT
            ws.cell(row=top + 1, column=left).font = INTRO_FONT
            first, last = get_column_letter(left), get_column_letter(right)
            head = top + 2
            grid = DifferentialStyle(border=Border(left=THIN, right=THIN, top=THIN, bottom=THIN))
            ws.conditional_formatting.add(
                f"{first}{head}:{last}{bottom}",
                Rule(type="expression", dxf=grid, formula=[f"AND(LEN({first}${head})>0,COUNTA(${first}{head}:${last}{head})>0)"]),
            )
            ws.print_area = [f"A1:{get_column_letter(placed.last_col)}{EXCEL_MAX_ROW}", f"{first}{top}:{last}{bottom}"]

    def _print_setup(self, ws: Worksheet, one_page: bool = False, pages_wide: int = 1) -> None:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4  # what offices print on; widths fit its width
        ws.page_setup.fitToWidth = pages_wide
        ws.page_setup.fitToHeight = 1 if one_page else 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = False
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        name = (self.project.facts.name or self.t["print.untitled"]).replace("&", "&&")
        ws.oddFooter.left.text = name
        ws.oddFooter.center.text = "&A"
        ws.oddFooter.right.text = self.t["print.page"]
        for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
            part.size = 9
            part.color = MUTED

    # --- tables -------------------------------------------------------------------
    def _rows(self, table_spec: Table) -> list[list[Any]]:
        return table_rows(self.project, table_spec, self.t)

    def _table(self, ws: Worksheet, table_spec: Table, top: int) -> Placed:
        key = table_spec.key
        left = table_spec.first_column
        ws.cell(row=top, column=left, value=self.t[f"title.{key}"]).font = HEADING_FONT
        ws.row_dimensions[top].height = 20
        intro = ws.cell(row=top + 1, column=left, value=self.t[f"intro.{key}"])
        intro.font = INTRO_FONT
        header_row = top + 2
        rows = self._rows(table_spec)
        placed = Placed(table_spec, header_row, left, max(len(rows) + table_spec.spare_rows, 1))
        self.placed[key] = placed
        upright = False
        for i, col in enumerate(table_spec.columns):
            cell = ws.cell(row=header_row, column=left + i, value=self.t.header(key, col.key))
            if col.kind is Kind.RATING or (key == "platforms" and col.key == "total"):
                # narrow score columns: the header reads upwards (a column per criterion)
                cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="center", textRotation=90)
                upright = True
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.border = BOX
        header_height = UPRIGHT_HEADER_HEIGHT if upright else 32
        ws.row_dimensions[header_row].height = max(ws.row_dimensions[header_row].height or 0, header_height)
        date_format = DATE_FORMATS[self.t.lang]
        widths = column_widths(spec.sheet_of_table()[key])[left - 1 :]
        for r in range(placed.n_rows):
            values = rows[r] if r < len(rows) else [None] * len(table_spec.columns)
            for i, col in enumerate(table_spec.columns):
                cell = ws.cell(row=header_row + 1 + r, column=left + i)
                write_value(cell, values[i])
                cell.alignment = TOP if col.kind in NUMBER_FORMATS else WRAP_TOP
                cell.border = BOX
                if col.kind is Kind.DATE:
                    cell.number_format = date_format
                elif col.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[col.kind]
                if col.generated:
                    cell.fill = GENERATED_FILL
            height = row_height(widths, values)
            row_dimension = ws.row_dimensions[header_row + 1 + r]
            if height and height > (row_dimension.height or 0):  # a table beside may need more
                row_dimension.height = height
        if key == "facts":
            for r, col in enumerate(spec.FACT_FIELDS):
                value_cell = ws.cell(row=header_row + 1 + r, column=2)
                value_cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
                if col.kind is Kind.DATE:
                    value_cell.number_format = date_format
        if key == "platforms":
            self._total_formulas(ws, placed)
        if key == "maintenance":
            self._budget_total(ws, placed)
        xl_table = XlTable(displayName=self.t.table(key), ref=placed.ref())
        xl_table.tableStyleInfo = TableStyleInfo(name=table_spec.style, showRowStripes=True)
        ws.add_table(xl_table)
        return placed

    def _total_formulas(self, ws: Worksheet, placed: Placed) -> None:
        """Total = weighted mean of the scores, live in Excel without the add-in; the weights are
        found on the criteria table by key, else by position (never by the criterion's name)."""
        keys = [c.key for c in placed.table.columns]
        total_col = placed.first_col + keys.index("total")
        score_cols = [placed.first_col + keys.index(key) for key in spec.SCORE_COLUMNS]
        for r in range(placed.header_row + 1, placed.last_row + 1):
            cells = [f"{get_column_letter(c)}{r}" for c in score_cols]
            total = ws.cell(row=r, column=total_col)
            total.value = total_formula(self.t, cells)
            total.number_format = TOTAL_FORMAT

    def _budget_total(self, ws: Worksheet, placed: Placed) -> None:
        """The maintenance plan's budget total on its title row, above the budget column."""
        keys = [c.key for c in placed.table.columns]
        col = placed.first_col + keys.index("budget")
        row = placed.header_row - 2
        label = ws.cell(row=row, column=col - 1, value=self.t["maintenance.budget_total"])
        label.font = Font(name=FACE, size=11, bold=True, color=INK)
        label.alignment = Alignment(horizontal="right", vertical="center")
        source = f"{self.t.table('maintenance')}[{structured(self.t.header('maintenance', 'budget'))}]"
        total = ws.cell(row=row, column=col, value=f"=SUM({source})")
        total.font = Font(name=FACE, size=11, bold=True, color=INK)
        total.number_format = NUMBER_FORMATS[Kind.MONEY]
        total.border = Border(bottom=THIN)

    # --- the Start sheet's live status -----------------------------------------------
    def _start_status(self) -> None:
        ws = self.sheets["start"]
        facts = self.placed["facts"]
        top = facts.last_row + 3
        t = self.t
        ws.cell(row=top, column=1, value=t["guide.start.status_title"]).font = HEADING_FONT
        header = top + 1
        heads = ("start.col.step", "start.col.what", "start.col.count", "start.col.state")
        for i, key in enumerate(heads, start=1):
            cell = ws.cell(row=header, column=i, value=t[key])
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.border = BOX
        yes = t.choice("yesno", "yes")
        for n, status in enumerate(spec.STATUS_ROWS, start=1):
            r = header + n
            sheet_spec = next(s for s in spec.SHEETS if s.step == status.step)
            sheet_name = t.sheet(sheet_spec.key)
            link = ws.cell(row=r, column=1, value=sheet_name)
            # A link inside the workbook (location), not an external "#..." target.
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(sheet_name)}!A1", display=sheet_name)
            link.font = LINK_FONT
            ws.cell(row=r, column=2, value=t[f"status.{status.key}"])
            source = f"{t.table(status.table)}[{t.header(status.table, status.column)}]"
            criterion = f'"{yes}"' if status.count == "yes" else '"?*"'
            ws.cell(row=r, column=3).value = f"=COUNTIF({source},{criterion})"
            state = ws.cell(row=r, column=4)
            started = f'IF(C{r}>0,"{t["start.state.done"]}","{t["start.state.todo"]}")'
            done = f'"{t["start.state.complete"]}"'
            if status.complete == "any":
                state.value = f"=IF(C{r}>0,{done},{started})"
            elif status.complete:
                other = header + 1 + [s.key for s in spec.STATUS_ROWS].index(status.complete)
                state.value = f"=IF(AND(C{r}>0,C{r}>=C{other}),{done},{started})"
            else:
                state.value = f"={started}"
            for col in range(1, 5):
                ws.cell(row=r, column=col).border = BOX
                if n % 2 == 0:
                    ws.cell(row=r, column=col).fill = BAND_FILL
        ws.print_area = f"A1:D{header + len(spec.STATUS_ROWS)}"
