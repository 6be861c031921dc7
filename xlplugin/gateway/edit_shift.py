"""Rows inserted into a sheet of a package edited in place (see ``edit``): the sheet's rows move
down, and every reference in the package that points at them follows (formulas on all sheets,
names, tables, validations, formats, merges, links, comments, drawings, charts, pivot sources).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from xlplugin.gateway.edit_sheet import CELL_ADDRESS, WORKBOOK, Sheet, local, q
from xlplugin.gateway.refs import RowShift, shift_formula, shift_sqref

if TYPE_CHECKING:
    from xlplugin.gateway.edit import PackageEdit

XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
FORMULA_TAGS = {"f", "formula", "formula1", "formula2", "calculatedColumnFormula", "totalsRowFormula"}


def shift_rows(package: PackageEdit, sheet: str, at: int, n: int) -> None:
    """Insert ``n`` rows before row ``at`` of ``sheet`` and update what points below it."""
    shift = RowShift(sheet, at, n)
    escaped = sheet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    needles = {
        variant.encode().lower()
        for variant in (sheet, escaped, escaped.replace("'", "&apos;"), escaped.replace("'", "''"))
    }

    def mentions(part: str) -> bool:
        data = package.read(part).lower()
        return any(needle in data for needle in needles)

    for name, part in package.sheet_parts().items():
        if name == sheet:
            shift_sheet(package.sheet(name), shift)
        elif name in package._sheets or mentions(part):
            shift_formulas(package.sheet(name), shift)
    for name in package.tree(WORKBOOK).iter(q("definedName")):
        name.text = shift_formula(name.text or "", shift, None)
    home = package.sheet_parts()[sheet]
    for kind, target in package.rels(home).items():
        _shift_related(package, kind, target, shift)
    for info in package._infos:
        part = info.filename
        if part.startswith("xl/charts/chart") and part.endswith(".xml") and mentions(part):
            for element in package.tree(part).iter():
                if local(element.tag) == "f" and element.text:
                    element.text = shift_formula(element.text, shift, None)
        if part.startswith("xl/pivotCache/pivotCacheDefinition") and part.endswith(".xml"):
            for source in package.tree(part).iter(q("worksheetSource")):
                if shift.on(source.get("sheet", "")) and source.get("ref"):
                    source.set("ref", shift_sqref(source.get("ref", ""), shift))
    package.recalc = True


def _shift_related(package: PackageEdit, rel_id: str, target: tuple[str, str], shift: RowShift) -> None:
    kind, part = target
    if not package.has(part):
        return
    if kind in ("table", "comments", "threadedComment"):
        root = package.tree(part)
        for element in root.iter():
            if element.get("ref"):
                element.set("ref", shift_sqref(element.get("ref", ""), shift))
            if local(element.tag) in FORMULA_TAGS and element.text:
                element.text = shift_formula(element.text, shift, shift.sheet)
    elif kind == "drawing":
        for anchor_row in package.tree(part).iter(f"{{{XDR}}}row"):
            row = int(anchor_row.text or 0) + 1
            anchor_row.text = str(shift.row(row) - 1)
    elif kind == "vmlDrawing":
        data = package.read(part)

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
        package._raw[part] = data


def _expand_shared(sheet: Sheet, shift: RowShift) -> None:
    """Shared formulas that may point at moved rows become one formula per cell (as Excel
    does when an insert splits them); their cached results stay."""
    name = shift.sheet.casefold()

    def may_point_there(text: str) -> bool:
        return name in text.casefold() or name.replace("'", "''") in text.casefold() or shift.on(sheet.name)

    expand_shared(sheet, lambda _si, text: may_point_there(text))


def expand_shared(sheet: Sheet, wanted: Callable[[str, str], bool]) -> None:
    """The shared formulas of the groups ``wanted(si, master's text)`` picks become one formula
    per cell, each as it reads in its cell; their cached results stay."""
    from openpyxl.formula.translate import Translator

    masters: dict[str, tuple[str, str]] = {}
    members: dict[str, list[Any]] = {}
    for f in sheet.data.iter(q("f")):
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
        if not wanted(si, text):
            continue
        translator = Translator("=" + text, origin=origin)
        for f in formulas:
            at = f.getparent().get("r", "")
            f.text = text if at == origin else translator.translate_formula(at)[1:]
            for attr in ("t", "si", "ref"):
                f.attrib.pop(attr, None)


def shift_formulas(sheet: Sheet, shift: RowShift) -> None:
    """Update this sheet's formulas (cells, validations, formats) that point at moved rows."""
    _expand_shared(sheet, shift)
    for element in sheet.root.iter():
        if local(element.tag) in FORMULA_TAGS and element.text:
            element.text = shift_formula(element.text, shift, sheet.name)


def shift_sheet(sheet: Sheet, shift: RowShift) -> None:
    """Move this sheet's rows ``shift.at`` and below down, with everything placed on them."""
    shift_formulas(sheet, shift)
    for element in sheet.root.iter():
        if local(element.tag) in ("row", "c"):
            continue
        for attr in ("ref", "sqref"):
            if element.get(attr):
                element.set(attr, shift_sqref(element.get(attr, ""), shift))
        if local(element.tag) == "sqref" and element.text:
            element.text = shift_sqref(element.text, shift)
    for row in reversed(list(sheet.data.iterchildren(q("row")))):
        r = int(row.get("r", "0"))
        if r < shift.at:
            break
        row.set("r", str(r + shift.n))
        for cell in row.iterchildren(q("c")):
            found = CELL_ADDRESS.match(cell.get("r") or "")
            if found:
                cell.set("r", f"{found[1]}{r + shift.n}")
    sheet._rows, sheet._cells, sheet._links = None, {}, None
    if sheet._bounds:
        sheet._bounds[2] = shift.row(sheet._bounds[2])
