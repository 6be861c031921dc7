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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

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
class _Match:
    need: Cell
    resource: Cell
    link: Link
    without_facilities: bool  # the resource counts only without the giver's facilities
    hands: bool = False  # a local actor's call for helpers answered by wanting to be of use (``_helpers``)

    @property
    def direct(self) -> bool:
        return self.link.strength >= FULL_STRENGTH


class Rows:
    """The index of step 2 (cells per kind, theme and group) and the rows built from it."""

    def __init__(self, vocab: Vocabulary, groups: dict[str, Group], purposes: list[Purpose], characteristics: dict[str, list[str]]):
        self.vocab = vocab
        self.groups = groups
        self.purposes = purposes
        self.characteristics = characteristics
        self.cells: dict[m.EntryKind, dict[str, dict[str, Cell]]] = {k: defaultdict(dict) for k in m.EntryKind}
        self._theme_keys: dict[str, str] = {}

    # --- benefit from each other's resources ------------------------------------------------
    def candidates(self) -> int:
        """How many (giver, receiver, need theme) combinations the index holds at most."""
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        return sum(
            len(receivers) * sum(len(resources.get(link.resource_theme, {})) for link in self.vocab.links_to(theme))
            for theme, receivers in needs.items()
        )

    def mutual(self) -> list[Proposal]:
        """Rows where a resource meets a need. A row is kept when it rests on the same theme or a
        strong link (a weak link only where the row serves a purpose of step 1, or as the one
        best answer to a need nothing stronger answers); a local actor's
        facility counts only on its own theme or through a very strong link; where both groups
        have the need, the common solution says it, unless the giver brings that very theme or
        a specific (not general) resource through a strong link."""
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        found: dict[tuple[str, str, str], list[_Match]] = {}
        for need_theme, receivers in needs.items():
            for link in self.vocab.links_to(need_theme):
                direct = link.strength >= FULL_STRENGTH
                for giver, resource_cell in resources.get(link.resource_theme, {}).items():
                    without = self.groups[giver].external and not direct and link.strength < FACILITY_LINK
                    if without and not resource_cell.has_people:
                        continue
                    for receiver, need_cell in receivers.items():
                        if giver != receiver:
                            found.setdefault((giver, receiver, need_theme), []).append(_Match(need_cell, resource_cell, link, without))
        self._helpers(found)
        kept: dict[tuple[str, str, str], list[_Match]] = {}
        weak: dict[tuple[str, str, str], list[_Match]] = {}
        for (giver, receiver, theme), matches in found.items():
            if self.groups[giver].vulnerable and theme in self.vocab.care_themes and not matches[0].direct:
                continue  # a vulnerable group's free time is no reason to give it care for others
            strong = [x for x in matches if x.link.strength >= STRONG]
            shared = giver in needs.get(theme, {})
            if shared:  # a shared need: the common solution's row
                strong = [x for x in strong if x.direct or x.link.resource_theme not in self.vocab.general]
            if strong:
                kept[(giver, receiver, theme)] = strong
            elif not shared:
                weak[(giver, receiver, theme)] = matches
        # A weak link is shown where step 1 asks for this group and theme, or where the need
        # gets no stronger answer at all: then only the strongest of the weak ones, and of
        # those only the best row (the most points: help back, a giver who wants to be useful),
        # not every group that has free time.
        answered = {(receiver, theme) for (_, receiver, theme) in kept}
        best_weak: dict[tuple[str, str], float] = {}
        for (_, receiver, theme), matches in weak.items():
            best_weak[(receiver, theme)] = max(best_weak.get((receiver, theme), 0), matches[0].link.strength)
        stand_ins: set[tuple[str, str, str]] = set()  # shown only if the best for their need
        for (giver, receiver, theme), matches in weak.items():
            asked = any(p.target == receiver and theme in p.themes for p in self.purposes)
            unanswered = (receiver, theme) not in answered and matches[0].link.strength >= best_weak[(receiver, theme)]
            if asked or unanswered:
                kept[(giver, receiver, theme)] = matches
                if not asked:
                    stand_ins.add((giver, receiver, theme))
        # Rows that say the same thing are one row: where the giver meets the receiver's need of
        # a theme with that very resource, what the same resource also meets through a link
        # (cooking for the students: food, and company too) joins that row.
        also: dict[tuple[str, str, str], list[tuple[str, list[_Match]]]] = defaultdict(list)
        for (giver, receiver, theme), matches in list(kept.items()):
            source = matches[0].link.resource_theme
            host = kept.get((giver, receiver, source))
            if source != theme and host is not None and host[0].direct and all(x.link.resource_theme == source for x in matches):
                also[(giver, receiver, source)].append((theme, matches))
                del kept[(giver, receiver, theme)]
        strong_help: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (giver, receiver, theme), matches in kept.items():
            if matches[0].link.strength >= STRONG and not self.groups[giver].external:
                strong_help[(giver, receiver)].append(theme)
        rows = {
            key: self._mutual_row(*key, matches, strong_help.get((key[1], key[0]), []), also.get(key, []))
            for key, matches in kept.items()
        }
        best: dict[tuple[str, str], float] = defaultdict(float)
        for key in stand_ins & rows.keys():
            best[key[1:]] = max(best[key[1:]], rows[key].score)
        shown = [(key, row) for key, row in rows.items() if key not in stand_ins or row.score >= best[key[1:]]]
        # One giver's resource that meets the same need in several groups is one row naming them
        # all: the same help, offered once (a library's IT help for three groups).
        by_giver: dict[tuple[str, str], list[tuple[str, Proposal]]] = defaultdict(list)
        for (giver, receiver, theme), row in shown:
            by_giver[(giver, theme)].append((receiver, row))
        return [
            pairs[0][1] if len(pairs) == 1 else self._merged(giver, theme, pairs)
            for (giver, theme), pairs in by_giver.items()
        ]

    def _merged(self, giver: str, theme: str, pairs: list[tuple[str, Proposal]]) -> Proposal:
        """The rows of one giver and need theme for several receivers as one row: the best row's
        points and reasoning, its first sentence naming every receiver."""
        pairs = sorted(pairs, key=lambda p: self.groups[p[0]].order)
        receivers = [k for k, _ in pairs]
        base = max((row for _, row in pairs), key=lambda r: r.score)
        first, *rest = base.reasoning.items
        if isinstance(first, Phrase):
            said = Many(self.groups[k].said() for k in receivers)
            first = Phrase(first.key, tuple((k, said if k == "receiver" else v) for k, v in first.params))
        served = dict.fromkeys(p for _, row in pairs if row.purposes for p in row.purposes.split("; "))
        need = Many(
            (Phrase.of("reason.group_items", group=self.groups[k].name, items=row.need) for k, row in pairs if row.need is not None),
            "; ",
        )
        key = interaction_id(m.InteractionType.MUTUAL_RESOURCES, giver, *receivers, theme)
        return replace(
            base,
            key=key,
            id=key,
            groups=f"{self.groups[giver].name}{m.GIVER_ARROW}{m.GROUP_LIST_SEPARATOR.join(self.groups[k].name for k in receivers)}",
            need=need,
            scope=m.Scope.EXTERNAL if any(row.scope is m.Scope.EXTERNAL for _, row in pairs) else m.Scope.INTERNAL,
            reasoning=Many([first, *rest], separator=" "),
            purposes="; ".join(served) or None,
            tentative=all(row.tentative for _, row in pairs),
        )

    def _helpers(self, found: dict[tuple[str, str, str], list[_Match]]) -> None:
        """A local actor that asks for time (the village hall's board needs hands) is answered
        by a resident group that needs to be of use, whatever its resources say. Round 7 tried
        wider calls and measured them on every estate: any need of an actor answered by a group
        that needs to be of use and has time (2 rows kept, 6 unhelpful), and by a group's interest
        in what the actor offers (1 kept, 9 unhelpful)."""
        needs = self.cells[m.EntryKind.NEED]
        useful = self.vocab.useful_theme
        if not useful:
            return
        hands = Link(useful, STRONG, None)
        for need_theme in self.vocab.general & needs.keys():
            for receiver, need_cell in needs[need_theme].items():
                if self.groups[receiver].external:
                    for giver, cell in needs.get(useful, {}).items():
                        if not self.groups[giver].external:
                            found.setdefault((giver, receiver, need_theme), []).append(_Match(need_cell, cell, hands, False, True))

    def _mutual_row(
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
