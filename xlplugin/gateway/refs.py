"""References that point at rows moved down, as Excel updates them when rows are inserted.

Rows ``at`` and below on one sheet move down by ``n``: a reference to a cell there moves with
it, a range that starts above and ends there grows, one above stays. Formulas are cut into
tokens by openpyxl's tokenizer (no formula parser of our own); only range operands change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CELL = re.compile(r"^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$")
_ROW = re.compile(r"^(\$?)(\d+)$")


@dataclass(frozen=True)
class RowShift:
    """Rows ``at`` (1-based) and below of ``sheet`` move down by ``n``."""

    sheet: str
    at: int
    n: int

    def row(self, row: int) -> int:
        return row + self.n if row >= self.at else row

    def span(self, first: int, last: int) -> tuple[int, int]:
        """A range of rows: moved if it starts at or below ``at``, grown if it only ends there."""
        if first >= self.at:
            return first + self.n, last + self.n
        if last >= self.at:
            return first, last + self.n
        return first, last

    def on(self, sheet: str) -> bool:
        return sheet.casefold() == self.sheet.casefold()


def _cell(text: str) -> tuple[str, str, str, int] | None:
    found = _CELL.match(text)
    return (found[1], found[2], found[3], int(found[4])) if found else None


def shift_area(ref: str, shift: RowShift) -> str:
    """A cell or range without sheet name (``B7``, ``$A$1:C9``, ``3:5``); columns (``A:C``) stay."""
    first, sep, last = ref.partition(":")
    if not sep:
        cell = _cell(first)
        if cell is None:
            return ref
        d1, col, d2, row = cell
        return f"{d1}{col}{d2}{shift.row(row)}"
    a, b = _cell(first), _cell(last)
    if a is not None and b is not None:
        top, bottom = shift.span(a[3], b[3])
        return f"{a[0]}{a[1]}{a[2]}{top}:{b[0]}{b[1]}{b[2]}{bottom}"
    ra, rb = _ROW.match(first), _ROW.match(last)
    if ra is not None and rb is not None:
        top, bottom = shift.span(int(ra[2]), int(rb[2]))
        return f"{ra[1]}{top}:{rb[1]}{bottom}"
    return ref


def shift_sqref(sqref: str, shift: RowShift) -> str:
    """A space-separated list of areas on the moved sheet (validations, formats, merges)."""
    return " ".join(shift_area(part, shift) for part in sqref.split())


def _split_sheet(operand: str) -> tuple[str | None, str, str]:
    """(sheet name or None, the text before the area incl. "!", the area)."""
    if "!" not in operand:
        return None, "", operand
    prefix, _, area = operand.rpartition("!")
    name = prefix
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    if name.startswith("["):  # another workbook: [1]Sheet1
        return None, prefix + "!", "\0" + area
    return name, prefix + "!", area


def shift_formula(text: str, shift: RowShift, home: str | None) -> str:
    """A formula (with or without "="), its references to moved rows updated.

    ``home`` is the sheet a reference without sheet name points at (the formula's own sheet;
    None for a defined name, where such a reference is not to a cell of a sheet).
    """
    if not text:
        return text
    folded = text.casefold()
    name = shift.sheet.casefold()
    if name not in folded and name.replace("'", "''") not in folded and (home is None or not shift.on(home)):
        return text  # cannot point at the moved sheet: the fast path for most formulas
    from openpyxl.formula.tokenizer import Tokenizer, TokenizerError

    lead = "" if text.startswith("=") else "="
    try:
        tokens = Tokenizer(lead + text).items
    except TokenizerError:
        return text
    changed = False
    for token in tokens:
        if token.type != "OPERAND" or token.subtype != "RANGE":
            continue
        sheet, prefix, area = _split_sheet(token.value)
        target = sheet if sheet is not None else (home if not prefix else None)
        if target is None or not shift.on(target) or area.startswith("\0"):
            continue
        moved = shift_area(area, shift)
        if moved != area:
            token.value = prefix + moved
            changed = True
    if not changed:
        return text
    out = "".join(token.value for token in tokens)  # the tokens never hold the leading "="
    return out if lead else "=" + out
