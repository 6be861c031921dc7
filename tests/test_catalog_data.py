"""The built-in platform catalog: package data that validates, in both languages alike."""
from __future__ import annotations

import pytest

from xlplugin.actions.new import starter_project
from xlplugin.data import load_json
from xlplugin.data.catalog import (
    CatalogData,
    catalog_data,
    package_catalog,
    package_target_group_words,
)
from xlplugin.domain import models as m

LANGS = ("da", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalog_validates_in_both_languages_with_the_same_ids(lang):
    rows = package_catalog(lang)
    assert [r.id for r in rows] == [p.id for p in catalog_data().platforms]
    assert len({r.id for r in rows}) == len(rows)
    assert len({m.normalize(r.name) for r in rows}) == len(rows), "names are unique in a language"
    for row in rows:
        assert m.CatalogPlatform.model_validate(row.model_dump()) == row
        assert row.type and row.themes and row.forms and row.target_groups and row.purposes
        assert row.strengths and row.weaknesses and row.description and row.economy
        assert row.construction_cost and row.running_cost and row.dependency and row.maintainer


def test_at_least_forty_platforms_of_all_three_types():
    rows = package_catalog("da")
    assert len(rows) >= 40
    counts = {kind: sum(r.type is kind for r in rows) for kind in m.PlatformType}
    assert all(n >= 5 for n in counts.values()), counts


@pytest.mark.parametrize("lang", LANGS)
def test_themes_and_skills_are_names_of_the_built_in_themes(lang):
    names = {th["name"] for th in load_json("themes.json")[lang]}
    for row in package_catalog(lang):
        assert set(m.split_names(row.themes)) <= names
        assert set(m.split_names(row.skills)) <= names


def test_the_folders_three_examples_carry_the_folders_strengths_and_weaknesses():
    rows = {r.id: r for r in package_catalog("da")}
    lounge, meals, app = rows["children_lounge"], rows["meal_scheme"], rows["resident_app"]
    assert (lounge.type, meals.type, app.type) == (m.PlatformType.PHYSICAL, m.PlatformType.CONTENT, m.PlatformType.DIGITAL)
    assert "selvkørende" in lounge.strengths and "Hygiejne og vedligeholdelse" in lounge.weaknesses
    assert "på tværs af køn, generationer og etnicitet" in meals.strengths
    assert "tager ansvar" in meals.weaknesses and "tolerance" in meals.weaknesses
    assert "nabohjælp søges" in app.strengths and app.weaknesses == "Kræver digitale færdigheder."
    assert (lounge.interaction, meals.interaction, app.interaction) == ("Børneleg og sjov", "Sund madlavning", "Digitalt fællesskab")
    # the worked example's platforms are catalog rows by name, in both languages
    for lang in LANGS:
        catalog = {m.normalize(r.name) for r in package_catalog(lang)}
        example = load_json("example.json")[lang]["walk"]["platforms"]
        assert {m.normalize(p["name"]) for p in example} <= catalog


def test_a_new_workbook_starts_with_the_whole_catalog():
    assert starter_project("en").catalog == package_catalog("en")


def test_kroner_appear_only_with_a_named_source():
    for lang in LANGS:
        for row in package_catalog(lang):
            assert "kr." not in (row.economy or "") and "DKK" not in (row.economy or "")


def test_target_group_words_cover_both_languages():
    words = package_target_group_words()
    assert {"Seniorer", "Seniors", "ældr"} <= set(words["seniors"])
    assert {"Børnefamilier", "Families with children"} <= set(words["families"])


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.update(themes=["no_such_theme"]),
        lambda p: p.update(target_groups=["aliens"]),
        lambda p: p.update(type="virtual"),
        lambda p: p["en"].update(name=""),
        lambda p: p.update(forms=[]),
    ],
)
def test_broken_package_data_does_not_validate(change):
    data = {k: v for k, v in load_json("catalog.json").items()}
    first = {**data["platforms"][0], "en": dict(data["platforms"][0]["en"])}
    change(first)
    with pytest.raises(ValueError):
        CatalogData.model_validate({**data, "platforms": [first, *data["platforms"][1:]]})


def test_duplicate_ids_do_not_validate():
    data = load_json("catalog.json")
    with pytest.raises(ValueError, match="twice"):
        CatalogData.model_validate({**data, "platforms": [*data["platforms"], data["platforms"][0]]})


@pytest.mark.parametrize(
    ("text", "names", "texts"),
    [
        ("Børn, Børnefamilier; Seniorer", ["Børn", "Børnefamilier", "Seniorer"], ["Børn, Børnefamilier", "Seniorer"]),
        ("  a ,, b\nb ", ["a", "b"], ["a ,, b", "b"]),
        (None, [], []),
        ("", [], []),
    ],
)
def test_list_cells_split(text, names, texts):
    assert m.split_names(text) == names
    assert m.split_texts(text) == texts


def test_codes_may_come_as_text():
    row = m.CatalogPlatform(name="x", forms="common_third, mutual_resources", other_maintainers="board")
    assert row.forms == [m.InteractionType.COMMON_THIRD, m.InteractionType.MUTUAL_RESOURCES]
    assert row.maintainers == [m.Maintainer.BOARD]
    with pytest.raises(ValueError):
        m.CatalogPlatform(name="x", forms="sometimes")
