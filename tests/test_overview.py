"""The Overblik / Overview sheet (issue 14): figures equal what the domain computes, the charts
point at the cells the action writes, an old workbook gets the sheet with a message."""
from __future__ import annotations

import pytest
from conftest import soffice_convert
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


def test_an_older_workbook_without_the_sheet_is_a_clear_message_and_untouched(tmp_path, capsys):
    import shutil

    from conftest import REPO

    from xlplugin.cli import main

    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(REPO / "tests" / "fixtures" / "layout-1" / "Eksempel.xlsx", path)
    before = path.read_bytes()
    assert main(["overview", str(path)]) == 2
    assert "export" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.slow
def test_libreoffice_draws_the_charts(tmp_path):
    import subprocess

    wb, _ = _charts_workbook(large_project("da"))
    path = tmp_path / "overblik.xlsx"
    wb.save(path)
    pdf = soffice_convert(path, "pdf", tmp_path / "lo")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
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
