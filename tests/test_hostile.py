"""Broken and hostile input: a clear message in Danish/English, and the file left byte for byte.

Every fixture is generated here (LibreOffice writes the .xls, msoffcrypto-tool encrypts), except
the files Excel itself wrote, kept in tests/fixtures/excel-made.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import EXCEL_MADE, IN_CI, soffice_convert
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import load_workbook
from workbooks import digest, edit, example, find_table, rewrite_zip

from xlplugin.cli import main
from xlplugin.gateway.container import MAX_PARTS, MAX_UNPACKED
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.save import lock_file
from xlplugin.layout.texts import texts
from xlplugin.layout.words import render

EXCEL_FILES = sorted(EXCEL_MADE.glob("*.xls*"))


def run_cli(path, lang, capsys, *extra):
    code = main(["--lang", lang, "validate", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def expect_message(path, lang, capsys, key, **params):
    """validate fails with exit 2 and exactly this message, and the file is unchanged."""
    before = digest(path) if Path(path).is_file() else None
    code, out, err = run_cli(path, lang, capsys)
    assert code == 2
    message = texts(lang).format(key, path=path, **params)
    assert err.strip() == f"{texts(lang)['msg.error_prefix']}: {message}"
    assert "Traceback" not in out + err
    if before is not None:
        assert digest(path) == before
    assert not Path(str(path) + ".bak").exists()


def test_excel_made_files_exist():
    if IN_CI or EXCEL_MADE.exists():
        assert len(EXCEL_FILES) >= 20, EXCEL_MADE


@pytest.mark.parametrize("path", EXCEL_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_files_excel_made_are_not_project_workbooks(path, lang, capsys):
    expect_message(path, lang, capsys, "msg.not_project")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_missing_path_and_folder(tmp_path, lang, capsys):
    expect_message(tmp_path / "nope.xlsx", lang, capsys, "msg.not_found")
    expect_message(tmp_path, lang, capsys, "msg.not_a_file")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_empty_file(tmp_path, lang, capsys):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    expect_message(path, lang, capsys, "msg.empty_file")


def test_csv_renamed_to_xlsx(tmp_path, capsys):
    path = tmp_path / "groups.xlsx"
    path.write_text("Beboergruppe;Andel i %\nSeniorer;45\n", encoding="utf-8")
    expect_message(path, "da", capsys, "msg.not_xlsx")


def test_zip_that_is_not_a_workbook(tmp_path, capsys):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    expect_message(path, "en", capsys, "msg.not_xlsx")


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.99])
def test_truncated_zip(tmp_path, cut, capsys):
    path = example(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    expect_message(path, "da", capsys, "msg.corrupt")


def test_corrupt_part_inside_a_valid_zip(tmp_path, capsys):
    path = example(tmp_path)
    broken = rewrite_zip(
        path, tmp_path / "broken.xlsx", lambda name, data: data[: len(data) // 2] if name == "xl/workbook.xml" else data
    )
    expect_message(broken, "da", capsys, "msg.corrupt")


def test_zip_bomb_refused_before_unpacking(tmp_path, capsys):
    path = example(tmp_path)
    # 64 MB of one byte compress ~1000:1: a part nobody's workbook has
    bomb = rewrite_zip(path, tmp_path / "bomb.xlsx", extra={"xl/media/filler.bin": b"\0" * (64 * 1024 * 1024)})
    expect_message(bomb, "en", capsys, "msg.zip_bomb", mb=MAX_UNPACKED // (1024 * 1024))


def test_zip_declaring_a_huge_size_is_refused(tmp_path, capsys):
    """A central directory that claims gigabytes is refused on the declared size alone."""
    path = example(tmp_path)
    data = bytearray(path.read_bytes())
    # patch the declared uncompressed size of the first central-directory entry to 3 GB
    cd = data.rfind(b"PK\x01\x02", 0, len(data))
    first = data.find(b"PK\x01\x02")
    assert first != -1 and cd != -1
    data[first + 24 : first + 28] = (3 * 1024**3).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    expect_message(path, "da", capsys, "msg.zip_bomb", mb=MAX_UNPACKED // (1024 * 1024))


def test_zip_with_countless_parts_is_refused(tmp_path, capsys):
    path = example(tmp_path)
    with zipfile.ZipFile(path, "a") as z:
        for i in range(MAX_PARTS + 1):
            z.writestr(f"xl/media/p{i}.bin", b"")
    expect_message(path, "da", capsys, "msg.zip_bomb", mb=MAX_UNPACKED // (1024 * 1024))


@pytest.mark.slow
def test_old_xls(tmp_path, capsys):
    xlsx = example(tmp_path)
    xls = soffice_convert(xlsx, "xls", tmp_path / "old")
    expect_message(xls, "da", capsys, "msg.old_xls")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_password_encrypted(tmp_path, lang, capsys):
    plain = example(tmp_path, lang)
    encrypted = tmp_path / "secret.xlsx"
    out = io.BytesIO()
    with plain.open("rb") as fh:
        OOXMLFile(fh).encrypt("hemmelig", out)
    encrypted.write_bytes(out.getvalue())
    expect_message(encrypted, lang, capsys, "msg.encrypted")


def test_open_in_excel_is_refused_before_writing(tmp_path, capsys):
    path = example(tmp_path)
    lock_file(path).write_bytes(b"\x0bExcel user")
    expect_message(path, "da", capsys, "msg.file_locked")


def test_os_refusing_the_write_leaves_the_file(tmp_path, capsys):
    """The backup cannot be written (a folder sits where it goes): the OS refuses, nothing changes."""
    path = example(tmp_path)
    blocker = Path(str(path) + ".bak")
    blocker.mkdir()
    (blocker / "keep").write_text("x")
    before = digest(path)
    code, _out, err = run_cli(path, "en", capsys)
    assert code == 2
    assert err.startswith(f"{texts('en')['msg.error_prefix']}: Could not write {blocker}")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, blocker.name])  # no temp file left


def test_file_changed_while_the_action_ran(tmp_path):
    from xlplugin.actions.validate import check, write_findings
    from xlplugin.domain.errors import UserError

    path = example(tmp_path)
    gateway = open_workbook(path)
    validation = check(gateway)
    write_findings(gateway, validation)
    edit(path, lambda wb: None)  # someone saves the file meanwhile
    before = digest(path)
    with pytest.raises(UserError) as err:
        gateway.commit()
    assert err.value.key == "msg.file_changed"
    assert digest(path) == before


# --- project workbooks users have damaged: findings, not crashes -------------------------------
def _keys(path):
    from xlplugin.app import validate_file

    return {(f.severity.value, f.key, f.sheet, f.cell) for f in validate_file(path).findings}


def test_renamed_and_deleted_sheets(tmp_path):
    t = texts("da")
    path = example(tmp_path)

    def damage(wb):
        wb[t.sheet("step2")].title = "Behov"
        wb.remove(wb[t.sheet("step5")])

    edit(path, damage)
    from xlplugin.app import validate_file

    validation = validate_file(path)
    # the renamed sheet's table is still found by its name; the deleted sheet's tables are reported
    assert len(validation.project.entries) == 12
    missing = [f for f in validation.findings if f.key == "sheet_missing"]
    assert [(f.severity.value, f.sheet, f.cell) for f in missing] == [("error", None, None)] * 2
    assert {render(f.message, "da") for f in missing} == {t.format("finding.sheet_missing", sheet_name=t.sheet("step5"), table=t[f"title.{k}"]) for k in ("maintenance", "constraints")}


def test_renamed_table_is_found_by_headers(tmp_path):
    t = texts("da")
    path = example(tmp_path)

    def rename(wb):
        ws, table = find_table(wb, "da", "entries")
        del ws.tables[table.name]
        table.name = table.displayName = "MineBehov"
        ws.add_table(table)

    edit(path, rename)
    from xlplugin.app import validate_file

    validation = validate_file(path, write=False)
    assert len(validation.project.entries) == 12
    assert "table_missing" not in {f.key for f in validation.findings}
    assert t.sheet("step2") in open_workbook(path).sheet_names()


def test_table_turned_into_a_range_is_read_by_headers(tmp_path):
    path = example(tmp_path)

    def unlist(wb):
        ws, table = find_table(wb, "da", "groups")
        del ws.tables[table.name]

    edit(path, unlist)
    from xlplugin.app import validate_file

    validation = validate_file(path, write=False)
    assert [g.name for g in validation.project.groups] == ["Børnefamilier", "Seniorer"]


def test_deleted_table_is_reported(tmp_path):
    path = example(tmp_path)

    def remove(wb):
        ws, table = find_table(wb, "da", "purposes")
        del ws.tables[table.name]
        for row in ws[table.ref]:
            for c in row:
                c.value = None

    edit(path, remove)
    keys = _keys(path)
    assert ("error", "table_missing", texts("da").sheet("step1"), None) in keys


def test_table_range_with_a_renamed_header(tmp_path):
    """No Excel table any more and its first header renamed: found by the other headers."""
    path = example(tmp_path)
    t = texts("da")

    def remove(wb):
        ws, table = find_table(wb, "da", "purposes")
        del ws.tables[table.name]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for c in row:
                if c.value == t.header("purposes", "purpose"):
                    c.value = "Noget andet"

    edit(path, remove)
    from xlplugin.app import validate_file

    findings = validate_file(path).findings
    assert [(f.severity.value, f.key) for f in findings if f.sheet == t.sheet("step1")] == [
        ("error", "column_missing"),
        ("error", "no_purpose"),
    ]


def test_renamed_header(tmp_path):
    t = texts("en")
    path = example(tmp_path, "en")

    def rename(wb):
        ws, table = find_table(wb, "en", "groups")
        for c in ws[int(table.ref.split(":")[0][1:])]:
            if c.value == t.header("groups", "share_pct"):
                c.value = "Percentage"

    edit(path, rename)
    keys = _keys(path)
    ws_title = t.sheet("step1")
    wb = load_workbook(path)
    _, table = find_table(wb, "en", "groups")
    header_cell = table.ref.split(":")[0]
    assert ("warning", "column_missing", ws_title, header_cell) in keys


def test_merged_cells_over_a_table(tmp_path):
    path = example(tmp_path)

    def merge(wb):
        ws, table = find_table(wb, "da", "entries")
        top = int(table.ref.split(":")[0][1:])
        ws.merge_cells(start_row=top + 2, start_column=4, end_row=top + 3, end_column=5)

    edit(path, merge)
    keys = _keys(path)
    wb = load_workbook(path)
    ws, table = find_table(wb, "da", "entries")
    top = int(table.ref.split(":")[0][1:])
    assert ("error", "merged_cells", ws.title, f"D{top + 2}") in keys


def test_messages_exist_in_both_languages():
    for key in (
        "msg.not_found", "msg.empty_file", "msg.encrypted", "msg.old_xls", "msg.not_xlsx", "msg.corrupt",
        "msg.zip_bomb", "msg.not_project", "msg.file_locked", "msg.file_changed", "msg.xlsb",
    ):
        assert texts("da")[key] != texts("en")[key]
