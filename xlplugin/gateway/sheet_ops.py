"""Operations on an openpyxl worksheet that Excel does as one step: inserting rows (with the
tables, validations, merges, conditional formats and links below them), extending a table's
dropdowns to new rows, reading column widths, and the findings' marks."""
from __future__ import annotations

from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from xlplugin.domain.port import CellRef
from xlplugin.gateway.regions import MARK_FORMULA, addresses_by_sheet

EXCEL_COLUMN_WIDTH = 8.43  # a column without a width of its own (Calibri 11)


def insert_rows(ws: Any, at: int, n: int) -> None:
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


def extend_validations(ws: Any, left: int, right: int, template_row: int, first: int, last: int) -> None:
    for dv in ws.data_validations.dataValidation:
        for c in range(left, right + 1):
            coord = f"{get_column_letter(c)}{template_row}"
            if coord in dv.sqref:
                dv.sqref.add(f"{get_column_letter(c)}{first}:{get_column_letter(c)}{last}")


def column_widths(ws: Any, first: int, count: int) -> list[float]:
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






def set_marks(wb: Any, cells: list[CellRef]) -> None:
    """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA.

    The cells' own formats are never touched, and the next run removes exactly these rules.
    """
    from openpyxl.formatting.formatting import ConditionalFormattingList
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Border, PatternFill, Side
    from openpyxl.styles.differential import DifferentialStyle

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

