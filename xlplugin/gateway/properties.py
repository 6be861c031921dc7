"""The workbook's custom properties (``docProps/custom.xml``) written in place: a property's
value set, a missing property or a missing part added; every other property stays as it was."""
from __future__ import annotations

from typing import Any

from xlplugin.gateway.edit import PR, PackageEdit
from xlplugin.gateway.graft import CONTENT_TYPES, VT, _content_type
from xlplugin.gateway.xmltree import etree

CUSTOM = "docProps/custom.xml"
CP = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one every user-defined property has
ROOT_RELS = "_rels/.rels"


def set_properties(package: PackageEdit, values: dict[str, str]) -> None:
    """Set text properties by name: the value of one that is there is replaced (as a text value),
    one that is not is added after the others."""
    root = _custom(package)
    changed = False
    for name, value in values.items():
        prop = next((p for p in root.findall(f"{{{CP}}}property") if p.get("name") == name), None)
        if prop is None:
            pids = [int(p.get("pid", "1")) for p in root.findall(f"{{{CP}}}property") if p.get("pid", "").isdigit()]
            prop = etree.SubElement(root, f"{{{CP}}}property", fmtid=FMTID, pid=str(max(pids, default=1) + 1), name=name)
        current = next(iter(prop), None)
        if current is not None and current.tag == f"{{{VT}}}lpwstr" and current.text == value:
            continue
        for child in list(prop):
            prop.remove(child)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = value
        changed = True
    if changed:
        package.replace(CUSTOM, root)


def _custom(package: PackageEdit) -> Any:
    """The custom properties' tree; a package without the part gets it (its content type and its
    relationship from the package)."""
    if package.has(CUSTOM):
        return package.tree(CUSTOM)
    root = etree.Element(f"{{{CP}}}Properties", nsmap={None: CP, "vt": VT})
    package.add(CUSTOM, root)
    _content_type(package, CUSTOM, CUSTOM_TYPE)
    package.touch(CONTENT_TYPES)
    rels = package.tree(ROOT_RELS)
    taken = {r.get("Id") for r in rels}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(rels, f"{{{PR}}}Relationship", Id=f"rId{number}", Type=CUSTOM_REL, Target=CUSTOM)
    package.touch(ROOT_RELS)
    return root
