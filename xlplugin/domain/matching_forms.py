"""The three forms of interaction, built from step 2's entries indexed by kind, theme and group.

- Benefit from each other's resources: one group's resource meets another group's need, on
  the same theme or through a link of the vocabulary. A row must rest on something a planner
  would keep (see ``Rows.mutual``); it earns the both-ways bonus only when the help back is
  itself strong, and then names it. One giver's help with the same need for several groups is
  one row naming them all; a local actor asking for time gets hands from groups that need to be
  of use.
- Common solution: two or more groups have the same unmet need (one row naming them all), or
  an akin one the solution meets as well (``_akin``).
- The common third: groups share an interest, or one group's interest meets other groups'
  resources and the needs it can meet through a strong link (a cooking interest and a need
  for company: a food club); a chosen characteristic of the building that points at the
  theme adds the groups with a resource of it.
Pure: texts are phrases (``matching_text``), rendered at the edge.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

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
    hands: bool = False  # a local actor's call for helpers answered by wanting to be of use (``_helpers``)

    @property
    def direct(self) -> bool:
        return self.link.strength >= FULL_STRENGTH


@dataclass
class _Match(_Brought):
    need: Cell = field(kw_only=True)  # the receiver's


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
    full: bool = True  # for every other group with the need (else some got more: ``_helpers``)


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
        self._strong_of_giver: dict[str, list[_Block]] = {}
        self._rank: dict[str, int] = {}  # group → its order (``_group_rank``)

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
        and only the rows shown are built (200 groups hold millions of giver-receiver pairs).
        One giver's help with one need theme is one row naming all its receivers (round 7):
        ``limit`` and the count are of those rows."""
        needs = self.cells[m.EntryKind.NEED]
        blocks = self._blocks()
        strong = [b for b in blocks if b.strong]
        strong_of: dict[tuple[str, str], list[_Block]] = defaultdict(list)
        for b in strong:
            strong_of[(b.giver, b.theme)].append(b)
        self._strong_of_giver = defaultdict(list)
        for b in strong:
            self._strong_of_giver[b.giver].append(b)
        self._weak_rows(blocks, strong)
        # Rows that say the same thing are one row: where the giver meets the receiver's need of
        # a theme with that very resource, what the same resource also meets through a link
        # (cooking for the students: food, and company too) joins that row.
        for b in blocks:  # in the order rows were found
            source = b.matches[0].link.resource_theme
            if source == b.theme or not all(x.link.resource_theme == source for x in b.matches):
                continue
            for host in strong_of.get((b.giver, source), ()):
                if not host.matches[0].direct:
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
        return self._merged_best(classes, limit)

    def _blocks(self) -> list[_Block]:
        """Per need theme and giver, what the giver brings (in the order of ``links_to``), and
        the receivers; strong blocks first, each kind in the order first found. Receivers to
        whom the giver brings more (``_helpers``) get a block of their own."""
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        extra: dict[tuple[str, str], dict[str, list[_Brought]]] = defaultdict(dict)  # (need theme, giver) → receiver → more
        for giver, receiver, theme, brings in self._helpers():
            if giver != receiver:
                extra[(theme, giver)].setdefault(receiver, []).append(brings)
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
                if others:
                    self._add_blocks(need_theme, giver, matches, others, extra.pop((need_theme, giver), {}), strong, weak)
        for (need_theme, giver), more in extra.items():  # givers only ``_helpers`` found: after the others, as found
            self._add_blocks(need_theme, giver, [], set(), more, strong, weak)
        for seq, b in enumerate(strong + weak):
            b.seq = seq
        return strong + weak

    def _add_blocks(
        self,
        theme: str,
        giver: str,
        matches: list[_Brought],
        others: set[str],
        more: dict[str, list[_Brought]],
        strong: list[_Block],
        weak: list[_Block],
    ) -> None:
        """The blocks of one giver and need theme: the receivers to whom it brings ``matches``,
        and those to whom it brings more as well, each set with what it gets."""
        parts: dict[tuple[tuple[int, int, bool, bool], ...], tuple[list[_Brought], set[str]]] = {}
        plain = others - more.keys()
        if plain:
            parts[()] = (matches, plain)
        for receiver, brought in more.items():
            key = tuple((id(x.resource), id(x.link), x.without_facilities, x.hands) for x in brought)
            parts.setdefault(key, ([*matches, *brought], set()))[1].add(receiver)
        shared = giver in self.cells[m.EntryKind.NEED].get(theme, {})
        for found, receivers in parts.values():
            if self.groups[giver].vulnerable and theme in self.vocab.care_themes and not found[0].direct:
                continue  # a vulnerable group's free time is no reason to give it care for others
            kept = [x for x in found if x.link.strength >= STRONG]
            if shared:  # a shared need: the common solution's row
                kept = [x for x in kept if x.direct or x.link.resource_theme not in self.vocab.general]
            if kept:
                strong.append(_Block(theme, giver, kept, True, receivers, full=not more))
            elif not shared:
                weak.append(_Block(theme, giver, found, False, receivers, full=not more))

    def _helpers(self) -> list[tuple[str, str, str, _Brought]]:
        """A local actor that asks for time (the village hall's board needs hands) is answered
        by a resident group that needs to be of use, whatever its resources say: (giver,
        receiver, need theme, what it brings). Round 7 tried wider calls and measured them on
        every estate: any need of an actor answered by a group that needs to be of use and has
        time (2 rows kept, 6 unhelpful), and by a group's interest in what the actor offers
        (1 kept, 9 unhelpful)."""
        needs = self.cells[m.EntryKind.NEED]
        useful = self.vocab.useful_theme
        if not useful:
            return []
        hands = Link(useful, STRONG, None)
        givers = [(g, _Brought(cell, hands, False, True)) for g, cell in needs.get(useful, {}).items() if not self.groups[g].external]
        found: list[tuple[str, str, str, _Brought]] = []
        for need_theme, receivers in needs.items():
            if need_theme in self.vocab.general:
                for receiver in receivers:
                    if self.groups[receiver].external:
                        found += [(giver, receiver, need_theme, brought) for giver, brought in givers]
        return found

    def _weak_rows(self, blocks: list[_Block], strong: list[_Block]) -> None:
        """A weak link is shown where step 1 asks for this group and theme, or where the need
        gets no stronger answer at all: then only the strongest of the weak ones, and of those
        only the best row (the most points: help back, a giver who wants to be useful), not
        every group that has free time. Narrows each weak block's receivers to those."""
        givers: dict[str, set[str]] = defaultdict(set)  # need theme → givers with a strong link to every other group
        partial: dict[str, list[_Block]] = defaultdict(list)  # need theme → strong blocks for some of them
        for b in strong:
            if b.full:
                givers[b.theme].add(b.giver)
            else:
                partial[b.theme].append(b)
        weak_by_theme: dict[str, list[_Block]] = defaultdict(list)
        for b in blocks:
            if not b.strong:
                weak_by_theme[b.theme].append(b)
        for theme, weak in weak_by_theme.items():
            # the strongest weak link a receiver gets (not from itself): strongest first, each
            # block with the receivers it had (None: every other group)
            ranked = sorted(
                ((b.matches[0].link.strength, b.giver, None if b.full else set(b.receivers)) for b in weak), key=lambda x: -x[0]
            )
            asked = {p.target for p in self.purposes if p.target is not None and theme in p.themes}
            answered_by = givers.get(theme, set())
            some = partial.get(theme, [])
            for b in weak:
                strength = b.matches[0].link.strength
                keep: set[str] = set()
                for r in b.receivers if len(answered_by) < 2 else b.receivers & asked:
                    is_asked = r in asked
                    if not is_asked and (answered_by - {r} or any(r in s.receivers for s in some)):
                        continue
                    best_weak = next((s for s, giver, rs in ranked if (giver != r if rs is None else r in rs)), 0.0)
                    if is_asked or strength >= best_weak:
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

    def _merged_best(self, classes: list[tuple[bool, float, float, _Block, set[str]]], limit: int | None) -> tuple[list[Proposal], int]:
        """One giver's help with one need theme is one row naming every receiver (``_merged_row``):
        the classes per giver and theme, the ``limit`` first in the order rows are shown
        (tentative, score, link, groups, theme) built, in the order found; and how many there are."""
        units: dict[tuple[str, str], list[tuple[bool, float, float, _Block, set[str]]]] = defaultdict(list)
        for c in classes:
            units[(c[3].giver, c[3].theme)].append(c)
        keyed: list[tuple[bool, float, float, list[tuple[bool, float, float, _Block, set[str]]]]] = []
        for unit in units.values():
            link = unit[0][2]
            if any(c[2] != link for c in unit):  # the best row's link
                link = self._base(unit)[0][2]
            keyed.append((all(c[0] for c in unit), -max(c[1] for c in unit), -link, unit))
        keyed.sort(key=lambda k: k[:3])
        taken: list[list[tuple[bool, float, float, _Block, set[str]]]] = []
        i = 0
        while i < len(keyed) and (limit is None or len(taken) < limit):
            j = i
            while j < len(keyed) and keyed[j][:3] == keyed[i][:3]:
                j += 1
            tied = [k[3] for k in keyed[i:j]]
            if limit is not None and len(tied) > limit - len(taken):  # by groups, theme and the order found
                named = sorted(((self._tie_order(unit), unit) for unit in tied), key=lambda x: x[0])
                tied = []
                for _, same in itertools.groupby(named, key=lambda x: x[0]):  # equal groups and theme: rare
                    units_same = [unit for _, unit in same]
                    tied += units_same if len(units_same) == 1 else sorted(units_same, key=self._unit_found)
                tied = tied[: limit - len(taken)]
            taken += tied
            i = j
        taken.sort(key=self._unit_found)
        return [self._unit_row(unit) for unit in taken], len(units)

    def _base(self, unit: list[tuple[bool, float, float, _Block, set[str]]]) -> tuple[tuple[bool, float, float, _Block, set[str]], str]:
        """The row whose points and reasoning a merged row takes: the most points, then the
        receiver first in the groups' order."""
        score = max(c[1] for c in unit)
        return min(((c, r) for c in unit if c[1] == score for r in c[4]), key=lambda x: self.groups[x[1]].order)

    def _unit_receivers(self, unit: list[tuple[bool, float, float, _Block, set[str]]]) -> list[tuple[_Block, str]]:
        rank = self._group_rank()
        return sorted(((c[3], r) for c in unit for r in c[4]), key=lambda x: rank[x[1]])

    def _group_rank(self) -> dict[str, int]:
        if len(self._rank) != len(self.groups):
            self._rank = {k: g.order for k, g in self.groups.items()}
        return self._rank

    def _tie_order(self, unit: list[tuple[bool, float, float, _Block, set[str]]]) -> tuple[str, tuple[int, str]]:
        b = unit[0][3]
        receivers = [r for c in unit for r in c[4]]
        receivers.sort(key=self._group_rank().__getitem__)
        names = m.GROUP_LIST_SEPARATOR.join([self.groups[r].name for r in receivers])
        return (f"{self.groups[b.giver].name}{m.GIVER_ARROW}{names}", self.theme_order(b.theme))

    def _unit_found(self, unit: list[tuple[bool, float, float, _Block, set[str]]]) -> tuple[int, int]:
        """Where the unit's first row was found."""
        seq = min(c[3].seq for c in unit)
        order = self._receiver_order(unit[0][3].theme)
        return (seq, min(order[r] for c in unit if c[3].seq == seq for r in c[4]))

    def _unit_row(self, unit: list[tuple[bool, float, float, _Block, set[str]]]) -> Proposal:
        pairs = self._unit_receivers(unit)
        (_, _, _, base_block, _), base_receiver = self._base(unit)
        base = self._mutual_row(base_block, base_receiver)
        if len(pairs) == 1:
            return base
        return self._merged_row(base, pairs, all(c[0] for c in unit))

    def _merged_row(self, base: Proposal, pairs: list[tuple[_Block, str]], tentative: bool) -> Proposal:
        """The rows of one giver and need theme for several receivers (in the groups' order) as
        one row: the best row's points and reasoning, its first sentence naming every receiver;
        the needs, purposes and scope of all of them."""
        needs = self.cells[m.EntryKind.NEED]
        giver, theme = pairs[0][0].giver, pairs[0][0].theme
        receivers = [r for _, r in pairs]
        first, *rest = base.reasoning.items
        if isinstance(first, Phrase):
            said = Many(self.groups[k].said() for k in receivers)
            first = Phrase(first.key, tuple((k, said if k == "receiver" else v) for k, v in first.params))
        served: dict[str, None] = {}
        need_items: list[Phrase] = []
        targets = {p.target for p in self.purposes}
        seen: set[tuple[str | None, tuple[str, ...]]] = set()  # a receiver no purpose targets serves what the giver does
        for b, r in pairs:
            joined = tuple(t for t, _, to in b.also if r in to)
            if (r if r in targets else None, joined) not in seen:
                seen.add((r if r in targets else None, joined))
                purposes = dict.fromkeys(p for t in (theme, *joined) for p in self._served({giver, r}, {r}, t))
                text = "; ".join(p.text for p in purposes)
                if text:
                    served.update(dict.fromkeys(text.split("; ")))
            listing = Many([needs[theme][r].listing(), *(needs[t][r].listing() for t in joined)], separator="; ")
            need_items.append(Phrase.of("reason.group_items", group=self.groups[r].name, items=listing))
        key = interaction_id(m.InteractionType.MUTUAL_RESOURCES, giver, *receivers, theme)
        external = self.groups[giver].external or any(self.groups[r].external for r in receivers)
        return replace(
            base,
            key=key,
            id=key,
            groups=f"{self.groups[giver].name}{m.GIVER_ARROW}{m.GROUP_LIST_SEPARATOR.join(self.groups[r].name for r in receivers)}",
            need=Many(need_items, "; "),
            scope=m.Scope.EXTERNAL if external else m.Scope.INTERNAL,
            reasoning=Many([first, *rest], separator=" "),
            purposes="; ".join(served) or None,
            tentative=tentative,
        )

    def _receiver_order(self, theme: str) -> dict[str, int]:
        order = self._receivers_ranked.get(theme)
        if order is None:
            order = self._receivers_ranked[theme] = {r: i for i, r in enumerate(self.cells[m.EntryKind.NEED][theme])}
        return order

    def _mutual_row(self, b: _Block, receiver: str) -> Proposal:
        needs = self.cells[m.EntryKind.NEED]
        matches = [_Match(x.resource, x.link, x.without_facilities, x.hands, need=needs[b.theme][receiver]) for x in b.matches]
        back: list[str] = []
        if not self.groups[receiver].external:  # the themes the receiver helps the giver with
            back = [c.theme for c in self._strong_of_giver.get(receiver, ()) if b.giver in c.receivers and b.giver not in c.removed]
        also = [
            (theme, [_Match(x.resource, x.link, x.without_facilities, x.hands, need=needs[theme][receiver]) for x in joined_matches])
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
        if best.hands:
            sentences.append(Phrase.of("reason.mutual.hands", **words))
        elif best.direct:
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
        need_cells = self.cells[m.EntryKind.NEED]
        for theme, own in need_cells.items():
            by_group = dict(own)
            for akin in self._akin(theme):  # the same need in other words: a café for company and safety
                for key, cell in need_cells.get(akin, {}).items():
                    by_group.setdefault(key, cell)
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

    def _akin(self, theme: str) -> list[str]:
        """Need themes a solution for ``theme`` meets as well, strongly, and that meet ``theme``
        back (a meeting place for company makes the courtyard safer, and neighbours one knows
        are company): their groups join the common solution on ``theme``. Only where the link
        back is weaker, so the two themes do not give two rows naming the same groups."""
        akin = []
        for other in self.cells[m.EntryKind.NEED]:
            if other == theme:
                continue
            there = next((k.strength for k in self.vocab.links_to(other) if k.resource_theme == theme), 0.0)
            back = next((k.strength for k in self.vocab.links_to(theme) if k.resource_theme == other), 0.0)
            if there >= STRONG and 0 < back < there:
                akin.append(other)
        return akin

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
