"""The Overblik / Overview sheet in openpyxl: labels, the data areas of ``layout.overview`` and
native bar charts pointing at them (Excel and LibreOffice both draw them).

Made with every new workbook; added to a workbook made before it by the `overview` action
(``restore_sheet``: the builder's sheet grafted into the package). After that the action only
writes cell values, and the charts follow them.
"""
from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from xlplugin.domain import models as m
from xlplugin.gateway.style import FACE
from xlplugin.layout import overview as lo
from xlplugin.layout.texts import Texts
from xlplugin.layout.words import Words

CHARTS_IN_WORKBOOK = True  # the in-place writer keeps charts, so every new workbook has them
ACCENT = "1F4E79"
WIDTHS = {1: 2, 2: 46, 3: 12, 4: 3, 5: 26, 6: 13, 7: 13, 8: 13, 9: 3, 10: 30, 11: 17, 12: 17}


def add_overview_sheet(
    workbook: Any, t: Texts, project: m.Project | None = None, index: int = 1, charts: bool | None = None
) -> Any:
    """Create the sheet (second, after Start), its charts (``charts``, default
    ``CHARTS_IN_WORKBOOK``) and, for a new workbook, its values."""
    ws = workbook.create_sheet(t.sheet(lo.SHEET_KEY), index)
    ws.sheet_properties.tabColor = ACCENT
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for col, width in WIDTHS.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for block in lo.overview_blocks(project or m.Project(), Words(t.lang)):
        for i, row in enumerate(block.values):
            for j, value in enumerate(row):
                ws.cell(row=block.row + i, column=block.col + j, value=value)
    ws.cell(row=lo.TITLE_ROW, column=1).font = Font(name=FACE, bold=True, size=16, color=ACCENT)
    ws.cell(row=lo.INTRO_ROW, column=1).font = Font(name=FACE, italic=True, color="595959")
    head_fill, head_font = PatternFill("solid", fgColor=ACCENT), Font(name=FACE, bold=True, color="FFFFFF")
    heads = [
        (lo.FIG_LABEL_COL, 2, lo.HEAD_ROW), (lo.GROUP_COL, 4, lo.HEAD_ROW),
        (lo.FORM_COL, 3, lo.FORM_TOP), (lo.FORM_COL, 3, lo.TYPE_TOP),
    ]
    ws.row_dimensions[lo.HEAD_ROW].height = 30
    for first, n, head_row in heads:
        for col in range(first, first + n):
            cell = ws.cell(row=head_row, column=col)
            cell.fill, cell.font = head_fill, head_font
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    budget_row = lo.FIGURES_TOP + lo.FIGURE_KEYS.index("budget")
    ws.cell(row=budget_row, column=lo.FIG_VALUE_COL).number_format = "#,##0"
    for r in range(lo.TYPE_TOP + 1, lo.TYPE_TOP + 4):
        ws.cell(row=r, column=lo.FORM_COL + 2).number_format = "#,##0"
    if CHARTS_IN_WORKBOOK if charts is None else charts:
        add_charts(ws, t)
    return ws


def _chart(title: str, kind: str, data: Reference, categories: Reference, axis: str, stacked: bool = False) -> BarChart:
    chart = BarChart()
    chart.type = kind
    chart.title = title
    chart.style = 10
    chart.y_axis.title = axis
    chart.y_axis.majorGridlines = None
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    chart.legend.position = "b"
    return chart


def add_charts(ws: Any, t: Texts) -> None:
    """The four bar charts, each pointing at its data area of ``layout.overview``."""
    def text(key: str) -> str:
        return t[f"overview.chart.{key}"]

    top, bottom = lo.HEAD_ROW, lo.HEAD_ROW + lo.GROUP_ROWS
    groups = _chart(
        text("groups"), "col",
        Reference(ws, min_col=lo.GROUP_COL + 1, max_col=lo.GROUP_COL + 3, min_row=top, max_row=bottom),
        Reference(ws, min_col=lo.GROUP_COL, min_row=top + 1, max_row=bottom),
        text("count"),
    )
    groups.width, groups.height = 17, 8
    ws.add_chart(groups, f"B{lo.CHART_ROW}")
    forms = _chart(
        text("forms"), "col",
        Reference(ws, min_col=lo.FORM_COL + 1, max_col=lo.FORM_COL + 2, min_row=lo.FORM_TOP, max_row=lo.FORM_TOP + 3),
        Reference(ws, min_col=lo.FORM_COL, min_row=lo.FORM_TOP + 1, max_row=lo.FORM_TOP + 3),
        text("count"), stacked=True,
    )
    forms.width, forms.height = 15, 8
    ws.add_chart(forms, f"G{lo.CHART_ROW}")
    types = _chart(
        text("platforms"), "col",
        Reference(ws, min_col=lo.FORM_COL + 1, min_row=lo.TYPE_TOP, max_row=lo.TYPE_TOP + 3),
        Reference(ws, min_col=lo.FORM_COL, min_row=lo.TYPE_TOP + 1, max_row=lo.TYPE_TOP + 3),
        text("count"),
    )
    types.width, types.height = 17, 8
    ws.add_chart(types, f"B{lo.CHART_ROW + 18}")
    budget = _chart(
        text("budget"), "col",
        Reference(ws, min_col=lo.FORM_COL + 2, min_row=lo.TYPE_TOP, max_row=lo.TYPE_TOP + 3),
        Reference(ws, min_col=lo.FORM_COL, min_row=lo.TYPE_TOP + 1, max_row=lo.TYPE_TOP + 3),
        text("kroner"),
    )
    budget.width, budget.height = 15, 8
    ws.add_chart(budget, f"G{lo.CHART_ROW + 18}")
