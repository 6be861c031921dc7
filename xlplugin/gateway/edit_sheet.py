"""One worksheet part of a package edited in place (see ``edit``): its rows and cells, values and
formulas, row heights and styles, hyperlinks, column widths, data validations and conditional
formats; and the XML names and helpers every module of the package edit shares.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from xlplugin.domain.port import column_number
from xlplugin.gateway.xmltree import etree

if TYPE_CHECKING:
    from xlplugin.gateway.edit import PackageEdit

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
WORKBOOK = "xl/workbook.xml"

# CT_Worksheet's children, in the order the schema demands
SHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CELL_ADDRESS = re.compile(r"^([A-Z]{1,3})(\d+)$")


def q(tag: str) -> str:
    return f"{{{M}}}{tag}"


def local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


_CELL = q("c")
_DIGITS = "0123456789"


@lru_cache(maxsize=4096)
def _column_number(letters: str) -> int | None:
    """A cell address's column letters as a number; None if they are not one (``CELL_ADDRESS``)."""
    return column_number(letters) if 1 <= len(letters) <= 3 and letters.isascii() and letters.isupper() and letters.isalpha() else None


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
            for cell in row.iterchildren(_CELL) if row is not None else ():
                address = cell.get("r") or ""
                letters = address.rstrip(_DIGITS)  # 20,000 rows are common: no regular expression per cell
                number = _column_number(letters) if len(letters) < len(address) else None
                if number is None:
                    number = last + 1
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

    def finish(self) -> None:
        """Make the sheet's dimension cover what was written."""
        if not self._bounds:
            return
        dimension = self.root.find(q("dimension"))
        if dimension is None:
            return
        from xlplugin.gateway.addresses import range_boundaries

        try:
            left, top, right, bottom = range_boundaries(dimension.get("ref", "A1"))
        except (ValueError, TypeError):
            return
        b = self._bounds
        left, top = min(left or b[1], b[1]), min(top or b[0], b[0])
        right, bottom = max(right or b[3], b[3]), max(bottom or b[2], b[2])
        dimension.set("ref", f"{col_letters(left)}{top}:{col_letters(right)}{bottom}")
