"""A workbook package edited in place, as Excel edits it: only the XML parts an action writes
are parsed (lxml) and serialized again; every other zip member is copied byte for byte.

``PackageEdit`` opens the parts lazily (workbook, styles, one sheet, its tables…) and writes a
new package with ``save``; ``Styles`` adds the cell and differential formats the edits need.
One worksheet part is an ``edit_sheet.Sheet``; ``shift_rows`` (``edit_shift``) moves rows down
and updates every reference in the package that points at them.
"""
from __future__ import annotations

import copy
import posixpath
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xlplugin.gateway import edit_shift
from xlplugin.gateway.edit_sheet import WORKBOOK, Sheet, child, local, q
from xlplugin.gateway.xmltree import etree

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
STYLES = "xl/styles.xml"
WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "AlternateContent", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]
CUSTOM_NUMBER_FORMATS = 164  # number formats below this id are Excel's built-in ones
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def _rels_name(part: str) -> str:
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def _target(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


class PackageEdit:
    """The parts of one .xlsx, parsed when first needed; untouched parts stay bytes."""

    def __init__(self, path: Path):
        self.path = path
        self._zip = zipfile.ZipFile(path)
        self._infos = self._zip.infolist()
        self._names = {info.filename for info in self._infos}
        self._trees: dict[str, Any] = {}
        self._raw: dict[str, bytes] = {}  # parts changed as bytes (VML)
        self._touched: set[str] = set()  # parts surely changed (serialized without comparing)
        self._sheets: dict[str, Sheet] = {}
        self._styles: Styles | None = None
        self._new: dict[str, Any] = {}  # parts added (their trees), in the order they were added
        self._dropped: set[str] = set()  # parts left out of the new package
        self.recalc = False  # formulas written or moved: Excel and LibreOffice recalculate on open

    # --- parts ----------------------------------------------------------------------------
    def read(self, part: str) -> bytes:
        if part in self._raw:
            return self._raw[part]
        if part in self._new:
            return _serialize(self._new[part])
        return self._zip.read(part)

    def pristine(self, part: str) -> bool:
        """Whether ``part`` is still the file's own bytes: never parsed, replaced or added."""
        return part in self._names and not (part in self._trees or part in self._raw or part in self._new)

    def has(self, part: str) -> bool:
        return part in self._new or (part in self._names and part not in self._dropped)

    def parts(self) -> list[str]:
        """Every part of the package as it will be saved (the original order, then added parts)."""
        return [info.filename for info in self._infos if info.filename not in self._dropped] + list(self._new)

    def add(self, part: str, root: Any) -> None:
        """A new part (an XML tree) written with the package; see ``graft`` for its content type."""
        assert not self.has(part), part
        self._new[part] = root
        self._trees[part] = root

    def replace(self, part: str, root: Any) -> None:
        """New content for a part the package has, written in its place."""
        assert self.has(part), part
        self._trees[part] = root
        self._raw.pop(part, None)
        if part in self._new:
            self._new[part] = root
        else:
            self.touch(part)

    def drop(self, part: str) -> None:
        """Leave a part out of the new package (a relationships part a replaced sheet no longer has)."""
        self._dropped.add(part)
        self._new.pop(part, None)
        self._trees.pop(part, None)

    def touch(self, part: str) -> None:
        self._touched.add(part)

    def _changed(self, part: str) -> bool:
        """Whether a parsed part says something else now (a part only read is copied as it was)."""
        if part in self._touched:
            return True
        original = etree.fromstring(self._zip.read(part), _PARSER)
        return etree.tostring(original, method="c14n") != etree.tostring(self._trees[part], method="c14n")

    def tree(self, part: str) -> Any:
        if part not in self._trees:
            if not self.has(part):
                raise KeyError(part)
            self._trees[part] = etree.fromstring(self.read(part), _PARSER)
        return self._trees[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last word, part name) of ``part``'s internal targets."""
        name = _rels_name(part)
        if not self.has(name):
            return {}
        root = self.tree(name)  # parsed once; relationships added by ``graft`` are seen
        out = {}
        for rel in root.iter(f"{{{PR}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            out[rel.get("Id", "")] = (rel.get("Type", "").rpartition("/")[2], _target(part, rel.get("Target", "")))
        return out

    def sheet_parts(self) -> dict[str, str]:
        """Sheet name → its worksheet part, in the workbook's order."""
        rels = self.rels(WORKBOOK)
        out = {}
        for sheet in self.tree(WORKBOOK).iter(q("sheet")):
            rel = rels.get(sheet.get(f"{{{R}}}id", ""))
            if rel and rel[0] == "worksheet":
                out[sheet.get("name", "")] = rel[1]
        return out

    def sheet(self, name: str) -> Sheet:
        if name not in self._sheets:
            self._sheets[name] = Sheet(self, name, self.sheet_parts()[name])
        return self._sheets[name]

    def forget(self, name: str) -> None:
        """Drop what is known of sheet ``name``'s part (its content is replaced)."""
        self._sheets.pop(name, None)

    def styles(self) -> Styles | None:
        if self._styles is None and self.has(STYLES):
            self._styles = Styles(self.tree(STYLES))
        return self._styles

    def tables_of(self, sheet: str) -> list[tuple[str, Any]]:
        """(part, root) of each table on the sheet."""
        part = self.sheet_parts()[sheet]
        return [(target, self.tree(target)) for kind, target in self.rels(part).values() if kind == "table" and self.has(target)]

    # --- moving rows ------------------------------------------------------------------------
    def shift_rows(self, sheet: str, at: int, n: int) -> None:
        """Insert ``n`` rows before row ``at`` of ``sheet`` and update what points below it."""
        edit_shift.shift_rows(self, sheet, at, n)

    # --- saving -------------------------------------------------------------------------------
    def save(self, out: Path) -> None:
        """Write the package to ``out``: changed parts serialized, the rest copied as they are."""
        if self.recalc:
            calc = child(self.tree(WORKBOOK), "calcPr", WORKBOOK_ORDER)
            calc.set("fullCalcOnLoad", "1")
        for sheet in self._sheets.values():
            sheet.finish()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in self._infos:
                name = info.filename
                if name in self._dropped:
                    continue
                if name in self._trees and self._changed(name):
                    data = _serialize(self._trees[name])
                elif name in self._raw:
                    data = self._raw[name]
                else:
                    _copy_compressed(self._zip, info, target)
                    continue
                target.writestr(info, data)
            stamp = next((i.date_time for i in self._infos if i.filename == WORKBOOK), (1980, 1, 1, 0, 0, 0))
            for name, root in self._new.items():
                target.writestr(zipfile.ZipInfo(name, stamp), _serialize(root), zipfile.ZIP_DEFLATED)

    def close(self) -> None:
        self._zip.close()


def _serialize(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy_compressed(source: zipfile.ZipFile, info: zipfile.ZipInfo, target: zipfile.ZipFile) -> None:
    """Copy a member as it is stored (compressed bytes, CRC, date): no inflating and deflating
    again. Falls back to an ordinary copy where the stored form cannot simply be moved."""
    fp = source.fp
    if fp is None or info.flag_bits & 0x1 or not hasattr(target, "start_dir"):  # encrypted, or another zipfile
        target.writestr(info, source.read(info))
        return
    fp.seek(info.header_offset)
    header = fp.read(30)
    if header[:4] != b"PK\x03\x04":
        target.writestr(info, source.read(info))
        return
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_length + extra_length)
    data = fp.read(info.compress_size)
    copied = copy.copy(info)
    copied.flag_bits &= ~0x08  # sizes and CRC go in the local header: no data descriptor after the data
    copied.extra = b""
    assert target.fp is not None
    copied.header_offset = target.fp.tell()
    target.fp.write(copied.FileHeader(zip64=info.file_size > zipfile.ZIP64_LIMIT or info.compress_size > zipfile.ZIP64_LIMIT))
    target.fp.write(data)
    target.filelist.append(copied)
    target.NameToInfo[copied.filename] = copied
    target.start_dir = target.fp.tell()
    target._didModify = True  # type: ignore[attr-defined]  # zipfile writes the directory on close


class Styles:
    """The cell formats a written date needs, and the marks' differential format."""

    DATE_FORMATS = frozenset({*range(14, 23), 45, 46, 47})

    def __init__(self, root: Any):
        self.root = root
        self._dates: dict[tuple[int, int], int] = {}

    def _xfs(self) -> Any:
        return self.root.find(q("cellXfs"))

    def date_style(self, s: int, num_fmt: int) -> int:
        """A cell format like ``s`` that shows a date (``s`` itself if it already does)."""
        from openpyxl.styles.numbers import is_date_format

        xfs = self._xfs()
        if xfs is None:
            return s
        items = list(xfs)
        xf = items[s] if s < len(items) else None
        current = int(xf.get("numFmtId", "0")) if xf is not None else 0
        if current in self.DATE_FORMATS:
            return s
        for fmt in self.root.iterfind(f"{q('numFmts')}/{q('numFmt')}"):
            if int(fmt.get("numFmtId", "-1")) == current and is_date_format(fmt.get("formatCode", "")):
                return s
        if (s, num_fmt) not in self._dates:
            new = etree.SubElement(xfs, q("xf"), dict(xf.attrib) if xf is not None else {})
            if xf is not None:
                for part in xf:
                    new.append(etree.fromstring(etree.tostring(part)))
            new.set("numFmtId", str(num_fmt))
            new.set("applyNumberFormat", "1")
            xfs.set("count", str(len(xfs)))
            self._dates[(s, num_fmt)] = len(xfs) - 1
        return self._dates[(s, num_fmt)]

    # --- formats of a sheet made elsewhere (``graft``): found among these, else added ---------
    def adopt_xf(self, other: Any, index: int) -> int:
        """The index here of a cell format equal to cellXfs[``index``] of the styles ``other``
        (its font, fill, border and number format looked up or added too)."""
        xfs = other.find(q("cellXfs"))
        if xfs is None or index >= len(xfs):
            return 0
        xf = copy.deepcopy(xfs[index])
        for attr, collection in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            items = other.find(q(collection))
            if xf.get(attr) is not None and items is not None and int(xf.get(attr, "0")) < len(items):
                xf.set(attr, str(self._adopt(collection, items[int(xf.get(attr, "0"))])))
        number = int(xf.get("numFmtId", "0"))
        if number >= CUSTOM_NUMBER_FORMATS:
            code = next(
                (f.get("formatCode", "") for f in other.iterfind(f"{q('numFmts')}/{q('numFmt')}") if int(f.get("numFmtId", "-1")) == number),
                None,
            )
            xf.set("numFmtId", str(self.number_format(code) if code is not None else 0))
        xf.set("xfId", "0")  # the Normal style, which every styles part has first
        return _index_or_append(self._xfs(), xf, _xf_shape)

    def adopt_dxf(self, other: Any, index: int) -> int | None:
        dxfs = other.find(q("dxfs"))
        if dxfs is None or index >= len(dxfs):
            return None
        dxf = copy.deepcopy(dxfs[index])
        for font in dxf.iterchildren(q("font")):
            _schema_order(font)
        return self.dxf(dxf)

    def _adopt(self, collection: str, element: Any) -> int:
        items = self.root.find(q(collection))
        element = copy.deepcopy(element)
        if collection == "fonts":
            _schema_order(element)
        return _index_or_append(items, element, _shape)

    def number_format(self, code: str) -> int:
        """The id of a custom number format with this code, added if there is none."""
        formats = self.root.find(q("numFmts"))
        if formats is None:
            formats = etree.Element(q("numFmts"))
            self.root.insert(0, formats)
        used = [int(f.get("numFmtId", "0")) for f in formats.iterchildren(q("numFmt"))]
        for f in formats.iterchildren(q("numFmt")):
            if f.get("formatCode") == code:
                return int(f.get("numFmtId", "0"))
        number = max([CUSTOM_NUMBER_FORMATS - 1, *used]) + 1
        etree.SubElement(formats, q("numFmt"), numFmtId=str(number), formatCode=code)
        formats.set("count", str(len(formats)))
        return number

    def dxf(self, element: Any) -> int:
        """The index of a differential format equal to ``element``, added if there is none."""
        dxfs = self.root.find(q("dxfs"))
        if dxfs is None:
            dxfs = etree.Element(q("dxfs"))
            after = [local(e.tag) for e in self.root]
            position = len(after)
            for later in ("tableStyles", "colors", "extLst"):
                if later in after:
                    position = min(position, after.index(later))
            self.root.insert(position, dxfs)
        return _index_or_append(dxfs, element, _shape)


# CT_Font's children in the schema's order (openpyxl writes its own order; Excel reads both, the
# Open XML SDK validator only this one)
FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme")


def _schema_order(font: Any) -> None:
    children = sorted(font, key=lambda e: FONT_ORDER.index(local(e.tag)) if local(e.tag) in FONT_ORDER else len(FONT_ORDER))
    for element in children:
        font.append(element)


_XF_DEFAULTS = {"xfId": "0", "pivotButton": "0", "quotePrefix": "0"}


def _index_or_append(items: Any, element: Any, shape: Callable[[Any], tuple[Any, ...]]) -> int:
    """The index of the first of ``items`` shaped like ``element``; else ``element`` is appended
    (and the collection's count kept right)."""
    wanted = shape(element)
    for i, existing in enumerate(items):
        if shape(existing) == wanted:
            return i
    items.append(element)
    items.set("count", str(len(items)))
    return len(items) - 1


def _xf_shape(xf: Any) -> tuple[Any, ...]:
    """A cell format's shape, attributes at their default value left out (Excel writes
    xfId="0", openpyxl pivotButton="0" and quotePrefix="0"; absent means the same)."""
    plain = copy.deepcopy(xf)
    for attr, default in _XF_DEFAULTS.items():
        if plain.get(attr) in (default, "false"):
            del plain.attrib[attr]
    return _shape(plain)


def _shape(element: Any) -> tuple[Any, ...]:
    """An element's tag, attributes, text and children, whatever namespaces are declared."""
    return (
        element.tag,
        tuple(sorted(element.attrib.items())),
        (element.text or "").strip(),
        tuple(_shape(e) for e in element if isinstance(e.tag, str)),
    )
