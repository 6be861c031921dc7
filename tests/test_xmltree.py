"""The in-place writer without lxml (``xlplugin.gateway.xmltree``): the standard library's
ElementTree with lxml's calls, namespace prefixes and declarations kept. The writer's own suites
(test_inplace, test_writer, …) run on both backends through the ``xml_backend`` fixture; here
the backend's own promises, and the whole writer in a process where lxml cannot be imported.
"""
from __future__ import annotations

import copy
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXCEL_MADE
from lxml import etree as lxml_etree
from workbooks import example

from xlplugin.gateway import xmltree

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT = Path(__file__).resolve().parent.parent
SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2" '
    b'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
    b'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    b'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xr:uid="{00000000-0001}">'
    b'<!-- a comment --><?a-pi data?><dimension ref="A1"/>'
    b'<sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; </t></is></c></row>'
    b'<row r="3"><c r="B3"><v>2</v></c></row></sheetData>'
    b'<hyperlinks><hyperlink ref="A1" r:id="rId1" display="x&quot;y&#10;z"/></hyperlinks></worksheet>'
)


@pytest.fixture
def E():
    previous = xmltree.use("stdlib")
    yield xmltree.etree
    xmltree.use(previous)


def q(tag):
    return f"{{{M}}}{tag}"


def c14n(data: bytes) -> bytes:
    return lxml_etree.tostring(lxml_etree.fromstring(data), method="c14n")


def test_a_part_read_and_written_says_the_same_with_its_prefixes_and_declarations(E):
    root = E.fromstring(SHEET, E.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
    out = E.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    assert out.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    assert c14n(out) == c14n(SHEET)  # same names, attributes, text, comments and PIs
    # a declaration only mc:Ignorable names (xr2) stays, with every prefix as it was
    assert b'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"' in out
    assert b"<row " in out and b'x14ac:dyDescent="0.25"' in out and b'r:id="rId1"' in out
    assert b"ns0" not in out
    assert b'display="x&quot;y&#10;z"' in out and b"> a &amp; b &lt;c&gt; </t>" in out


def test_new_elements_take_the_prefix_in_scope_and_the_tree_moves_as_lxml_moves_it(E):
    root = E.fromstring(SHEET)
    data = root.find(q("sheetData"))
    first, third = list(data)
    assert first.getparent() is data and data.getparent() is root and root.getparent() is None
    second = E.Element(q("row"), r="2")
    third.addprevious(second)
    E.SubElement(second, q("c"), {"r": "A2"}, t="b")
    fourth = E.SubElement(data, q("row"), r="4")
    third.addnext(fourth)  # already a child: moved, not held twice
    assert [r.get("r") for r in data.iterchildren(q("row"))] == ["1", "2", "3", "4"]
    data.append(first)  # lxml's append moves too
    assert [r.get("r") for r in data] == ["2", "3", "4", "1"]
    data.remove(first)
    assert first.getparent() is None
    link = root.find(f"{q('hyperlinks')}/{q('hyperlink')}")
    link.getparent().remove(link)
    E.SubElement(root.find(q("hyperlinks")), q("hyperlink"), {f"{{{R}}}id": "rId2"}, ref="B2")
    out = E.tostring(root, xml_declaration=True, standalone=True)
    assert b'<row r="2"><c r="A2" t="b"/></row>' in out
    assert b'<hyperlink r:id="rId2" ref="B2"/>' in out
    assert c14n(out)  # well-formed; and lxml reads the same structure
    again = lxml_etree.fromstring(out)
    assert [r.get("r") for r in again.iter(q("row"))] == ["2", "3", "4"]


def test_a_standalone_copy_declares_what_it_inherits_and_copies_keep_the_api(E):
    root = E.fromstring(SHEET)
    row = root.find(f"{q('sheetData')}/{q('row')}")
    alone = E.tostring(row)
    assert lxml_etree.fromstring(alone).get("{http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac}dyDescent") == "0.25"
    for twin in (copy.deepcopy(row), copy.copy(row), E.fromstring(alone)):
        assert twin.getparent() is None and twin[0].getparent() is twin
        root.find(q("sheetData")).append(twin)
        assert twin.getparent() is not None
    # a new element in a namespace nobody declared gets a declaration of its own
    E.SubElement(root, "{urn:example}thing")
    out = E.tostring(root)
    assert lxml_etree.fromstring(out).find("{urn:example}thing") is not None


def test_equal_trees_give_equal_c14n_and_a_change_does_not(E):
    a, b = E.fromstring(SHEET), E.fromstring(SHEET)
    assert E.tostring(a, method="c14n") == E.tostring(b, method="c14n")
    b.find(q("dimension")).set("ref", "A1:B3")
    assert E.tostring(a, method="c14n") != E.tostring(b, method="c14n")


def test_the_backend_switch_and_the_environment_variable():
    previous = xmltree.use("stdlib")
    try:
        assert xmltree.etree.name == "stdlib" and xmltree.etree.Element is xmltree.Element
        xmltree.use("lxml")
        assert xmltree.etree.name == "lxml" and xmltree.etree.Element is lxml_etree.Element
    finally:
        xmltree.use(previous)
    code = "from xlplugin.gateway import xmltree; print(xmltree.etree.name)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"XLPLUGIN_XML": "stdlib", "PATH": ""}, check=True)
    assert out.stdout.strip() == "stdlib"


# The whole writer where lxml cannot be imported, as in the browser: validate and match on the
# example and on Excel-made files give parts that say exactly what the lxml writer's say.
NO_LXML = """
import json, shutil, sys
sys.modules["lxml"] = None  # import lxml fails, as in Pyodide
from pathlib import Path
from xlplugin.app import match_file, validate_file
from xlplugin.gateway import xmltree
assert xmltree.etree.name == "stdlib"
for path in map(Path, sys.argv[1:]):
    for action in (validate_file, match_file):
        try:
            action(path)
        except Exception as error:  # a non-project workbook is refused the same way on both
            print(json.dumps([path.name, action.__name__, type(error).__name__]))
assert "lxml.etree" not in sys.modules
"""


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


@pytest.mark.slow
def test_the_writer_without_lxml_writes_what_the_writer_with_lxml_writes(tmp_path):
    from xlplugin.app import match_file, validate_file

    sources = [example(tmp_path, "da"), example(tmp_path, "en"), EXCEL_MADE / "table01.xlsx", EXCEL_MADE / "comment03.xlsx"]
    runs = {}
    for backend in ("lxml", "stdlib"):
        folder = tmp_path / backend
        folder.mkdir()
        copies = [Path(shutil_copy(s, folder / s.name)) for s in sources]
        if backend == "lxml":
            refused = []
            for path in copies:
                for action in (validate_file, match_file):
                    try:
                        action(path)
                    except Exception as error:
                        refused.append([path.name, action.__name__, type(error).__name__])
        else:
            proc = subprocess.run([sys.executable, "-c", NO_LXML, *map(str, copies)], capture_output=True, text=True, cwd=ROOT, timeout=600)
            assert proc.returncode == 0, proc.stderr[-3000:]
            refused = [json.loads(line) for line in proc.stdout.splitlines()]
        runs[backend] = ({p.name: _parts(p) for p in copies}, refused)
    (with_lxml, refused_lxml), (without, refused_std) = runs["lxml"], runs["stdlib"]
    assert refused_lxml == refused_std
    assert any(name.startswith("example") for name in with_lxml)
    for name, parts in with_lxml.items():
        other = without[name]
        assert list(parts) == list(other), name
        for part, data in parts.items():
            if part.endswith((".xml", ".rels")) and data != other[part]:
                assert c14n(data) == c14n(other[part]), (name, part)
                # declarations (also those only mc:Ignorable names) are the same on the root
                assert lxml_etree.fromstring(data).nsmap == lxml_etree.fromstring(other[part]).nsmap, (name, part)
            elif not part.endswith((".xml", ".rels")):
                assert data == other[part], (name, part)


def shutil_copy(source: Path, target: Path) -> Path:
    target.write_bytes(Path(source).read_bytes())
    return target
