"""Raw tables → a Project, through the layout spec. Pure: the gateway did all the I/O.

What people do to these workbooks and how it is read:
- columns are found by header, in either language, ignoring case and spaces; extra user
  columns are ignored, moved columns are found;
- blank rows are skipped; rows typed just below a table are read (and noted);
- dropdown labels in any case / with stray spaces, in either language, or the code itself;
- numbers as numbers or text: "25 %", "25%", "0,25", "1.234,50 kr.", 25, 0.25;
- a share (percent column) is read as percentage points, except that a value between 0 and 1
  (exclusive) is a fraction, as Excel stores "25%" typed into a cell: 0.25 → 25. Text with a %
  sign is always points ("0,5 %" → 0.5). If every share in the table is at most 1, the column
  was formatted as Excel percentages and all are fractions (1 → 100);
- dates as date cells, serial numbers, or text dd-mm-yyyy, yyyy-mm-dd, d.m.yyyy, d/m/yyyy;
- formulas: their cached values (the gateway hands those over); a formula showing an error
  (#DIV/0!, #N/A …) is a finding.
What cannot be read is reported as a finding, and the rest is read anyway.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.collector import collector_paused
from xlplugin.domain.errors import UserError
from xlplugin.domain.findings import Finding, Severity
from xlplugin.domain.models import normalize
from xlplugin.domain.port import CellRef, RawTable, WorkbookGateway
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes, sheet_names_of
from xlplugin.layout.spec import Kind, Table
from xlplugin.layout.texts import LANGUAGES, texts
from xlplugin.layout.values import EXCEL_ERRORS, BadValue, ColumnParser, parse_cell

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


@dataclass
class TableLocation:
    """Where a table's items are: enough to point at any field's cell without storing each."""

    sheet: str
    header_row: int
    first_col: int
    columns: dict[str, int] = field(default_factory=dict)  # field → sheet column (1-based)
    item_rows: list[int] = field(default_factory=list)  # sheet row (1-based) of item i


@dataclass
class Locations:
    tables: dict[str, TableLocation] = field(default_factory=dict)
    fact_rows: dict[str, int] = field(default_factory=dict)  # fact field → sheet row

    def cell(self, table_key: str, index: int, field_key: str) -> CellRef | None:
        """The cell of item ``index``'s field (facts: index 0, the fact's value cell)."""
        loc = self.tables.get(table_key)
        if loc is None:
            return None
        if table_key == "facts":
            row = self.fact_rows.get(field_key)
            col = loc.columns.get("value")
            return CellRef(loc.sheet, row, col) if row and col else None
        if index >= len(loc.item_rows):
            return None
        col = loc.columns.get(field_key)
        return CellRef(loc.sheet, loc.item_rows[index], col if col else loc.first_col)

    def header(self, table_key: str, field_key: str | None = None) -> CellRef | None:
        loc = self.tables.get(table_key)
        if loc is None:
            return None
        col = loc.columns.get(field_key, loc.first_col) if field_key else loc.first_col
        return CellRef(loc.sheet, loc.header_row, col)


@dataclass
class ReadResult:
    """The project read, what could not be read, where each item stands, and the tables as found."""

    project: m.Project
    findings: list[Finding]
    locations: Locations
    lang: str = "da"
    raw_tables: dict[str, RawTable] = field(default_factory=dict)

    def has_table(self, table_key: str) -> bool:
        """The workbook holds the table (found by name or by its headers)."""
        return table_key in self.raw_tables

    def raw(self, table_key: str) -> RawTable | None:
        """The table as the gateway handed it over (None if the workbook lacks it)."""
        return self.raw_tables.get(table_key)

    def location(self, table_key: str) -> TableLocation | None:
        return self.locations.tables.get(table_key)


class _RowByRow(Exception):
    """Some rows need a finding: read the table row by row."""


@cache
def _list_adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(list[model])  # one adapter per row model, built once


# --- the reader ------------------------------------------------------------------------------
class _Reader:
    def __init__(self, gateway: WorkbookGateway):
        self.gateway = gateway
        self.lang = gateway.lang if gateway.lang in LANGUAGES else "da"
        self.raw_tables: dict[str, RawTable] = {}
        self.findings: list[Finding] = []
        self.locations = Locations()

    def add(self, severity: Severity, key: str, ref: CellRef | None = None, sheet: str | None = None, **params: Any) -> None:
        self.findings.append(Finding.make(severity, key, ref, sheet, **params))

    def read(self) -> ReadResult:
        data: dict[str, Any] = {}
        for table_key, field_name in spec.PROJECT_FIELDS.items():
            raw = self._raw(table_key)
            data[field_name] = self._items(raw, spec.table(table_key)) if raw else []
        raw = self._raw("facts")
        facts = self._facts(raw) if raw else m.ProjectFacts()
        project = m.Project.model_construct(facts=facts, **data)
        return ReadResult(project, self.findings, self.locations, self.lang, self.raw_tables)

    def _raw(self, table_key: str) -> RawTable | None:
        raw = self.gateway.read_table(table_key)
        title = ph.title(table_key)
        if raw is not None:
            self.raw_tables[table_key] = raw
        if raw is None:
            sheet_key = spec.sheet_of_table()[table_key].key
            wanted = sheet_names_of(sheet_key)
            sheet = next((s for s in self.gateway.sheet_names() if normalize(s) in wanted), None)
            if spec.table(table_key).optional:
                self.add(N, "optional_table_missing", sheet=sheet, table=title, table_name=ph.Label("table", table_key))
            elif sheet is None:
                self.add(E, "sheet_missing", sheet=None, sheet_name=ph.sheet(sheet_key), table=title)
            else:
                self.add(E, "table_missing", sheet=sheet, table=title, table_name=ph.Label("table", table_key))
            return None
        for merged in raw.merged:
            first = merged.split(":")[0]
            self.add(E, "merged_cells", CellRef.parse(raw.sheet, first), range=merged, table=title)
        if raw.no_result:  # the user's input read as empty: say so (generated columns are ours)
            table = spec.table(table_key)
            inputs = {i for key, i in column_indexes(raw, table).items() if not table.column(key).generated}
            for r, c in raw.no_result:
                if c in inputs:
                    self.add(W, "formula_no_result", raw.cell(r, c), table=title)
        if raw.typed_below:
            first_below = len(raw.rows) - raw.typed_below
            filled = [i for i in range(first_below, len(raw.rows)) if any(v is not None for v in raw.rows[i])]
            if filled:
                self.add(N, "typed_below", raw.cell(filled[0], 0), table=title, count=len(filled))
        return raw

    def _columns(self, raw: RawTable, table: Table) -> dict[str, int]:
        """Field → index in the raw rows, found by header; reports columns that are missing."""
        found = column_indexes(raw, table)
        for column in table.columns:
            if column.key not in found and table.key != "facts":
                self.add(
                    E if column.required else W,
                    "column_missing",
                    CellRef(raw.sheet, raw.header_row, raw.first_col),
                    column=ph.column(table.key, column.key),
                    table=ph.title(table.key),
                )
        self.locations.tables[table.key] = TableLocation(
            raw.sheet, raw.header_row, raw.first_col, {k: raw.first_col + i for k, i in found.items()}
        )
        return found

    def _items(self, raw: RawTable, table: Table) -> list[Any]:
        columns = self._columns(raw, table)
        loc = self.locations.tables[table.key]
        rows = raw.rows
        filled = [r for r, row in enumerate(rows) if row.count(None) != len(row)]  # blank rows skipped
        values_of: dict[int, dict[str, Any]] = {r: {} for r in filled}
        bad_of: dict[int, set[str]] = {}
        filled_rows = [rows[r] for r in filled]
        filled_values = [values_of[r] for r in filled]
        shortest = min(map(len, filled_rows), default=0)
        # Column by column: a 20,000-row table is read in one tight loop per column.
        for column in table.columns:
            index = columns.get(column.key)
            if index is None:
                continue
            key, parse = column.key, ColumnParser(column)
            plain = parse.plain_text
            if index < shortest:  # a column's cells at C speed
                cells = list(map(operator.itemgetter(index), filled_rows))
            else:
                cells = [row[index] if index < len(row) else None for row in filled_rows]
            known: dict[str, Any] = {}  # a text parsed once per column (lists repeat their labels)
            for r, cell, values in zip(filled, cells, filled_values):
                if cell is None:
                    continue
                if type(cell) is str:
                    if plain and cell not in EXCEL_ERRORS:
                        value = cell.strip() or None
                    elif cell in known:
                        value = known[cell]
                    else:
                        try:
                            value = known[cell] = parse(cell)
                        except BadValue as bad:
                            self._bad(raw, table.key, key, r, index, bad, bad_of)
                            continue
                else:
                    try:
                        value = parse(cell)
                    except BadValue as bad:
                        self._bad(raw, table.key, key, r, index, bad, bad_of)
                        continue
                if value is not None:
                    values[key] = value
        no_bad: frozenset[str] = frozenset()
        parsed_rows = [(r, values_of[r], bad_of.get(r, no_bad)) for r in filled if values_of[r] or r in bad_of]
        self._shares(table, [(r, values) for r, values, _ in parsed_rows])
        required = table.required
        required_keys = {c.key for c in required if c.key in columns}
        absent_required = [c for c in required if c.key not in columns]  # reported as column_missing
        complete = [(r, values) for r, values, bad in parsed_rows if not bad and required_keys <= values.keys()]
        try:
            # one call for the whole table: most rows are fine, and pydantic is fastest in bulk
            items = _list_adapter(table.model).validate_python([values for _, values in complete])
            rows_read = [r for r, _ in complete]
            if len(complete) < len(parsed_rows):
                raise _RowByRow
        except (ValidationError, _RowByRow):
            items, rows_read = [], []
            for r, values, bad_columns in parsed_rows:
                missing = [c for c in required if c.key not in values and c.key in columns and c.key not in bad_columns]
                for column in missing:
                    self.add(
                        E, "required_missing", raw.cell(r, columns[column.key]), column=ph.column(table.key, column.key)
                    )
                try:
                    item = table.model.model_validate(values)
                except ValidationError:
                    # already reported as a missing or unreadable cell; otherwise the row is unreadable
                    if not missing and not bad_columns and not absent_required:
                        self.add(E, "row_unreadable", raw.cell(r, 0), table=ph.title(table.key))
                    continue
                items.append(item)
                rows_read.append(r)
        loc.item_rows.extend(raw.header_row + 1 + r for r in rows_read)
        return list(items)

    def _bad(self, raw: RawTable, table_key: str, key: str, r: int, index: int, bad: BadValue, bad_of: dict[int, set[str]]) -> None:
        """A cell that cannot be read: a finding, and its row remembers the column."""
        self.add(E, bad.key, raw.cell(r, index), column=ph.column(table_key, key))
        bad_of.setdefault(r, set()).add(key)

    @staticmethod
    def _shares(table: Table, parsed_rows: list[tuple[int, dict[str, Any]]]) -> None:
        """Percent columns: (number, had %) → percentage points (see the module's rule)."""
        for column in table.columns:
            if column.kind is not Kind.PERCENT:
                continue
            cells = [v[column.key] for _, v in parsed_rows if column.key in v]
            plain = [n for n, had_percent in cells if not had_percent]
            all_fractions = bool(plain) and all(0 <= n <= 1 for n in plain) and any(0 < n < 1 for n in plain)
            for _, values in parsed_rows:
                if column.key not in values:
                    continue
                number, had_percent = values[column.key]
                if not had_percent and (0 < number < 1 or (all_fractions and number == 1)):
                    number *= 100
                values[column.key] = round(number, 6)

    def _facts(self, raw: RawTable) -> m.ProjectFacts:
        table = spec.FACTS
        columns = self._columns(raw, table)
        loc = self.locations.tables["facts"]
        field_index, value_index = columns.get("field", 0), columns.get("value", 1)
        labels = {
            normalize(texts(lang)[f"fact.{c.key}"]): c for lang in LANGUAGES for c in spec.FACT_FIELDS
        } | {normalize(c.key): c for c in spec.FACT_FIELDS}
        values: dict[str, Any] = {}
        for r, row in enumerate(raw.rows):
            column = labels.get(normalize(row[field_index])) if field_index < len(row) else None
            if column is None:
                continue
            self.locations.fact_rows[column.key] = raw.header_row + 1 + r
            loc.columns.setdefault("value", raw.first_col + value_index)
            raw_value = row[value_index] if value_index < len(row) else None
            try:
                value = parse_cell(column, raw_value)
            except BadValue as bad:
                self.add(E, bad.key, raw.cell(r, value_index), column=ph.Label("fact", column.key))
                continue
            if value is None and column.required:
                self.add(
                    E,
                    "fact_missing",
                    raw.cell(r, value_index),
                    column=ph.Label("fact", column.key),
                    value_column=ph.column("facts", "value"),
                    start_sheet=raw.sheet,
                )
            if value is not None:
                values[column.key] = value
        return m.ProjectFacts.model_validate(values)


def read_project(gateway: WorkbookGateway) -> ReadResult:
    """Read every table of the layout; what cannot be read becomes findings."""
    try:
        with collector_paused():
            return _Reader(gateway).read()
    except UserError:
        raise
    except Exception as exc:  # a defect here must still reach the user as a clear message
        raise UserError("msg.read_failed", reason=type(exc).__name__) from exc
