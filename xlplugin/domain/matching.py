"""Step 3: interaction opportunities found in step 2's needs, resources and interests. Pure.

Three forms, as the folder names them:
- benefit from each other's resources: one group's resource meets another group's need
  (same theme, or a resource theme linked to the need theme); ranked higher when it runs
  both ways between the two groups;
- common solution: two or more groups share an unmet need theme (one row naming them all);
- the common third: groups share an interest (or, where a chosen characteristic of the
  building points at the theme, something they can offer) with no need behind it.

Entries are indexed by theme and group, and rows are aggregated per type, groups and theme,
so the work and the output grow with the distinct combinations, never with entries squared.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Many, Phrase
from xlplugin.domain.vocabulary import Link, Vocabulary

Text = str | Phrase | Many  # what a generated cell says, rendered at the edge

LIST_LIMIT = 5  # entries named in one cell before "(+N more)"
ITEM_MAX = 100  # characters of one entry's text in a listing
QUOTE_MAX = 60  # characters of an entry's text quoted in a reasoning

TYPE_ORDER = {
    m.InteractionType.MUTUAL_RESOURCES: 0,
    m.InteractionType.COMMON_SOLUTION: 1,
    m.InteractionType.COMMON_THIRD: 2,
}

# Score: 0-10. What a row starts from, and what raises it.
MUTUAL_BASE = 1.0  # + the link's strength (1-5)
BOTH_WAYS_BONUS = 1.5
USEFUL_BONUS = 1.0
HIGH_PRIORITY_BONUS = 0.5
SOLUTION_BASE, SOLUTION_PER_EXTRA_GROUP, SOLUTION_MAX = 3.0, 0.5, 5.0
THIRD_BASE, CHARACTERISTIC_BONUS = 3.0, 1.0
PURPOSE_BONUS, HIGH_PURPOSE_BONUS, PURPOSES_MAX = 1.0, 0.5, 3.0
SCORE_MAX = 10.0


def interaction_id(kind: m.InteractionType, *parts: str) -> str:
    """A short, stable ID from what identifies the row (type, groups, theme), not its details."""
    return _digest(kind, [normalize(p) for p in parts])


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _digest(kind: m.InteractionType, normalized: list[str]) -> str:
    text = "\x1f".join([kind.value, *normalized])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8].upper()


@dataclass
class Group:
    name: str
    external: bool
    order: int


@dataclass
class Cell:
    """One group's entries of one kind within one theme."""

    group: str  # group key
    theme: str
    entries: list[m.Entry] = field(default_factory=list)
    high: bool = False
    suggested: m.Entry | None = None  # the first entry whose theme was only suggested
    _listing: Text | None = None

    def listing(self) -> Text:
        if self._listing is None:
            seen: dict[str, None] = {}
            for entry in self.entries:
                seen.setdefault(" ".join(str(entry.description or "").split()) or self.theme, None)
            names = [shorten(name, ITEM_MAX) for name in seen]
            text = "; ".join(names[:LIST_LIMIT])
            more = len(names) - LIST_LIMIT
            self._listing = Phrase.of("reason.more_items", items=text, n=more) if more > 0 else text
        return self._listing


@dataclass(frozen=True)
class Purpose:
    text: str
    target: str | None  # group key
    themes: frozenset[str]
    high: bool


@dataclass
class Proposal:
    """A generated interaction row: the ``m.Interaction`` fields, with texts still as phrases."""

    id: str
    type: m.InteractionType
    groups: str
    need: Text | None
    resource: Text | None
    theme: str
    scope: m.Scope
    score: float
    reasoning: Many
    purposes: str | None
    origin: m.Origin = m.Origin.GENERATED


@dataclass
class MatchResult:
    interactions: list[Proposal]
    # Per entry of the project: the theme suggested for an entry without one (else None).
    suggestions: list[str | None]

    @property
    def suggested_count(self) -> int:
        return sum(1 for s in self.suggestions if s)


def match(project: m.Project, vocabulary: Vocabulary) -> MatchResult:
    return _Matcher(project, vocabulary).run()


class _Matcher:
    def __init__(self, project: m.Project, vocabulary: Vocabulary):
        self.project = project
        self.vocab = vocabulary
        self.groups: dict[str, Group] = {}
        for g in project.groups:
            key = normalize(g.name)
            if key and key not in self.groups:
                external = g.location is m.Location.LOCAL_AREA
                self.groups[key] = Group(" ".join(g.name.split()), external, len(self.groups))
        self.cells: dict[m.EntryKind, dict[str, dict[str, Cell]]] = {k: defaultdict(dict) for k in m.EntryKind}
        self.suggestions: list[str | None] = []
        self._theme_keys: dict[str, str] = {}
        self.purposes = [self._purpose(p) for p in project.purposes if p.purpose and p.purpose.strip()]
        self.characteristics: dict[str, list[str]] = defaultdict(list)  # theme -> chosen characteristics
        for c in project.characteristics:
            if c.chosen:
                for theme in self.vocab.themes_in(c.name) or self.vocab.themes_in(c.description):
                    self.characteristics[theme].append(c.name.strip())

    # --- indexing -----------------------------------------------------------------------
    def _group(self, name: str | None) -> str | None:
        key = normalize(name)
        if not key:
            return None
        if key not in self.groups:
            self.groups[key] = Group(" ".join(str(name).split()), False, len(self.groups))
        return key

    def _purpose(self, p: m.SocialPurpose) -> Purpose:
        target = normalize(p.target_group) or None
        return Purpose(" ".join(p.purpose.split()), target, frozenset(self.vocab.themes_in(p.purpose)), p.priority is m.Priority.HIGH)

    def _index(self) -> None:
        # Many entries spell the same theme and group: resolve each spelling once.
        themes: dict[str, str | None] = {}
        groups: dict[str, str | None] = {}
        for entry in self.project.entries:
            suggestion = None
            if entry.theme and entry.theme.strip():
                theme = themes.get(entry.theme)
                if theme is None:
                    theme = themes[entry.theme] = self.vocab.resolve(entry.theme) or " ".join(entry.theme.split())
            else:
                theme = suggestion = self.vocab.suggest(entry.description)
            self.suggestions.append(suggestion)
            if entry.group in groups:
                key = groups[entry.group]
            else:
                key = groups[entry.group] = self._group(entry.group)
            if theme is None or key is None:
                continue
            cells = self.cells[entry.kind][theme]
            cell = cells.get(key)
            if cell is None:
                cell = cells[key] = Cell(key, theme)
            cell.entries.append(entry)
            cell.high = cell.high or entry.priority is m.Priority.HIGH
            if suggestion and cell.suggested is None:
                cell.suggested = entry

    # --- the three forms ------------------------------------------------------------------
    def run(self) -> MatchResult:
        self._index()
        rows = [*self._mutual(), *self._common_solutions(), *self._common_thirds()]
        rows.sort(key=lambda r: (-(r.score or 0), TYPE_ORDER[r.type], r.groups or "", self._theme_order(r.theme)))
        return MatchResult(rows, self.suggestions)

    def _mutual(self) -> list[Proposal]:
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        found: dict[tuple[str, str, str], list[tuple[Cell, Cell, Link]]] = {}
        for need_theme, receivers in needs.items():
            for link in self.vocab.links_to(need_theme):
                givers = resources.get(link.resource_theme)
                if not givers:
                    continue
                for giver, resource_cell in givers.items():
                    for receiver, need_cell in receivers.items():
                        if giver != receiver:
                            found.setdefault((giver, receiver, need_theme), []).append((need_cell, resource_cell, link))
        helps: dict[tuple[str, str], list[str]] = defaultdict(list)
        for giver, receiver, need_theme in found:
            helps[(giver, receiver)].append(need_theme)
        # What each group can give another, named once per pair (many rows share it).
        gives = {pair: Many(self._by_theme_order(themes)) for pair, themes in helps.items()}
        useful = needs.get(self.vocab.useful_theme, {}) if self.vocab.useful_theme else {}
        # Sentences about a pair (or one group) are shared by many rows: make each once.
        both_ways: dict[tuple[str, str], Phrase | None] = {}
        useful_sentence: dict[str, Phrase | None] = {}
        rows = []
        for (giver, receiver, theme), matches in found.items():
            pair = (giver, receiver)
            if pair not in both_ways:
                back = gives.get((receiver, giver))
                g, r = self.groups[giver].name, self.groups[receiver].name
                both_ways[pair] = Phrase.of("reason.both_ways", giver=g, receiver=r, themes=back) if back else None
            if giver not in useful_sentence:
                cell = useful.get(giver)
                name = self.groups[giver].name
                useful_sentence[giver] = Phrase.of("reason.useful", giver=name, needs=cell.listing()) if cell else None
            rows.append(self._mutual_row(giver, receiver, theme, matches, both_ways[pair], useful_sentence[giver]))
        return rows

    def _mutual_row(
        self,
        giver: str,
        receiver: str,
        theme: str,
        matches: list[tuple[Cell, Cell, Link]],
        both_ways: Phrase | None,
        useful: Phrase | None,
    ) -> Proposal:
        need_cell = matches[0][0]
        best = matches[0][2]  # matches come in the order of links_to: strongest first
        g, r = self.groups[giver].name, self.groups[receiver].name
        resources = Many((cell.listing() for _, cell, _ in matches), separator="; ")
        if best.resource_theme == theme:
            sentences: list[Text] = [
                Phrase.of("reason.mutual.same", giver=g, receiver=r, theme=theme, needs=need_cell.listing(), resources=resources)
            ]
        else:
            strength = round(best.strength)
            sentences = [
                Phrase.of(
                    "reason.mutual.link",
                    giver=g,
                    receiver=r,
                    theme=theme,
                    resource_theme=best.resource_theme,
                    resources=resources,
                    needs=need_cell.listing(),
                    strength_word=Phrase(f"reason.strength.{max(1, min(5, strength))}"),
                    strength=strength,
                )
            ]
            if best.note and best.note.strip():
                sentences.append(best.note.strip())
        score = MUTUAL_BASE + best.strength
        if both_ways:
            sentences.append(both_ways)
            score += BOTH_WAYS_BONUS
        if useful:
            sentences.append(useful)
            score += USEFUL_BONUS
        if need_cell.high:
            sentences.append(Phrase.of("reason.priority", group=r))
            score += HIGH_PRIORITY_BONUS
        cells = [need_cell, *(cell for _, cell, _ in matches)]
        return self._row(
            m.InteractionType.MUTUAL_RESOURCES,
            members=[giver, receiver],
            groups_text=f"{g}{m.GIVER_ARROW}{r}",
            need=need_cell.listing(),
            resource=resources,
            theme=theme,
            receivers={receiver},
            sentences=sentences,
            score=score,
            cells=cells,
            id_parts=(giver, receiver, self._norm_theme(theme)),
        )

    def _common_solutions(self) -> list[Proposal]:
        rows = []
        for theme, by_group in self.cells[m.EntryKind.NEED].items():
            if len(by_group) < 2 or theme == self.vocab.useful_theme:
                continue
            cells = self._ordered(by_group.values())
            names, needs = self._names_and_listing(cells)
            sentences: list[Text] = [Phrase.of("reason.common_solution", groups=Many(names), theme=theme, needs=needs)]
            score = min(SOLUTION_BASE + SOLUTION_PER_EXTRA_GROUP * (len(cells) - 2), SOLUTION_MAX)
            high = [self.groups[c.group].name for c in cells if c.high]
            if high:
                sentences.append(Phrase.of("reason.priority", group=Many(high)))
                score += HIGH_PRIORITY_BONUS
            rows.append(
                self._row(
                    m.InteractionType.COMMON_SOLUTION,
                    members=[c.group for c in cells],
                    groups_text=m.GROUP_LIST_SEPARATOR.join(names),
                    need=needs,
                    resource=None,
                    theme=theme,
                    receivers={c.group for c in cells},
                    sentences=sentences,
                    score=score,
                    cells=cells,
                    id_parts=(self._norm_theme(theme),),
                )
            )
        return rows

    def _names_and_listing(self, cells: list[Cell]) -> tuple[list[str], Many]:
        """The groups' names, and "Group: entries; Group: entries" for a row naming several groups."""
        names = [self.groups[c.group].name for c in cells]
        listing = Many((Phrase.of("reason.group_items", group=name, items=c.listing()) for name, c in zip(names, cells)), "; ")
        return names, listing

    def _common_thirds(self) -> list[Proposal]:
        interests, resources = self.cells[m.EntryKind.INTEREST], self.cells[m.EntryKind.RESOURCE]
        rows = []
        for theme in sorted(set(interests) | set(self.characteristics), key=self._theme_order):
            by_group = dict(interests.get(theme, {}))
            characteristics = self.characteristics.get(theme, [])
            if characteristics:
                for key, cell in resources.get(theme, {}).items():
                    by_group.setdefault(key, cell)
            if len(by_group) < 2:
                continue
            cells = self._ordered(by_group.values())
            names, shared = self._names_and_listing(cells)
            sentences: list[Text] = [Phrase.of("reason.common_third", groups=Many(names), theme=theme, entries=shared)]
            score = THIRD_BASE
            if characteristics:
                sentences.append(Phrase.of("reason.characteristic", characteristics=Many(characteristics)))
                score += CHARACTERISTIC_BONUS
            rows.append(
                self._row(
                    m.InteractionType.COMMON_THIRD,
                    members=[c.group for c in cells],
                    groups_text=m.GROUP_LIST_SEPARATOR.join(names),
                    need=None,
                    resource=shared,
                    theme=theme,
                    receivers=set(),
                    sentences=sentences,
                    score=score,
                    cells=cells,
                    id_parts=(self._norm_theme(theme),),
                )
            )
        return rows

    # --- what every row gets ---------------------------------------------------------------
    def _row(
        self,
        kind: m.InteractionType,
        *,
        members: list[str],
        groups_text: str,
        need: Text | None,
        resource: Text | None,
        theme: str,
        receivers: set[str],
        sentences: list[Text],
        score: float,
        cells: list[Cell],
        id_parts: tuple[str, ...],  # normalized, see interaction_id
    ) -> Proposal:
        external = [self.groups[k].name for k in members if self.groups[k].external]
        if external:
            sentences.append(Phrase.of("reason.external", groups=Many(external)))
        served = self._served(set(members), receivers, theme)
        if served:
            quoted = [Phrase.of("reason.quote", text=p.text) for p in served]
            sentences.append(Phrase.of("reason.purposes", purposes=Many(quoted)))
            score += min(sum(PURPOSE_BONUS + (HIGH_PURPOSE_BONUS if p.high else 0) for p in served), PURPOSES_MAX)
        suggested = next((c for c in cells if c.suggested is not None), None)
        if suggested is not None and suggested.suggested is not None:
            text = shorten(" ".join(str(suggested.suggested.description).split()), QUOTE_MAX)
            sentences.append(
                Phrase.of(
                    "reason.suggested",
                    theme=suggested.theme,
                    description=text,
                    group=self.groups[suggested.group].name,
                    sheet=ph.sheet("step2"),
                )
            )
        return Proposal(
            id=_digest(kind, list(id_parts)),
            type=kind,
            groups=groups_text,
            need=need,
            resource=resource,
            theme=theme,
            scope=m.Scope.EXTERNAL if external else m.Scope.INTERNAL,
            score=round(min(score, SCORE_MAX), 1),
            reasoning=Many(sentences, separator=" "),
            purposes="; ".join(p.text for p in served) or None,
        )

    def _served(self, members: set[str], receivers: set[str], theme: str) -> list[Purpose]:
        """Purposes the row serves: the purpose's words point at its theme (and its target
        group takes part), or a purpose without a theme of its own whose target group is helped."""
        served = []
        for p in self.purposes:
            if p.target is not None and p.target not in members:
                continue
            if (theme in p.themes) if p.themes else (p.target is not None and p.target in receivers):
                served.append(p)
        return served

    # --- helpers --------------------------------------------------------------------------
    def _norm_theme(self, theme: str) -> str:
        key = self._theme_keys.get(theme)
        if key is None:
            key = self._theme_keys[theme] = normalize(theme)
        return key

    def _ordered(self, cells: Iterable[Cell]) -> list[Cell]:
        return sorted(cells, key=lambda c: self.groups[c.group].order)

    def _by_theme_order(self, themes: list[str]) -> list[str]:
        return sorted(themes, key=self._theme_order)

    def _theme_order(self, theme: str | None) -> tuple[int, str]:
        return (self.vocab.order.get(theme or "", len(self.vocab.order)), theme or "")
