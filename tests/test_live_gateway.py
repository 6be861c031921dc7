"""The xlwings adapter against the file gateway: the same actions give the same workbook.

Excel is stood in by the openpyxl-backed xlwings engine (tests/xlwings_engine.py), so every
call of the adapter goes through xlwings' own API and value conversion. Every test runs twice:
with the engine behaving as Excel for Windows does through xlwings, and as Excel for Mac.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys

import pytest
import xlwings_engine
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from python_calamine import CalamineWorkbook
from test_validate import found, plant_mistakes
from workbooks import cell, edit, example, example_before_matching, find_table, message
from xlwings_engine import MAC, WINDOWS

from xlplugin.actions import match, validate
from xlplugin.domain.port import CellRef, Formula, Link
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.live import LiveWorkbook
from xlplugin.gateway.regions import MARK_FORMULA
from xlplugin.layout import spec
from xlplugin.layout.texts import texts

# Integration tests: real files through the adapters, a few seconds each.
pytestmark = pytest.mark.slow

PLATFORM = WINDOWS


@pytest.fixture(params=[WINDOWS, MAC], ids=["windows", "mac"], autouse=True)
def excel_platform(request, monkeypatch):
    """Excel for Windows or for Mac, as xlwings documents each (see tests/xlwings_engine.py)."""
    monkeypatch.setattr(sys.modules[__name__], "PLATFORM", request.param)
    return request.param


def open_book(path):
    return xlwings_engine.open_book(path, PLATFORM)


def twins(tmp_path, source):
    """Two copies of a workbook: one for the file gateway, one open in the test engine."""
    on_disk, in_excel = tmp_path / "file.xlsx", tmp_path / "live.xlsx"
    shutil.copyfile(source, on_disk)
    shutil.copyfile(source, in_excel)
    return on_disk, open_book(in_excel)


def save_live(book, path):
    """What the user's Ctrl+S would write (the adapter itself never saves)."""
    book.impl.xl.save(path)
    return path


def sheet_values(path):
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def table_refs(path):
    wb = load_workbook(path)
    return {t.displayName: (ws.title, t.ref) for ws in wb.worksheets for t in ws.tables.values()}


def marks(path):
    """Every mark rule with the cells it covers (a list: a rule left behind shows up twice)."""
    wb = load_workbook(path)
    return sorted(
        (ws.title, cell)
        for ws in wb.worksheets
        for cf in ws.conditional_formatting
        for rule in cf.rules
        if any(MARK_FORMULA in (f or "") for f in rule.formula or [])
        for cell in str(cf.sqref).split()
    )


def links(path):
    wb = load_workbook(path)
    return {
        (ws.title, c.coordinate, c.value, c.hyperlink.location)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.hyperlink is not None
    }


def assert_same_workbook(file_path, live_path):
    assert sheet_values(live_path) == sheet_values(file_path)
    assert table_refs(live_path) == table_refs(file_path)
    assert marks(live_path) == marks(file_path)
    assert links(live_path) == links(file_path)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("planted", [False, True], ids=["example", "planted-mistakes"])
def test_validate_through_file_and_live_gateways_gives_the_same_result(tmp_path, lang, planted):
    source = example(tmp_path, lang)
    if planted:
        plant_mistakes(source, lang)
    on_disk, book = twins(tmp_path, source)

    by_file = validate.run(open_workbook(on_disk))
    live = LiveWorkbook(book)
    by_live = validate.run(live)

    assert live.lang == by_file.lang == lang
    assert found(by_live) == found(by_file)
    assert by_live.project == by_file.project
    assert by_live.saved.path is None  # nothing saved: the user saves
    assert_same_workbook(on_disk, save_live(book, tmp_path / "saved.xlsx"))
    if planted:
        assert marks(on_disk), "planted mistakes leave marks"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_match_through_file_and_live_gateways_gives_the_same_result(tmp_path, lang):
    """Twice: the second run meets the first run's rows (selected and commented by the user)."""
    on_disk, book = twins(tmp_path, example_before_matching(tmp_path, lang))
    summaries = {}
    for name, gateway_of in (("file", lambda: open_workbook(on_disk)), ("live", lambda: LiveWorkbook(book))):
        first = match.run(gateway_of())
        assert first.new > 0
        summaries[name] = [counts(first)]
        if name == "file":
            edit(on_disk, user_selects_and_comments(lang))
        else:
            user_selects_and_comments(lang)(book.impl.xl)
        summaries[name].append(counts(match.run(gateway_of())))
    assert summaries["live"] == summaries["file"]
    assert summaries["file"][1]["unchanged"] > 0
    assert_same_workbook(on_disk, save_live(book, tmp_path / "saved.xlsx"))


def formulas_of(path):
    wb = load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_users_formulas_survive_match_live_as_through_the_file(tmp_path, lang):
    """The user's formulas (structured and A1 references, one as a comment) stay formulas in the
    rows they move to, two runs in a row; a comment typed as "=..." text stays text."""
    from test_match_action import add_users_formulas, assert_users_formulas_kept, drop_families_it

    on_disk, book = twins(tmp_path, example_before_matching(tmp_path, lang))
    match.run(open_workbook(on_disk))
    match.run(LiveWorkbook(book))
    for change in (add_users_formulas, drop_families_it):
        edit(on_disk, lambda wb, change=change: change(wb, lang))
        change(book.impl.xl, lang)
    rows = []
    for run in ("first", "second"):
        by_file, by_live = match.run(open_workbook(on_disk)), match.run(LiveWorkbook(book))
        assert counts(by_live) == counts(by_file)
        saved = save_live(book, tmp_path / f"{run}.xlsx")
        rows.append(assert_users_formulas_kept(saved, lang, tmp_path / f"lo-{run}"))
        assert formulas_of(saved) == formulas_of(on_disk)
        assert_same_workbook(on_disk, saved)
    assert rows[0] == rows[1]


def counts(summary):
    """What a match run did (all but where the file gateway saved)."""
    return {k: v for k, v in vars(summary).items() if k != "saved"}


def user_selects_and_comments(lang):
    def change(wb):
        cell(wb, lang, "interactions", "selected", 0).value = texts(lang).choice("yesno", "yes")
        cell(wb, lang, "interactions", "comment", 1).value = "Spørg afdelingsbestyrelsen"

    return change


def users_own_rules(wb):
    """Conditional formats of the user's, before and between ours: they must stay."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for ws in wb.worksheets[:3]:
        ws.conditional_formatting.add("A1:Z200", CellIsRule(operator="equal", formula=['"x"'], fill=PatternFill(bgColor="00FF00")))


def test_validate_twice_live_replaces_its_marks_and_keeps_the_users(tmp_path):
    source = example(tmp_path, "da")
    plant_mistakes(source, "da")
    edit(source, users_own_rules)
    on_disk, book = twins(tmp_path, source)
    validate.run(LiveWorkbook(book))
    validate.run(LiveWorkbook(book))
    validate.run(open_workbook(on_disk))
    edit(on_disk, users_own_rules)  # the user adds more between the runs, in both workbooks
    users_own_rules(book.impl.xl)
    validate.run(LiveWorkbook(book))
    validate.run(open_workbook(on_disk))
    saved = save_live(book, tmp_path / "saved.xlsx")
    assert_same_workbook(on_disk, saved)
    users = [r for ws in load_workbook(saved).worksheets for cf in ws.conditional_formatting for r in cf.rules if r.type == "cellIs"]
    assert len(users) == 6


def test_live_reads_values_as_excel_gives_them(tmp_path):
    """Numbers come as float, empty cells as None, dates as datetime, formulas as their value."""
    source = example(tmp_path, "da")
    date = dt.datetime(2027, 9, 1)
    edit(source, lambda wb: setattr(cell(wb, "da", "maintenance", "review_date", 0), "value", date))
    edit(source, lambda wb: setattr(cell(wb, "da", "groups", "share_pct", 0), "value", 55))
    live = LiveWorkbook(open_book(source))

    groups = live.read_table("groups")
    share = groups.headers.index(texts("da").header("groups", "share_pct"))
    assert groups.rows[0][share] == 55.0 and isinstance(groups.rows[0][share], float)
    assert any(v is None for row in groups.rows for v in row)
    assert not any(v == "" for row in groups.rows for v in row)
    plan = live.read_table("maintenance")
    review = plan.headers.index(texts("da").header("maintenance", "review_date"))
    assert plan.rows[0][review] == date

    file_groups = open_workbook(source).read_table("groups")
    assert (groups.sheet, groups.header_row, groups.first_col) == (
        file_groups.sheet,
        file_groups.header_row,
        file_groups.first_col,
    )


def _table_with_one_below(path, lang):
    """A table that has another table below it on the same sheet (growing it must move that one)."""
    gateway = open_workbook(path)
    regions = gateway._regions
    for table_key in spec.tables_by_key():
        region = gateway._find_region(table_key)
        if region and any(o.sheet == region.sheet and o.top > region.bottom for o in regions):
            return table_key
    raise AssertionError("the layout has no stacked tables")


def test_live_writes_keep_text_as_text_and_grow_tables_like_the_file_gateway(tmp_path):
    source = example(tmp_path, "en")
    table_key = _table_with_one_below(source, "en")
    on_disk, book = twins(tmp_path, source)
    headers = [texts("en").header(table_key, c.key) for c in spec.table(table_key).columns]
    tricky = ["=1+1", "+45 12 34", "-", "@home", "1/2", "0,25", "007", "TRUE", "  spaced  "]
    rows = [[tricky[(r + c) % len(tricky)] for c in range(len(headers))] for r in range(40)]
    rows[0][0] = Link("see here", CellRef(texts("en").sheet("start"), 3, 2))

    for gateway in (open_workbook(on_disk), LiveWorkbook(book)):
        gateway.write_table(table_key, headers, rows)
        gateway.write_range("step2", CellRef("ignored", 60, 30), [["=SUM(A1)", 3.5], [None, "x"]])
        gateway.commit()
    saved = save_live(book, tmp_path / "saved.xlsx")
    assert_same_workbook(on_disk, saved)

    wb = load_workbook(saved)
    texts_written = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value in tricky]
    assert set(texts_written) == set(tricky)
    assert not any(
        isinstance(c.value, str) and c.value.startswith("=1+1") and c.data_type == "f"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
    )


def test_live_adapter_refuses_a_workbook_that_is_not_a_project(tmp_path):
    from openpyxl import Workbook

    from xlplugin.domain.errors import UserError

    path = tmp_path / "Budget.xlsx"
    Workbook().save(path)
    with pytest.raises(UserError) as error:
        LiveWorkbook(open_book(path))
    assert error.value.key == "ribbon.error.not_project"
    assert "Budget.xlsx" in message(error.value, "en")


def test_many_marks_on_one_sheet_are_replaced_as_a_whole(tmp_path):
    """More marked cells than one address list holds: several rules, all removed by the next run."""
    on_disk, book = twins(tmp_path, example(tmp_path, "en"))
    sheet = texts("en").sheet("step2")
    for run in (range(1, 121), range(5, 60, 2)):
        cells = [CellRef(sheet, r, 1 + r % 4) for r in run]
        for gateway in (open_workbook(on_disk), LiveWorkbook(book)):
            gateway.set_marks(cells)
            gateway.commit()
    saved = save_live(book, tmp_path / "saved.xlsx")
    assert len(marks(saved)) == len(range(5, 60, 2))
    assert marks(saved) == marks(on_disk)


# --- Excel's behaviours the adapter relies on (issue 12), in both modes ---------------------


def test_error_cells_are_read_as_the_file_gateway_reads_them(tmp_path):
    """Windows hands xlwings COM error codes (None without err_to_str); the Mac a missing value.
    Either way the reader must see "#N/A" text, as in the file, so that its finding fires."""
    source = example(tmp_path, "da")

    def plant(wb):
        cell(wb, "da", "groups", "share_pct", 0).value = "#N/A"  # openpyxl stores an error cell
        cell(wb, "da", "groups", "share_pct", 1).value = "#DIV/0!"

    edit(source, plant)
    on_disk, book = twins(tmp_path, source)
    by_file, by_live = validate.run(open_workbook(on_disk)), validate.run(LiveWorkbook(book))
    assert found(by_live) == found(by_file)
    (tmp_path / "plain").mkdir()
    plain = validate.run(open_workbook(example(tmp_path / "plain", "da")))
    assert found(by_file) - found(plain), "the error cells are findings"
    groups = LiveWorkbook(open_book(source)).read_table("groups")
    share = groups.headers.index(texts("da").header("groups", "share_pct"))
    assert [row[share] for row in groups.rows[:2]] == ["#N/A", "#DIV/0!"]


def test_errors_xlwings_does_not_name_are_still_errors_on_windows(tmp_path):
    """xlwings 0.37.8 maps only seven COM error codes; #SPILL!, #CALC!, #GETTING_DATA … would
    arrive as large negative numbers. A formula's cached error stands in for Excel's."""
    if PLATFORM == MAC:
        pytest.skip("on the Mac xlwings reads such a cell as empty (an assumption, see the README)")
    source = example(tmp_path, "da")
    edit(source, lambda wb: setattr(cell(wb, "da", "groups", "share_pct", 0), "value", "=SEQUENCE(2)"))
    book = open_book(source)
    target = cell(book.impl.xl, "da", "groups", "share_pct", 0)
    book.impl.cached[target.parent.title][target.coordinate].value = "#SPILL!"
    groups = LiveWorkbook(book).read_table("groups")
    share = groups.headers.index(texts("da").header("groups", "share_pct"))
    assert groups.rows[0][share] == "#SPILL!"


def test_a_currency_cell_reads_as_a_number(tmp_path):
    """Windows: COM hands a currency-formatted number over as Decimal; the program gets a float."""
    source = example(tmp_path, "da")

    def money(wb):
        target = cell(wb, "da", "groups", "share_pct", 0)
        target.value = 55
        target.number_format = '#,##0.00 [$kr.-406]'

    edit(source, money)
    on_disk, book = twins(tmp_path, source)
    live = LiveWorkbook(book)
    groups = live.read_table("groups")
    share = groups.headers.index(texts("da").header("groups", "share_pct"))
    assert groups.rows[0][share] == 55.0 and type(groups.rows[0][share]) is float
    assert found(validate.run(live)) == found(validate.run(open_workbook(on_disk)))


def test_a_one_row_table_gives_its_formulas_on_both_platforms(tmp_path):
    """Range.formula of one row is flat on the Mac; the adapter reads it as one row all the same."""
    source = example(tmp_path, "en")
    on_disk = tmp_path / "one-row.xlsx"

    def one_row_with_formula(wb):
        ws, table = find_table(wb, "en", "groups")
        c1, r1, c2, _ = range_boundaries(table.ref)
        for r in range(r1 + 2, ws.max_row + 1):
            for c in range(c1, c2 + 1):
                ws.cell(row=r, column=c).value = None
        table.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r1 + 1}"
        table.autoFilter.ref = table.ref
        cell(wb, "en", "groups", "other", 0).value = "=UPPER(\"a\")"

    edit(source, one_row_with_formula)
    shutil.copyfile(source, on_disk)
    by_file = open_workbook(on_disk).read_table("groups")
    by_live = LiveWorkbook(open_book(source)).read_table("groups")
    assert len(by_live.rows) == 1
    assert by_live.formulas == by_file.formulas and by_live.formulas


def test_a_formula_showing_nothing_below_a_table_is_not_overwritten(tmp_path):
    """A formula showing "" reads as None; growing the table must see the formula (rows are
    inserted, as the file gateway does) rather than take the row for free."""
    source = example(tmp_path, "en")
    table_key = _table_with_one_below(source, "en")

    def formula_below(wb):
        ws, table = find_table(wb, "en", table_key)
        c1, _, _, r2 = range_boundaries(table.ref)
        ws.cell(row=r2 + 1, column=c1).value = '=IF(1=2,"x","")'

    edit(source, formula_below)
    on_disk, book = twins(tmp_path, source)
    headers = [texts("en").header(table_key, c.key) for c in spec.table(table_key).columns]
    rows = [[f"r{r}c{c}" for c in range(len(headers))] for r in range(30)]
    for gateway in (open_workbook(on_disk), LiveWorkbook(book)):
        gateway.write_table(table_key, headers, rows)
        gateway.commit()
    saved = save_live(book, tmp_path / "saved.xlsx")
    assert_same_workbook(on_disk, saved)
    assert '=IF(1=2,"x","")' in formulas_of(saved).values()


def test_formulas_are_written_as_dynamic_array_formulas(tmp_path):
    """Through .value (or .formula) Excel intersects a formula that returns an array
    (=@UNIQUE(...)); the adapter writes formulas through formula2."""
    source = example(tmp_path, "en")
    book = open_book(source)
    live = LiveWorkbook(book)
    sheet = texts("en").sheet("step2")
    live.write_range("step2", CellRef(sheet, 60, 30), [[Formula("=UNIQUE(A1:A5)", CellRef(sheet, 60, 30)), "=A1:A5"]])
    assert book.impl.intersected == set()
    written = book.sheets[sheet].range((60, 30))
    assert written.formula == "=UNIQUE(A1:A5)" and written.formula2 == "=UNIQUE(A1:A5)"
    assert book.sheets[sheet].range((60, 31)).value == "=A1:A5"  # text stays text


def test_internal_links_are_added_as_microsoft_documents(tmp_path):
    """Hyperlinks.Add(Anchor, Address:="", SubAddress:="'Sheet'!A1"); xlwings' add_hyperlink
    would make an external link to "#'Sheet'!A1"."""
    source = example(tmp_path, "en")
    on_disk, book = twins(tmp_path, source)
    start = texts("en").sheet("start")
    target = CellRef(start, 3, 2)
    for gateway in (open_workbook(on_disk), LiveWorkbook(book)):
        gateway.write_range("step2", CellRef("ignored", 70, 2), [[Link("see here", target)]])
        gateway.commit()
    saved = save_live(book, tmp_path / "saved.xlsx")
    assert links(saved) == links(on_disk)
    (link,) = [found for found in links(saved) if found[2] == "see here"]
    assert link[3] == f"'{start}'!B3"
    wb = load_workbook(saved)
    assert not any(c.hyperlink.target for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.hyperlink)


def test_the_engine_refuses_what_excel_refuses(tmp_path):
    """The stand-in holds the adapter to Excel's rules: ListObject.Resize and hyperlink arguments."""
    book = open_book(example(tmp_path, "en"))
    sheet, table = next((s, t) for s in book.sheets for t in s.tables)
    rng = table.range
    top, left, bottom, right = rng.row, rng.column, rng.last_cell.row, rng.last_cell.column
    with pytest.raises(ValueError, match="header"):
        table.resize(sheet.range((top + 1, left), (bottom + 1, right)))
    with pytest.raises(ValueError, match="data row"):
        table.resize(sheet.range((top, left), (top, right)))
    cell_api = sheet.range((1, 1)).api
    with pytest.raises(ValueError, match="documented"):
        if PLATFORM == MAC:
            from appscript import k as kw

            cell_api.make(at=cell_api, new=kw.hyperlink, with_properties={kw.address: "#'x'!A1"})
        else:
            cell_api.Hyperlinks.Add(Anchor=cell_api, Address="#'x'!A1")


def test_the_engine_inserts_rows_as_excel_does(tmp_path):
    """References to moved cells follow them, in every sheet; the rest stays."""
    from openpyxl import Workbook

    path = tmp_path / "refs.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"], ws["A5"], ws["B1"], ws["B2"] = 1, 5, "=A5+A1", "=SUM(A1:A10)"
    other = wb.create_sheet("Other")
    other["A1"], other["A2"] = "=Data!A5", "='Data'!$A$1"
    wb.save(path)
    book = open_book(path)
    book.sheets["Data"].range("3:4").insert("down")
    xl = book.impl.xl
    assert xl["Data"]["A7"].value == 5 and xl["Data"]["A5"].value is None
    assert (xl["Data"]["B1"].value, xl["Data"]["B2"].value) == ("=A7+A1", "=SUM(A1:A12)")
    assert (xl["Other"]["A1"].value, xl["Other"]["A2"].value) == ("=Data!A7", "='Data'!$A$1")


def test_notes_beside_the_interaction_table_move_with_their_rows_live_as_through_the_file(tmp_path):
    """Notes typed right of the interaction table (text, and a formula reading its row's ID)
    follow their rows when matching sorts the rows anew, in the open workbook as in the file."""
    from openpyxl.utils import get_column_letter, range_boundaries
    from workbooks import add_notes_and_a_resource, find_table

    lang = "da"
    on_disk, book = twins(tmp_path, example_before_matching(tmp_path, lang))
    match.run(open_workbook(on_disk))
    match.run(LiveWorkbook(book))

    def rows_of_ids(path):
        ws, table = find_table(load_workbook(path), lang, "interactions")
        left, top, _, bottom = range_boundaries(table.ref)
        return {ws.cell(row=r, column=left).value: r for r in range(top + 1, bottom + 1) if ws.cell(row=r, column=left).value}

    edit(on_disk, lambda wb: add_notes_and_a_resource(wb, lang))
    add_notes_and_a_resource(book.impl.xl, lang)
    before = rows_of_ids(on_disk)
    assert counts(match.run(open_workbook(on_disk))) == counts(match.run(LiveWorkbook(book)))
    after = rows_of_ids(on_disk)
    assert any(after.get(row_id) != r for row_id, r in before.items()), "the rows must have moved for this test to mean anything"
    saved = save_live(book, tmp_path / "saved.xlsx")
    for path in (on_disk, saved):
        wb = load_workbook(path)
        ws, table = find_table(wb, lang, "interactions")
        left, top, right, bottom = range_boundaries(table.ref)
        written = [(ws.cell(row=r, column=left).value, ws.cell(row=r, column=right + 2).value, ws.cell(row=r, column=right + 3).value)
                   for r in range(top + 1, bottom + 1) if ws.cell(row=r, column=right + 2).value]
        assert written and all(note == f"note for {row_id}" for row_id, note, _ in written), path.name
        assert [formula for _, _, formula in written] == [f"={get_column_letter(left)}{r}" for r in range(top + 1, bottom + 1)
                                                          if ws.cell(row=r, column=right + 2).value], path.name
    assert formulas_of(saved) == formulas_of(on_disk)
    assert_same_workbook(on_disk, saved)
