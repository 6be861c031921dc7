"""Merging colleagues' copies (issue 15): ``xlplugin merge TARGET COPY …`` through the in-place
writer. The copies are edited here as a planner's Excel leaves them: cells of the real tables
changed and rows added, saved by the writer the actions use; they are only read by the merge."""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import EXCEL_MADE, REPO, ooxml_validate, soffice_convert
from fake_gateway import FakeWorkbook
from workbooks import example, message, said

from xlplugin.actions import merge
from xlplugin.actions.new import example_project
from xlplugin.app import match_file, merge_files, validate_file
from xlplugin.cli import main
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.gateway.file import open_for_reading, open_workbook
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts

pytestmark = pytest.mark.usefixtures("xml_backend")  # the writer on lxml and on the standard library


# --- a planner's edits, saved as the actions save ------------------------------------------------
def _rows(path: Path, table_key: str) -> tuple[list[Any], list[list[Any]], dict[str, int]]:
    with open_for_reading(path) as gateway:
        raw = gateway.read_table(table_key)
    assert raw is not None
    return raw.headers, [list(row) for row in raw.rows], column_indexes(raw, spec.table(table_key))


def _write(path: Path, table_key: str, headers: list[Any], rows: list[list[Any]], origins: list[int | None]) -> None:
    with open_workbook(path) as gateway:
        gateway.write_table(table_key, headers, rows, origins)
        gateway.commit()
    Path(f"{path}.bak").unlink()


def add_row(path: Path, table_key: str, values: dict[str, Any]) -> None:
    """A row typed into the table's first empty row."""
    headers, rows, index = _rows(path, table_key)
    row = [None] * len(headers)
    for key, value in values.items():
        row[index[key]] = value
    filled = [i for i, r in enumerate(rows) if any(v is not None for v in r)]
    at = filled[-1] + 1 if filled else 0
    new = [*rows[:at], row, *rows[at:]]
    _write(path, table_key, headers, new, [*range(at), None, *range(at, len(rows))])


def set_cell(path: Path, table_key: str, index: int, key: str, value: Any) -> None:
    headers, rows, columns = _rows(path, table_key)
    rows[index][columns[key]] = value
    _write(path, table_key, headers, rows, list(range(len(rows))))


def delete_row(path: Path, table_key: str, index: int) -> None:
    headers, rows, _ = _rows(path, table_key)
    kept = [i for i in range(len(rows)) if i != index]
    _write(path, table_key, headers, [rows[i] for i in kept], kept)


def set_layout(path: Path, value: str) -> None:
    """Plant another layout version in the file's custom properties (every other part as it was)."""
    import re

    parts = members(path)
    text = parts["docProps/custom.xml"].decode()
    parts["docProps/custom.xml"] = re.sub(r'(name="xlplugin.layout"[^>]*>\s*<vt:lpwstr[^>]*>)[^<]*', rf"\g<1>{value}", text).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def project_of(path: Path):
    with open_for_reading(path) as gateway:
        return read_project(gateway)


def stamp(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def conflicts(path: Path) -> list:
    return [f for f in validate_file(path, write=False).findings if f.key == "merge_conflict"]


@pytest.fixture
def target(tmp_path) -> Path:
    """The folder's example with matching run (interactions to select), as colleagues get it by e-mail."""
    path = example(tmp_path, "da", name="Projekt.xlsx")
    match_file(path)
    Path(f"{path}.bak").unlink()
    return path


def copy_of(target: Path, name: str) -> Path:
    copy = target.with_name(name)
    shutil.copyfile(target, copy)
    return copy


# --- two copies, different tables: nothing lost ---------------------------------------------------
def test_two_copies_edited_in_different_tables_merge_with_nothing_lost(target):
    t = texts("da")
    interviews = copy_of(target, "Interviews.xlsx")
    area = copy_of(target, "Lokalomraadet.xlsx")
    # colleague 1 interviews the seniors: a new group, its need, a selected interaction with a comment
    add_row(interviews, "groups", {"name": "Nye naboer", "location": t.choice("location", "building")})
    add_row(interviews, "entries", {"group": "Nye naboer", "kind": t.choice("entry_kind", "need"), "description": "Lære naboerne at kende"})
    set_cell(interviews, "interactions", 0, "selected", t.choice("yesno", "yes"))
    set_cell(interviews, "interactions", 0, "comment", "Seniorerne vil gerne")
    # colleague 2 maps the local area: a purpose, a platform, its maintenance, a catalog row, a reality check
    add_row(area, "purposes", {"purpose": "Flere møder på tværs af alder"})
    add_row(area, "platforms", {"name": "Fælleshaven", "type": t.choice("platform_type", "physical"), "comment": "Ved gavlen"})
    add_row(area, "maintenance", {"platform": "Fælleshaven", "maintainer": t.choice("maintainer", "residents")})
    add_row(area, "catalog", {"name": "Byttehylde", "type": t.choice("platform_type", "physical")})
    add_row(area, "constraints", {"constraint": "Kommunen ejer gavlen"})
    copies = {path: stamp(path) for path in (interviews, area)}
    before = project_of(target).project

    summary = merge_files(target, [interviews, area])

    assert {path: stamp(path) for path in copies} == copies  # the copies are never modified
    after = project_of(target).project
    assert len(after.groups) == len(before.groups) + 1 and after.groups[-1].name == "Nye naboer"
    assert [e.description for e in after.entries][-1] == "Lære naboerne at kende"
    assert len(after.entries) == len(before.entries) + 1
    assert after.purposes[-1].purpose == "Flere møder på tværs af alder"
    assert after.platforms[-1].name == "Fælleshaven" and after.platforms[-1].comment == "Ved gavlen"
    assert after.maintenance[-1].platform == "Fælleshaven"
    assert after.catalog[-1].name == "Byttehylde" and len(after.catalog) == len(before.catalog) + 1
    assert after.constraints[-1].constraint == "Kommunen ejer gavlen"
    # the edited interaction: the copy's version below the target's (a conflict, the target's had no comment)
    commented = [i for i in after.interactions if i.comment == "Seniorerne vil gerne"]
    assert len(commented) == 1 and commented[0].selected is True
    assert summary.count("Interviews.xlsx", "groups").added == 1
    assert summary.count("Lokalomraadet.xlsx", "platforms").added == 1
    assert summary.count("Interviews.xlsx", "interactions").conflicts == 1
    assert summary.count("Lokalomraadet.xlsx", "groups").added == 0
    same = sum(c.same for (name, _), c in summary.counts.items() if name == "Interviews.xlsx")
    assert said(summary, "da")[0] == t.format("msg.merge.copy", copy="Interviews.xlsx", added=2, conflicts=1, same=same)
    assert same == sum(len(getattr(before, f)) for f in spec.PROJECT_FIELDS.values()) - 1  # all but the interaction edited
    # the log names the copy of every row added
    log = project_log(target)
    assert ("Lokalomraadet.xlsx", t["title.catalog"], "Byttehylde", t["merge.what.added"]) in log
    assert ("Interviews.xlsx", t["title.groups"], "Nye naboer", t["merge.what.added"]) in log

    # the planner keeps the copy's interaction (deletes the target's) and re-runs match: the selection survives
    at = next(i for i, x in enumerate(after.interactions) if x.comment == "Seniorerne vil gerne")
    mine = after.interactions[at - 1]  # the target's version, right above, with the same ID
    assert mine.id == commented[0].id and mine.comment is None and mine.need == commented[0].need
    assert len(conflicts(target)) == 2
    delete_row(target, "interactions", project_of(target).locations.tables["interactions"].item_rows[at - 1] - _header_row(target, "interactions") - 1)
    assert conflicts(target) == []
    match_file(target)
    again = project_of(target).project
    kept = [i for i in again.interactions if i.comment == "Seniorerne vil gerne"]
    assert len(kept) == 1 and kept[0].selected is True
    assert any(i.groups and "Nye naboer" in i.groups for i in again.interactions)  # matched with the new group


def _header_row(path: Path, table_key: str) -> int:
    with open_for_reading(path) as gateway:
        raw = gateway.read_table(table_key)
    assert raw is not None
    return raw.header_row


def project_log(path: Path) -> list[tuple[Any, ...]]:
    with open_for_reading(path) as gateway:
        raw = gateway.read_table("merge_log")
    assert raw is not None
    index = column_indexes(raw, spec.MERGE_LOG)
    return [tuple(row[index[k]] for k in ("copy", "table", "row", "what")) for row in raw.rows if any(row)]


# --- conflicts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["da", "en"])
def test_conflicting_edits_are_both_kept_side_by_side_and_flagged_until_resolved(tmp_path, lang):
    t = texts(lang)
    target = example(tmp_path, lang, name="Target.xlsx")
    copy = copy_of(target, "Board.xlsx")
    set_cell(copy, "groups", 0, "age", "75+")
    set_cell(target, "groups", 0, "age", "70+")
    name = project_of(target).project.groups[0].name

    summary = merge_files(target, [copy])

    read = project_of(target)
    assert [g.age for g in read.project.groups[:2]] == ["70+", "75+"]  # the copy's version right below
    assert [g.name for g in read.project.groups[:2]] == [name, name]
    assert summary.conflicts == 1
    assert said(summary, lang)[-2] == t.format("msg.merge.conflicts", n=1, log_sheet=t.sheet("merge_log"))
    assert ("Board.xlsx", t["title.groups"], name, t["merge.what.conflict"]) in project_log(target)
    # validate names both versions, in the workbook's words, with where the log says more
    found = conflicts(target)
    rows = read.locations.tables["groups"].item_rows[:2]
    assert sorted(f.at.row for f in found) == rows and {f.at.sheet for f in found} == {t.sheet("step1")}
    validation = validate_file(target)
    assert any(r.startswith(t.format("finding.merge_conflict", n=2, log_row=found[0].params[0][1], log_sheet=t.sheet("merge_log"))[:20])
               for r in _findings_sheet(target, lang))
    # the planner keeps one: validate says nothing more about it
    delete_row(target, "groups", 1)
    assert conflicts(target) == []
    assert validation.lang == lang


def _findings_sheet(path: Path, lang: str) -> list[str]:
    with open_for_reading(path) as gateway:
        raw = gateway.read_table("findings")
    assert raw is not None
    return [str(row[3]) for row in raw.rows if row[3]]


def test_merging_the_same_copy_twice_changes_nothing_the_second_time(target):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "groups", {"name": "Nye naboer", "location": texts("da").choice("location", "building")})
    set_cell(copy, "groups", 0, "age", "Alle aldre")
    merge_files(target, [copy])
    merged = stamp(target)
    backup = stamp(Path(f"{target}.bak"))

    summary = merge_files(target, [copy, copy_of(target, "Samme.xlsx")])  # and the merged workbook itself as a copy

    assert not summary.changed and summary.saved.path is None
    assert stamp(target) == merged and stamp(Path(f"{target}.bak")) == backup
    assert said(summary, "da")[-1] == texts("da")["msg.merge.nothing"]


def test_the_target_parts_the_merge_does_not_own_stay_byte_identical(target):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "constraints", {"constraint": "Budgettet er skåret"})
    before = members(target)
    merge_files(target, [copy])
    after = members(target)
    with zipfile.ZipFile(target) as z:
        sheets = _sheet_parts(z)
    t = texts("da")
    owned_sheets = {sheets[t.sheet("step5")], sheets[t.sheet("merge_log")]}
    owned = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"}
    owned |= owned_sheets | {p.replace("worksheets/", "worksheets/_rels/") + ".rels" for p in owned_sheets}
    changed = {name for name in before if before[name] != after.get(name)}
    new = set(after) - set(before)
    assert changed - owned <= _tables_of(after, owned_sheets), changed - owned
    assert sheets[t.sheet("step5")] in changed
    assert all(name.startswith(("xl/worksheets/", "xl/tables/")) or name in owned for name in new), new


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    import re

    workbook = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels)) | {
        k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)
    }
    out = {}
    for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        out[name.replace("&amp;", "&")] = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
    return out


def _tables_of(parts: dict[str, bytes], sheets: set[str]) -> set[str]:
    """The table parts of the sheets (their rels name them)."""
    import re

    found = set()
    for sheet in sheets:
        rels = parts.get(sheet.replace("worksheets/", "worksheets/_rels/") + ".rels", b"").decode()
        found |= {"xl/tables/" + name for name in re.findall(r'Target="(?:\.\./|/xl/)tables/([^"]+)"', rels)}
    return found


# --- copies that cannot be merged -------------------------------------------------------------------
def test_a_copy_with_cells_that_cannot_be_read_is_refused_and_nothing_is_touched(target):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "groups", {"name": "Nye naboer", "location": "på månen"})
    before = stamp(target)
    with pytest.raises(UserError) as caught:
        merge_files(target, [copy])
    assert caught.value.key == "msg.merge.unreadable"
    assert message(caught.value, "da") == texts("da").format("msg.merge.unreadable", copy="Kopi.xlsx", n=1)
    assert stamp(target) == before and not Path(f"{target}.bak").exists()


def test_a_copy_that_breaks_the_rules_is_merged_with_a_warning(target):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "groups", {"name": "Nye naboer", "location": texts("da").choice("location", "building"), "share_pct": 90})  # the shares add up to more than 100 %
    summary = merge_files(target, [copy])
    assert summary.rule_errors == {"Kopi.xlsx": 1}
    assert texts("da").format("msg.merge.rule_errors", copy="Kopi.xlsx", n=1) in said(summary, "da")
    assert project_of(target).project.groups[-1].name == "Nye naboer"


def test_copies_of_another_layout_are_refused_with_what_to_do(target, tmp_path):
    older = tmp_path / "Gammel.xlsx"
    shutil.copyfile(REPO / "tests" / "fixtures" / "layout-1" / "Eksempel.xlsx", older)
    newer = copy_of(target, "Ny.xlsx")
    set_layout(newer, "3")
    before = stamp(target)
    for copy, key, found in ((older, "msg.merge.copy_older", 1), (newer, "msg.merge.copy_newer", 3)):
        with pytest.raises(UserError) as caught:
            merge_files(target, [copy])
        assert message(caught.value, "en") == texts("en").format(key, copy=copy.name, found=found, current=spec.LAYOUT_VERSION)
    assert "xlplugin upgrade" in texts("da")["msg.merge.copy_older"]
    # a target of an older layout: the message every action gives
    with pytest.raises(UserError) as caught:
        merge_files(older, [target])
    assert caught.value.key == "msg.layout.older"
    assert stamp(target) == before and not Path(f"{target}.bak").exists()


def test_a_file_that_is_no_project_is_refused_and_nothing_is_touched(target, tmp_path):
    stranger = tmp_path / "Budget.xlsx"
    shutil.copyfile(EXCEL_MADE / "comment01.xlsx", stranger)
    before, theirs = stamp(target), stamp(stranger)
    with pytest.raises(UserError) as caught:
        merge_files(target, [stranger])
    assert caught.value.key == "msg.not_project"
    with pytest.raises(UserError) as caught:
        merge_files(stranger, [target])
    assert caught.value.key == "msg.not_project"
    assert stamp(target) == before and stamp(stranger) == theirs
    assert not list(tmp_path.glob("*.bak"))


def test_copies_of_the_same_name_are_told_apart_by_their_folder(target, tmp_path):
    t = texts("da")
    copies = []
    for folder, constraint in (("Mette", "Kommunen ejer gavlen"), ("Ole", "Budgettet er skåret")):
        (tmp_path / folder).mkdir()
        copies.append(tmp_path / folder / "Projekt.xlsx")
        shutil.copyfile(target, copies[-1])
        add_row(copies[-1], "constraints", {"constraint": constraint})
    summary = merge_files(target, copies)
    assert summary.copies == ["Mette/Projekt.xlsx", "Ole/Projekt.xlsx"]
    log = project_log(target)
    assert ("Ole/Projekt.xlsx", t["title.constraints"], "Budgettet er skåret", t["merge.what.added"]) in log


def test_the_workbook_itself_is_no_copy(target):
    with pytest.raises(UserError) as caught:
        merge_files(target, [target])
    assert caught.value.key == "msg.merge.same_file"


def test_an_adapter_that_cannot_add_the_log_sheet_writes_nothing():
    """The open workbook in Excel (the ribbon) cannot add sheets: refused before any table is written."""
    project = example_project("da")
    book = FakeWorkbook.from_project(project)
    book.can_add_sheets = False
    other = FakeWorkbook.from_project(project.model_copy(update={"constraints": [*project.constraints, *project.constraints[:0]]}))
    other.tables["constraints"].rows.insert(0, ["Kommunen ejer gavlen", None, None, None])
    before = {key: [list(r) for r in table.rows] for key, table in book.tables.items()}
    with pytest.raises(UserError) as caught:
        merge.run(book, [("Kopi.xlsx", other)])
    assert caught.value.key == "msg.merge.no_log_sheet"
    assert {key: table.rows for key, table in book.tables.items()} == before and book.commits == 0


def test_personal_data_in_a_rows_text_is_not_copied_to_the_merge_log(target):
    t = texts("da")
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "constraints", {"constraint": "Ring til Jens på jens@example.dk om gavlen"})
    merge_files(target, [copy])
    (line,) = [row for row in project_log(target) if row[1] == t["title.constraints"]]
    assert "jens@example.dk" not in line[2] and t["privacy.removed"] in line[2]
    assert project_of(target).project.constraints[-1].constraint.endswith("om gavlen")  # the row itself as typed


def test_a_copy_in_the_other_language_is_the_same_project():
    """Rows are compared as the domain holds them (choices as codes): the English workbook of the
    same project has nothing new; its one new row is written in the target's Danish."""
    project = example_project("da")
    target = FakeWorkbook.from_project(project, "da")
    extra = project.model_copy(deep=True)
    extra.constraints.append(extra.constraints[0].model_copy(update={"constraint": "Kommunen ejer gavlen"}))
    summary = merge.run(target, [("Copy.xlsx", FakeWorkbook.from_project(extra, "en"))])
    assert summary.conflicts == 0 and sum(c.added for c in summary.counts.values()) == 1
    t = texts("da")
    rows = [r for r in target.tables["constraints"].rows if r[0] == "Kommunen ejer gavlen"]
    category = extra.constraints[0].category
    assert len(rows) == 1 and (category is None or rows[0][1] == t.choice("constraint_category", category.value))


def test_interaction_ids_two_copies_gave_to_different_rows_are_renumbered(tmp_path):
    t = texts("da")
    project = example_project("da")
    target = FakeWorkbook.from_project(project)
    copy = FakeWorkbook.from_project(project)
    target.tables["interactions"].rows.insert(0, _interaction(t, "S-50", "Fællesspisning"))
    copy.tables["interactions"].rows.insert(0, _interaction(t, "S-50", "Lektiecafé"))
    merge.run(target, [("Kopi.xlsx", copy)])
    ids = [row[0] for row in target.tables["interactions"].rows if row[0]]
    assert len(ids) == len(set(map(normalize, ids)))
    assert "S-51" in ids


def _interaction(t, row_id: str, need: str) -> list[Any]:
    headers = [c.key for c in spec.INTERACTIONS.columns]
    row: list[Any] = [None] * len(headers)
    row[headers.index("id")] = row_id
    row[headers.index("need")] = need
    row[headers.index("selected")] = t.choice("yesno", "yes")
    return row


# --- the command line -------------------------------------------------------------------------------
def test_the_command_line_says_what_came_from_where_in_danish_and_english(target, capsys):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "constraints", {"constraint": "Budgettet er skåret"})
    rows = sum(len(getattr(project_of(copy).project, f)) for f in spec.PROJECT_FIELDS.values())
    assert main(["merge", str(target), str(copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    t = texts("da")
    assert out[:2] == [
        t.format("msg.merge.copy", copy="Kopi.xlsx", added=1, conflicts=0, same=rows - 1),
        t.format("msg.merge.table", table=t["title.constraints"], added=1, conflicts=0),
    ]
    assert main(["merge", "--lang", "en", str(target), str(copy)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == texts("en")["msg.merge.nothing"]
    assert main(["merge", str(target), str(target.with_name("missing.xlsx"))]) != 0


# --- what Excel and LibreOffice make of the result ----------------------------------------------
@pytest.mark.slow
def test_the_merged_workbook_passes_the_validator_and_opens_in_libreoffice(target, tmp_path):
    copy = copy_of(target, "Kopi.xlsx")
    add_row(copy, "groups", {"name": "Nye naboer", "location": texts("da").choice("location", "building")})
    set_cell(copy, "platforms", 0, "comment", "Ændret i kopien")
    merge_files(target, [copy])
    validate_file(target)
    assert ooxml_validate(target) == []
    converted = soffice_convert(target, "xlsx", tmp_path / "lo")
    with open_for_reading(converted) as gateway:
        read = read_project(gateway)
    assert read.project.groups[-1].name == "Nye naboer"
    assert any(p.comment == "Ændret i kopien" for p in read.project.platforms)
    assert os.path.getsize(converted) > 0
