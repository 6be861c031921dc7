"""Action `match` (Generér samspil): fill the interaction sheet from step 2, keep the user's work.

Written against the gateway only, so the ribbon (live workbook) and the command line (file)
run the same code. Regeneration rules, per row of the interaction table:
- a generated row that still follows from the data (the same form, groups and theme; or, in a
  workbook of the first version, the same hex ID): its generated columns are updated
  (status updated, or unchanged); the user's columns (selected, comment, their own extra
  columns) are kept as they are;
- a new opportunity: a new row (status new);
- a generated row that no longer follows from the data: kept and marked outdated if the user
  selected, commented or wrote anything in it, otherwise removed;
- hand-added rows (origin manual, or no origin) are not touched.
IDs are readable ("S-07"): a row keeps the ID it has; a new row gets the next number not
used anywhere in the table, so IDs are unique by construction and never reused while shown.
The user's formulas in the cells kept stay formulas (moved with their row when rows move).
Also: the suggested theme of entries without one (step 2), and step 2's matrix view.
Nothing is saved unless everything succeeded (the gateway's commit is atomic).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from xlplugin.actions.upgrade import require_current
from xlplugin.data.themes import package_theme_links, package_theme_name, package_themes
from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.collector import collector_paused
from xlplugin.domain.errors import UserError
from xlplugin.domain.matching import MAX_ROWS, MatchResult, Proposal, match, shorten
from xlplugin.domain.matrix import matrix_values
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Many, Phrase
from xlplugin.domain.port import CellRef, RawTable, Saved, WorkbookGateway, range_text
from xlplugin.domain.rules import redact, writable
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.reader import ReadResult, read_project
from xlplugin.layout.values import display_value, parse_choice
from xlplugin.layout.words import Words, saved_phrases

STATUS = "status"
ID_PREFIX = "S-"
_READABLE_ID = re.compile(r"S-(\d+)", re.IGNORECASE)
_GIVER_SPLIT = re.compile(r"\s*(?:→|->)\s*")  # "giver → receivers", as ``m.GIVER_ARROW`` writes it
UNSURE_ROWS_SHOWN = 10  # row numbers named in the message about entries that need a theme


@dataclass
class MatchSummary:
    lang: str  # the workbook's language
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    outdated: int = 0
    removed: int = 0
    total: int = 0
    suggested: int = 0
    unsure_rows: list[int] = field(default_factory=list)  # sheet rows of entries that need a theme
    left_out: int = 0
    matrix_at: CellRef | None = None
    matrix_size: tuple[int, int] = (0, 0)
    package_tables: list[str] = field(default_factory=list)  # tables taken from package data
    saved: Saved = field(default_factory=Saved)

    def phrases(self) -> list[Phrase]:
        """What the command line prints and the ribbon shows (rendered at the edge)."""
        out = []
        out.append(
            Phrase.of(
                "msg.match.summary",
                new=self.new,
                updated=self.updated,
                outdated=self.outdated,
                removed=self.removed,
                unchanged=self.unchanged,
                total=self.total,
                sheet=ph.sheet("step3"),
            )
        )
        if self.suggested:
            column = ph.column("entries", "suggested_theme")
            out.append(Phrase.of("msg.match.suggested", n=self.suggested, sheet=ph.sheet("step2"), column=column))
        if self.unsure_rows:
            shown = [str(r) for r in self.unsure_rows[:UNSURE_ROWS_SHOWN]] + (["…"] if len(self.unsure_rows) > UNSURE_ROWS_SHOWN else [])
            out.append(Phrase.of("msg.match.unsure", n=len(self.unsure_rows), sheet=ph.sheet("step2"), rows=Many(shown, separator=", ")))
        if self.left_out:
            out.append(Phrase.of("msg.match.left_out", n=self.left_out, limit=MAX_ROWS))
        if self.matrix_at is not None:
            rows, cols = self.matrix_size
            end = self.matrix_at.shifted(rows - 1, cols - 1)
            out.append(Phrase.of("msg.match.matrix", sheet=ph.sheet("step2"), cells=range_text(self.matrix_at, end)))
        for table_key in self.package_tables:
            out.append(Phrase.of("msg.match.package_themes", what=Phrase(f"msg.match.what.{table_key}"), sheet=ph.sheet("themes")))
        return out + saved_phrases(self.saved)


# Built-in themes matching treats specially: the need met by giving, and the ones where the
# giver looks after others (a vulnerable giver gets a caution).
USEFUL_THEME = "usefulness"
CARE_THEMES = ("childcare", "play", "homework", "care")


def special_themes(lang: str) -> dict[str, Any]:
    """The names of the themes matching treats specially, as Vocabulary's keyword arguments."""
    return {
        "useful_theme": package_theme_name(USEFUL_THEME, lang),
        "care_themes": tuple(package_theme_name(t, lang) for t in CARE_THEMES),
    }


def vocabulary_of(read: ReadResult) -> tuple[Vocabulary, list[str]]:
    """The workbook's own themes and links; the built-in ones only for a table the workbook lacks."""
    themes, links, fallback = read.project.themes, read.project.theme_links, []
    if not read.has_table("themes"):
        themes = package_themes(read.lang)
        fallback.append("themes")
    if not read.has_table("theme_links"):
        links = package_theme_links(read.lang)
        fallback.append("theme_links")
    return Vocabulary(themes, links, read.lang, **special_themes(read.lang)), fallback


def run(gateway: WorkbookGateway) -> MatchSummary:
    """The whole action: read, match, write the three places back, commit."""
    with collector_paused():  # 20,000 entries: the collector's passes cost more than writing them
        return _run(gateway)


def _run(gateway: WorkbookGateway) -> MatchSummary:
    require_current(gateway)
    read = read_project(gateway)
    lang = read.lang
    interactions = read.raw("interactions")
    if interactions is None:
        raise UserError("msg.table_missing", table=ph.Label("table", "interactions"), sheet=ph.sheet("step3"))
    if not read.project.entries:  # nothing to match: say so and leave the file as it is
        raise UserError("msg.match.no_entries", table=ph.Label("table", "entries"), sheet=ph.sheet("step2"))
    try:
        vocabulary, fallback = vocabulary_of(read)
        result = match(_quotable(read.project, Words(lang)), vocabulary)
        summary = MatchSummary(lang, package_tables=fallback, left_out=result.left_out)
        origins: list[int | None] = []
        headers, rows = merge_interactions(interactions, result, lang, summary, origins)
    except UserError:
        raise
    except Exception as exc:  # a defect must still reach the user as a message, file untouched
        raise UserError("msg.match.failed", reason=type(exc).__name__) from exc
    gateway.write_table("interactions", headers, [[_writable(v) for v in row] for row in rows], origins)
    _write_suggestions(gateway, read, result, summary)
    _write_matrix(gateway, read, summary)
    summary.saved = gateway.commit()
    return summary


# --- the interaction table ------------------------------------------------------------------
def _same(a: Any, b: Any) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-9
    return normalize(a) == normalize(b)


def _rendered(proposal: Proposal, key: str, words: Words) -> Any:
    """A generated field in the workbook's language (status is set by the merge)."""
    if key in (STATUS, "id"):
        return None
    return _without_personal_data(words.value(getattr(proposal, key)), words)


# --- hostile input (issue 16): what is written never copies personal data or unwritable characters
def _without_personal_data(value: Any, words: Words) -> Any:
    """Generated text (interaction rows, the matrix): personal data that step 2's texts quote
    (CPR numbers, e-mail addresses, phone numbers) is replaced by "(personal data removed)"."""
    return redact(value, words.t["privacy.removed"]) if isinstance(value, str) else value


def _quotable(project: m.Project, words: Words) -> m.Project:
    """The project as matching may quote it: personal data cut out of step 2's descriptions and
    the social purposes before matching shortens them (a CPR number cut in two is not found
    afterwards). IDs come from groups and themes, so they stay as they are."""
    marker = words.t["privacy.removed"]

    def clean(item: Any, field_key: str) -> Any:
        text = getattr(item, field_key)
        if not isinstance(text, str) or redact(text, marker) == text:
            return item
        return item.model_copy(update={field_key: redact(text, marker)})

    entries = [clean(e, "description") for e in project.entries]
    purposes = [clean(p, "purpose") for p in project.purposes]
    return project.model_copy(update={"entries": entries, "purposes": purposes})


def _writable(value: Any) -> Any:
    """Text any workbook can hold: control characters (other than tab and line breaks) dropped."""
    return writable(value) if isinstance(value, str) else value


def merge_interactions(
    raw: RawTable, result: MatchResult, lang: str, summary: MatchSummary, origins: list[int | None] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The interaction table's new headers and rows (see the module's rules). ``origins``, if
    given, gets for each row the index in ``raw.rows`` of the row it was (None: a new row), so
    what the planner typed beside a row moves with it."""
    words = Words(lang)
    t = words.t
    columns = spec.INTERACTIONS.columns
    index = column_indexes(raw, spec.INTERACTIONS)
    headers = list(raw.headers)
    for column in columns:  # a spec column the user deleted comes back at the end
        if column.key not in index:
            index[column.key] = len(headers)
            headers.append(t.header("interactions", column.key))
    headers = [h if h not in (None, "") else t.format("match.extra_column", n=i + 1) for i, h in enumerate(headers)]
    width = len(headers)
    generated = [c for c in columns if c.generated]
    user_columns = [i for i in range(width) if i not in {index[c.key] for c in generated}]

    def cell(row: list[Any], key: str) -> Any:
        i = index[key]
        return row[i] if i < len(row) else None

    def code(row: list[Any], key: str) -> str | None:
        """The row's choice as its language-neutral code (None if empty or not a choice)."""
        try:
            list_key = spec.INTERACTIONS.column(key).list_key or key
            return parse_choice(list_key, cell(row, key)) if cell(row, key) is not None else None
        except Exception:
            return None

    def identity(type_code: str | None, groups: Any, theme: Any) -> tuple[str, ...]:
        """What a generated row is: its form and theme, and for help between two groups, who gives to whom."""
        if type_code == m.InteractionType.MUTUAL_RESOURCES.value:
            return (type_code, normalize(groups), normalize(theme))
        return (str(type_code), normalize(theme))

    def giver_identity(type_code: str | None, groups: Any, theme: Any) -> tuple[str, ...] | None:
        """Help between groups by its giver and theme: the same help, given to more or other
        groups now (a receiver added in step 2), is the same row with the planner's choices."""
        parts = _GIVER_SPLIT.split(groups, maxsplit=1) if isinstance(groups, str) else []
        if type_code != m.InteractionType.MUTUAL_RESOURCES.value or len(parts) != 2:
            return None
        return (type_code, normalize(parts[0]), normalize(theme))

    old: dict[str, list[Any]] = {}
    by_identity: dict[tuple[str, ...], str] = {}  # identity -> ID of the old row
    by_giver: dict[tuple[str, ...], list[str]] = {}  # giver identity -> IDs of old rows, in table order
    numbers = [0]  # readable IDs in use anywhere in the table
    leftovers: list[list[Any]] = []  # generated rows no longer derived (or duplicates)
    manual: list[list[Any]] = []
    came_from: dict[int, int] = {}  # id of a row list → its index in raw.rows
    noted = set(raw.beside)  # rows with a note typed beside the table
    for row_index, values in enumerate(raw.rows):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values) and row_index not in noted:
            continue
        row = list(values) + [None] * (width - len(values))
        came_from[id(row)] = row_index
        row_id = str(cell(row, "id") or "").strip().upper()
        readable = _READABLE_ID.fullmatch(row_id)
        if readable:
            numbers.append(int(readable.group(1)))
        generated_row = code(row, "origin") == m.Origin.GENERATED.value
        if generated_row and row_id and row_id not in old:
            old[row_id] = row
            by_identity.setdefault(identity(code(row, "type"), cell(row, "groups"), cell(row, "theme")), row_id)
            giver = giver_identity(code(row, "type"), cell(row, "groups"), cell(row, "theme"))
            if giver is not None:
                by_giver.setdefault(giver, []).append(row_id)
        elif generated_row:
            leftovers.append(row)
        else:
            manual.append(row)
        # The user's formulas go back as formulas (reads give their results only); in a
        # generated row only the user's columns are theirs, a hand-added row is all theirs
        for col_index in user_columns if generated_row else range(len(values)):
            formula = raw.formula(row_index, col_index)
            if formula is not None:
                row[col_index] = formula

    next_number = max(numbers) + 1
    out: list[list[Any]] = []
    rendered = []
    for interaction in result.interactions:
        new_values = {c.key: display_value(c, _rendered(interaction, c.key, words), t) for c in generated}
        for c in generated:  # long lists of entries: stay within what the column allows
            if isinstance(new_values[c.key], str):
                new_values[c.key] = shorten(new_values[c.key], c.max_length)
        rendered.append((interaction, new_values))
    # Which old row each new one is: the same row first (its key or what it is), then the same
    # giver's help on the same theme among the old rows left over.
    old_ids: list[str | None] = []
    claimed: set[str] = set()
    for interaction, new_values in rendered:
        found = interaction.key if interaction.key in old else by_identity.get(identity(interaction.type.value, new_values["groups"], new_values["theme"]))
        found = found if found not in claimed else None
        old_ids.append(found)
        claimed.add(found or "")
    for i, (interaction, new_values) in enumerate(rendered):
        giver = giver_identity(interaction.type.value, new_values["groups"], new_values["theme"])
        if old_ids[i] is None and giver is not None:
            old_ids[i] = next((row_id for row_id in by_giver.get(giver, ()) if row_id not in claimed), None)
            claimed.add(old_ids[i] or "")
    for (_, new_values), old_id in zip(rendered, old_ids):
        previous = old.pop(old_id, None) if old_id else None
        if previous is not None and _READABLE_ID.fullmatch(str(old_id)):
            new_values["id"] = str(old_id)
        else:
            new_values["id"] = f"{ID_PREFIX}{next_number:02d}"
            next_number += 1
        if previous is None:
            row = [None] * width
            status = m.RowStatus.NEW
            summary.new += 1
        else:
            row = previous
            changed = any(not _same(cell(row, c.key), new_values[c.key]) for c in generated if c.key != STATUS)
            was_outdated = code(row, STATUS) == m.RowStatus.OUTDATED.value
            status = m.RowStatus.UPDATED if changed or was_outdated else m.RowStatus.UNCHANGED
            if status is m.RowStatus.UPDATED:
                summary.updated += 1
            else:
                summary.unchanged += 1
        new_values[STATUS] = t.choice("status", status.value)
        for key, value in new_values.items():
            row[index[key]] = value
        out.append(row)
    for row in [*old.values(), *leftovers]:
        if any(row[i] not in (None, "") for i in user_columns) or came_from[id(row)] in noted:
            row[index[STATUS]] = t.choice("status", m.RowStatus.OUTDATED.value)
            summary.outdated += 1
            out.append(row)
        else:
            summary.removed += 1
    out.extend(manual)
    summary.total = len(out)
    out.extend([None] * width for _ in range(spec.INTERACTIONS.spare_rows))
    if origins is not None:
        origins[:] = [came_from.get(id(row)) for row in out]
    return headers, out


# --- step 2: suggested themes and the matrix ------------------------------------------------
def _write_suggestions(gateway: WorkbookGateway, read: ReadResult, result: MatchResult, summary: MatchSummary) -> None:
    location = read.location("entries")
    if location is None or "suggested_theme" not in location.columns or not location.item_rows:
        return
    first = location.header_row + 1
    values: list[list[Any]] = [[None] for _ in range(max(location.item_rows) - first + 1)]
    words = Words(read.lang)
    for row, suggestion in zip(location.item_rows, result.suggestions):
        values[row - first][0] = _writable(words.value(suggestion))
    summary.suggested = result.suggested_count
    summary.unsure_rows = [location.item_rows[i] for i in result.unsure if i < len(location.item_rows)]
    sheet_key = spec.sheet_of_table()["entries"].key
    gateway.write_range(sheet_key, CellRef(location.sheet, first, location.columns["suggested_theme"]), values)


# Columns the entries table gained after workbooks were first made: a workbook without them
# has its matrix where its own (narrower) table put it.
ENTRIES_COLUMNS_ADDED = ("nature",)


def matrix_anchor(raw: RawTable) -> CellRef:
    """Top left of step 2's matrix: the entries table's title row, one empty column to its right."""
    table = spec.table(spec.MATRIX.beside)
    present = column_indexes(raw, table)
    width = max(len(table.columns) - sum(1 for key in ENTRIES_COLUMNS_ADDED if key not in present), len(raw.headers))
    return CellRef(raw.sheet, max(raw.header_row - 2, 1), raw.first_col + width + 1)


def _write_matrix(gateway: WorkbookGateway, read: ReadResult, summary: MatchSummary) -> None:
    raw = read.raw(spec.MATRIX.beside)
    if raw is None:
        return
    anchor = matrix_anchor(raw)
    words = Words(read.lang)
    grid = matrix_values(read.project, spec.MATRIX.rows, spec.MATRIX.cols)
    values = [[_writable(_without_personal_data(words.value(value), words)) for value in row] for row in grid]
    gateway.write_range(spec.MATRIX.sheet, anchor, values)
    summary.matrix_at = anchor
    summary.matrix_size = (len(values), len(values[0]))
