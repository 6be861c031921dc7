"""The match action on real workbook files: regeneration rules, step 2's suggestions and matrix,
nothing lost, a failed run leaves the file as it was, the command line, validator, LibreOffice."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ooxml_validate, soffice_convert
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.table import TableColumn
from python_calamine import CalamineWorkbook
from workbooks import example_before_matching, message, said

from xlplugin.actions import match as match_action
from xlplugin.app import create_workbook, match_file
from xlplugin.cli import main
from xlplugin.domain import models as m
from xlplugin.domain.errors import UserError
from xlplugin.gateway.cells import write_value
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.save import lock_file
from xlplugin.layout import spec
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words

LANGS = ("da", "en")


@pytest.fixture(params=LANGS)
def lang(request) -> str:
    return request.param


@pytest.fixture
def example(tmp_path: Path, lang: str) -> Path:
    """The folder's example before matching (the built-in example has walked all five steps)."""
    return example_before_matching(tmp_path, lang, "Eksempel.xlsx" if lang == "da" else "Example.xlsx")


# --- helpers that do what a user does in Excel -------------------------------------------------
def table_of(wb, lang: str, key: str):
    name = texts(lang).table(key)
    for ws in wb.worksheets:
        if name in ws.tables:
            return ws, ws.tables[name]
    raise KeyError(name)


def rows_as_dicts(path: Path, lang: str, key: str) -> list[dict]:
    """A table's rows as {header: value}, read back with python-calamine through the gateway."""
    raw = open_workbook(path).read_table(key)
    return [dict(zip(raw.headers, row)) for row in raw.rows if any(v is not None for v in row)]


def header(lang: str, key: str, column: str) -> str:
    return texts(lang).header(key, column)


def edit(path: Path, change) -> None:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def find_row(ws, table, column_header: str, predicate) -> int:
    left, top, right, bottom = range_boundaries(table.ref)
    headers = [ws.cell(top, c).value for c in range(left, right + 1)]
    col = left + headers.index(column_header)
    for r in range(top + 1, bottom + 1):
        if predicate(ws.cell(r, col).value):
            return r
    raise AssertionError(f"no row with {column_header}")


def set_cell(ws, table, row: int, column_header: str, value) -> None:
    """Type a value; text stays text (as Excel keeps '=... typed with an apostrophe)."""
    left, top, right, _ = range_boundaries(table.ref)
    headers = [ws.cell(top, c).value for c in range(left, right + 1)]
    write_value(ws.cell(row, left + headers.index(column_header)), value)


def add_column(ws, table, name: str) -> int:
    """Add a column at the table's right edge, as typing a header next to it does in Excel."""
    left, top, right, bottom = range_boundaries(table.ref)
    col = right + 1
    ws.cell(top, col).value = name
    table.ref = f"{get_column_letter(left)}{top}:{get_column_letter(col)}{bottom}"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=len(table.tableColumns) + 1, name=name))
    return col


def by_id(rows: list[dict], lang: str) -> dict[str, dict]:
    return {row[header(lang, "interactions", "id")]: row for row in rows if row[header(lang, "interactions", "id")]}


# --- the first run ---------------------------------------------------------------------------
def test_first_run_fills_the_interaction_sheet(example, lang):
    t = texts(lang)
    summary = match_file(example)
    rows = rows_as_dicts(example, lang, "interactions")
    assert summary.new == len(rows) == 6 and summary.updated == summary.outdated == summary.removed == 0
    status, origin = header(lang, "interactions", "status"), header(lang, "interactions", "origin")
    assert {r[status] for r in rows} == {t.choice("status", "new")}
    assert {r[origin] for r in rows} == {t.choice("origin", "generated")}
    # The reader reads the written sheet back into the same interactions, without findings there.
    read = read_project(open_workbook(example))
    assert len(read.project.interactions) == 6
    assert all(i.type is m.InteractionType.MUTUAL_RESOURCES and i.scope is m.Scope.INTERNAL for i in read.project.interactions)
    assert not [f for f in read.findings if f.sheet == t.sheet("step3")]
    # A backup of the previous file sits next to it; the summary says so, in either language.
    assert summary.saved.backup is not None and summary.saved.backup.exists()
    assert said(summary, "da")[0].startswith("6 nye samspil, 0 opdateret, 0 forældet")
    assert said(summary, "en")[0].startswith("6 new interactions, 0 updated, 0 outdated")


def test_second_run_without_changes_changes_nothing_but_the_status(example, lang):
    match_file(example)
    first = rows_as_dicts(example, lang, "interactions")
    summary = match_file(example)
    assert (summary.new, summary.updated, summary.unchanged, summary.outdated, summary.removed) == (0, 0, 6, 0, 0)
    again = rows_as_dicts(example, lang, "interactions")
    status = header(lang, "interactions", "status")
    assert [{k: v for k, v in r.items() if k != status} for r in again] == [
        {k: v for k, v in r.items() if k != status} for r in first
    ]


# --- regeneration rules ----------------------------------------------------------------------
def test_rerun_keeps_the_users_work_and_follows_the_data(example, lang):
    t = texts(lang)
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    e = lambda col: header(lang, "entries", col)  # noqa: E731
    families, seniors = ("Børnefamilier", "Seniorer") if lang == "da" else ("Families with children", "Seniors")
    it_theme = "IT og digitale færdigheder" if lang == "da" else "IT and digital skills"
    physical = "Fysisk krævende opgaver" if lang == "da" else "Physically demanding tasks"
    homework = "Lektiehjælp" if lang == "da" else "Homework help"
    social = "Social kontakt" if lang == "da" else "Social contact"
    childcare = "Børnepasning" if lang == "da" else "Childcare"
    own_column = "Ansvarlig" if lang == "da" else "Owner"
    yes = t.choice("yesno", "yes")
    match_file(example)
    ids = {r[h("theme")]: r[h("id")] for r in rows_as_dicts(example, lang, "interactions")}

    def user_work(wb):
        ws, table = table_of(wb, lang, "interactions")
        extra = add_column(ws, table, own_column)
        it_row = find_row(ws, table, h("theme"), lambda v: v == it_theme)
        set_cell(ws, table, it_row, h("selected"), yes)
        set_cell(ws, table, it_row, h("comment"), "=Tal med IT-caféen")  # text that looks like a formula
        ws.cell(it_row, extra).value = "Anna"
        social_row = find_row(ws, table, h("theme"), lambda v: v == social)
        set_cell(ws, table, social_row, h("comment"), "Spørg seniorklubben")
        # A row added by hand, below the generated ones (in the spare rows).
        manual_row = find_row(ws, table, h("id"), lambda v: v is None)
        set_cell(ws, table, manual_row, h("type"), t.choice("interaction_type", "common_third"))
        set_cell(ws, table, manual_row, h("groups"), f"{families}, {seniors}")
        set_cell(ws, table, manual_row, h("reasoning"), "Sommerfest")
        set_cell(ws, table, manual_row, h("origin"), t.choice("origin", "manual"))
        ws.cell(manual_row, extra).value = "Bo"
        # Step 2 changes: the families' IT and mobility resources are gone, a need is reworded,
        # and students join with a need for healthy food that the seniors share.
        ws, table = table_of(wb, lang, "entries")
        for theme in (it_theme, "Mobilitet og transport" if lang == "da" else "Mobility and transport"):
            row = find_row(ws, table, e("theme"), lambda v, th=theme: v == th)
            if ws.cell(row, 1).value == families:
                for c in range(1, 8):
                    ws.cell(row, c).value = None
        row = find_row(ws, table, e("theme"), lambda v: v == childcare)
        set_cell(ws, table, row, e("description"), "Hente børn i institution")
        ws_groups, groups = table_of(wb, lang, "groups")
        empty = find_row(ws_groups, groups, header(lang, "groups", "name"), lambda v: v is None)
        set_cell(ws_groups, groups, empty, header(lang, "groups", "name"), "Studerende" if lang == "da" else "Students")
        set_cell(ws_groups, groups, empty, header(lang, "groups", "location"), t.choice("location", "building"))
        food = "Mad og madlavning" if lang == "da" else "Food and cooking"
        for group, text in (("Studerende" if lang == "da" else "Students", "Sund mad"), (seniors, "Sund kost")):
            empty = find_row(ws, table, e("group"), lambda v: v is None)
            set_cell(ws, table, empty, e("group"), group)
            set_cell(ws, table, empty, e("kind"), t.choice("entry_kind", "need"))
            set_cell(ws, table, empty, e("theme"), food)
            set_cell(ws, table, empty, e("description"), text)

    edit(example, user_work)
    summary = match_file(example)
    rows = rows_as_dicts(example, lang, "interactions")
    got = by_id(rows, lang)

    # The IT row no longer follows from the data, but the user selected and commented it: kept, outdated.
    it_row = got[ids[it_theme]]
    assert it_row[h("status")] == t.choice("status", "outdated")
    assert it_row[h("selected")] == yes and it_row[h("comment")] == "=Tal med IT-caféen" and it_row[own_column] == "Anna"
    # The physically demanding tasks row no longer follows and nobody touched it: removed.
    assert ids[physical] not in got
    # The social contact row still follows, word for word: unchanged, the comment kept.
    assert got[ids[social]][h("comment")] == "Spørg seniorklubben"
    assert got[ids[social]][h("status")] == t.choice("status", "unchanged")
    # The homework row still follows, but what comes back from the families has changed.
    assert got[ids[homework]][h("status")] == t.choice("status", "updated")
    # The reworded need updates the childcare row under the same ID.
    assert got[ids[childcare]][h("status")] == t.choice("status", "updated")
    assert "Hente børn i institution" in got[ids[childcare]][h("need")]
    # New: the common solution for students and seniors around healthy food. The seniors'
    # life experience is not offered to the students' need: both groups have it, the common
    # solution says so, and life experience is a general resource on a weak link.
    new = {(r[h("type")], r[h("groups")]) for r in rows if r[h("status")] == t.choice("status", "new")}
    students = "Studerende" if lang == "da" else "Students"
    assert new == {(t.choice("interaction_type", "common_solution"), f"{seniors}, {students}")}
    # The hand-added row is untouched, including the user's own column.
    manual = [r for r in rows if r[h("origin")] == t.choice("origin", "manual")]
    assert len(manual) == 1 and manual[0][h("reasoning")] == "Sommerfest" and manual[0][own_column] == "Bo"
    assert manual[0][h("id")] is None and manual[0][h("status")] is None
    # Updated: childcare, homework and housekeeping (seniors give; the families give less back).
    assert (summary.new, summary.outdated, summary.removed, summary.updated, summary.unchanged) == (1, 1, 1, 3, 1)
    assert summary.total == len(rows)
    # The user's column is still a column of the table, after the generated ones.
    raw = open_workbook(example).read_table("interactions")
    assert raw.headers[-1] == own_column and raw.headers[: len(spec.INTERACTIONS.columns)] == [
        h(c.key) for c in spec.INTERACTIONS.columns
    ]
    # The comment that looks like a formula is still text in the file.
    wb = load_workbook(example)
    ws, table = table_of(wb, lang, "interactions")
    r = find_row(ws, table, h("id"), lambda v: v == ids[it_theme])
    left, _top, _, _ = range_boundaries(table.ref)
    comment_col = left + [c.key for c in spec.INTERACTIONS.columns].index("comment")
    assert ws.cell(r, comment_col).data_type == "s"

    # A later run that makes the IT row follow again brings it back as updated, selection intact.
    def it_back(wb):
        ws, table = table_of(wb, lang, "entries")
        empty = find_row(ws, table, e("group"), lambda v: v is None)
        set_cell(ws, table, empty, e("group"), families)
        set_cell(ws, table, empty, e("kind"), t.choice("entry_kind", "resource"))
        set_cell(ws, table, empty, e("theme"), it_theme)
        set_cell(ws, table, empty, e("description"), "IT")

    edit(example, it_back)
    match_file(example)
    back = by_id(rows_as_dicts(example, lang, "interactions"), lang)[ids[it_theme]]
    assert back[h("status")] == t.choice("status", "updated") and back[h("selected")] == yes


def test_a_receiver_added_in_step_2_keeps_the_row_and_its_choices(example, lang):
    """The seniors' homework help, selected and commented, now also meets a new group's need:
    the same row (same ID) names both receivers and keeps the planner's work; no outdated copy."""
    t = texts(lang)
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    e = lambda col: header(lang, "entries", col)  # noqa: E731
    homework = "Lektiehjælp" if lang == "da" else "Homework help"
    singles = "Enlige forsørgere" if lang == "da" else "Single parents"
    yes = t.choice("yesno", "yes")
    match_file(example)
    before = {r[h("theme")]: r for r in rows_as_dicts(example, lang, "interactions")}[homework]

    def more_receivers(wb):
        ws, table = table_of(wb, lang, "interactions")
        row = find_row(ws, table, h("theme"), lambda v: v == homework)
        set_cell(ws, table, row, h("selected"), yes)
        set_cell(ws, table, row, h("comment"), "Lektiecafé om tirsdagen")
        ws_groups, groups = table_of(wb, lang, "groups")
        empty = find_row(ws_groups, groups, header(lang, "groups", "name"), lambda v: v is None)
        set_cell(ws_groups, groups, empty, header(lang, "groups", "name"), singles)
        set_cell(ws_groups, groups, empty, header(lang, "groups", "location"), t.choice("location", "building"))
        ws, table = table_of(wb, lang, "entries")
        empty = find_row(ws, table, e("group"), lambda v: v is None)
        set_cell(ws, table, empty, e("group"), singles)
        set_cell(ws, table, empty, e("kind"), t.choice("entry_kind", "need"))
        set_cell(ws, table, empty, e("theme"), homework)
        set_cell(ws, table, empty, e("description"), "Hjælp til børnenes lektier")

    edit(example, more_receivers)
    summary = match_file(example)
    mutual = t.choice("interaction_type", "mutual_resources")
    rows = [r for r in rows_as_dicts(example, lang, "interactions") if r[h("theme")] == homework and r[h("type")] == mutual]
    assert len(rows) == 1, rows  # one row, not a new one beside an outdated one
    row = rows[0]
    assert row[h("id")] == before[h("id")]
    assert singles in row[h("groups")] and before[h("groups")].split(",")[0] in row[h("groups")]
    assert row[h("status")] == t.choice("status", "updated")
    assert row[h("selected")] == yes and row[h("comment")] == "Lektiecafé om tirsdagen"
    assert summary.outdated == 0


def test_a_deleted_generated_column_comes_back_and_the_users_columns_stay(example, lang):
    """Columns are found by header: moved or missing generated columns do not shift the user's."""
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    match_file(example)

    def rename_score(wb):
        ws, table = table_of(wb, lang, "interactions")
        left, top, right, _ = range_boundaries(table.ref)
        for c in range(left, right + 1):
            if ws.cell(top, c).value == h("score"):
                ws.cell(top, c).value = "Min score"
                table.tableColumns[c - left].name = "Min score"

    edit(example, rename_score)
    match_file(example)
    raw = open_workbook(example).read_table("interactions")
    assert "Min score" in raw.headers and raw.headers[-1] == h("score")
    rows = rows_as_dicts(example, lang, "interactions")
    assert all(isinstance(r[h("score")], float) for r in rows)


# --- the user's own formulas -------------------------------------------------------------------
IT_THEME = {"da": "IT og digitale færdigheder", "en": "IT and digital skills"}
SOCIAL_THEME = {"da": "Social kontakt", "en": "Social contact"}
FAMILIES = {"da": "Børnefamilier", "en": "Families with children"}
COMMENT_FORMULA = '="Ring til "&"Anna"'
COMMENT_TEXT = "=Tal med IT-caféen"
MANUAL_WORDS = "og sommerfest"


def formula_columns(lang: str) -> tuple[str, str]:
    return ("Valgt som tal", "Dobbelt") if lang == "da" else ("Selected as number", "Double")


def flag_formula(lang: str) -> str:
    """A structured reference to the row's own Selected cell, as Excel writes ``[@Valgt]`` in a file."""
    t = texts(lang)
    return f'=IF({t.table("interactions")}[[#This Row],[{header(lang, "interactions", "selected")}]]="{t.choice("yesno", "yes")}",1,0)'


def add_users_formulas(wb, lang: str) -> None:
    """Two columns of the user's with a formula in each generated row (one by structured
    reference, one by a relative A1 reference to the first), the social contact row selected with
    a formula as its comment, the IT row commented with text that looks like a formula."""
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    ws, table = table_of(wb, lang, "interactions")
    flag_name, double_name = formula_columns(lang)
    flag, double = add_column(ws, table, flag_name), add_column(ws, table, double_name)
    for r in rows_by_id(ws, table, lang).values():
        ws.cell(r, flag).value = flag_formula(lang)
        ws.cell(r, double).value = f"={get_column_letter(flag)}{r}*2"
    social = find_row(ws, table, h("theme"), lambda v: v == SOCIAL_THEME[lang])
    set_cell(ws, table, social, h("selected"), texts(lang).choice("yesno", "yes"))
    ws.cell(social, column_of_header(ws, table, h("comment"))).value = COMMENT_FORMULA  # a formula
    it_row = find_row(ws, table, h("theme"), lambda v: v == IT_THEME[lang])
    set_cell(ws, table, it_row, h("comment"), COMMENT_TEXT)  # text
    # A row added by hand is all the user's: a formula even in a column we generate elsewhere.
    manual = find_row(ws, table, h("id"), lambda v: v is None)
    set_cell(ws, table, manual, h("type"), texts(lang).choice("interaction_type", "common_third"))
    set_cell(ws, table, manual, h("origin"), texts(lang).choice("origin", "manual"))
    type_col = get_column_letter(column_of_header(ws, table, h("type")))
    ws.cell(manual, column_of_header(ws, table, h("reasoning"))).value = f'={type_col}{manual}&" {MANUAL_WORDS}"'


def drop_families_it(wb, lang: str) -> None:
    """The families' IT resource is gone: the IT row no longer follows and moves to the end."""
    ws, table = table_of(wb, lang, "entries")
    row = find_row(ws, table, header(lang, "entries", "theme"), lambda v: v == IT_THEME[lang])
    assert ws.cell(row, 1).value == FAMILIES[lang]
    for c in range(1, 8):
        ws.cell(row, c).value = None


def column_of_header(ws, table, name: str) -> int:
    left, top, right, _ = range_boundaries(table.ref)
    return left + [ws.cell(top, c).value for c in range(left, right + 1)].index(name)


def rows_by_id(ws, table, lang: str) -> dict[str, int]:
    _, top, _, bottom = range_boundaries(table.ref)
    id_col = column_of_header(ws, table, header(lang, "interactions", "id"))
    return {ws.cell(r, id_col).value: r for r in range(top + 1, bottom + 1) if ws.cell(r, id_col).value}


def assert_users_formulas_kept(path: Path, lang: str, outdir: Path) -> dict[str, int]:
    """The user's formulas are formulas in the rows they moved to, and LibreOffice computes them
    right; text that looks like a formula is text. Returns each generated row's sheet row."""
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    yes = texts(lang).choice("yesno", "yes")
    ws, table = table_of(load_workbook(path), lang, "interactions")
    flag, double = (column_of_header(ws, table, name) for name in formula_columns(lang))
    selected, comment, theme = (column_of_header(ws, table, h(c)) for c in ("selected", "comment", "theme"))
    rows = rows_by_id(ws, table, lang)
    assert len(rows) >= 6
    for r in rows.values():
        assert ws.cell(r, flag).data_type == ws.cell(r, double).data_type == "f"
        assert ws.cell(r, flag).value == flag_formula(lang)
        assert ws.cell(r, double).value == f"={get_column_letter(flag)}{r}*2"  # moved with its row
    by_theme = {ws.cell(r, theme).value: r for r in rows.values()}
    social, it_row = by_theme[SOCIAL_THEME[lang]], by_theme[IT_THEME[lang]]
    assert (ws.cell(social, comment).value, ws.cell(social, comment).data_type) == (COMMENT_FORMULA, "f")
    assert (ws.cell(it_row, comment).value, ws.cell(it_row, comment).data_type) == (COMMENT_TEXT, "s")
    type_col, reasoning = column_of_header(ws, table, h("type")), column_of_header(ws, table, h("reasoning"))
    origin = column_of_header(ws, table, h("origin"))
    _, top, _, bottom = range_boundaries(table.ref)
    manual = next(r for r in range(top + 1, bottom + 1) if ws.cell(r, origin).value == texts(lang).choice("origin", "manual"))
    assert manual > max(rows.values())  # hand-added rows come after the generated ones
    assert ws.cell(manual, reasoning).value == f'={get_column_letter(type_col)}{manual}&" {MANUAL_WORDS}"'

    computed = CalamineWorkbook.from_path(str(soffice_convert(path, "xlsx", outdir)))
    values = computed.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
    for r in rows.values():
        chosen = 1 if ws.cell(r, selected).value == yes else 0
        assert (values[r - 1][flag - 1], values[r - 1][double - 1]) == (chosen, 2 * chosen)
    assert ws.cell(social, selected).value == yes
    assert values[social - 1][comment - 1] == "Ring til Anna" and values[it_row - 1][comment - 1] == COMMENT_TEXT
    assert values[manual - 1][reasoning - 1] == f"{ws.cell(manual, type_col).value} {MANUAL_WORDS}"
    return rows


@pytest.mark.slow
def test_the_users_formulas_stay_formulas_and_move_with_their_rows(example, lang, tmp_path):
    match_file(example)
    edit(example, lambda wb: add_users_formulas(wb, lang))
    ws, table = table_of(load_workbook(example), lang, "interactions")
    before = rows_by_id(ws, table, lang)
    edit(example, lambda wb: drop_families_it(wb, lang))

    summary = match_file(example)
    assert summary.outdated >= 1  # the IT row (commented) and the rows nobody else touched but the formulas
    moved = assert_users_formulas_kept(example, lang, tmp_path / "first")
    assert any(moved[i] != before[i] for i in before), "the rows were re-sorted"
    match_file(example)
    assert assert_users_formulas_kept(example, lang, tmp_path / "second") == moved
    assert ooxml_validate(example) == []


def test_formulas_are_read_from_the_sheet_as_each_cell_reads_them(tmp_path):
    """Shared formulas as each of their cells reads them, escapes undone, error cells found;
    array formulas left out (written back as plain formulas they would compute something else)."""
    import zipfile

    from xlplugin.gateway.package import formula_cells

    sheet = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2+$A$1</f><v>2</v></c><c r="C2" t="str"><f>IF(A2&gt;1,"a&amp;b","")</f><v></v></c></row>
<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="4"><c r="B4"><f t="shared" si="0"/></c><c r="C4"><f t="array" ref="C4">SUM(A1:A3*2)</f><v>1</v></c><c r="D4" t="s"><v>0</v></c></row>
</sheetData></worksheet>"""
    path = tmp_path / "sheet.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    with zipfile.ZipFile(path) as archive:
        errors, formulas, _uncached = formula_cells(archive, "xl/worksheets/sheet1.xml")
    assert errors == [(2, 2, "#DIV/0!")]
    assert formulas == {
        (1, 1): "=A2*2+$A$1",
        (2, 1): "=A3*2+$A$1",
        (3, 1): "=A4*2+$A$1",
        (1, 2): '=IF(A2>1,"a&b","")',
        (2, 2): "=1/0",
    }


# --- step 2: suggestions and the matrix ---------------------------------------------------------
def test_suggested_theme_is_written_for_entries_without_a_theme(example, lang):
    e = lambda col: header(lang, "entries", col)  # noqa: E731
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    t = texts(lang)
    childcare = "Børnepasning" if lang == "da" else "Childcare"

    def clear_theme(wb):
        ws, table = table_of(wb, lang, "entries")
        row = find_row(ws, table, e("theme"), lambda v: v == childcare)
        set_cell(ws, table, row, e("theme"), None)

    edit(example, clear_theme)
    summary = match_file(example)
    entries = rows_as_dicts(example, lang, "entries")
    suggested = [(r[e("theme")], r[e("suggested_theme")]) for r in entries]
    assert suggested.count((None, childcare)) == 1
    assert all(s is None for theme, s in suggested if theme is not None)
    assert summary.suggested == 1 and any(t.header("entries", "suggested_theme") in line for line in said(summary, lang))
    row = next(r for r in rows_as_dicts(example, lang, "interactions") if r[h("theme")] == childcare)
    assert t["reason.suggested"].split("{")[0] in row[h("caution")]  # a thing to check, not a reason


def test_an_uncertain_suggestion_is_shown_as_a_question_and_its_row_named(example, lang):
    e = lambda col: header(lang, "entries", col)  # noqa: E731
    t = texts(lang)
    homework = "Lektiehjælp" if lang == "da" else "Homework help"
    tie = "Lektier og madlavning" if lang == "da" else "Homework and cooking"
    at = {}

    def blur(wb):
        ws, table = table_of(wb, lang, "entries")
        row = find_row(ws, table, e("theme"), lambda v: v == homework)
        set_cell(ws, table, row, e("theme"), None)
        set_cell(ws, table, row, e("description"), tie)
        at["row"] = row

    edit(example, blur)
    summary = match_file(example)
    entry = next(r for r in rows_as_dicts(example, lang, "entries") if r[e("description")] == tie)
    assert entry[e("suggested_theme")].endswith("?") and summary.suggested == 0 and summary.unsure_rows == [at["row"]]
    assert t.format("msg.match.unsure", n=1, sheet=t.sheet("step2"), rows=at["row"]) in said(summary, lang)
    assert homework not in {r[header(lang, "interactions", "theme")] for r in rows_as_dicts(example, lang, "interactions")}


def test_matrix_is_written_in_its_area_and_nothing_outside_it_changes(example, lang):
    t = texts(lang)
    raw = open_workbook(example).read_table("entries")
    anchor = match_action.matrix_anchor(raw)
    rows, cols = spec.MATRIX.rows, spec.MATRIX.cols
    outside = [(anchor.row + rows, anchor.col), (anchor.row, anchor.col + cols), (anchor.row - 1, anchor.col)]
    stale = (anchor.row + 3, anchor.col + 5)  # inside the area: a left-over of an earlier, bigger matrix

    def user_cells(wb):
        ws = wb[t.sheet("step2")]
        for r, c in outside:
            ws.cell(r, c).value = f"mine {r},{c}"
        ws.cell(*stale).value = "old group column"

    edit(example, user_cells)
    summary = match_file(example)
    assert summary.matrix_at == anchor
    wb = load_workbook(example)
    ws = wb[t.sheet("step2")]
    for r, c in outside:
        assert ws.cell(r, c).value == f"mine {r},{c}"
    assert ws.cell(*stale).value is None
    assert ws.cell(anchor.row, anchor.col).value == t["matrix.title"]
    families, seniors = ("Børnefamilier", "Seniorer") if lang == "da" else ("Families with children", "Seniors")
    assert [ws.cell(anchor.row + 2, anchor.col + j).value for j in range(3)] == [t["matrix.corner"], families, seniors]
    assert ws.cell(anchor.row + 3, anchor.col).value == t["matrix.row.need"]
    social = "Social interaktion" if lang == "da" else "Social interaction"
    column = [ws.cell(anchor.row + 3 + i, anchor.col + 2).value for i in range(4)]
    assert social in column
    # The matrix sits right of the entries table with one empty column between.
    assert anchor.col == raw.first_col + len(raw.headers) + 1


# --- the workbook's own vocabulary ---------------------------------------------------------------
def test_the_workbooks_theme_links_are_used(example, lang):
    h = lambda col: header(lang, "interactions", col)  # noqa: E731
    lambda col: header(lang, "theme_links", col)
    childcare, time = ("Børnepasning", "Ledig og fleksibel tid") if lang == "da" else ("Childcare", "Free and flexible time")

    def switch_off(wb):
        ws, table = table_of(wb, lang, "theme_links")
        left, top, right, bottom = range_boundaries(table.ref)
        strength = next(c for c in range(left, right + 1) if ws.cell(top, c).value == header(lang, "theme_links", "strength"))
        for r in range(top + 1, bottom + 1):
            if ws.cell(r, left).value == time and ws.cell(r, left + 1).value == childcare:
                ws.cell(r, strength).value = 0

    edit(example, switch_off)
    summary = match_file(example)
    assert not summary.package_tables
    row = next(r for r in rows_as_dicts(example, lang, "interactions") if r[h("theme")] == childcare)
    assert time not in row[h("resource")]


def test_a_workbook_without_the_links_table_uses_the_built_in_links(example, lang):
    t = texts(lang)
    h = lambda col: header(lang, "interactions", col)  # noqa: E731

    def remove_links(wb):
        ws, table = table_of(wb, lang, "theme_links")
        left, top, right, bottom = range_boundaries(table.ref)
        del ws.tables[table.name]
        for r in range(top - 2, bottom + 1):
            for c in range(left, right + 1):
                ws.cell(r, c).value = None

    edit(example, remove_links)
    summary = match_file(example)
    assert summary.package_tables == ["theme_links"]
    assert any(t["msg.match.what.theme_links"] in line for line in said(summary, lang))
    childcare = "Børnepasning" if lang == "da" else "Childcare"
    assert any(r[h("theme")] == childcare for r in rows_as_dicts(example, lang, "interactions"))


# --- nothing lost when it fails ----------------------------------------------------------------
def test_failed_runs_leave_the_file_byte_for_byte_unchanged(example, lang, monkeypatch):
    before = example.read_bytes()
    lock = lock_file(example)
    lock.write_bytes(b"")
    with pytest.raises(UserError) as err:
        match_file(example)
    assert err.value.key == "msg.file_locked"
    lock.unlink()
    assert example.read_bytes() == before

    def defect(*_args, **_kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr(match_action, "match", defect)
    with pytest.raises(UserError) as err:
        match_file(example)
    assert err.value.key == "msg.match.failed" and "ZeroDivisionError" in message(err.value, lang)
    assert example.read_bytes() == before


def test_a_missing_interaction_table_is_a_clear_message(example, lang):
    def remove(wb):
        ws, table = table_of(wb, lang, "interactions")
        del ws.tables[table.name]
        left, top, right, bottom = range_boundaries(table.ref)
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                ws.cell(r, c).value = None

    edit(example, remove)
    before = example.read_bytes()
    with pytest.raises(UserError) as err:
        match_file(example)
    assert err.value.key == "msg.table_missing"
    assert texts(lang).sheet("step3") in message(err.value, lang)
    assert example.read_bytes() == before


# --- command line ----------------------------------------------------------------------------
def test_cli_prints_the_summary_in_the_chosen_language(example, lang, capsys):
    assert main(["match", str(example)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("6 nye samspil, 0 opdateret, 0 forældet")
    assert main(["match", str(example), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("0 new interactions, 0 updated, 0 outdated, 0 removed and 6 unchanged")


def test_cli_failure_is_a_message_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "findes-ikke.xlsx"
    assert main(["match", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "findes-ikke.xlsx" in err and "Traceback" not in err
    not_a_workbook = tmp_path / "data.xlsx"
    not_a_workbook.write_text("a;b\n1;2\n", encoding="utf-8")
    before = not_a_workbook.read_bytes()
    assert main(["--lang", "en", "match", str(not_a_workbook)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not_a_workbook.read_bytes() == before


# --- real tools -------------------------------------------------------------------------------
@pytest.mark.slow
def test_matched_workbook_passes_the_validator_and_libreoffice(example, lang, tmp_path):
    match_file(example)
    assert ooxml_validate(example) == []
    pdf = soffice_convert(example, "pdf", tmp_path / "pdf")
    assert pdf.stat().st_size > 10_000


def test_generated_text_stays_within_the_columns_limits():
    """However long the entries, a generated cell never exceeds what the layout allows."""
    from xlplugin.domain.matching import MatchResult, Proposal
    from xlplugin.domain.phrases import Many, Phrase
    from xlplugin.domain.port import RawTable

    t = texts("da")
    headers = [t.header("interactions", c.key) for c in spec.INTERACTIONS.columns]
    raw = RawTable("interactions", t.table("interactions"), t.sheet("step3"), 7, 1, headers, [])
    huge = Proposal(
        key="ABCDEF12", type=m.InteractionType.COMMON_SOLUTION, groups="A, B", need="x" * 9000, resource=None,
        theme="T", scope=m.Scope.INTERNAL, link=None, score=3.0, points=Phrase.of("reason.maybe", theme="p" * 9000),
        reasoning=Many(["y" * 9000], separator=" "), caution=None, purposes=None,
    )
    summary = match_action.MatchSummary("da")
    _, rows = match_action.merge_interactions(raw, MatchResult([huge], []), "da", summary)
    for column, value in zip(spec.INTERACTIONS.columns, rows[0]):
        assert value is None or not isinstance(value, str) or len(value) <= column.max_length
    assert rows[0][[c.key for c in spec.INTERACTIONS.columns].index("reasoning")].endswith("…")


@pytest.mark.slow
def test_a_blank_workbook_is_left_as_it_was_with_a_hint(tmp_path, lang):
    t = texts(lang)
    path = tmp_path / "blank.xlsx"
    create_workbook(path, lang)
    before = path.read_bytes()
    with pytest.raises(UserError) as refused:
        match_file(path)
    assert Words(lang)(refused.value.phrase) == t.format("msg.match.no_entries", table=t.table("entries"), sheet=t.sheet("step2"))
    assert path.read_bytes() == before, "nothing to match: the file is left as it was"


# --- readable IDs, kept by the row's identity; workbooks of the first version (fast, in memory) ---
def _book(lang: str, project: m.Project | None = None):
    from fake_gateway import FakeWorkbook

    from xlplugin.actions.new import example_project

    return FakeWorkbook.from_project(project or example_project(lang, steps=2), lang)


def test_ids_are_readable_unique_and_kept_when_rows_come_and_go(lang):
    from xlplugin.actions.new import example_project

    book = _book(lang)
    match_action.run(book)
    ids = book.column("interactions", "id")
    assert ids == [f"S-{i:02d}" for i in range(1, len(ids) + 1)]
    themes = dict(zip(book.column("interactions", "theme"), ids))
    # Drop one opportunity's need and add another group's: the rest keep their IDs, the new
    # row gets the next number, never one in use.
    project = example_project(lang, steps=2)
    it = "IT og digitale færdigheder" if lang == "da" else "IT and digital skills"
    project.entries = [e for e in project.entries if not (e.kind is m.EntryKind.NEED and e.theme == it)]
    students = "Studerende" if lang == "da" else "Students"
    food = "Mad og madlavning" if lang == "da" else "Food and cooking"
    project.groups.append(m.ResidentGroup(name=students))
    seniors = project.groups[1].name
    project.entries += [m.Entry(group=g, kind=m.EntryKind.NEED, theme=food, description="Sund mad") for g in (students, seniors)]
    fresh = _book(lang, project)
    fresh.tables["interactions"] = book.tables["interactions"]
    match_action.run(fresh)
    after = dict(zip(fresh.column("interactions", "theme"), fresh.column("interactions", "id")))
    assert all(after[theme] == id_ for theme, id_ in themes.items() if theme != it) and it not in after
    assert after[food] == f"S-{len(ids) + 1:02d}"
    assert len(set(after.values())) == len(after)


def test_a_first_version_workbook_keeps_its_selections_under_new_ids(lang):
    """Rows with the old hex IDs are found by them: the user's choices stay, the ID becomes readable."""
    from xlplugin.domain.matching import interaction_id

    t = texts(lang)
    book = _book(lang)
    match_action.run(book)
    groups, themes = book.column("interactions", "groups"), book.column("interactions", "theme")
    for i, (g, theme) in enumerate(zip(groups, themes)):  # what version 1 wrote: hex IDs, other groups text
        giver, receiver = g.split(" → ")
        book.set("interactions", i, "id", interaction_id(m.InteractionType.MUTUAL_RESOURCES, giver, receiver, theme))
        book.set("interactions", i, "groups", f"{giver}->{receiver}")
    book.set("interactions", 2, "selected", t.choice("yesno", "yes"))
    book.set("interactions", 2, "comment", "Valgt i 2025")
    summary = match_action.run(book)
    assert summary.new == 0 and summary.removed == 0
    assert book.column("interactions", "comment")[2] == "Valgt i 2025"
    assert book.column("interactions", "selected")[2] == t.choice("yesno", "yes")
    assert all(i.startswith("S-") for i in book.column("interactions", "id"))


def test_a_group_name_with_a_comma_gives_rows_that_validate_clean():
    from xlplugin.actions import validate
    from xlplugin.actions.new import example_project

    lang = "da"
    project = example_project(lang, steps=2)
    old, new = project.groups[0].name, "Familier med børn, 0-6 år"
    project.groups[0].name = new
    for e in project.entries:
        if e.group == old:
            e.group = new
    food = "Mad og madlavning"
    project.entries += [m.Entry(group=g.name, kind=m.EntryKind.INTEREST, theme=food, description="Mad") for g in project.groups]
    book = _book(lang, project)
    match_action.run(book)
    assert f"{new}, {project.groups[1].name}" in book.column("interactions", "groups")
    result = validate.run(book, write=False)
    step3 = texts(lang).sheet("step3")
    assert not [f for f in result.findings if f.key == "group_unknown_in_list" and f.at.sheet == step3]


def test_form_and_scope_have_a_dropdown_for_rows_the_user_adds():
    assert spec.INTERACTIONS.column("type").dropdown and spec.INTERACTIONS.column("scope").dropdown
    assert spec.INTERACTIONS.column("type").list_key == "interaction_type"


def test_step_3_prints_on_landscape_a4():
    from xlplugin.gateway.builder import column_widths
    from xlplugin.gateway.style import A4_PRINT_WIDTH

    assert sum(column_widths(spec.sheet("step3"))) <= A4_PRINT_WIDTH


def test_the_matrix_stays_where_an_older_workbook_has_it():
    """A workbook made before step 2 had the resource's nature: its matrix is not moved."""
    from xlplugin.domain.port import RawTable

    t = texts("da")
    headers = [t.header("entries", c.key) for c in spec.ENTRIES.columns]
    new = RawTable("entries", t.table("entries"), t.sheet("step2"), 7, 1, headers, [])
    old = RawTable("entries", t.table("entries"), t.sheet("step2"), 7, 1, [h for h in headers if h != t.header("entries", "nature")], [])
    assert match_action.matrix_anchor(new).col == len(spec.ENTRIES.columns) + 2
    assert match_action.matrix_anchor(old).col == len(spec.ENTRIES.columns) + 1
