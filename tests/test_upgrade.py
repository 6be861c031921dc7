"""Layout versions (issue 15): every action reads the workbook's layout version; ``xlplugin upgrade``
brings the layout-1 fixtures (tests/fixtures/layout-1) to today's layout, keeping their content and
changing only what it owns."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, pdf_text, soffice_convert
from fake_gateway import FakeWorkbook
from python_calamine import CalamineWorkbook

from xlplugin.actions import exchange, match, plan, platforms, upgrade, validate
from xlplugin.actions.new import example_project
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.gateway.file import open_workbook
from xlplugin.layout import spec
from xlplugin.layout.names import sheet_names_of
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts

pytestmark = pytest.mark.usefixtures("xml_backend")  # the writer on lxml and on the standard library

LAYOUT_1 = sorted((REPO / "tests" / "fixtures" / "layout-1").glob("*.xlsx"))
CUSTOM = "docProps/custom.xml"
# workbook-level parts adding a sheet may change (graft), and the custom properties
WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", CUSTOM}


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _lang(fixture: Path) -> str:
    return "da" if fixture.name in ("Eksempel.xlsx", "Skabelon.xlsx") else "en"


def _layout_property(path: Path) -> str | None:
    found = re.search(rb'name="xlplugin.layout"[^>]*>\s*<vt:lpwstr>([^<]*)<', _members(path)[CUSTOM])
    return found[1].decode() if found else None


def _as_if_current(path: Path):
    """The workbook read as today's layout would read it (the version check set aside): what the
    actions found in it before this round."""
    gateway = open_workbook(path)
    gateway.layout_version = lambda: None  # type: ignore[method-assign]
    return gateway


def _set_layout(path: Path, value: str) -> None:
    """Plant another layout version in the file's custom properties (every other part as it was)."""
    members = _members(path)
    text = members[CUSTOM].decode()
    members[CUSTOM] = re.sub(r'(name="xlplugin.layout"[^>]*>\s*<vt:lpwstr>)[^<]*', rf"\g<1>{value}", text).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


# --- the version --------------------------------------------------------------------------------
def test_new_workbooks_say_layout_2_and_the_fixtures_say_1(tmp_path):
    from xlplugin import app

    assert spec.LAYOUT_VERSION == 2
    path = tmp_path / "Ny.xlsx"
    app.create_workbook(path)
    with open_workbook(path) as gateway:
        assert gateway.layout_version() == 2
    for fixture in LAYOUT_1:
        assert _layout_property(fixture) == "1"
        with open_workbook(fixture) as gateway:
            assert gateway.layout_version() == 1


ACTIONS = {
    "validate": lambda g: validate.run(g),
    "match": match.run,
    "platforms": platforms.run,
    "plan": plan.run,
    "export": exchange.export_project,
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize(("layout", "key"), [(1, "msg.layout.older"), (3, "msg.layout.newer")])
def test_every_action_refuses_another_layout_before_touching_anything(action, layout, key):
    book = FakeWorkbook.from_project(example_project("da"), "da")
    book.layout = layout
    before = {k: [list(r) for r in t.rows] for k, t in book.tables.items()}
    with pytest.raises(UserError) as caught:
        ACTIONS[action](book)
    assert caught.value.key == key
    assert caught.value.phrase == Phrase.of(key, found=layout, current=spec.LAYOUT_VERSION)
    assert book.commits == 0 and {k: [list(r) for r in t.rows] for k, t in book.tables.items()} == before


def test_a_workbook_that_says_no_layout_is_read_as_it_is():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    book.layout = None
    assert validate.check(book).findings is not None


@pytest.mark.parametrize("command", ["validate", "match", "platforms", "plan", "overview", "report", "export"])
def test_the_command_line_says_to_upgrade_and_leaves_the_file_alone(tmp_path, command, capsys):
    from xlplugin.cli import main

    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    before = path.read_bytes()
    args = [command, str(path)] + (["-o", str(tmp_path / "p.json")] if command == "export" else [])
    assert main(["--lang", "da", *args]) == 2
    err = capsys.readouterr().err
    assert "xlplugin upgrade" in err and "layout 1" in err
    assert path.read_bytes() == before
    assert not (tmp_path / "p.json").exists()
    assert not list(tmp_path.glob("*.pdf"))


def test_a_workbook_of_a_newer_layout_is_refused_also_by_upgrade(tmp_path, capsys):
    from xlplugin.cli import main

    path = tmp_path / "Fremtid.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    _set_layout(path, "3")
    before = path.read_bytes()
    for command in ("validate", "upgrade"):
        assert main(["--lang", "en", command, str(path)]) == 2
        assert texts("en").format("msg.layout.newer", found=3, current=spec.LAYOUT_VERSION) in capsys.readouterr().err
    assert path.read_bytes() == before


# --- the upgrade --------------------------------------------------------------------------------
def _upgraded(tmp_path: Path, fixture: Path, capsys) -> tuple[Path, dict[str, bytes], str]:
    from xlplugin.cli import main

    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _members(path)
    lang = _lang(fixture)
    assert main(["--lang", lang, "upgrade", str(path)]) == 0
    out = capsys.readouterr().out
    assert texts(lang).format("upgrade.done", found=1, layout=2) in out
    return path, before, lang


def _content(path: Path):
    with _as_if_current(path) as gateway:
        read = read_project(gateway)
    return read.project


def _findings(path: Path) -> list[tuple[str, str, str | None]]:
    with _as_if_current(path) as gateway:
        found = validate.check(gateway).findings
    return sorted((f.severity.value, f.key, f.at.address if f.at else None) for f in found if not f.key.startswith("lists_"))


@pytest.mark.parametrize("fixture", LAYOUT_1, ids=lambda p: p.name)
def test_upgrade_keeps_the_content_and_changes_only_what_it_owns(tmp_path, fixture, capsys):
    findings_before = _findings(fixture)
    assert any(f[1] == "column_missing" for f in findings_before)
    project_before = _content(fixture)
    path, before, lang = _upgraded(tmp_path, fixture, capsys)
    after = _members(path)
    assert _layout_property(path) == "2"
    assert list(after)[: len(before)] == list(before)  # nothing dropped, the order kept
    changed = {name for name in before if before[name] != after[name]}
    assert {n for n in changed if not n.startswith(("xl/worksheets/sheet", "xl/tables/"))} <= WORKBOOK_PARTS
    # the sheets without a table that lacked columns stay byte for byte: Start, step 1, themes, findings
    sheets = CalamineWorkbook.from_path(str(fixture)).sheet_names
    untouched = [
        f"xl/worksheets/sheet{i + 1}.xml"
        for i, name in enumerate(sheets)
        if any(normalize(name) in sheet_names_of(key) for key in ("start", "step1", "themes", "findings"))
    ]
    assert len(untouched) == 4
    assert not set(untouched) & changed
    added = set(after) - set(before)
    assert len([n for n in added if n.startswith("xl/charts/chart")]) == 4
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[1] == texts(lang).sheet("overview")
    # every action reads it now, the content is all there, the findings are those of before
    with open_workbook(path) as gateway:
        upgrade.require_current(gateway)
        assert read_project(gateway).project == project_before
    # the same findings, less the columns the older layout lacked: the upgrade added them
    assert _findings(path) == [f for f in findings_before if f[1] != "column_missing"]
    # idempotent: a second upgrade changes nothing
    from xlplugin.cli import main

    assert main(["--lang", lang, "upgrade", str(path)]) == 0
    assert texts(lang).format("upgrade.current", layout=2) in capsys.readouterr().out
    assert _members(path) == after


@pytest.mark.slow
@pytest.mark.parametrize("fixture", LAYOUT_1, ids=lambda p: p.name)
def test_the_upgraded_workbook_passes_the_validator_and_libreoffice(tmp_path, fixture, capsys):
    from conftest import validator_findings

    errors_before = validator_findings(fixture)
    path, _, lang = _upgraded(tmp_path, fixture, capsys)
    assert validator_findings(path) - errors_before == set()
    pdf = soffice_convert(path, "pdf", tmp_path / "lo")
    text = pdf_text(pdf, page=2)
    assert texts(lang)["overview.title"] in text
    # and the actions run on it: the five steps' on the example, validate and overview on the blank one
    from xlplugin.cli import main

    example = fixture.name in ("Eksempel.xlsx", "Example.xlsx")
    for command in ("match", "platforms", "plan", "validate", "overview") if example else ("validate", "overview"):
        assert main(["--lang", lang, command, str(path)]) in (0, 1), command


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    from xlplugin.cli import main
    from xlplugin.gateway import edit as edit_module

    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    before = path.read_bytes()

    def broken_save(self, out):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(edit_module.PackageEdit, "save", broken_save)
    assert main(["upgrade", str(path)]) == 2
    assert path.read_bytes() == before


def test_upgrade_through_the_port_with_the_fake_gateway():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    table = book.tables["entries"]
    nature = table.headers.index(texts("da").header("entries", "nature"))
    table.headers.pop(nature)
    for row in table.rows:
        row.pop(nature)
    book.layout = 1
    summary = upgrade.run(book)
    assert summary.columns == {"entries": 1} and book.layout == 2 and book.commits == 1
    assert book.tables["entries"].headers[-1] == texts("da").header("entries", "nature")
    assert upgrade.run(book).changed is False and book.commits == 1


@pytest.mark.parametrize("button", ["validate", "match", "overview"])
def test_the_ribbon_says_to_upgrade_and_writes_nothing(tmp_path, monkeypatch, button):
    """In Excel for Windows the live adapter reads the layout through COM: a button on a workbook
    of layout 1 says to run ``xlplugin upgrade``, as the command line does."""
    import xlwings as xw
    from xlwings_engine import WINDOWS, open_book

    from xlplugin import __version__, ribbon

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    book = open_book(path, WINDOWS)
    book.set_mock_caller()
    try:
        ribbon.run(button, lang="da", addin_version=__version__)
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
    (alert,) = book.impl.app.alerts
    assert alert["prompt"] == texts("da").format("msg.layout.older", found=1, current=spec.LAYOUT_VERSION)
    assert book.impl.stale == set()  # no cell written


def test_the_live_adapter_reads_no_layout_on_the_mac(tmp_path):
    from xlwings_engine import MAC, WINDOWS, open_book

    from xlplugin.gateway.live import LiveWorkbook

    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(LAYOUT_1[0], path)
    assert LiveWorkbook(open_book(path, WINDOWS)).layout_version() == 1
    assert LiveWorkbook(open_book(path, MAC)).layout_version() is None
