"""Writing values into openpyxl cells safely, and the height a row of wrapped text needs."""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any


def write_value(cell: Any, value: Any) -> None:
    """Set an openpyxl cell; text is always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


# One wrapped line of Calibri 11 (the workbook's font): its line spacing is 1.22 em, 13.4 pt,
# which Excel draws as 18 px (13.5 pt at 96 dpi, 13.8 pt at 120 dpi); a row adds about 2 pt of
# padding. 15 pt a line (the default height of a one-line row) left a fifth of a tall row empty.
LINE_POINTS = 13.8
ROW_PADDING = 2.0


def line_count(width: float, text: str) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` units wide (Calibri 11)."""
    # Calibri 11's average character is 6.1 px against a width unit's 7 px digit: about
    # 1.15 characters a unit, less a little for the cell's margins.
    per_line = int(max(width * 1.15 - 1, 4))
    if len(text) <= per_line and "\n" not in text:
        return 1  # one line, whatever the words (the common case, and much faster)
    # Wrap at word boundaries as Excel does: a narrow column loses part of each line.
    return sum(len(textwrap.wrap(part, per_line)) or 1 for part in text.split("\n"))


def row_height(widths: Sequence[float], values: list[Any]) -> float | None:
    """Height for a row whose text wraps in columns of these widths, or None for the default.

    Neither Excel nor LibreOffice fits row heights to wrapped text when a file opens,
    so rows we write with long text get an explicit height.
    """
    lines = max((line_count(w, v) for w, v in zip(widths, values) if isinstance(v, str) and v), default=1)
    return lines_height(lines) if lines > 1 else None


def lines_height(lines: int) -> float:
    """The height of a row holding ``lines`` wrapped lines."""
    return round(lines * LINE_POINTS + ROW_PADDING, 1)
