"""How a new workbook prints (issue 13), read from the workbook the builder writes: every sheet on
landscape A4 and readable across it, each table under columns as wide as its own, reference
sheets out of a whole-workbook printout, step 2's matrix on a page of its own."""
from __future__ import annotations

import pytest
from openpyxl.utils import get_column_letter, range_boundaries

from xlplugin.actions.new import new_project
from xlplugin.gateway.builder import build_workbook, print_pages_wide
from xlplugin.gateway.cells import LINE_POINTS, ROW_PADDING, row_height
from xlplugin.gateway.style import A4_PRINT_WIDTH
from xlplugin.layout import spec
from xlplugin.layout.texts import LANGUAGES, texts


@pytest.fixture(scope="module", params=LANGUAGES)
def book(request):
    lang = request.param
    return lang, build_workbook(new_project(lang, example=True), lang)


def _widths(ws, first: int, count: int) -> list[float]:
    return [ws.column_dimensions[get_column_letter(c)].width for c in range(first, first + count)]


def test_every_sheet_prints_on_landscape_a4_at_a_readable_scale(book):
    lang, wb = book
    t = texts(lang)
    for sheet_spec in (s for s in spec.SHEETS if not s.hidden):
        ws = wb[t.sheet(sheet_spec.key)]
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape", sheet_spec.key
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        used = [t.key for t in sheet_spec.tables]
        width = sum(_widths(ws, 1, max(len(sheet_spec.tables[0].columns), *(t.first_column + len(t.columns) - 1 for t in sheet_spec.tables))))
        pages = ws.page_setup.fitToWidth
        assert pages == print_pages_wide(sheet_spec), sheet_spec.key
        # across each page, at most what prints readably (the first column repeats on each page)
        first = _widths(ws, 1, 1)[0]
        assert width - (pages - 1) * (A4_PRINT_WIDTH - first) <= A4_PRINT_WIDTH, (sheet_spec.key, used, width)
    assert int(wb[t.sheet("overview")].page_setup.paperSize) == int(wb[t.sheet("overview")].PAPERSIZE_A4)


def test_each_table_prints_under_columns_as_wide_as_its_own(book):
    """Tables sharing a sheet no longer wrap into the first table's narrow columns."""
    lang, wb = book
    t = texts(lang)
    for sheet_spec in spec.SHEETS:
        if not sheet_spec.tables:
            continue
        ws = wb[t.sheet(sheet_spec.key)]
        for table_spec in sheet_spec.tables:
            first_col, _, last_col, _ = range_boundaries(ws.tables[t.table(table_spec.key)].ref)
            assert first_col == table_spec.first_column and last_col - first_col + 1 == len(table_spec.columns)
            for column, width in zip(table_spec.columns, _widths(ws, first_col, len(table_spec.columns))):
                assert width >= column.width, f"{table_spec.key}.{column.key}: {width} < {column.width}"


def test_tables_beside_each_other_share_rows_but_no_columns(book):
    lang, wb = book
    t = texts(lang)
    ws = wb[t.sheet("step1")]
    purposes = range_boundaries(ws.tables[t.table("purposes")].ref)
    characteristics = range_boundaries(ws.tables[t.table("characteristics")].ref)
    groups = range_boundaries(ws.tables[t.table("groups")].ref)
    assert purposes[1] == characteristics[1] > groups[3]  # same header row, below the groups
    assert purposes[2] < characteristics[0]  # purposes end left of the characteristics


def test_reference_sheets_are_left_out_of_a_whole_workbook_printout(book):
    """A print area on one empty cell: Excel and LibreOffice print nothing of the sheet; its guide
    says how to print it (clear the print area). The dropdowns still read the sheets' tables."""
    lang, wb = book
    t = texts(lang)
    on_request = [s for s in spec.SHEETS if s.print_on_request]
    assert {s.key for s in on_request} == {"themes", "catalog", "findings"}
    for sheet_spec in on_request:
        ws = wb[t.sheet(sheet_spec.key)]
        area = ws.print_area.split("!")[-1].replace("$", "")
        min_col, min_row, max_col, max_row = range_boundaries(area)
        assert (min_col, min_row) == (max_col, max_row) and ws.cell(min_row, min_col).value is None, sheet_spec.key
        assert any("Ryd udskriftsområde" in m or "Clear Print Area" in m for m in t.items(f"guide.{sheet_spec.key}.method"))
    for sheet_spec in spec.SHEETS:
        if not sheet_spec.print_on_request and not sheet_spec.hidden and sheet_spec.key != "step2":
            ws = wb[t.sheet(sheet_spec.key)]
            assert not ws.print_area or sheet_spec.key == "start", sheet_spec.key


def test_the_matrix_prints_on_a_page_of_its_own_with_a_grid(book):
    lang, wb = book
    t = texts(lang)
    ws = wb[t.sheet("step2")]
    entries = range_boundaries(ws.tables[t.table("entries")].ref)
    areas = [a.split("!")[-1].replace("$", "") for a in ws.print_area.split(",")]
    assert len(areas) == 2  # two print ranges: each prints on pages of its own
    table_area, matrix_area = (range_boundaries(a) for a in areas)
    assert table_area[:3] == (1, 1, entries[2])
    left, top = entries[2] + 2, entries[1] - 2
    assert matrix_area == (left, top, left + spec.MATRIX.cols - 1, top + spec.MATRIX.rows - 1)
    assert ws.cell(top, left).value == t["matrix.title"]
    widths = _widths(ws, left, spec.MATRIX.cols)
    assert sum(widths) <= A4_PRINT_WIDTH
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    grid = [r for r in rules if r.dxf is not None and r.dxf.border is not None]
    assert len(grid) == 1 and grid[0].dxf.border.left.style == "thin"
    header = ws.cell(top + 2, left + 1).value
    assert header, "the example's first group heads the matrix"
    assert ws.cell(top + 3, left + 1).alignment.wrap_text  # items wrap inside the grid, not into the next group


def test_a_wrapped_row_is_as_tall_as_its_lines():
    assert row_height([20], ["kort"]) is None
    three = row_height([40], ["første linje\nanden linje\ntredje linje"])
    assert three == pytest.approx(3 * LINE_POINTS + ROW_PADDING)
    assert LINE_POINTS < 14.5  # Calibri 11's line, not the 15 pt of a one-line row
    # a narrow column holds as many characters a line as its width allows (15 in a 14-wide column)
    assert row_height([14], ["abcdefghijklmno"]) is None
