"""A ribbon button press: ``xlplugin.ribbon.run`` on the calling workbook, as RunPython calls it.

The workbook is open in the openpyxl-backed xlwings test engine and handed over with xlwings'
own ``Book.set_mock_caller()``; the dialogs and the status bar are the engine's records.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import xlwings as xw
from conftest import EXCEL_MADE
from openpyxl import Workbook, load_workbook
from test_validate import plant_mistakes
from workbooks import example, said
from xlwings_engine import open_book

from xlplugin import __version__, ribbon
from xlplugin.app import match_file, validate_file
from xlplugin.domain.findings import Severity
from xlplugin.layout.texts import texts


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the failure log goes here
    yield tmp_path / "home"
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller


def press(path, control_id, lang="da", **kwargs):
    book = open_book(path)
    book.set_mock_caller()
    ribbon.run(control_id, lang=lang, addin_version=kwargs.pop("addin_version", __version__), **kwargs)
    return book.impl.app


def only_alert(app):
    (alert,) = app.alerts
    return alert


def assert_excel_given_back(app):
    assert app.status_bar is False and app.screen_updating is True


@pytest.mark.parametrize("lang", ["da", "en"])
def test_validate_button_shows_progress_and_a_short_result(tmp_path, lang):
    source = example(tmp_path, lang)
    plant_mistakes(source, lang)
    by_file = validate_file(source, write=False)
    app = press(source, "validate", lang=lang)
    t = texts(lang)
    alert = only_alert(app)
    assert alert["mode"] == "info" and alert["title"] == t["ribbon.title"]
    counts = dict(zip(("errors", "warnings", "notes"), (by_file.count(s) for s in Severity)))
    assert counts["errors"] and counts["warnings"]
    assert alert["prompt"].startswith(t.format("validate.summary", **counts))
    label = t["ribbon.validate.label"]
    progress = [s for s in app.status_bar_history if s]
    assert progress[0] == t.format("ribbon.progress.start", action=label)
    assert t.format("ribbon.progress.read", action=label, table=t["title.groups"]) in progress
    assert t.format("ribbon.progress.write", action=label, table=t["title.findings"]) in progress
    assert_excel_given_back(app)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_match_button_says_what_changed(tmp_path, lang):
    source = example(tmp_path, lang)
    copy = tmp_path / "copy.xlsx"
    shutil.copyfile(source, copy)
    expected = match_file(copy)
    app = press(source, "match", lang=lang)
    alert = only_alert(app)
    assert alert["mode"] == "info"
    assert alert["prompt"].splitlines()[0] == said(expected, lang)[0]  # "6 nye samspil, 0 opdateret, …"
    assert_excel_given_back(app)


def test_a_workbook_that_is_not_a_project_gets_a_friendly_dialog(tmp_path):
    path = tmp_path / "Budget.xlsx"
    Workbook().save(path)
    app = press(path, "validate", lang="en")
    alert = only_alert(app)
    assert alert["mode"] == "critical"
    assert alert["prompt"] == texts("en").format("ribbon.error.not_project", book="Budget.xlsx")
    assert_excel_given_back(app)


@pytest.mark.parametrize("path", sorted(EXCEL_MADE.glob("*.xlsx")), ids=lambda p: p.name)
def test_workbooks_excel_made_get_a_dialog_not_a_traceback(path, tmp_path, home):
    app = press(path, "validate")
    alert = only_alert(app)
    assert alert["mode"] == "critical"
    assert "Traceback" not in alert["prompt"]
    assert not (home / ".xlplugin" / "ribbon.log").exists(), "an expected problem is no crash"


def test_an_addin_of_another_version_says_how_to_fix_it(tmp_path):
    app = press(example(tmp_path), "validate", addin_version="0.0.1")
    assert only_alert(app)["prompt"] == texts("da").format("ribbon.error.version", addin="0.0.1", package=__version__)


def test_an_unexpected_failure_is_logged_and_shown_without_traceback(tmp_path, home, monkeypatch):
    def broken(press):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(ribbon.ACTIONS, "validate", broken)
    app = press(example(tmp_path), "validate", lang="en")
    alert = only_alert(app)
    log = home / ".xlplugin" / "ribbon.log"
    assert alert["mode"] == "critical"
    assert "RuntimeError" in alert["prompt"] and str(log) in alert["prompt"]
    assert "Traceback" not in alert["prompt"]
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged
    # an exception's text may quote a cell (issue 16): neither the dialog nor the log repeats it
    assert "disk on fire" not in alert["prompt"] + logged
    assert_excel_given_back(app)


def test_new_button_creates_and_opens_the_workbook_where_the_user_chose(tmp_path):
    caller = example(tmp_path)
    target = tmp_path / "Nyt & 'sært' projekt æøå.xlsx"
    app = press(caller, "new", lang="en", path_hex=str(target).encode("utf-16-be").hex())
    assert only_alert(app)["prompt"] == texts("en").format("ribbon.new.done", path=target)
    assert [book.name for book in app.books] == [caller.name, target.name]
    assert texts("en").sheet("start") in load_workbook(target).sheetnames


def test_new_button_never_overwrites_a_file(tmp_path):
    caller = example(tmp_path)
    target = tmp_path / "Existing.xlsx"
    target.write_bytes(b"the user's own")
    app = press(caller, "new", lang="en", path_hex=str(target).encode("utf-16-be").hex())
    assert only_alert(app)["prompt"] == texts("en").format("ribbon.new.exists", path=target)
    assert target.read_bytes() == b"the user's own"


def test_new_button_refuses_a_macro_file(tmp_path):
    target = tmp_path / "Projekt.xlsm"
    app = press(example(tmp_path), "new", path_hex=str(target).encode("utf-16-be").hex())
    assert only_alert(app)["mode"] == "critical"
    assert not target.exists()


def _hex(*paths) -> str:
    return "\n".join(str(p) for p in paths).encode("utf-16-be").hex()


def test_merge_button_merges_the_copies_chosen_into_the_open_workbook(tmp_path):
    from test_merge import add_row

    from xlplugin.app import merge_files

    target = example(tmp_path, name="Projekt.xlsx")
    first, second = tmp_path / "Kopi 1.xlsx", tmp_path / "Kopi 2 & 'æ'.xlsx"
    for copy in (first, second):
        shutil.copyfile(target, copy)
    add_row(first, "constraints", {"constraint": "Kommunen ejer gavlen"})
    merge_files(target, [first])  # the merge log sheet comes with the first merge, on the file
    add_row(second, "constraints", {"constraint": "Budgettet er skåret"})
    add_row(second, "purposes", {"purpose": "Flere møder på tværs af alder"})
    before = second.read_bytes()
    app = press(target, "merge", path_hex=_hex(first, second))
    alert = only_alert(app)
    t = texts("da")
    assert alert["mode"] == "info", alert["prompt"]
    lines = alert["prompt"].splitlines()
    assert lines[0].startswith(t.format("msg.merge.copy", copy=first.name, added=0, conflicts=0, same=0)[:30])
    assert t.format("msg.merge.table", table=t["title.constraints"], added=1, conflicts=0) in lines
    assert t.format("msg.merge.table", table=t["title.purposes"], added=1, conflicts=0) in lines
    assert second.read_bytes() == before
    assert_excel_given_back(app)


def test_merge_button_on_a_workbook_without_the_merge_log_says_to_merge_the_file_once(tmp_path):
    from test_merge import add_row

    target = example(tmp_path, name="Projekt.xlsx")
    copy = tmp_path / "Kopi.xlsx"
    shutil.copyfile(target, copy)
    add_row(copy, "constraints", {"constraint": "Kommunen ejer gavlen"})
    app = press(target, "merge", lang="en", path_hex=_hex(copy))
    alert = only_alert(app)
    assert alert["mode"] == "critical"
    assert alert["prompt"] == texts("en").format("msg.merge.no_log_sheet", sheet=texts("en").sheet("merge_log"))
    assert_excel_given_back(app)


def test_help_names_the_versions_and_the_python(tmp_path):
    prompt = only_alert(press(example(tmp_path), "help"))["prompt"]
    assert f"xlplugin {__version__}" in prompt and f"xlwings {xw.__version__}" in prompt and sys.executable in prompt


@pytest.mark.slow
def test_importing_the_ribbon_entry_point_is_cheap():
    heavy = ("xlwings", "openpyxl", "pydantic", "python_calamine", "snowballstemmer", "xlplugin.gateway.live")
    code = f"import sys, xlplugin.ribbon; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
