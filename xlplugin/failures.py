"""Unexpected failures: the user gets a message, support gets the traceback in a log file.

Neither ever holds what the user typed. An exception's message may quote a cell's text
(openpyxl's ``IllegalCharacterError`` quotes the whole cell, a ``KeyError`` its key), so
both the message and the log give the exception's *type* and the *place*: the cell the
failure happened at (found among the failing frames' local variables: a ``CellRef`` or an
openpyxl cell) and the code's file, line and function. Never the exception's text, never
a variable's value.
"""
from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from xlplugin.domain.port import CellRef


def log_path(name: str) -> Path:
    return Path.home() / ".xlplugin" / f"{name}.log"


def log_failure(name: str, context: str, exc: BaseException | None = None) -> Path:
    """Append the failure (type, cell, code places; no texts) to ``~/.xlplugin/<name>.log``.

    ``context`` must be the program's own words (a command or a control id), never user input.
    ``exc`` defaults to the exception being handled. Returns the log's path.
    """
    import datetime as dt
    import sys

    exc = exc if exc is not None else sys.exc_info()[1]
    path = log_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} {context}\n")
            if exc is not None:
                log.write(safe_traceback(exc))
    except OSError:
        pass  # a log we cannot write must not hide the message to the user
    return path


def safe_traceback(exc: BaseException) -> str:
    """The traceback without any exception message: for each exception of the chain its type,
    its cell (if one is known) and the stack (file, line number, function; not the line's code,
    which in a test or a script may hold the text itself)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        at = failed_cell(current)
        where = f" at {at.sheet!r}!{at.address}" if at is not None else ""
        frames = "".join(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.StackSummary.extract(traceback.walk_tb(current.__traceback__), lookup_lines=False)
        )
        parts.append(f"Traceback (most recent call last):\n{frames}{_type_name(current)}{where}\n")
        current = current.__cause__ or current.__context__
    return "\nwhile handling or caused by:\n".join(reversed(parts))


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return kind.__qualname__ if kind.__module__ in ("builtins", "__main__") else f"{kind.__module__}.{kind.__qualname__}"


def _cell_of(value: Any) -> CellRef | None:
    """A cell named by a local variable: a CellRef, or an openpyxl cell (its sheet and row/column).
    Anything else, or an object that fails when asked, names none."""
    if isinstance(value, CellRef):
        return value
    try:
        row, col, parent = getattr(value, "row", None), getattr(value, "column", None), getattr(value, "parent", None)
        title = getattr(parent, "title", None)
        if isinstance(row, int) and isinstance(col, int) and isinstance(title, str) and hasattr(value, "coordinate"):
            return CellRef(title, row, col)
    except Exception:  # a property that raises: the error handler must not fail in turn
        return None
    return None


def failed_cell(exc: BaseException) -> CellRef | None:
    """The cell the failure happened at: the innermost frame (of the exception or what caused
    it) with a local variable that is a cell. None if no frame names one."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for failure in chain:
        tb: TracebackType | None = failure.__traceback__
        found: CellRef | None = None
        while tb is not None:
            try:
                local_values = list(tb.tb_frame.f_locals.values())
            except Exception:  # a frame whose locals cannot be listed names no cell
                local_values = []
            for value in local_values:
                cell = _cell_of(value)
                if cell is not None:
                    found = cell
            tb = tb.tb_next
        if found is not None:
            return found
    return None


def reason(exc: BaseException, lang: str = "da") -> str:
    """The exception in a few words for the message the user sees: its type and, if known, its
    cell (in ``lang``). Never the exception's text, which may quote a cell."""
    from xlplugin.layout.texts import texts

    kind = type(exc).__name__
    at = failed_cell(exc)
    if at is None:
        return kind
    return texts(lang).format("msg.unexpected.at", type=kind, cell=at.address, sheet=at.sheet)
