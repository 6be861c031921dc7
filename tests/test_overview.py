"""The Overblik / Overview sheet (issue 14): figures equal what the domain computes, the charts
point at the cells the action writes, an old workbook gets the sheet with a message."""
from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from conftest import REPO, pdf_text, soffice_convert
from lxml import etree
from python_calamine import CalamineWorkbook
from report_projects import book, example_with_choices, large_project

from xlplugin.actions import overview
from xlplugin.actions.new import example_project
from xlplugin.domain import models as m
from xlplugin.domain.maintenance_plan import chosen_platforms
from xlplugin.domain.network import network
from xlplugin.layout import overview as lo
from xlplugin.layout.texts import texts


def cell(fake, lang, row, col):
    from xlplugin.domain.port import CellRef

    return fake.ranges.get(CellRef(texts(lang).sheet(lo.SHEET_KEY), row, col))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_figures_equal_the_domains_counts(lang):
    project = large_project(lang)
    fake = book(project, lang)
    summary = overview.run(fake)
    assert fake.commits == 1
    figure = {key: cell(fake, lang, lo.FIGURES_TOP + i, lo.FIG_VALUE_COL) for i, key in enumerate(lo.FIGURE_KEYS)}
    net = network(project)
    assert figure["groups"] == 15
    assert figure["local_groups"] == sum(g.location is m.Location.LOCAL_AREA for g in project.groups) == 4
    assert figure["needs"] == sum(e.kind is m.EntryKind.NEED for e in project.entries)
    assert figure["interactions"] == len(project.interactions)
    assert figure["chosen"] == 40 == figure["internal"] + figure["external"]
    assert figure["external"] == sum(i.external for i in net.interactions)
    assert figure["platforms"] == len(chosen_platforms(project)) == 10
    assert figure["covered"] == len(project.maintenance)
    assert figure["budget"] == sum(x.budget or 0 for x in project.maintenance)
    assert (figure["errors"], figure["warnings"]) == (summary.errors, summary.warnings)
    # each label stands beside its value, in the workbook's language
    assert cell(fake, lang, lo.FIGURES_TOP, lo.FIG_LABEL_COL) == texts(lang)["overview.figure.groups"]


def test_group_rows_fold_the_rest_into_one_row():
    project = large_project("da")
    fake = book(project, "da")
    overview.run(fake)
    names = [cell(fake, "da", lo.HEAD_ROW + 1 + i, lo.GROUP_COL) for i in range(lo.GROUP_ROWS)]
    assert names[: lo.GROUP_ROWS - 1] == [g.name for g in project.groups[: lo.GROUP_ROWS - 1]]
    assert names[-1] == project.groups[-1].name  # 15 groups fit exactly
    project.groups.append(m.ResidentGroup(name="Ekstra gruppe"))
    fake = book(project, "da")
    overview.run(fake)
    last = lo.HEAD_ROW + lo.GROUP_ROWS
    assert cell(fake, "da", last, lo.GROUP_COL) == texts("da").format("overview.more_groups", n=2)
    needs = sum(1 for e in project.entries if e.kind is m.EntryKind.NEED and e.group in (project.groups[-2].name, "Ekstra gruppe"))
    assert cell(fake, "da", last, lo.GROUP_COL + 1) == needs


def test_forms_and_types_blocks():
    project = example_with_choices("da")
    fake = book(project, "da")
    overview.run(fake)
    forms = {cell(fake, "da", lo.FORM_TOP + 1 + i, lo.FORM_COL): cell(fake, "da", lo.FORM_TOP + 1 + i, lo.FORM_COL + 1) for i in range(3)}
    assert forms[texts("da")["choice.interaction_type.mutual_resources"]] == sum(bool(i.selected) for i in project.interactions)
    budget = {cell(fake, "da", lo.TYPE_TOP + 1 + i, lo.FORM_COL): cell(fake, "da", lo.TYPE_TOP + 1 + i, lo.FORM_COL + 2) for i in range(3)}
    assert budget[texts("da")["choice.platform_type.content"]] == 15000  # the meal scheme's row


def _charts_workbook(project, lang="da"):
    from openpyxl import Workbook

    from xlplugin.gateway.overview import add_overview_sheet

    wb = Workbook()
    wb.remove(wb.active)
    ws = add_overview_sheet(wb, texts(lang), project, index=0, charts=True)
    return wb, ws


def test_charts_point_at_the_data_areas():
    _, ws = _charts_workbook(example_with_choices("da"))
    sheet = f"'{ws.title}'"
    refs = []
    for chart in ws._charts:
        series = chart.series
        refs.append(([s.val.numRef.f for s in series], series[0].cat.strRef.f if series[0].cat.strRef else series[0].cat.numRef.f))
    first, last = lo.HEAD_ROW + 1, lo.HEAD_ROW + lo.GROUP_ROWS
    assert refs[0] == ([f"{sheet}!$F${first}:$F${last}", f"{sheet}!$G${first}:$G${last}", f"{sheet}!$H${first}:$H${last}"], f"{sheet}!$E${first}:$E${last}")
    assert refs[1] == ([f"{sheet}!$K${lo.FORM_TOP + 1}:$K${lo.FORM_TOP + 3}", f"{sheet}!$L${lo.FORM_TOP + 1}:$L${lo.FORM_TOP + 3}"], f"{sheet}!$J${lo.FORM_TOP + 1}:$J${lo.FORM_TOP + 3}")
    assert refs[2] == ([f"{sheet}!$K${lo.TYPE_TOP + 1}:$K${lo.TYPE_TOP + 3}"], f"{sheet}!$J${lo.TYPE_TOP + 1}:$J${lo.TYPE_TOP + 3}")
    assert refs[3] == ([f"{sheet}!$L${lo.TYPE_TOP + 1}:$L${lo.TYPE_TOP + 3}"], f"{sheet}!$J${lo.TYPE_TOP + 1}:$J${lo.TYPE_TOP + 3}")
    # the series are named by the header cells the action writes
    assert next(s.tx.strRef.f for s in ws._charts[0].series) == f"{sheet}!F{lo.HEAD_ROW}"


@pytest.mark.slow
def test_cli_refreshes_the_sheet_every_new_workbook_has_and_keeps_its_charts(tmp_path, capsys):
    import zipfile

    from openpyxl import load_workbook

    from xlplugin.cli import main

    path = tmp_path / "Eksempel.xlsx"
    assert main(["new", str(path), "--example"]) == 0
    with zipfile.ZipFile(path) as z:
        charts = {n: z.read(n) for n in z.namelist() if n.startswith("xl/charts/")}
    assert len([n for n in charts if n.endswith(".xml") and "/chart" in n]) == 4
    capsys.readouterr()
    assert main(["overview", str(path)]) == 0
    assert main(["overview", str(path)]) == 0
    assert "Overblik" in capsys.readouterr().out
    with zipfile.ZipFile(path) as z:  # the in-place writer keeps the charts byte for byte
        assert {n: z.read(n) for n in z.namelist() if n.startswith("xl/charts/")} == charts
    wb = load_workbook(path)
    assert wb.sheetnames[1] == "Overblik"
    ws = wb["Overblik"]
    assert ws.cell(lo.FIGURES_TOP, lo.FIG_VALUE_COL).value == 2  # two groups in the example
    budget = sum(item.budget or 0 for item in example_project("da").maintenance)
    assert budget > 0 and ws.cell(lo.FIGURES_TOP + lo.FIGURE_KEYS.index("budget"), lo.FIG_VALUE_COL).value == budget


CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
LAYOUT_1 = sorted((REPO / "tests" / "fixtures" / "layout-1").glob("*.xlsx"))
# What adding the sheet may change in a package; every other part stays byte for byte
ADDING_CHANGES = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"}


def _members(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _say_no_layout(path):
    """Take the layout version out of the file's custom properties, every other part as it was."""
    members = _members(path)
    members["docProps/custom.xml"] = re.sub(rb'(name="xlplugin.layout"[^>]*>\s*<vt:lpwstr>)[^<]*', rb"\g<1>", members["docProps/custom.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _older_workbook_with_the_sheet_added(tmp_path, fixture, capsys):
    from xlplugin.cli import main

    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    _say_no_layout(path)  # a layout-1 workbook asks for an upgrade (test_upgrade); one that says nothing is read as it is
    before = _members(path)
    lang = "da" if fixture.name in ("Eksempel.xlsx", "Skabelon.xlsx") else "en"
    assert main(["--lang", lang, "overview", str(path)]) == 0
    assert texts(lang).format("overview.added", sheet=texts(lang).sheet("overview")) in capsys.readouterr().out
    return path, before, lang


@pytest.mark.parametrize("fixture", LAYOUT_1[:1], ids=lambda p: p.name)
def test_an_older_workbook_gets_the_sheet_and_its_charts_and_nothing_else_changes(tmp_path, fixture, capsys):
    path, before, lang = _older_workbook_with_the_sheet_added(tmp_path, fixture, capsys)
    after = _members(path)
    assert list(after)[: len(before)] == list(before)  # nothing dropped, the order kept
    changed = {name for name in before if before[name] != after[name]}
    assert changed <= ADDING_CHANGES, changed
    added = set(after) - set(before)
    assert {n for n in added if n.startswith("xl/charts/chart")} and len([n for n in added if "/charts/" in n]) == 4
    assert {n.rsplit("/", 1)[0] for n in added} == {"xl/worksheets", "xl/worksheets/_rels", "xl/drawings", "xl/drawings/_rels", "xl/charts"}
    sheet = texts(lang).sheet("overview")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[1] == sheet  # second, after Start
    rows = book.get_sheet_by_name(sheet).to_python()
    groups = len(example_project(lang, steps=2).groups) if fixture.name in ("Eksempel.xlsx", "Example.xlsx") else 0
    assert rows[lo.FIGURES_TOP - 1][lo.FIG_VALUE_COL - 1] == groups
    for name in (n for n in added if n.startswith("xl/charts/chart")):
        refs = [f.text for f in etree.fromstring(after[name]).iter(f"{{{CHART}}}f")]
        assert refs and all(ref.startswith(f"'{sheet}'!") for ref in refs), refs
    # the next run only writes values: every part but the overview sheet stays as it is
    from xlplugin.cli import main

    assert main(["overview", str(path)]) == 0
    again = _members(path)
    assert {n for n in after if after[n] != again[n]} <= {next(n for n in added if n.startswith("xl/worksheets/sheet"))}


@pytest.mark.slow
@pytest.mark.parametrize("fixture", LAYOUT_1, ids=lambda p: p.name)
def test_the_added_sheet_validates_and_libreoffice_draws_it(tmp_path, fixture, capsys):
    from conftest import validator_findings

    errors_before = validator_findings(fixture)
    path, _, lang = _older_workbook_with_the_sheet_added(tmp_path, fixture, capsys)
    assert validator_findings(path) - errors_before == set()
    pdf = soffice_convert(path, "pdf", tmp_path / "lo")
    text = pdf_text(pdf, page=2)
    for key in ("title", "chart.groups", "chart.forms", "chart.platforms", "chart.budget"):
        assert texts(lang)[f"overview.{key}"] in text, key
    converted = soffice_convert(path, "xlsx", tmp_path / "lo")  # LibreOffice keeps the sheet and its charts
    assert CalamineWorkbook.from_path(str(converted)).sheet_names[1] == texts(lang).sheet("overview")
    with zipfile.ZipFile(converted) as z:
        assert len([n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]) == 4


@pytest.mark.slow
def test_libreoffice_draws_the_charts(tmp_path):
    import subprocess

    wb, _ = _charts_workbook(large_project("da"))
    path = tmp_path / "overblik.xlsx"
    wb.save(path)
    pdf = soffice_convert(path, "pdf", tmp_path / "lo")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    text = pdf_text(pdf)
    for key in ("groups", "forms", "platforms", "budget"):
        assert texts("da")[f"overview.chart.{key}"] in text
    assert list(tmp_path.glob("page-*.png"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_overview_button_refreshes_the_sheet_in_the_open_workbook(tmp_path, monkeypatch, lang):
    import xlwings as xw
    from workbooks import example
    from xlwings_engine import open_book

    from xlplugin import __version__, ribbon

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    book = open_book(example(tmp_path, lang))
    book.set_mock_caller()
    try:
        ribbon.run("overview", lang=lang, addin_version=__version__)
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
    (alert,) = book.impl.app.alerts
    assert alert["mode"] == "info", alert["prompt"]
    sheet = book.sheets[texts(lang).sheet("overview")]
    groups = len(example_project(lang).groups)
    assert sheet.range((lo.FIGURES_TOP, lo.FIG_VALUE_COL)).value == groups


def test_the_overview_button_on_an_older_workbook_says_to_run_the_command_and_changes_nothing(tmp_path, monkeypatch):
    """The open workbook cannot be given a sheet (the live adapter does not add sheets): the
    dialog says how to add it, and nothing in the workbook is written. (A workbook saying layout 1
    is told to upgrade first: test_upgrade.)"""
    import xlwings as xw
    from xlwings_engine import open_book

    from xlplugin import __version__, ribbon

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    _say_no_layout(path)
    book = open_book(path)
    book.set_mock_caller()
    try:
        ribbon.run("overview", lang="da", addin_version=__version__)
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
    (alert,) = book.impl.app.alerts
    assert alert["prompt"] == texts("da").format("msg.overview.missing", sheet=texts("da").sheet("overview"))
    assert texts("da").sheet("overview") not in [sheet.name for sheet in book.sheets]
    assert book.impl.stale == set()  # no cell written
