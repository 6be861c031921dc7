"""Steps 4 and 5 through the in-memory gateway: `platforms` (Foreslå platforme) and `plan`
(Lav vedligeholdelsesplan) read the sheets, compute in the domain and merge with the
planner's rows. Milliseconds a test; the file and live adapters have their own tests below
and in test_steps45_files.py."""
from __future__ import annotations

import datetime as dt

import pytest
from fake_gateway import FakeWorkbook

from xlplugin.actions import plan, platforms, validate
from xlplugin.actions.new import example_project
from xlplugin.actions.platforms import computed_scores, criterion_weights
from xlplugin.data.catalog import package_target_group_words
from xlplugin.data.themes import package_theme_name
from xlplugin.domain import models as m
from xlplugin.domain.evaluation import CRITERIA, evaluate
from xlplugin.domain.port import Formula
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout import spec
from xlplugin.layout.sheet_formulas import total_formula
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words

LANGS = ("da", "en")


def book_of(lang: str, **update) -> FakeWorkbook:
    """The example as it stands after step 3 (childcare and IT selected), step 4 and 5 empty."""
    requirements = example_project(lang, steps=2).requirements  # the folder's three
    project = example_project(lang).model_copy(update={"platforms": [], "maintenance": [], "requirements": requirements, **update})
    return FakeWorkbook.from_project(project, lang)


def names(book: FakeWorkbook) -> list[str]:
    return [n for n in book.column("platforms", "name") if n]


def row_of(book: FakeWorkbook, name: str) -> int:
    return next(i for i, row in enumerate(book.tables["platforms"].rows) if row and row[0] == name)


def value(book: FakeWorkbook, table: str, row: int, column: str):
    t = texts(book.lang)
    tbl = book.tables[table]
    return tbl.rows[row][tbl.headers.index(t.header(table, column))]


def catalog_name(lang: str, platform_id: str) -> str:
    return next(p.name for p in example_project(lang).catalog if p.id == platform_id)


def set_weight(book: FakeWorkbook, key: str, weight: float) -> None:
    keys = book.column("criteria", "key")
    book.set("criteria", keys.index(key), "weight", weight)


@pytest.mark.parametrize("lang", LANGS)
def test_platforms_ranks_the_catalog_for_the_selected_interactions(lang):
    book = book_of(lang)
    summary = platforms.run(book)
    assert book.commits == 1 and summary.new == summary.total == platforms.CANDIDATES_SHOWN
    assert not summary.all_interactions and summary.basis == 2
    shown = names(book)
    for platform_id, within in (("children_lounge", 3), ("resident_app", 5), ("meal_scheme", platforms.CANDIDATES_SHOWN)):
        assert shown.index(catalog_name(lang, platform_id)) < within, platform_id
    # the step-3 rows each platform serves, by ID and title; strengths and weaknesses from the catalog
    project = example_project(lang)
    selected = [x for x in project.interactions if x.selected]
    lounge = row_of(book, catalog_name(lang, "children_lounge"))
    served = value(book, "platforms", lounge, "interactions")
    childcare = next(x for x in selected if x.theme == package_theme_name("childcare", lang))
    assert f"{childcare.id} {childcare.theme}" in served
    catalog = next(p for p in project.catalog if p.id == "children_lounge")
    assert value(book, "platforms", lounge, "strengths") == catalog.strengths
    assert value(book, "platforms", lounge, "weaknesses") == catalog.weaknesses
    # six scores on the one scale, six reason lines that record them, and a live total
    scores = [value(book, "platforms", lounge, key) for key in spec.SCORE_COLUMNS]
    assert all(m.SCORE_MIN <= s <= m.SCORE_MAX for s in scores)
    assert computed_scores(value(book, "platforms", lounge, "reasons")) == pytest.approx(scores)
    total = value(book, "platforms", lounge, "total")
    assert isinstance(total, Formula) and total.text.startswith("=IF(COUNT(")
    assert value(book, "platforms", lounge, "status") == texts(lang).choice("status", "new")
    assert value(book, "platforms", lounge, "origin") == texts(lang).choice("origin", "generated")
    assert Words(lang)(summary.phrases()[0]).startswith(f"{summary.new} ")


def test_changing_a_weight_on_the_sheet_changes_the_ranking():
    lang = "da"
    plain = book_of(lang)
    platforms.run(plain)
    operation_first = book_of(lang)
    for key in CRITERIA:
        set_weight(operation_first, key.value, 0)
    set_weight(operation_first, "operation", 1)
    platforms.run(operation_first)
    assert names(operation_first) != names(plain)
    ops = [value(operation_first, "platforms", i, "score_operation") for i in range(len(names(operation_first)))]
    assert ops == sorted(ops, reverse=True), "with only operation weighed, the ranking is by operation"
    assert ops[0] == m.SCORE_MAX


def test_renaming_a_criterion_does_not_drop_its_weight():
    lang = "da"
    weighed = book_of(lang)
    set_weight(weighed, "operation", 10)
    platforms.run(weighed)
    renamed = book_of(lang)
    set_weight(renamed, "operation", 10)
    for i, _ in enumerate(renamed.column("criteria", "name")):
        renamed.set("criteria", i, "name", f"Vores kriterium {i + 1}")
    platforms.run(renamed)
    assert names(renamed) == names(weighed)
    assert names(weighed) != names(platforms_run_plain(lang))


def platforms_run_plain(lang: str) -> FakeWorkbook:
    book = book_of(lang)
    platforms.run(book)
    return book


def test_weights_are_found_by_key_then_by_position_never_by_name():
    rows = [m.Criterion(name=f"K{i}", weight=float(i)) for i in range(6)]
    assert criterion_weights(rows) == {key.value: float(i) for i, key in enumerate(CRITERIA)}
    rows[5] = m.Criterion(name="Samspil (1-5)", weight=9, key="interactions")  # moved to the end, keyed
    weights = criterion_weights(rows)
    assert weights["interactions"] == 9 and weights["skills"] == 9.0
    assert criterion_weights([m.Criterion(name="Økonomi (1-5)", weight=4)]) == {"interactions": 4}


@pytest.mark.parametrize("lang", LANGS)
def test_the_total_formula_is_the_domains_total(lang):
    """The formula's arithmetic, evaluated here as Excel would, equals the evaluation's total."""
    project = example_project(lang)
    vocab = Vocabulary(project.themes, project.theme_links, lang, package_theme_name("usefulness", lang))
    weights = {"interactions": 3, "target_groups": 1, "purposes": 2, "economy": 0, "operation": 1, "skills": 0.5}
    criteria = [c.model_copy(update={"weight": weights[c.key]}) for c in project.criteria]
    evaluation = evaluate(project, vocab, criterion_weights(criteria), package_target_group_words())
    text = total_formula(texts(lang), [f"S{i}" for i in range(6)])
    for position, key in enumerate(CRITERIA, start=1):  # by key, else by position; never by name
        assert f'MATCH("{key.value}",' in text and f"],{position}))" in text
    assert "SUMIF" not in text
    for candidate in evaluation.candidates[:5]:
        scores = [s.score for s in candidate.scores]
        by_excel = round(sum(s * weights[k.value] for s, k in zip(scores, CRITERIA)) / sum(weights.values()), 2)
        assert by_excel == candidate.total


@pytest.mark.parametrize("lang", LANGS)
def test_a_planners_catalog_row_is_evaluated_like_a_built_in_one(lang):
    project = example_project(lang)
    lounge = next(p for p in project.catalog if p.id == "children_lounge")
    own = lounge.model_copy(update={"name": "Vores egen børnelounge", "id": None})
    book = book_of(lang, catalog=[*project.catalog, own])
    platforms.run(book)
    built_in, added = row_of(book, lounge.name), row_of(book, own.name)
    for key in spec.SCORE_COLUMNS:
        assert value(book, "platforms", added, key) == value(book, "platforms", built_in, key)


@pytest.mark.parametrize("lang", LANGS)
def test_a_broken_catalog_row_is_a_finding_not_a_crash(lang):
    project = example_project(lang)
    broken = m.CatalogPlatform(name="Ballade-rum", type=m.PlatformType.PHYSICAL, themes="Sjov og ballade", interaction="x", strengths="x", weaknesses="x")
    untyped = m.CatalogPlatform(name="Uden type", themes=project.themes[0].name)
    book = book_of(lang, catalog=[*project.catalog, broken, untyped])
    summary = platforms.run(book)
    assert summary.problems == 2
    findings = validate.run(book).findings
    row = next(f for f in findings if f.key == "catalog_row")
    # the finding points at the cell and never repeats what the planner typed
    assert "Ballade-rum" not in Words(lang)(row.message) and "Sjov og ballade" not in Words(lang)(row.message)
    assert any(f.key == "required_missing" for f in findings), "no type: the reader's finding"


@pytest.mark.parametrize("lang", LANGS)
def test_a_rerun_keeps_choices_comments_own_scores_and_hand_added_rows(lang):
    t = texts(lang)
    book = book_of(lang)
    platforms.run(book)
    before = names(book)
    yes = t.choice("yesno", "yes")
    book.set("platforms", 1, "selected", yes)
    book.set("platforms", 2, "comment", "Tal med afdelingsbestyrelsen")
    computed = value(book, "platforms", 0, "score_economy")
    own = 1.5 if computed != 1.5 else 2.5
    book.set("platforms", 0, "score_economy", own)
    hand = len(before)
    book.set("platforms", hand, "name", "Vores egen idé")
    book.set("platforms", hand, "type", t.choice("platform_type", "physical"))
    book.set("platforms", hand, "score_economy", 4)
    summary = platforms.run(book)
    assert names(book) == [*before, "Vores egen idé"]
    assert (summary.new, summary.updated, summary.unchanged, summary.kept_scores) == (0, 1, len(before) - 1, 1)
    assert value(book, "platforms", 0, "status") == t.choice("status", "updated"), "its reasons now name the planner's score"
    assert value(book, "platforms", 1, "selected") == yes
    assert value(book, "platforms", 2, "comment") == "Tal med afdelingsbestyrelsen"
    assert value(book, "platforms", 0, "score_economy") == own
    assert f"({str(own).replace('.', ',') if lang == 'da' else own})" in value(book, "platforms", 0, "reasons")
    assert value(book, "platforms", hand, "score_economy") == 4
    assert value(book, "platforms", hand, "origin") is None
    # a third run still knows the planner's score from the computed one the reasons recorded
    third = platforms.run(book)
    assert third.kept_scores == 1 and value(book, "platforms", 0, "score_economy") == own


def test_a_generated_row_no_longer_a_candidate_stays_only_if_the_planner_touched_it():
    lang = "da"
    t = texts(lang)
    book = book_of(lang)
    platforms.run(book)
    last, second_last = names(book)[-1], names(book)[-2]
    book.set("platforms", row_of(book, last), "comment", "Gem den")
    # nothing is selected on step 3 any more: the basis becomes all interactions, the ranking shifts
    ids = book.column("interactions", "selected")
    for i, _ in enumerate(ids):
        book.set("interactions", i, "selected", None)
    book.tables["catalog"].rows = [r for r in book.tables["catalog"].rows if r[0] not in (last, second_last)]
    summary = platforms.run(book)
    assert summary.all_interactions
    assert last in names(book) and second_last not in names(book)
    assert value(book, "platforms", row_of(book, last), "status") == t.choice("status", "outdated")
    assert summary.removed >= 1 and summary.outdated == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_requirements_follow_the_chosen_platforms_and_keep_the_planners(lang):
    t = texts(lang)
    book = book_of(lang)
    platforms.run(book)
    lounge = catalog_name(lang, "children_lounge")
    book.set("platforms", row_of(book, lounge), "selected", t.choice("yesno", "yes"))
    reqs = book.tables["requirements"]
    mine = len(book.column("requirements", "requirement"))
    book.set("requirements", mine, "requirement", "Cykelparkering ved indgangen")
    platforms.run(book)
    asked = book.column("requirements", "asked_by")
    texts_ = book.column("requirements", "requirement")
    assert texts_[:3] == t.items("requirement.folder") and "Cykelparkering ved indgangen" in texts_
    assert asked.count(lounge) == 3
    # the lounge is no longer chosen: the rows it asked for go, unless the planner chose one
    first_asked = texts_.index(next(x for x, a in zip(texts_, asked) if a == lounge))
    book.set("requirements", first_asked, "chosen", t.choice("yesno", "yes"))
    book.set("platforms", row_of(book, lounge), "selected", None)
    platforms.run(book)
    assert book.column("requirements", "requirement") == [*t.items("requirement.folder"), "Cykelparkering ved indgangen", texts_[first_asked]]
    assert reqs is book.tables["requirements"]


@pytest.mark.parametrize("lang", LANGS)
def test_plan_writes_a_row_per_chosen_platform_and_keeps_the_planners_fields(lang):
    t = texts(lang)
    project = example_project(lang)
    book = FakeWorkbook.from_project(project.model_copy(update={"maintenance": []}), lang)
    first = plan.run(book)
    chosen = [p.name for p in project.platforms if p.selected]
    assert book.column("maintenance", "platform") == chosen and first.new == 3
    advice = value(book, "maintenance", 0, "advice")
    assert t.choice("maintainer", "caretakers") in advice and advice.count("\n• ") == 2
    for i, name in enumerate(chosen):
        row = next(p for p in project.catalog if p.name == name)
        assert value(book, "maintenance", i, "maintainer") == t.choice("maintainer", row.maintainers[0].value)
    # the planner fills in their fields, changes who maintains, adds a row of their own
    book.set("maintenance", 0, "maintainer", t.choice("maintainer", "board"))
    book.set("maintenance", 0, "budget", 5000)
    book.set("maintenance", 0, "review_date", dt.datetime(2028, 1, 1))
    book.set("maintenance", 1, "budget", 1000)
    book.set("maintenance", 1, "review_date", dt.datetime(2027, 3, 1))
    book.set("maintenance", 3, "platform", "Sommerfest")
    book.set("maintenance", 3, "maintainer", t.choice("maintainer", "volunteers"))
    second = plan.run(book)
    assert (second.new, second.unchanged, second.kept) == (0, 3, 1)
    assert book.column("maintenance", "platform") == [chosen[1], chosen[0], chosen[2], "Sommerfest"], "in review-date order"
    assert value(book, "maintenance", 1, "maintainer") == t.choice("maintainer", "board")
    assert second.budget == 6000 and [name for _, name in second.reviews] == [chosen[1], chosen[0]]
    assert second.without_review == 2


def test_plan_without_chosen_platforms_says_so():
    book = FakeWorkbook.from_project(example_project("da", steps=2), "da")
    summary = plan.run(book)
    assert summary.chosen == 0 and summary.phrases()[0].key == "msg.plan.none_selected"


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_is_what_the_actions_leave_and_validates_clean(lang):
    book = FakeWorkbook.from_project(example_project(lang), lang)
    tables = {k: [list(r) for r in v.rows] for k, v in book.tables.items()}
    p = platforms.run(book)
    q = plan.run(book)
    assert (p.new, p.updated, p.outdated, p.removed) == (0, 0, 0, 0)
    assert (q.new, q.updated) == (0, 0)
    status = book.tables["platforms"].headers.index(texts(lang).header("platforms", "status"))
    for key in ("platforms", "maintenance", "requirements"):
        plain = [[None if isinstance(v, Formula) or (key == "platforms" and i == status) else v for i, v in enumerate(row)] for row in book.tables[key].rows]
        was = [[None if key == "platforms" and i == status else v for i, v in enumerate(row)] for row in tables[key]]
        assert [r for r in plain if any(r)] == [r for r in was if any(r)], key
    assert set(book.column("platforms", "status")) - {None} == {texts(lang).choice("status", "unchanged")}
    assert validate.run(book).findings == []


def test_validation_checks_the_reality_check_log():
    lang = "da"
    project = example_project(lang)
    constraints = [
        *project.constraints,
        m.RealityConstraint(constraint="Kommunen vil ikke betale", category=m.ConstraintCategory.POLITICAL),
    ]
    book = FakeWorkbook.from_project(project.model_copy(update={"constraints": constraints}), lang)
    book.set("constraints", 0, "back_to_step", "6")
    keys = {(f.key, f.at.row if f.at else None) for f in validate.run(book).findings}
    assert {k for k, _ in keys} == {"choice_unknown", "constraint_without_action"}


def test_a_criterion_with_an_unknown_key_is_a_warning():
    book = FakeWorkbook.from_project(example_project("da"), "da")
    book.set("criteria", 0, "key", "charm")
    assert [f.key for f in validate.run(book).findings] == ["criterion_key_unknown"]


def test_long_cells_are_cut_within_the_column_limit_keeping_their_lines():
    from xlplugin.actions.platforms import shorten_lines

    text = "Samspil 5,0: Understøtter 2\nMålgrupper 4,0: Når 2 af 3 grupper\nFormål 3,0: Tjener 1"
    assert shorten_lines(text, 200) == text
    cut = shorten_lines(text, 50)
    assert len(cut) <= 50 and cut.startswith("Samspil 5,0: Understøtter 2\nMålgrupper") and cut.endswith("…")


# --- notes typed beside the tables move with their rows (issue 16, item 8) ----------------------
def _note_beside(book: FakeWorkbook, table_key: str, row: int, text: str) -> None:
    from xlplugin.domain.port import CellRef

    table = book.tables[table_key]
    book.ranges[CellRef(table.sheet, table.header_row + 1 + row, table.first_col + len(table.headers) + 1)] = text


def _notes_by_row(book: FakeWorkbook, table_key: str, column: str) -> dict[str, str]:
    """Each note beside the table → the value of ``column`` on its row."""
    table = book.tables[table_key]
    return {
        text: value(book, table_key, at.row - table.header_row - 1, column)
        for at, text in book.ranges.items()
        if at.sheet == table.sheet and at.col > table.first_col + len(table.headers) and isinstance(text, str)
    }


def test_notes_beside_the_maintenance_plan_follow_their_rows_when_it_is_sorted():
    lang = "da"
    project = example_project(lang)
    book = FakeWorkbook.from_project(project.model_copy(update={"maintenance": []}), lang)
    plan.run(book)
    chosen = book.column("maintenance", "platform")
    for i, name in enumerate(chosen):
        _note_beside(book, "maintenance", i, f"note for {name}")
    _note_beside(book, "maintenance", len(chosen), "a note beside an empty row")
    book.set("maintenance", 0, "review_date", dt.datetime(2028, 1, 1))
    book.set("maintenance", 1, "review_date", dt.datetime(2027, 3, 1))
    plan.run(book)
    assert book.column("maintenance", "platform")[:2] == [chosen[1], chosen[0]], "the rows must have moved"
    notes = _notes_by_row(book, "maintenance", "platform")
    assert {note: name for note, name in notes.items() if name} == {f"note for {name}": name for name in chosen}
    assert notes["a note beside an empty row"] is None  # its (empty) row is kept, the note with it


def test_notes_beside_the_platforms_follow_their_rows_and_keep_a_platform_no_longer_a_candidate():
    lang = "da"
    t = texts(lang)
    book = book_of(lang)
    platforms.run(book)
    shown = names(book)
    for name in shown:
        _note_beside(book, "platforms", row_of(book, name), f"note for {name}")
    for key in CRITERIA:  # only operation weighed: the ranking changes
        set_weight(book, key.value, 0)
    set_weight(book, "operation", 1)
    last = shown[-1]
    book.tables["catalog"].rows = [r for r in book.tables["catalog"].rows if r[0] != last]
    platforms.run(book)
    assert names(book)[: len(shown)] != shown, "the rows must have moved"
    notes = _notes_by_row(book, "platforms", "name")
    assert notes == {f"note for {name}": name for name in shown}
    assert value(book, "platforms", row_of(book, last), "status") == t.choice("status", "outdated")
