"""The snapshot of a workbook file, as the add-in's JavaScript reads it from Excel (format in
``xlplugin.gateway.snapshot``): the web page's way in (a dropped file, read in the browser), and
the parity tests' stand-in for Excel.

Read with the file gateway's reader (python-calamine and the zip's small parts; no lxml). What
Office.js gives differently, this gives as Office.js does: a date is its serial number with a
date format beside it, an empty cell is "".
"""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from xlplugin.domain.errors import UserError
from xlplugin.gateway.file import open_for_reading
from xlplugin.gateway.snapshot import SNAPSHOT_FORMAT, SNAPSHOT_VERSION, range_address

DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "hh:mm:ss"


def _office_value(value: Any) -> tuple[Any, str | None]:
    """A value as ``Range.values`` gives it, and the number format that tells a date."""
    from openpyxl.utils.datetime import to_excel

    if isinstance(value, dt.datetime):
        return to_excel(value), DATETIME_FORMAT
    if isinstance(value, dt.date):
        return to_excel(value), DATE_FORMAT
    if isinstance(value, dt.time):
        return to_excel(value), TIME_FORMAT
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400, TIME_FORMAT
    return ("" if value is None else value), None


def snapshot_of_file(path: Path | str) -> dict[str, Any]:
    """The snapshot of the project workbook at ``path``; UserError if it cannot be read."""
    from xlplugin.gateway.comments import comment_texts

    path = Path(path)
    book = open_for_reading(path)
    sheets = []
    for name in book.sheet_names():
        values, formats = [], []
        for r, row in enumerate(book._rows(name)):
            line = []
            for c, value in enumerate(row):
                shown, number_format = _office_value(value)
                line.append(shown)
                if number_format:
                    formats.append([range_address(r + 1, c + 1, r + 1, c + 1), number_format])
            values.append(line)
        formulas = [
            [range_address(r + 1, c + 1, r + 1, c + 1), text] for (r, c), text in sorted(book._formulas.get(name, {}).items())
        ]
        merged = [range_address(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for r0, c0, r1, c1 in book._merged.get(name, [])]
        sheets.append({"name": name, "values": values, "formulas": formulas, "number_formats": formats, "merged": merged})
    tables = [
        {"name": t.name, "sheet": t.sheet, "range": range_address(t.top + 1, t.left + 1, t.bottom + 1, t.right + 1)}
        for t in book._regions
    ]
    try:
        with zipfile.ZipFile(path) as archive:
            comments = comment_texts(archive)
    except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise UserError("msg.corrupt", path=path) from exc
    return {
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "properties": dict(book.properties),
        "names": book.defined_names(),
        "sheets": sheets,
        "tables": tables,
        "comments": [{"sheet": at.sheet, "cell": at.address, "text": text} for at, text in comments],
    }
