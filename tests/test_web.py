"""The Office.js add-in's site (issue 17): ``xlplugin web build`` writes a site that needs no
package index, Pyodide from that site runs the actions exactly as CPython does, and the
JavaScript that reads the snapshot and applies the plan is unit-tested against office-addin-mock.

Node runs the JavaScript tests (web/test, Node's own test runner); without node these tests fail
in CI and skip elsewhere (tests/conftest.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, require_tool

from xlplugin import browser, web_site
from xlplugin.gateway.snapshot_file import snapshot_of_file

pytestmark = pytest.mark.slow
EXAMPLE = REPO / "workbook_templates" / "Eksempel.xlsx"
LAYOUT_1 = REPO / "tests" / "fixtures" / "layout-1" / "Eksempel.xlsx"  # a workbook of the older layout
NODE_TIMEOUT = 600


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return web_site.build_site(tmp_path_factory.mktemp("site") / "out")


def node_test(*files: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    node = require_tool("node")
    done = subprocess.run(
        [node, "--test", "--test-reporter=tap", *files],
        cwd=REPO, capture_output=True, text=True, timeout=NODE_TIMEOUT, env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"^# fail 0$", done.stdout, re.M) and not re.search(r"^# pass 0$", done.stdout, re.M)
    return done


def test_the_site_holds_pyodide_the_wheels_and_a_lock_naming_each_by_its_hash(site):
    runtime = site.out / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (runtime / name).stat().st_size == (REPO / "node_modules" / "pyodide" / name).stat().st_size
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"]["abi_version"] == web_site.ABI
    wheels = sorted(p.name for p in runtime.glob("*.whl"))
    assert sorted(e["file_name"] for e in lock["packages"].values()) == wheels
    for entry in lock["packages"].values():
        assert "/" not in entry["file_name"]  # from the site itself, never a URL
        assert hashlib.sha256((runtime / entry["file_name"]).read_bytes()).hexdigest() == entry["sha256"]
    names = set(lock["packages"])
    assert {"xlplugin", "pydantic", "pydantic-core", "openpyxl", "python-calamine", "snowballstemmer"} <= names
    assert not names & {"lxml", "xlwings", "pyopenvba", "matplotlib", "reportlab"}
    assert set(lock["packages"]["xlplugin"]["depends"]) == names - {"xlplugin"}
    with zipfile.ZipFile(runtime / lock["packages"]["xlplugin"]["file_name"]) as ours:
        assert "xlplugin/browser.py" in ours.namelist() and "xlplugin/data/catalog.json" in ours.namelist()
    config = (site.out / "web.config").read_text(encoding="utf-8")
    for ext, kind in (("wasm", "application/wasm"), ("mjs", "text/javascript"), ("whl", "application/zip")):
        assert f'fileExtension=".{ext}" mimeType="{kind}"' in config
    assert not re.search(r"https?://(?!127\.0\.0\.1)", "".join(p.read_text(encoding="utf-8") for p in (site.out / "js").glob("*.mjs")))


def test_a_second_build_replaces_the_first_and_a_foreign_folder_is_refused(site, tmp_path, capsys):
    from xlplugin.cli import main
    from xlplugin.domain.errors import UserError

    (tmp_path / "mine.txt").write_text("x")
    with pytest.raises(UserError) as refused:
        web_site.build_site(tmp_path, wheels_from=site.out / "pyodide")
    assert refused.value.key == "web.build.not_empty"
    again = tmp_path / "again"
    wheels = tmp_path / "wheels"
    shutil.copytree(site.out / "pyodide", wheels)
    assert main(["web", "build", str(again), "--wheels", str(wheels), "--host", "https://addin.example.dk/x/"]) == 0
    assert f"Pyodide {site.pyodide}" in capsys.readouterr().out
    assert "https://addin.example.dk/x/taskpane.html" in (again / "manifest.xml").read_text(encoding="utf-8")
    assert (again / "icons" / "icon-80.png").is_file() and not (site.out / "manifest.xml").exists()
    web_site.build_site(again, wheels_from=site.out / "pyodide")
    assert sorted(p.name for p in (again / "pyodide").glob("*.whl")) == sorted(p.name for p in (site.out / "pyodide").glob("*.whl"))


def test_the_plan_applier_and_snapshot_reader_against_office_addin_mock():
    node_test("web/test/plan.test.mjs", "web/test/snapshot.test.mjs")


def test_pyodide_from_the_built_site_runs_the_actions_as_cpython_does(site, tmp_path):
    snapshot = snapshot_of_file(EXAMPLE)
    expected = {"snapshot": snapshot}
    for action in ("validate", "match", "platforms", "plan", "overview"):
        expected[action] = json.loads(browser.press(action, json.dumps(snapshot), "da"))
        assert expected[action]["ok"], expected[action]
    assert any(op["op"] == "write" for op in expected["match"]["plan"]["ops"])
    expected["report"] = json.loads(browser.press_report(json.dumps(snapshot), str(tmp_path / "report.docx"), "Eksempel.xlsx", "da"))
    (tmp_path / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    shutil.copyfile(EXAMPLE, tmp_path / "example.xlsx")
    done = node_test("web/test/python.test.mjs", env={"XLPLUGIN_SITE": str(site.out), "XLPLUGIN_TEST_DATA": str(tmp_path)})
    timings = re.search(r"timings (\{.*\})", done.stdout)
    assert timings, done.stdout[-2000:]
    print("Pyodide in Node:", timings[1])  # start and each action, in ms (pytest -s shows it)
    with zipfile.ZipFile(tmp_path / "node-report.docx") as ours, zipfile.ZipFile(tmp_path / "report.docx") as theirs:
        assert {n: ours.read(n) for n in ours.namelist()} == {n: theirs.read(n) for n in theirs.namelist()}


def _tables(path) -> dict[str, tuple[str, list[str]]]:
    """Each Excel table of the workbook: its range and column names (from the package)."""
    from lxml import etree

    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/tables/") and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                out[root.get("name")] = (root.get("ref"), [c.get("name") for c in root.iter("{*}tableColumn")])
    return out


def _cells(path) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def _cli(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "xlplugin.cli", *args], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.splitlines()


def browser_env(site, data) -> dict[str, str]:
    return {
        "XLPLUGIN_SITE": str(site.out),
        "XLPLUGIN_TEST_DATA": str(data),
        "XLPLUGIN_MIME": json.dumps({ext: kind for ext, kind in web_site.MIME_TYPES.items()}),
        "CHROMIUM": require_tool("chromium"),
    }


def test_the_web_page_in_chromium_gives_the_command_lines_workbook(site, tmp_path):
    """Drop the example on the page, validate, match, download: the same workbook (cells as
    calamine reads them, tables, summaries) as `xlplugin validate` and `xlplugin match` give;
    an older workbook: the message names the page's Upgrade, and upgrade + overview give the
    workbook `xlplugin upgrade` + `xlplugin overview` give, the report the Word document CPython
    writes (valid for the Open XML SDK); planted mistakes give CPython's findings; the page works
    offline once loaded."""
    from test_validate import plant_mistakes
    from workbooks import example

    shutil.copyfile(EXAMPLE, tmp_path / "example.xlsx")
    shutil.copyfile(LAYOUT_1, tmp_path / "layout-1.xlsx")
    planted = example(tmp_path, "da", name="planted.xlsx")
    plant_mistakes(planted, "da")
    node_test("web/test/page.e2e.mjs", env=browser_env(site, tmp_path))
    page = json.loads((tmp_path / "page.json").read_text(encoding="utf-8"))
    print("Chromium:", page["timings"])

    cli = tmp_path / "cli" / "Eksempel.xlsx"
    cli.parent.mkdir()
    shutil.copyfile(EXAMPLE, cli)
    validate_out, match_out = _cli("validate", str(cli)), _cli("match", str(cli))
    assert set(page["validate"]) <= set(validate_out) and page["validate"]
    assert set(page["match"]) <= set(match_out) and page["match"]
    result = page["result"]
    assert _cells(result) == _cells(cli)
    assert _tables(result) == _tables(cli)
    with zipfile.ZipFile(result) as ours, zipfile.ZipFile(cli) as theirs:
        assert ours.namelist() == theirs.namelist()  # nothing dropped (the charts, the pictures)
    assert "Fejl: 0" in page["validate"][0] and page["findings_shown"]

    expected = json.loads(browser.press_file("validate", str(tmp_path / "planted.xlsx"), "en"))
    assert [[f["severity"], f["sheet"], f["cell"], f["message"], f["advice"]] for f in expected["findings"]] == page["planted_findings"]
    assert page["planted_validate"] == expected["lines"]
    assert page["offline_validate"] == page["validate"]
    assert "Traceback" not in page["refused"] and page["refused"]
    _older_workbook_on_the_page(page, tmp_path)


def _older_workbook_on_the_page(page: dict, tmp_path) -> None:
    """The page's upgrade, overview and report of a layout-1 workbook against CPython's."""
    from conftest import ooxml_validate_all

    from xlplugin.layout.texts import texts

    older = tmp_path / "cpython" / "Gammel.xlsx"
    older.parent.mkdir()
    shutil.copyfile(LAYOUT_1, older)
    refused = json.loads(browser.press_file("validate", str(older), "da"))
    assert page["older_refused"] == refused["message"] and texts("da")["web.page.upgrade.label"] in refused["message"]
    assert "xlplugin upgrade" not in page["older_refused"]
    assert zipfile.ZipFile(older).namelist() == zipfile.ZipFile(LAYOUT_1).namelist()  # refused: untouched
    cli = tmp_path / "cli" / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1, cli)
    assert set(page["upgrade"]) <= set(_cli("upgrade", str(cli))) and page["upgrade"]
    assert set(page["overview"]) <= set(_cli("overview", str(cli))) and page["overview"]
    upgraded = page["upgraded"]
    assert _cells(upgraded) == _cells(cli)
    assert _tables(upgraded) == _tables(cli)
    with zipfile.ZipFile(upgraded) as ours, zipfile.ZipFile(cli) as theirs:
        assert ours.namelist() == theirs.namelist()  # the Overblik sheet with its charts, as the CLI's
    assert texts("da").sheet("overview") in _cells(upgraded)
    # the report: the document CPython writes of the same workbook, valid Word
    expected = json.loads(browser.press_file("report", str(cli), "da"))
    assert page["report"] == expected["lines"]
    report = page["report_file"]
    with zipfile.ZipFile(report) as ours, zipfile.ZipFile(cli.with_name(expected["document"])) as theirs:
        assert {n: ours.read(n) for n in ours.namelist()} == {n: theirs.read(n) for n in theirs.namelist()}
    assert ooxml_validate_all(Path(report)) == []


def test_the_task_pane_in_chromium_with_a_stand_in_office_js(site, tmp_path):
    """The ribbon's Validate through the task pane (Excel.run on a stand-in office.js): CPython's
    summary and findings in Danish and English, the plan's operations applied, a foreign
    workbook's message, and New's workbook for Excel.createWorkbook."""
    import base64

    from python_calamine import CalamineWorkbook
    from test_validate import plant_mistakes
    from workbooks import example

    planted = example(tmp_path, "da", name="planted.xlsx")
    plant_mistakes(planted, "da")
    snapshot = snapshot_of_file(planted)
    foreign = {**snapshot, "properties": {}, "tables": []}
    from xlplugin.layout.texts import texts

    labels = {lang: texts(lang)["ribbon.validate.label"] for lang in ("da", "en")}
    expected = {"snapshot": snapshot, "foreign_snapshot": foreign, "labels": labels}
    for lang in ("da", "en"):
        expected[lang] = json.loads(browser.press("validate", json.dumps(snapshot), lang))
        assert expected[lang]["ok"] and expected[lang]["findings"]
    refused = json.loads(browser.press("validate", json.dumps(foreign), "da"))
    assert not refused["ok"]
    expected["foreign_message"] = refused["message"]
    expected["report"] = json.loads(browser.press_report(json.dumps(snapshot), str(tmp_path / "report.docx"), "Planted.xlsx", "da"))
    assert expected["report"]["ok"] and expected["report"]["document"] == "Planted - rapport.docx"
    expected["older_snapshot"] = snapshot_of_file(LAYOUT_1)
    older = json.loads(browser.press("validate", json.dumps(expected["older_snapshot"]), "da", page="@PAGE@"))
    assert not older["ok"] and "@PAGE@" in older["message"] and "xlplugin upgrade" not in older["message"]
    expected["older_message"] = older["message"]
    expected["merge"] = _merge_expected(tmp_path / "merge")
    (tmp_path / "pane-expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    node_test("web/test/taskpane.e2e.mjs", env=browser_env(site, tmp_path))
    pane = json.loads((tmp_path / "pane.json").read_text(encoding="utf-8"))
    ops = expected["da"]["plan"]["ops"]
    written = [entry for entry in pane["log"] if entry[0] == "write"]
    assert len(written) == sum(op["op"] == "write" for op in ops) > 0
    assert [e[1:3] for e in pane["log"] if e[0] == "resize"] == [[op["table"], op["range"]] for op in ops if op["op"] == "resize_table"]
    assert any(e[0] == "marks" for e in pane["log"])
    (tmp_path / "new.xlsx").write_bytes(base64.b64decode(pane["created"]))
    browser.new_file(str(tmp_path / "cpython.xlsx"), "da")
    made = CalamineWorkbook.from_path(str(tmp_path / "new.xlsx")).sheet_names
    assert made == CalamineWorkbook.from_path(str(tmp_path / "cpython.xlsx")).sheet_names
    assert texts("da").sheet("findings") in made
    _merge_in_the_pane_gives_the_command_lines_workbook(expected["merge"], pane["merge"], tmp_path / "merge")
    report = tmp_path / "pane.docx"
    report.write_bytes(base64.b64decode(pane["report"]))
    with zipfile.ZipFile(report) as ours, zipfile.ZipFile(tmp_path / "report.docx") as theirs:
        assert {n: ours.read(n) for n in ours.namelist()} == {n: theirs.read(n) for n in theirs.namelist()}


def _merge_expected(folder: Path) -> dict:
    """The target and two colleagues' copies (tests/test_snapshot_gateway.py), and what CPython's
    add-in side answers for them."""
    from test_snapshot_gateway import _colleagues_copies

    from xlplugin.layout.texts import texts

    folder.mkdir()
    target, copies = _colleagues_copies(folder)
    snapshot = snapshot_of_file(target)
    answer = json.loads(browser.press_merge(json.dumps(snapshot), json.dumps([str(c) for c in copies]), "da"))
    assert answer["ok"], answer
    return {"snapshot": snapshot, "target": str(target), "copies": [str(c) for c in copies], "lines": answer["lines"],
            "plan": answer["plan"], "pick": texts("da")["web.pane.merge_pick"]}


def _merge_in_the_pane_gives_the_command_lines_workbook(expected: dict, log: list, folder: Path) -> None:
    """The pane applied the plan (the merge log sheet added, at its place, with its table); that
    plan gives the workbook `xlplugin merge` writes (but the minute the log names)."""
    from plan_model import Model

    ops = expected["plan"]["ops"]
    assert [e[1:] for e in log if e[0] == "add_sheet"] == [
        [op["sheet"], op["position"], "Visible" if op["visible"] else "Hidden", op["tab_color"]] for op in ops if op["op"] == "add_sheet"
    ] != []
    assert [e[1:] for e in log if e[0] == "add_table"] == [[op["sheet"], op["range"], op["table"], op["style"]] for op in ops if op["op"] == "add_table"]
    assert sum(e[0] == "write" for e in log) == sum(op["op"] == "write" for op in ops)
    cli = folder / "cli" / "Projekt.xlsx"
    cli.parent.mkdir()
    shutil.copyfile(expected["target"], cli)
    said = _cli("merge", str(cli), *expected["copies"])
    assert set(expected["lines"]) <= set(said) and expected["lines"]
    minute = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")

    def without_time(model: Model) -> Model:
        model.cells = {k: v for k, v in model.cells.items() if not (isinstance(v, str) and minute.match(v))}
        return model

    applied, written = without_time(Model.of_file(Path(expected["target"])).apply(expected["plan"])), without_time(Model.of_file(cli))
    assert (applied.cells, applied.tables, applied.sheets, applied.names) == (written.cells, written.tables, written.sheets, written.names)
