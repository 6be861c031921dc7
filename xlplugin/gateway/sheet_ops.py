"""What Excel does as one step, done on the package's XML: resizing a table (its range, filter
and columns), telling whether a cell format wraps text, and the findings' marks."""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

from xlplugin.domain.port import CellRef, column_number
from xlplugin.gateway.edit import PackageEdit
from xlplugin.gateway.edit_sheet import CELL_ADDRESS, Sheet, col_letters, local, q
from xlplugin.gateway.edit_shift import expand_shared
from xlplugin.gateway.regions import MARK_FORMULA, MARK_NEEDLES, addresses_by_sheet
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


def set_marks(package: PackageEdit, cells: list[CellRef], unmarked: Collection[str] = ()) -> None:
    """Marks are one conditional-format rule per sheet, told apart by MARK_FORMULA.

    The cells' own formats are never touched, and the next run removes exactly these rules.
    A sheet part without marks, before or after, is not even parsed; ``unmarked`` names sheets
    known to hold none (read when the file was opened: an 11 MB sheet is not unpacked again).
    """
    wanted = addresses_by_sheet(cells)
    parts = package.sheet_parts()
    for name, part in parts.items():
        if name in unmarked and package.pristine(part):
            continue
        data = package.read(part)
        if any(needle in data for needle in MARK_NEEDLES):
            package.sheet(name).remove_rules(MARK_FORMULA)
    styles = package.styles()
    dxf = styles.dxf(_mark_format()) if styles is not None and wanted else None
    for name, addresses in wanted.items():
        if name in parts:
            package.sheet(name).add_rule(" ".join(addresses), MARK_FORMULA, dxf)


# --- what is typed beside a table moves with its row (issue 16, item 8) --------------------------
def lift_beside(ws: Sheet, left: int, right: int, rows: Iterable[int], keep: Callable[[int, int], bool]) -> dict[int, list[Any]]:
    """Take the cells holding something beside a table (columns outside ``left``..``right``)
    off sheet rows ``rows``: row → its cells (elements, out of the sheet). ``keep(row, col)``
    marks cells that stay (another table's, a merged range's). A shared formula among them is
    made one formula per cell first; a data-table formula stays where it is."""
    wanted = sorted(set(rows))
    def movable(r: int, c: int, cell: Any) -> bool:
        return (
            not left <= c <= right
            and not keep(r, c)
            and any(local(part.tag) in ("v", "f", "is") for part in cell)
            and all(f.get("t") != "dataTable" for f in cell.iterchildren(q("f")))
        )

    shared = {
        f.get("si", "")
        for r in wanted
        for c, cell in ws.row_cells(r).items()
        if movable(r, c, cell)
        for f in cell.iterchildren(q("f"))
        if f.get("t") == "shared"
    }
    if shared:
        expand_shared(ws, lambda si, _text: si in shared)
    lifted: dict[int, list[Any]] = {}
    for r in wanted:
        for c, cell in list(ws.row_cells(r).items()):
            if movable(r, c, cell):
                cell.getparent().remove(cell)
                del ws.row_cells(r)[c]
                lifted.setdefault(r, []).append(cell)
    if lifted:
        ws.package.touch(ws.part)
    return lifted


def put_beside(ws: Sheet, lifted: dict[int, list[Any]], moves: dict[int, int]) -> None:
    """Put lifted cells back: those of row ``r`` on row ``moves[r]`` (formulas read as copied
    there, their links along), the others where they were. A cell already holding something
    there is a caller's error: ``moves`` must name every row with something beside it."""
    from openpyxl.formula.translate import Translator

    links = ws._hyperlinks()
    moved_links = []
    for r, cells in lifted.items():
        target = moves.get(r, r)
        for cell in cells:
            found = CELL_ADDRESS.match(cell.get("r") or "")
            assert found is not None
            old, new = cell.get("r", ""), f"{found[1]}{target}"
            place = ws.cell(target, column_number(found[1]))
            if any(local(part.tag) in ("v", "f", "is") for part in place):
                raise ValueError(f"{new}: a row with something beside the table was not among the origins")
            for part in list(place):
                place.remove(part)
            place.attrib.clear()
            place.attrib.update(cell.attrib)
            place.set("r", new)
            for part in list(cell):
                place.append(part)
            for f in place.iterchildren(q("f")):
                if f.text and target != r:
                    f.text = Translator("=" + f.text, origin=old).translate_formula(new)[1:]
                if f.get("ref") and target != r:  # an array formula's range
                    f.set("ref", _moved(f.get("ref", ""), target - r))
            link = links.pop(old, None)
            if link is not None:
                moved_links.append((new, link))
    for new, link in moved_links:
        link.set("ref", new)
        links[new] = link
    if any(moves.get(r, r) != r for r in lifted):
        ws.package.recalc = True


def _moved(ref: str, n: int) -> str:
    """A range ``n`` rows lower (higher for a negative ``n``)."""
    from openpyxl.utils import range_boundaries

    left, top, right, bottom = range_boundaries(ref)
    first, last = f"{col_letters(left)}{top + n}", f"{col_letters(right)}{bottom + n}"
    return first if first == last else f"{first}:{last}"
