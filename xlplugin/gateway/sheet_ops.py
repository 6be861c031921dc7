"""What Excel does as one step, done on the package's XML: resizing a table (its range, filter
and columns), telling whether a cell format wraps text, and the findings' marks."""
from __future__ import annotations

from typing import Any

from xlplugin.domain.port import CellRef
from xlplugin.gateway.edit import PackageEdit
from xlplugin.gateway.edit_sheet import col_letters, local, q
from xlplugin.gateway.regions import MARK_FORMULA, addresses_by_sheet
from xlplugin.gateway.xmltree import etree

EXCEL_COLUMN_WIDTH = 8.43  # a column without a width of its own (Calibri 11)


def resize_table(table: Any, left: int, top: int, right: int, bottom: int, headers: list[str]) -> None:
    """The table's range (and its filter's) and its columns' names, as the header cells read.

    Columns kept keep their ids (and their formulas, styles); new ones get the next free id.
    """
    ref = f"{col_letters(left)}{top}:{col_letters(right)}{bottom}"
    table.set("ref", ref)
    for element in table:
        if local(element.tag) == "autoFilter":
            element.set("ref", ref)
        elif local(element.tag) == "sortState":
            element.set("ref", f"{col_letters(left)}{top + 1}:{col_letters(right)}{bottom}")
    columns = table.find(q("tableColumns"))
    if columns is None:
        return
    existing = list(columns.iterchildren(q("tableColumn")))
    next_id = max((int(c.get("id", "0")) for c in existing), default=0) + 1
    for extra in existing[len(headers):]:
        columns.remove(extra)
    for i, header in enumerate(headers):
        if i < len(existing):
            column = existing[i]
        else:
            column = etree.SubElement(columns, q("tableColumn"), id=str(next_id))
            next_id += 1
        column.set("name", header)
    columns.set("count", str(len(headers)))


def wraps_text(styles: Any, style: int) -> bool:
    """Whether cell format ``style`` (an index into cellXfs) wraps text."""
    xfs = styles.find(q("cellXfs"))
    if xfs is None or style >= len(xfs):
        return False
    alignment = xfs[style].find(q("alignment"))
    return alignment is not None and alignment.get("wrapText") in ("1", "true")


def _mark_format() -> Any:
    """The marks' look: a light red fill inside a dark red frame."""
    dxf = etree.Element(q("dxf"))
    fill = etree.SubElement(etree.SubElement(dxf, q("fill")), q("patternFill"), patternType="solid")
    etree.SubElement(fill, q("fgColor"), rgb="FFFFC7CE")
    etree.SubElement(fill, q("bgColor"), rgb="FFFFC7CE")
    border = etree.SubElement(dxf, q("border"))
    for side in ("left", "right", "top", "bottom"):
        etree.SubElement(etree.SubElement(border, q(side), style="medium"), q("color"), rgb="FFC00000")
    return dxf


def set_marks(package: PackageEdit, cells: list[CellRef]) -> None:
    """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA.

    The cells' own formats are never touched, and the next run removes exactly these rules.
    A sheet part without marks, before or after, is not even parsed.
    """
    wanted = addresses_by_sheet(cells)
    parts = package.sheet_parts()
    needle = MARK_FORMULA.replace('"', "&quot;").encode()
    for name, part in parts.items():
        data = package.read(part)
        if needle in data or MARK_FORMULA.encode() in data:
            package.sheet(name).remove_rules(MARK_FORMULA)
    styles = package.styles()
    dxf = styles.dxf(_mark_format()) if styles is not None and wanted else None
    for name, addresses in wanted.items():
        if name in parts:
            package.sheet(name).add_rule(" ".join(addresses), MARK_FORMULA, dxf)
