"""Cell ranges ("B9:H20", "A1") as numbers, without importing openpyxl: reading a workbook and
the usual writes need nothing else of it, and importing it (with numpy) takes longer than
validating a workbook of 20,000 entries. Other forms (whole rows or columns, lower case)
are left to openpyxl's ``range_boundaries``, as before."""
from __future__ import annotations

import re

from xlplugin.domain.port import column_number

_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?")


def range_boundaries(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row), 1-based, as openpyxl gives them."""
    found = _RANGE.fullmatch(ref) if isinstance(ref, str) else None
    if found is None:
        from openpyxl.utils import range_boundaries as general

        return general(ref)
    first_col, first_row, last_col, last_row = found.groups()
    left, top = column_number(first_col), int(first_row)
    if last_col is None:
        return left, top, left, top
    return left, top, column_number(last_col), int(last_row)
