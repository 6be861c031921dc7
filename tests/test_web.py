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
import zipfile

import pytest
from conftest import REPO, require_tool

from xlplugin import browser, web_site
from xlplugin.gateway.snapshot_file import snapshot_of_file

pytestmark = pytest.mark.slow
EXAMPLE = REPO / "workbook_templates" / "Eksempel.xlsx"
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
    assert main(["web", "build", str(again), "--wheels", str(site.out / "pyodide")]) == 0
    assert f"Pyodide {site.pyodide}" in capsys.readouterr().out
    web_site.build_site(again, wheels_from=site.out / "pyodide")
    assert sorted(p.name for p in (again / "pyodide").glob("*.whl")) == sorted(p.name for p in (site.out / "pyodide").glob("*.whl"))


def test_the_plan_applier_and_snapshot_reader_against_office_addin_mock():
    node_test("web/test/plan.test.mjs", "web/test/snapshot.test.mjs")


def test_pyodide_from_the_built_site_runs_the_actions_as_cpython_does(site, tmp_path):
    snapshot = snapshot_of_file(EXAMPLE)
    expected = {"snapshot": snapshot}
    for action in ("validate", "match", "platforms", "plan"):
        expected[action] = json.loads(browser.press(action, json.dumps(snapshot), "da"))
        assert expected[action]["ok"], expected[action]
    assert any(op["op"] == "write" for op in expected["match"]["plan"]["ops"])
    (tmp_path / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    shutil.copyfile(EXAMPLE, tmp_path / "example.xlsx")
    done = node_test("web/test/python.test.mjs", env={"XLPLUGIN_SITE": str(site.out), "XLPLUGIN_TEST_DATA": str(tmp_path)})
    timings = re.search(r"timings (\{.*\})", done.stdout)
    assert timings, done.stdout[-2000:]
    print("Pyodide in Node:", timings[1])  # start and each action, in ms (pytest -s shows it)
