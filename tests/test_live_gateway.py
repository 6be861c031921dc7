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
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from test_validate import found, plant_mistakes
from workbooks import cell, edit, example
import xlwings_engine
from xlwings_engine import MAC, WINDOWS
from xlplugin.actions import match, validate
from xlplugin.gateway.file import MARK_FORMULA, open_workbook
from xlplugin.gateway.live import LiveWorkbook
from xlplugin.gateway.port import CellRef, Link
from xlplugin.layout import spec
from xlplugin.layout.texts import texts


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
    on_disk, book = twins(tmp_path, example(tmp_path, lang))
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

    on_disk, book = twins(tmp_path, example(tmp_path, lang))
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

    from xlplugin.errors import UserError

    path = tmp_path / "Budget.xlsx"
    Workbook().save(path)
    with pytest.raises(UserError) as error:
        LiveWorkbook(open_book(path))
    assert error.value.key == "ribbon.error.not_project"
    assert "Budget.xlsx" in error.value.message("en")


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
