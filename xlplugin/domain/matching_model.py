"""What matching works with: resident groups, cells of entries (one group, kind and theme),
purposes, and the rows it proposes (texts still as phrases). Pure."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain.matching_text import lower, upper
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Many, Phrase

Text = str | Phrase | Many  # what a generated cell says, rendered at the edge

LIST_LIMIT = 5  # entries named in one cell before "(+N more)"
ITEM_MAX = 100  # characters of one entry's text in a listing


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def interaction_id(kind: m.InteractionType, *parts: str) -> str:
    """The row's identity as a short digest of its type, groups and theme (the IDs of the
    first version; kept so that rows of older workbooks are recognised)."""
    text = "\x1f".join([kind.value, *(normalize(p) for p in parts)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8].upper()


@dataclass
class Group:
    name: str
    external: bool
    order: int
    vulnerable: bool = False

    def said(self, start: bool = False) -> str:
        """The name in running text: a resident group is a common noun (lower case mid-sentence),
        a local actor a proper name."""
        if self.external:
            return self.name
        return upper(self.name) if start else lower(self.name)


@dataclass
class Cell:
    """One group's entries of one kind within one theme."""

    group: str  # group key
    theme: str
    entries: list[m.Entry] = field(default_factory=list)
    facility: list[bool] = field(default_factory=list)  # per entry: a room or facility
    high: bool = False
    suggested: m.Entry | None = None  # the first entry whose theme was only suggested
    # No entry's theme was chosen by the planner or suggested on more than one keyword.
    tentative: bool = True
    _listings: dict[bool, Text] = field(default_factory=dict)

    @property
    def has_people(self) -> bool:
        """Something other than a facility: a person's skill or time, or an organisation's offer."""
        return not all(self.facility)

    def listing(self, without_facilities: bool = False) -> Text:
        if without_facilities not in self._listings:
            # Many entries repeat a text: drop repeats first, then tidy the spaces of the rest.
            raw = dict.fromkeys(
                e.description for e, facility in zip(self.entries, self.facility) if not (without_facilities and facility)
            )
            seen = dict.fromkeys(" ".join(str(text or "").split()) or self.theme for text in raw)
            names = [shorten(name, ITEM_MAX) for name in seen]
            text = "; ".join(names[:LIST_LIMIT])
            more = len(names) - LIST_LIMIT
            self._listings[without_facilities] = Phrase.of("reason.more_items", items=text, n=more) if more > 0 else text
        return self._listings[without_facilities]


@dataclass(frozen=True)
class Purpose:
    text: str
    target: str | None  # group key
    themes: frozenset[str]
    high: bool


@dataclass
class Proposal:
    """A generated interaction row: the ``m.Interaction`` fields, with texts still as phrases.

    ``key`` identifies the row (type, groups, theme; see ``interaction_id``); the readable ID
    is given when the row is written, so that a row keeps the ID it had."""

    key: str
    type: m.InteractionType
    groups: str
    need: Text | None
    resource: Text | None
    theme: str
    scope: m.Scope
    link: float | None
    score: float
    points: Phrase
    reasoning: Many
    caution: Many | None  # what to check: a vulnerable giver, a theme that was only suggested
    purposes: str | None
    origin: m.Origin = m.Origin.GENERATED
    id: str | None = None
    tentative: bool = False  # one group's side rests only on themes suggested from one keyword
