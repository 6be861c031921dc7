"""Hostile input and personal data (issue 16): one test (or a family) per defect the tester found.

Nothing the user typed appears in a message or a log; personal data is found however it is
written and wherever it stands, and is never copied into what the tool generates; invisible
characters do not make a second group; the command line never shows a traceback or a false
message; ``new --force`` keeps a backup; what the tool owns (the findings sheet, the hidden
lists and their names) is made again when it is gone or broken.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fake_gateway import FakeWorkbook
from openpyxl.comments import Comment
from python_calamine import CalamineWorkbook
from workbooks import cell, digest, edit, example, find_table

from xlplugin.actions import match, validate
from xlplugin.actions.new import example_project
from xlplugin.cli import main
from xlplugin.domain import models as m
from xlplugin.domain import rules
from xlplugin.domain.port import CellRef
from xlplugin.layout import spec
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words

REPO = Path(__file__).resolve().parents[1]
CPR = "010203-1234"
# Control characters no .xlsx may hold (XML 1.0): every code below 32 but tab, LF and CR.
CONTROL = [chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
# Characters one cannot see: zero-width space/non-joiner/joiner, word joiner, soft hyphen,
# direction marks and overrides, byte-order mark, a control character.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\x07"]
# Personal data as people write it (item 2), each with the digits a leak would show.
CPR_VARIANTS = {
    "en dash": "010203\u20131234",
    "non-breaking hyphen": "010203\u20111234",
    "slash": "010203/1234",
    "dots": "01.02.03-1234",
    "spaces": "01 02 03 1234",
    "trailing hyphen": "010203-1234-",
    "full-width digits": "\uff10\uff11\uff10\uff12\uff10\uff13\uff0d\uff11\uff12\uff13\uff14",
    "zero-width space inside": "0102\u200b03-1234",
    "minus sign": "010203\u22121234",
    "plain": "0102031234",
}
PHONE_VARIANTS = {"+45 together": "+4512345678", "4-4 with a hyphen": "1234-5678", "0045": "004512345678"}
NOT_PERSONAL = ["2024-2026", "Budget 150000 kr.", "Trin 1-5", "ID 7F3A9C21", "kl. 10.00-12.00", "1234 m2"]


def all_written(book: FakeWorkbook) -> list[str]:
    """Every text the fake holds in its tables and outside them."""
    out = [v for t in book.tables.values() for row in [t.headers, *t.rows] for v in row if isinstance(v, str)]
    return out + [v for v in book.ranges.values() if isinstance(v, str)]


def generated_texts(book: FakeWorkbook, lang: str) -> list[str]:
    """What match generates: the interaction table's generated columns and the matrix (ranges)."""
    t = texts(lang)
    table = book.tables["interactions"]
    keys = [c.key for c in spec.INTERACTIONS.columns if c.generated]
    cols = [table.headers.index(t.header("interactions", k)) for k in keys]
    out = [row[i] for row in table.rows for i in cols if i < len(row) and isinstance(row[i], str)]
    return out + [v for v in book.ranges.values() if isinstance(v, str)]


def digits(text: str) -> str:
    import unicodedata

    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


def entry_row(book: FakeWorkbook, index: int, description: str) -> None:
    book.set("entries", index, "description", description)


# --- 1. a control character crashed match and leaked a CPR number ------------------------------
@pytest.mark.parametrize("code", CONTROL, ids=lambda c: f"x{ord(c):02X}")
def test_match_writes_no_control_character_and_no_cpr(code):
    book = FakeWorkbook.from_project(example_project("da"), "da")
    entry_row(book, 0, f"Hjælp{code}til at hente {CPR} børn")
    match.run(book)
    book.set("interactions", 0, "comment", f"Note{code}her")  # the user's own cell, kept by a rerun
    match.run(book)
    written = generated_texts(book, "da")
    assert not any(c in v for v in written for c in CONTROL)
    assert not any(CPR in v or "0102031234" in digits(v) for v in written)
    kept = book.column("interactions", "comment")[0]
    assert kept == "Noteher"  # what no workbook may hold is dropped, the rest kept


@pytest.mark.parametrize("lang", ["da", "en"])
def test_control_character_and_cpr_in_step_2_match_succeeds_and_leaks_nothing(tmp_path, monkeypatch, capsys, lang):
    """The tester's file: `_x0007_` and a CPR number in a step-2 description (calamine reads \\x07)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = example(tmp_path, lang)
    edit(path, lambda wb: setattr(cell(wb, lang, "entries", "description", 0), "value", f"Hjælp_x0007_til at hente {CPR} børn"))
    assert main(["--lang", lang, "match", str(path)]) == 0
    out = capsys.readouterr()
    assert CPR not in out.out + out.err and "Traceback" not in out.err
    assert not (tmp_path / "home" / ".xlplugin" / "cli.log").exists()
    book = CalamineWorkbook.from_path(str(path))
    for sheet in (texts(lang).sheet("step3"), texts(lang).sheet("step2")):
        values = [v for row in book.get_sheet_by_name(sheet).to_python() for v in row if isinstance(v, str)]
        copies = [v for v in values if CPR in v]
        # step 2 still holds the user's own cell (validate flags it); nothing generated copies it
        assert len(copies) == (1 if sheet == texts(lang).sheet("step2") else 0)
        if sheet == texts(lang).sheet("step3"):
            assert any(texts(lang)["privacy.removed"] in v for v in values)


def test_an_unexpected_error_names_its_cell_and_never_the_cells_text(tmp_path, monkeypatch, capsys):
    """A writer failing on a cell: the message gives the type and the cell; message and log hold no text."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = example(tmp_path)
    from xlplugin.gateway.edit_sheet import Sheet

    real = Sheet.put

    def fails_on_the_secret(sheet, r, c, value):
        if isinstance(value, str) and "Jens" in value:
            raise ValueError(f"{value} cannot be used")
        real(sheet, r, c, value)

    monkeypatch.setattr(Sheet, "put", fails_on_the_secret)
    edit(path, lambda wb: setattr(cell(wb, "da", "interactions", "comment", 0), "value", f"Ring til Jens {CPR}"))
    before = digest(path)
    assert main(["match", str(path)]) == 2
    err = capsys.readouterr().err
    log = (tmp_path / "home" / ".xlplugin" / "cli.log").read_text(encoding="utf-8")
    assert "ValueError" in err and "ValueError" in log
    for text in ("Jens", CPR, "1234", "cannot be used"):
        assert text not in err and text not in log
    sheet = texts("da").sheet("step3")
    assert f"{sheet}" in err and f"'{sheet}'!" in log  # the sheet, and the cell's address with it
    assert digest(path) == before


# --- 2. personal data, however written and wherever it stands -----------------------------------
@pytest.mark.parametrize("text", [*CPR_VARIANTS.values(), *PHONE_VARIANTS.values()], ids=[*CPR_VARIANTS, *PHONE_VARIANTS])
def test_every_way_of_writing_personal_data_is_found(text):
    book = FakeWorkbook.from_project(example_project("da"), "da")
    entry_row(book, 3, f"Kontakt {text} om hjælp")
    result = validate.run(book)
    at = book.tables["entries"]
    ref = CellRef(at.sheet, at.header_row + 1 + 3, at.first_col + at.headers.index(texts("da").header("entries", "description")))
    assert any(f.key.startswith("privacy_") and f.at == ref for f in result.findings)
    shown = all_written(book)
    assert sum(text in v for v in shown) == 1  # only the user's own cell: no finding repeats it


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_ordinary_numbers_are_not_personal_data(text):
    assert rules.personal_data_kinds(text) == []
    assert rules.redact(text, "X") == text


def test_personal_data_in_an_incomplete_row_is_found():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    table = book.tables["entries"]
    spare = next(i for i, row in enumerate(table.rows) if all(v is None for v in row))
    book.set("entries", spare, "description", f"CPR {CPR}")  # no group, no kind
    result = validate.run(book)
    col = table.headers.index(texts("da").header("entries", "description"))
    assert CellRef(table.sheet, table.header_row + 1 + spare, table.first_col + col) in {
        f.at for f in result.findings if f.key == "privacy_cpr"
    }


def test_personal_data_outside_the_tables_and_in_comments_is_found():
    book = FakeWorkbook.from_project(example_project("en"), "en")
    loose, noted = CellRef(texts("en").sheet("step1"), 90, 30), CellRef(texts("en").sheet("step4"), 2, 2)
    book.ranges[loose] = f"Jens {CPR}"
    book.comments[noted] = "Call 12 34 56 78"
    found = {(f.key, f.at) for f in validate.run(book).findings}
    assert ("privacy_cpr", loose) in found
    assert ("privacy_comment_phone", noted) in found


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_file_with_personal_data_in_a_comment_and_outside_the_tables(tmp_path, lang, capsys):
    path = example(tmp_path, lang)
    t = texts(lang)

    def plant(wb):
        wb[t.sheet("step2")]["AZ70"] = "jens@example.dk"
        wb[t.sheet("themes")]["H40"].comment = Comment(f"Borger {CPR_VARIANTS['en dash']}", "someone")

    edit(path, plant)
    assert main(["--lang", lang, "validate", str(path)]) in (0, 1)
    out = capsys.readouterr()
    assert "jens@" not in out.out and "1234" not in out.out
    from xlplugin.app import validate_file

    found = {(f.key, f.sheet, f.cell) for f in validate_file(path, write=False).findings}
    assert ("privacy_email", t.sheet("step2"), "AZ70") in found
    assert ("privacy_comment_cpr", t.sheet("themes"), "H40") in found


@pytest.mark.parametrize("lang", ["da", "en"])
def test_match_copies_no_personal_data_into_step_3_or_the_matrix(lang):
    book = FakeWorkbook.from_project(example_project(lang), lang)
    planted = [*CPR_VARIANTS.values(), *PHONE_VARIANTS.values(), "jens.hansen@example.dk"]
    for i in range(0, len(planted), 2):  # two in one cell, in twelve rows at most
        entry_row(book, i // 2, f"Hjælp {planted[i]} med lektier, " + (f"ring {planted[i + 1]}" if i + 1 < len(planted) else ""))
    match.run(book)
    generated = generated_texts(book, lang)
    marker = texts(lang)["privacy.removed"]
    assert any(marker in v for v in generated)
    for text in planted:
        assert not any(text in v for v in generated), text
    assert not any("0102031234" in digits(v) or "12345678" in digits(v) for v in generated)
    # and what match wrote is not itself flagged: a second validate finds only the user's cells
    flagged = {f.at.sheet for f in validate.run(book, write=False).findings if f.key.startswith("privacy")}
    assert flagged == {texts(lang).sheet("step2")}


def test_a_cpr_number_cut_short_in_a_listing_is_not_copied_either():
    """Matching shortens long entries: a CPR number must go before that, not only after."""
    book = FakeWorkbook.from_project(example_project("da"), "da")
    entry_row(book, 0, "x" * 92 + " " + CPR)  # cut at 100 characters: "010203-1…" would stay
    match.run(book)
    assert not any("010203" in v for v in generated_texts(book, "da"))


def test_generated_ids_of_digits_are_not_phone_numbers():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    match.run(book)
    t = texts("da")
    ids = book.column("interactions", "id")
    book.set("interactions", 0, "id", "12345678")  # 2.3 % of IDs are eight decimal digits
    book.set("platforms", 0, "interactions", "12345678, " + ids[1])
    findings = validate.run(book, write=False).findings
    assert [f for f in findings if f.key.startswith("privacy")] == []
    assert t.choice("origin", m.Origin.GENERATED.value) in book.column("interactions", "origin")


# --- 5. tracebacks and false messages ------------------------------------------------------------
def _run_python(code: str, home: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(REPO / "tests")}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.mark.parametrize("command", ["validate", "match"])
def test_ctrl_c_prints_a_short_message_not_a_traceback(tmp_path, command):
    path = example(tmp_path)
    before = digest(path)
    done = _run_python(
        f"""
        import sys
        import xlplugin.layout.reader as reader
        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt
        import xlplugin.actions.{command} as action
        action.read_project = interrupted
        from xlplugin.cli import main
        sys.exit(main(["{command}", {str(path)!r}]))
        """,
        tmp_path / "home",
    )
    assert done.returncode == 130
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
    assert done.stderr.strip() == texts("da")["msg.interrupted"]
    assert digest(path) == before


def test_closed_standard_output_does_not_turn_a_saved_result_into_a_failure(tmp_path):
    path = example(tmp_path)
    before = digest(path)
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    r, w = os.pipe()
    os.close(r)  # `xlplugin match F.xlsx | true`: nobody reads
    try:
        done = subprocess.run(
            [sys.executable, "-m", "xlplugin.cli", "match", str(path)], stdout=w, stderr=subprocess.PIPE, env=env, text=True, timeout=120
        )
    finally:
        os.close(w)
    assert digest(path) != before  # saved
    assert done.returncode == 0
    assert "ikke ændret" not in done.stderr and "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.parametrize("command", ["validate", "match"])
def test_a_file_name_too_long_for_the_backup_is_refused_before_any_work(tmp_path, command, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    source = example(tmp_path)
    path = tmp_path / ("a" * 245 + ".xlsx")  # 250 bytes: the temporary file beside it would not fit
    path.write_bytes(source.read_bytes())
    monkeypatch.setattr(f"xlplugin.actions.{command}.read_project", lambda *a: pytest.fail("work began"))
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert "uventet" not in err and "OSError" not in err
    assert texts("da")["msg.name_too_long"].split("{")[0] in err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, path.name])


def test_new_with_a_file_name_too_long_is_one_clear_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = tmp_path / ("b" * 245 + ".xlsx")
    assert main(["new", str(path)]) == 2
    err = capsys.readouterr().err
    assert texts("da")["msg.name_too_long"].split("{")[0] in err and "OSError" not in err
    assert list(tmp_path.iterdir()) in ([], [tmp_path / "home"])


@pytest.mark.parametrize("command", ["validate", "match"])
def test_a_full_disk_is_one_clear_message_before_any_work(tmp_path, command, capsys, monkeypatch):
    import shutil

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = example(tmp_path)
    before = digest(path)
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: usage._replace(free=4096))
    monkeypatch.setattr(f"xlplugin.actions.{command}.read_project", lambda *a: pytest.fail("work began"))
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Exception ignored" not in err
    assert texts("da")["msg.disk_full"].split("{")[0] in err
    assert digest(path) == before and not Path(str(path) + ".bak").exists()


def test_a_disk_filling_up_during_the_save_gives_one_message(tmp_path):
    """The disk fills while openpyxl writes the new version (the check before the work saw room):
    the user's one message, and no "Exception ignored in ZipFile.__del__ … Errno 28" after it."""
    path = example(tmp_path)
    before = digest(path)
    done = _run_python(
        f"""
        import errno, io, os, sys
        real_open = io.open

        class FullDisk(io.FileIO):
            written = 0

            def write(self, data):
                FullDisk.written += len(data)
                if FullDisk.written > 20000:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return super().write(data)

        def opening(file, mode="r", *args, **kwargs):  # zipfile opens through io.open
            if isinstance(file, (str, os.PathLike)) and os.path.basename(str(file)).startswith(".~") and "w" in mode:
                return io.BufferedRandom(FullDisk(file, "w+"))
            return real_open(file, mode, *args, **kwargs)

        io.open = opening
        from xlplugin.cli import main
        sys.exit(main(["match", {str(path)!r}]))
        """,
        tmp_path / "home",
    )
    assert done.returncode == 2
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Errno 28" not in done.stderr
    assert digest(path) == before


# --- 6. damage not reported, and repaired where the tool owns it ------------------------------
@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_deleted_findings_sheet_is_made_again_and_said_so(tmp_path, lang, capsys):
    path = example(tmp_path, lang)
    edit(path, lambda wb: wb.remove(wb[texts(lang).sheet("findings")]))
    assert main(["--lang", lang, "validate", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the terminal table wraps long lines
    t = texts(lang)
    assert t["finding.findings_restored"].split("{")[0].strip() in out
    assert t["finding.findings_table_missing"] not in out
    assert t["validate.written"].split("{")[0].strip() in out


def test_an_adapter_that_cannot_add_a_sheet_says_the_findings_were_not_written():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    del book.tables["findings"]
    book.sheets.remove(texts("da").sheet("findings"))
    book.can_add_sheets = False
    result = validate.run(book)
    assert "findings_table_missing" in {f.key for f in result.findings}
    assert not result.findings_written and book.restored == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_deleted_lists_sheet_is_a_finding(tmp_path, lang):
    path = example(tmp_path, lang)
    edit(path, lambda wb: wb.remove(wb[texts(lang).sheet("lists")]))
    from xlplugin.app import validate_file

    assert "lists_missing" in {f.key for f in validate_file(path, write=False).findings}


def test_a_deleted_findings_sheet_is_recreated(tmp_path):
    path = example(tmp_path)
    t = texts("da")
    order = CalamineWorkbook.from_path(str(path)).sheet_names
    edit(path, lambda wb: wb.remove(wb[t.sheet("findings")]))
    main(["validate", str(path)])
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == order  # back in its place, before the hidden lists
    rows = book.get_sheet_by_name(t.sheet("findings")).to_python()
    assert any(Words("da")(m_phrase("findings_restored")) in row for row in rows)
    main(["validate", str(path)])  # the next run writes on the sheet: nothing to make again
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(t.sheet("findings")).to_python()
    assert not any(Words("da")(m_phrase("findings_restored")) in row for row in rows)


def m_phrase(key: str):
    from xlplugin.domain.phrases import Phrase, sheet

    return Phrase.of(f"finding.{key}", findings_sheet=sheet("findings"), lists_sheet=sheet("lists"))


def _lists(wb):
    """Each lst_ name → the values of the cells it points at (fixed lists; openpyxl)."""
    out = {}
    for name, defined in wb.defined_names.items():
        if name.startswith("lst_") and not defined.attr_text.startswith("OFFSET"):
            ((sheet, ref),) = defined.destinations
            out[name] = [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]
    return out


def test_a_deleted_lists_sheet_and_its_names_are_recreated(tmp_path):
    from openpyxl import load_workbook

    path = example(tmp_path)
    before = load_workbook(path)
    names_before, lists_before = set(before.defined_names), _lists(before)
    lists = texts("da").sheet("lists")
    edit(path, lambda wb: wb.remove(wb[lists]))
    main(["validate", str(path)])
    wb = load_workbook(path)
    assert lists in wb.sheetnames and wb[lists].sheet_state == "hidden"
    assert names_before <= set(wb.defined_names)
    assert _lists(wb) == lists_before  # every fixed dropdown reads its labels again
    assert lists_before["lst_yesno"] == [texts("da").choice("yesno", "yes"), texts("da").choice("yesno", "no")]
    # the dynamic lists read the group, theme and platform names again
    dynamic = wb.defined_names["lst_groups"].attr_text
    assert f"'{lists}'!" in dynamic and "#REF!" not in dynamic
    column = dynamic.split("!$", 1)[1].split("$", 1)[0]
    assert str(wb[lists][f"{column}2"].value).startswith("=IFERROR(INDEX(" + texts("da").table("groups"))


def test_broken_list_names_are_a_finding(tmp_path):
    path = example(tmp_path)

    def break_names(wb):
        for name in list(wb.defined_names):
            if name.startswith("lst_"):
                wb.defined_names[name].attr_text = "#REF!"

    edit(path, break_names)
    from xlplugin.app import validate_file

    assert {"lists_missing", "lists_broken"} & {f.key for f in validate_file(path, write=False).findings}


def test_broken_list_names_are_repaired_by_validate(tmp_path):
    from openpyxl import load_workbook

    from xlplugin.app import validate_file

    path = example(tmp_path)
    lists_before = _lists(load_workbook(path))

    def break_some(wb):
        wb.defined_names["lst_yesno"].attr_text = "#REF!$A$2:$A$3"
        del wb.defined_names["lst_priority"]
        wb.defined_names["lst_groups"].attr_text = "OFFSET('Gone'!$S$2,0,0,1,1)"

    edit(path, break_some)
    found = validate_file(path, write=False).findings
    assert [f.params for f in found if f.key == "lists_broken"] == [(("lists_sheet", ph_sheet("lists")), ("n", 2))]
    before = _members(path)
    keys = {f.key for f in validate_file(path).findings}
    assert "lists_restored" in keys and not keys & {"lists_missing", "lists_broken"}
    after = _members(path)
    parts = _sheet_parts(path)
    owned = {"xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", parts[texts("da").sheet("lists")], parts[texts("da").sheet("findings")]}
    assert list(after) == list(before)  # the lists sheet made anew in its own part
    findings_table = {part for _, part in _tables_of(path, texts("da").sheet("findings"))}
    assert {name for name in before if before[name] != after[name]} <= owned | findings_table
    wb = load_workbook(path)
    assert _lists(wb) == lists_before
    assert "'Gone'" not in wb.defined_names["lst_groups"].attr_text
    assert not {f.key for f in validate_file(path, write=False).findings} & {"lists_missing", "lists_broken", "lists_restored"}


def _members(path):
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _sheet_parts(path):
    from xlplugin.gateway.edit import PackageEdit

    edit = PackageEdit(path)
    try:
        return edit.sheet_parts()
    finally:
        edit.close()


def _tables_of(path, sheet):
    from xlplugin.gateway.edit import PackageEdit

    edit = PackageEdit(path)
    try:
        return [(root.get("name"), part) for part, root in edit.tables_of(sheet)]
    finally:
        edit.close()


def ph_sheet(key: str):
    from xlplugin.domain.phrases import sheet

    return sheet(key)


# --- 7. look-alike names ----------------------------------------------------------------------
@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_in_a_group_name_makes_no_second_group(mark):
    lang = "da"
    book = FakeWorkbook.from_project(example_project(lang), lang)
    name = book.column("entries", "group")[0]
    spoofed = name[:3] + mark + name[3:]
    for i, group in enumerate(book.column("entries", "group")):
        if group == name:
            book.set("entries", i, "group", spoofed)
    result = validate.run(book, write=False)
    assert "group_unknown" not in {f.key for f in result.findings}
    match.run(book)
    for groups in book.column("interactions", "groups"):
        parts = m.split_group_names(groups)
        assert len({m.normalize(p) for p in parts}) == len(parts), groups  # never "Seniorer → Seniorer"


def test_a_group_spelled_with_a_zero_width_space_is_a_duplicate():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    first = book.column("groups", "name")[0]
    spare = len(book.column("groups", "name"))
    book.set("groups", spare, "name", first[:4] + "\u200b" + first[4:])
    assert "group_duplicate" in {f.key for f in validate.run(book, write=False).findings}


# --- 8. notes beside the interaction table ---------------------------------------------------------
def test_a_note_beside_the_interaction_table_stays_with_its_row(tmp_path):
    """Notes typed to the right of the table (a text, and a formula that reads its row's ID)
    move with their row when matching sorts the rows anew; none is lost or doubled."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter, range_boundaries

    path = example(tmp_path)
    main(["match", str(path)])
    t = texts("da")
    wb = load_workbook(path)
    ws, table = find_table(wb, "da", "interactions")
    left, top, right, bottom = range_boundaries(table.ref)
    beside = right + 2
    ids = {r: ws.cell(row=r, column=left).value for r in range(top + 1, bottom + 1) if ws.cell(row=r, column=left).value}
    id_column = get_column_letter(left)
    for r, row_id in ids.items():
        ws.cell(row=r, column=beside, value=f"note for {row_id}")
        ws.cell(row=r, column=beside + 1, value=f"={id_column}{r}")
    wb.save(path)
    # a new resource makes the second row score higher: the rows are sorted anew
    new_entry = {"group": "Seniorer", "kind": t.choice("entry_kind", "resource"), "theme": "Børnepasning", "description": "Passe børn"}
    edit(path, lambda wb: [setattr(cell(wb, "da", "entries", k, 12), "value", v) for k, v in new_entry.items()])
    main(["match", str(path)])
    wb = load_workbook(path)
    ws, table = find_table(wb, "da", "interactions")
    left, top, right, bottom = range_boundaries(table.ref)
    assert [row_id for _, row_id in sorted(ids.items())] != [ws.cell(row=r, column=left).value for r in sorted(ids)], (
        "the rows must have moved for this test to mean anything"
    )
    notes = {r: (ws.cell(row=r, column=left).value, ws.cell(row=r, column=beside).value, ws.cell(row=r, column=beside + 1).value)
             for r in range(top + 1, bottom + 1) if ws.cell(row=r, column=beside).value}
    assert sorted(note for _, note, _ in notes.values()) == sorted(f"note for {row_id}" for row_id in ids.values())
    for r, (row_id, note, formula) in notes.items():
        assert note == f"note for {row_id}"
        assert formula == f"={id_column}{r}"  # reads its own row's ID where it stands now


def test_a_note_beside_a_row_that_no_longer_follows_keeps_the_row():
    """A generated row matching would remove is kept (Forældet) when a note stands beside it,
    and the note stays beside it."""
    lang = "da"
    t = texts(lang)
    project = example_project(lang, steps=2)
    book = FakeWorkbook.from_project(project, lang)
    match.run(book)
    table = book.tables["interactions"]
    theme = book.column("interactions", "theme")[0]
    noted = CellRef(table.sheet, table.header_row + 1, table.first_col + len(table.headers) + 1)
    book.ranges[noted] = "ring til inspektøren"
    for i, entry in enumerate(project.entries):  # the row's theme disappears from step 2
        if entry.theme == theme:
            book.set("entries", i, "theme", None)
            book.set("entries", i, "description", "-")
    summary = match.run(book)
    assert summary.outdated >= 1
    notes = [at for at, value in book.ranges.items() if value == "ring til inspektøren"]
    assert len(notes) == 1
    row = book.tables["interactions"].rows[notes[0].row - table.header_row - 1]
    status = row[book.tables["interactions"].headers.index(t.header("interactions", "status"))]
    assert row[book.tables["interactions"].headers.index(t.header("interactions", "theme"))] == theme
    assert status == t.choice("status", "outdated")


# --- the writer: control characters --------------------------------------------------------------
def test_the_file_writer_takes_a_control_character(tmp_path):
    from xlplugin.gateway.file import open_workbook

    gateway = open_workbook(example(tmp_path))
    raw = gateway.read_table("interactions")
    gateway.write_table("interactions", [str(h) for h in raw.headers], [["A\x07B"] + [None] * (len(raw.headers) - 1)])


# --- 9. new --force ------------------------------------------------------------------------------
def test_new_force_keeps_a_backup(tmp_path, capsys):
    path = example(tmp_path)
    edit(path, lambda wb: setattr(cell(wb, "da", "groups", "other", 0), "value", "my own work"))
    before = path.read_bytes()
    assert main(["new", str(path), "--force"]) == 0
    assert Path(str(path) + ".bak").read_bytes() == before
    assert str(path) + ".bak" in capsys.readouterr().out


@pytest.mark.parametrize("lock", ["~${}", ".~lock.{}#"], ids=["excel", "libreoffice"])
def test_new_force_refuses_while_the_workbook_is_open(tmp_path, capsys, lock):
    path = example(tmp_path)
    before = digest(path)
    (tmp_path / lock.format(path.name)).write_bytes(b"someone")
    assert main(["new", str(path), "--force"]) == 2
    assert texts("da").format("msg.file_locked", path=path) in capsys.readouterr().err
    assert digest(path) == before and not Path(str(path) + ".bak").exists()


def test_validate_and_match_refuse_a_workbook_libreoffice_has_open(tmp_path, capsys):
    path = example(tmp_path)
    before = digest(path)
    (tmp_path / f".~lock.{path.name}#").write_text("user")
    for command in ("validate", "match"):
        assert main([command, str(path)]) == 2
    assert digest(path) == before


def test_words_render_the_privacy_marker_in_both_languages():
    assert Words("da").t["privacy.removed"] != Words("en").t["privacy.removed"]


def test_the_failure_report_gives_type_and_cell_and_survives_odd_locals():
    from xlplugin.failures import reason, safe_traceback

    class Odd:
        @property
        def row(self):
            raise RuntimeError("a property that fails")

    def failing():
        odd, at = Odd(), CellRef("Ark", 3, 2)  # noqa: F841 - locals the report looks at
        raise ValueError(f"secret {CPR}")

    with pytest.raises(ValueError) as caught:
        failing()
    assert reason(caught.value, "en") == texts("en").format("msg.unexpected.at", type="ValueError", cell="B3", sheet="Ark")
    report = safe_traceback(caught.value)
    assert "ValueError" in report and "'Ark'!B3" in report and "secret" not in report and CPR not in report
