"""The in-place writer adds a sheet (``gateway.graft``): the builder's sheet with its tables,
drawing and charts copied into a package that Excel (or openpyxl) wrote; the workbook's sheet
list, relationships, content types, names, formats and app.xml follow; every other part stays
byte for byte."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXCEL_MADE, ooxml_validate_all, soffice_convert
from lxml import etree
from python_calamine import CalamineWorkbook
from workbooks import example

from xlplugin.actions.new import example_project
from xlplugin.gateway import xmltree
from xlplugin.gateway.builder import build_sheet
from xlplugin.gateway.edit import PackageEdit
from xlplugin.gateway.graft import graft
from xlplugin.layout.texts import texts

pytestmark = pytest.mark.usefixtures("xml_backend")  # the writer on lxml and on the standard library

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
T = texts("da")
# What adding a sheet may change; every other part stays as it was
ADDING_CHANGES = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def add(source: Path, out: Path, *sheets: tuple[str, int]) -> Path:
    """``source`` with the builder's sheets (key, position) grafted in, saved as ``out``."""
    edit = PackageEdit(source)
    for key, position in sheets:
        graft(edit, build_sheet(example_project("da"), "da", key), T.sheet(key), position)
    edit.save(out)
    edit.close()
    return out


def workbook_xml(path: Path):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("xl/workbook.xml"))


@pytest.fixture
def excel_made(tmp_path):
    """An Excel-made workbook with names of both scopes, a print area, app.xml's titles and an
    active third sheet."""
    path = tmp_path / "names.xlsx"

    def active_third(name: str, data: bytes) -> bytes:
        return data.replace(b'windowHeight="9660"/>', b'windowHeight="9660" activeTab="2"/>') if name == "xl/workbook.xml" else data

    from workbooks import rewrite_zip

    return rewrite_zip(EXCEL_MADE / "defined_name01.xlsx", path, active_third)


def test_a_sheet_with_charts_and_one_with_a_table_go_into_an_excel_made_workbook(excel_made, tmp_path):
    before = members(excel_made)
    out = add(excel_made, tmp_path / "out.xlsx", ("overview", 1), ("findings", 4))
    after = members(out)
    assert list(after)[: len(before)] == list(before)
    assert {n for n in before if before[n] != after[n]} <= ADDING_CHANGES
    added = sorted(set(after) - set(before))
    assert added == sorted([
        "xl/worksheets/sheet4.xml", "xl/worksheets/_rels/sheet4.xml.rels", "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels", *(f"xl/charts/chart{i}.xml" for i in range(1, 5)),
        "xl/worksheets/sheet5.xml", "xl/worksheets/_rels/sheet5.xml.rels", "xl/tables/table1.xml",
    ])
    wb = workbook_xml(out)
    sheets = [(s.get("name"), s.get("sheetId")) for s in wb.iter(f"{{{M}}}sheet")]
    assert sheets == [("Sheet1", "1"), (T.sheet("overview"), "4"), ("Sheet2", "2"), ("Sheet 3", "3"), (T.sheet("findings"), "5")]
    # names scoped to a sheet follow it to its new position; the active tab too
    scoped = {(n.get("name"), n.text): n.get("localSheetId") for n in wb.iter(f"{{{M}}}definedName") if n.get("localSheetId")}
    assert scoped[("aaa", "Sheet2!$A$1")] == "2" and scoped[("Bar", "'Sheet 3'!$A$1")] == "3"
    assert scoped[("Bar", "Sheet1!$A$1")] == "0" and scoped[("_xlnm.Print_Area", "Sheet1!$A$1:$E$6")] == "0"
    assert scoped[("_xlnm.Print_Titles", f"'{T.sheet('findings')}'!$7:$7")] == "4"  # the findings' header repeats
    assert next(wb.iter(f"{{{M}}}workbookView")).get("activeTab") == "3"  # still Sheet 3
    app = etree.fromstring(after["docProps/app.xml"])
    titles = [e.text for e in app.iter(f"{{{VT}}}lpstr")]
    assert titles[2:7] == ["Sheet1", T.sheet("overview"), "Sheet2", "Sheet 3", T.sheet("findings")]
    assert [e.text for e in app.iter(f"{{{VT}}}i4")] == ["5", "8"]
    # the original sheets read as before, the new ones as the builder made them
    book = CalamineWorkbook.from_path(str(out))
    original = CalamineWorkbook.from_path(str(excel_made))
    for name in original.sheet_names:
        assert book.get_sheet_by_name(name).to_python() == original.get_sheet_by_name(name).to_python()
    assert book.get_sheet_by_name(T.sheet("findings")).to_python()[0][0] == T["guide.findings.title"]
    assert book.get_sheet_by_name(T.sheet("overview")).to_python()[0][0] == T["overview.title"]


def test_formats_are_found_or_added_in_the_workbooks_styles(excel_made, tmp_path):
    out = add(excel_made, tmp_path / "out.xlsx", ("findings", 3))
    styles = etree.fromstring(members(out)["xl/styles.xml"])
    before = etree.fromstring(members(excel_made)["xl/styles.xml"])
    xfs = styles.find(f"{{{M}}}cellXfs")
    assert len(xfs) > len(before.find(f"{{{M}}}cellXfs"))
    assert [etree.tostring(x) for x in before.find(f"{{{M}}}cellXfs")] == [etree.tostring(x) for x in list(xfs)[: len(before.find(f"{{{M}}}cellXfs"))]]
    sheet = etree.fromstring(members(out)["xl/worksheets/sheet4.xml"])
    used = {int(c.get("s")) for c in sheet.iter(f"{{{M}}}c") if c.get("s")}
    assert used and max(used) < len(xfs)
    # the header cells are white bold on the accent fill, as the builder made them
    header = next(c for c in sheet.iter(f"{{{M}}}c") if c.get("r") == "A7")
    xf = xfs[int(header.get("s"))]
    font = styles.find(f"{{{M}}}fonts")[int(xf.get("fontId"))]
    assert font.find(f"{{{M}}}b") is not None and font.find(f"{{{M}}}color").get("rgb").endswith("FFFFFF")
    assert [child.tag.rpartition("}")[2] for child in font] == ["b", "sz", "color", "name"]  # the schema's order
    # three sheets grafted one after the other: no format is added twice
    three = add(excel_made, tmp_path / "three.xlsx", ("overview", 1), ("findings", 4), ("lists", 5))
    styles = etree.fromstring(members(three)["xl/styles.xml"])
    for collection in ("cellXfs", "fonts", "fills", "borders"):
        items = [etree.tostring(x, method="c14n") for x in styles.find(f"{{{M}}}{collection}")]
        old = len(before.find(f"{{{M}}}{collection}"))
        assert len(items) > old and len(set(items[old:])) == len(items[old:]), collection


@pytest.mark.slow  # a whole workbook on disk
def test_a_table_gets_an_id_and_a_name_no_other_table_has(tmp_path):
    """The user renamed the findings sheet (its table Fund stays there): a new findings sheet's
    table is called Fund_2."""
    from workbooks import edit as edit_workbook

    path = example(tmp_path)
    edit_workbook(path, lambda wb: setattr(wb[T.sheet("findings")], "title", "Gamle fund"))
    edit = PackageEdit(path)
    graft(edit, build_sheet(example_project("da"), "da", "findings"), T.sheet("findings"), 10)
    edit.save(tmp_path / "out.xlsx")
    edit.close()
    tables = [etree.fromstring(data) for name, data in members(tmp_path / "out.xlsx").items() if name.startswith("xl/tables/")]
    ids = [t.get("id") for t in tables]
    names = [t.get("displayName") for t in tables]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)
    assert T.table("findings") + "_2" in names and T.table("findings") in names


def test_text_the_scratch_package_holds_as_shared_strings_comes_inline(excel_made, tmp_path):
    """openpyxl writes text inline; a scratch package with shared strings is read right too."""
    scratch = build_sheet(example_project("da"), "da", "findings")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(scratch)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="A1" s="(\d+)" t="inlineStr"><is><t>[^<]*</t></is></c>', rb'<c r="A1" s="\1" t="s"><v>1</v></c>', data)
                assert b't="s"' in data
            dst.writestr(info, data)
        dst.writestr("xl/sharedStrings.xml", f'<sst xmlns="{M}"><si><t>nul</t></si><si><t>Fundene</t></si></sst>')
    edit = PackageEdit(excel_made)
    graft(edit, out.getvalue(), T.sheet("findings"), 3)
    edit.save(tmp_path / "out.xlsx")
    rows = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name(T.sheet("findings")).to_python()
    assert rows[0][0] == "Fundene"
    assert members(tmp_path / "out.xlsx")["xl/sharedStrings.xml"] == members(excel_made)["xl/sharedStrings.xml"]


@pytest.mark.slow  # a whole workbook on disk
def test_a_findings_sheet_without_its_table_is_made_anew_in_its_place(tmp_path):
    """The findings sheet is the tool's: when its table is gone (say, turned into a range), the
    sheet is made again where it stands; its old table part goes, nothing else changes."""
    from openpyxl import load_workbook

    from xlplugin.app import validate_file

    path = example(tmp_path)
    wb = load_workbook(path)
    ws = wb[T.sheet("findings")]
    del ws.tables[T.table("findings")]
    ws["H2"] = "mine"
    wb.save(path)
    before = members(path)
    order = CalamineWorkbook.from_path(str(path)).sheet_names
    validation = validate_file(path)
    assert validation.findings_written and "findings_restored" in {f.key for f in validation.findings}
    after = members(path)
    assert CalamineWorkbook.from_path(str(path)).sheet_names == order
    tables = [name for name in after if name.startswith("xl/tables/")]
    assert len(tables) == len([name for name in before if name.startswith("xl/tables/")]) + 1
    types = after["[Content_Types].xml"].decode()
    assert all(f"/{name}" in types for name in tables)


@pytest.mark.slow
def test_the_result_validates_and_libreoffice_opens_it(excel_made, tmp_path):
    out = add(excel_made, tmp_path / "out.xlsx", ("overview", 1), ("findings", 4), ("lists", 5))
    assert ooxml_validate_all(excel_made) == []
    assert ooxml_validate_all(out) == []  # Excel-made styles: not even openpyxl's font order
    converted = soffice_convert(out, "xlsx", tmp_path / "lo")
    book = CalamineWorkbook.from_path(str(converted))
    assert book.sheet_names[:5] == ["Sheet1", T.sheet("overview"), "Sheet2", "Sheet 3", T.sheet("findings")]
    assert book.get_sheet_by_name(T.sheet("lists")).to_python()[1][0] == T.choice("yesno", "yes")


def test_a_failed_action_leaves_the_file_as_it_was(tmp_path, monkeypatch, capsys):
    from xlplugin.cli import main
    from xlplugin.gateway import edit as edit_module

    path = tmp_path / "Gammel.xlsx"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "layout-1" / "Eksempel.xlsx", path)
    before = path.read_bytes()

    def broken_save(self, out):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(edit_module.PackageEdit, "save", broken_save)
    assert main(["upgrade", str(path)]) == 2  # adds the Overblik sheet, then the save fails
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".bak").exists() or path.with_name(path.name + ".bak").read_bytes() == before


def test_a_custom_number_format_is_found_by_its_code_or_added():
    from xlplugin.gateway.edit import Styles

    def styles(formats: str, xfs: str):
        return xmltree.etree.fromstring(  # the backend under test builds the writer's input
            f'<styleSheet xmlns="{M}">{formats}<fonts count="1"><font><sz val="11"/></font></fonts>'
            '<fills count="1"><fill><patternFill/></fill></fills><borders count="1"><border/></borders>'
            f'<cellXfs count="1">{xfs}</cellXfs></styleSheet>'
        )

    mine = Styles(styles('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'))
    other = styles(
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0 &quot;kr.&quot;"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>',
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/>'
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0"/>',
    )
    money, decimal = mine.adopt_xf(other, 1), mine.adopt_xf(other, 2)
    xfs = mine.root.find(f"{{{M}}}cellXfs")
    codes = {f.get("numFmtId"): f.get("formatCode") for f in mine.root.iter(f"{{{M}}}numFmt")}
    assert codes[xfs[money].get("numFmtId")] == '#,##0 "kr."' and xfs[money].get("numFmtId") == "165"
    assert xfs[decimal].get("numFmtId") == "164"  # the workbook's own 0.0
    assert mine.adopt_xf(other, 1) == money and mine.adopt_xf(other, 0) == 0
