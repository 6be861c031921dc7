"""The one narrow gateway every action talks to, whatever holds the workbook. Pure.

The domain owns this port; adapters implement it: ``xlplugin.gateway.file`` (a workbook on
disk), ``xlplugin.gateway.live`` (the open workbook in Excel, xlwings) and the tests'
in-memory fake. They only move raw cell values in bulk; turning them into a Project (and
findings) is done once, in pure code, by ``xlplugin.layout.reader`` through the layout spec.
Nothing here imports openpyxl or xlwings.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from xlplugin.domain.models import Project

_A1 = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def column_letter(col: int) -> str:
    """Excel's column name of a 1-based column number: 1 → A, 28 → AB."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based column number of Excel's column name: AB → 28."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


@dataclass(frozen=True, order=True)
class CellRef:
    sheet: str
    row: int  # 1-based
    col: int  # 1-based

    @property
    def address(self) -> str:
        return f"{column_letter(self.col)}{self.row}"

    @classmethod
    def parse(cls, sheet: str, address: str) -> CellRef:
        """The cell at ``address`` ("B7", "$B$7") of ``sheet``."""
        found = _A1.fullmatch(address.strip())
        if found is None:
            raise ValueError(f"not a cell address: {address!r}")
        return cls(sheet, int(found[2]), column_number(found[1]))

    def shifted(self, rows: int = 0, cols: int = 0) -> CellRef:
        return CellRef(self.sheet, self.row + rows, self.col + cols)


def range_text(first: CellRef, last: CellRef) -> str:
    """``B2:D9`` for two cells of one sheet."""
    return f"{first.address}:{last.address}"


@dataclass(frozen=True)
class Link:
    """A cell value that is a link to another cell (e.g. a finding pointing at its cell).

    Adapters write ``text`` and make the cell a hyperlink to ``target`` in the same workbook.
    """

    text: str
    target: CellRef


@dataclass(frozen=True)
class Formula:
    """A cell value that is a formula, as it stood in cell ``source`` (``text`` starts with "=").

    Adapters write it as a formula; written to another row or column, its relative A1
    references move with it (as Excel moves them when rows are sorted); structured
    references (``[@Col]``, ``Table[Col]``) and absolute ones stay as they are.
    """

    text: str
    source: CellRef


@dataclass
class RawTable:
    """A table as found in a workbook: its header cells and the rows below it.

    ``rows`` holds plain values as the cells show them (cached results for formulas;
    None for empty cells), including rows typed just below the table's end, which
    ``typed_below`` counts. Columns are as in the sheet: find them by header.
    ``formulas`` holds the formula (``=...``) of each cell of ``rows`` that has one, by
    (row index, column index); text that merely starts with "=" is a value, not a formula.
    """

    key: str  # the layout spec's table key
    name: str  # the Excel table's name as found
    sheet: str
    header_row: int
    first_col: int
    headers: list[Any]
    rows: list[list[Any]]
    typed_below: int = 0
    merged: list[str] = field(default_factory=list)  # merged ranges overlapping the table
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    # cells of ``rows`` (row index, column index) holding a formula without a stored result:
    # they read as empty although the formula may give something
    no_result: list[tuple[int, int]] = field(default_factory=list)
    # indexes of ``rows`` with something typed beside the table (left or right of it on the same
    # sheet row, outside other tables): a planner's notes, which move with their row
    beside: list[int] = field(default_factory=list)

    def formula(self, row_index: int, col_index: int) -> Formula | None:
        """The cell's formula, to write back elsewhere; None for a cell holding a value."""
        text = self.formulas.get((row_index, col_index))
        return Formula(text, self.cell(row_index, col_index)) if text is not None else None

    def cell(self, row_index: int, col_index: int) -> CellRef:
        return CellRef(self.sheet, self.header_row + 1 + row_index, self.first_col + col_index)

    def row_to_write(self, row_index: int, width: int) -> list[Any]:
        """The row's first ``width`` cells to write back (formulas as formulas), padded with None."""
        row = self.rows[row_index][:width]
        cells: list[Any] = [self.formula(row_index, j) or value for j, value in enumerate(row)]
        return cells + [None] * (width - len(cells))


@dataclass(frozen=True)
class CellText:
    """A text found in the workbook: a cell's value, or (``comment``) the comment or note
    attached to the cell ``at``."""

    at: CellRef
    text: str
    comment: bool = False


@dataclass(frozen=True)
class Saved:
    """Where ``commit`` put the result.

    ``path`` is the file written, in place (None: nothing to save, e.g. a live workbook).
    ``backup`` is the copy of the previous file kept next to it, if one was made.
    """

    path: Path | None = None
    backup: Path | None = None


class WorkbookGateway(Protocol):
    """What an action may do with a workbook. Reads and writes are bulk, per table."""

    lang: str

    def sheet_names(self) -> list[str]: ...

    def read_table(self, table_key: str) -> RawTable | None:
        """The table, found by its Excel name (or by its sheet and headers); None if absent."""

    def defined_names(self) -> dict[str, str]:
        """The workbook's defined names of workbook scope and what each refers to, as the file
        holds it (``lst_yesno`` → ``'Lister'!$A$2:$A$3``; a name whose sheet is gone reads
        ``#REF!``). A sheet's own names (print areas and titles) are left out."""

    def read_all_text(self, keep: Callable[[str], bool] | None = None) -> list[CellText]:
        """Every text in the workbook, for checks that must see all of it (personal data): each
        cell holding text on every sheet (hidden ones too), in a table or not, and the text of
        every cell comment. Numbers, dates and empty cells are left out; so is a text for which
        ``keep`` (if given) says False: a big workbook has a hundred thousand texts. An adapter
        may ask ``keep`` about texts joined (a row's, a block of rows'), so it must pass a joined
        text whenever it passes one of the texts in it."""

    def write_table(
        self, table_key: str, headers: list[str], rows: list[list[Any]], origins: list[int | None] | None = None
    ) -> None:
        """Replace the table's header and data rows (resizing it); text stays text.

        The table ends right after the given rows (at least one row; pass empty rows for spare
        ones). New rows get the column's formats and dropdowns. A ``Link`` value becomes a
        hyperlink to its target cell; a ``Formula`` value becomes a formula (moved to its cell).
        ``origins``, for an action that re-orders rows: for each row written, the index in the
        rows ``read_table`` gave of the row it was (None for a new row). What is typed beside
        those rows (``RawTable.beside``) then moves with its row; every such row must be among
        the origins. Without ``origins`` nothing beside the table moves.
        """

    def write_range(self, sheet_key: str, top_left: CellRef, values: list[list[Any]]) -> None:
        """Write a block of values outside tables (e.g. the step 2 matrix view)."""

    def restore_sheet(self, sheet_key: str, project: Project) -> None:
        """Put back one of the sheets whose whole content is the tool's own (``spec.TOOL_SHEETS``:
        the overview, the findings, the hidden lists) as a new workbook has it: added at its place
        in the layout's order (``spec.SHEET_ORDER``) if the workbook lacks it, else made anew in
        place of the one there. Its tables, formats, dropdowns, print setup and charts come with
        it, and so do its names (the lists' ``lst_…``, set to point at it). ``project`` gives the
        sheet's first values and the name in its print footer. Values may be written to it next;
        reads keep showing the workbook as it was opened. A UserError if the adapter cannot."""

    def layout_version(self) -> int | None:
        """The layout version the workbook says it was made in (its custom property
        ``xlplugin.layout``); None if it says none or the adapter cannot read it."""

    def set_layout_version(self, version: int) -> None:
        """Say the workbook is of layout ``version`` (the custom property ``xlplugin.layout``, and
        ``xlplugin.version`` the tool's version), saved with the other writes. A UserError if
        the adapter cannot."""

    def set_marks(self, cells: list[CellRef]) -> None:
        """Mark the cells with findings, clearing the previous run's marks first."""

    def commit(self) -> Saved:
        """Make the writes permanent: an atomic save on disk; nothing for a live workbook.

        Reads show the workbook as it was opened; writes are seen after ``commit``.
        """


class NewWorkbookWriter(Protocol):
    """Writes a new project workbook for a project to a path; returns its number of sheets."""

    def __call__(self, project: Project, lang: str, path: Path) -> int: ...
