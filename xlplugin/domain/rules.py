"""The validation rules: pure checks on a Project read from a workbook.

The reader already reported what could not be read at all (missing tables and columns,
required cells left empty, values not in their list, numbers/dates/yes-no that are not).
These rules check what the values mean. Each finding points at a cell through the
reader's locations; none repeats a cell's value (see ``xlplugin.domain.findings``).
"""
from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.findings import Finding, Severity
from xlplugin.domain.group_lists import group_names_in
from xlplugin.domain.port import CellRef, CellText

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE
SHARE_TOLERANCE = 0.05  # percentage points of rounding allowed in a total
EARLIEST_YEAR, LATEST_YEAR = 1950, 2100

# --- personal data ----------------------------------------------------------------------------
# Texts are scanned as a reader sees them: full-width and other digits read as digits, every
# dash as "-", characters one cannot see (zero-width spaces, soft hyphens, direction marks,
# control characters) as nothing. ``_prepared`` keeps where each character came from, so what
# is found can be cut out of the original text (``redact``).
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
_SEP = r"[ .\-/]"
# ddmmyy-xxxx: the date's parts with one separator (or none), then any separator (or none)
CPR_RE = re.compile(rf"(?<!\d)(\d{{2}})({_SEP}?)(\d{{2}})\2(\d{{2}}) ?{_SEP}? ?(\d{{4}})(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# Danish numbers: eight digits, together, 4+4 or in pairs; perhaps +45 / 0045 (or another code)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00) ?\d{2} ?)?(\d{8}|(\d{4})[ \-](\d{4})|\d{2}[ \-]\d{2}[ \-]\d{2}[ \-]\d{2})(?!\d)"
)
# Every kind needs an @ or eight digits, perhaps with separators or invisible characters between
# them; most free text has neither and is skipped at C speed.
CANDIDATE_RE = re.compile(r"[@\uff20\ufe6b]|(?:\d\D{0,3}){7}\d")
YEARS = range(1900, 2100)


def _prepared(text: str) -> tuple[str, list[int]]:
    """``text`` as scanned, and for each of its characters the index it came from in ``text``
    (one more entry at the end: ``len(text)``)."""
    if text.isascii() and text.isprintable():
        return text, [*range(len(text) + 1)]
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            rep = " "
        elif ch.isascii():
            rep = ch if ch.isprintable() else ""
        elif ch in _DASHES:
            rep = "-"
        elif unicodedata.category(ch) in _INVISIBLE:
            rep = ""
        elif ch.isdecimal():
            rep = str(unicodedata.decimal(ch))
        else:
            rep = unicodedata.normalize("NFKC", ch)
        out.append(rep)
        origin.extend([i] * len(rep))
    origin.append(len(text))
    return "".join(out), origin


def _is_cpr(found: re.Match[str]) -> bool:
    day, month, year = int(found[1]), int(found[3]), int(found[4])
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _spans(prepared: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each piece of personal data in a prepared text."""
    cpr = [found for found in CPR_RE.finditer(prepared) if _is_cpr(found)]
    for found in cpr:
        yield "cpr", found.start(), found.end()
    for found in EMAIL_RE.finditer(prepared):
        yield "email", found.start(), found.end()
    for found in PHONE_RE.finditer(prepared):
        if any(c.start() < found.end() and found.start() < c.end() for c in cpr):
            continue  # the digits of a CPR number
        if found[2] and int(found[2]) in YEARS and int(found[3]) in YEARS:
            continue  # a span of years: "2024-2026"
        yield "phone", found.start(), found.end()


_DIGIT_RUN = re.compile(r"\d+")


def may_hold_personal_data(text: str) -> bool:
    """A quick test that lets through every text ``personal_data_kinds`` could flag: the same as
    ``CANDIDATE_RE.search``, but fast on a long text (a whole sheet's texts joined): the runs
    of digits are found at C speed and chained where at most 3 other characters part them."""
    if "@" in text or "\uff20" in text or "\ufe6b" in text:
        return True
    digits, last_end = 0, -4
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.span()
        digits = digits + end - start if start - last_end <= 3 else end - start
        if digits >= 8:
            return True
        last_end = end
    return False


def personal_data_kinds(text: str) -> list[str]:
    """Which kinds of personal data ``text`` seems to hold: cpr, email, phone (in that order)."""
    if not CANDIDATE_RE.search(text):
        return []
    kinds = {kind for kind, _, _ in _spans(_prepared(text)[0])}
    return [kind for kind in ("cpr", "email", "phone") if kind in kinds]


def looks_like_cpr(text: str) -> bool:
    """A Danish CPR number (ddmmyy-xxxx, however written) with a real birth date."""
    return "cpr" in personal_data_kinds(text)


def redact(text: str, replacement: str) -> str:
    """``text`` with each piece of personal data in it replaced by ``replacement``."""
    if not CANDIDATE_RE.search(text):
        return text
    prepared, origin = _prepared(text)
    spans = sorted((origin[start], origin[end - 1] + 1) for _, start, end in _spans(prepared))
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in spans:
        if start < last:  # overlaps the previous piece: widen it
            out[-1] = replacement
            last = max(last, end)
            continue
        out += [text[last:start], replacement]
        last = end
    out.append(text[last:])
    return "".join(out)


def writable(text: str) -> str:
    """``text`` without what no workbook file may hold: control characters other than tab and
    line breaks, unpaired surrogates, U+FFFE/U+FFFF. Everything else is kept as it is."""
    if text.isprintable() or not _UNWRITABLE_RE.search(text):
        return text
    return _UNWRITABLE_RE.sub("", text)


_UNWRITABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


GENERATED_ID_RE = re.compile(r"[0-9A-F]{8}")  # see xlplugin.domain.matching.interaction_id


def generated_ids(project: m.Project) -> frozenset[str]:
    """The IDs of the generated interaction rows that could pass for a phone number (all digits)."""
    return frozenset(
        x.id.strip() for x in project.interactions
        if x.origin is m.Origin.GENERATED and x.id and x.id.strip().isdigit() and GENERATED_ID_RE.fullmatch(x.id.strip())
    )


def privacy_findings(texts: Iterable[CellText], ignore: frozenset[str] = frozenset()) -> list[Finding]:
    """A warning for each kind of personal data in each cell (or cell comment); never its value.

    ``ignore``: the tool's own generated IDs, wherever they stand (an ID cell, a list of IDs)."""
    findings = []
    drop = re.compile(r"(?<![\w+])(?:" + "|".join(sorted(ignore)) + r")(?!\w)") if ignore else None
    for item in texts:
        text = drop.sub(" ", item.text) if drop is not None else item.text
        for kind in personal_data_kinds(text):
            key = f"privacy_comment_{kind}" if item.comment else f"privacy_{kind}"
            findings.append(Finding(W, key, item.at))
    return findings


# --- helpers ------------------------------------------------------------------------------------
class Locator(Protocol):
    """Where each item's field stands in the workbook (the reader's locations)."""

    def cell(self, table_key: str, index: int, field_key: str) -> CellRef | None: ...

    def header(self, table_key: str, field_key: str | None = None) -> CellRef | None: ...


# The free-text fields to check, per table key ("facts" for the project facts): field → the
# longest text allowed. The layout knows them; the rules are handed them.
TextLimits = Mapping[str, Mapping[str, int]]


class _Rules:
    def __init__(self, project: m.Project, locations: Locator, text_limits: TextLimits, scan_tables: bool = True):
        self.p = project
        self.scan_tables = scan_tables  # personal data in the tables' texts (else a whole-workbook scan does it)
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
        interest = m.EntryKind.INTEREST
        spellings = {e.group for e in self.p.entries if e.kind is not interest}
        with_entries = {m.normalize(name) for name in spellings}  # 20,000 entries spell a few hundred groups
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
        # each spelling looked up once (20,000 entries spell a few hundred groups and themes)
        entries = self.p.entries
        unknown_groups = {s for s in set(map(operator.attrgetter("group"), entries)) if m.normalize(s) not in groups}
        spelled_themes = set(map(operator.attrgetter("theme"), entries)) if self.p.themes else set()
        unknown_themes = {s for s in spelled_themes if s and m.normalize(s) not in themes}
        if unknown_groups or unknown_themes:
            for i, entry in enumerate(entries):
                if entry.group in unknown_groups:
                    self.add(E, "group_unknown", self.at("entries", i, "group"), column=self.col("entries", "group"))
                if entry.theme in unknown_themes:
                    self.add(E, "theme_unknown", self.at("entries", i, "theme"), column=self.col("entries", "theme"))
        for i, purpose in enumerate(self.p.purposes):
            if purpose.target_group and m.normalize(purpose.target_group) not in groups:
                self.add(E, "group_unknown", self.at("purposes", i, "target_group"), column=self.col("purposes", "target_group"))
        for i, interaction in enumerate(self.p.interactions):
            names = group_names_in(interaction.groups, groups)  # a name may hold a comma
            if groups and any(m.normalize(n) not in groups for n in names):
                self.add(W, "group_unknown_in_list", self.at("interactions", i, "groups"), column=self.col("interactions", "groups"))
        for i, item in enumerate(self.p.maintenance):
            if m.normalize(item.platform) not in platforms:
                self.add(E, "platform_unknown", self.at("maintenance", i, "platform"), column=self.col("maintenance", "platform"))

    def entries(self) -> None:
        seen: dict[tuple[str, m.EntryKind, str], int] = {}
        groups: dict[str, str] = {}  # each spelling normalized once
        descriptions = m.normalize_each(entry.description for entry in self.p.entries)
        for i, (entry, description) in enumerate(zip(self.p.entries, descriptions)):
            group = groups.get(entry.group)
            if group is None:
                group = groups[entry.group] = m.normalize(entry.group)
            key = (group, entry.kind, description)  # the member: ``.value`` costs
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
        if not self.scan_tables:  # a whole-workbook scan looks for personal data: lengths only
            self._lengths()
            return
        for table_key, index, field_key, limit, text in self._texts():
            if len(text) > limit:
                self.add(W, "text_too_long", self.at(table_key, index, field_key), length=len(text), limit=limit)
            if self.scan_tables:
                for kind in personal_data_kinds(text):
                    self.add(W, f"privacy_{kind}", self.at(table_key, index, field_key))

    def _lengths(self) -> None:
        """Free text longer than its column allows (20,000 rows are common: the longest text of
        a table, found at C speed, tells whether any of its texts needs a closer look)."""
        for table_key, limits in self.text_limits.items():
            items = [self.p.facts] if table_key == "facts" else getattr(self.p, table_key, [])
            if not items or not limits:
                continue
            fields = list(limits)
            try:
                values = map(operator.attrgetter(*fields), items)
                texts = itertools.chain.from_iterable(values) if len(fields) > 1 else values
                if max(map(len, filter(None, texts)), default=0) <= min(limits.values()):
                    continue
            except (AttributeError, TypeError):  # a field missing, a value without a length: look closer
                pass
            for field_key, limit in limits.items():
                for i, item in enumerate(items):
                    value = getattr(item, field_key, None)
                    if type(value) is str and len(value) > limit:
                        self.add(W, "text_too_long", self.at(table_key, i, field_key), length=len(value), limit=limit)

    def _texts(self) -> Iterator[tuple[str, int, str, int, str]]:
        for table_key, limits in self.text_limits.items():
            items = [self.p.facts] if table_key == "facts" else getattr(self.p, table_key, [])
            for i, item in enumerate(items):
                for field_key, limit in limits.items():
                    value = getattr(item, field_key, None)
                    if isinstance(value, str) and not isinstance(value, m.Code):
                        yield table_key, i, field_key, limit, value


def check_project(
    project: m.Project, locations: Locator, text_limits: TextLimits, texts: Iterable[CellText] | None = None
) -> list[Finding]:
    """Every rule's findings for ``project`` (``text_limits``: the free-text fields to check).

    ``texts``: every text of the workbook (cells of every sheet, comments), scanned for personal
    data; without them, only the project's free-text fields are."""
    findings = _Rules(project, locations, text_limits, scan_tables=texts is None).run()
    return findings if texts is None else findings + privacy_findings(texts, generated_ids(project))
