"""Action `plan` (Lav vedligeholdelsesplan): one row per chosen platform on 5 Vedligehold.

Written against the gateway only (as ``actions.match``). Per row of the maintenance table, by
platform name:
- a chosen platform with a row: its advice (the catalog's maintainers and the folder's advice)
  is rewritten; who maintains it is filled only where it is empty; everything else the
  planner typed (start-up, frequency, budget, review date, success criterion, own columns)
  stays;
- a chosen platform without a row: a new row with the catalog's typical maintainer;
- other rows are the planner's and stay as they are (validation warns about a plan for a
  platform that is not chosen).
The requirements for the physical design follow the chosen platforms (as in ``platforms``).
The reality-check log is the planner's; the summary gives the budget total and the review
dates in order. Nothing is saved unless everything succeeded.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from xlplugin.actions.platforms import catalog_of, merge_requirements
from xlplugin.actions.upgrade import require_current
from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.maintenance_plan import MaintenancePlan, maintenance_plan
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import RawTable, Saved, WorkbookGateway
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.reader import read_project
from xlplugin.layout.values import display_value, parse_cell
from xlplugin.layout.words import Words, saved_phrases


@dataclass
class PlanSummary:
    lang: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    total: int = 0
    chosen: int = 0
    budget: float = 0.0
    reviews: list[tuple[dt.date, str]] = field(default_factory=list)  # in date order
    without_review: int = 0
    saved: Saved = field(default_factory=Saved)

    def phrases(self) -> list[Phrase]:
        out = []
        if not self.chosen:
            out.append(Phrase.of("msg.plan.none_selected", sheet=ph.sheet("step4")))
        out.append(Phrase.of("msg.plan.summary", new=self.new, updated=self.updated, unchanged=self.unchanged, kept=self.kept, total=self.total, sheet=ph.sheet("step5")))
        out.append(Phrase.of("msg.plan.budget", budget=_money(self.budget, self.lang)))
        if self.reviews:
            reviews = ph.Many(
                Phrase.of("msg.plan.review", date=_date(day, self.lang), platform=name) for day, name in self.reviews
            )
            out.append(Phrase.of("msg.plan.reviews", reviews=reviews))
        if self.without_review:
            out.append(Phrase.of("msg.plan.no_review", n=self.without_review))
        return out + saved_phrases(self.saved)


def _money(amount: float, lang: str) -> str:
    text = f"{amount:,.0f}"
    return text.replace(",", ".") if lang == "da" else text


def _date(day: dt.date, lang: str) -> str:
    return day.strftime("%d-%m-%Y") if lang == "da" else day.isoformat()


def run(gateway: WorkbookGateway) -> PlanSummary:
    require_current(gateway)
    read = read_project(gateway)
    raw = read.raw("maintenance")
    if raw is None:
        raise UserError("msg.table_missing", table=ph.Label("table", "maintenance"), sheet=ph.sheet("step5"))
    try:
        project = read.project.model_copy(update={"catalog": catalog_of(read)})
        plan = maintenance_plan(project)
        summary = PlanSummary(read.lang, chosen=len(plan.items))
        origins: list[int | None] = []
        headers, rows = merge_maintenance(raw, plan, read.lang, summary, origins)
        _totals(read.project.maintenance, summary)
        requirements = read.raw("requirements")
        req_rows = merge_requirements(requirements, plan, read.lang) if requirements is not None else None
    except UserError:
        raise
    except Exception as exc:  # a defect must still reach the user as a message, file untouched
        raise UserError("msg.plan.failed", reason=type(exc).__name__) from exc
    gateway.write_table("maintenance", headers, rows, origins)
    if req_rows is not None:
        gateway.write_table("requirements", *req_rows)
    summary.saved = gateway.commit()
    return summary


def _totals(items: list[m.MaintenanceItem], summary: PlanSummary) -> None:
    """The budget total and the review dates in order (as the planner typed them)."""
    summary.budget = sum(i.budget or 0.0 for i in items)
    summary.reviews = sorted(((i.review_date, " ".join(i.platform.split())) for i in items if i.review_date), key=lambda r: r[0])
    summary.without_review = sum(1 for i in items if not i.review_date)


def advice_text(suggestion: Any, words: Words) -> str:
    """Where the maintainers come from, then one line of advice per maintainer."""
    return "\n".join([words(suggestion.reason), *(f"• {words(a)}" for a in suggestion.advice)])


def merge_maintenance(
    raw: RawTable, plan: MaintenancePlan, lang: str, summary: PlanSummary, origins: list[int | None] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The plan's rows: the planner's kept, a new one per chosen platform without one, all in
    the order of their reviews. ``origins``, if given, gets for each row the index in
    ``raw.rows`` of the row it was (None: a new row), so notes beside a row move with it."""
    words = Words(lang)
    t = words.t
    table = spec.MAINTENANCE
    index = column_indexes(raw, table)
    headers = list(raw.headers)
    for column in table.columns:
        if column.key not in index:
            index[column.key] = len(headers)
            headers.append(t.header("maintenance", column.key))
    headers = [h if h not in (None, "") else t.format("match.extra_column", n=i + 1) for i, h in enumerate(headers)]
    width = len(headers)
    suggestions = {normalize(s.platform): s for s in plan.items}
    maintainer_col = table.column("maintainer")
    out: list[list[Any]] = []
    came_from: dict[int, int] = {}  # id of a row list → its index in raw.rows
    noted = set(raw.beside)  # rows with a note typed beside the table: kept, even if empty
    for row_index, values in enumerate(raw.rows):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values) and row_index not in noted:
            continue
        row = list(values) + [None] * (width - len(values))
        came_from[id(row)] = row_index
        for col_index in range(len(values)):
            formula = raw.formula(row_index, col_index)
            if formula is not None:
                row[col_index] = formula
        suggestion = suggestions.pop(normalize(row[index["platform"]]), None)
        if suggestion is None:
            summary.kept += 1
        else:
            advice = advice_text(suggestion, words)
            changed = normalize(row[index["advice"]]) != normalize(advice)
            row[index["advice"]] = advice
            if row[index["maintainer"]] in (None, "") and suggestion.maintainer is not None:
                row[index["maintainer"]] = display_value(maintainer_col, suggestion.maintainer, t)
                changed = True
            if changed:
                summary.updated += 1
            else:
                summary.unchanged += 1
        out.append(row)
    for suggestion in suggestions.values():
        row = [None] * width
        row[index["platform"]] = suggestion.platform
        row[index["maintainer"]] = display_value(maintainer_col, suggestion.maintainer, t)
        row[index["advice"]] = advice_text(suggestion, words)
        out.append(row)
        summary.new += 1
    summary.total = len(out)
    out = _by_review_date(out, index["review_date"])
    out.extend([None] * width for _ in range(table.spare_rows))
    if origins is not None:
        origins[:] = [came_from.get(id(row)) for row in out]
    return headers, out


def _by_review_date(rows: list[list[Any]], column: int) -> list[list[Any]]:
    """The plan in the order of its reviews; rows without a (readable) date last, as they stood."""
    review = spec.MAINTENANCE.column("review_date")

    def when(row: list[Any]) -> tuple[int, dt.date]:
        try:
            day = parse_cell(review, row[column])
        except Exception:
            day = None
        return (0, day) if isinstance(day, dt.date) else (1, dt.date.min)

    return sorted(rows, key=when)
