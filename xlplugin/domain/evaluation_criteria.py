"""The six criteria of step 4's evaluation, each scored 1-5 with a one-line reason. Pure.

``CriteriaScoring`` holds the scoring of one platform on each criterion against what the
evaluator in ``evaluation`` sets up (the basis interactions, the target groups, step 1's
purposes, the skills offered); ``GroupWords`` reads which target groups a name points at.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain.evaluation_model import (
    EVERYONE,
    FORM_FIT,
    IDS_SHOWN,
    LEVEL_SCORE,
    MEETING_FIT,
    NEUTRAL,
    PURPOSE_FULL,
    PURPOSE_PARTLY,
    PURPOSE_SHOWN,
    SCORE_MAX,
    SCORE_MIN,
    SKILL_MISSING,
    SKILL_OFFERED,
    THEME_FIT,
    CriterionKey,
    CriterionScore,
    shorten,
)
from xlplugin.domain.models import normalize, split_names, split_texts
from xlplugin.domain.phrases import Many, Phrase
from xlplugin.domain.vocabulary import Vocabulary


def _clamp(value: float) -> float:
    return round(min(SCORE_MAX, max(SCORE_MIN, value)), 1)


def _share_score(share: float) -> float:
    return _clamp(SCORE_MIN + (SCORE_MAX - SCORE_MIN) * share)


@dataclass
class Meeting:
    """The basis interactions of one form between the same groups."""

    groups: frozenset[str]
    count: int = 0
    by_theme: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class Bucket:
    """The basis interactions of one theme."""

    rows: list[int] = field(default_factory=list)
    by_form: dict[m.InteractionType | None, int] = field(default_factory=lambda: defaultdict(int))


class GroupWords:
    """Which target groups a name points at, by the words of both languages."""

    def __init__(self, words: Mapping[str, Sequence[str]]):
        self._words = [(code, [normalize(w) for w in ws if normalize(w)]) for code, ws in words.items()]
        self._cache: dict[str, frozenset[str]] = {}

    def codes(self, name: str) -> frozenset[str]:
        key = normalize(name)
        found = self._cache.get(key)
        if found is None:
            tokens = key.replace("-", " ").split()
            found = self._cache[key] = frozenset(
                code for code, words in self._words if any(_word_in(word, key, tokens) for word in words)
            )
        return found


def _word_in(word: str, text: str, tokens: list[str]) -> bool:
    if " " in word:
        return word in text
    # a word starts a token, or (long enough to be telling) stands inside a compound
    return any(t.startswith(word) or (len(word) >= 5 and word in t) for t in tokens)


class CriteriaScoring:
    """The scoring of the six criteria, a base of the evaluator (which sets these attributes)."""

    vocab: Vocabulary
    weights: dict[CriterionKey, float]
    words: GroupWords
    basis: list[int]
    all_interactions: bool
    buckets: dict[str, Bucket]
    meetings: dict[tuple[m.InteractionType, frozenset[str]], Meeting]
    target: list[tuple[str, str, frozenset[str]]]  # group key, name, target group codes
    from_interactions: bool
    purposes: list[tuple[str, float, frozenset[str], frozenset[str]]]  # text, weight, stems, themes
    _offered: set[str]
    _stems: dict[str, frozenset[str]]
    _stop: frozenset[str]
    _descriptor_cache: dict[str, frozenset[str]]
    _meeting_cache: dict[tuple[frozenset[m.InteractionType], frozenset[str]], tuple[int, dict[str, int]]]
    _ids: list[str | None]

    def _stems_of(self, text: str) -> frozenset[str]:
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = frozenset(s for s in self.vocab.stems(text) if len(s) > 2 and s not in self._stop)
        return found

    def _scored(self, key: CriterionKey, score: float, key_text: str, **params: object) -> CriterionScore:
        return CriterionScore(key, score, self.weights[key], Phrase.of(key_text, **params))

    # --- the six criteria --------------------------------------------------------------------
    def _interactions(
        self, platform: m.CatalogPlatform, themes: list[str], reached: frozenset[str]
    ) -> tuple[CriterionScore, list[int], list[str], int]:
        key = CriterionKey.INTERACTIONS
        total = len(self.basis)
        which = Phrase.of("eval.which.all" if self.all_interactions else "eval.which.selected")
        if not total:
            return self._scored(key, NEUTRAL, "eval.interactions.no_interactions"), [], [], 0
        forms = set(platform.forms)
        fit, rows = 0.0, []
        for theme in themes:
            bucket = self.buckets.get(theme)
            if bucket is None:
                continue
            rows.extend(bucket.rows)
            for form, n in bucket.by_form.items():
                fit += n * (THEME_FIT + (FORM_FIT if form in forms else 0.0))
        count, by_theme = self._meeting_places(frozenset(forms), reached)
        meeting = count - sum(by_theme.get(t, 0) for t in themes)
        fit += MEETING_FIT * meeting
        rows.sort()
        ids = [i for i in map(self._ids.__getitem__, rows) if i]
        score = _share_score(fit / total)
        params: dict[str, object] = {"total": total, "which": which}
        if rows:
            params.update(served=len(rows), ids=Many(ids[:IDS_SHOWN]))
            text = "eval.interactions.served" if len(ids) <= IDS_SHOWN else "eval.interactions.served_many"
            if meeting:
                text += "_meeting"
                params["meeting"] = meeting
        elif meeting:
            text = "eval.interactions.meeting"
            params["meeting"] = meeting
        else:
            text = "eval.interactions.none"
        return self._scored(key, score, text, **params), rows, ids, meeting

    def _meeting_places(self, forms: frozenset[m.InteractionType], reached: frozenset[str]) -> tuple[int, dict[str, int]]:
        """How many basis interactions have all their groups reached and a form among ``forms``,
        and how many of them per theme (platforms share forms and groups: cached)."""
        found = self._meeting_cache.get((forms, reached))
        if found is None:
            count = 0
            by_theme: defaultdict[str, int] = defaultdict(int)
            for (form, groups), place in self.meetings.items():
                if form in forms and groups <= reached:
                    count += place.count
                    for theme, n in place.by_theme.items():
                        by_theme[theme] += n
            found = self._meeting_cache[(forms, reached)] = (count, dict(by_theme))
        return found

    def _descriptor_codes(self, descriptor: str) -> frozenset[str]:
        found = self._descriptor_cache.get(descriptor)
        if found is None:
            found = self._descriptor_cache[descriptor] = self.words.codes(descriptor)
        return found

    def _target_groups(self, platform: m.CatalogPlatform) -> tuple[CriterionScore, tuple[str, ...], frozenset[str]]:
        key = CriterionKey.TARGET_GROUPS
        if not self.target:
            return self._scored(key, NEUTRAL, "eval.groups.no_groups"), (), frozenset()
        descriptors = split_names(platform.target_groups)
        if not descriptors:
            return self._scored(key, NEUTRAL, "eval.groups.unknown"), (), frozenset()
        names = {normalize(d) for d in descriptors}
        codes = frozenset().union(*(self._descriptor_codes(d) for d in descriptors))
        reached = [
            (group_key, name)
            for group_key, name, group_codes in self.target
            if group_key in names or EVERYONE in codes or group_codes & codes
        ]
        keys = frozenset(k for k, _ in reached)
        if not reached:
            return self._scored(key, SCORE_MIN, "eval.groups.none", groups=Many(n for _, n, _ in self.target)), (), keys
        where = Phrase.of("eval.which.groups_selected" if self.from_interactions else "eval.which.groups_all")
        score = _share_score(len(reached) / len(self.target))
        names_reached = tuple(n for _, n in reached)
        params = {"served": len(reached), "total": len(self.target), "where": where, "groups": Many(names_reached)}
        return self._scored(key, score, "eval.groups.reached", **params), names_reached, keys

    def _purpose_fit(self, platform: m.CatalogPlatform, themes: list[str]) -> tuple[CriterionScore, tuple[str, ...]]:
        key = CriterionKey.PURPOSES
        if not self.purposes:
            return self._scored(key, NEUTRAL, "eval.purposes.no_purposes"), ()
        labels = [self._stems_of(text) for text in split_texts(platform.purposes)]
        own = set(themes)
        full, partly, weighted, weight_sum = [], [], 0.0, 0.0
        for text, weight, stems, purpose_themes in self.purposes:
            weight_sum += weight
            # fully: most of one of its purposes' words are in the purpose (or all, if only one)
            common = max((len(stems & label) for label in labels), default=0)
            if any(_most_of(stems & label, label) for label in labels):
                full.append(text)
                weighted += weight * PURPOSE_FULL
            elif common == 1 or purpose_themes & own:
                partly.append(text)
                weighted += weight * PURPOSE_PARTLY
        score = _share_score(weighted / weight_sum)
        total = len(self.purposes)
        shown = Many(_quoted(t) for t in full)
        if full and partly:
            return self._scored(key, score, "eval.purposes.served_partly", served=len(full), partly=len(partly), total=total, purposes=shown), tuple(full)
        if full:
            return self._scored(key, score, "eval.purposes.served", served=len(full), total=total, purposes=shown), tuple(full)
        if partly:
            return self._scored(key, score, "eval.purposes.partly", partly=len(partly), total=total, purposes=Many(_quoted(t) for t in partly)), ()
        return self._scored(key, score, "eval.purposes.none", total=total), ()

    def _economy(self, platform: m.CatalogPlatform) -> CriterionScore:
        key = CriterionKey.ECONOMY
        levels = [x for x in (platform.construction_cost, platform.running_cost) if x]
        if not levels:
            return self._scored(key, NEUTRAL, "eval.economy.unknown")
        score = _clamp(sum(LEVEL_SCORE[x] for x in levels) / len(levels))
        return self._scored(
            key,
            score,
            "eval.economy.levels",
            construction=_level_label(platform.construction_cost),
            running=_level_label(platform.running_cost),
        )

    def _operation(self, platform: m.CatalogPlatform) -> CriterionScore:
        key = CriterionKey.OPERATION
        level = platform.dependency
        if level is None:
            return self._scored(key, NEUTRAL, "eval.operation.unknown")
        return self._scored(key, _clamp(LEVEL_SCORE[level]), f"eval.operation.{level.value}")

    def _skills(self, platform: m.CatalogPlatform) -> CriterionScore:
        key = CriterionKey.SKILLS
        skills = [" ".join(s.split()) for s in split_names(platform.skills)]
        if not skills:
            return self._scored(key, SCORE_MAX, "eval.skills.none")
        missing = [s for s in skills if self.vocab.resolve(s) not in self._offered]
        cost = SKILL_MISSING * len(missing) + SKILL_OFFERED * (len(skills) - len(missing))
        score = _clamp(SCORE_MAX - cost)
        if not missing:
            return self._scored(key, score, "eval.skills.offered", skills=Many(skills))
        if len(missing) == len(skills):
            return self._scored(key, score, "eval.skills.missing", skills=Many(skills))
        return self._scored(key, score, "eval.skills.some_missing", skills=Many(skills), missing=Many(missing))


def _quoted(text: str) -> Phrase:
    return Phrase.of("eval.quote", text=shorten(text, PURPOSE_SHOWN))


def _most_of(common: frozenset[str], label: frozenset[str]) -> bool:
    return bool(common) and (common == label or (len(common) >= 2 and len(common) > len(label) / 2))


def _level_label(level: m.Level | None) -> Phrase:
    return Phrase.of(f"eval.level.{level.value if level else 'unknown'}")
