"""The layout's names as a workbook may spell them: sheets, tables and column headers in every
language, compared the way people type them (case, spaces and Unicode composition ignored).

Used by the reader and by both adapters to find the layout's parts in a workbook.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from xlplugin.domain.models import normalize
from xlplugin.domain.port import RawTable
from xlplugin.layout import spec
from xlplugin.layout.spec import Table
from xlplugin.layout.texts import LANGUAGES, Texts, texts


def _spellings(key: str, name: Callable[[Texts], str]) -> frozenset[str]:
    """A layout name (``name`` of the texts) in every language, and as earlier versions wrote it
    (the text ``former.<key>``), normalized."""
    found: set[str] = set()
    for lang in LANGUAGES:
        t = texts(lang)
        found.update(normalize(n) for n in [name(t), *t.former(key)])
    return frozenset(found)


@cache
def header_names(table_key: str, column_key: str) -> frozenset[str]:
    """A column's header as it may be written, in every language and earlier spelling, normalized."""
    return _spellings(f"col.{table_key}.{column_key}", lambda t: t.header(table_key, column_key))


def sheet_names_of(sheet_key: str) -> frozenset[str]:
    """The layout sheet's name in every language and earlier spelling (normalized)."""
    return _spellings(f"sheet.{sheet_key}", lambda t: t.sheet(sheet_key))


def table_names_of(table_key: str) -> frozenset[str]:
    """The layout table's Excel name in every language and earlier spelling (normalized)."""
    return _spellings(f"table.{table_key}", lambda t: t.table(table_key))


def column_indexes(raw: RawTable, table: Table) -> dict[str, int]:
    """Field → index in the raw rows, found by its header in any language; absent fields left out.

    Where the header stands more than once (say in both languages), the leftmost column counts."""
    by_header: dict[str, int] = {}
    for i, header in enumerate(raw.headers):
        by_header.setdefault(normalize(header), i)
    found: dict[str, int] = {}
    for column in table.columns:
        index = min((by_header[n] for n in header_names(table.key, column.key) if n in by_header), default=None)
        if index is not None:
            found[column.key] = index
    return found


@cache
def table_sheet_names() -> frozenset[str]:
    """The layout's sheets that hold tables, in every language (normalized)."""
    return frozenset().union(*(sheet_names_of(s.key) for s in spec.SHEETS if s.tables))


@cache
def our_table_names() -> frozenset[str]:
    """Every layout table's Excel name in every language (normalized)."""
    return frozenset(name for key in spec.tables_by_key() for name in table_names_of(key))
