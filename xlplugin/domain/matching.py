"""Step 3: interaction opportunities found in step 2's needs, resources and interests. Pure.

The three forms are built in ``matching_forms`` on the cells of ``matching_model`` and worded
in ``matching_text``. Here:
- the index: entries by kind, theme and group (an entry without a theme gets one only from a
  certain suggestion; an uncertain one is shown as "X or Y?" and not matched on); a resource's
  nature (a person, a facility, an organisation's offer) as the planner gave it, else read
  from its words for a local actor (a room, hall or kitchen is a facility);
- the order: each form ranked on its own and the forms interleaved (three rows of benefit
  from each other's resources, then one common solution, then one common third), so every
  form shows near the top when the data has one;
- the cost guard: above ``MAX_CANDIDATES`` combinations of giver, receiver and need theme
  matching stops with a message saying how many it would compare, before using the memory;
  at most ``MAX_ROWS`` rows are written and the summary counts the ones left out.
Entries are indexed by theme and group, and rows are aggregated per form, groups and theme,
so the work and the output grow with the distinct combinations, never with entries squared.
Help between two groups is worked out per giver and need theme, the receivers as sets, and
only the rows shown are built (``Rows.mutual``): 200 groups (2 million combinations) match in
about a second.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain.collector import collector_paused
from xlplugin.domain.errors import UserError
from xlplugin.domain.matching_forms import Rows
from xlplugin.domain.matching_model import Cell, Group, Proposal, Purpose, interaction_id, shorten
from xlplugin.domain.matching_text import is_vulnerable, lower
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.vocabulary import Vocabulary

__all__ = ["MatchResult", "Proposal", "interaction_id", "match", "shorten"]

RESOURCE = m.EntryKind.RESOURCE
TYPE_ORDER = {
    m.InteractionType.MUTUAL_RESOURCES: 0,
    m.InteractionType.COMMON_SOLUTION: 1,
    m.InteractionType.COMMON_THIRD: 2,
}
# The order forms are shown in: per round, this many rows of each (while it has rows left).
INTERLEAVE = ((m.InteractionType.MUTUAL_RESOURCES, 3), (m.InteractionType.COMMON_SOLUTION, 1), (m.InteractionType.COMMON_THIRD, 1))
MAX_CANDIDATES = 5_000_000  # combinations of giver, receiver and need theme (at most a few seconds, 1 GB)
MAX_ROWS = 500  # rows written at most; the weakest beyond are counted, not written


@dataclass
class MatchResult:
    interactions: list[Proposal]
    # Per entry of the project: the theme suggested for an entry without one: a certain theme,
    # "X or Y?" when uncertain (not matched on), or None.
    suggestions: list[str | Phrase | None]
    unsure: list[int] = field(default_factory=list)  # entries (0-based) that need a theme chosen
    left_out: int = 0  # rows beyond MAX_ROWS

    @property
    def suggested_count(self) -> int:
        return sum(1 for s in self.suggestions if isinstance(s, str))


def match(project: m.Project, vocabulary: Vocabulary) -> MatchResult:
    with collector_paused():
        return _Matcher(project, vocabulary).run()


class _Matcher:
    def __init__(self, project: m.Project, vocabulary: Vocabulary):
        self.project = project
        self.vocab = vocabulary
        groups: dict[str, Group] = {}
        for g in project.groups:
            key = normalize(g.name)
            if key and key not in groups:
                external = g.location is m.Location.LOCAL_AREA
                vulnerable = is_vulnerable(g.name, g.other, g.employment, g.education)
                groups[key] = Group(" ".join(g.name.split()), external, len(groups), vulnerable)
        purposes = [self._purpose(p) for p in project.purposes if p.purpose and p.purpose.strip()]
        characteristics: dict[str, list[str]] = defaultdict(list)  # theme -> chosen characteristics
        for c in project.characteristics:
            if c.chosen:
                for theme in self.vocab.themes_in(c.name) or self.vocab.themes_in(c.description):
                    characteristics[theme].append(c.name.strip())
        self.rows = Rows(vocabulary, groups, purposes, characteristics)
        self.suggestions: list[str | Phrase | None] = []
        self.unsure: list[int] = []

    def _purpose(self, p: m.SocialPurpose) -> Purpose:
        target = normalize(p.target_group) or None
        return Purpose(" ".join(p.purpose.split()), target, frozenset(self.vocab.themes_in(p.purpose)), p.priority is m.Priority.HIGH)

    # --- indexing -----------------------------------------------------------------------
    def _group(self, name: str | None) -> str | None:
        key = normalize(name)
        if not key:
            return None
        groups = self.rows.groups
        if key not in groups:
            groups[key] = Group(" ".join(str(name).split()), False, len(groups), is_vulnerable(name))
        return key

    def _index(self) -> None:
        # Many entries spell the same theme and group: resolve each spelling once.
        themes: dict[str, str] = {}
        groups: dict[str, str | None] = {}
        cells = self.rows.cells
        external = {key for key, g in self.rows.groups.items() if g.external}
        for i, entry in enumerate(self.project.entries):
            suggested = tentative = False
            if entry.group in groups:
                key = groups[entry.group]
            else:
                key = groups[entry.group] = self._group(entry.group)
            if entry.theme and entry.theme.strip():
                theme: str | None = themes.get(entry.theme)
                if theme is None:
                    theme = themes[entry.theme] = self.vocab.resolve(entry.theme) or " ".join(entry.theme.split())
                self.suggestions.append(None)
            else:
                organisation = key is not None and key in external  # a local actor's entry
                theme, tentative = self._suggest(i, entry, organisation)
                suggested = theme is not None
            if theme is None or key is None:
                continue
            by_group = cells[entry.kind][theme]
            cell = by_group.get(key)
            if cell is None:
                cell = by_group[key] = Cell(key, theme)
            cell.entries.append(entry)
            cell.facility.append(entry.kind is RESOURCE and (entry.nature is not None or key in external) and self._facility(entry, key))
            cell.high = cell.high or entry.priority is m.Priority.HIGH
            cell.tentative = cell.tentative and tentative
            if suggested and cell.suggested is None:
                cell.suggested = entry

    def _suggest(self, i: int, entry: m.Entry, organisation: bool) -> tuple[str | None, bool]:
        """The certain theme (or None), and whether it rests on one keyword alone."""
        found = self.vocab.suggestion(entry.description, need=entry.kind is m.EntryKind.NEED, organisation=organisation)
        if found is None:
            self.suggestions.append(None)
            self.unsure.append(i)
            return None, False
        if found.certain:
            self.suggestions.append(found.theme)
            return found.theme, found.tentative
        either = Phrase.of("reason.either", first=found.theme, second=lower(found.runner_up)) if found.runner_up else None
        self.suggestions.append(either or Phrase.of("reason.maybe", theme=found.theme))
        self.unsure.append(i)
        return None, False

    def _facility(self, entry: m.Entry, group: str) -> bool:
        """A facility or room, as the planner said, or (blank) read from a local actor's words."""
        if entry.nature is not None:
            return entry.nature is m.ResourceNature.FACILITY
        return self.rows.groups[group].external and self.vocab.is_facility(entry.description)

    # --- the rows, in the order shown -------------------------------------------------------
    def run(self) -> MatchResult:
        self._index()
        candidates = self.rows.candidates()
        if candidates > MAX_CANDIDATES:
            raise UserError("msg.match.too_many", groups=len(self.rows.groups), candidates=candidates, limit=MAX_CANDIDATES)
        # at most MAX_ROWS rows of one form can be shown: only those are built, the rest counted
        mutual, mutual_count = self.rows.mutual(MAX_ROWS)
        by_form = {
            m.InteractionType.MUTUAL_RESOURCES: mutual,
            m.InteractionType.COMMON_SOLUTION: self.rows.solutions(),
            m.InteractionType.COMMON_THIRD: self.rows.thirds(),
        }
        for rows in by_form.values():
            # A row with a side resting only on themes suggested from one keyword comes after the
            # rows on firmer ground of its form: such suggestions are the ones that go wrong.
            rows.sort(key=lambda r: (r.tentative, -r.score, -(r.link or 0), r.groups, self.rows.theme_order(r.theme)))
        shown = interleave(by_form)
        total = len(shown) - len(mutual) + mutual_count
        return MatchResult(shown[:MAX_ROWS], self.suggestions, self.unsure, max(total - MAX_ROWS, 0))


def interleave(by_form: dict[m.InteractionType, list[Proposal]]) -> list[Proposal]:
    """Each form in its own rank order, taken in turns (see ``INTERLEAVE``)."""
    queues = {kind: list(reversed(rows)) for kind, rows in by_form.items()}
    out: list[Proposal] = []
    while any(queues.values()):
        for kind, n in INTERLEAVE:
            queue = queues.get(kind, [])
            for _ in range(n):
                if queue:
                    out.append(queue.pop())
    return out
