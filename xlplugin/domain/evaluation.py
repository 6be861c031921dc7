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

The criteria, weights and result types are in ``evaluation_model``, the scoring of each
criterion in ``evaluation_criteria``; every public name is importable from here.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from xlplugin.domain import models as m
from xlplugin.domain.evaluation_criteria import Bucket, CriteriaScoring, GroupWords, Meeting
from xlplugin.domain.evaluation_model import (
    CRITERIA,
    DEFAULT_WEIGHT,
    EVERYONE,
    FORM_FIT,
    IDS_SHOWN,
    LEVEL_SCORE,
    LOCAL_AREA,
    MEETING_FIT,
    NEUTRAL,
    PRIORITY_WEIGHT,
    PURPOSE_FULL,
    PURPOSE_PARTLY,
    PURPOSE_SHOWN,
    SCORE_MAX,
    SCORE_MIN,
    SKILL_MISSING,
    SKILL_OFFERED,
    STOP_WORDS,
    THEME_FIT,
    Candidate,
    CatalogProblem,
    CriterionKey,
    CriterionScore,
    Evaluation,
    catalog_problems,
    check_catalog_row,
    phrase_keys,
    resolve_weights,
    shorten,
    weights_in_order,
)
from xlplugin.domain.models import normalize, split_group_names
from xlplugin.domain.vocabulary import Vocabulary

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHT",
    "EVERYONE",
    "FORM_FIT",
    "IDS_SHOWN",
    "LEVEL_SCORE",
    "LOCAL_AREA",
    "MEETING_FIT",
    "NEUTRAL",
    "PRIORITY_WEIGHT",
    "PURPOSE_FULL",
    "PURPOSE_PARTLY",
    "PURPOSE_SHOWN",
    "SCORE_MAX",
    "SCORE_MIN",
    "SKILL_MISSING",
    "SKILL_OFFERED",
    "STOP_WORDS",
    "THEME_FIT",
    "Candidate",
    "CatalogProblem",
    "CriterionKey",
    "CriterionScore",
    "Evaluation",
    "GroupWords",
    "catalog_problems",
    "check_catalog_row",
    "evaluate",
    "phrase_keys",
    "resolve_weights",
    "shorten",
    "weights_in_order",
]


def evaluate(
    project: m.Project,
    vocabulary: Vocabulary,
    weights: Mapping[str, float | None] | None = None,
    group_words: Mapping[str, Sequence[str]] | None = None,
    limit: int | None = None,
) -> Evaluation:
    """Rank ``project.catalog`` for the interactions selected on step 3 (see the module)."""
    return _Evaluator(project, vocabulary, resolve_weights(weights), group_words or {}).run(limit)


class _Evaluator(CriteriaScoring):
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
        self.buckets: dict[str, Bucket] = defaultdict(Bucket)
        self.meetings: dict[tuple[m.InteractionType, frozenset[str]], Meeting] = {}
        for i in chosen:
            x = interactions[i]
            theme = self.vocab.resolve(x.theme) or self._best_theme(" ".join(filter(None, [x.need, x.resource])))
            groups = frozenset(normalize(g) for g in split_group_names(x.groups))
            if x.type and groups:
                meeting = self.meetings.setdefault((x.type, groups), Meeting(groups))
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
