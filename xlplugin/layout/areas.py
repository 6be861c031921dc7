"""Generated blocks of the layout outside its tables: step 2's matrix beside the entries, and the
Start sheet's live status rows. Part of the layout spec (``xlplugin.layout.spec`` re-exports them)."""
from __future__ import annotations

from dataclasses import dataclass

from xlplugin.domain import models as m


@dataclass(frozen=True)
class Area:
    """A generated block of cells outside the tables, to the right of one table.

    It starts on the table's title row, one empty column right of the table's last column,
    and spans ``rows`` x ``cols`` cells. Every run rewrites the whole block (clearing what
    it no longer needs) and writes nothing outside it.
    """

    key: str
    sheet: str
    beside: str  # table key
    rows: int
    cols: int


# Groups across; more are summed up in the last column. Six groups of 30 characters still print
# readably across landscape A4, on the matrix's own page of step 2.
MATRIX_MAX_GROUPS = 6
MATRIX_MAX_ITEMS = 12  # needs (resources, interests) listed per group, one per row
# Step 2's matrix as in the folder: title, intro, group names across, then for needs,
# resources and interests a label beside the first item, one item per row, a blank row between.
MATRIX = Area(
    "matrix",
    "step2",
    beside="entries",
    rows=3 + len(m.EntryKind) * MATRIX_MAX_ITEMS + len(m.EntryKind) - 1,
    cols=1 + MATRIX_MAX_GROUPS,
)
AREAS: tuple[Area, ...] = (MATRIX,)


@dataclass(frozen=True)
class StatusRow:
    """One line of the live status on the Start sheet."""

    step: int
    key: str  # text key suffix
    table: str
    column: str
    count: str = "filled"  # "filled": non-empty cells; "yes": cells saying yes
    # When the line says the step is done ("Færdig"), not just started: "any" (one is enough,
    # e.g. a selected platform), or the key of a line whose count this one must reach (a plan
    # for every selected platform); None: the line only says started or not.
    complete: str | None = None


STATUS_ROWS: tuple[StatusRow, ...] = (
    StatusRow(1, "groups", "groups", "name"),
    StatusRow(1, "purposes", "purposes", "purpose"),
    StatusRow(2, "entries", "entries", "description"),
    StatusRow(3, "interactions", "interactions", "groups"),
    StatusRow(3, "selected_interactions", "interactions", "selected", "yes", complete="any"),
    StatusRow(4, "platforms", "platforms", "name"),
    StatusRow(4, "selected_platforms", "platforms", "selected", "yes", complete="any"),
    StatusRow(5, "maintenance", "maintenance", "platform", complete="selected_platforms"),
    StatusRow(5, "constraints", "constraints", "constraint"),
)
