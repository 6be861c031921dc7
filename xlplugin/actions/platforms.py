"""Action `platforms` (Foreslå platforme): rank the catalog for the interactions chosen on
step 3 and fill 4 Platforme, keeping the planner's work.

Written against the gateway only (as ``actions.match``). Per row of the platform table, by
platform name:
- a catalog platform among the candidates: its generated columns (type, interactions served,
  strengths, weaknesses, reasons, total, origin, status) are written; its six scores too,
  except a score the planner changed (the cell differs from the computed score the reasons
  column recorded last time): that one is the planner's and stays; selected, comment and
  the planner's own columns are kept;
- a generated row that is no longer a candidate: kept and marked outdated if the planner
  chose, commented or scored it, otherwise removed;
- hand-added rows (origin manual or none) are not touched, and a candidate with the name of
  a hand-added row is not added again.
Candidates: the best ``CANDIDATES_SHOWN`` that serve the chosen interactions, and every
candidate already on the sheet. Total is an Excel formula (it works without the add-in)
that weighs the scores by the criteria table's weights, found by key, else by position;
it equals the evaluation's total. The requirements for the physical design follow the chosen
platforms (``merge_requirements``). Nothing is saved unless everything succeeded.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlplugin.actions.match import _same, vocabulary_of
from xlplugin.actions.upgrade import require_current
from xlplugin.data.catalog import package_catalog, package_target_group_words
from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.evaluation import CRITERIA, Candidate, Evaluation, evaluate, shorten
from xlplugin.domain.maintenance_plan import MaintenancePlan, maintenance_plan
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import CellRef, Formula, RawTable, Saved, WorkbookGateway, column_letter
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.reader import ReadResult, read_project
from xlplugin.layout.sheet_formulas import is_total_formula, total_formula
from xlplugin.layout.values import display_value, parse_cell, parse_choice
from xlplugin.layout.words import Words, saved_phrases

CANDIDATES_SHOWN = 12
TOP_NAMED = 3  # platforms named in the summary
SCORE_TOLERANCE = 0.05  # a cell this close to the computed score is the computed score
STATUS = "status"


@dataclass
class PlatformsSummary:
    lang: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    outdated: int = 0
    removed: int = 0
    total: int = 0
    basis: int = 0
    all_interactions: bool = False
    top: list[str] = field(default_factory=list)
    kept_scores: int = 0
    problems: int = 0
    requirements_asked: int = 0
    saved: Saved = field(default_factory=Saved)

    def phrases(self) -> list[Phrase]:
        step3 = ph.sheet("step3")
        out = [
            Phrase.of(
                "msg.platforms.summary",
                new=self.new,
                updated=self.updated,
                outdated=self.outdated,
                removed=self.removed,
                unchanged=self.unchanged,
                total=self.total,
                sheet=ph.sheet("step4"),
            ),
            Phrase.of("msg.platforms.basis_all" if self.all_interactions else "msg.platforms.basis_selected", n=self.basis, sheet=step3),
        ]
        if self.top:
            out.append(Phrase.of("msg.platforms.top", names=ph.Many(self.top)))
        if self.kept_scores:
            out.append(Phrase.of("msg.platforms.kept_scores", n=self.kept_scores))
        if self.problems:
            out.append(Phrase.of("msg.platforms.problems", n=self.problems))
        out.append(Phrase.of("msg.platforms.requirements", n=self.requirements_asked))
        return out + saved_phrases(self.saved)


# --- reading what the sheet holds -----------------------------------------------------------
def criterion_weights(criteria: Sequence[m.Criterion]) -> dict[str, float | None]:
    """The weight of each criterion key: the row with that key, else the row at the key's
    position (as the total formula finds them); never by the criterion's display name."""
    by_key: dict[str, float | None] = {}
    for criterion in criteria:
        key = normalize(criterion.key)
        if key and key not in by_key:
            by_key[key] = criterion.weight
    out: dict[str, float | None] = {}
    for position, key in enumerate(CRITERIA):
        if key.value in by_key:
            out[key.value] = by_key[key.value]
        elif position < len(criteria):
            out[key.value] = criteria[position].weight
    return out


def catalog_of(read: ReadResult) -> list[m.CatalogPlatform]:
    """The workbook's catalog; the built-in one only if the workbook has no catalog table."""
    return read.project.catalog if read.has_table("catalog") else package_catalog(read.lang)


def evaluation_of(read: ReadResult) -> Evaluation:
    vocabulary, _ = vocabulary_of(read)
    project = read.project.model_copy(update={"catalog": catalog_of(read)})
    return evaluate(project, vocabulary, criterion_weights(read.project.criteria), package_target_group_words())


def run(gateway: WorkbookGateway) -> PlatformsSummary:
    require_current(gateway)
    read = read_project(gateway)
    raw = read.raw("platforms")
    if raw is None:
        raise UserError("msg.table_missing", table=ph.Label("table", "platforms"), sheet=ph.sheet("step4"))
    try:
        evaluation = evaluation_of(read)
        summary = PlatformsSummary(read.lang, basis=len(evaluation.basis), all_interactions=evaluation.all_interactions)
        summary.problems = len(evaluation.problems)
        origins: list[int | None] = []
        headers, rows = merge_platforms(raw, evaluation, read.project, read.lang, summary, origins)
        plan = maintenance_plan(read.project.model_copy(update={"catalog": catalog_of(read)}))
        requirements = read.raw("requirements")
        req_rows = None
        if requirements is not None:
            req_rows = merge_requirements(requirements, plan, read.lang)
            summary.requirements_asked = sum(1 for r in plan.requirements if not r.from_folder)
    except UserError:
        raise
    except Exception as exc:  # a defect must still reach the user as a message, file untouched
        raise UserError("msg.platforms.failed", reason=type(exc).__name__) from exc
    gateway.write_table("platforms", headers, rows, origins)
    if req_rows is not None:
        gateway.write_table("requirements", *req_rows)
    summary.saved = gateway.commit()
    return summary


# --- the platform table -----------------------------------------------------------------------
def _number(score: float, lang: str) -> str:
    text = f"{score:.1f}"
    return text.replace(".", ",") if lang == "da" else text


_LINE = re.compile(r"^.*?(\d+(?:[.,]\d+)?):")


def computed_scores(reasons: Any) -> list[float | None]:
    """The computed scores the reasons column recorded, one per criterion line."""
    lines = str(reasons or "").split("\n")
    out: list[float | None] = []
    for i in range(len(CRITERIA)):
        found = _LINE.match(lines[i]) if i < len(lines) else None
        out.append(float(found[1].replace(",", ".")) if found else None)
    return out


def interaction_lines(project: m.Project, candidate: Candidate) -> str | None:
    """The step-3 rows it serves, by ID and title (theme and groups), one per line."""
    lines = []
    for row in candidate.interaction_rows:
        x = project.interactions[row]
        title = " ".join(filter(None, [x.theme, f"({x.groups})" if x.groups else None])) or (x.need or "")
        lines.append(" ".join(filter(None, [x.id, title])))
    return "\n".join(lines) or None


def merge_platforms(
    raw: RawTable, evaluation: Evaluation, project: m.Project, lang: str, summary: PlatformsSummary,
    origins: list[int | None] | None = None,
) -> tuple[list[str], list[list[Any]]]:
    """The platform table's rows (see the module's rules). ``origins``, if given, gets for each
    row the index in ``raw.rows`` of the row it was (None: a new row), so notes beside a row
    move with it; a platform with a note beside it is kept like one the planner chose."""
    words = Words(lang)
    t = words.t
    table = spec.PLATFORMS
    index = column_indexes(raw, table)
    headers = list(raw.headers)
    for column in table.columns:  # a spec column the planner deleted comes back at the end
        if column.key not in index:
            index[column.key] = len(headers)
            headers.append(t.header("platforms", column.key))
    headers = [h if h not in (None, "") else t.format("match.extra_column", n=i + 1) for i, h in enumerate(headers)]
    width = len(headers)
    generated = [c for c in table.columns if c.generated]
    scores = [table.column(key) for key in spec.SCORE_COLUMNS]
    # what the action writes in a catalog platform's row: the generated columns and its type
    # (a hand-added row has a dropdown for the type, so the column is not a generated one)
    generated_idx = {index[c.key] for c in generated} | {index["type"]}
    user_columns = [i for i in range(width) if i not in generated_idx]
    score_idx = {index[c.key] for c in scores}

    def cell(row: list[Any], key: str) -> Any:
        i = index[key]
        return row[i] if i < len(row) else None

    def code(row: list[Any], key: str) -> str | None:
        try:
            return parse_choice(key, cell(row, key)) if cell(row, key) is not None else None
        except Exception:
            return None

    old: dict[str, list[Any]] = {}
    leftovers: list[list[Any]] = []
    manual: list[list[Any]] = []
    manual_names: set[str] = set()
    came_from: dict[int, int] = {}  # id of a row list → its index in raw.rows
    noted = set(raw.beside)  # rows with a note typed beside the table
    for row_index, values in enumerate(raw.rows):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values) and row_index not in noted:
            continue
        row = list(values) + [None] * (width - len(values))
        came_from[id(row)] = row_index
        name = normalize(cell(row, "name"))
        generated_row = code(row, "origin") == m.Origin.GENERATED.value
        if generated_row and name and name not in old:
            old[name] = row
        elif generated_row:
            leftovers.append(row)
        else:
            manual.append(row)
            manual_names.add(name)
        for col_index in user_columns if generated_row else range(len(values)):
            formula = raw.formula(row_index, col_index)
            if formula is not None:
                row[col_index] = formula

    shown = [c for i, c in enumerate(evaluation.candidates) if i < CANDIDATES_SHOWN or normalize(c.platform.name) in old]
    shown = [c for c in shown if normalize(c.platform.name) not in manual_names]
    out: list[list[Any]] = []
    for candidate in shown:
        name = " ".join(candidate.platform.name.split())
        previous = old.pop(normalize(name), None)
        row = previous if previous is not None else [None] * width
        recorded = computed_scores(cell(row, "reasons")) if previous is not None else [None] * len(CRITERIA)
        lines: list[str] = []
        scored: dict[str, Any] = {}
        for i, (column, score) in enumerate(zip(scores, candidate.scores)):
            criterion = words(Phrase(f"criterion.{score.key.value}.short"))
            reason = words(score.reason)
            try:
                own = parse_cell(column, cell(row, column.key))
            except Exception:
                own = None
            mine = own is not None and recorded[i] is not None and abs(own - recorded[i]) > SCORE_TOLERANCE
            if mine:
                summary.kept_scores += 1
                lines.append(t.format("platforms.own_score", criterion=criterion, score=_number(score.score, lang), reason=reason, own=_number(own, lang)))
            else:
                lines.append(t.format("platforms.reason_line", criterion=criterion, score=_number(score.score, lang), reason=reason))
                scored[column.key] = display_value(column, score.score, t)
        new_values = {
            "name": name,
            "type": display_value(table.column("type"), candidate.platform.type, t),
            "interactions": interaction_lines(project, candidate),
            "strengths": candidate.platform.strengths,
            "weaknesses": candidate.platform.weaknesses,
            "reasons": "\n".join(lines),
            "origin": t.choice("origin", m.Origin.GENERATED.value),
        }
        for key in ("interactions", "strengths", "weaknesses", "reasons"):
            if isinstance(new_values[key], str):
                new_values[key] = shorten_lines(new_values[key], table.column(key).max_length)
        if previous is None:
            status = m.RowStatus.NEW
            summary.new += 1
        else:
            changed = any(not _same(cell(row, k), v) for k, v in {**new_values, **scored}.items())
            was_outdated = code(row, STATUS) == m.RowStatus.OUTDATED.value
            status = m.RowStatus.UPDATED if changed or was_outdated else m.RowStatus.UNCHANGED
            if status is m.RowStatus.UPDATED:
                summary.updated += 1
            else:
                summary.unchanged += 1
        new_values[STATUS] = t.choice("status", status.value)
        for key, value in {**new_values, **scored}.items():
            row[index[key]] = value
        out.append(row)
    for row in [*old.values(), *leftovers]:
        mine = any(row[i] not in (None, "") for i in user_columns if i not in score_idx and i != index["name"])
        if mine or came_from[id(row)] in noted:
            row[index[STATUS]] = t.choice("status", m.RowStatus.OUTDATED.value)
            summary.outdated += 1
            out.append(row)
        else:
            summary.removed += 1
    out.extend(manual)
    summary.total = len(out)
    summary.top = [" ".join(c.platform.name.split()) for c in shown[:TOP_NAMED]]
    out.extend([None] * width for _ in range(table.spare_rows))
    # The total: a live formula in every row (blank rows too, so typed rows get one)
    score_cols = [raw.first_col + index[c.key] for c in scores]
    total_col = raw.first_col + index["total"]
    for r, row in enumerate(out):
        sheet_row = raw.header_row + 1 + r
        if isinstance(row[index["total"]], Formula) and not is_total_formula(row[index["total"]].text):
            continue  # the planner's own formula
        text = total_formula(t, [f"{column_letter(c)}{sheet_row}" for c in score_cols])
        row[index["total"]] = Formula(text, CellRef(raw.sheet, sheet_row, total_col))
    if origins is not None:
        origins[:] = [came_from.get(id(row)) for row in out]
    return headers, out


def shorten_lines(text: str, limit: int) -> str:
    """The text within ``limit`` characters, its lines kept (the last one cut after a word)."""
    if len(text) <= limit:
        return text
    kept: list[str] = []
    for line in text.split("\n"):
        room = limit - sum(len(k) + 1 for k in kept)
        if len(line) <= room:
            kept.append(line)
        else:
            if room > 1:
                kept.append(shorten(line, room))
            break
    return "\n".join(kept)


# --- the physical design requirements -----------------------------------------------------------
def merge_requirements(raw: RawTable, plan: MaintenancePlan, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The folder's three and those the chosen platforms bring (naming who asked); the
    planner's rows, choices and comments stay; a row only the platforms asked for, which no
    chosen platform asks for any more, goes unless the planner chose or commented it."""
    words = Words(lang)
    t = words.t
    table = spec.REQUIREMENTS
    index = column_indexes(raw, table)
    headers = list(raw.headers)
    for column in table.columns:
        if column.key not in index:
            index[column.key] = len(headers)
            headers.append(t.header("requirements", column.key))
    width = len(headers)
    yes, no = t.choice("yesno", "yes"), t.choice("yesno", "no")
    wanted: dict[str, tuple[str, str | None, bool]] = {}
    for suggestion in plan.requirements:
        text = words(suggestion.requirement) if isinstance(suggestion.requirement, Phrase) else suggestion.requirement
        asked = ", ".join(suggestion.platforms) or None
        wanted.setdefault(normalize(text), (text, asked, suggestion.from_folder))
    out: list[list[Any]] = []
    for row_index, values in enumerate(raw.rows):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        row = list(values) + [None] * (width - len(values))
        for col_index in range(len(values)):
            formula = raw.formula(row_index, col_index)
            if formula is not None:
                row[col_index] = formula
        key = normalize(row[index["requirement"]])
        found = wanted.pop(key, None)
        if found is not None:
            row[index["asked_by"]] = found[1]
        elif row[index["asked_by"]] not in (None, ""):
            if all(row[index[k]] in (None, "") for k in ("chosen", "comment")):
                continue
            row[index["asked_by"]] = None
        out.append(row)
    for text, asked, from_folder in wanted.values():
        row = [None] * width
        row[index["requirement"]] = text
        row[index["asked_by"]] = asked
        row[index["from_folder"]] = yes if from_folder else no
        out.append(row)
    out.extend([None] * width for _ in range(table.spare_rows))
    return headers, out

