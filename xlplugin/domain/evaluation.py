"""Step 4: rank the catalog's platforms for the interactions chosen on step 3. Pure.

Every platform of the workbook's catalog (built-in rows, edited rows and rows the planner
added alike) gets six criterion scores on one scale, 1 (weak) to 5 (strong), each with a
one-line reason, and a total: the mean of the scores weighted by the planner's weights.

- interactions: the share of the selected interactions it serves. It serves an interaction
  whose theme is one of its themes (THEME_FIT), more so when it also supports the
  interaction's form (FORM_FIT); so a platform serving several selected interactions scores
  higher than one serving a single one. A platform that reaches all the groups of an
  interaction and supports its form, though not its theme, is a meeting place for it (the
  folder's "group 1 - platform - group 2") and counts a little (MEETING_FIT).
- target_groups: the share of the groups in the selected interactions (or, with none, of the
  building's groups) that its target groups reach. Target groups are compared with group
  names by words of both languages ("Seniorer" reaches "Ældre beboere"; "Alle" reaches all).
- purposes: the share of step 1's social purposes (weighted by priority) it supports: fully
  when its purposes share words with the purpose, partly when only its themes do.
- economy: construction and running cost, low 5, medium 3, high 1.
- operation: how robust running is: low dependency on someone to keep it going is 5.
- skills: what it asks of the residents (skills named by theme): a skill some group has as
  a resource on step 2 costs 1 point, a skill nobody offers 2.

When no interaction is selected yet, all current interactions of step 3 are the basis.
The candidates are the platforms that serve or are a meeting place for at least one of the
interactions; the rest are ranked too, as ``others``. Rows without a type or themes are not
ranked but reported (``CatalogProblem``).
Selected interactions are indexed by theme: a platform costs its number of themes, not the
number of interactions.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from xlplugin.domain import models as m
from xlplugin.domain.models import (
    normalize,
    split_group_names,
    split_names,
    split_texts,
)
from xlplugin.domain.phrases import Many, Phrase, column, sheet
from xlplugin.domain.vocabulary import Vocabulary


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


def evaluate(
    project: m.Project,
    vocabulary: Vocabulary,
    weights: Mapping[str, float | None] | None = None,
    group_words: Mapping[str, Sequence[str]] | None = None,
    limit: int | None = None,
) -> Evaluation:
    """Rank ``project.catalog`` for the interactions selected on step 3 (see the module)."""
    return _Evaluator(project, vocabulary, resolve_weights(weights), group_words or {}).run(limit)


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


def _clamp(value: float) -> float:
    return round(min(SCORE_MAX, max(SCORE_MIN, value)), 1)


def _share_score(share: float) -> float:
    return _clamp(SCORE_MIN + (SCORE_MAX - SCORE_MIN) * share)


@dataclass
class _Meeting:
    """The basis interactions of one form between the same groups."""

    groups: frozenset[str]
    count: int = 0
    by_theme: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class _Bucket:
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


class _Evaluator:
    def __init__(
        self,
        project: m.Project,
        vocabulary: Vocabulary,
        weights: dict[CriterionKey, float],
        group_words: Mapping[str, Sequence[str]],
    ):
        self.project = project
        self.vocab = vocabulary
        self.weights = weights
        self.words = GroupWords(group_words)
        self.problems: list[CatalogProblem] = []
        self._stems: dict[str, frozenset[str]] = {}
        self._stop = frozenset(s for w in STOP_WORDS for s in vocabulary.stems(w))
        self._basis()
        self._groups()
        self._purposes()
        self._offered = {
            t for e in project.entries if e.kind is m.EntryKind.RESOURCE for t in [vocabulary.resolve(e.theme)] if t
        }
        self._descriptor_cache: dict[str, frozenset[str]] = {}
        self._meeting_cache: dict[tuple[frozenset[m.InteractionType], frozenset[str]], tuple[int, dict[str, int]]] = {}
        self._ids = [x.id for x in project.interactions]

    # --- what the platforms are measured against -----------------------------------------
    def _basis(self) -> None:
        interactions = self.project.interactions
        chosen = [i for i, x in enumerate(interactions) if x.selected]
        self.all_interactions = not chosen
        if not chosen:
            chosen = [i for i, x in enumerate(interactions) if x.status is not m.RowStatus.OUTDATED]
        self.basis = chosen
        self.buckets: dict[str, _Bucket] = defaultdict(_Bucket)
        self.meetings: dict[tuple[m.InteractionType, frozenset[str]], _Meeting] = {}
        for i in chosen:
            x = interactions[i]
            theme = self.vocab.resolve(x.theme) or self._best_theme(" ".join(filter(None, [x.need, x.resource])))
            groups = frozenset(normalize(g) for g in split_group_names(x.groups))
            if x.type and groups:
                meeting = self.meetings.setdefault((x.type, groups), _Meeting(groups))
                meeting.count += 1
                if theme:
                    meeting.by_theme[theme] += 1
            if theme is None:
                continue
            bucket = self.buckets[theme]
            bucket.rows.append(i)
            bucket.by_form[x.type] += 1

    def _best_theme(self, text: str) -> str | None:
        scores = self.vocab.scores(text)
        if not scores:
            return None
        return min(scores, key=lambda t: (-scores[t], self.vocab.order.get(t, len(self.vocab.order))))

    def _groups(self) -> None:
        named: dict[str, str] = {}
        for i in self.basis:
            for name in split_group_names(self.project.interactions[i].groups):
                named.setdefault(normalize(name), " ".join(name.split()))
        self.from_interactions = bool(named)
        if not named:
            for g in self.project.groups:
                if normalize(g.name):
                    named.setdefault(normalize(g.name), " ".join(g.name.split()))
        local = {normalize(g.name) for g in self.project.groups if g.location is m.Location.LOCAL_AREA}
        self.target = [
            (key, name, self.words.codes(name) | ({LOCAL_AREA} if key in local else frozenset()))
            for key, name in named.items()
        ]

    def _purposes(self) -> None:
        self.purposes = [
            (
                " ".join(p.purpose.split()),
                PRIORITY_WEIGHT.get(p.priority, PRIORITY_WEIGHT[None]),
                self._stems_of(p.purpose),
                frozenset(self.vocab.themes_in(p.purpose)),
            )
            for p in self.project.purposes
            if p.purpose and p.purpose.strip()
        ]

    def _stems_of(self, text: str) -> frozenset[str]:
        found = self._stems.get(text)
        if found is None:
            found = self._stems[text] = frozenset(s for s in self.vocab.stems(text) if len(s) > 2 and s not in self._stop)
        return found

    # --- the run ---------------------------------------------------------------------------
    def run(self, limit: int | None) -> Evaluation:
        ranked = []
        for row, platform in enumerate(self.project.catalog):
            themes = self._check(row, platform)
            if themes is not None:
                ranked.append(self._candidate(row, platform, themes))
        ranked.sort(key=lambda c: (-c.total, -len(c.interaction_rows), -c.scores[0].score, c.row))
        candidates = [c for c in ranked if c.serves_basis or not self.basis]
        others = [c for c in ranked if not (c.serves_basis or not self.basis)]
        return Evaluation(
            tuple(candidates[:limit] if limit is not None else candidates),
            tuple(others),
            tuple(self.problems),
            tuple(self.basis),
            self.all_interactions,
            dict(self.weights),
        )

    def _check(self, row: int, platform: m.CatalogPlatform) -> list[str] | None:
        """The platform's themes as the vocabulary spells them, or None if it cannot be ranked."""
        themes, problem = check_catalog_row(row, platform, self.vocab.resolve)
        if problem is not None:
            self.problems.append(problem)
        return themes


    def _candidate(self, row: int, platform: m.CatalogPlatform, themes: list[str]) -> Candidate:
        groups_score, groups, reached = self._target_groups(platform)
        interactions, rows, ids, meeting = self._interactions(platform, themes, reached)
        purposes_score, purposes = self._purpose_fit(platform, themes)
        scores = (
            interactions,
            groups_score,
            purposes_score,
            self._economy(platform),
            self._operation(platform),
            self._skills(platform),
        )
        total_weight = sum(self.weights[s.key] for s in scores)
        if total_weight:
            total = sum(s.score * self.weights[s.key] for s in scores) / total_weight
        else:  # every weight 0: the plain mean
            total = sum(s.score for s in scores) / len(scores)
        return Candidate(platform, row, round(total, 2), scores, tuple(ids), tuple(rows), meeting, groups, purposes)

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
