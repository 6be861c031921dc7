"""What step 4's evaluation works with and returns. Pure.

The criteria, their scale and weights, the result types (scores, candidates, catalog problems,
the evaluation), and the check of a catalog row before it is ranked. The scoring is in
``evaluation_criteria``, the ranking in ``evaluation``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize, split_names
from xlplugin.domain.phrases import Many, Phrase, column, sheet


class CriterionKey(m.Code):
    INTERACTIONS = "interactions"
    TARGET_GROUPS = "target_groups"
    PURPOSES = "purposes"
    ECONOMY = "economy"
    OPERATION = "operation"
    SKILLS = "skills"


CRITERIA: tuple[CriterionKey, ...] = tuple(CriterionKey(key) for key in m.CRITERION_KEYS)  # the table's order
DEFAULT_WEIGHT = 1.0
SCORE_MIN, SCORE_MAX, NEUTRAL = float(m.SCORE_MIN), float(m.SCORE_MAX), 3.0
LEVEL_SCORE = {m.Level.LOW: 5.0, m.Level.MEDIUM: 3.0, m.Level.HIGH: 1.0}
THEME_FIT, FORM_FIT = 0.75, 0.25  # an interaction served: its theme, plus its form
MEETING_FIT = 0.25  # its groups and form, not its theme
PURPOSE_FULL, PURPOSE_PARTLY = 1.0, 0.5
PRIORITY_WEIGHT = {m.Priority.HIGH: 3.0, m.Priority.MEDIUM: 2.0, m.Priority.LOW: 1.0, None: 2.0}
SKILL_OFFERED, SKILL_MISSING = 1.0, 2.0  # points a required skill costs
IDS_SHOWN = 5  # interaction IDs named in a reason
PURPOSE_SHOWN = 50  # characters of a step-1 purpose quoted in a reason

# Target group ids with a meaning of their own (see catalog.json's target_groups).
EVERYONE, LOCAL_AREA = "everyone", "local_area"

# Words that say nothing about which purpose is meant ("fight", "strengthen", "residents").
STOP_WORDS = frozenset(
    ["og", "i", "at", "en", "et", "for", "til", "fra", "med", "af", "på", "om", "blandt", "gennem", "mellem", "den", "det", "de", "der", "som", "er", "sig", "sin", "sine", "deres", "hinanden", "mere", "flere", "mv", "bekæmpe", "styrke", "fremme", "give", "skabe", "gøre", "bedre", "beboere", "beboerne", "byggeriet", "bebyggelsen", "and", "the", "a", "an", "of", "for", "from", "to", "with", "among", "through", "in", "on", "at", "by", "make", "give", "fight", "promote", "strengthen", "create", "better", "their", "one's", "residents", "estate", "building"]
)


@dataclass(frozen=True)
class CriterionScore:
    key: CriterionKey
    score: float  # 1-5, one decimal
    weight: float
    reason: Phrase


@dataclass(frozen=True)
class Candidate:
    platform: m.CatalogPlatform
    row: int  # position in the workbook's catalog, from 0
    total: float  # weighted mean of the scores, 1-5, two decimals
    scores: tuple[CriterionScore, ...]  # in CRITERIA order
    interaction_ids: tuple[str, ...]  # IDs of the interactions it serves, in step 3's order
    interaction_rows: tuple[int, ...]  # their positions on step 3 (rows without an ID too)
    meeting_place: int  # interactions whose groups and form it serves, not their theme
    groups: tuple[str, ...]  # the groups it reaches
    purposes: tuple[str, ...]  # step 1's purposes it supports fully

    def score(self, key: CriterionKey | str) -> CriterionScore:
        return next(s for s in self.scores if s.key == key)

    @property
    def serves_basis(self) -> bool:
        return bool(self.interaction_rows or self.meeting_place)


@dataclass(frozen=True)
class CatalogProblem:
    """A catalog row evaluation cannot use as it is (like a finding: what, and what to do)."""

    row: int  # position in the workbook's catalog, from 0
    name: str
    columns: tuple[str, ...]  # catalog column keys the problem is in
    ranked: bool  # False: the row was left out of the ranking
    message: Phrase
    advice: Phrase


@dataclass(frozen=True)
class Evaluation:
    candidates: tuple[Candidate, ...]  # best first: they serve at least one basis interaction
    others: tuple[Candidate, ...]  # best first: the rest of the catalog
    problems: tuple[CatalogProblem, ...]
    basis: tuple[int, ...]  # positions on step 3 of the interactions evaluated against
    all_interactions: bool  # True: none was selected, so all current ones were used
    weights: Mapping[CriterionKey, float] = field(default_factory=dict)


def resolve_weights(weights: Mapping[str, float | None] | None) -> dict[CriterionKey, float]:
    """Weights by criterion key; a missing or empty weight is 1, a negative one 0."""
    given = {normalize(k): v for k, v in (weights or {}).items()}
    out = {}
    for key in CRITERIA:
        value = given.get(key.value)
        out[key] = DEFAULT_WEIGHT if value is None else max(0.0, float(value))
    return out


def weights_in_order(values: Sequence[float | None]) -> dict[str, float | None]:
    """Weights given by position, in CRITERIA order (a criteria table that keeps its rows)."""
    return {key.value: value for key, value in zip(CRITERIA, values)}


def check_catalog_row(
    row: int, platform: m.CatalogPlatform, resolve: Callable[[str], str | None]
) -> tuple[list[str] | None, CatalogProblem | None]:
    """A catalog row's themes as ``resolve`` spells them (None: the row cannot be ranked), and
    what is wrong with it: no type or no themes (not ranked), themes that are not themes."""
    named = split_names(platform.themes)
    missing = [key for key, empty in (("type", platform.type is None), ("themes", not named)) if empty]
    name = " ".join(platform.name.split())
    if missing:
        columns = Many(column("catalog", key) for key in missing)
        return None, CatalogProblem(
            row,
            name,
            tuple(missing),
            False,
            Phrase.of("eval.problem.missing", columns=columns),
            Phrase.of("eval.advice.missing", columns=columns, sheet=sheet("catalog")),
        )
    themes = [resolve(t) for t in named]
    unknown = [t for t, known in zip(named, themes) if known is None]
    problem = None
    if unknown:
        problem = CatalogProblem(
            row,
            name,
            ("themes",),
            True,
            # the finding points at the cell; it never repeats what the planner typed
            Phrase.of("eval.problem.unknown_themes", n=len(unknown), sheet=sheet("themes")),
            Phrase.of("eval.advice.unknown_themes", sheet=sheet("themes")),
        )
    return list(dict.fromkeys(t for t in themes if t)), problem


def catalog_problems(project: m.Project) -> list[CatalogProblem]:
    """What evaluation cannot use in the workbook's catalog, with its themes as the vocabulary."""
    names = {normalize(t.name): t.name for t in project.themes}
    resolve = (lambda n: names.get(normalize(n))) if names else (lambda n: n)
    return [p for row, entry in enumerate(project.catalog) for p in [check_catalog_row(row, entry, resolve)[1]] if p]


def shorten(text: str, limit: int) -> str:
    """The text in at most ``limit`` characters, cut after a whole word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def phrase_keys(phrases: Iterable[Phrase]) -> set[str]:
    """Every text key in the phrases, inner phrases included (for tests of the texts)."""
    keys: set[str] = set()
    stack = list(phrases)
    while stack:
        phrase = stack.pop()
        keys.add(phrase.key)
        for _, value in phrase.params:
            if isinstance(value, Phrase):
                stack.append(value)
            elif isinstance(value, Many):
                stack.extend(v for v in value.items if isinstance(v, Phrase))
    return keys
