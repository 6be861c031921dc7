"""What both workbook adapters share, free of I/O: finding the layout's tables in a sheet's
grid of values, and naming sheets, tables and cells.

An adapter supplies the Excel tables' positions (``Region``) and, when first needed, a
sheet's values as a 2-D grid (0-based rows and columns, ``None`` or ``""`` for an empty
cell); these functions find a table by its name, or by its sheet and headers once it is no
longer an Excel table, and cut its rows out, with the rows typed just below it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.models import normalize
from xlplugin.domain.port import CellRef, RawTable, column_letter
from xlplugin.layout import spec
from xlplugin.layout.names import our_table_names, sheet_names_of, table_names_of
from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES, texts

Grid = list[list[Any]]
Merged = list[tuple[int, int, int, int]]  # merged ranges: (top, left, bottom, right), 0-based
SheetFormulas = dict[tuple[int, int], str]  # formula cells: (row, column) 0-based → "=..."
MARK_FORMULA = 'N("xlplugin:mark")=0'  # always true; the string tells our marks from the user's rules
# how a sheet part holding a mark spells it (quotes escaped or not)
MARK_NEEDLES = (MARK_FORMULA.encode(), MARK_FORMULA.replace('"', "&quot;").encode())
BLANK_RUN_ENDS_TABLE = 2  # rows typed below a table end at this many blank rows
ROWS_BETWEEN_TABLES = 2  # empty rows kept between a grown table and what was moved down


@dataclass
class Region:
    """Where a table sits on its sheet (0-based, inclusive)."""

    name: str
    sheet: str
    top: int  # header row
    left: int
    bottom: int
    right: int


# --- names ------------------------------------------------------------------------------------
def sheet_missing(sheet_key: str) -> UserError:
    return UserError("msg.sheet_missing", sheet=ph.sheet(sheet_key))


def table_missing(table_key: str) -> UserError:
    return UserError(
        "msg.table_missing", table=ph.Label("table", table_key), sheet=ph.sheet(spec.sheet_of_table()[table_key].key)
    )


def detect_language(properties: dict[str, str], sheet_names: list[str], table_names: list[str]) -> str:
    lang = properties.get("xlplugin.lang")
    if lang in LANGUAGES:
        return lang
    sheets = {normalize(s) for s in sheet_names}
    tables = {normalize(t) for t in table_names}
    scores = {}
    for candidate in LANGUAGES:
        t = texts(candidate)
        scores[candidate] = sum(normalize(t.sheet(s.key)) in sheets for s in spec.SHEETS) + sum(
            normalize(t.table(k)) in tables for k in spec.tables_by_key()
        )
    best = max(scores.values())
    if best == 0 or scores.get(DEFAULT_LANGUAGE) == best:
        return DEFAULT_LANGUAGE
    return max(scores, key=lambda lang: scores[lang])


def layout_of(properties: dict[str, str]) -> int | None:
    """The layout version the custom properties give (``xlplugin.layout``); None if they give none
    or something that is not a whole number."""
    text = properties.get("xlplugin.layout", "").strip()
    return int(text) if text.isdigit() else None


def is_project(properties: dict[str, str], table_names: list[str]) -> bool:
    """A project workbook carries our layout property, or at least a few of our tables."""
    if properties.get("xlplugin.layout"):
        return True
    ours = our_table_names()
    return sum(normalize(name) in ours for name in table_names) >= 3


# --- addresses --------------------------------------------------------------------------------
def range_address(top: int, left: int, bottom: int, right: int) -> str:
    """``A1:C4`` for 0-based inclusive bounds."""
    return f"{column_letter(left + 1)}{top + 1}:{column_letter(right + 1)}{bottom + 1}"


def address_key(address: str) -> tuple[int, str]:
    """Sorts cell addresses by row first."""
    digits = "".join(ch for ch in address if ch.isdigit())
    return (int(digits or 0), address)


def address_chunks(addresses: list[str], limit: int = 250) -> list[str]:
    """Addresses joined by commas, each list short enough for one multi-area range (Excel
    refuses longer ones)."""
    chunks: list[str] = []
    current = ""
    for address in addresses:
        candidate = f"{current},{address}" if current else address
        if len(candidate) > limit and current:
            chunks.append(current)
            candidate = address
        current = candidate
    if current:
        chunks.append(current)
    return chunks


def addresses_by_sheet(cells: Iterable[CellRef]) -> dict[str, list[str]]:
    """Each sheet's cell addresses, once each, row by row (how both adapters lay out marks)."""
    by_sheet: dict[str, set[str]] = {}
    for ref in cells:
        by_sheet.setdefault(ref.sheet, set()).add(ref.address)
    return {sheet: sorted(addresses, key=address_key) for sheet, addresses in by_sheet.items()}


# --- finding and reading a table ----------------------------------------------------------------
def has_column(table: str, column: str, regions: list[Region], rows_of: Callable[[str], Grid]) -> bool:
    """Whether the workbook has the Excel table ``table`` with a column headed ``column``."""
    for region in regions:
        if normalize(region.name) == normalize(table):
            rows = rows_of(region.sheet)
            header = rows[region.top][region.left : region.right + 1] if region.top < len(rows) else []
            return normalize(column) in {normalize(h) for h in header if isinstance(h, str)}
    return False


def find_region(
    table_key: str, regions: list[Region], sheet_names: list[str], grid_of: Callable[[str], Grid]
) -> Region | None:
    """The table's Excel table by name; else a row with its headers on its sheet."""
    wanted = table_names_of(table_key)
    for region in regions:
        if normalize(region.name) in wanted:
            return region
    return _region_by_headers(table_key, regions, sheet_names, grid_of)


def _region_by_headers(
    table_key: str, regions: list[Region], sheet_names: list[str], grid_of: Callable[[str], Grid]
) -> Region | None:
    """A table that is no longer an Excel table: its sheet, then a row with its headers."""
    wanted = sheet_names_of(spec.sheet_of_table()[table_key].key)
    sheet = next((s for s in sheet_names if normalize(s) in wanted), None)
    if sheet is None:
        return None
    table_spec = spec.table(table_key)
    headers = {normalize(texts(lang).header(table_key, c.key)) for lang in LANGUAGES for c in table_spec.columns}
    need = max(2, (len(table_spec.columns) + 1) // 2)
    ours = our_table_names()
    rows = grid_of(sheet)
    for r, row in enumerate(rows):
        hits = [c for c, v in enumerate(row) if isinstance(v, str) and normalize(v) in headers]
        if len(hits) < need:
            continue
        renamed = next((g for g in regions if g.sheet == sheet and g.top == r and g.left <= hits[0] <= g.right), None)
        if renamed is not None and normalize(renamed.name) not in ours:
            return renamed  # an Excel table the user renamed
        if any(_inside(regions, sheet, r, c) for c in hits):
            continue
        left = right = hits[0]
        while left > 0 and row[left - 1] not in (None, ""):
            left -= 1
        while right + 1 < len(row) and row[right + 1] not in (None, ""):
            right += 1
        bottom = r
        for rr in range(r + 1, len(rows)):
            if all(v in (None, "") for v in rows[rr][left : right + 1]) or any(
                _inside(regions, sheet, rr, c) for c in range(left, right + 1)
            ):
                break
            bottom = rr
        return Region(table_key, sheet, r, left, bottom, right)
    return None


def _inside(regions: list[Region], sheet: str, r: int, c: int) -> bool:
    return any(reg.sheet == sheet and reg.top <= r <= reg.bottom and reg.left <= c <= reg.right for reg in regions)


def table_at(
    table_key: str,
    region: Region,
    regions: list[Region],
    rows: Grid,
    merged: Merged,
    formulas: SheetFormulas | None = None,
) -> RawTable:
    """The table in ``region`` of its sheet's ``rows``, with the rows typed just below it.

    ``formulas``: the sheet's formula cells, (row, column) 0-based → ``=...``."""
    data = slice_rows(rows, region.top + 1, region.bottom + 1, region)
    below: list[list[Any]] = []
    blank_run = 0
    for r in range(region.bottom + 1, _region_limit(region, regions, len(rows))):
        values = slice_row(rows, r, region)
        blank_run = blank_run + 1 if all(v is None for v in values) else 0
        if blank_run >= BLANK_RUN_ENDS_TABLE:
            break
        below.append(values)
    while below and all(v is None for v in below[-1]):
        below.pop()
    bottom = region.bottom + len(below)
    first = region.top + 1
    return RawTable(
        beside=beside_rows(region, regions, rows, formulas or {}, first, bottom),
        key=table_key,
        name=region.name,
        sheet=region.sheet,
        header_row=region.top + 1,
        first_col=region.left + 1,
        headers=slice_row(rows, region.top, region),
        rows=data + below,
        typed_below=len(below),
        merged=[
            range_address(r0, c0, r1, c1)
            for r0, c0, r1, c1 in merged
            if r0 <= bottom and r1 >= region.top and c0 <= region.right and c1 >= region.left
        ],
        formulas={
            (r - first, c - region.left): text
            for (r, c), text in (formulas or {}).items()
            if first <= r <= bottom and region.left <= c <= region.right
        },
    )


def beside_rows(region: Region, regions: list[Region], rows: Grid, formulas: SheetFormulas, first: int, last: int) -> list[int]:
    """Indexes (from ``first``) of rows ``first``..``last`` with a value or formula beside the
    table: left or right of ``region`` on the same row, outside the sheet's other tables."""
    others = [g for g in regions if g.sheet == region.sheet and (g.top, g.left) != (region.top, region.left)]

    def beside(r: int, c: int) -> bool:
        return not region.left <= c <= region.right and not any(g.top <= r <= g.bottom and g.left <= c <= g.right for g in others)

    found = {r - first for r, c in formulas if first <= r <= last and beside(r, c)}
    left, after = region.left, region.right + 1
    outside = [row[:left] + row[after:] for row in rows[first : last + 1]]
    busy = [i for i, cells in enumerate(outside) if cells.count("") + cells.count(None) != len(cells)]  # C speed
    for i in busy:
        r = first + i
        if i not in found and any(v not in (None, "") and beside(r, c) for c, v in enumerate(rows[r])):
            found.add(i)
    return sorted(found)


def slice_row(rows: Grid, r: int, region: Region) -> list[Any]:
    """The region's cells of row ``r``; an empty cell's "" becomes None."""
    return slice_rows(rows, r, r + 1, region)[0]


def slice_rows(rows: Grid, first: int, end: int, region: Region) -> list[list[Any]]:
    """The region's cells of rows ``first``..``end - 1``, each padded to the region's width; an
    empty cell's "" becomes None. In one comprehension: 20,000 rows are common."""
    left, right = region.left, region.right + 1
    out = [[None if v == "" else v for v in row[left:right]] for row in rows[first:end]]
    width = right - left
    if out and min(map(len, out)) < width:  # calamine's rows end at the sheet's last column
        for row in out:
            row.extend([None] * (width - len(row)))
    out.extend([None] * width for _ in range(end - first - len(out)))
    return out


def _region_limit(region: Region, regions: list[Region], n_rows: int) -> int:
    """The first row (0-based) rows typed below ``region`` may not reach: the next table's title."""
    limit = n_rows
    for other in regions:
        overlaps = other.left <= region.right and other.right >= region.left
        if other.sheet == region.sheet and other.top > region.bottom and overlaps:
            limit = min(limit, max(region.bottom + 1, other.top - 2))  # title and intro rows
    return limit


# --- growing a table ----------------------------------------------------------------------------
def rows_to_insert(
    below: Iterable[Iterable[Any]], first: int, last: int, empty: tuple[Any, ...] = (None, "")
) -> tuple[int, int] | None:
    """Where and how many rows to insert so that rows first..last (1-based) are free.

    ``below`` yields the values of rows first..last (whole rows: it is read only up to the
    first one that holds something). None if they are all free.
    """
    occupied = next((first + i for i, row in enumerate(below) if any(v not in empty for v in row)), None)
    if occupied is None:
        return None
    return occupied, last - occupied + 1 + ROWS_BETWEEN_TABLES
