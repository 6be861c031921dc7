"""The validation rules: pure checks on a Project read from a workbook.

The reader already reported what could not be read at all (missing tables and columns,
required cells left empty, values not in their list, numbers/dates/yes-no that are not).
These rules check what the values mean. Each finding points at a cell through the
reader's locations; none repeats a cell's value (see ``xlplugin.domain.findings``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Protocol

from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.findings import Finding, Severity
from xlplugin.domain.port import CellRef

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
SHARE_TOLERANCE = 0.05  # percentage points of rounding allowed in a total
EARLIEST_YEAR, LATEST_YEAR = 1950, 2100

# --- personal data ----------------------------------------------------------------------------
CPR_RE = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{2}[ ]?)?(?:\d{8}|\d{4} \d{4}|\d{2} \d{2} \d{2} \d{2})(?![\d])"
)


def looks_like_cpr(text: str) -> bool:
    """A Danish CPR number (ddmmyy-xxxx, with or without the hyphen) with a real birth date."""
    for match in CPR_RE.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        for century in (1900, 2000):
            try:
                dt.date(century + year, month, day)
                return True
            except ValueError:
                continue
    return False


# Every kind needs an @ or eight digits in pairs; most free text has neither, and is skipped.
CANDIDATE_RE = re.compile(r"@|\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}")


def personal_data_kinds(text: str) -> list[str]:
    """Which kinds of personal data ``text`` seems to hold: cpr, email, phone."""
    if not CANDIDATE_RE.search(text):
        return []
    kinds = []
    if looks_like_cpr(text):
        kinds.append("cpr")
    if EMAIL_RE.search(text):
        kinds.append("email")
    without_cpr = CPR_RE.sub(" ", text)
    if PHONE_RE.search(without_cpr):
        kinds.append("phone")
    return kinds


# --- helpers ------------------------------------------------------------------------------------
class Locator(Protocol):
    """Where each item's field stands in the workbook (the reader's locations)."""

    def cell(self, table_key: str, index: int, field_key: str) -> CellRef | None: ...

    def header(self, table_key: str, field_key: str | None = None) -> CellRef | None: ...


# The free-text fields to check, per table key ("facts" for the project facts): field → the
# longest text allowed. The layout knows them; the rules are handed them.
TextLimits = Mapping[str, Mapping[str, int]]


class _Rules:
    def __init__(self, project: m.Project, locations: Locator, text_limits: TextLimits):
        self.p = project
        self.loc = locations
        self.text_limits = text_limits
        self.findings: list[Finding] = []

    def add(self, severity: Severity, key: str, ref: CellRef | None, **params: object) -> None:
        self.findings.append(Finding(severity, key, ref, None, tuple(sorted(params.items()))))

    def at(self, table_key: str, index: int, field_key: str) -> CellRef | None:
        return self.loc.cell(table_key, index, field_key)

    @staticmethod
    def col(table_key: str, field_key: str) -> ph.Label:
        return ph.column(table_key, field_key)

    def run(self) -> list[Finding]:
        self.groups()
        self.purposes()
        self.references()
        self.entries()
        self.numbers()
        self.dates()
        self.catalog()
        self.steps_in_order()
        self.steps_4_and_5()
        self.texts_and_privacy()
        return self.findings

    # --- step 1 -------------------------------------------------------------------------------
    def groups(self) -> None:
        seen: dict[str, int] = {}
        total = 0.0
        for i, group in enumerate(self.p.groups):
            name = m.normalize(group.name)
            if name in seen:
                first = self.at("groups", seen[name], "name")
                self.add(E, "group_duplicate", self.at("groups", i, "name"), first=first.address if first else "")
            else:
                seen[name] = i
            share = group.share_pct
            if share is not None:
                if not 0 <= share <= 100:
                    self.add(E, "share_range", self.at("groups", i, "share_pct"), column=self.col("groups", "share_pct"))
                elif group.location is m.Location.BUILDING:
                    total += share
        if total > 100 + SHARE_TOLERANCE:
            self.add(
                E,
                "shares_total",
                self.loc.header("groups", "share_pct"),
                total=f"{total:g}",
                column=self.col("groups", "share_pct"),
            )
        with_entries = {m.normalize(e.group) for e in self.p.entries if e.kind in (m.EntryKind.NEED, m.EntryKind.RESOURCE)}
        for i, group in enumerate(self.p.groups):
            if m.normalize(group.name) not in with_entries:
                self.add(W, "group_without_entries", self.at("groups", i, "name"), step_sheet=ph.sheet("step2"))

    def purposes(self) -> None:
        if not self.p.purposes:
            self.add(E, "no_purpose", self.loc.header("purposes", "purpose"), table=ph.title("purposes"))

    # --- references -----------------------------------------------------------------------------
    def references(self) -> None:
        groups = {m.normalize(g.name) for g in self.p.groups}
        themes = {m.normalize(t.name) for t in self.p.themes}
        platforms = {m.normalize(p.name) for p in self.p.platforms}
        for i, entry in enumerate(self.p.entries):
            if m.normalize(entry.group) not in groups:
                self.add(E, "group_unknown", self.at("entries", i, "group"), column=self.col("entries", "group"))
            if entry.theme and self.p.themes and m.normalize(entry.theme) not in themes:
                self.add(E, "theme_unknown", self.at("entries", i, "theme"), column=self.col("entries", "theme"))
        for i, purpose in enumerate(self.p.purposes):
            if purpose.target_group and m.normalize(purpose.target_group) not in groups:
                self.add(E, "group_unknown", self.at("purposes", i, "target_group"), column=self.col("purposes", "target_group"))
        for i, interaction in enumerate(self.p.interactions):
            names = m.split_group_names(interaction.groups)
            if groups and any(m.normalize(n) not in groups for n in names):
                self.add(W, "group_unknown_in_list", self.at("interactions", i, "groups"), column=self.col("interactions", "groups"))
        for i, item in enumerate(self.p.maintenance):
            if m.normalize(item.platform) not in platforms:
                self.add(E, "platform_unknown", self.at("maintenance", i, "platform"), column=self.col("maintenance", "platform"))

    def entries(self) -> None:
        seen: dict[tuple[str, str, str], int] = {}
        for i, entry in enumerate(self.p.entries):
            key = (m.normalize(entry.group), entry.kind.value, m.normalize(entry.description))
            if not key[2]:
                continue
            if key in seen:
                first = self.at("entries", seen[key], "description")
                self.add(W, "entry_duplicate", self.at("entries", i, "description"), first=first.address if first else "")
            else:
                seen[key] = i

    # --- numbers and dates ------------------------------------------------------------------------
    def numbers(self) -> None:
        for i, platform in enumerate(self.p.platforms):
            for key in m.PLATFORM_SCORE_FIELDS:
                score = getattr(platform, key)
                if score is not None and not m.SCORE_MIN <= score <= m.SCORE_MAX:
                    self.add(E, "score_range", self.at("platforms", i, key), column=self.col("platforms", key))
        for i, criterion in enumerate(self.p.criteria):
            if criterion.weight is not None and criterion.weight < 0:
                self.add(E, "weight_negative", self.at("criteria", i, "weight"), column=self.col("criteria", "weight"))
        weights = [c.weight for c in self.p.criteria if c.weight is not None]
        if weights and all(w == 0 for w in weights):
            self.add(W, "weights_all_zero", self.loc.header("criteria", "weight"), column=self.col("criteria", "weight"))
        for i, item in enumerate(self.p.maintenance):
            if item.budget is not None and item.budget < 0:
                self.add(E, "number_negative", self.at("maintenance", i, "budget"), column=self.col("maintenance", "budget"))

    def dates(self) -> None:
        checks: list[tuple[str, int, str, object, ph.Label]] = [("facts", 0, "date", self.p.facts.date, ph.Label("fact", "date"))]
        checks += [
            ("maintenance", i, "review_date", item.review_date, self.col("maintenance", "review_date"))
            for i, item in enumerate(self.p.maintenance)
        ]
        for table_key, i, field_key, value, column in checks:
            if isinstance(value, dt.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
                self.add(W, "date_implausible", self.at(table_key, i, field_key), column=column)

    def catalog(self) -> None:
        wanted = ("themes", "interaction", "strengths", "weaknesses")
        for i, item in enumerate(self.p.catalog):
            missing = [self.col("catalog", k) for k in wanted if not getattr(item, k)]
            if missing:
                self.add(W, "catalog_incomplete", self.at("catalog", i, "name"), columns=ph.Many(missing))

    # --- the steps in order ---------------------------------------------------------------------
    def steps_in_order(self) -> None:
        any_interaction = any(x.selected for x in self.p.interactions)
        selected = {m.normalize(p.name) for p in self.p.platforms if p.selected}
        if not any_interaction:
            for i, platform in enumerate(self.p.platforms):
                if platform.selected:
                    self.add(W, "platform_without_interaction", self.at("platforms", i, "selected"), step_sheet=ph.sheet("step3"))
                    break
        known = {m.normalize(p.name) for p in self.p.platforms}
        planned = set()
        for i, item in enumerate(self.p.maintenance):
            planned.add(m.normalize(item.platform))
            if m.normalize(item.platform) in known and m.normalize(item.platform) not in selected:
                self.add(W, "maintenance_unselected", self.at("maintenance", i, "platform"), step_sheet=ph.sheet("step4"))
        for i, platform in enumerate(self.p.platforms):
            if platform.selected and m.normalize(platform.name) not in planned:
                self.add(N, "platform_without_maintenance", self.at("platforms", i, "name"), step_sheet=ph.sheet("step5"))

    # --- steps 4 and 5: criteria, the catalog as evaluation reads it, the reality check ------
    def steps_4_and_5(self) -> None:
        from xlplugin.domain.evaluation import CRITERIA, catalog_problems

        keys = {k.value for k in CRITERIA}
        for i, criterion in enumerate(self.p.criteria):
            if criterion.key and m.normalize(criterion.key) not in keys:
                self.add(W, "criterion_key_unknown", self.at("criteria", i, "key"), keys=ph.Many(sorted(keys)))
        for problem in catalog_problems(self.p):
            # rows without a type or themes are findings already (required_missing, catalog_incomplete)
            if problem.ranked:
                field_key = problem.columns[0] if problem.columns else "name"
                self.add(W, "catalog_row", self.at("catalog", problem.row, field_key), problem=problem.message, advice=problem.advice)
        for i, constraint in enumerate(self.p.constraints):
            if not (constraint.action or "").strip():
                self.add(W, "constraint_without_action", self.at("constraints", i, "action"))

    # --- free text --------------------------------------------------------------------------------
    def texts_and_privacy(self) -> None:
        for table_key, index, field_key, limit, text in self._texts():
            if len(text) > limit:
                self.add(W, "text_too_long", self.at(table_key, index, field_key), length=len(text), limit=limit)
            for kind in personal_data_kinds(text):
                self.add(W, f"privacy_{kind}", self.at(table_key, index, field_key))

    def _texts(self) -> Iterator[tuple[str, int, str, int, str]]:
        for table_key, limits in self.text_limits.items():
            items = [self.p.facts] if table_key == "facts" else getattr(self.p, table_key, [])
            for i, item in enumerate(items):
                for field_key, limit in limits.items():
                    value = getattr(item, field_key, None)
                    if isinstance(value, str) and not isinstance(value, m.Code):
                        yield table_key, i, field_key, limit, value


def check_project(project: m.Project, locations: Locator, text_limits: TextLimits) -> list[Finding]:
    """Every rule's findings for ``project`` (``text_limits``: the free-text fields to check)."""
    return _Rules(project, locations, text_limits).run()
