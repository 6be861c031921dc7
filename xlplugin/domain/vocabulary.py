"""The theme vocabulary as matching uses it: names, keywords with stemming, and links.

Pure: built from the themes and theme links a workbook holds (or the built-in ones).
Keywords are compared by their stems (Snowball, Danish or English), so "børnene" finds
"børn"; a stem of four letters or more also finds Danish compounds ("lektiehjælp" holds
"lekti", "fællesspisning" ends in "spisning"). The first part of a compound says more
about its theme than the last ("madklub" is about food), so it counts more.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import snowballstemmer

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize

STEMMER_LANGUAGES = {"da": "danish", "en": "english"}
# Parts of a compound that count: the first part from 3 letters (if 4 or more follow),
# the last part from 4 letters.
PREFIX_MIN, PREFIX_REST, SUFFIX_MIN = 3, 4, 4
# How much one keyword hit counts towards a theme.
PHRASE, WHOLE_WORD, PREFIX, SUFFIX = 6, 4, 2, 1
FULL_STRENGTH = 5.0

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Link:
    resource_theme: str
    strength: float
    note: str | None


class Vocabulary:
    """Theme names (in table order), their keyword stems, and which resources meet which needs."""

    def __init__(self, themes: list[m.Theme], links: list[m.ThemeLink], lang: str, useful_theme: str | None = None):
        self._stemmer = snowballstemmer.stemmer(STEMMER_LANGUAGES[lang])
        self._stems: dict[str, str] = {}
        self.names: list[str] = []
        self._canonical: dict[str, str] = {}
        for theme in themes:
            key = normalize(theme.name)
            if key and key not in self._canonical:
                self._canonical[key] = " ".join(theme.name.split())
                self.names.append(self._canonical[key])
        self.order = {name: i for i, name in enumerate(self.names)}
        self.useful_theme = self.resolve(useful_theme)
        self._words: dict[str, dict[str, int]] = defaultdict(dict)  # stem -> theme -> weight
        self._phrases: list[tuple[frozenset[str], str]] = []
        for theme in themes:
            name = self.resolve(theme.name)
            if name is None:
                continue
            for phrase in [theme.name, *str(theme.keywords or "").split(",")]:
                stems = self.stems(phrase)
                if len(stems) == 1:
                    weight = PHRASE if phrase is theme.name else WHOLE_WORD
                    self._words[stems[0]][name] = max(weight, self._words[stems[0]].get(name, 0))
                elif stems:
                    self._phrases.append((frozenset(stems), name))
        self._token_hits: dict[str, dict[str, int]] = {}
        strongest: dict[tuple[str, str], Link] = {}  # a pair listed twice counts once, at its best
        for link in links:
            resource, need = self.resolve(link.resource_theme), self.resolve(link.need_theme)
            strength = min(float(link.strength or 0), FULL_STRENGTH)
            if resource and need and resource != need and strength > 0:
                if (need, resource) not in strongest or strongest[(need, resource)].strength < strength:
                    strongest[(need, resource)] = Link(resource, strength, link.note)
        self._links_to: dict[str, list[Link]] = defaultdict(list)
        for (need, _), found in strongest.items():
            self._links_to[need].append(found)
        for ranked in self._links_to.values():
            ranked.sort(key=lambda k: (-k.strength, self.order[k.resource_theme]))

    # --- names and links ---------------------------------------------------------------
    def resolve(self, name: str | None) -> str | None:
        """The theme's name as the vocabulary spells it, or None if it is not a theme."""
        return self._canonical.get(normalize(name)) if name else None

    def links_to(self, need_theme: str) -> list[Link]:
        """Resource themes that meet this need theme: itself at full strength, then the links,
        strongest first (ties in the order of the themes table)."""
        return [Link(need_theme, FULL_STRENGTH, None), *self._links_to.get(need_theme, ())]

    # --- suggestions from free text -----------------------------------------------------
    def stems(self, text: str | None) -> list[str]:
        out = []
        for word in _WORD.findall(str(text or "").casefold()):
            stem = self._stems.get(word)
            if stem is None:
                stem = self._stems[word] = self._stemmer.stemWord(word)
            out.append(stem)
        return out

    def scores(self, text: str | None) -> dict[str, int]:
        """How strongly the text points at each theme (keywords found, whole words count more)."""
        stems = self.stems(text)
        total: dict[str, int] = defaultdict(int)
        for stem in set(stems):
            for theme, weight in self._hits(stem).items():
                total[theme] += weight
        if self._phrases and len(stems) > 1:
            present = set(stems)
            for phrase, theme in self._phrases:
                if phrase <= present:
                    total[theme] += PHRASE
        return total

    def suggest(self, text: str | None) -> str | None:
        """The best theme for a text, or None; ties go to the theme listed first."""
        scores = self.scores(text)
        if not scores:
            return None
        return min(scores, key=lambda name: (-scores[name], self.order[name]))

    def themes_in(self, text: str | None) -> set[str]:
        """Every theme the text points at (e.g. the themes a social purpose is about)."""
        return set(self.scores(text))

    def _hits(self, stem: str) -> dict[str, int]:
        hits = self._token_hits.get(stem)
        if hits is not None:
            return hits
        hits = dict(self._words.get(stem, {}))
        for cut in range(PREFIX_MIN, len(stem) - PREFIX_REST + 1):
            for theme in self._words.get(stem[:cut], ()):
                hits[theme] = max(hits.get(theme, 0), PREFIX)
        for cut in range(SUFFIX_MIN, len(stem) - 1):
            for theme in self._words.get(stem[len(stem) - cut :], ()):
                hits[theme] = max(hits.get(theme, 0), SUFFIX)
        self._token_hits[stem] = hits
        return hits
