"""A sheet added to a package edited in place (``edit``): the builder makes it in a scratch
workbook (``builder.build_sheet``, openpyxl, saved to memory) and ``graft`` copies it over.

What comes along: the worksheet part and every part it points at (its tables; a drawing and the
drawing's charts), each under a part name the package does not use yet; the cell formats it
uses, looked up in the package's own ``styles.xml`` or added there (fonts, fills, borders,
number formats, differential formats); text as inline strings (the package's shared strings
stay as they are). Around it: the sheet's entry in ``xl/workbook.xml`` at the wanted position
(a new sheetId; the position of every sheet-scoped name and of the active tab moves along), its
relationship, the content types of the new parts, the sheet's names (print titles, and
workbook names such as the ``lst_…`` lists that point at it), and the sheet's title in
``docProps/app.xml`` where that part lists them. Tables get an id and a name no other table has.
Every other part stays as it was.

``replace=True`` makes a sheet the package has anew in its place (name, position and sheetId
kept): only for a sheet whose whole content is the tool's own (the hidden lists sheet).
"""
from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
from typing import Any

from xlplugin.gateway.edit import PR, WORKBOOK_ORDER, PackageEdit, R, _rels_name, _target
from xlplugin.gateway.edit_sheet import WORKBOOK, child, local, q
from xlplugin.gateway.xmltree import etree

CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
APP = "docProps/app.xml"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
STYLES_PART = "xl/styles.xml"
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
_NUMBERED = re.compile(r"^(.*?)(\d*)(\.[^./]+)$")


class _Scratch:
    """The scratch package the builder saved: its parts, relationships and content types."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())
        self.workbook = self.xml(WORKBOOK)
        types = self.xml(CONTENT_TYPES)
        self.defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in types.iter(f"{{{CT}}}Default")}
        self.overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "") for e in types.iter(f"{{{CT}}}Override")}

    def xml(self, part: str) -> Any:
        return etree.fromstring(self.zip.read(part), _PARSER)

    def rels(self, part: str) -> list[Any]:
        name = _rels_name(part)
        return list(self.xml(name).iter(f"{{{PR}}}Relationship")) if name in self.names else []

    def content_type(self, part: str) -> str:
        return self.overrides.get(part) or self.defaults.get(part.rpartition(".")[2].lower(), "application/xml")

    def sheet(self, name: str) -> tuple[int, Any, str]:
        """(position, <sheet> element, part) of the scratch sheet ``name``."""
        targets = {rel.get("Id"): _target(WORKBOOK, rel.get("Target", "")) for rel in self.rels(WORKBOOK)}
        for i, sheet in enumerate(self.workbook.iter(q("sheet"))):
            if sheet.get("name") == name:
                return i, sheet, targets[sheet.get(f"{{{R}}}id")]
        raise KeyError(name)

    def related(self, part: str) -> list[str]:
        """Every part reachable from ``part`` through internal relationships (itself first)."""
        found, queue = [part], [part]
        while queue:
            current = queue.pop(0)
            for rel in self.rels(current):
                if rel.get("TargetMode") == "External":
                    continue
                target = _target(current, rel.get("Target", ""))
                if target not in found and target in self.names:
                    found.append(target)
                    queue.append(target)
        return found

    def strings(self) -> list[Any]:
        """The scratch package's shared strings (openpyxl writes text inline; kept for safety)."""
        return list(self.xml("xl/sharedStrings.xml").iter(q("si"))) if "xl/sharedStrings.xml" in self.names else []


def graft(package: PackageEdit, scratch: bytes, name: str, position: int, replace: bool = False) -> str:
    """Put the scratch package's sheet ``name`` into ``package`` as its ``position``-th sheet
    (0-based), or in place of the package's sheet of that name (``replace``). Returns its part."""
    source = _Scratch(scratch)
    index, scratch_sheet, scratch_part = source.sheet(name)
    related = source.related(scratch_part)
    existing = package.sheet_parts()
    sheet_part = existing[name] if replace else _free(package, scratch_part, set())
    names = {scratch_part: sheet_part}
    taken = {sheet_part.lower()}
    for part in related[1:]:
        names[part] = _free(package, part, taken)
        taken.add(names[part].lower())
    styles = _styles(package, source)
    for part in related:
        root = source.xml(part)
        kind = local(root.tag)
        if kind == "worksheet":
            _adopt_formats(root, source, styles)
            if root.find(f".//{q('f')}") is not None:
                package.recalc = True
        elif kind == "table":
            _unique_table(package, root)
        if part == scratch_part and replace:
            package.forget(name)
            package.replace(sheet_part, root)
        else:
            package.add(names[part], root)
            _content_type(package, names[part], source.content_type(part))
        _copy_rels(package, source, part, names)
    if replace:
        _state(package, name, scratch_sheet)
    else:
        _insert_sheet(package, name, sheet_part, position, scratch_sheet)
    _names(package, source, name, index, position if not replace else list(existing).index(name))
    return sheet_part


# Parts that belong to one sheet: dropped with it when the sheet is made anew (pictures and
# anything else stay: another part may share them)
SHEET_OWNED = ("xl/tables/", "xl/drawings/", "xl/charts/", "xl/comments", "xl/threadedComments/")


def drop_related(package: PackageEdit, part: str) -> None:
    """Before the sheet at ``part`` is made anew: leave out its tables, drawing, charts and
    comments (and their content types), which the new sheet replaces."""
    seen, queue = {part}, [part]
    while queue:
        for _kind, target in package.rels(queue.pop(0)).values():
            if target not in seen and package.has(target) and target.startswith(SHEET_OWNED):
                seen.add(target)
                queue.append(target)
    types = package.tree(CONTENT_TYPES)
    for target in seen - {part}:
        for rels in (_rels_name(target),):
            if package.has(rels):
                package.drop(rels)
        package.drop(target)
        for override in list(types.iter(f"{{{CT}}}Override")):
            if override.get("PartName", "").lower() == "/" + target.lower():
                types.remove(override)


# --- parts ------------------------------------------------------------------------------------
def _free(package: PackageEdit, part: str, taken: set[str]) -> str:
    """A part name like ``part`` (xl/tables/table3.xml) that the package does not use."""
    used = {p.lower() for p in package.parts()} | taken
    found = _NUMBERED.match(part)
    stem, ext = (found[1], found[3]) if found else (part, "")
    n = 1
    while f"{stem}{n}{ext}".lower() in used:
        n += 1
    return f"{stem}{n}{ext}"


def _copy_rels(package: PackageEdit, source: _Scratch, part: str, names: dict[str, str]) -> None:
    """The part's relationships, their targets renamed (absolute part names, as openpyxl writes)."""
    new_part = names[part]
    rels_part = _rels_name(new_part)
    rels = source.rels(part)
    if not rels:
        if package.has(rels_part):
            package.drop(rels_part)
        return
    root = source.xml(_rels_name(part))
    for rel in root.iter(f"{{{PR}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = _target(part, rel.get("Target", ""))
        rel.set("Target", "/" + names.get(target, target))
    if package.has(rels_part):
        package.replace(rels_part, root)
    else:
        package.add(rels_part, root)
        _content_type(package, rels_part, source.content_type(_rels_name(part)))


def _content_type(package: PackageEdit, part: str, content_type: str) -> None:
    types = package.tree(CONTENT_TYPES)
    extension = part.rpartition(".")[2].lower()
    for default in types.iter(f"{{{CT}}}Default"):
        if default.get("Extension", "").lower() == extension and default.get("ContentType") == content_type:
            return
    for override in types.iter(f"{{{CT}}}Override"):
        if override.get("PartName", "").lower() == "/" + part.lower():
            override.set("ContentType", content_type)
            return
    etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + part, ContentType=content_type)


# --- formats ----------------------------------------------------------------------------------
def _styles(package: PackageEdit, source: _Scratch) -> Any:
    """The package's styles (a package without a styles part gets the scratch one as it is)."""
    styles = package.styles()
    if styles is None:
        package.add(STYLES_PART, source.xml(STYLES_PART))
        _content_type(package, STYLES_PART, source.content_type(STYLES_PART))
        rels = package.tree(_rels_name(WORKBOOK))
        etree.SubElement(
            rels, f"{{{PR}}}Relationship", Id=_free_id(rels),
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", Target="styles.xml",
        )
        styles = package.styles()
        assert styles is not None
    return styles


def _adopt_formats(root: Any, source: _Scratch, styles: Any) -> None:
    """The sheet's style indexes as the package's; its shared strings as inline strings."""
    other = source.xml(STYLES_PART) if STYLES_PART in source.names else None
    cache: dict[str, str] = {}

    def mapped(index: str) -> str:
        if other is None:
            return "0"
        if index not in cache:
            cache[index] = str(styles.adopt_xf(other, int(index)))
        return cache[index]

    strings = source.strings()
    for element in root.iter():
        tag = local(element.tag)
        if tag in ("c", "row") and element.get("s") is not None:
            element.set("s", mapped(element.get("s")))
        elif tag == "col" and element.get("style") is not None:
            element.set("style", mapped(element.get("style")))
        elif tag == "cfRule" and element.get("dxfId") is not None and other is not None:
            dxf = styles.adopt_dxf(other, int(element.get("dxfId")))
            if dxf is None:
                del element.attrib["dxfId"]
            else:
                element.set("dxfId", str(dxf))
        elif tag == "sheetView":
            element.attrib.pop("tabSelected", None)  # the user's selected sheet stays the only one
        if tag == "c" and element.get("t") == "s":
            value = element.find(q("v"))
            text = copy.deepcopy(strings[int(value.text)]) if value is not None and value.text else etree.Element(q("si"))
            element.remove(value) if value is not None else None
            text.tag = q("is")
            element.append(text)
            element.set("t", "inlineStr")


def _unique_table(package: PackageEdit, table: Any) -> None:
    """The table's id and name, made unique in the package (Excel repairs a file otherwise)."""
    ids, names = set(), set()
    for part in package.parts():
        if part.startswith("xl/tables/") and part.endswith(".xml"):
            other = package.tree(part)
            ids.add(other.get("id"))
            names.add((other.get("displayName") or other.get("name") or "").casefold())
    names |= {n.get("name", "").casefold() for n in package.tree(WORKBOOK).iter(q("definedName"))}
    number = 1
    while str(number) in ids:
        number += 1
    table.set("id", str(number))
    base = table.get("displayName") or table.get("name") or f"Table{number}"
    wanted, n = base, 1
    while wanted.casefold() in names:
        n += 1
        wanted = f"{base}_{n}"
    table.set("name", wanted)
    table.set("displayName", wanted)


# --- the workbook -----------------------------------------------------------------------------
def _free_id(rels: Any) -> str:
    ids = {rel.get("Id") for rel in rels}
    n = len(ids) + 1
    while f"rId{n}" in ids:
        n += 1
    return f"rId{n}"


def _insert_sheet(package: PackageEdit, name: str, part: str, position: int, scratch_sheet: Any) -> None:
    workbook = package.tree(WORKBOOK)
    rels = package.tree(_rels_name(WORKBOOK))
    rel_id = _free_id(rels)
    target = posixpath.relpath(part, posixpath.dirname(WORKBOOK))
    etree.SubElement(rels, f"{{{PR}}}Relationship", Id=rel_id, Type=WORKSHEET, Target=target)
    sheets = child(workbook, "sheets", WORKBOOK_ORDER)
    present = list(sheets.iterchildren(q("sheet")))
    titles = [s.get("name", "") for s in present]
    sheet_id = max((int(s.get("sheetId", "0")) for s in present), default=0) + 1
    element = etree.Element(q("sheet"), name=name, sheetId=str(sheet_id))
    if scratch_sheet.get("state") not in (None, "visible"):
        element.set("state", scratch_sheet.get("state"))
    element.set(f"{{{R}}}id", rel_id)
    position = max(0, min(position, len(present)))
    if position < len(present):
        present[position].addprevious(element)
    else:
        sheets.append(element)
    # what counts sheets by position moves along: sheet-scoped names, the active and first tab
    for defined in workbook.iter(q("definedName")):
        if defined.get("localSheetId") is not None and int(defined.get("localSheetId")) >= position:
            defined.set("localSheetId", str(int(defined.get("localSheetId")) + 1))
    for view in workbook.iter(q("workbookView")):
        for attr in ("activeTab", "firstSheet"):
            if view.get(attr) is not None and int(view.get(attr)) >= position:
                view.set(attr, str(int(view.get(attr)) + 1))
    _app_titles(package, titles, position, name)


def _state(package: PackageEdit, name: str, scratch_sheet: Any) -> None:
    for sheet in package.tree(WORKBOOK).iter(q("sheet")):
        if sheet.get("name") == name:
            if scratch_sheet.get("state") in (None, "visible"):
                sheet.attrib.pop("state", None)
            else:
                sheet.set("state", scratch_sheet.get("state"))


def _mentions(text: str, sheet: str) -> bool:
    quoted = "'" + sheet.replace("'", "''") + "'!"
    return quoted.casefold() in text.casefold() or (sheet + "!").casefold() in text.casefold()


def _names(package: PackageEdit, source: _Scratch, sheet: str, scratch_index: int, position: int) -> None:
    """The scratch sheet's own names (print titles …) at ``position``, and the workbook names
    that point at the sheet (the lists): set to what the scratch workbook says."""
    wanted: list[tuple[str, str | None, str]] = []
    for defined in source.workbook.iter(q("definedName")):
        local_id = defined.get("localSheetId")
        if local_id is not None and int(local_id) == scratch_index:
            wanted.append((defined.get("name", ""), str(position), defined.text or ""))
        elif local_id is None and _mentions(defined.text or "", sheet):
            wanted.append((defined.get("name", ""), None, defined.text or ""))
    if not wanted:
        return
    workbook = package.tree(WORKBOOK)
    names = child(workbook, "definedNames", WORKBOOK_ORDER)
    have = {(n.get("name", "").casefold(), n.get("localSheetId")): n for n in names.iterchildren(q("definedName"))}
    for name, local_id, text in wanted:
        element = have.get((name.casefold(), local_id))
        if element is None:
            element = etree.SubElement(names, q("definedName"), name=name)
            if local_id is not None:
                element.set("localSheetId", local_id)
        element.text = text


def _app_titles(package: PackageEdit, titles: list[str], position: int, name: str) -> None:
    """The sheet's title among the worksheets ``docProps/app.xml`` lists, where it lists them:
    the block of TitlesOfParts that holds exactly the workbook's sheets, in order (its heading
    is in the language Excel was in, so it is found by its content); its count in HeadingPairs."""
    if not package.has(APP):
        return
    app = package.tree(APP)
    pairs = app.find(f"{{{EP}}}HeadingPairs/{{{VT}}}vector")
    parts = app.find(f"{{{EP}}}TitlesOfParts/{{{VT}}}vector")
    if pairs is None or parts is None:
        return
    variants = list(pairs.iterchildren(f"{{{VT}}}variant"))
    entries = list(parts.iterchildren(f"{{{VT}}}lpstr"))
    start = 0
    for i in range(0, len(variants) - 1, 2):
        count_element = variants[i + 1].find(f"{{{VT}}}i4")
        if count_element is None or not (count_element.text or "").strip().isdigit():
            return
        count = int(count_element.text or "0")
        if [e.text or "" for e in entries[start : start + count]] == titles:
            entry = etree.Element(f"{{{VT}}}lpstr")
            entry.text = name
            if start + position < len(entries):
                entries[start + position].addprevious(entry)
            else:
                parts.append(entry)
            count_element.text = str(count + 1)
            parts.set("size", str(len(entries) + 1))
            return
        start += count
