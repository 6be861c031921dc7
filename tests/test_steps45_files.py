"""Steps 4 and 5 on real workbooks: the file gateway (and LibreOffice and the Open XML SDK
validator where marked slow), and the live adapter in Excel for Windows and Mac mode giving
the same workbook as the file gateway."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import xlwings_engine
from conftest import ooxml_validate, soffice_convert
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from test_live_gateway import assert_same_workbook, save_live
from workbooks import cell
from xlwings_engine import MAC, WINDOWS

from xlplugin.actions import plan, platforms
from xlplugin.actions.new import example_project
from xlplugin.app import plan_file, platforms_file, validate_file
from xlplugin.gateway.builder import write_new_workbook
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.live import LiveWorkbook
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts

LANGS = ("da", "en")


def before_step4(folder: Path, lang: str) -> Path:
    """The example after step 3 (childcare and IT selected); steps 4 and 5 not started."""
    project = example_project(lang).model_copy(
        update={"platforms": [], "maintenance": [], "requirements": example_project(lang, steps=2).requirements}
    )
    path = Path(folder) / f"step3_{lang}.xlsx"
    write_new_workbook(project, lang, path)
    return path


def planner_edits(lang: str):
    """What a planner does between runs: chooses, comments, scores, adds a platform of their own."""
    t = texts(lang)

    def change(wb):
        cell(wb, lang, "platforms", "selected", 0).value = t.choice("yesno", "yes")
        cell(wb, lang, "platforms", "selected", 1).value = t.choice("yesno", "yes")
        cell(wb, lang, "platforms", "comment", 1).value = "Drøft med bestyrelsen"
        cell(wb, lang, "platforms", "score_economy", 2).value = 1.5
        cell(wb, lang, "platforms", "name", 14).value = "Vores egen idé"
        cell(wb, lang, "platforms", "type", 14).value = t.choice("platform_type", "content")

    return change


def test_platforms_and_plan_through_the_file_keep_the_planners_work(tmp_path):
    lang = "da"
    path = before_step4(tmp_path, lang)
    first = platforms_file(path)
    assert first.new == platforms.CANDIDATES_SHOWN
    wb = load_workbook(path)
    planner_edits(lang)(wb)
    wb.save(path)
    second = platforms_file(path)
    assert (second.new, second.kept_scores) == (0, 1)
    plan_file(path)
    wb = load_workbook(path)
    cell(wb, lang, "maintenance", "budget", 0).value = 12000
    cell(wb, lang, "maintenance", "startup", 0).value = "Opstartsmøde i fælleshuset"
    wb.save(path)
    again = plan_file(path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2) and again.budget == 12000
    project = read_project(open_workbook(path)).project
    assert [p.name for p in project.platforms if p.selected] == [p.name for p in project.platforms[:2]]
    assert project.platforms[1].comment == "Drøft med bestyrelsen"
    assert project.platforms[2].score_economy == 1.5
    assert project.platforms[-1].name == "Vores egen idé" and project.platforms[-1].origin.value == "manual"
    assert project.maintenance[0].startup == "Opstartsmøde i fælleshuset"
    assert [m.platform for m in project.maintenance] == [p.name for p in project.platforms[:2]]
    assert validate_file(path, write=False).findings == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_total_formula_gives_the_domains_total_in_a_spreadsheet_without_the_add_in(tmp_path, lang):
    """LibreOffice calculates the totals the action left as formulas; they equal the evaluation's,
    also after a weight is changed on the sheet; the file passes the Open XML SDK validator."""
    path = before_step4(tmp_path, lang)
    platforms_file(path)
    wb = load_workbook(path)
    keys = [cell(wb, lang, "criteria", "key", i).value for i in range(6)]
    cell(wb, lang, "criteria", "weight", keys.index("interactions")).value = 3
    cell(wb, lang, "criteria", "weight", keys.index("skills")).value = 0
    cell(wb, lang, "criteria", "name", 0).value = "Et nyt navn"  # renamed: the weight still counts
    wb.save(path)
    summary = platforms_file(path)  # the ranking with the new weights
    assert summary.unchanged < summary.total, "the weights changed the scores' order or totals"
    assert ooxml_validate(path) == []
    calculated = soffice_convert(path, "xlsx", tmp_path / "lo")
    t = texts(lang)
    table = CalamineWorkbook.from_path(str(calculated), load_tables=True).get_table_by_name(t.table("platforms"))
    rows = [r for r in table.to_python() if r[0]]
    total = table.columns.index(t.header("platforms", "total"))
    from xlplugin.actions.platforms import evaluation_of

    evaluation = evaluation_of(read_project(open_workbook(path)))
    expected = {c.platform.name: c.total for c in evaluation.candidates}
    assert rows and all(abs(float(r[total]) - expected[r[0]]) < 1e-9 for r in rows)
    shown = [r[0] for r in rows]
    assert shown[: platforms.CANDIDATES_SHOWN] == list(expected)[: platforms.CANDIDATES_SHOWN]
    assert shown == [name for name in expected if name in shown], "in rank order, earlier candidates kept"


# --- the live adapter gives the same workbook --------------------------------------------------
PLATFORM = WINDOWS


@pytest.fixture(params=[WINDOWS, MAC], ids=["windows", "mac"])
def excel_platform(request, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "PLATFORM", request.param)
    return request.param


@pytest.mark.parametrize("lang", LANGS)
def test_platforms_and_plan_live_give_what_the_file_gives(tmp_path, lang, excel_platform):
    """Twice, with the planner's edits between the runs, in both workbooks."""
    source = before_step4(tmp_path, lang)
    on_disk, in_excel = tmp_path / "file.xlsx", tmp_path / "live.xlsx"
    shutil.copyfile(source, on_disk)
    shutil.copyfile(source, in_excel)
    book = xlwings_engine.open_book(in_excel, excel_platform)
    for run in ("first", "second"):
        by_file = (platforms.run(open_workbook(on_disk)), plan.run(open_workbook(on_disk)))
        by_live = (platforms.run(LiveWorkbook(book)), plan.run(LiveWorkbook(book)))
        for file_summary, live_summary in zip(by_file, by_live):
            assert {k: v for k, v in vars(live_summary).items() if k != "saved"} == {
                k: v for k, v in vars(file_summary).items() if k != "saved"
            }
        if run == "first":
            wb = load_workbook(on_disk)
            planner_edits(lang)(wb)
            wb.save(on_disk)
            planner_edits(lang)(book.impl.xl)
    assert by_live[0].kept_scores == 1 and by_live[1].total == 2
    assert_same_workbook(on_disk, save_live(book, tmp_path / "saved.xlsx"))
