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

import datetime as dt
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize
from xlplugin.domain.findings import Finding, Severity
from xlplugin.errors import UserError
from xlplugin.gateway.port import CellRef, RawTable, WorkbookGateway
from xlplugin.layout import spec
from xlplugin.layout.spec import Column, Kind, Table
from xlplugin.layout.texts import LANGUAGES, texts

EXCEL_EPOCH = dt.date(1899, 12, 30)
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


@cache
def header_names(table_key: str, column_key: str) -> frozenset[str]:
    """A column's header as it may be written, in every language, normalized."""
    return frozenset(normalize(texts(lang).header(table_key, column_key)) for lang in LANGUAGES)


def sheet_names_of(sheet_key: str) -> frozenset[str]:
    """The layout sheet's name in every language (normalized)."""
    return frozenset(normalize(texts(lang).sheet(sheet_key)) for lang in LANGUAGES)


def table_names_of(table_key: str) -> frozenset[str]:
    """The layout table's Excel name in every language (normalized)."""
    return frozenset(normalize(texts(lang).table(table_key)) for lang in LANGUAGES)


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
    project: m.Project
    findings: list[Finding]
    locations: Locations
    lang: str = "da"


# --- value parsing --------------------------------------------------------------------------
class BadValue(Exception):
    """A cell value that does not fit its column; the key says which finding to report."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


UNIT_RE = re.compile(r"(kr\.?|dkk|,-|point|pt\.?)$", re.IGNORECASE)


def parse_number(value: Any) -> tuple[float, bool]:
    """(number, had a % sign). Accepts Danish and English separators."""
    if isinstance(value, bool):
        raise BadValue("not_number")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue("not_number")
        return float(value), False
    if not isinstance(value, str):
        raise BadValue("not_number")
    text = value.strip().replace("\u00a0", " ").replace("\u2212", "-")
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    while True:
        stripped = UNIT_RE.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    text = text.replace(" ", "").replace("'", "")
    if not text or not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", text):
        raise BadValue("not_number")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        # Danish decimal comma, unless it clearly groups thousands (1,000,000)
        text = text.replace(",", "") if text.count(",") > 1 else text.replace(",", ".")
    elif text.count(".") > 1 or re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", text):
        text = text.replace(".", "")  # Danish thousands: 1.500 or 1.234.567
    try:
        return float(text), percent
    except ValueError as exc:
        raise BadValue("not_number") from exc


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue("not_date")
    if isinstance(value, (int, float)):
        if not 1 <= value < 2958466:  # Excel's serial range (1900-01-01 … 9999-12-31)
            raise BadValue("not_date")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", text)
        parts = None
        if match:
            parts = int(match[1]), int(match[2]), int(match[3])
        else:
            match = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})", text)
            if match:
                year = int(match[3])
                year = year + 2000 if year < 100 else year
                parts = year, int(match[2]), int(match[1])
        if parts:
            try:
                return dt.date(*parts)
            except ValueError as exc:
                raise BadValue("not_date") from exc
    raise BadValue("not_date")


YES = {"ja", "yes", "j", "y", "x", "sand", "true", "1", "✓", "✔"}
NO = {"nej", "no", "n", "falsk", "false", "0", "-"}


def parse_yesno(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalize(value).rstrip(".")
    if text in YES or text in {normalize(texts(lang).choice("yesno", "yes")) for lang in LANGUAGES}:
        return True
    if text in NO or text in {normalize(texts(lang).choice("yesno", "no")) for lang in LANGUAGES}:
        return False
    raise BadValue("not_yesno")


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return texts("da").choice("yesno", "yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _choice_maps() -> dict[str, dict[str, str]]:
    maps: dict[str, dict[str, str]] = {}
    for key, enum in spec.LIST_ENUMS.items():
        lookup: dict[str, str] = {}
        for member in enum:
            lookup[normalize(member.value)] = member.value
            for lang in LANGUAGES:
                lookup[normalize(texts(lang).choice(key, member.value))] = member.value
        maps[key] = lookup
    return maps


CHOICES = _choice_maps()


def parse_choice(list_key: str, value: Any) -> str:
    code = CHOICES[list_key].get(normalize(as_text(value)))
    if code is None:
        raise BadValue("choice_unknown")
    return code


class _RowByRow(Exception):
    """Some rows need a finding: read the table row by row."""


@cache
def _list_adapter(model: type) -> TypeAdapter:
    return TypeAdapter(list[model])


class ColumnParser:
    """``parse_cell`` for one column, remembering text it has parsed (lists repeat their labels)."""

    def __init__(self, column: Column):
        self.column = column
        self.plain_text = column.kind in (Kind.TEXT, Kind.LONG_TEXT) or (
            column.kind is Kind.CHOICE and column.choices not in spec.LIST_ENUMS
        )
        self.memo: dict[str, Any] = {}

    def __call__(self, value: Any) -> Any:
        if value is None:
            return None
        if type(value) is str:
            if self.plain_text and value not in EXCEL_ERRORS:
                return value.strip() or None
            if value in self.memo:
                parsed = self.memo[value]
                if isinstance(parsed, BadValue):
                    raise parsed
                return parsed
            try:
                parsed = parse_cell(self.column, value)
            except BadValue as bad:
                self.memo[value] = bad
                raise
            self.memo[value] = parsed
            return parsed
        return parse_cell(self.column, value)


# What a cell shows when its formula fails (the gateway hands these over as text).
EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)


def parse_cell(column: Column, value: Any) -> Any:
    """A cell value → the model value for ``column`` (BadValue if it cannot be)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value in EXCEL_ERRORS:
        raise BadValue("cell_error")
    kind = column.kind
    if kind is Kind.YESNO:
        return parse_yesno(value)
    if kind is Kind.CHOICE and column.choices in spec.LIST_ENUMS:
        return parse_choice(column.choices, value)
    if kind is Kind.DATE:
        return parse_date(value)
    if kind in (Kind.NUMBER, Kind.SCORE, Kind.MONEY):
        return parse_number(value)[0]
    if kind is Kind.PERCENT:
        return parse_number(value)  # (number, had %): scaled per column in _shares
    return as_text(value)


# --- the reader ------------------------------------------------------------------------------
class _Reader:
    def __init__(self, gateway: WorkbookGateway):
        self.gateway = gateway
        self.lang = gateway.lang if gateway.lang in LANGUAGES else "da"
        self.t = texts(self.lang)
        self.findings: list[Finding] = []
        self.locations = Locations()

    def add(self, severity: Severity, key: str, ref: CellRef | None = None, sheet: str | None = None, **params: Any):
        self.findings.append(
            Finding.make(severity, key, ref.sheet if ref else sheet, ref.address if ref else None, **params)
        )

    def read(self) -> ReadResult:
        data: dict[str, Any] = {}
        for table_key, field_name in spec.PROJECT_FIELDS.items():
            raw = self._raw(table_key)
            data[field_name] = self._items(raw, spec.table(table_key)) if raw else []
        raw = self._raw("facts")
        facts = self._facts(raw) if raw else m.ProjectFacts()
        project = m.Project.model_construct(facts=facts, **data)
        return ReadResult(project, self.findings, self.locations, self.lang)

    def _raw(self, table_key: str) -> RawTable | None:
        raw = self.gateway.read_table(table_key)
        title = self.t[f"title.{table_key}"]
        if raw is None:
            sheet_key = spec.sheet_of_table()[table_key].key
            wanted = sheet_names_of(sheet_key)
            sheet = next((s for s in self.gateway.sheet_names() if normalize(s) in wanted), None)
            if spec.table(table_key).optional:
                self.add(N, "optional_table_missing", sheet=sheet, table=title, table_name=self.t.table(table_key))
            elif sheet is None:
                self.add(E, "sheet_missing", sheet=None, sheet_name=self.t.sheet(sheet_key), table=title)
            else:
                self.add(E, "table_missing", sheet=sheet, table=title, table_name=self.t.table(table_key))
            return None
        for merged in raw.merged:
            first = merged.split(":")[0]
            self.add(E, "merged_cells", CellRef.parse(raw.sheet, first), range=merged, table=title)
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
                    column=self.t.header(table.key, column.key),
                    table=self.t[f"title.{table.key}"],
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
        # Column by column: a 20,000-row table is read in one tight loop per column.
        for column in table.columns:
            index = columns.get(column.key)
            if index is None:
                continue
            key, parse = column.key, ColumnParser(column)
            plain = parse.plain_text
            for r in filled:
                row = rows[r]
                cell = row[index] if index < len(row) else None
                if cell is None:
                    continue
                if plain and type(cell) is str and cell not in EXCEL_ERRORS:
                    value = cell.strip() or None
                else:
                    try:
                        value = parse(cell)
                    except BadValue as bad:
                        self.add(E, bad.key, raw.cell(r, index), column=self.t.header(table.key, key))
                        bad_of.setdefault(r, set()).add(key)
                        continue
                if value is not None:
                    values_of[r][key] = value
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
                        E, "required_missing", raw.cell(r, columns[column.key]), column=self.t.header(table.key, column.key)
                    )
                try:
                    item = table.model.model_validate(values)
                except ValidationError:
                    # already reported as a missing or unreadable cell; otherwise the row is unreadable
                    if not missing and not bad_columns and not absent_required:
                        self.add(E, "row_unreadable", raw.cell(r, 0), table=self.t[f"title.{table.key}"])
                    continue
                items.append(item)
                rows_read.append(r)
        loc.item_rows.extend(raw.header_row + 1 + r for r in rows_read)
        return list(items)

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
                self.add(E, bad.key, raw.cell(r, value_index), column=self.t[f"fact.{column.key}"])
                continue
            if value is None and column.required:
                self.add(
                    E,
                    "fact_missing",
                    raw.cell(r, value_index),
                    column=self.t[f"fact.{column.key}"],
                    value_column=self.t.header("facts", "value"),
                    start_sheet=raw.sheet,
                )
            if value is not None:
                values[column.key] = value
        return m.ProjectFacts.model_validate(values)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: reading builds 100,000s of acyclic objects, and the
    collector's passes over them cost more than the reading itself (a 20,000-row table: -40 %)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_project(gateway: WorkbookGateway) -> ReadResult:
    """Read every table of the layout; what cannot be read becomes findings."""
    try:
        with _collector_paused():
            return _Reader(gateway).read()
    except UserError:
        raise
    except Exception as exc:  # a defect here must still reach the user as a clear message
        raise UserError("msg.read_failed", reason=type(exc).__name__) from exc
