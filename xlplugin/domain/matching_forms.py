"""The three forms of interaction, built from step 2's entries indexed by kind, theme and group.

- Benefit from each other's resources: one group's resource meets another group's need, on
  the same theme or through a link of the vocabulary. A row must rest on something a planner
  would keep (see ``Rows.mutual``); it earns the both-ways bonus only when the help back is
  itself strong, and then names it.
- Common solution: two or more groups have the same unmet need (one row naming them all).
- The common third: groups share an interest, or one group's interest meets other groups'
  resources and the needs it can meet through a strong link (a cooking interest and a need
  for company: a food club); a chosen characteristic of the building that points at the
  theme adds the groups with a resource of it.
Pure: texts are phrases (``matching_text``), rendered at the edge.
"""
from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.matching_model import Cell, Group, Proposal, Purpose, Text, interaction_id, shorten
from xlplugin.domain.matching_text import Points, lower
from xlplugin.domain.phrases import Many, Phrase
from xlplugin.domain.vocabulary import FULL_STRENGTH, Link, Vocabulary

QUOTE_MAX = 40  # characters of an entry's text quoted in a reasoning

# Links, on the vocabulary's 1-5 scale (the same theme on both sides is 5).
STRONG = 3.0  # a link this strong carries a row on its own; weaker ones only serve a purpose
FACILITY_LINK = 4.0  # a local actor's facility meets another theme's need only this strongly

# Points, 0-10 (``Points`` names the parts on the row).
SCORE_MAX = 10.0
BOTH_WAYS, USEFUL, HIGH_PRIORITY = 1.5, 1.0, 0.5
PURPOSE, HIGH_PURPOSE, PURPOSES_MAX = 1.0, 0.5, 2.0
TOGETHER_BASE = 4.0  # a common solution's or common third's start
PER_EXTRA_GROUP, EXTRA_GROUPS_MAX = 0.5, 1.5
CHARACTERISTIC, MEETS_NEEDS = 1.0, 1.0


@dataclass
class _Brought:
    """What a giver brings to a need theme through one link (the same for every receiver)."""

    resource: Cell
    link: Link
    without_facilities: bool  # the resource counts only without the giver's facilities

    @property
    def direct(self) -> bool:
        return self.link.strength >= FULL_STRENGTH


@dataclass
class _Match(_Brought):
    need: Cell  # the receiver's


@dataclass(eq=False)
class _Block:
    """What one giver brings to one need theme, and to whom: the rows (giver, receiver, theme)
    for every receiver, who are left after the weak links are sifted, less those joined to
    another row (``removed``); rows of other themes joined to this one (``also``)."""

    theme: str
    giver: str
    matches: list[_Brought]  # strongest first
    strong: bool  # rests on the same theme or a strong link
    receivers: set[str]
    removed: set[str] = field(default_factory=set)
    also: list[tuple[str, list[_Brought], set[str]]] = field(default_factory=list)
    stand_ins: set[str] = field(default_factory=set)  # weak rows shown only if the best for their need
    seq: int = 0  # the order found


class Rows:
    """The index of step 2 (cells per kind, theme and group) and the rows built from it."""

    def __init__(self, vocab: Vocabulary, groups: dict[str, Group], purposes: list[Purpose], characteristics: dict[str, list[str]]):
        self.vocab = vocab
        self.groups = groups
        self.purposes = purposes
        self.characteristics = characteristics
        self.cells: dict[m.EntryKind, dict[str, dict[str, Cell]]] = {k: defaultdict(dict) for k in m.EntryKind}
        self._theme_keys: dict[str, str] = {}
        self._receivers_ranked: dict[str, dict[str, int]] = {}
        self._by_name: dict[str, list[str]] = {}
        self._strong_of_giver: dict[str, list[_Block]] = {}

    # --- benefit from each other's resources ------------------------------------------------
    def candidates(self) -> int:
        """How many (giver, receiver, need theme) combinations the index holds at most."""
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        return sum(
            len(receivers) * sum(len(resources.get(link.resource_theme, {})) for link in self.vocab.links_to(theme))
            for theme, receivers in needs.items()
        )

    def mutual(self, limit: int | None = None) -> tuple[list[Proposal], int]:
        """Rows where a resource meets a need: the ``limit`` best (all if None) and how many
        there are. A row is kept when it rests on the same theme or a strong link (a weak link
        only where the row serves a purpose of step 1, or as the one best answer to a need
        nothing stronger answers); a local actor's facility counts only on its own theme or
        through a very strong link; where both groups have the need, the common solution says
        it, unless the giver brings that very theme or a specific (not general) resource
        through a strong link.

        What a giver brings to a need theme is the same for every receiver, so the work is done
        per giver and need theme (``_Block``), the receivers as sets; rows are scored in classes
        and only the rows shown are built (200 groups hold millions of giver-receiver pairs)."""
        needs = self.cells[m.EntryKind.NEED]
        blocks = self._blocks()
        strong = [b for b in blocks if b.strong]
        strong_of = {(b.giver, b.theme): b for b in strong}
        self._strong_of_giver = defaultdict(list)
        for b in strong:
            self._strong_of_giver[b.giver].append(b)
        self._weak_rows(blocks, strong)
        # Rows that say the same thing are one row: where the giver meets the receiver's need of
        # a theme with that very resource, what the same resource also meets through a link
        # (cooking for the students: food, and company too) joins that row.
        for b in blocks:  # in the order rows were found
            source = b.matches[0].link.resource_theme
            host = strong_of.get((b.giver, source))
            if source == b.theme or host is None or not host.matches[0].direct:
                continue
            if not all(x.link.resource_theme == source for x in b.matches):
                continue
            joined = b.receivers & (host.receivers - host.removed)
            if joined:
                b.removed |= joined
                host.also.append((b.theme, b.matches, joined))
        helps: dict[str, set[str]] = defaultdict(set)  # giver → receivers it helps through a strong link
        for b in strong:
            if not self.groups[b.giver].external:
                helps[b.giver] |= b.receivers - b.removed
        helped_by: dict[str, set[str]] = defaultdict(set)  # giver → receivers who help it back
        for helper, helped in helps.items():
            for r in helped:
                helped_by[r].add(helper)
        useful = self.vocab.useful_theme
        useful_givers = needs.get(useful, {}) if useful else {}
        targets = {p.target for p in self.purposes if p.target is not None}
        purpose_themes = {t for p in self.purposes for t in p.themes}  # a joined theme changes only these points
        high_of: dict[str, set[str]] = {}
        tentative_of: dict[str, set[str]] = {}  # need theme → receivers whose need rests on a tentative theme
        # (tentative, score, link, block, receivers): a row whose side rests only on tentative
        # themes comes after the others of its form (see ``_row``)
        classes: list[tuple[bool, float, float, _Block, set[str]]] = []
        stand_ins: list[tuple[bool, float, _Block, str]] = []
        for b in blocks:
            rows = b.receivers - b.removed
            if not rows:
                continue
            link = b.matches[0].link.strength
            cells = needs[b.theme]
            if b.theme not in high_of:
                high_of[b.theme] = {r for r, cell in cells.items() if cell.high}
                tentative_of[b.theme] = {r for r, cell in cells.items() if cell.tentative}
            is_useful = b.giver in useful_givers
            giver_tentative = all(x.resource.tentative for x in b.matches)
            tentative_here = tentative_of[b.theme]
            # a joined theme changes a row's points only through a purpose, its side's tentativeness
            # only where the receiver's need here is tentative
            special = rows & targets | {
                r for t, _, joined in b.also for r in joined if t in purpose_themes or r in tentative_here
            }
            if not b.strong:
                for r in rows:
                    score = self._score(b, r, link, r in helped_by[b.giver], is_useful, cells[r].high)
                    tentative = giver_tentative or self._receiver_tentative(b, r)
                    if r in b.stand_ins:
                        stand_ins.append((tentative, score, b, r))
                    else:
                        classes.append((tentative, score, link, b, {r}))
                continue
            for r in special:
                score = self._score(b, r, link, r in helped_by[b.giver], is_useful, cells[r].high)
                classes.append((giver_tentative or self._receiver_tentative(b, r), score, link, b, {r}))
            generic = rows - special
            if not generic:
                continue
            back = generic & helped_by[b.giver]
            high = generic & high_of[b.theme]
            tentative_receivers = generic & tentative_here
            for has_back, has_high, has_tentative in itertools.product((True, False), repeat=3):
                members = (
                    (back if has_back else generic - back)
                    & (high if has_high else generic - high)
                    & (tentative_receivers if has_tentative else generic - tentative_receivers)
                )
                if members:
                    score = self._score(b, None, link, has_back, is_useful, has_high)
                    classes.append((giver_tentative or has_tentative, score, link, b, members))
        # A stand-in (a weak link, shown as the best answer to an unanswered need) is shown only
        # if no other stand-in for that need scores more
        best: dict[tuple[str, str], float] = defaultdict(float)
        for _, score, b, r in stand_ins:
            best[(r, b.theme)] = max(best[(r, b.theme)], score)
        classes += [
            (tentative, score, b.matches[0].link.strength, b, {r}) for tentative, score, b, r in stand_ins if score >= best[(r, b.theme)]
        ]
        total = sum(len(members) for *_, members in classes)
        return [self._mutual_row(b, r) for b, r in self._best(classes, limit)], total

    def _blocks(self) -> list[_Block]:
        """Per need theme and giver, what the giver brings (in the order of ``links_to``), and
        the receivers; strong blocks first, each kind in the order first found."""
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        strong: list[_Block] = []
        weak: list[_Block] = []
        for need_theme, receivers in needs.items():
            brought: dict[str, list[_Brought]] = {}
            for link in self.vocab.links_to(need_theme):
                direct = link.strength >= FULL_STRENGTH
                for giver, resource_cell in resources.get(link.resource_theme, {}).items():
                    without = self.groups[giver].external and not direct and link.strength < FACILITY_LINK
                    if without and not resource_cell.has_people:
                        continue
                    brought.setdefault(giver, []).append(_Brought(resource_cell, link, without))
            for giver, matches in brought.items():
                others = receivers.keys() - {giver}
                if not others:
                    continue
                if self.groups[giver].vulnerable and need_theme in self.vocab.care_themes and not matches[0].direct:
                    continue  # a vulnerable group's free time is no reason to give it care for others
                kept = [x for x in matches if x.link.strength >= STRONG]
                shared = giver in receivers
                if shared:  # a shared need: the common solution's row
                    kept = [x for x in kept if x.direct or x.link.resource_theme not in self.vocab.general]
                if kept:
                    strong.append(_Block(need_theme, giver, kept, True, set(others)))
                elif not shared:
                    weak.append(_Block(need_theme, giver, matches, False, set(others)))
        for seq, b in enumerate(strong + weak):
            b.seq = seq
        return strong + weak

    def _weak_rows(self, blocks: list[_Block], strong: list[_Block]) -> None:
        """A weak link is shown where step 1 asks for this group and theme, or where the need
        gets no stronger answer at all: then only the strongest of the weak ones, and of those
        only the best row (the most points: help back, a giver who wants to be useful), not
        every group that has free time. Narrows each weak block's receivers to those."""
        givers: dict[str, set[str]] = defaultdict(set)  # need theme → givers with a strong link
        for b in strong:
            givers[b.theme].add(b.giver)
        weak_by_theme: dict[str, list[_Block]] = defaultdict(list)
        for b in blocks:
            if not b.strong:
                weak_by_theme[b.theme].append(b)
        for theme, weak in weak_by_theme.items():
            # the strongest weak link a receiver gets (not from itself): the two best givers tell
            ranked = sorted(((b.matches[0].link.strength, b.giver) for b in weak), reverse=True)[:2]
            asked = {p.target for p in self.purposes if p.target is not None and theme in p.themes}
            answered_by = givers.get(theme, set())
            for b in weak:
                strength = b.matches[0].link.strength
                keep: set[str] = set()
                for r in b.receivers if len(answered_by) < 2 else b.receivers & asked:
                    is_asked = r in asked
                    best_weak = next((s for s, giver in ranked if giver != r), 0.0)
                    if is_asked or (not answered_by - {r} and strength >= best_weak):
                        keep.add(r)
                        if not is_asked:
                            b.stand_ins.add(r)
                b.receivers = keep

    def _score(self, b: _Block, receiver: str | None, link: float, back: bool, useful: bool, high: bool) -> float:
        """The points ``_mutual_row`` gives (the same parts, added in the same order), without
        its texts; ``receiver`` None: one who is no purpose's target group and gets no themes joined."""
        parts = [link]
        if back:
            parts.append(BOTH_WAYS)
        if useful:
            parts.append(USEFUL)
        if high:
            parts.append(HIGH_PRIORITY)
        if receiver is None:
            themes, members, receivers = [b.theme], {b.giver}, set()
        else:
            themes = [b.theme, *(t for t, _, joined in b.also if receiver in joined)]
            members, receivers = {b.giver, receiver}, {receiver}
        served = dict.fromkeys(p for t in themes for p in self._served(members, receivers, t))
        if served:
            parts.append(min(sum(PURPOSE + (HIGH_PURPOSE if p.high else 0) for p in served), PURPOSES_MAX))
        return round(min(sum(parts), SCORE_MAX), 1)

    def _receiver_tentative(self, b: _Block, receiver: str) -> bool:
        """The receiver's side of a row rests only on tentative themes: its need here and those joined."""
        needs = self.cells[m.EntryKind.NEED]
        return needs[b.theme][receiver].tentative and all(
            needs[t][receiver].tentative for t, _, joined in b.also if receiver in joined
        )

    def _best(self, classes: list[tuple[bool, float, float, _Block, set[str]]], limit: int | None) -> list[tuple[_Block, str]]:
        """The ``limit`` rows first in the order rows are shown (tentative, score, link, groups,
        theme), in the order they were found (which breaks ties as a stable sort of every row would)."""
        classes = sorted(classes, key=lambda c: (c[0], -c[1], -c[2]))
        taken: list[tuple[_Block, str]] = []
        i = 0
        while i < len(classes) and (limit is None or len(taken) < limit):
            j = i
            while j < len(classes) and classes[j][:3] == classes[i][:3]:
                j += 1
            tied = classes[i:j]
            if limit is None or sum(len(members) for *_, members in tied) <= limit - len(taken):
                taken += [(b, r) for *_, b, members in tied for r in members]
            else:  # each class in the order of its receivers' names, merged, as far as needed
                merged = heapq.merge(*(self._in_tie_order(b, members) for *_, b, members in tied))
                taken += [(b, r) for _, b, r in itertools.islice(merged, limit - len(taken))]
            i = j
        return sorted(taken, key=self._found_order)

    def _in_tie_order(self, b: _Block, members: set[str]) -> Iterator[tuple[tuple[str, tuple[int, str], tuple[int, int]], _Block, str]]:
        """A block's rows to ``members`` by groups (the giver's name, then the receiver's), theme
        and the order found, each with that key."""
        giver = f"{self.groups[b.giver].name}{m.GIVER_ARROW}"
        theme = self.theme_order(b.theme)
        order = self._receiver_order(b.theme)
        for r in self._receivers_by_name(b.theme):
            if r in members:
                yield (giver + self.groups[r].name, theme, (b.seq, order[r])), b, r

    def _receivers_by_name(self, theme: str) -> list[str]:
        ranked = self._by_name.get(theme)
        if ranked is None:
            order = self._receiver_order(theme)
            ranked = self._by_name[theme] = sorted(order, key=lambda r: (self.groups[r].name, order[r]))
        return ranked

    def _found_order(self, row: tuple[_Block, str]) -> tuple[int, int]:
        b, receiver = row
        return (b.seq, self._receiver_order(b.theme)[receiver])

    def _receiver_order(self, theme: str) -> dict[str, int]:
        order = self._receivers_ranked.get(theme)
        if order is None:
            order = self._receivers_ranked[theme] = {r: i for i, r in enumerate(self.cells[m.EntryKind.NEED][theme])}
        return order

    def _mutual_row(self, b: _Block, receiver: str) -> Proposal:
        needs = self.cells[m.EntryKind.NEED]
        matches = [_Match(x.resource, x.link, x.without_facilities, needs[b.theme][receiver]) for x in b.matches]
        back: list[str] = []
        if not self.groups[receiver].external:  # the themes the receiver helps the giver with
            back = [c.theme for c in self._strong_of_giver.get(receiver, ()) if b.giver in c.receivers and b.giver not in c.removed]
        also = [
            (theme, [_Match(x.resource, x.link, x.without_facilities, needs[theme][receiver]) for x in joined_matches])
            for theme, joined_matches, joined in b.also
            if receiver in joined
        ]
        return self._mutual_text(b.giver, receiver, b.theme, matches, back, also)

    def _mutual_text(
        self, giver: str, receiver: str, theme: str, matches: list[_Match], back: list[str], also: list[tuple[str, list[_Match]]]
    ) -> Proposal:
        best = matches[0]  # in the order of links_to: strongest first
        need_cell = best.need
        g, r = self.groups[giver], self.groups[receiver]
        words = {"giver": g.said(start=True), "receiver": r.said(), "theme": lower(theme)}
        sentences: list[Text] = []
        note = (best.link.note or "").strip().rstrip(".")
        if best.direct:
            sentences.append(Phrase.of("reason.mutual.same", **words))
        elif note:  # the link's own note says how: "tid og fleksibilitet gør det muligt at …"
            sentences.append(Phrase.of("reason.mutual.note", note=lower(note), **words))
        else:
            sentences.append(Phrase.of("reason.mutual.link", resource_theme=lower(best.link.resource_theme), **words))
        if also:
            themes = Many(lower(t) for t, _ in sorted(also, key=lambda a: self.theme_order(a[0])))
            sentences.append(Phrase.of("reason.also", receiver=r.said(), themes=themes))
        points = Points([("link", best.link.strength)], SCORE_MAX)
        if back:
            ranked = [lower(t) for t in sorted(back, key=self.theme_order)]
            more = len(ranked) - 1  # the first theme named, the others counted
            key = "reason.both_ways" if not more else "reason.both_ways.one_more" if more == 1 else "reason.both_ways.more"
            sentences.append(Phrase.of(key, receiver=r.said(), theme=ranked[0], n=more))
            points.add("both_ways", BOTH_WAYS)
        useful = self.vocab.useful_theme
        if useful and giver in self.cells[m.EntryKind.NEED].get(useful, {}):
            sentences.append(Phrase.of("reason.useful", giver=g.said(start=True)))
            points.add("useful", USEFUL)
        if need_cell.high:
            points.add("priority", HIGH_PRIORITY)
        caution = None
        if g.vulnerable and theme in self.vocab.care_themes:
            caution = Phrase.of("reason.caution", giver=g.said(start=True), theme=lower(theme))
        resources = Many((x.resource.listing(x.without_facilities) for x in matches), separator="; ")
        return self._row(
            m.InteractionType.MUTUAL_RESOURCES,
            members=[giver, receiver],
            groups_text=f"{g.name}{m.GIVER_ARROW}{r.name}",
            need=Many([need_cell.listing(), *(more[0].need.listing() for _, more in also)], separator="; "),
            resource=resources,
            theme=theme,
            receivers={receiver},
            sentences=sentences,
            points=points,
            cells=[need_cell, *(x.resource for x in matches), *(more[0].need for _, more in also)],
            id_parts=(giver, receiver, theme),
            link=best.link.strength,
            caution=caution,
            also_themes=tuple(t for t, _ in also),
        )

    # --- common solution --------------------------------------------------------------------
    def solutions(self) -> list[Proposal]:
        rows = []
        for theme, by_group in self.cells[m.EntryKind.NEED].items():
            if len(by_group) < 2 or theme == self.vocab.useful_theme:
                continue
            cells = self.ordered(by_group.values())
            names, needs = self._names_and_listing(cells)
            sentences: list[Text] = [Phrase.of("reason.common_solution", groups=names, theme=lower(theme))]
            points = Points([("together", TOGETHER_BASE)], SCORE_MAX)
            points.add("groups", min(PER_EXTRA_GROUP * (len(cells) - 2), EXTRA_GROUPS_MAX))
            if any(c.high for c in cells):
                points.add("priority", HIGH_PRIORITY)
            rows.append(
                self._row(
                    m.InteractionType.COMMON_SOLUTION,
                    members=[c.group for c in cells],
                    groups_text=m.GROUP_LIST_SEPARATOR.join(self.groups[c.group].name for c in cells),
                    need=needs,
                    resource=None,
                    theme=theme,
                    receivers={c.group for c in cells},
                    sentences=sentences,
                    points=points,
                    cells=cells,
                    id_parts=(theme,),
                )
            )
        return rows

    # --- the common third -------------------------------------------------------------------
    def thirds(self) -> list[Proposal]:
        interests, resources, needs = (self.cells[k] for k in (m.EntryKind.INTEREST, m.EntryKind.RESOURCE, m.EntryKind.NEED))
        rows = []
        for theme in sorted(set(interests) | set(self.characteristics), key=self.theme_order):
            sharing = dict(interests.get(theme, {}))
            characteristics = self.characteristics.get(theme, [])
            bringing = {k: c for k, c in resources.get(theme, {}).items() if k not in sharing and (sharing or characteristics)}
            met = self._needs_met(theme, needs, exclude=self.vocab.useful_theme) if sharing else {}
            members = {*sharing, *bringing, *met}
            if len(sharing) + len(bringing) < 2 and not (sharing and met.keys() - sharing.keys()):
                continue
            if len(members) < 2:
                continue
            cells = self.ordered([*sharing.values(), *bringing.values()])
            names, shared = self._names_and_listing(cells)
            sentences: list[Text] = [Phrase.of("reason.common_third", groups=names, theme=lower(theme))]
            points = Points([("together", TOGETHER_BASE)], SCORE_MAX)
            points.add("groups", min(PER_EXTRA_GROUP * (len(sharing) - 2), EXTRA_GROUPS_MAX) if len(sharing) > 2 else 0)
            if characteristics:
                sentences.append(Phrase.of("reason.characteristic", characteristics=Many(lower(c) for c in characteristics)))
                points.add("characteristic", CHARACTERISTIC)
            need_text: Text | None = None
            if met:
                met_cells = self.ordered(c for cs in met.values() for c in cs)
                need_groups = Many(dict.fromkeys(self.groups[c.group].said() for c in met_cells))
                need_themes = Many(lower(t) for t in sorted({c.theme for c in met_cells}, key=self.theme_order))
                sentences.append(Phrase.of("reason.third_meets", groups=need_groups, themes=need_themes, theme=lower(theme)))
                points.add("meets_needs", MEETS_NEEDS)
                need_text = self._names_and_listing(met_cells)[1]
            rows.append(
                self._row(
                    m.InteractionType.COMMON_THIRD,
                    members=list(members),
                    groups_text=m.GROUP_LIST_SEPARATOR.join(self.groups[k].name for k in self.ordered_keys(members)),
                    need=need_text,
                    resource=shared,
                    theme=theme,
                    receivers=set(met),
                    sentences=sentences,
                    points=points,
                    cells=cells,
                    id_parts=(theme,),
                )
            )
        return rows

    def _needs_met(self, theme: str, needs: dict[str, dict[str, Cell]], exclude: str | None) -> dict[str, list[Cell]]:
        """Groups whose needs an activity on ``theme`` can meet through a strong link (a need of
        the same theme is the common solution's)."""
        met: dict[str, list[Cell]] = defaultdict(list)
        for need_theme, by_group in needs.items():
            if need_theme == exclude:
                continue
            if any(k.resource_theme == theme and k.strength >= STRONG for k in self.vocab.links_to(need_theme)[1:]):
                for key, cell in by_group.items():
                    met[key].append(cell)
        return met

    # --- what every row gets ----------------------------------------------------------------
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
        points: Points,
        cells: list[Cell],
        id_parts: tuple[str, ...],
        link: float | None = None,
        caution: Phrase | None = None,
        also_themes: tuple[str, ...] = (),  # themes the row meets besides its own
    ) -> Proposal:
        external = any(self.groups[k].external for k in members)
        served = list(dict.fromkeys(p for t in (theme, *also_themes) for p in self._served(set(members), receivers, t)))
        if served:
            points.add("purposes", min(sum(PURPOSE + (HIGH_PURPOSE if p.high else 0) for p in served), PURPOSES_MAX))
        notes: list[Phrase] = [caution] if caution is not None else []
        suggested = next((c.suggested for c in cells if c.suggested is not None), None)
        if suggested is not None:
            text = shorten(" ".join(str(suggested.description).split()), QUOTE_MAX)
            notes.append(Phrase.of("reason.suggested", description=text, sheet=ph.sheet("step2")))
        key = interaction_id(kind, *id_parts)
        sides: dict[str, bool] = {}
        for c in cells:
            sides[c.group] = sides.get(c.group, True) and c.tentative
        return Proposal(
            key=key,
            id=key,  # until the sheet gives the row its readable ID (actions.match)
            type=kind,
            groups=groups_text,
            need=need,
            resource=resource,
            theme=theme,
            scope=m.Scope.EXTERNAL if external else m.Scope.INTERNAL,
            link=link,
            score=points.total,
            points=points.phrase(),
            reasoning=Many(sentences, separator=" "),
            caution=Many(notes, separator=" ") if notes else None,
            purposes="; ".join(p.text for p in served) or None,
            tentative=any(sides.values()),
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

    def _names_and_listing(self, cells: list[Cell]) -> tuple[Many, Many]:
        """The groups in running text (the first starts the sentence), and "Group: entries; …"."""
        keys = list(dict.fromkeys(c.group for c in cells))
        names = Many(self.groups[k].said(start=i == 0) for i, k in enumerate(keys))
        listing = Many((Phrase.of("reason.group_items", group=self.groups[c.group].name, items=c.listing()) for c in cells), "; ")
        return names, listing

    # --- order ------------------------------------------------------------------------------
    def ordered(self, cells: Iterable[Cell]) -> list[Cell]:
        return sorted(cells, key=lambda c: (self.groups[c.group].order, self.theme_order(c.theme)))

    def ordered_keys(self, keys: Iterable[str]) -> list[str]:
        return sorted(keys, key=lambda k: self.groups[k].order)

    def theme_order(self, theme: str | None) -> tuple[int, str]:
        return (self.vocab.order.get(theme or "", len(self.vocab.order)), theme or "")
