"""Action `merge` (Flet kopier): bring colleagues' copies of a project workbook into it.

Written against the gateway port: the target is written through the in-place writer (only the
tables that get rows, and the merge log sheet, change), the copies are only read. Per table,
a copy's row is known again by its identity (``spec.IDENTITY``: generated IDs, names or the
row's own text), never by its position:
- a row the target lacks is added at the end of its table;
- a row the target has with the same content (the planner's columns; generated ones are
  matching's and are ignored) is there once, nothing changes;
- a row the target has with other content: the copy's version is put right below the target's
  and both stay, a conflict for the planner to resolve (delete one). Validate reports it while
  both stand (``open_conflicts``).
Every row added and every conflict gets a line on the merge log sheet (``spec.MERGE_LOG``), the
sheet added the first time, naming the copy: the workbook stays a plain .xlsx anyone can read.
Merging a copy again finds its rows there already and changes nothing (nothing is saved).

A copy of another layout, or with cells or rows the reader cannot read (they would be lost), is
refused before anything is written; a copy whose rows break the rules (say an entry of a group
it lacks) is merged with a warning. The Start sheet's facts stay the target's.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from xlplugin.actions.upgrade import require_current
from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.findings import Finding, Severity
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import RawTable, Saved, WorkbookGateway
from xlplugin.domain.rules import check_project, redact, writable
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.reader import ReadResult, read_project
from xlplugin.layout.texts import LANGUAGES, Texts, texts
from xlplugin.layout.values import display_value
from xlplugin.layout.words import saved_phrases

ADDED, CONFLICT = "added", "conflict"
# The reader's errors that leave nothing behind (an empty fact): every other error with a cell is
# a value or a row the reader could not take, which the merge would lose.
NOT_LOST = frozenset({"fact_missing"})
KEY_SEPARATOR = " · "
_READABLE_ID = re.compile(r"S-(\d+)", re.IGNORECASE)  # matching's interaction IDs


@dataclass
class Count:
    added: int = 0
    conflicts: int = 0
    same: int = 0


@dataclass
class MergeSummary:
    lang: str  # the target's language
    copies: list[str] = field(default_factory=list)
    counts: dict[tuple[str, str], Count] = field(default_factory=dict)  # (copy, table key) → counts
    rule_errors: dict[str, int] = field(default_factory=dict)  # copy → errors validate will report
    saved: Saved = field(default_factory=Saved)

    def count(self, copy: str, table_key: str) -> Count:
        return self.counts.setdefault((copy, table_key), Count())

    @property
    def changed(self) -> bool:
        return any(c.added or c.conflicts for c in self.counts.values())

    @property
    def conflicts(self) -> int:
        return sum(c.conflicts for c in self.counts.values())

    def phrases(self) -> list[Phrase]:
        out: list[Phrase] = []
        for copy in self.copies:
            tables = [(key, c) for (name, key), c in self.counts.items() if name == copy]
            total = Count(*(sum(getattr(c, f) for _, c in tables) for f in ("added", "conflicts", "same")))
            out.append(Phrase.of("msg.merge.copy", copy=copy, added=total.added, conflicts=total.conflicts, same=total.same))
            out += [
                Phrase.of("msg.merge.table", table=ph.title(key), added=c.added, conflicts=c.conflicts)
                for key, c in tables
                if c.added or c.conflicts
            ]
            if self.rule_errors.get(copy):
                out.append(Phrase.of("msg.merge.rule_errors", copy=copy, n=self.rule_errors[copy]))
        if not self.changed:
            out.append(Phrase("msg.merge.nothing"))
        elif self.conflicts:
            out.append(Phrase.of("msg.merge.conflicts", n=self.conflicts, log_sheet=ph.sheet("merge_log")))
        return out + saved_phrases(self.saved)


# --- identity and sameness (also validate's, for the conflicts still open) --------------------
def _shown(value: Any, column: spec.Column, t: Texts) -> str:
    shown = display_value(column, value, t)
    if isinstance(shown, dt.datetime):
        return shown.date().isoformat()
    if isinstance(shown, float) and shown.is_integer():
        return str(int(shown))
    return "" if shown is None else str(shown)


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def identity_text(table_key: str, item: Any, t: Texts) -> str:
    """The row's name as the merge log shows it ("Seniorer · Behov · Hjælp til indkøb"): the
    first of the table's identities whose fields are not all blank, in the language of ``t``."""
    table = spec.table(table_key)
    return KEY_SEPARATOR.join(_shown(getattr(item, f), table.column(f), t) for f in identity_fields(table_key, item))


def identity_fields(table_key: str, item: Any) -> tuple[str, ...]:
    """The first of the table's identities whose fields are not all blank (none: ``()``)."""
    for fields in spec.IDENTITY[table_key]:
        if not all(_blank(getattr(item, f)) for f in fields):
            return fields
    return ()


def _key(table_key: str, item: Any, t: Texts) -> str:
    return _fold(identity_text(table_key, item, t))


def log_name(table_key: str, item: Any, t: Texts) -> str:
    """The row's name on the merge log: personal data an entry's text may quote (a CPR number,
    an e-mail address) is not copied to another sheet."""
    return writable(redact(identity_text(table_key, item, t), t["privacy.removed"]))


def _fold(text: Any) -> str:
    """Case, width and spaces ignored: the rows' names are compared as the reader compares names,
    without its per-character pass for invisible characters (a copy holds the target's own text;
    that pass made the merge of 20,000 entries three times slower)."""
    text = str(text or "")
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def _compared(table_key: str, item: Any) -> list[str]:
    """The fields two versions of a row are compared on: the planner's (not generated), the
    identity's left out (an interaction's ID is matching's, renumbered when needed)."""
    skip = set(identity_fields(table_key, item))
    return [c.key for c in spec.table(table_key).columns if not c.generated and c.key not in skip]


def _equal(a: Any, b: Any) -> bool:
    if _blank(a) and _blank(b):
        return True
    if isinstance(a, Enum) or isinstance(b, Enum):
        return getattr(a, "value", a) == getattr(b, "value", b)
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-9
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return bool(a == b)


def same_row(table_key: str, a: Any, b: Any) -> bool:
    return all(_equal(getattr(a, f), getattr(b, f)) for f in _compared(table_key, a))


# --- the action -----------------------------------------------------------------------------
@dataclass
class _Placed:
    """A row of the merged table: the target's (``origin``, its index in the raw rows) or a copy's."""

    item: Any
    origin: int | None
    copy: str | None = None
    cells: dict[int, Any] = field(default_factory=dict)  # the copy's own columns the target has too


@dataclass
class _TableMerge:
    key: str
    raw: RawTable
    rows: list[_Placed]  # the target's rows in their order (read ones carry their item)
    by_key: dict[str, list[_Placed]] = field(default_factory=dict)
    after: dict[int, list[_Placed]] = field(default_factory=dict)  # id(placed) → copies' rows below it
    tail: list[_Placed] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (copy, row's name, added|conflict)
    ids: set[str] | None = None  # interactions: the IDs in use (normalized), once needed
    last_number: int = 0  # the highest S-number in use


def _check_copy(name: str, gateway: WorkbookGateway) -> ReadResult:
    found = gateway.layout_version()
    if found is not None and found < spec.LAYOUT_VERSION:
        raise UserError("msg.merge.copy_older", copy=name, found=found, current=spec.LAYOUT_VERSION)
    if found is not None and found > spec.LAYOUT_VERSION:
        raise UserError("msg.merge.copy_newer", copy=name, found=found, current=spec.LAYOUT_VERSION)
    read = read_project(gateway)
    unreadable = sum(f.is_error and f.at is not None and f.key not in NOT_LOST for f in read.findings)
    if unreadable:
        raise UserError("msg.merge.unreadable", copy=name, n=unreadable)
    return read


def run(target: WorkbookGateway, copies: list[tuple[str, WorkbookGateway]], now: dt.datetime | None = None) -> MergeSummary:
    """Merge the copies (file name, gateway), in their order, into ``target``; commit once."""
    if not copies:
        raise UserError("msg.merge.no_copies")
    require_current(target)
    read = read_project(target)
    t = texts(read.lang)
    summary = MergeSummary(read.lang, [name for name, _ in copies])
    copies_read = [(name, _check_copy(name, gateway)) for name, gateway in copies]  # all refused before any work
    for name, copy in copies_read:
        errors = sum(f.is_error for f in check_project(copy.project, copy.locations, spec.text_limits()))
        if errors:
            summary.rule_errors[name] = errors
    merges = {key: _table_merge(read, key, t) for key in spec.PROJECT_FIELDS if read.raw(key) is not None}
    for name, copy in copies_read:
        for merge in merges.values():
            _merge_copy(merge, name, copy, summary, t)
    changed = [merge for merge in merges.values() if merge.log]
    if not changed:
        return summary
    log = target.read_table("merge_log")
    if log is None:  # first: an adapter that cannot add it refuses before any table is written
        try:
            target.restore_sheet("merge_log", read.project)
        except UserError as exc:
            raise UserError("msg.merge.no_log_sheet", sheet=ph.sheet("merge_log")) from exc
    for merge in changed:
        headers, rows, origins = _rows(merge, t)
        target.write_table(merge.key, headers, rows, origins)
    _write_log(target, log, changed, t, now or dt.datetime.now())
    summary.saved = target.commit()
    return summary


def _table_merge(read: ReadResult, key: str, t: Texts) -> _TableMerge:
    raw = read.raw(key)
    assert raw is not None
    loc = read.location(key)
    items = getattr(read.project, spec.PROJECT_FIELDS[key])
    by_row = {row - raw.header_row - 1: item for row, item in zip(loc.item_rows if loc else [], items)}
    rows = [_Placed(by_row.get(i), i) for i in range(len(raw.rows))]
    merge = _TableMerge(key, raw, rows)
    for placed in rows:
        if placed.item is not None:
            merge.by_key.setdefault(_key(key, placed.item, t), []).append(placed)
    return merge


def _merge_copy(merge: _TableMerge, name: str, copy: ReadResult, summary: MergeSummary, t: Texts) -> None:
    key = merge.key
    raw = copy.raw(key)
    if raw is None:
        return
    items = getattr(copy.project, spec.PROJECT_FIELDS[key])
    loc = copy.location(key)
    extras = _extra_cells(merge.raw, raw, [r - raw.header_row - 1 for r in (loc.item_rows if loc else [])])
    count = summary.count(name, key)
    for i, item in enumerate(items):
        row_key = _key(key, item, t)
        versions = merge.by_key.setdefault(row_key, [])
        if any(same_row(key, item, v.item) for v in versions):
            count.same += 1
            continue
        # a version of a row keeps its ID (one of them goes); a new row gets a free one if need be
        placed = _Placed(item if versions else _renumbered(merge, item), None, name, extras(i))
        if versions:  # below the last version, so all versions of a row stand together
            last = versions[-1]
            if last.copy is None:
                merge.after.setdefault(id(last), []).append(placed)
            else:
                _after_in(merge, last, placed)
            merge.log.append((name, log_name(key, item, t), CONFLICT))
            count.conflicts += 1
        else:
            merge.tail.append(placed)
            merge.log.append((name, log_name(key, item, t), ADDED))
            count.added += 1
        versions.append(placed)


def _after_in(merge: _TableMerge, last: _Placed, placed: _Placed) -> None:
    """Below a row a copy brought: in the tail, or among the rows put below a target's row."""
    for group in [merge.tail, *merge.after.values()]:
        for i, other in enumerate(group):
            if other is last:
                group.insert(i + 1, placed)
                return
    merge.tail.append(placed)


def _renumbered(merge: _TableMerge, item: Any) -> Any:
    """An interaction whose ID the target already gives another row gets the next free one."""
    if merge.key != "interactions":
        return item
    if merge.ids is None:
        merge.ids = set()
        for placed in merge.rows:
            if placed.item is not None and placed.item.id:
                _use(merge, placed.item.id)
    if not item.id:
        return item
    if normalize(item.id) in merge.ids:
        item = item.model_copy(update={"id": f"S-{merge.last_number + 1:02d}"})
    _use(merge, item.id)
    return item


def _use(merge: _TableMerge, row_id: str) -> None:
    assert merge.ids is not None
    merge.ids.add(normalize(row_id))
    found = _READABLE_ID.fullmatch(str(row_id).strip())
    if found:
        merge.last_number = max(merge.last_number, int(found[1]))


def _extra_cells(target: RawTable, copy: RawTable, copy_rows: list[int]) -> Any:
    """The copy's own columns (not the layout's) that the target has too, found by header: the
    values of row ``i`` of the copy's items for them (target column index → value)."""
    table = spec.table(target.key)
    ours_t, ours_c = set(column_indexes(target, table).values()), set(column_indexes(copy, table).values())
    in_copy = {normalize(h): j for j, h in enumerate(copy.headers) if j not in ours_c and h is not None}
    pairs = [(i, in_copy[normalize(h)]) for i, h in enumerate(target.headers) if i not in ours_t and h is not None and normalize(h) in in_copy]

    def cells(i: int) -> dict[int, Any]:
        row = copy.rows[copy_rows[i]] if i < len(copy_rows) else []
        return {ti: row[cj] for ti, cj in pairs if cj < len(row) and row[cj] is not None}

    return cells


def _rows(merge: _TableMerge, t: Texts) -> tuple[list[Any], list[list[Any]], list[int | None]]:
    raw = merge.raw
    table = spec.table(merge.key)
    index = column_indexes(raw, table)
    width = len(raw.headers)

    def copy_row(placed: _Placed) -> list[Any]:
        cells: list[Any] = [None] * width
        for key, j in index.items():
            cells[j] = display_value(table.column(key), getattr(placed.item, key), t)
        for j, value in placed.cells.items():
            cells[j] = value
        return cells

    filled = [i for i, row in enumerate(raw.rows) if any(v is not None for v in row)]
    last_filled = filled[-1] if filled else -1
    rows: list[list[Any]] = []
    origins: list[int | None] = []
    if last_filled < 0:
        rows += [copy_row(p) for p in merge.tail]
        origins += [None] * len(merge.tail)
    for placed in merge.rows:
        i = placed.origin
        assert i is not None
        rows.append(raw.row_to_write(i, width))
        origins.append(i)
        below = merge.after.get(id(placed), [])
        rows += [copy_row(p) for p in below]
        origins += [None] * len(below)
        if i == last_filled:
            rows += [copy_row(p) for p in merge.tail]
            origins += [None] * len(merge.tail)
    return list(raw.headers), rows, origins


def _write_log(target: WorkbookGateway, raw: RawTable | None, changed: list[_TableMerge], t: Texts, now: dt.datetime) -> None:
    """The merge log's lines so far, then one for each row added and each conflict."""
    if raw is None:  # the sheet just added: its table as a new one is
        headers: list[Any] = [t.header("merge_log", c.key) for c in spec.MERGE_LOG.columns]
        kept: list[list[Any]] = []
        index = {c.key: i for i, c in enumerate(spec.MERGE_LOG.columns)}
    else:
        headers = list(raw.headers)
        index = column_indexes(raw, spec.MERGE_LOG)
        kept = [raw.row_to_write(i, len(headers)) for i, row in enumerate(raw.rows) if any(v is not None for v in row)]
    when = now.strftime("%Y-%m-%d %H:%M")
    added: list[list[Any]] = []
    for merge in changed:
        sheet = merge.raw.sheet
        for copy, row_name, what in merge.log:
            values = {
                "when": when,
                "copy": copy,
                "sheet": sheet,
                "table": t[f"title.{merge.key}"],
                "row": row_name,
                "what": t[f"merge.what.{what}"],
            }
            line: list[Any] = [None] * len(headers)
            for key, value in values.items():
                if key in index:
                    line[index[key]] = value
            added.append(line)
    target.write_table("merge_log", headers, kept + added)


# --- validate: the conflicts still open ------------------------------------------------------
def open_conflicts(read: ReadResult, log: RawTable | None) -> list[Finding]:
    """A warning on every version of a row the merge log calls a conflict, while more than one
    version stands (the planner resolves it by deleting the others)."""
    if log is None:
        return []
    index = column_indexes(log, spec.MERGE_LOG)
    if not {"table", "row", "what"} <= index.keys():
        return []
    conflict = {normalize(texts(lang)["merge.what.conflict"]) for lang in LANGUAGES}
    table_of = {normalize(texts(lang)[f"title.{key}"]): key for lang in LANGUAGES for key in spec.PROJECT_FIELDS}
    wanted: dict[tuple[str, str], int] = {}  # (table, row's name) → the log's sheet row
    for i, row in enumerate(log.rows):
        def cell(key: str, row: list[Any] = row) -> Any:
            return row[index[key]] if index[key] < len(row) else None

        table_key = table_of.get(normalize(cell("table")))
        if table_key is not None and normalize(cell("what")) in conflict:
            wanted.setdefault((table_key, _fold(cell("row"))), log.cell(i, 0).row)
    t = texts(read.lang)
    findings = []
    for table_key in dict.fromkeys(k for k, _ in wanted):
        items = getattr(read.project, spec.PROJECT_FIELDS[table_key])
        versions: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            versions.setdefault(_fold(log_name(table_key, item, t)), []).append(i)
        for (key, row_name), log_row in wanted.items():
            if key != table_key or len(versions.get(row_name, [])) < 2:
                continue
            for i in versions[row_name]:
                fields = identity_fields(table_key, items[i])
                at = read.locations.cell(table_key, i, fields[0] if fields else spec.table(table_key).columns[0].key)
                n = len(versions[row_name])
                findings.append(Finding.make(Severity.WARNING, "merge_conflict", at, log_row=log_row, log_sheet=ph.sheet("merge_log"), n=n))
    return findings
