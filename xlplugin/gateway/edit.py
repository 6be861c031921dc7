"""A workbook package edited in place, as Excel edits it: only the XML parts an action writes
are parsed (lxml) and serialized again; every other zip member is copied byte for byte.

``PackageEdit`` opens the parts lazily (workbook, styles, one sheet, its tables…) and writes a
new package with ``save``. ``Sheet`` changes cells, rows, hyperlinks and conditional formats
of one worksheet part; ``shift_rows`` moves rows down and updates every reference in the
package that points at them (formulas on all sheets, names, tables, validations, formats,
merges, links, comments, drawings, charts, pivot sources).
"""
from __future__ import annotations

import bisect
import copy
import datetime as dt
import math
import posixpath
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from xlplugin.gateway.refs import RowShift, shift_formula, shift_sqref

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
WORKBOOK = "xl/workbook.xml"
STYLES = "xl/styles.xml"

# CT_Worksheet's children, in the order the schema demands
SHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]
WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "AlternateContent", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]
FORMULA_TAGS = {"f", "formula", "formula1", "formula2", "calculatedColumnFormula", "totalsRowFormula"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def q(tag: str) -> str:
    return f"{{{M}}}{tag}"


def local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def child(parent: Any, name: str, order: tuple[str, ...] | list[str], create: bool = True) -> Any:
    """The first child ``name`` of ``parent``, created at the place the schema wants it."""
    found = parent.find(q(name))
    if found is not None or not create:
        return found
    element = etree.Element(q(name))
    rank = order.index(name)
    for i, other in enumerate(parent):
        name_of = local(other.tag)
        if name_of in order and order.index(name_of) > rank:
            parent.insert(i, element)
            return element
    parent.append(element)
    return element


def xml_text(value: str) -> str:
    """Text as it may stand in XML: characters XML forbids written as Excel writes them (_x000B_)."""
    return _ILLEGAL.sub(lambda m: f"_x{ord(m[0]):04X}_", value)


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
        self.recalc = False  # formulas written or moved: Excel and LibreOffice recalculate on open

    # --- parts ----------------------------------------------------------------------------
    def read(self, part: str) -> bytes:
        if part in self._raw:
            return self._raw[part]
        return self._zip.read(part)

    def has(self, part: str) -> bool:
        return part in self._names

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
            self._trees[part] = etree.fromstring(self.read(part), _PARSER)
        return self._trees[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last word, part name) of ``part``'s internal targets."""
        name = _rels_name(part)
        if name not in self._names:
            return {}
        root = etree.fromstring(self._zip.read(name), _PARSER)
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
        shift = RowShift(sheet, at, n)
        escaped = sheet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        needles = {
            variant.encode().lower()
            for variant in (sheet, escaped, escaped.replace("'", "&apos;"), escaped.replace("'", "''"))
        }

        def mentions(part: str) -> bool:
            data = self.read(part).lower()
            return any(needle in data for needle in needles)

        for name, part in self.sheet_parts().items():
            if name == sheet:
                self.sheet(name).shift(shift)
            elif name in self._sheets or mentions(part):
                self.sheet(name).shift_formulas(shift)
        for name in self.tree(WORKBOOK).iter(q("definedName")):
            name.text = shift_formula(name.text or "", shift, None)
        home = self.sheet_parts()[sheet]
        for kind, target in self.rels(home).items():
            self._shift_related(kind, target, shift)
        for info in self._infos:
            part = info.filename
            if part.startswith("xl/charts/chart") and part.endswith(".xml") and mentions(part):
                for element in self.tree(part).iter():
                    if local(element.tag) == "f" and element.text:
                        element.text = shift_formula(element.text, shift, None)
            if part.startswith("xl/pivotCache/pivotCacheDefinition") and part.endswith(".xml"):
                for source in self.tree(part).iter(q("worksheetSource")):
                    if shift.on(source.get("sheet", "")) and source.get("ref"):
                        source.set("ref", shift_sqref(source.get("ref", ""), shift))
        self.recalc = True

    def _shift_related(self, rel_id: str, target: tuple[str, str], shift: RowShift) -> None:
        kind, part = target
        if not self.has(part):
            return
        if kind in ("table", "comments", "threadedComment"):
            root = self.tree(part)
            for element in root.iter():
                if element.get("ref"):
                    element.set("ref", shift_sqref(element.get("ref", ""), shift))
                if local(element.tag) in FORMULA_TAGS and element.text:
                    element.text = shift_formula(element.text, shift, shift.sheet)
        elif kind == "drawing":
            for anchor_row in self.tree(part).iter(f"{{{XDR}}}row"):
                row = int(anchor_row.text or 0) + 1
                anchor_row.text = str(shift.row(row) - 1)
        elif kind == "vmlDrawing":
            data = self.read(part)

            def row_tag(m: re.Match[bytes]) -> bytes:
                return m[1] + str(shift.row(int(m[2]) + 1) - 1).encode() + m[3]

            def anchor(m: re.Match[bytes]) -> bytes:
                numbers = [int(x) for x in m[2].split(b",")]
                if len(numbers) == 8:
                    numbers[2] = shift.row(numbers[2] + 1) - 1
                    numbers[6] = shift.row(numbers[6] + 1) - 1
                return m[1] + ", ".join(str(x) for x in numbers).encode() + m[3]

            data = re.sub(rb"(<x:Row>)\s*(\d+)\s*(</x:Row>)", row_tag, data)
            data = re.sub(rb"(<x:Anchor>)([\d,\s]+)(</x:Anchor>)", anchor, data)
            self._raw[part] = data

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
                if name in self._trees and self._changed(name):
                    data = etree.tostring(self._trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
                elif name in self._raw:
                    data = self._raw[name]
                else:
                    _copy_compressed(self._zip, info, target)
                    continue
                target.writestr(info, data)

    def close(self) -> None:
        self._zip.close()


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
        wanted = _shape(element)
        for i, existing in enumerate(dxfs):
            if _shape(existing) == wanted:
                return i
        dxfs.append(element)
        dxfs.set("count", str(len(dxfs)))
        return len(dxfs) - 1


def _shape(element: Any) -> tuple[Any, ...]:
    """An element's tag, attributes, text and children, whatever namespaces are declared."""
    return (
        element.tag,
        tuple(sorted(element.attrib.items())),
        (element.text or "").strip(),
        tuple(_shape(e) for e in element if isinstance(e.tag, str)),
    )


class Sheet:
    """One worksheet part, its rows indexed by number when first needed."""

    def __init__(self, package: PackageEdit, name: str, part: str):
        self.package = package
        self.name = name
        self.part = part
        self.root = package.tree(part)
        self.data = child(self.root, "sheetData", SHEET_ORDER)
        self._rows: dict[int, Any] | None = None
        self._order: list[int] = []
        self._cells: dict[int, dict[int, Any]] = {}
        self._links: dict[str, Any] | None = None
        self._bounds: list[int] = []  # min row, min col, max row, max col written
        self._col_styles: list[tuple[int, int, str | None]] | None = None

    # --- rows and cells -----------------------------------------------------------------------
    def _index(self) -> dict[int, Any]:
        if self._rows is None:
            self._rows = {}
            last = 0
            for row in self.data.iterchildren(q("row")):
                number = int(row.get("r") or last + 1)
                row.set("r", str(number))
                self._rows[number] = row
                last = number
            self._order = sorted(self._rows)
        return self._rows

    def row(self, r: int, create: bool = True) -> Any:
        rows = self._index()
        if r in rows or not create:
            return rows.get(r)
        element = etree.Element(q("row"), r=str(r))
        i = bisect.bisect(self._order, r)
        if i < len(self._order):
            rows[self._order[i]].addprevious(element)
        else:
            self.data.append(element)
        self._order.insert(i, r)
        rows[r] = element
        return element

    def row_cells(self, r: int) -> dict[int, Any]:
        if r not in self._cells:
            row = self.row(r, create=False)
            cells: dict[int, Any] = {}
            last = 0
            for cell in row.iterchildren(q("c")) if row is not None else ():
                found = _CELL.match(cell.get("r") or "")
                number = col_number(found[1]) if found else last + 1
                if not found:
                    cell.set("r", f"{col_letters(number)}{r}")
                cells[number] = cell
                last = number
            self._cells[r] = cells
        return self._cells[r]

    def cell(self, r: int, c: int, create: bool = True) -> Any:
        cells = self.row_cells(r)
        if c in cells or not create:
            return cells.get(c)
        row = self.row(r)
        element = etree.Element(q("c"), r=f"{col_letters(c)}{r}")
        style = row.get("s") if row.get("customFormat") in ("1", "true") else self._column_style(c)
        if style:
            element.set("s", style)
        later = [k for k in cells if k > c]
        if later:
            cells[min(later)].addprevious(element)
        else:
            row.append(element)
        cells[c] = element
        self._grow(r, c)
        return element

    def _column_style(self, c: int) -> str | None:
        if self._col_styles is None:
            cols = self.root.find(q("cols"))
            self._col_styles = [
                (int(col.get("min", 0)), int(col.get("max", 0)), col.get("style"))
                for col in (cols.iterchildren(q("col")) if cols is not None else ())
            ]
        return next((style for low, high, style in self._col_styles if low <= c <= high), None)

    def _grow(self, r: int, c: int) -> None:
        if not self._bounds:
            self._bounds = [r, c, r, c]
        b = self._bounds
        self._bounds = [min(b[0], r), min(b[1], c), max(b[2], r), max(b[3], c)]

    def has_content(self, r: int) -> bool:
        return any(
            local(part.tag) in ("v", "f", "is") for cell in self.row_cells(r).values() for part in cell
        )

    def style(self, r: int, c: int) -> str | None:
        cell = self.cell(r, c, create=False)
        return cell.get("s") if cell is not None else None

    def set_style(self, r: int, c: int, style: str | None) -> None:
        cell = self.cell(r, c)
        if style is None:
            cell.attrib.pop("s", None)
        else:
            cell.set("s", style)

    def set_height(self, r: int, height: float | None) -> None:
        row = self.row(r, create=height is not None)
        if row is None:
            return
        if height is None:
            row.attrib.pop("ht", None)
            row.attrib.pop("customHeight", None)
        else:
            row.set("ht", f"{height:g}")
            row.set("customHeight", "1")

    def copy_row_format(self, source: int, target: int) -> None:
        """The row-level format (style, height kept as is) of ``source`` onto ``target``."""
        src = self.row(source, create=False)
        if src is None or src.get("customFormat") not in ("1", "true"):
            return
        row = self.row(target)
        row.set("s", src.get("s", "0"))
        row.set("customFormat", "1")

    # --- values ------------------------------------------------------------------------------
    def clear(self, r: int, c: int) -> Any:
        self.package.touch(self.part)
        cell = self.cell(r, c)
        for part in list(cell):
            if local(part.tag) in ("f", "v", "is"):
                cell.remove(part)
        for attr in ("t", "cm", "vm"):
            cell.attrib.pop(attr, None)
        return cell

    def put(self, r: int, c: int, value: Any) -> None:
        """A plain value; text always stays text (an inline string), never a formula."""
        cell = self.clear(r, c)
        if value is None or value == "":
            return
        if isinstance(value, bool):
            cell.set("t", "b")
            etree.SubElement(cell, q("v")).text = "1" if value else "0"
        elif isinstance(value, (int, float)) and not (isinstance(value, float) and not math.isfinite(value)):
            etree.SubElement(cell, q("v")).text = repr(value) if isinstance(value, float) else str(value)
        elif isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            self._put_date(cell, value)
        else:
            cell.set("t", "inlineStr")
            text = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
            text.text = xml_text(str(value))
            if text.text != text.text.strip() or "\n" in text.text:
                text.set(XML_SPACE, "preserve")

    def _put_date(self, cell: Any, value: Any) -> None:
        from openpyxl.utils.datetime import to_excel

        etree.SubElement(cell, q("v")).text = repr(float(to_excel(value)))
        styles = self.package.styles()
        if styles is None:
            return
        kind = 22 if isinstance(value, dt.datetime) else 21 if isinstance(value, dt.time) else 14
        if isinstance(value, dt.timedelta):
            kind = 46
        cell.set("s", str(styles.date_style(int(cell.get("s", "0")), kind)))

    def put_formula(self, r: int, c: int, formula: str, cached: Any = None) -> None:
        """A formula, with the result it showed where it came from (Excel recalculates on open)."""
        cell = self.clear(r, c)
        etree.SubElement(cell, q("f")).text = xml_text(formula[1:] if formula.startswith("=") else formula)
        if isinstance(cached, bool):
            cell.set("t", "b")
            etree.SubElement(cell, q("v")).text = "1" if cached else "0"
        elif isinstance(cached, (int, float)) and math.isfinite(cached):
            etree.SubElement(cell, q("v")).text = repr(float(cached)) if isinstance(cached, float) else str(cached)
        elif isinstance(cached, str) and cached:
            cell.set("t", "str")
            etree.SubElement(cell, q("v")).text = xml_text(cached)
        self.package.recalc = True

    # --- hyperlinks --------------------------------------------------------------------------
    def _hyperlinks(self) -> dict[str, Any]:
        if self._links is None:
            links = self.root.find(q("hyperlinks"))
            self._links = {h.get("ref", ""): h for h in links} if links is not None else {}
        return self._links

    def unlink(self, r: int, c: int) -> None:
        link = self._hyperlinks().pop(f"{col_letters(c)}{r}", None)
        if link is not None:
            link.getparent().remove(link)

    def link(self, r: int, c: int, location: str, display: str) -> None:
        self.unlink(r, c)
        ref = f"{col_letters(c)}{r}"
        parent = child(self.root, "hyperlinks", SHEET_ORDER)
        self._hyperlinks()[ref] = etree.SubElement(parent, q("hyperlink"), ref=ref, location=location, display=display)

    # --- widths, validations, conditional formats ------------------------------------------------
    def column_widths(self, first: int, count: int, default: float) -> list[float]:
        fmt = self.root.find(q("sheetFormatPr"))
        if fmt is not None and fmt.get("defaultColWidth"):
            default = float(fmt.get("defaultColWidth", default))
        widths = [default] * count
        cols = self.root.find(q("cols"))
        for col in cols.iterchildren(q("col")) if cols is not None else ():
            low, high = int(col.get("min", 0)), int(col.get("max", 0))
            for c in range(max(low, first), min(high, first + count - 1) + 1):
                if col.get("width"):
                    widths[c - first] = float(col.get("width", default))
        return widths

    def validations(self) -> list[tuple[Any, str]]:
        """Each data validation (the sheet's own and Excel 2010's in extLst): (element, sqref)."""
        out = []
        for element in self.root.iter():
            if local(element.tag) != "dataValidation":
                continue
            if element.get("sqref") is not None:
                out.append((element, element.get("sqref", "")))
            else:
                ref = next((e for e in element if local(e.tag) == "sqref"), None)
                if ref is not None:
                    out.append((ref, ref.text or ""))
        return out

    def extend_validations(self, left: int, right: int, template_row: int, first: int, last: int) -> None:
        from openpyxl.worksheet.cell_range import MultiCellRange

        for element, sqref in self.validations():
            ranges = MultiCellRange(sqref)
            added = [f"{col_letters(c)}{first}:{col_letters(c)}{last}" for c in range(left, right + 1)
                     if f"{col_letters(c)}{template_row}" in ranges]
            if not added:
                continue
            text = " ".join([sqref, *added])
            if element.get("sqref") is not None:
                element.set("sqref", text)
            else:
                element.text = text

    def remove_rules(self, formula: str) -> None:
        """Drop the conditional-format rules whose formula holds ``formula`` (and emptied blocks)."""
        removed = []
        for block in list(self.root.iterchildren(q("conditionalFormatting"))):
            for rule in list(block.iterchildren(q("cfRule"))):
                if any(formula in (f.text or "") for f in rule.iterchildren(q("formula"))):
                    removed.append(int(rule.get("priority", "0")))
                    block.remove(rule)
            if not len(block.findall(q("cfRule"))):
                self.root.remove(block)
        for rule in self.root.iter():  # the others move up again, as before the rule was added
            if local(rule.tag) == "cfRule" and rule.get("priority"):
                priority = int(rule.get("priority", "0"))
                rule.set("priority", str(priority - sum(p < priority for p in removed)))

    def add_rule(self, sqref: str, formula: str, dxf: int | None) -> None:
        """A formula rule above all others (priority 1; the others move down one)."""
        for rule in self.root.iter():
            if local(rule.tag) == "cfRule" and rule.get("priority"):
                rule.set("priority", str(int(rule.get("priority", "0")) + 1))
        blocks = self.root.findall(q("conditionalFormatting"))
        if blocks:
            block = etree.Element(q("conditionalFormatting"), sqref=sqref)
            blocks[-1].addnext(block)
        else:
            block = child(self.root, "conditionalFormatting", SHEET_ORDER)
            block.set("sqref", sqref)
        rule = etree.SubElement(block, q("cfRule"), type="expression", priority="1")
        if dxf is not None:
            rule.set("dxfId", str(dxf))
        etree.SubElement(rule, q("formula")).text = formula

    # --- moving rows ---------------------------------------------------------------------------
    def _expand_shared(self, shift: RowShift) -> None:
        """Shared formulas that may point at moved rows become one formula per cell (as Excel
        does when an insert splits them); their cached results stay."""
        from openpyxl.formula.translate import Translator

        masters: dict[str, tuple[str, str]] = {}
        members: dict[str, list[Any]] = {}
        for f in self.data.iter(q("f")):
            if f.get("t") != "shared":
                continue
            si = f.get("si", "")
            members.setdefault(si, []).append(f)
            if f.text:
                masters[si] = (f.getparent().get("r", ""), f.text)
        for si, formulas in members.items():
            if si not in masters:
                continue
            origin, text = masters[si]
            name = shift.sheet.casefold()
            if name not in text.casefold() and name.replace("'", "''") not in text.casefold() and not shift.on(self.name):
                continue  # cannot point at the moved sheet
            translator = Translator("=" + text, origin=origin)
            for f in formulas:
                at = f.getparent().get("r", "")
                f.text = text if at == origin else translator.translate_formula(at)[1:]
                for attr in ("t", "si", "ref"):
                    f.attrib.pop(attr, None)

    def shift_formulas(self, shift: RowShift) -> None:
        """Update this sheet's formulas (cells, validations, formats) that point at moved rows."""
        self._expand_shared(shift)
        for element in self.root.iter():
            if local(element.tag) in FORMULA_TAGS and element.text:
                element.text = shift_formula(element.text, shift, self.name)

    def shift(self, shift: RowShift) -> None:
        """Move this sheet's rows ``shift.at`` and below down, with everything placed on them."""
        self.shift_formulas(shift)
        for element in self.root.iter():
            if local(element.tag) in ("row", "c"):
                continue
            for attr in ("ref", "sqref"):
                if element.get(attr):
                    element.set(attr, shift_sqref(element.get(attr, ""), shift))
            if local(element.tag) == "sqref" and element.text:
                element.text = shift_sqref(element.text, shift)
        for row in reversed(list(self.data.iterchildren(q("row")))):
            r = int(row.get("r", "0"))
            if r < shift.at:
                break
            row.set("r", str(r + shift.n))
            for cell in row.iterchildren(q("c")):
                found = _CELL.match(cell.get("r") or "")
                if found:
                    cell.set("r", f"{found[1]}{r + shift.n}")
        self._rows, self._cells, self._links = None, {}, None
        if self._bounds:
            self._bounds[2] = shift.row(self._bounds[2])

    def finish(self) -> None:
        """Make the sheet's dimension cover what was written."""
        if not self._bounds:
            return
        dimension = self.root.find(q("dimension"))
        if dimension is None:
            return
        from openpyxl.utils import range_boundaries

        try:
            left, top, right, bottom = range_boundaries(dimension.get("ref", "A1"))
        except (ValueError, TypeError):
            return
        b = self._bounds
        left, top = min(left or b[1], b[1]), min(top or b[0], b[0])
        right, bottom = max(right or b[3], b[3]), max(bottom or b[2], b[2])
        dimension.set("ref", f"{col_letters(left)}{top}:{col_letters(right)}{bottom}")
