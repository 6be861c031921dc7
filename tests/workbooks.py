"""Fixture workbooks for the reader/validation/writer tests, generated on the fly.

Edits go through openpyxl the way a user's Excel edits land in the file: values in cells of
the real Excel tables, found by the tables' names and headers.
"""
from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from xlplugin.app import create_workbook
from xlplugin.layout.texts import texts


def example(folder: Path, lang: str = "da", name: str | None = None, blank: bool = False) -> Path:
    path = Path(folder) / (name or f"{'blank' if blank else 'example'}_{lang}.xlsx")
    create_workbook(path, lang=lang, example=not blank)
    return path


def example_before_matching(folder: Path, lang: str = "da", name: str | None = None) -> Path:
    """The folder's example with steps 1 and 2 filled in, nothing matched, chosen or planned yet."""
    from xlplugin.actions.new import example_project
    from xlplugin.gateway.builder import write_new_workbook

    path = Path(folder) / (name or f"example_steps12_{lang}.xlsx")
    write_new_workbook(example_project(lang, steps=2), lang, path)
    return path


def rewrite_zip(
    path: Path, out: Path, change: Callable[[str, bytes], bytes] | None = None, extra: dict[str, bytes] | None = None
) -> Path:
    """Copy the package at ``path`` to ``out`` part by part, passing each through ``change``."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(info.filename, data) if change else data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def edit(path: Path, change: Callable[[Any], None]) -> Path:
    wb = load_workbook(path, rich_text=True)
    change(wb)
    wb.save(path)
    return path


def find_table(wb: Any, lang: str, table_key: str) -> tuple[Any, Any]:
    name = texts(lang).table(table_key)
    for ws in wb.worksheets:
        if name in ws.tables:
            return ws, ws.tables[name]
    raise KeyError(name)


def column_of(wb: Any, lang: str, table_key: str, field: str) -> int:
    ws, table = find_table(wb, lang, table_key)
    left, top, right, _ = range_boundaries(table.ref)
    header = texts(lang).header(table_key, field)
    for c in range(left, right + 1):
        if ws.cell(row=top, column=c).value == header:
            return c
    raise KeyError(header)


def cell(wb: Any, lang: str, table_key: str, field: str, index: int) -> Any:
    """The cell of data row ``index`` (0-based) and column ``field`` of a table."""
    ws, table = find_table(wb, lang, table_key)
    top = range_boundaries(table.ref)[1]
    return ws.cell(row=top + 1 + index, column=column_of(wb, lang, table_key, field))


def where(path: Path, lang: str, table_key: str, field: str, index: int) -> tuple[str, str]:
    """(sheet name, address) of a table cell in a saved workbook."""
    wb = load_workbook(path)
    target = cell(wb, lang, table_key, field, index)
    return target.parent.title, target.coordinate


def header_where(path: Path, lang: str, table_key: str, field: str | None = None) -> tuple[str, str]:
    wb = load_workbook(path)
    ws, table = find_table(wb, lang, table_key)
    left, top, _, _ = range_boundaries(table.ref)
    col = column_of(wb, lang, table_key, field) if field else left
    return ws.title, f"{get_column_letter(col)}{top}"


def fact_where(path: Path, lang: str, fact: str) -> tuple[str, str]:
    wb = load_workbook(path)
    ws, table = find_table(wb, lang, "facts")
    left, top, _, bottom = range_boundaries(table.ref)
    label = texts(lang)[f"fact.{fact}"]
    for r in range(top + 1, bottom + 1):
        if ws.cell(row=r, column=left).value == label:
            return ws.title, f"{get_column_letter(left + 1)}{r}"
    raise KeyError(label)


def said(result, lang: str) -> list[str]:
    """What the command line or the ribbon tells the user about an action's result, in ``lang``."""
    from xlplugin.layout.words import Words

    return Words(lang, names=result.lang).lines(result.phrases())


def message(error, lang: str) -> str:
    """A UserError's message in ``lang``."""
    from xlplugin.layout.words import render

    return render(error.phrase, lang)


def add_notes_and_a_resource(wb: Any, lang: str) -> None:
    """What a planner does between two matches: a note and a formula beside each interaction
    (user columns right of the table) and a new resource on step 2."""
    t = texts(lang)
    ws, table = find_table(wb, lang, "interactions")
    left, top, right, bottom = range_boundaries(table.ref)
    for r in range(top + 1, bottom + 1):
        if ws.cell(row=r, column=left).value:
            ws.cell(row=r, column=right + 2, value=f"note for {ws.cell(row=r, column=left).value}")
            ws.cell(row=r, column=right + 3, value=f"={get_column_letter(left)}{r}")
    new = {"group": "Seniorer", "kind": t.choice("entry_kind", "resource"), "theme": "Børnepasning", "description": "Passe børn"}
    for key, value in new.items():
        cell(wb, lang, "entries", key, 12).value = value
