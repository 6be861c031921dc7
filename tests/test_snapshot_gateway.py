"""The snapshot gateway (the Office.js add-in's adapter) against the file gateway: the same
actions on the same workbook give the same findings and summaries, and the plan of Excel
operations, applied as the add-in applies it, gives the workbook the file gateway writes
(values, tables, links, marks).

The snapshot is made from the file as the add-in's JavaScript reads it from Excel
(``xlplugin.gateway.snapshot_file``) and goes through JSON both ways, as it does in the browser.
"""
from __future__ import annotations

import dataclasses
import json
import shutil

import pytest
from openpyxl.comments import Comment
from plan_model import Model
from test_validate import found, plant_mistakes
from workbooks import cell, edit, example, example_before_matching

from xlplugin.actions import match, plan, platforms, validate
from xlplugin.domain.errors import UserError
from xlplugin.domain.port import CellRef, Link, Saved
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.snapshot import SnapshotWorkbook, parse_range, range_address
from xlplugin.gateway.snapshot_file import snapshot_of_file
from xlplugin.layout import spec
from xlplugin.layout.texts import texts

CPR = "010203-1234"
# Integration tests: whole workbooks through both adapters, a few seconds each.
pytestmark = pytest.mark.slow


def through_json(value):
    return json.loads(json.dumps(value, ensure_ascii=False))


def run_both(tmp_path, source, action):
    """The action through the file gateway (on a copy) and through the snapshot gateway."""
    on_disk = tmp_path / "by_file.xlsx"
    shutil.copyfile(source, on_disk)
    by_file = action(open_workbook(on_disk))
    gateway = SnapshotWorkbook(through_json(snapshot_of_file(source)))
    by_snapshot = action(gateway)
    applied = Model.of_file(source).apply(through_json(gateway.plan()))
    return by_file, by_snapshot, applied, Model.of_file(on_disk)


def assert_same_workbook(applied: Model, written: Model):
    assert applied.tables == written.tables
    assert applied.links == written.links
    assert applied.marks == written.marks
    assert applied.cells == written.cells
    assert applied.sheets == written.sheets
    assert applied.names == written.names


def plant_hostile(path, lang):
    """Personal data outside the tables and in a comment, a control character and a CPR number in
    a step-2 description, a zero-width space in a group name."""
    t = texts(lang)

    def change(wb):
        wb[t.sheet("step2")]["AZ70"] = "jens@example.dk"
        wb[t.sheet("themes")]["H40"].comment = Comment(f"Borger {CPR}", "someone")
        cell(wb, lang, "entries", "description", 0).value = f"Hjælp_x0007_til at hente {CPR} børn"
        first = cell(wb, lang, "groups", "name", 0)
        cell(wb, lang, "groups", "name", 2).value = first.value[:2] + "\u200b" + first.value[2:]

    edit(path, change)
    return path


SOURCES = {
    "example": lambda tmp, lang: example(tmp, lang),
    "blank": lambda tmp, lang: example(tmp, lang, blank=True),
    "planted": lambda tmp, lang: (lambda p: (plant_mistakes(p, lang), p)[1])(example(tmp, lang)),
    "hostile": lambda tmp, lang: plant_hostile(example(tmp, lang), lang),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("source", list(SOURCES))
def test_validate_through_the_snapshot_gives_what_the_file_gateway_gives(tmp_path, lang, source):
    path = SOURCES[source](tmp_path, lang)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, validate.run)
    assert by_snapshot.lang == by_file.lang == lang
    assert found(by_snapshot) == found(by_file)
    assert by_snapshot.project == by_file.project
    assert by_snapshot.saved.path is None
    assert_same_workbook(applied, written)
    if source in ("planted", "hostile"):
        assert written.marks, "mistakes leave marks"
        assert written.links, "findings link to their cells"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_match_on_a_blank_workbook_is_refused_alike_and_nothing_is_written(tmp_path, lang):
    path = SOURCES["blank"](tmp_path, lang)
    before = path.read_bytes()
    gateway = SnapshotWorkbook(through_json(snapshot_of_file(path)))
    with pytest.raises(UserError) as by_file:
        match.run(open_workbook(path))
    with pytest.raises(UserError) as by_snapshot:
        match.run(gateway)
    assert by_file.value.key == by_snapshot.value.key == "msg.match.no_entries"
    assert path.read_bytes() == before
    assert gateway.plan()["ops"] == []


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("source", ["before-matching", "example", "hostile"])
def test_match_through_the_snapshot_gives_what_the_file_gateway_gives(tmp_path, lang, source):
    path = example_before_matching(tmp_path, lang) if source == "before-matching" else SOURCES[source](tmp_path, lang)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, match.run)
    assert (by_snapshot.new, by_snapshot.unchanged) == (by_file.new, by_file.unchanged)
    assert_same_workbook(applied, written)
    if source == "before-matching":
        assert by_file.new > 0


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("action", [platforms.run, plan.run], ids=["platforms", "plan"])
def test_steps_4_and_5_through_the_snapshot_give_what_the_file_gateway_gives(tmp_path, lang, action):
    by_file, by_snapshot, applied, written = run_both(tmp_path, example(tmp_path, lang), action)
    assert by_snapshot.saved == Saved() and by_file.saved.path is not None
    assert dataclasses.replace(by_snapshot, saved=by_file.saved) == by_file
    assert_same_workbook(applied, written)


def test_the_plan_is_small_json_and_names_its_format(tmp_path):
    path = plant_hostile(example(tmp_path, "da"), "da")
    gateway = SnapshotWorkbook(snapshot_of_file(path))
    validate.run(gateway)
    planned = gateway.plan()
    assert (planned["format"], planned["version"], planned["lang"]) == ("xlplugin.plan", 2, "da")
    assert {op["op"] for op in planned["ops"]} <= {"insert_rows", "resize_table", "clear_links", "write", "clear", "marks"}
    assert len(json.dumps(planned)) < 50_000


def test_a_snapshot_of_another_version_or_of_no_project_is_refused_in_words():
    with pytest.raises(UserError) as refused:
        SnapshotWorkbook({"format": "xlplugin.snapshot", "version": 99})
    assert refused.value.key == "msg.snapshot.unsupported"
    with pytest.raises(UserError) as refused:
        SnapshotWorkbook({"format": "xlplugin.snapshot", "version": 2, "sheets": [{"name": "Ark1", "values": [["x"]]}]})
    assert refused.value.key == "msg.snapshot.not_project"


def test_dates_arrive_as_serial_numbers_and_are_read_as_dates(tmp_path):
    snap = snapshot_of_file(example(tmp_path, "da"))
    assert any(fmt == "yyyy-mm-dd" for sheet in snap["sheets"] for _, fmt in sheet["number_formats"])
    json.dumps(snap)  # nothing but JSON
    by_snapshot = validate.run(SnapshotWorkbook(through_json(snap)), write=False)
    by_file = validate.run(open_workbook(example(tmp_path, "da", name="again.xlsx")), write=False)
    assert by_snapshot.project == by_file.project


@pytest.mark.parametrize("address", ["A1", "B7:D9", "AB12:AC300", "$C$3:$D$4"])
def test_range_addresses_round_trip(address):
    top, left, bottom, right = parse_range(address)
    assert range_address(top + 1, left + 1, bottom + 1, right + 1) == address.replace("$", "")


def _stacked_tables(path):
    """A table with another table below it on the same sheet (growing it must move that one)."""
    gateway = open_workbook(path)
    try:
        for table_key in spec.tables_by_key():
            region = gateway._find_region(table_key)
            if region is None:
                continue
            below = [o for o in gateway._regions if o.sheet == region.sheet and o.top > region.bottom]
            if below:
                lower = min(below, key=lambda o: o.top)
                return table_key, next(k for k in spec.tables_by_key() if gateway._find_region(k) == lower)
    finally:
        gateway.close()
    raise AssertionError("the layout has no stacked tables")


def test_growing_a_table_into_the_one_below_moves_it_as_the_file_gateway_does(tmp_path):
    """Grow a table into the table below (rows are inserted), then write that table (found where
    it moved to, and shrunk), and a block of values and formulas outside the tables."""
    source = example(tmp_path, "en")
    upper, lower = _stacked_tables(source)
    tricky = ["=1+1", "+45 12 34", "-", "@home", "1/2", "0,25", "007", "TRUE", "  spaced  "]

    def write(gateway):
        for key, n in ((upper, 40), (lower, 1)):
            headers = [texts("en").header(key, c.key) for c in spec.table(key).columns]
            rows = [[tricky[(r + c) % len(tricky)] for c in range(len(headers))] for r in range(n)]
            rows[0][0] = Link("see here", CellRef(texts("en").sheet("start"), 3, 2))
            gateway.write_table(key, headers, rows)
        gateway.write_range("step2", CellRef("ignored", 60, 30), [["=SUM(A1)", 3.5], [None, "x"]])
        return gateway.commit()

    gateway = SnapshotWorkbook(snapshot_of_file(source))
    write(gateway)
    ops = [op["op"] for op in gateway.plan()["ops"]]
    assert ops.count("insert_rows") == 1 and "clear" in ops
    _, _, applied, written = run_both(tmp_path, source, write)
    assert_same_workbook(applied, written)
    assert applied.tables != Model.of_file(source).tables


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("source", ["example", "planted"])
def test_overview_through_the_snapshot_gives_what_the_file_gateway_gives(tmp_path, lang, source):
    """The add-in's Opdatér overblik: the key figures written as the file gateway writes them
    (the Overblik sheet's charts read those cells, in Excel as in the file)."""
    from xlplugin.actions import overview

    path = SOURCES[source](tmp_path, lang)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, overview.run)
    assert by_snapshot.phrases() == by_file.phrases()[:-1]  # the file's also says where it was saved
    assert by_snapshot.saved.path is None and by_file.saved.path is not None
    assert_same_workbook(applied, written)


def test_notes_beside_the_interaction_table_move_with_their_rows_as_in_the_file(tmp_path):
    """Notes typed right of step 3's table (a text and a formula reading its row's ID) move with
    their row when matching sorts the rows anew: the add-in's plan does what the file gateway does."""
    from workbooks import add_notes_and_a_resource

    from xlplugin.app import match_file

    path = example(tmp_path, "da")
    match_file(path)
    t = texts("da")

    edit(path, lambda wb: add_notes_and_a_resource(wb, "da"))
    before = Model.of_file(path)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, match.run)
    assert (by_snapshot.new, by_snapshot.updated) == (by_file.new, by_file.updated)
    assert_same_workbook(applied, written)
    sheet = t.sheet("step3")
    placed = {k: v for k, v in applied.cells.items() if k[0] == sheet and isinstance(v, str) and v.startswith("note for ")}
    assert placed and len(placed) == sum(1 for k, v in before.cells.items() if k[0] == sheet and str(v).startswith("note for "))
    left = min(c for (s, _, c), v in applied.cells.items() if s == sheet and v == t.header("interactions", "id"))
    for (_, r, _), note in placed.items():
        assert note == f"note for {applied.cells[(sheet, r, left)]}"  # beside its own row
    assert {k: v for k, v in placed.items()} != {k: v for k, v in before.cells.items() if k in placed}, "rows must have moved"


def _without(sheet_key):
    def change(path, lang):
        edit(path, lambda wb: wb.remove(wb[texts(lang).sheet(sheet_key)]))
        return path
    return change


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("sheet_key", ["findings", "lists"])
def test_validate_puts_back_a_deleted_findings_or_lists_sheet_as_the_file_gateway_does(tmp_path, lang, sheet_key):
    """The add-in's plan adds the sheet (hidden for the lists, at its place, with its table or
    its names) and writes it as the file gateway grafts and writes it."""
    path = _without(sheet_key)(example(tmp_path, lang), lang)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, validate.run)
    restored = {"findings": "findings_restored", "lists": "lists_restored"}[sheet_key]
    assert restored in {f.key for f in by_file.findings}
    assert found(by_snapshot) == found(by_file)
    assert_same_workbook(applied, written)
    name = texts(lang).sheet(sheet_key)
    assert (name, sheet_key != "lists") in applied.sheets
    assert applied.sheets != Model.of_file(path).sheets


@pytest.mark.parametrize("lang", ["da", "en"])
def test_validate_makes_a_damaged_lists_sheet_anew_in_its_place(tmp_path, lang):
    """The lists' names broken (pointing nowhere): the sheet is made anew where it is."""
    path = example(tmp_path, lang)
    edit(path, lambda wb: wb.defined_names.__setitem__(next(iter(wb.defined_names)), type(next(iter(wb.defined_names.values())))(
        name=next(iter(wb.defined_names)), attr_text="#REF!")))
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, validate.run)
    assert "lists_restored" in {f.key for f in by_file.findings}
    assert found(by_snapshot) == found(by_file)
    assert any(op["op"] == "add_sheet" and op["replace"] for op in by_snapshot_plan(path))
    assert_same_workbook(applied, written)


def by_snapshot_plan(path):
    gateway = SnapshotWorkbook(through_json(snapshot_of_file(path)))
    validate.run(gateway)
    return gateway.plan()["ops"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_overview_adds_the_overview_sheet_as_the_file_gateway_does_but_its_charts(tmp_path, lang):
    from xlplugin.actions import overview
    from xlplugin.layout import overview as lo

    path = _without(lo.SHEET_KEY)(example(tmp_path, lang), lang)
    by_file, by_snapshot, applied, written = run_both(tmp_path, path, overview.run)
    assert by_file.added and by_snapshot.added
    assert by_snapshot.phrases() == by_file.phrases()[:-1]
    assert_same_workbook(applied, written)
    assert applied.sheets[1] == (texts(lang).sheet(lo.SHEET_KEY), True)


def test_the_add_ins_overview_adds_the_sheet_and_says_its_charts_are_not_drawn(tmp_path):
    from xlplugin import browser

    path = _without("overview")(example(tmp_path, "da"), "da")
    answer = json.loads(browser.press("overview", json.dumps(snapshot_of_file(path)), "da", page="https://host/index.html"))
    assert answer["ok"], answer
    assert [op["sheet"] for op in answer["plan"]["ops"] if op["op"] == "add_sheet"] == [texts("da").sheet("overview")]
    assert "https://host/index.html" in answer["lines"][-1] and "diagram" in answer["lines"][-1]


def _colleagues_copies(folder, lang="da"):
    """The example after matching and two colleagues' copies of it: new rows in one, an edited
    interaction (a conflict) in the other."""
    from test_merge import add_row, copy_of, set_cell

    from xlplugin.app import match_file

    target = example(folder, lang, name="Projekt.xlsx")
    match_file(target)
    t = texts(lang)
    interviews, area = copy_of(target, "Interviews.xlsx"), copy_of(target, "Lokalomraadet.xlsx")
    add_row(interviews, "groups", {"name": "Nye naboer", "location": t.choice("location", "building")})
    set_cell(interviews, "interactions", 0, "comment", "Seniorerne vil gerne")
    add_row(area, "platforms", {"name": "Fælleshaven", "type": t.choice("platform_type", "physical")})
    return target, [interviews, area]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_merge_through_the_snapshot_adds_the_log_sheet_and_gives_what_the_file_gateway_gives(tmp_path, lang):
    """The add-in's Flet kopier: the copies read by the file gateway, the open workbook through
    the snapshot; the merge log sheet added by the plan, the tables written as in the file. A
    second merge of the same copies (the log sheet there now) changes nothing."""
    import datetime as dt

    from xlplugin.actions import merge
    from xlplugin.gateway.file import open_for_reading

    target, copies = _colleagues_copies(tmp_path, lang)
    stamps = [c.read_bytes() for c in copies]
    now = dt.datetime(2027, 6, 1, 8, 30)

    def run(gateway):
        opened = [(c.name, open_for_reading(c)) for c in copies]
        try:
            return merge.run(gateway, opened, now=now)
        finally:
            for _, book in opened:
                book.close()

    by_file, by_snapshot, applied, written = run_both(tmp_path, target, run)
    assert by_snapshot.phrases() == by_file.phrases()[:-1]
    assert_same_workbook(applied, written)
    log = texts(lang).sheet("merge_log")
    assert log in [s for s, _ in applied.sheets] and log not in [s for s, _ in Model.of_file(target).sheets]
    assert [c.read_bytes() for c in copies] == stamps
    again = SnapshotWorkbook(through_json(snapshot_of_file(tmp_path / "by_file.xlsx")))
    run(again)
    assert again.plan()["ops"] == []


def test_the_add_ins_merge_answers_with_the_plan_and_the_summary(tmp_path):
    from xlplugin import browser

    target, copies = _colleagues_copies(tmp_path)
    answer = json.loads(browser.press_merge(json.dumps(snapshot_of_file(target)), json.dumps([str(c) for c in copies]), "da"))
    assert answer["ok"], answer
    assert any(op["op"] == "add_sheet" and op["sheet"] == texts("da").sheet("merge_log") for op in answer["plan"]["ops"])
    assert any("Interviews.xlsx" in line for line in answer["lines"])
    refused = json.loads(browser.press_merge(json.dumps(snapshot_of_file(target)), json.dumps([]), "da"))
    assert not refused["ok"] and "Traceback" not in refused["message"]
