"""The matching engine (pure): the folder's examples, the three forms, scope, suggestions."""
from __future__ import annotations

import dataclasses

import pytest

from xlplugin.actions.new import example_project
from xlplugin.data.themes import package_theme_links, package_theme_name, package_themes
from xlplugin.domain import models as m
from xlplugin.domain.matching import interaction_id, match
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words

LANGS = ("da", "en")
MUTUAL, SOLUTION, THIRD = (m.InteractionType.MUTUAL_RESOURCES, m.InteractionType.COMMON_SOLUTION, m.InteractionType.COMMON_THIRD)

# Names in the worked example (package data), per language.
NAMES = {
    "da": {
        "families": "Børnefamilier",
        "seniors": "Seniorer",
        "childcare": "Børnepasning",
        "homework": "Lektiehjælp",
        "it": "IT og digitale færdigheder",
        "physical": "Fysisk krævende opgaver",
        "social": "Social kontakt",
        "food": "Mad og madlavning",
        "time": "Ledig og fleksibel tid",
        "experience": "Livserfaring",
        "mobility": "Mobilitet",
        "nature": "Natur og havebrug",
    },
    "en": {
        "families": "Families with children",
        "seniors": "Seniors",
        "childcare": "Childcare",
        "homework": "Homework help",
        "it": "IT and digital skills",
        "physical": "Physically demanding tasks",
        "social": "Social contact",
        "food": "Food and cooking",
        "time": "Free and flexible time",
        "experience": "Life experience",
        "mobility": "Mobility",
        "nature": "Nature and gardening",
    },
}


def vocabulary(project: m.Project, lang: str) -> Vocabulary:
    return Vocabulary(project.themes, project.theme_links, lang, package_theme_name("usefulness", lang))


def run(project: m.Project, lang: str):
    """Matching's result with its rows as the interaction sheet shows them (texts in ``lang``)."""
    result = match(project, vocabulary(project, lang))
    words = Words(lang)
    rows = [
        m.Interaction(**{f.name: words.value(getattr(p, f.name)) for f in dataclasses.fields(p)})
        for p in result.interactions
    ]
    return dataclasses.replace(result, interactions=rows)


def rows_of(result, kind, theme=None, groups=None):
    return [
        r
        for r in result.interactions
        if r.type is kind and (theme is None or r.theme == theme) and (groups is None or r.groups == groups)
    ]


def one(result, kind, theme, groups=None):
    found = rows_of(result, kind, theme, groups)
    assert len(found) == 1, [(r.type, r.groups, r.theme) for r in result.interactions]
    return found[0]


def arrow(giver: str, receiver: str) -> str:
    return f"{giver} → {receiver}"


@pytest.mark.parametrize("lang", LANGS)
def test_worked_example_gives_the_folders_own_examples(lang):
    n, t = NAMES[lang], texts(lang)
    project = example_project(lang)
    result = run(project, lang)
    seniors_help = arrow(n["seniors"], n["families"])
    families_help = arrow(n["families"], n["seniors"])

    childcare = one(result, MUTUAL, n["childcare"], seniors_help)
    assert n["time"] in childcare.resource
    homework = one(result, MUTUAL, n["homework"], seniors_help)
    assert n["experience"] in homework.resource
    # Life experience is the strongest link to homework: its strength and note are the reason given.
    link = next(k for k in project.theme_links if k.resource_theme == n["experience"] and k.need_theme == n["homework"])
    strength = t["reason.mutual.link"].rsplit(". ", 1)[1]
    assert strength.format(resource_theme=n["experience"], strength_word=t["reason.strength.3"], strength=3) in homework.reasoning
    assert link.note in homework.reasoning
    it = one(result, MUTUAL, n["it"], families_help)
    physical = one(result, MUTUAL, n["physical"], families_help)
    assert n["mobility"] in physical.resource
    social = one(result, MUTUAL, n["social"], families_help)

    useful_need = next(e.description for e in project.entries if e.theme == package_theme_name("usefulness", lang))
    useful_sentence = t.format("reason.useful", giver=n["seniors"], needs=useful_need)
    for row in (childcare, homework):
        assert useful_sentence in row.reasoning
    for row in (it, physical, social):  # the families give here: the seniors' need is not met by these
        assert useful_sentence not in row.reasoning
    for row in rows_of(result, MUTUAL):
        assert "→" in row.groups and row.scope is m.Scope.INTERNAL and row.origin is m.Origin.GENERATED
        # Help runs both ways between the two groups, and each row says what comes back.
        assert row.reasoning.count(t["reason.both_ways"].split("{")[0].strip()) == 1
    # The social purpose "fight isolation among the elderly" is served, named and scored.
    assert social.purposes == project.purposes[0].purpose
    assert t.format("reason.quote", text=project.purposes[0].purpose) in social.reasoning
    # Ranked: the row serving a high-priority purpose both ways comes first; scores stay within 0-10.
    assert result.interactions[0].score == max(r.score for r in result.interactions)
    assert all(0 < r.score <= 10 for r in result.interactions)
    # No group helps itself, and nothing comes from the usefulness need on its own.
    assert all(r.groups != arrow(n["seniors"], n["seniors"]) for r in result.interactions)
    assert not rows_of(result, SOLUTION) and not rows_of(result, THIRD)


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_stable_and_derived_from_type_groups_and_theme(lang):
    n = NAMES[lang]
    first, second = run(example_project(lang), lang), run(example_project(lang), lang)
    assert [r.model_dump() for r in first.interactions] == [r.model_dump() for r in second.interactions]
    ids = [r.id for r in first.interactions]
    assert len(set(ids)) == len(ids)
    childcare = one(first, MUTUAL, n["childcare"])
    assert childcare.id == interaction_id(MUTUAL, n["seniors"], n["families"], n["childcare"])
    # Details (descriptions) may change without changing the identity.
    project = example_project(lang)
    for entry in project.entries:
        entry.description = (entry.description or "") + " (rettet)"
    changed = run(project, lang)
    assert one(changed, MUTUAL, n["childcare"]).id == childcare.id


def students_and_seniors_with_healthy_food(lang: str) -> m.Project:
    n = NAMES[lang]
    project = example_project(lang)
    students = "Studerende" if lang == "da" else "Students"
    project.groups.append(m.ResidentGroup(name=students, location=m.Location.BUILDING))
    healthy = ("Sund mad", "Sund kost til hverdag") if lang == "da" else ("Healthy food", "A healthy everyday diet")
    project.entries += [
        m.Entry(group=students, kind=m.EntryKind.NEED, theme=n["food"], description=healthy[0]),
        m.Entry(group=n["seniors"], kind=m.EntryKind.NEED, theme=n["food"], description=healthy[1]),
    ]
    return project


@pytest.mark.parametrize("lang", LANGS)
def test_common_solution_is_one_row_naming_all_groups(lang):
    n, t = NAMES[lang], texts(lang)
    project = students_and_seniors_with_healthy_food(lang)
    students = project.groups[-1].name
    result = run(project, lang)
    row = one(result, SOLUTION, n["food"])
    assert row.groups == f"{n['seniors']}, {students}"  # in the order of step 1's groups
    assert students in row.need and n["seniors"] in row.need
    assert row.resource is None and row.scope is m.Scope.INTERNAL
    assert t.format("reason.common_solution", groups=f"{n['seniors']} {t['reason.and']} {students}", theme=n["food"], needs=row.need) in row.reasoning
    # A third group with the same need joins the same row (same ID), it does not add pairs.
    project.groups.append(m.ResidentGroup(name="X", location=m.Location.BUILDING))
    project.entries.append(m.Entry(group="X", kind=m.EntryKind.NEED, theme=n["food"], description="Mad"))
    wider = one(run(project, lang), SOLUTION, n["food"])
    assert wider.id == row.id and wider.groups.endswith(", X") and wider.score > row.score


@pytest.mark.parametrize("lang", LANGS)
def test_a_local_actor_with_a_resource_gives_external_rows(lang):
    n, t = NAMES[lang], texts(lang)
    project = example_project(lang)
    school = "Den lokale skole" if lang == "da" else "The local school"
    club = "Idrætsforeningen" if lang == "da" else "The sports club"
    youth = "Unge" if lang == "da" else "Young people"
    project.groups += [
        m.ResidentGroup(name=school, location=m.Location.LOCAL_AREA),
        m.ResidentGroup(name=club, location=m.Location.LOCAL_AREA),
        m.ResidentGroup(name=youth, location=m.Location.BUILDING),
    ]
    project.entries += [
        m.Entry(group=school, kind=m.EntryKind.RESOURCE, theme=n["homework"], description="Lektiecafé" if lang == "da" else "Homework café"),
        m.Entry(group=club, kind=m.EntryKind.RESOURCE, theme="Motion og sundhed" if lang == "da" else "Exercise and health", description="Trænere"),
        m.Entry(group=youth, kind=m.EntryKind.NEED, theme="Unges fritid" if lang == "da" else "Young people's leisure", description="Noget at tage sig til"),
    ]
    result = run(project, lang)
    school_row = one(result, MUTUAL, n["homework"], arrow(school, n["families"]))
    assert school_row.scope is m.Scope.EXTERNAL
    assert t.format("reason.external", groups=school) in school_row.reasoning
    club_row = one(result, MUTUAL, "Unges fritid" if lang == "da" else "Young people's leisure", arrow(club, youth))
    assert club_row.scope is m.Scope.EXTERNAL  # through the link exercise -> young people's leisure
    # The seniors' homework help stays internal.
    assert one(result, MUTUAL, n["homework"], arrow(n["seniors"], n["families"])).scope is m.Scope.INTERNAL


@pytest.mark.parametrize("lang", LANGS)
def test_common_third_from_shared_interests_and_a_chosen_characteristic(lang):
    n, t = NAMES[lang], texts(lang)
    project = example_project(lang)
    garden = ("Køkkenhave", "Blomster på altanen") if lang == "da" else ("Kitchen garden", "Flowers on the balcony")
    project.entries += [
        m.Entry(group=n["families"], kind=m.EntryKind.INTEREST, theme=n["nature"], description=garden[0]),
        m.Entry(group=n["seniors"], kind=m.EntryKind.INTEREST, theme=n["nature"], description=garden[1]),
    ]
    row = one(run(project, lang), THIRD, n["nature"])
    assert row.groups == f"{n['families']}, {n['seniors']}" and row.need is None
    assert garden[0] in row.resource and garden[1] in row.resource
    green = "Grønt" if lang == "da" else "Green"
    project.characteristics.append(m.Characteristic(name=green, chosen=True))
    with_green = one(run(project, lang), THIRD, n["nature"])
    assert with_green.id == row.id and with_green.score > row.score
    assert t.format("reason.characteristic", characteristics=green) in with_green.reasoning
    # One interest alone is no shared third.
    project.entries.pop()
    project.characteristics.pop()
    assert not rows_of(run(project, lang), THIRD)


@pytest.mark.parametrize("lang", LANGS)
def test_entry_without_theme_gets_a_suggestion_that_the_match_uses_and_names(lang):
    n, t = NAMES[lang], texts(lang)
    project = example_project(lang)
    index = next(i for i, e in enumerate(project.entries) if e.theme == n["childcare"])
    text = "Hjælp til at hente børnene fra skole" if lang == "da" else "Help picking the children up from school"
    project.entries[index] = project.entries[index].model_copy(update={"theme": None, "description": text})
    result = run(project, lang)
    assert result.suggestions[index] == n["childcare"] and result.suggested_count == 1
    assert all(s is None for i, s in enumerate(result.suggestions) if i != index)
    row = one(result, MUTUAL, n["childcare"], arrow(n["seniors"], n["families"]))
    assert t.format("reason.suggested", theme=n["childcare"], description=text, group=n["families"], sheet=t.sheet("step2")) in row.reasoning


@pytest.mark.parametrize(
    ("lang", "text", "theme"),
    [
        ("da", "Hjælp til at hente og passe børnene", "Børnepasning"),
        ("da", "Lektiehjælp til de store børn", "Lektiehjælp"),
        ("da", "Vi vil gerne spise sundt sammen", "Mad og madlavning"),
        ("da", "Nogen til de tunge løft", "Fysisk krævende opgaver"),
        ("da", "Ensomhed blandt ældre", "Social kontakt"),
        ("da", "Madklub i kælderen", "Mad og madlavning"),
        ("da", "Havearbejde", "Natur og havebrug"),
        ("da", "Hjælp til MitID og netbank", "IT og digitale færdigheder"),
        ("en", "Help minding the children", "Childcare"),
        ("en", "Healthy cooking together", "Food and cooking"),
        ("en", "Someone to help with heavy lifting", "Physically demanding tasks"),
        ("en", "Loneliness", "Social contact"),
    ],
)
def test_suggestion_uses_stems_and_compounds(lang, text, theme):
    vocab = Vocabulary(package_themes(lang), package_theme_links(lang), lang)
    assert vocab.suggest(text) == theme


def test_no_suggestion_without_a_keyword():
    vocab = Vocabulary(package_themes("da"), package_theme_links("da"), "da")
    assert vocab.suggest("Xyzzy qwerty") is None and vocab.suggest(None) is None


@pytest.mark.parametrize("lang", LANGS)
def test_matching_uses_the_workbooks_own_themes_and_links(lang):
    n = NAMES[lang]
    project = example_project(lang)
    # The user switches the link free time -> childcare off (strength 0).
    for link in project.theme_links:
        if link.resource_theme == n["time"] and link.need_theme == n["childcare"]:
            link.strength = 0
    result = run(project, lang)
    childcare = one(result, MUTUAL, n["childcare"])
    assert n["time"] not in childcare.resource and n["experience"] in childcare.resource  # weaker link remains
    # A theme of the user's own with a keyword, and a link of their own.
    own = "Cykelværksted" if lang == "da" else "Bike workshop"
    project.themes.append(m.Theme(name=own, keywords="cykelhjælp" if lang == "da" else "bikehelp"))
    project.theme_links.append(m.ThemeLink(resource_theme=n["it"], need_theme=own, strength=2, note="!"))
    project.entries.append(m.Entry(group=n["seniors"], kind=m.EntryKind.NEED, description="cykelhjælp" if lang == "da" else "bikehelp"))
    result = run(project, lang)
    assert result.suggestions[-1] == own
    row = one(result, MUTUAL, own, arrow(n["families"], n["seniors"]))
    assert row.reasoning.count("!") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_output_grows_with_distinct_combinations_not_entries_squared(lang):
    n = NAMES[lang]
    base = example_project(lang)
    base_rows = run(base, lang).interactions
    for copies in (10, 100):
        project = base.model_copy(deep=True)
        project.entries = [
            e.model_copy(update={"description": f"{e.description} {i}"}) for e in base.entries for i in range(copies)
        ]
        rows = run(project, lang).interactions
        # Same opportunities, same IDs: one row per type, groups and theme, however many entries.
        assert [(r.id, r.groups, r.theme) for r in rows] == [(r.id, r.groups, r.theme) for r in base_rows]
        childcare = one(run(project, lang), MUTUAL, n["childcare"])
        assert texts(lang)["reason.more_items"].split("}", 1)[1].format(n=copies - 5) in childcare.need


def test_long_descriptions_are_shortened_in_listings_and_quotes():
    lang = "da"
    project = example_project(lang)
    index = next(i for i, e in enumerate(project.entries) if e.theme == NAMES[lang]["childcare"])
    long_text = "Hjælp til at hente og passe børn " + "og meget mere " * 150
    project.entries[index] = project.entries[index].model_copy(update={"theme": None, "description": long_text})
    row = one(run(project, lang), MUTUAL, NAMES[lang]["childcare"])
    assert len(row.need) <= 100 and row.need.endswith("…")
    assert long_text[:40] in row.reasoning and long_text not in row.reasoning


def test_names_typed_in_decomposed_unicode_match_as_in_validation():
    """Text pasted from a PDF or a Mac may spell "å" as "a" + ring: the same name all the same."""
    import unicodedata

    lang = "da"
    project = example_project(lang)
    composed = "Ældre på Åbo"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    seniors = NAMES[lang]["seniors"]
    for group in project.groups:
        if group.name == seniors:
            group.name = composed
    for entry in project.entries:
        if entry.group == seniors:
            entry.group = decomposed
    childcare = one(run(project, lang), MUTUAL, NAMES[lang]["childcare"])
    assert childcare.groups == f"{composed}{m.GIVER_ARROW}{NAMES[lang]['families']}"
