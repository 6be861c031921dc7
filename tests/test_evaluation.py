"""Step 4's evaluation: candidate platforms ranked by six criteria on one 1-5 scale."""
from __future__ import annotations

import string

import pytest

from xlplugin.actions.new import example_project
from xlplugin.data.catalog import package_target_group_words
from xlplugin.data.themes import package_theme_name
from xlplugin.domain import models as m
from xlplugin.domain.evaluation import (
    CRITERIA,
    CriterionKey,
    GroupWords,
    evaluate,
    phrase_keys,
    resolve_weights,
    weights_in_order,
)
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout.texts import texts
from xlplugin.layout.words import render

LANGS = ("da", "en")
TOP = 12  # the candidates a sheet page shows


def vocabulary(project: m.Project, lang: str) -> Vocabulary:
    return Vocabulary(project.themes, project.theme_links, lang, package_theme_name("usefulness", lang))


def example(lang: str, *theme_ids: str) -> tuple[m.Project, Vocabulary]:
    """The folder's example after matching (as the example holds it), with the interactions of
    these themes selected instead of the example's own selection."""
    project = example_project(lang)
    vocab = vocabulary(project, lang)
    chosen = {package_theme_name(t, lang) for t in theme_ids}
    interactions = [i.model_copy(update={"selected": i.theme in chosen}) for i in project.interactions]
    return project.model_copy(update={"interactions": interactions}), vocab


def run(project: m.Project, vocab: Vocabulary, **kw):
    return evaluate(project, vocab, group_words=package_target_group_words(), **kw)


def ranked_ids(evaluation) -> list[str | None]:
    return [c.platform.id for c in evaluation.candidates]


def theme(lang: str, theme_id: str) -> str:
    return package_theme_name(theme_id, lang)


def test_the_example_has_the_interactions_the_tests_select():
    for lang in LANGS:
        project, _ = example(lang, "childcare", "it")
        selected = [i for i in project.interactions if i.selected]
        assert len(selected) == 2
        assert {i.type for i in selected} == {m.InteractionType.MUTUAL_RESOURCES}


@pytest.mark.parametrize("lang", LANGS)
def test_the_folders_three_platforms_are_among_the_top_candidates(lang):
    project, vocab = example(lang, "childcare", "it")
    evaluation = run(project, vocab)
    ids = ranked_ids(evaluation)
    assert ids[0] == "senior_family_help", "serves both selected interactions"
    assert ids.index("children_lounge") < 3
    assert ids.index("resident_app") < 5
    # the meal scheme serves neither interaction's theme; it is a meeting place for both
    # interactions' groups and serves both purposes of step 1
    assert ids.index("meal_scheme") < TOP
    top = {c.platform.id: c for c in evaluation.candidates}
    lounge = top["children_lounge"]
    assert "selvkørende" in lounge.platform.strengths or "Runs itself" in lounge.platform.strengths
    childcare = next(i.id for i in project.interactions if i.theme == theme(lang, "childcare"))
    it = next(i.id for i in project.interactions if i.theme == theme(lang, "it"))
    assert lounge.interaction_ids == (childcare,)
    assert top["resident_app"].interaction_ids == (it,)
    assert set(top["senior_family_help"].interaction_ids) == {childcare, it}
    assert top["meal_scheme"].interaction_ids == () and top["meal_scheme"].meeting_place == 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_meal_scheme_rises_when_the_interaction_it_serves_is_selected(lang):
    before = ranked_ids(run(*example(lang, "childcare", "it")))
    after = ranked_ids(run(*example(lang, "childcare", "it", "housekeeping")))
    assert after.index("meal_scheme") < before.index("meal_scheme") - 2


def platform(name: str, **fields) -> m.CatalogPlatform:
    base = {
        "type": m.PlatformType.CONTENT,
        "forms": [m.InteractionType.MUTUAL_RESOURCES],
        "target_groups": "Alle",
        "purposes": "Bekæmpe ensomhed og social isolation",
        "construction_cost": m.Level.LOW,
        "running_cost": m.Level.LOW,
        "dependency": m.Level.MEDIUM,
    }
    return m.CatalogPlatform(name=name, **{**base, **fields})


def test_a_platform_serving_both_selected_interactions_ranks_above_one_serving_one():
    project, vocab = example("da", "childcare", "it")
    one = platform("Én", themes=f"{theme('da', 'childcare')}, {theme('da', 'repairs')}")
    both = platform("Begge", themes=f"{theme('da', 'childcare')}, {theme('da', 'it')}")
    evaluation = run(project.model_copy(update={"catalog": [one, both]}), vocab)
    first, second = evaluation.candidates
    assert (first.platform.name, second.platform.name) == ("Begge", "Én")
    assert first.total > second.total
    assert first.score("interactions").score > second.score("interactions").score
    assert [s.score for s in first.scores[1:]] == [s.score for s in second.scores[1:]], "all else equal"
    assert len(first.interaction_ids) == 2 and len(second.interaction_ids) == 1


def test_changing_a_weight_changes_the_ranking_as_expected():
    project, vocab = example("da", "childcare", "it")
    fits = platform(
        "Passer til samspillene",
        themes=f"{theme('da', 'childcare')}, {theme('da', 'it')}",
        construction_cost=m.Level.MEDIUM,
        running_cost=m.Level.MEDIUM,
    )
    cheap = platform("Billig", themes=theme("da", "childcare"), running_cost=m.Level.MEDIUM)
    project = project.model_copy(update={"catalog": [fits, cheap]})
    assert [c.platform.name for c in run(project, vocab).candidates] == ["Passer til samspillene", "Billig"]
    heavier_economy = run(project, vocab, weights={"economy": 5})
    assert [c.platform.name for c in heavier_economy.candidates] == ["Billig", "Passer til samspillene"]
    assert heavier_economy.candidates[0].score("economy").weight == 5
    # weights are found by key, in any case, never by a criterion's display name
    assert run(project, vocab, weights={"ECONOMY": 5}).candidates[0].platform.name == "Billig"
    assert run(project, vocab, weights={"Økonomi (1-5)": 5}).candidates[0].platform.name == "Passer til samspillene"
    # no weight on interactions: they no longer lift the platform that serves both
    no_fit = run(project, vocab, weights={"interactions": 0})
    assert no_fit.candidates[0].platform.name == "Billig"


def test_weights_resolve_by_key_or_position():
    assert resolve_weights(None) == {key: 1.0 for key in CRITERIA}
    weights = resolve_weights({"skills": None, "economy": -2, "operation": 3, "unknown": 9})
    assert (weights[CriterionKey.SKILLS], weights[CriterionKey.ECONOMY], weights[CriterionKey.OPERATION]) == (1.0, 0.0, 3.0)
    assert weights_in_order([2, 0]) == {"interactions": 2, "target_groups": 0}


def test_the_total_is_the_weighted_mean_of_the_scores_shown():
    project, vocab = example("en", "childcare", "it")
    weights = {"interactions": 3, "purposes": 2, "skills": 0}
    for candidate in run(project, vocab, weights=weights).candidates:
        resolved = resolve_weights(weights)
        mean = sum(s.score * resolved[s.key] for s in candidate.scores) / sum(resolved.values())
        assert candidate.total == round(mean, 2)
        assert [s.key for s in candidate.scores] == list(CRITERIA)
        assert all(1 <= s.score <= 5 for s in candidate.scores)


@pytest.mark.parametrize("lang", LANGS)
def test_a_row_the_planner_adds_is_evaluated_like_a_built_in_one(lang):
    project, vocab = example(lang, "childcare", "it")
    built_in = next(r for r in project.catalog if r.id == "senior_family_help")
    own = built_in.model_copy(update={"id": None, "name": "Vores egen ordning"})
    evaluation = run(project.model_copy(update={"catalog": [*project.catalog, own]}), vocab)
    by_name = {c.platform.name: c for c in evaluation.candidates}
    original, copy = by_name[built_in.name], by_name["Vores egen ordning"]
    assert (copy.total, [s.score for s in copy.scores]) == (original.total, [s.score for s in original.scores])
    assert copy.interaction_ids == original.interaction_ids
    ids = [c.platform.name for c in evaluation.candidates]
    assert ids.index("Vores egen ordning") == ids.index(built_in.name) + 1, "ties keep the catalog's order"


def test_a_planner_row_in_the_planners_own_words():
    project, vocab = example("da", "childcare", "it")
    own = m.CatalogPlatform(
        name="Bedstemor-café",
        type=m.PlatformType.CONTENT,
        themes="børnepasning;  IT og digitale færdigheder",  # any case, any separator
        target_groups="Ældre beboere, familier",
        purposes="Mindre social isolation blandt de ældre",
    )
    candidate = next(c for c in run(project.model_copy(update={"catalog": [own]}), vocab).candidates)
    assert len(candidate.interaction_ids) == 2
    assert candidate.score("target_groups").score == 5
    assert candidate.purposes == ("Bekæmpe social isolation blandt ældre beboere",)
    assert candidate.score("economy").score == 3, "no levels: neutral, and said so"
    assert candidate.score("economy").reason == Phrase.of("eval.economy.unknown")


def test_a_broken_catalog_row_is_reported_not_a_crash():
    project, vocab = example("da", "childcare", "it")
    broken = m.CatalogPlatform(name="Halv række")
    odd = platform("Ukendt tema", themes=f"{theme('da', 'childcare')}, Månelandinger")
    evaluation = run(project.model_copy(update={"catalog": [broken, *project.catalog, odd]}), vocab)
    names = [c.platform.name for c in (*evaluation.candidates, *evaluation.others)]
    assert "Halv række" not in names and "Ukendt tema" in names
    missing, unknown = evaluation.problems
    assert (missing.row, missing.columns, missing.ranked) == (0, ("type", "themes"), False)
    assert (unknown.row, unknown.columns, unknown.ranked) == (len(project.catalog) + 1, ("themes",), True)
    # the finding points at the cell and never repeats what the planner typed
    assert "Månelandinger" not in render(unknown.message, "da") and "1" in render(unknown.message, "da")
    assert "Type og Temaer" in render(missing.message, "da")


def test_only_a_missing_type_is_enough_to_leave_a_row_out():
    project, vocab = example("en", "childcare", "it")
    row = platform("No type", themes=theme("en", "it"), type=None)
    evaluation = run(project.model_copy(update={"catalog": [row]}), vocab)
    assert evaluation.candidates == () and evaluation.problems[0].columns == ("type",)


def test_without_a_selection_all_current_interactions_are_the_basis():
    project, vocab = example("da")
    interactions = [
        i.model_copy(update={"status": m.RowStatus.OUTDATED}) if n == 0 else i for n, i in enumerate(project.interactions)
    ]
    evaluation = run(project.model_copy(update={"interactions": interactions}), vocab)
    assert evaluation.all_interactions and evaluation.basis == tuple(range(1, len(interactions)))
    assert "ingen er valgt" in render(evaluation.candidates[0].scores[0].reason, "da")


def test_the_candidates_serve_the_basis_and_the_rest_are_others():
    project, vocab = example("da", "childcare", "it")
    evaluation = run(project, vocab)
    assert all(c.serves_basis for c in evaluation.candidates)
    assert evaluation.others and not any(c.serves_basis for c in evaluation.others)
    assert {c.row for c in (*evaluation.candidates, *evaluation.others)} == set(range(len(project.catalog)))
    assert len(run(project, vocab, limit=3).candidates) == 3


def test_the_ranking_is_deterministic():
    project, vocab = example("en", "childcare", "it")
    first, second = run(project, vocab), run(project, vocab)
    assert first == second
    keys = [(-c.total, -len(c.interaction_rows), -c.scores[0].score, c.row) for c in first.candidates]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("descriptor", "group", "reached"),
    [
        ("Seniorer", "Ældre beboere", True),
        ("Seniors", "Elderly residents", True),
        ("Seniorer", "Seniors", True),
        ("Børn", "Børnefamilier", True),
        ("Children", "Families with children", True),
        ("Unge", "Studerende", False),
        ("Seniorer", "Børnefamilier", False),
        ("Young people", "Unge", True),
    ],
)
def test_target_groups_meet_group_names_in_either_language(descriptor, group, reached):
    words = GroupWords(package_target_group_words())
    assert bool(words.codes(descriptor) & words.codes(group)) is reached


def test_everyone_reaches_every_group_and_local_area_groups_by_location():
    project, vocab = example("da")
    groups = [*project.groups, m.ResidentGroup(name="Skolen", location=m.Location.LOCAL_AREA)]
    project = project.model_copy(update={"groups": groups, "interactions": []})
    rows = [platform("Alle", themes=theme("da", "it")), platform("Lokalt", themes=theme("da", "it"), target_groups="Lokalområdet")]
    evaluation = run(project.model_copy(update={"catalog": rows}), vocab)
    by_name = {c.platform.name: c for c in evaluation.candidates}
    assert by_name["Alle"].groups == ("Børnefamilier", "Seniorer", "Skolen")
    assert by_name["Lokalt"].groups == ("Skolen",)


def test_skills_count_against_a_platform_unless_a_group_offers_them():
    project, vocab = example("da", "childcare", "it")
    offered = platform("IT", themes=theme("da", "it"), skills=theme("da", "it"))
    missing = platform("Reparation", themes=theme("da", "it"), skills=theme("da", "repairs"))
    both = platform("Begge", themes=theme("da", "it"), skills=f"{theme('da', 'it')}, {theme('da', 'repairs')}")
    none = platform("Ingen", themes=theme("da", "it"))
    evaluation = run(project.model_copy(update={"catalog": [offered, missing, both, none]}), vocab)
    scores = {c.platform.name: c.score("skills").score for c in evaluation.candidates}
    assert scores == {"Ingen": 5, "IT": 4, "Reparation": 3, "Begge": 2}


def all_phrases(evaluation) -> list[Phrase]:
    out = [s.reason for c in (*evaluation.candidates, *evaluation.others) for s in c.scores]
    return out + [p.message for p in evaluation.problems] + [p.advice for p in evaluation.problems]


@pytest.mark.parametrize("lang", LANGS)
def test_every_phrase_key_used_exists_in_both_languages(lang):
    project, vocab = example(lang, "childcare", "it")
    broken = [m.CatalogPlatform(name="x"), platform("y", themes="Ukendt")]
    own = platform("z", themes=theme(lang, "it"), target_groups=None, purposes=None, construction_cost=None, running_cost=None, dependency=None)
    half = platform("w", themes=theme(lang, "it"), running_cost=None)
    catalog = [*project.catalog, *broken, own, half]
    scenarios = [
        project.model_copy(update={"catalog": catalog}),
        project.model_copy(update={"catalog": catalog, "interactions": [], "groups": [], "purposes": []}),
        example(lang)[0].model_copy(update={"catalog": catalog}),
        example(lang, "childcare", "it", "housekeeping", "social_contact", "homework", "physical_tasks")[0].model_copy(
            update={"catalog": [*catalog, platform("many", themes=", ".join(theme(lang, t) for t in ("childcare", "it", "homework", "housekeeping", "social_contact", "physical_tasks")))]}
        ),
    ]
    phrases = [p for project in scenarios for p in all_phrases(run(project, vocab))]
    keys = phrase_keys(phrases)
    assert {"eval.problem.missing", "eval.interactions.no_interactions", "eval.interactions.served_many", "eval.level.unknown"} <= keys
    for other in LANGS:
        t = texts(other)
        assert all(t.has(k) for k in keys), sorted(k for k in keys if not t.has(k))
        for phrase in phrases:
            assert "{" not in render(phrase, other)


def test_the_texts_of_steps_4_and_5_have_the_same_keys_and_placeholders_in_both_languages():
    prefixes = ("eval.", "plan.", "criterion.", "choice.level.", "list.level", "col.catalog.", "help.catalog.")
    da, en = texts("da"), texts("en")
    da_keys, en_keys = da.keys(), en.keys()  # Texts is no dict
    mine = {k for k in da_keys if k.startswith(prefixes)}
    assert mine == {k for k in en_keys if k.startswith(prefixes)}
    assert any(k.startswith("eval.") for k in mine) and any(k.startswith("plan.") for k in mine)

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key in mine:
        if isinstance(da._table[key], str):
            assert fields(da[key]) == fields(en[key]), key
