"""Builds a new project workbook (openpyxl) from the layout spec and a Project."""
from __future__ import annotations

import math
from functools import cache
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from xlplugin import __version__
from xlplugin.domain import models as m
from xlplugin.gateway.cells import display_value, row_height, write_value
from xlplugin.layout import spec
from xlplugin.layout.spec import Column, Kind, Sheet, Table
from xlplugin.layout.texts import Texts, texts

# Calm house style: dark blue headings, grey help text, light fills.
INK = "1F3864"
MUTED = "595959"
GENERATED_FILL = PatternFill("solid", fgColor="EDEDED")
NOTE_FILL = PatternFill("solid", fgColor="FFF2CC")
GUIDE_FILL = PatternFill("solid", fgColor="DEEBF7")
# Fonts name their face: without it LibreOffice (and so the PDF) falls back to a serif.
FACE = "Calibri"
TITLE_FONT = Font(name=FACE, size=16, bold=True, color=INK)
HEADING_FONT = Font(name=FACE, size=13, bold=True, color=INK)
INTRO_FONT = Font(name=FACE, size=11, italic=True, color=MUTED)
LINK_FONT = Font(name=FACE, size=11, color="0563C1", underline="single")
# Headers are formatted directly as well as by the table style, which LibreOffice ignores.
HEADER_FONT = Font(name=FACE, size=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2E75B6")
BAND_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

EXCEL_MAX_ROW = 1048576
GUIDE_WIDTH = 110
A4_PRINT_WIDTH = 230  # column width units that still print readably across landscape A4  # characters the guide text spans before it wraps
LINE_HEIGHT = 14.0

NUMBER_FORMATS = {
    Kind.PERCENT: '0" %"',
    Kind.MONEY: '#,##0 "kr."',
    Kind.SCORE: "0",
    Kind.NUMBER: "0.0",
}
DATE_FORMATS = {"da": "dd-mm-yyyy", "en": "yyyy-mm-dd"}

# Excel's limits for data validation texts.
PROMPT_TITLE_MAX = 32
PROMPT_MAX = 255
ERROR_MAX = 225


@cache
def column_widths(sheet_spec: Sheet) -> tuple[float, ...]:
    """The sheet's column widths: the main (first) table's, widened only beyond its last column.

    Stacked tables share the sheet's columns; the tables below wrap into the main table's widths.
    """
    widths: list[float] = []
    for table_spec in sheet_spec.tables:
        for i, col in enumerate(table_spec.columns):
            if i >= len(widths):
                widths.append(col.width)
    if sheet_spec.key == "start":
        widths = [max(w, s) for w, s in zip(widths + [14, 16], [26, 44, 14, 16])]
    return tuple(widths or [20])


def list_name(list_key: str) -> str:
    """The defined name a dropdown refers to (language neutral, valid Excel name)."""
    return f"lst_{list_key}"


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


class _Builder:
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
        self._properties()
        self.wb.active = 0
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
        for table_spec in sheet_spec.tables:
            placed = self._table(ws, table_spec, row)
            first_header = first_header or placed.header_row
            row = placed.last_row + 3
        self._widths(ws, sheet_spec)
        self._areas(ws, sheet_spec)
        # A frozen / repeated header belongs to one table; on a sheet with several tables it
        # would stand above the wrong one.
        if first_header and sheet_spec.key != "start" and len(sheet_spec.tables) == 1:
            ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
            ws.print_title_rows = f"{first_header}:{first_header}"
        wide = sum(column_widths(sheet_spec)) > A4_PRINT_WIDTH
        self._print_setup(ws, one_page=sheet_spec.key == "start", wide=wide)

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
        chars = width * 1.3
        lines = sum(max(1, math.ceil(len(part) / max(chars, 20))) for part in text.split("\n"))
        ws.row_dimensions[row].height = lines * LINE_HEIGHT + 4
        return row + 1

    def _widths(self, ws: Worksheet, sheet_spec: Sheet) -> None:
        for i, width in enumerate(column_widths(sheet_spec), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width

    def _areas(self, ws: Worksheet, sheet_spec: Sheet) -> None:
        """Generated areas beside a table (step 2's matrix): filled now, rewritten by the match
        action. Printing the sheet prints the table; the area is wide and has its own purpose."""
        from xlplugin.domain.matrix import matrix_values

        for area in (a for a in spec.AREAS if a.sheet == sheet_spec.key):
            placed = self.placed[area.beside]
            top, left = placed.header_row - 2, placed.last_col + 2
            for j in range(area.cols):
                ws.column_dimensions[get_column_letter(left + j)].width = 18 if j == 0 else 30
            for i, values in enumerate(matrix_values(self.project, area, self.t)):
                for j, value in enumerate(values):
                    cell = ws.cell(row=top + i, column=left + j)
                    write_value(cell, value)
                    cell.alignment = TOP
                    if i == 2 or (i > 2 and j == 0):
                        cell.font = Font(name=FACE, size=11, bold=True, color=INK)
                    if i == 2:
                        cell.border = Border(bottom=THIN)
            ws.cell(row=top, column=left).font = HEADING_FONT
            ws.cell(row=top + 1, column=left).font = INTRO_FONT
            ws.print_area = f"A1:{get_column_letter(placed.last_col)}{EXCEL_MAX_ROW}"

    def _print_setup(self, ws: Worksheet, one_page: bool = False, wide: bool = False) -> None:
        ws.page_setup.orientation = "landscape"
        # Fitted to the width of A4, the 14-16 columns of steps 3 and 4 print too small to read.
        ws.page_setup.paperSize = ws.PAPERSIZE_A3 if wide else ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
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
        """Cell values for the table's data rows, from the project."""
        if table_spec.key == "facts":
            facts = self.project.facts
            return [
                [self.t[f"fact.{col.key}"], display_value(col, getattr(facts, col.key), self.t)]
                for col in spec.FACT_FIELDS
            ]
        field = spec.PROJECT_FIELDS.get(table_spec.key)
        items = getattr(self.project, field) if field else []
        return [[display_value(c, getattr(item, c.key), self.t) for c in table_spec.columns] for item in items]

    def _table(self, ws: Worksheet, table_spec: Table, top: int) -> Placed:
        key = table_spec.key
        ws.cell(row=top, column=1, value=self.t[f"title.{key}"]).font = HEADING_FONT
        ws.row_dimensions[top].height = 20
        intro = ws.cell(row=top + 1, column=1, value=self.t[f"intro.{key}"])
        intro.font = INTRO_FONT
        header_row = top + 2
        rows = self._rows(table_spec)
        placed = Placed(table_spec, header_row, 1, max(len(rows) + table_spec.spare_rows, 1))
        self.placed[key] = placed
        for i, col in enumerate(table_spec.columns):
            cell = ws.cell(row=header_row, column=1 + i, value=self.t.header(key, col.key))
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.border = BOX
        ws.row_dimensions[header_row].height = 32
        date_format = DATE_FORMATS[self.t.lang]
        sheet_widths = column_widths(spec.sheet_of_table()[key])
        for r in range(placed.n_rows):
            values = rows[r] if r < len(rows) else [None] * len(table_spec.columns)
            for i, col in enumerate(table_spec.columns):
                cell = ws.cell(row=header_row + 1 + r, column=1 + i)
                write_value(cell, values[i])
                cell.alignment = TOP if col.kind in NUMBER_FORMATS else WRAP_TOP
                cell.border = BOX
                if col.kind is Kind.DATE:
                    cell.number_format = date_format
                elif col.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[col.kind]
                if col.generated:
                    cell.fill = GENERATED_FILL
            height = row_height(sheet_widths, values)
            if height:
                ws.row_dimensions[header_row + 1 + r].height = height
        if key == "facts":
            for r, col in enumerate(spec.FACT_FIELDS):
                value_cell = ws.cell(row=header_row + 1 + r, column=2)
                value_cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
                if col.kind is Kind.DATE:
                    value_cell.number_format = date_format
        if key == "platforms":
            self._total_formulas(ws, placed)
        xl_table = XlTable(displayName=self.t.table(key), ref=placed.ref())
        xl_table.tableStyleInfo = TableStyleInfo(name=table_spec.style, showRowStripes=True)
        ws.add_table(xl_table)
        return placed

    def _total_formulas(self, ws: Worksheet, placed: Placed) -> None:
        """Total = weighted mean of the scores, live in Excel without the add-in."""
        criteria = self.t.table("criteria")
        name_h = self.t.header("criteria", "name")
        weight_h = self.t.header("criteria", "weight")
        total_index = [c.key for c in placed.table.columns].index("total")
        for r in range(placed.header_row + 1, placed.last_row + 1):
            terms, cells = [], []
            for key in spec.SCORE_COLUMNS:
                idx = [c.key for c in placed.table.columns].index(key)
                ref = f"{get_column_letter(placed.first_col + idx)}{r}"
                cells.append(ref)
                criterion = self.t.header("platforms", key).replace('"', '""')
                terms.append(f'N({ref})*SUMIF({criteria}[{name_h}],"{criterion}",{criteria}[{weight_h}])')
            formula = (
                f'=IF(COUNT({",".join(cells)})=0,"",ROUND(({"+".join(terms)})'
                f"/MAX(SUM({criteria}[{weight_h}]),0.000001),1))"
            )
            ws.cell(row=r, column=placed.first_col + total_index).value = formula

    # --- dropdown sources and validation -------------------------------------------
    def _lists_sheet(self) -> None:
        ws = self.sheets["lists"]
        ws.sheet_state = "hidden"
        for i, lst in enumerate(spec.LISTS, start=1):
            letter = get_column_letter(i)
            title = self.t.get(f"list.{lst.key}") or lst.key
            ws.cell(row=1, column=i, value=title).font = Font(name=FACE, bold=True)
            ws.column_dimensions[letter].width = 28
            sheet_ref = quote_sheetname(ws.title)
            if lst.dynamic:
                table_key, col_key = lst.from_table
                source = f"{self.t.table(table_key)}[{self.t.header(table_key, col_key)}]"
                for r in range(2, lst.capacity + 2):
                    ws.cell(row=r, column=i).value = f'=IFERROR(INDEX({source},{r - 1})&"","")'
                last = lst.capacity + 1
                ref = (
                    f"OFFSET({sheet_ref}!${letter}$2,0,0,"
                    f'MAX(1,COUNTIF({sheet_ref}!${letter}$2:${letter}${last},"?*")),1)'
                )
            else:
                for r, code in enumerate(lst.codes, start=2):
                    write_value(ws.cell(row=r, column=i), self.t.choice(lst.key, code))
                ref = f"{sheet_ref}!${letter}$2:${letter}${len(lst.codes) + 1}"
            self.wb.defined_names[list_name(lst.key)] = DefinedName(list_name(lst.key), attr_text=ref)

    def _validations(self) -> None:
        for sheet_spec in spec.SHEETS:
            ws = self.sheets[sheet_spec.key]
            for table_spec in sheet_spec.tables:
                placed = self.placed[table_spec.key]
                if table_spec.key == "facts":
                    self._fact_validations(ws, placed)
                    continue
                for i, col in enumerate(table_spec.columns):
                    if col.generated:
                        continue
                    dv = self._validation_for(table_spec, col)
                    if dv is not None:
                        dv.add(placed.column_range(i))
                        ws.add_data_validation(dv)

    def _fact_validations(self, ws: Worksheet, placed: Placed) -> None:
        for r, col in enumerate(spec.FACT_FIELDS):
            dv = self._validation_for(placed.table, col, prompt_key=("facts", "value"))
            if dv is None:
                dv = self._prompt_only(self.t[f"fact.{col.key}"], self.t["help.facts.value"])
            dv.add(f"B{placed.header_row + 1 + r}")
            ws.add_data_validation(dv)

    def _validation_for(self, table_spec: Table, col: Column, prompt_key=None) -> DataValidation | None:
        t = self.t
        title = (t.header(table_spec.key, col.key) if prompt_key is None else t[f"fact.{col.key}"])[:PROMPT_TITLE_MAX]
        help_text = t.help(*(prompt_key or (table_spec.key, col.key)))
        if col.kind is Kind.SCORE:
            help_text = help_text or t.help(table_spec.key, "score")
        list_key = col.list_key
        if list_key:
            dynamic = spec.choice_list(list_key).dynamic
            dv = DataValidation(
                type="list",
                # Stored without "=": the file format keeps formulas bare, as Excel writes them.
                formula1=list_name(list_key),
                allow_blank=True,
                errorStyle="warning" if dynamic else "stop",
                errorTitle=t["dv.error_title"][:PROMPT_TITLE_MAX],
                error=t["dv.error_dynamic" if dynamic else "dv.error_list"][:ERROR_MAX],
            )
        elif col.kind in (Kind.PERCENT, Kind.SCORE, Kind.NUMBER, Kind.MONEY):
            bounds = {
                Kind.PERCENT: ("decimal", "0", "100", "dv.error_percent"),
                Kind.SCORE: ("whole", "0", "5", "dv.error_score"),
                Kind.NUMBER: ("decimal", "0", "1000000", "dv.error_number"),
                Kind.MONEY: ("decimal", "0", "1000000000", "dv.error_number"),
            }[col.kind]
            dv = DataValidation(
                type=bounds[0],
                operator="between",
                formula1=bounds[1],
                formula2=bounds[2],
                allow_blank=True,
                errorStyle="stop",
                errorTitle=t["dv.error_title_number"][:PROMPT_TITLE_MAX],
                error=t[bounds[3]][:ERROR_MAX],
            )
        elif col.kind is Kind.DATE:
            dv = DataValidation(
                type="date",
                operator="greaterThan",
                formula1="1",
                allow_blank=True,
                errorStyle="stop",
                errorTitle=t["dv.error_title_date"][:PROMPT_TITLE_MAX],
                error=t["dv.error_date"][:ERROR_MAX],
            )
        elif help_text:
            return self._prompt_only(title, help_text)
        else:
            return None
        dv.showErrorMessage = True
        if help_text:
            dv.promptTitle = title
            dv.prompt = help_text[:PROMPT_MAX]
            dv.showInputMessage = True
        return dv

    @staticmethod
    def _prompt_only(title: str, text: str) -> DataValidation:
        dv = DataValidation(type=None, allow_blank=True, promptTitle=title[:PROMPT_TITLE_MAX], prompt=text[:PROMPT_MAX])
        dv.showInputMessage = True
        return dv

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
            state.value = f'=IF(C{r}>0,"{t["start.state.done"]}","{t["start.state.todo"]}")'
            for col in range(1, 5):
                ws.cell(row=r, column=col).border = BOX
                if n % 2 == 0:
                    ws.cell(row=r, column=col).fill = BAND_FILL
        ws.print_area = f"A1:D{header + len(spec.STATUS_ROWS)}"
