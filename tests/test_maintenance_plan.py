"""Step 5's suggested plan: maintainers and the folder's advice per chosen platform, and the
physical design requirements the chosen platforms bring."""
from __future__ import annotations

import pytest

from xlplugin.actions.new import example_project
from xlplugin.domain import models as m
from xlplugin.domain.evaluation import phrase_keys
from xlplugin.domain.maintenance_plan import chosen_platforms, maintenance_plan
from xlplugin.domain.phrases import Phrase
from xlplugin.layout.texts import texts
from xlplugin.layout.words import render

LANGS = ("da", "en")


def catalog_row(project: m.Project, platform_id: str) -> m.CatalogPlatform:
    return next(r for r in project.catalog if r.id == platform_id)


@pytest.mark.parametrize("lang", LANGS)
def test_one_row_per_chosen_platform_with_the_catalogs_maintainers_and_the_folders_advice(lang):
    project = example_project(lang)
    lounge, meals = catalog_row(project, "children_lounge"), catalog_row(project, "meal_scheme")
    app = catalog_row(project, "resident_app")
    plan = maintenance_plan(project)
    # the example chooses the folder's three, in the order step 4 ranks them
    assert [i.platform for i in plan.items] == [lounge.name, app.name, meals.name]
    first, third, second = plan.items
    assert third.maintainers == (m.Maintainer.ORGANISATION, m.Maintainer.BOARD)
    assert first.maintainers == (m.Maintainer.CARETAKERS, m.Maintainer.RESIDENTS)
    assert first.maintainer is m.Maintainer.CARETAKERS
    assert [a.key for a in first.advice] == ["plan.advice.caretakers", "plan.advice.residents"]
    assert second.maintainers == (m.Maintainer.RESIDENTS,)
    assert [a.key for a in second.advice] == ["plan.advice.residents", "plan.advice.active_residents"], "depends on enthusiasts"
    assert first.platform_type is m.PlatformType.PHYSICAL and second.platform_type is m.PlatformType.CONTENT
    caretakers = texts(lang)["choice.maintainer.caretakers"]
    assert caretakers in render(first.reason, lang)
    assert [n.key for n in plan.notes] == ["plan.note.equal_rank", "plan.note.experiment"]


@pytest.mark.parametrize("lang", LANGS)
def test_requirements_are_the_folders_three_then_those_the_chosen_platforms_bring(lang):
    project = example_project(lang)
    lounge, meals = catalog_row(project, "children_lounge"), catalog_row(project, "meal_scheme")
    plan = maintenance_plan(project)
    folder, brought = plan.requirements[:3], plan.requirements[3:]
    assert all(r.from_folder and r.platforms == () for r in folder)
    assert [render(r.requirement, lang) for r in folder] == texts(lang).items("requirement.folder")
    assert [r.requirement for r in brought] == [*m.split_texts(lounge.requirements), *m.split_texts(meals.requirements)]
    assert [r.platforms for r in brought] == [(lounge.name,)] * 3 + [(meals.name,)]
    assert lounge.name in render(brought[0].reason, lang)


def test_a_requirement_two_platforms_ask_for_is_listed_once_naming_both():
    project = m.Project(
        platforms=[
            m.Platform(name="Værksted", selected=True),
            m.Platform(name="Reparationscafé", selected=True),
            m.Platform(name="Fællesrum", selected=False),
        ],
        catalog=[
            m.CatalogPlatform(name="værksted ", requirements="Strøm ved bordene; Lydisolering", maintainer="volunteers"),
            m.CatalogPlatform(name="Reparationscafé", requirements="strøm  ved bordene", maintainer="volunteers"),
            m.CatalogPlatform(name="Fællesrum", requirements="Synlig placering", maintainer="board"),
        ],
    )
    brought = maintenance_plan(project).requirements[3:]
    assert [(r.requirement, r.platforms) for r in brought] == [
        ("Strøm ved bordene", ("Værksted", "Reparationscafé")),
        ("Lydisolering", ("Værksted",)),
    ]
    assert render(brought[0].reason, "da") == "Ønskes af Værksted og Reparationscafé."


def test_a_platform_not_in_the_catalog_gets_the_advice_to_choose():
    project = m.Project(platforms=[m.Platform(name="Vores eget", type="content", selected=True)])
    (item,) = maintenance_plan(project).items
    assert item.maintainers == () and item.maintainer is None and item.catalog_row is None
    assert [a.key for a in item.advice] == ["plan.advice.choose"]
    assert item.reason == Phrase.of("plan.maintainers.unknown")
    assert len(maintenance_plan(project).requirements) == 3


def test_only_selected_platforms_count_and_each_name_once():
    project = m.Project(
        platforms=[
            m.Platform(name="A", selected=True),
            m.Platform(name="B", selected=None),
            m.Platform(name=" a ", selected=True),
            m.Platform(name="C", selected=True),
        ]
    )
    assert [p.name for p in chosen_platforms(project)] == ["A", "C"]
    assert maintenance_plan(m.Project()).items == ()


@pytest.mark.parametrize("lang", LANGS)
def test_every_phrase_key_used_exists_in_both_languages(lang):
    project = example_project(lang)
    everything = [m.Platform(name=r.name, selected=True) for r in project.catalog] + [m.Platform(name="Ukendt", selected=True)]
    plan = maintenance_plan(project.model_copy(update={"platforms": everything}))
    phrases = [*plan.notes]
    for item in plan.items:
        phrases += [item.reason, *item.advice]
    for req in plan.requirements:
        phrases.append(req.reason)
        if isinstance(req.requirement, Phrase):
            phrases.append(req.requirement)
    keys = phrase_keys(phrases)
    assert {f"plan.advice.{who.value}" for who in m.Maintainer} - {"plan.advice.other"} <= keys
    for other in LANGS:
        assert all(texts(other).has(k) for k in keys), sorted(k for k in keys if not texts(other).has(k))
        assert all("{" not in render(p, other) for p in phrases)
