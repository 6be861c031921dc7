"""Turning model values into what a cell shows, and writing them safely."""
from __future__ import annotations

import datetime as dt
import textwrap
from enum import Enum
from typing import Any

from xlplugin.layout.spec import LIST_ENUMS, Column, Kind
from xlplugin.layout.texts import Texts


def display_value(column: Column, value: Any, t: Texts) -> Any:
    """The value a cell should hold for a model value (labels instead of codes)."""
    if value is None:
        return None
    if column.kind is Kind.YESNO:
        return t.choice("yesno", "yes" if value else "no")
    if isinstance(value, Enum):
        value = value.value
    if column.kind is Kind.CHOICE and column.choices in LIST_ENUMS:
        return t.choice(column.choices, str(value))
    if isinstance(value, float) and value.is_integer() and column.kind in (Kind.PERCENT, Kind.SCORE, Kind.MONEY):
        return int(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def write_value(cell: Any, value: Any) -> None:
    """Set an openpyxl cell; text is always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


LINE_POINTS = 15.0


def row_height(widths: list[float], values: list[Any]) -> float | None:
    """Height for a row whose text wraps in columns of these widths, or None for the default.

    Neither Excel nor LibreOffice fits row heights to wrapped text when a file opens,
    so rows we write with long text get an explicit height.
    """
    lines = 1
    for width, value in zip(widths, values):
        if not isinstance(value, str) or not value:
            continue
        per_line = int(max(width * 1.2 - 3, 4))
        # Wrap at word boundaries as Excel does: a narrow column loses part of each line.
        lines = max(lines, sum(len(textwrap.wrap(part, per_line)) or 1 for part in value.split("\n")))
    return lines * LINE_POINTS if lines > 1 else None
