"""The actions' logic through the in-memory gateway: no file, no Excel, milliseconds a test."""
from __future__ import annotations

import pytest
from fake_gateway import FakeWorkbook

from xlplugin.actions import match, validate
from xlplugin.actions.new import example_project, starter_project
from xlplugin.domain import models as m
from xlplugin.domain.errors import UserError
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words

LANGS = ("da", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_validate_writes_findings_marks_and_commits_once(lang):
    book = FakeWorkbook.from_project(example_project(lang), lang)
    book.set("groups", 0, "share_pct", 150)  # a share above 100 %
    result = validate.run(book)
    assert book.commits == 1
    share = [f for f in result.findings if f.key == "share_range"]
    assert len(share) == 1 and share[0].at in book.marks
    problems = book.column("findings", "problem")
    assert Words(lang)(share[0].message) in problems
    assert result.exit_code == 1


@pytest.mark.parametrize("lang", LANGS)
def test_validate_without_write_touches_nothing(lang):
    book = FakeWorkbook.from_project(example_project(lang), lang)
    before = {key: [list(r) for r in table.rows] for key, table in book.tables.items()}
    result = validate.run(book, write=False)
    assert not result.written and book.commits == 0 and not book.marks
    assert {key: table.rows for key, table in book.tables.items()} == before


@pytest.mark.parametrize("lang", LANGS)
def test_match_fills_step_3_and_a_rerun_keeps_the_users_choices(lang):
    t = texts(lang)
    book = FakeWorkbook.from_project(example_project(lang, steps=2), lang)
    first = match.run(book)
    ids = book.column("interactions", "id")
    assert first.new == len(ids) > 0 and book.commits == 1
    book.set("interactions", 0, "selected", t.choice("yesno", "yes"))
    book.set("interactions", 0, "comment", "Tag det op på beboermødet")
    second = match.run(book)
    assert (second.new, second.unchanged) == (0, len(ids))
    assert book.column("interactions", "id") == ids
    assert book.column("interactions", "comment")[0] == "Tag det op på beboermødet"
    assert book.column("interactions", "selected")[0] == t.choice("yesno", "yes")
    assert book.column("interactions", "status")[0] == t.choice("status", m.RowStatus.UNCHANGED.value)


@pytest.mark.parametrize("lang", LANGS)
def test_match_writes_the_matrix_in_the_workbooks_language(lang):
    book = FakeWorkbook.from_project(example_project(lang), lang)
    summary = match.run(book)
    assert summary.matrix_at is not None
    assert book.ranges[summary.matrix_at] == texts(lang)["matrix.title"]


def test_match_on_a_blank_workbook_says_so_in_the_users_language():
    book = FakeWorkbook.from_project(starter_project("da"), "da")
    with pytest.raises(UserError) as refused:
        match.run(book)
    assert book.commits == 0
    # the command line speaks English, the workbook's names stay Danish
    lines = [Words("en", names="da")(refused.value.phrase)]
    assert lines[0] == texts("en").format("msg.match.no_entries", table=texts("da").table("entries"), sheet=texts("da").sheet("step2"))
