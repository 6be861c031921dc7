"""The workbook on disk is edited the way Excel would (issue 9): every part an action does not
own stays byte for byte; cached formula results stay; moved rows take every reference along;
the file keeps its permissions, owner and symlink; one action at a time; nothing half-written.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import EXCEL_MADE, soffice_convert, validator_findings
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from python_calamine import CalamineWorkbook
from workbooks import example, find_table, rewrite_zip

from xlplugin.app import match_file, validate_file
from xlplugin.domain.errors import UserError
from xlplugin.domain.port import CellRef
from xlplugin.gateway.edit import PackageEdit
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.save import backup_path, check_names
from xlplugin.layout import spec
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts

pytestmark = pytest.mark.usefixtures("xml_backend")  # the writer on lxml and on the standard library

LANG = "da"
T = texts(LANG)

# --- a generated workbook with what a planner adds to it -------------------------------------
METADATA = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    b'<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" '
    b'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" '
    b'coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst>'
    b'<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>'
    b"</ext></extLst></bk></futureMetadata><cellMetadata count=\"1\"><bk><rc t=\"1\" v=\"0\"/></bk></cellMetadata></metadata>"
)
LABEL = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata">'
    b'<clbl:label id="{f42aa342-8706-4288-bd11-ebb85995028c}" enabled="1" method="Standard" '
    b'siteId="{72f988bf-86f1-41af-91ab-2d7cd011db47}" removed="0"/></clbl:labelList>'
)
CUSTOM_XML = b'<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"/>'
CUSTOM_XML_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    b'<ds:datastoreItem ds:itemID="{6D2A5B3C-1F1E-4C1A-9E5B-0A1B2C3D4E5F}" '
    b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
)
CUSTOM_XML_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" '
    b'Target="itemProps1.xml"/></Relationships>'
)
CONNECTIONS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<connection id="1" keepAlive="1" name="Query - Beboere" description="Power Query" type="5" refreshedVersion="8" '
    b'background="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=Beboere" '
    b'command="SELECT * FROM [Beboere]"/></connection></connections>'
)
CHECKBOXES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<FeaturePropertyBags xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/featurepropertybag">'
    b'<bag type="Checkbox"/><bag type="XFControls"><bagId k="CellControl">0</bagId></bag>'
    b'<bag type="XFComplement"><bagId k="XFControls">1</bagId></bag>'
    b'<bag type="XFComplements" extRef="XFComplementsMapperExtRef"><a k="MappedFeaturePropertyBags"><bagId>2</bagId></a></bag>'
    b"</FeaturePropertyBags>"
)
OVERRIDES = {
    "/xl/metadata.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
    "/docMetadata/LabelInfo.xml": "application/vnd.ms-office.classificationlabels+xml",
    "/customXml/itemProps1.xml": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    "/xl/connections.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
    "/xl/featurePropertyBag/featurePropertyBag.xml": "application/vnd.ms-excel.featurepropertybag+xml",
}
WORKBOOK_RELS = {
    "xplA": ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata", "metadata.xml"),
    "xplB": ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", "../customXml/item1.xml"),
    "xplC": ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections", "connections.xml"),
    "xplD": ("http://schemas.microsoft.com/office/2022/11/relationships/FeaturePropertyBag", "featurePropertyBag/featurePropertyBag.xml"),
}
USER_PARTS = {
    "xl/metadata.xml", "docMetadata/LabelInfo.xml", "customXml/item1.xml", "customXml/itemProps1.xml",
    "xl/connections.xml", "xl/featurePropertyBag/featurePropertyBag.xml",
}


def _png() -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _rels(entries: dict[str, tuple[str, str]]) -> bytes:
    return b"".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>'.encode() for i, (t, target) in entries.items())


def with_user_additions(path: Path) -> tuple[Path, dict[str, str]]:
    """The example workbook with a logo, a chart, a comment, a formula share with its stored
    result (=60+15 → 75, as Excel and LibreOffice save it), a dynamic array, checkboxes, a
    sensitivity label, SharePoint customXml and a Power Query connection.
    Returns the file and (sheet part → cell address) of the user's cells to compare."""
    wb = load_workbook(path)
    step1, step2 = wb[T.sheet("step1")], wb[T.sheet("step2")]
    logo = path.parent / "logo.png"
    logo.write_bytes(_png())
    step1.add_image(Image(str(logo)), "N2")
    ws, table = find_table(wb, LANG, "groups")
    top = int(re.sub(r"[A-Z]", "", table.ref.split(":")[0]))
    left = ord(table.ref[0]) - 64
    share = ws.cell(row=top + 1, column=left + [c.key for c in spec.GROUPS.columns].index("share_pct"))
    share.value = "=60+15"
    share_at = share.coordinate
    step1["N30"] = "=SEQUENCE(3)"
    step1["N20"].comment = Comment("Husk at spørge bestyrelsen", "Planlægger")
    chart = BarChart()
    chart.add_data(Reference(step1, min_col=left, min_row=top, max_row=top + 2))
    step2.add_chart(chart, "P2")
    wb.save(path)
    parts = PackageEdit(path).sheet_parts()
    step1_part = parts[T.sheet("step1")]

    def change(name: str, data: bytes) -> bytes:
        if name == step1_part:
            data = re.sub(rb"(<c r=\"" + share_at.encode() + rb"\"[^>]*><f>60\+15</f>)(<v\s*/>|<v></v>)?", rb"\1<v>75</v>", data)
            data = re.sub(
                rb"<c r=\"N30\"([^>]*)><f>SEQUENCE\(3\)</f>(<v\s*/>|<v></v>)?</c>",
                rb'<c r="N30"\1 cm="1"><f t="array" ref="N30:N30">_xlfn.SEQUENCE(3)</f><v>1</v></c>',
                data,
            )
        elif name == "[Content_Types].xml":
            extra = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in OVERRIDES.items())
            data = data.replace(b"</Types>", extra.encode() + b"</Types>")
        elif name == "_rels/.rels":
            label = {"xplL": ("http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels", "docMetadata/LabelInfo.xml")}
            data = data.replace(b"</Relationships>", _rels(label) + b"</Relationships>")
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", _rels(WORKBOOK_RELS) + b"</Relationships>")
        return data

    extra = {
        "xl/metadata.xml": METADATA,
        "docMetadata/LabelInfo.xml": LABEL,
        "customXml/item1.xml": CUSTOM_XML,
        "customXml/itemProps1.xml": CUSTOM_XML_PROPS,
        "customXml/_rels/item1.xml.rels": CUSTOM_XML_RELS,
        "xl/connections.xml": CONNECTIONS,
        "xl/featurePropertyBag/featurePropertyBag.xml": CHECKBOXES,
    }
    out = rewrite_zip(path, path.with_name("planner.xlsx"), change, extra)
    path.unlink()
    logo.unlink()
    return out, {step1_part: share_at}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def cell_xml(data: bytes, address: str) -> bytes:
    found = re.search(rb"<c r=\"" + address.encode() + rb"\"[^>]*?(/>|>.*?</c>)", data)
    assert found is not None, address
    return found[0]


# Parts an action may change: the sheets it writes (cells, rows, tables, validations, formats,
# links), their tables, the cell formats (a mark's look, a date's format), the workbook (recalc).
OWNED = re.compile(r"^xl/(worksheets/sheet\d+\.xml|tables/table\d+\.xml|styles\.xml|workbook\.xml)$")


@pytest.fixture
def planner(tmp_path):
    return with_user_additions(example(tmp_path, LANG))


def test_validate_and_match_leave_every_part_they_do_not_own_byte_for_byte(planner):
    path, user_cells = planner
    original = members(path)
    for action in (validate_file, match_file):
        before = members(path)
        saved = action(path).saved
        assert saved.path == path
        after = members(path)
        assert list(after) == list(before)  # nothing dropped, nothing added, same order
        changed = {name for name in before if before[name] != after[name]}
        assert changed, action
        assert all(OWNED.match(name) for name in changed), changed
        for name in before:
            if not OWNED.match(name):
                assert after[name] == original[name], name
        for part, address in user_cells.items():
            assert cell_xml(after[part], address) == cell_xml(original[part], address)
        assert cell_xml(after[next(iter(user_cells))], "N30") == cell_xml(original[next(iter(user_cells))], "N30")
    assert set(members(path)) >= USER_PARTS
    # the share typed as a formula still reads as its result, in the next run too
    project = read_project(open_workbook(path)).project
    assert project.groups[0].share_pct == 75


def test_a_second_validate_changes_nothing_but_the_findings_and_marks(planner):
    path, _ = planner
    validate_file(path)
    first = members(path)
    validate_file(path)
    second = members(path)
    assert {n for n in first if first[n] != second[n]} == set()  # same findings, same marks: same bytes


@pytest.mark.slow
def test_the_result_validates_opens_in_libreoffice_and_keeps_formula_results(planner, tmp_path):
    path, _ = planner
    errors_before = validator_findings(path, everything=True)
    validate_file(path)
    match_file(path)
    assert validator_findings(path, everything=True) - errors_before == set()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(T.sheet("step1")).to_python()
    assert any(75 in row for row in rows)
    converted = soffice_convert(path, "xlsx", tmp_path / "lo")
    lo_rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_name(T.sheet("step1")).to_python()
    assert any(75 in row for row in lo_rows)


EXCEL_FILES = sorted(EXCEL_MADE.glob("*.xls*"))


@pytest.mark.parametrize("fixture", EXCEL_FILES, ids=lambda p: p.name)
def test_writing_into_an_excel_made_file_changes_only_the_sheet_written(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = members(path)
    gateway = open_workbook(path, project_only=False)
    first = gateway.sheet_names()[0]
    edit = PackageEdit(path)
    first_part = edit.sheet_parts()[first]
    edit.close()
    values_before = {name: cells_of(path, name) for name in gateway.sheet_names()}
    gateway._sheet = lambda key: gateway._edit().sheet(first)  # write on the first sheet, whatever it is
    gateway.write_range("any", CellRef(first, 200, 30), [["xlplugin", 1.5]])
    gateway.set_marks([CellRef(first, 200, 30)])
    gateway.commit()
    after = members(path)
    assert list(after) == list(before)
    assert {n for n in before if before[n] != after[n]} <= {first_part, "xl/styles.xml"}
    for name, cells in values_before.items():
        now = cells_of(path, name)
        if name == first:
            assert (now.pop((199, 29)), now.pop((199, 30))) == ("xlplugin", 1.5)
        assert now == cells, name


def cells_of(path: Path, sheet: str) -> dict[tuple[int, int], object]:
    """The sheet's non-empty cells by (row, column), 0-based, as calamine reads them."""
    found = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet)
    top, left = found.start or (0, 0)
    return {
        (top + r, left + c): v for r, row in enumerate(found.to_python()) for c, v in enumerate(row) if v not in ("", None)
    }


# --- moving rows: what points into them comes along ------------------------------------------
@pytest.mark.slow
def test_rows_moved_by_a_growing_table_take_every_reference_along(tmp_path):
    path = example(tmp_path, LANG)
    wb = load_workbook(path)
    # the maintenance plan grows into the reality check below it on 5 Vedligehold
    ws, table = find_table(wb, LANG, "maintenance")
    bottom = int(re.sub(r"[A-Z]", "", table.ref.split(":")[1]))
    _, criteria = find_table(wb, LANG, "constraints")
    crit_top = int(re.sub(r"[A-Z]", "", criteria.ref.split(":")[0]))
    crit_col = criteria.ref.split(":")[0].rstrip("0123456789")
    sheet = ws.title
    target = f"{crit_col}{crit_top + 1}"
    mine = wb.create_sheet("Mine")
    mine["A1"] = f"='{sheet}'!{target}"
    mine["A2"] = f"=COUNTA('{sheet}'!{crit_col}{crit_top}:{crit_col}{crit_top + 3})"
    mine["A3"] = f"=ROW('{sheet}'!{target})"
    from openpyxl.workbook.defined_name import DefinedName

    wb.defined_names["MinKriterie"] = DefinedName("MinKriterie", attr_text=f"'{sheet}'!${crit_col}${crit_top + 1}")
    mine["A4"] = "=MinKriterie"
    ws[f"Z{crit_top + 1}"] = "note"
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    ws.conditional_formatting.add(f"Z{crit_top + 1}", CellIsRule(operator="equal", formula=['"note"'], fill=PatternFill("solid", bgColor="FFFF00")))
    wb.save(path)
    expected = load_workbook(path)[sheet][target].value
    filled = sum(load_workbook(path)[sheet][f"{crit_col}{r}"].value is not None for r in range(crit_top, crit_top + 4))

    gateway = open_workbook(path)
    project = read_project(gateway).project
    from test_writer import write_model_table

    write_model_table(gateway, "maintenance", project.maintenance * 7)
    gateway.commit()

    wb = load_workbook(path)
    ws, _ = find_table(wb, LANG, "constraints")
    _, criteria = find_table(wb, LANG, "constraints")
    new_top = int(re.sub(r"[A-Z]", "", criteria.ref.split(":")[0]))
    assert new_top > crit_top  # the reality check was moved down
    moved = f"{crit_col}{new_top + 1}"
    assert wb["Mine"]["A1"].value == f"='{sheet}'!{moved}"
    assert wb.defined_names["MinKriterie"].attr_text == f"'{sheet}'!${crit_col}${new_top + 1}"
    assert [str(cf.sqref) for cf in ws.conditional_formatting if any('"note"' in (r.formula or [""])[0] for r in cf.rules)] == [f"Z{new_top + 1}"]
    assert ws[f"Z{new_top + 1}"].value == "note"
    assert bottom < new_top
    converted = soffice_convert(path, "xlsx", tmp_path / "lo")
    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_name("Mine").to_python()
    assert rows[0][0] == expected and rows[2][0] == new_top + 1 and rows[3][0] == expected
    assert rows[1][0] == filled >= 2


# --- the file system -----------------------------------------------------------------------------
def _example(tmp_path: Path) -> Path:
    return example(tmp_path, LANG)


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_the_file_keeps_its_permissions_and_so_does_its_backup(tmp_path):
    path = _example(tmp_path)
    path.chmod(0o600)
    validate_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o600
    path.chmod(0o640)
    match_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write a read-only file")
def test_a_read_only_file_is_refused_and_left_alone_non_root(tmp_path):
    path = _example(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        validate_file(path)
    assert err.value.key == "msg.read_only"
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_a_read_only_file_is_refused_even_for_root(tmp_path):
    path = _example(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        match_file(path)
    assert err.value.key == "msg.read_only"
    assert path.read_bytes() == before and not backup_path(path).exists()
    assert validate_file(path, write=False).findings is not None  # reading it is fine


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlinked_workbook_is_written_at_its_target(tmp_path):
    target = _example(tmp_path)
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "projekt.xlsx"
    link.symlink_to(target)
    before = target.read_bytes()
    validate_file(link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_bytes() != before
    assert backup_path(target).read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "links").iterdir()) == ["projekt.xlsx"]


@pytest.mark.parametrize("lock", ["~$example_da.xlsx", ".~lock.example_da.xlsx#"])
def test_a_file_open_in_excel_or_libreoffice_is_not_written(tmp_path, lock):
    path = _example(tmp_path)
    (tmp_path / lock).write_text("user")
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        validate_file(path)
    assert err.value.key == "msg.file_locked" and path.read_bytes() == before


def test_stale_temp_files_of_a_killed_run_are_removed_by_the_next(tmp_path):
    path = _example(tmp_path)
    stale = [tmp_path / ".~example_da.ab12cd34.xlsx", tmp_path / ".~example_da.xlsx.zz99yy88.bak"]
    for p in stale:
        p.write_bytes(b"old data")
    foreign = tmp_path / ".~example_da.notours.xlsx"
    foreign.write_bytes(b"not ours")
    validate_file(path, write=False)
    assert not any(p.exists() for p in stale) and foreign.exists()


def test_a_name_too_long_for_the_backup_is_refused_before_any_work(tmp_path):
    path = tmp_path / ("p" * 240 + ".xlsx")
    with pytest.raises(UserError) as err:
        check_names(path)
    assert err.value.key == "msg.backup_name_too_long"
    check_names(tmp_path / "projekt.xlsx")


def test_a_second_action_waits_for_the_first_then_says_the_file_is_busy(tmp_path, monkeypatch):
    from xlplugin.gateway import save

    path = _example(tmp_path)
    monkeypatch.setattr(save, "LOCK_WAIT", 0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(UserError) as err:
            validate_file(path)
        assert err.value.key == "msg.busy" and time.monotonic() - started >= 0.4
    finally:
        holder.kill()
        holder.wait()
    assert validate_file(path).saved.path == path  # free again once the other is gone


HOLD_LOCK = """
import sys, time
from xlplugin.gateway.file import open_workbook
wb = open_workbook(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).parent / "xlplugin"), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_actions_at_once_run_one_after_the_other_and_no_result_is_lost(tmp_path):
    saved = T.format("msg.saved", path="", backup="").split("{")[0][:4]  # "Gemt"
    for i in range(20):
        folder = tmp_path / str(i)
        folder.mkdir()
        path = example(folder, LANG, blank=False)
        procs = [_cli("match", str(path)), _cli("validate", str(path))]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] in ([0, 0], [0, 1]), outs
        assert all(saved in out for out, _ in outs), outs
        gateway = open_workbook(path)
        findings, interactions = gateway.read_table("findings"), gateway.read_table("interactions")
        gateway.close()
        assert findings is not None and any(any(v not in (None, "") for v in row) for row in findings.rows), i
        assert interactions is not None and len([r for r in interactions.rows if any(v not in (None, "") for v in r)]) > 0, i


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_leaves_the_old_or_the_new_file_and_the_next_run_cleans_up(tmp_path):
    path = example(tmp_path, LANG)
    started = time.monotonic()
    assert _cli("match", str(path)).wait(timeout=120) == 0
    duration = time.monotonic() - started  # one whole run; kill at 5 % … 125 % of it
    # a run that got to the end replaced the file (a new inode), even when its bytes are the same
    versions = {path.stat().st_ino}
    for i in range(20):
        proc = _cli("match", str(path))
        time.sleep(duration * (0.05 + 0.06 * i))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
        gateway = open_workbook(path)  # a complete workbook: old or new; opening cleans up
        read_project(gateway)
        gateway.close()
        versions.add(path.stat().st_ino)
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")], i
    assert len(versions) >= 2  # some runs got to the end


def test_a_formula_without_a_stored_result_is_reported_not_silently_read_as_empty(tmp_path):
    """openpyxl (and other tools that do not calculate) save formulas without their result."""
    path = example(tmp_path, LANG)
    wb = load_workbook(path)
    ws, table = find_table(wb, LANG, "groups")
    top = int(re.sub(r"[A-Z]", "", table.ref.split(":")[0]))
    left = ord(table.ref[0]) - 64
    ws.cell(row=top + 1, column=left, value='="Senior"&"er"')
    wb.save(path)
    result = read_project(open_workbook(path))
    found = [f for f in result.findings if f.key == "formula_no_result"]
    assert [f.at for f in found] == [CellRef(ws.title, top + 1, left)]
    # once a tool that calculates has saved it, the result is read and nothing is reported
    data = members(path)
    part = PackageEdit(path).sheet_parts()[ws.title]

    def with_result(name: str, body: bytes) -> bytes:
        if name != part:
            return body
        return re.sub(rb'(<f>"Senior"&amp;"er"</f>)(<v\s*/>|<v></v>)?', rb'\1<v>Seniorer</v>', body).replace(
            b'<c r="' + f"{ws.cell(row=top + 1, column=left).coordinate}".encode() + b'"', b'<c r="' + ws.cell(row=top + 1, column=left).coordinate.encode() + b'" t="str"', 1
        )

    assert part in data
    fixed = rewrite_zip(path, tmp_path / "fixed.xlsx", with_result)
    again = read_project(open_workbook(fixed))
    assert not [f for f in again.findings if f.key == "formula_no_result"]
    assert again.project.groups[0].name == "Seniorer"


@pytest.mark.parametrize(
    "formula,home,expected",
    [
        ("=SUM(Data!A1:A10)+A5", "Other", "=SUM(Data!A1:A13)+A5"),  # a range that ends below grows
        ("=SUM(Data!A1:A10)+A5", "Data", "=SUM(Data!A1:A13)+A8"),  # on the moved sheet, A5 moves
        ("='Data'!$B$7*2", None, "='Data'!$B$10*2"),  # absolute references move too (as in Excel)
        ("=Data!$A$1:$A$4", None, "=Data!$A$1:$A$4"),  # above the insert: unchanged
        ("=SUM(6:8)", "Data", "=SUM(9:11)"),  # whole rows
        ("=SUM(A:A)", "Data", "=SUM(A:A)"),  # whole columns
        ("=Tbl[@X]+B2", "Data", "=Tbl[@X]+B2"),  # structured references follow their table
        ('="Data!A9"&[1]Data!A9', "Other", '="Data!A9"&[1]Data!A9'),  # text, and another workbook
        ("=SUM('Bob''s'!A5:B6)", "Other", "=SUM('Bob''s'!A8:B9)"),  # a quoted name with an apostrophe
    ],
)
def test_references_move_as_excel_moves_them_on_inserting_rows(formula, home, expected):
    from xlplugin.gateway.refs import RowShift, shift_formula

    sheet = "Bob's" if "Bob" in formula else "Data"
    assert shift_formula(formula, RowShift(sheet, 5, 3), home) == expected


def test_shared_formulas_that_point_at_moved_rows_become_one_formula_per_cell(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "shared.xlsx"
    wb = Workbook()
    wb.active.title = "Data"
    for r in range(1, 11):
        wb.active.cell(row=r, column=1, value=r)
    other = wb.create_sheet("Other")
    other["A1"] = "=Data!A1"
    wb.save(path)

    def share(name: str, data: bytes) -> bytes:  # =Data!A1 in A1, shared down to A6 as Excel saves it
        if name != "xl/worksheets/sheet2.xml":
            return data
        cells = b"".join(
            b'<row r="%d"><c r="A%d"><f t="shared" si="0"%s>%s</f><v>%d</v></c></row>'
            % (r, r, b' ref="A1:A6"' if r == 1 else b"", b"Data!A1" if r == 1 else b"", r)
            for r in range(1, 7)
        )
        return re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData>" + cells + b"</sheetData>", data, flags=re.S)

    shared = rewrite_zip(path, tmp_path / "shared2.xlsx", share)
    edit = PackageEdit(shared)
    edit.shift_rows("Data", 4, 2)
    out = tmp_path / "moved.xlsx"
    edit.save(out)
    edit.close()
    wb = load_workbook(out)
    assert [wb["Other"].cell(row=r, column=1).value for r in range(1, 7)] == [
        "=Data!A1", "=Data!A2", "=Data!A3", "=Data!A6", "=Data!A7", "=Data!A8"
    ]
    assert [wb["Data"].cell(row=r, column=1).value for r in (3, 6, 12)] == [3, 4, 10]
    assert 'fullCalcOnLoad="1"' in members(out)["xl/workbook.xml"].decode()
