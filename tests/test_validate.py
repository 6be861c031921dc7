"""The validate action end to end: example, planted mistakes (da/en), marks, links, CLI."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import ooxml_validate, soffice_convert
from openpyxl import load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from python_calamine import CalamineWorkbook
from workbooks import cell, digest, edit, example, example_before_matching, fact_where, find_table, header_where, where

from xlplugin.app import validate_file
from xlplugin.cli import main
from xlplugin.gateway.regions import MARK_FORMULA
from xlplugin.layout.texts import texts

CPR = "0101901234"
EMAIL = "jens.hansen@example.dk"
PHONE = "12 34 56 78"
SECRETS = (CPR, "010190-1234", EMAIL, PHONE, "12345678")


def plant_mistakes(path, lang):
    """Plant one of each mistake; returns the exact findings expected, as (severity, key, sheet, cell)."""
    t = texts(lang)
    wb = load_workbook(path)
    rows_below = {}

    def put(table, field, index, value):
        cell(wb, lang, table, field, index).value = value

    first_group = cell(wb, lang, "groups", "name", 0).value
    second_group = cell(wb, lang, "groups", "name", 1).value
    # Tolerated without a finding: shares typed as text/fraction, labels in odd case, dates as text.
    put("groups", "share_pct", 0, "55 %")
    put("groups", "share_pct", 1, 0.45)
    put("maintenance", "review_date", 0, "2027-09-01")
    # 1 duplicate group (other case, stray spaces) whose share makes the total 110 %
    put("groups", "name", 2, f"  {first_group.upper()} ")
    put("groups", "location", 2, "  " + t.choice("location", "building").lower())
    put("groups", "share_pct", 2, "10")
    # 2 an entry for a group that does not exist; 3 a kind not in the list
    put("entries", "group", 0, "Studerende" if lang == "da" else "Students")
    put("entries", "kind", 1, "behov!!")
    # 4 a duplicate entry (same group, kind, description in another case)
    for field in ("group", "kind", "description"):
        source = cell(wb, lang, "entries", field, 2).value
        put("entries", field, 12, source.upper() if field == "description" else source)
    # 5-7 personal data in free text; 8 text too long
    put("groups", "other", 1, f"Fx Jens, {CPR}")
    put("groups", "other", 0, f"skriv til {EMAIL}")
    put("maintenance", "success_criterion", 0, f"Ring {PHONE}")
    put("groups", "education", 0, "x" * 2100)
    # 9 score out of range; 10 negative weight; 11 impossible date; 12 not yes/no
    put("platforms", "score_interactions", 0, 7)
    put("criteria", "weight", 0, -1)
    put("maintenance", "review_date", 1, "31-02-2027")
    unchosen = next(i for i in range(1, 20) if cell(wb, lang, "platforms", "selected", i).value is None)
    put("platforms", "selected", unchosen, "måske" if lang == "da" else "maybe")  # a platform not chosen
    # 13 a row typed just below the entries table
    ws, table = find_table(wb, lang, "entries")
    last = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    below = last + 1
    ws.cell(row=below, column=1, value=second_group)
    ws.cell(row=below, column=2, value=t.choice("entry_kind", "resource"))
    ws.cell(row=below, column=4, value="Ny ressource" if lang == "da" else "New resource")
    rows_below["entries"] = (ws.title, f"A{below}")
    wb.save(path)

    E, W, N = "error", "warning", "note"
    return {
        (E, "group_duplicate", *where(path, lang, "groups", "name", 2)),
        (E, "shares_total", *header_where(path, lang, "groups", "share_pct")),
        (E, "group_unknown", *where(path, lang, "entries", "group", 0)),
        (E, "choice_unknown", *where(path, lang, "entries", "kind", 1)),
        (W, "entry_duplicate", *where(path, lang, "entries", "description", 12)),
        (W, "privacy_cpr", *where(path, lang, "groups", "other", 1)),
        (W, "privacy_email", *where(path, lang, "groups", "other", 0)),
        (W, "privacy_phone", *where(path, lang, "maintenance", "success_criterion", 0)),
        (W, "text_too_long", *where(path, lang, "groups", "education", 0)),
        (E, "score_range", *where(path, lang, "platforms", "score_interactions", 0)),
        (E, "weight_negative", *where(path, lang, "criteria", "weight", 0)),
        (E, "not_date", *where(path, lang, "maintenance", "review_date", 1)),
        (E, "not_yesno", *where(path, lang, "platforms", "selected", unchosen)),
        (N, "typed_below", *rows_below["entries"]),
    }


def found(validation):
    return {(f.severity.value, f.key, f.sheet, f.cell) for f in validation.findings}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_example_validates_without_errors(tmp_path, lang, capsys):
    path = example(tmp_path, lang)
    assert main(["--lang", lang, "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert texts(lang).format("validate.summary", errors=0, warnings=0, notes=0) in out
    validation = validate_file(path, write=False)
    assert found(validation) == set(), "the example is a clean walk through all five steps"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_planted_mistakes_give_exactly_the_expected_findings(tmp_path, lang):
    path = example(tmp_path, lang)
    expected = plant_mistakes(path, lang)
    validation = validate_file(path)
    assert found(validation) == expected
    assert validation.exit_code == 1
    # the tolerated forms were read as meant
    project = validation.project
    assert [g.share_pct for g in project.groups] == [55, 45, 10]
    assert project.maintenance[0].review_date == dt.date(2027, 9, 1)
    assert project.entries[-1].description in ("Ny ressource", "New resource")
    # the findings sheet holds the same findings, in the workbook's language, linked to their cells
    wb = load_workbook(path)
    t = texts(lang)
    ws = wb[t.sheet("findings")]
    table = ws.tables[t.table("findings")]
    top = int(table.ref.split(":")[0].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rows = list(ws.iter_rows(min_row=top + 1, max_row=top + len(expected)))
    assert table.ref.endswith(str(top + len(expected)))
    seen = set()
    for severity, sheet, address, problem, advice in rows:
        assert severity.value in {t[f"severity.{s}"] for s in ("error", "warning", "note")}
        assert problem.value and advice.value
        assert address.hyperlink.location == f"'{sheet.value}'!{address.value}"
        seen.add((sheet.value, address.value))
    assert seen == {(s, c) for _, _, s, c in expected}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_finding_repeats_personal_data(tmp_path, lang, capsys):
    path = example(tmp_path, lang)
    plant_mistakes(path, lang)
    for cli_lang in ("da", "en"):
        assert main(["--lang", cli_lang, "validate", str(path)]) == 1
        out = capsys.readouterr()
        assert all(secret not in out.out + out.err for secret in SECRETS)
    findings_sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(texts(lang).sheet("findings")).to_python()
    text = repr(findings_sheet)
    assert all(secret not in text for secret in SECRETS)


def _marks(path):
    wb = load_workbook(path)
    marks, others = {}, {}
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                target = marks if MARK_FORMULA in (rule.formula or [""])[0] else others
                target.setdefault(ws.title, set()).update(str(cf.sqref).split())
    return marks, others


def test_marks_show_and_disappear_without_touching_user_formatting(tmp_path):
    lang = "da"
    path = example(tmp_path, lang)
    user_fill = PatternFill("solid", fgColor="00B050")

    def user_formatting(wb):
        target = cell(wb, lang, "platforms", "score_interactions", 0)
        target.value = 9
        target.fill = user_fill
        ws = target.parent
        ws.conditional_formatting.add("A1:A3", CellIsRule(operator="equal", formula=["1"], fill=user_fill))

    _, ours = _marks(path)  # the workbook's own conditional formats (step 2's matrix grid)
    assert set(ours) == {texts(lang).sheet("step2")}
    edit(path, user_formatting)
    sheet, address = where(path, lang, "platforms", "score_interactions", 0)
    validate_file(path)
    marks, others = _marks(path)
    assert address in marks[sheet]
    assert others == {**ours, sheet: {"A1:A3"}}
    wb = load_workbook(path)
    assert wb[sheet][address].fill.fgColor.rgb.endswith("00B050")

    edit(path, lambda wb: setattr(cell(wb, lang, "platforms", "score_interactions", 0), "value", 4))
    validation = validate_file(path)
    assert not validation.has_errors
    marks, others = _marks(path)
    assert address not in marks.get(sheet, set())
    assert others == {**ours, sheet: {"A1:A3"}}
    assert load_workbook(path)[sheet][address].fill.fgColor.rgb.endswith("00B050")


def test_no_write_leaves_the_file_alone(tmp_path, capsys):
    path = example(tmp_path, "da")
    before = digest(path)
    assert main(["validate", str(path), "--no-write"]) == 0
    assert digest(path) == before
    assert texts("da")["validate.not_written"] in capsys.readouterr().out
    assert not path.with_name(path.name + ".bak").exists()


def test_a_missing_findings_table_is_made_again_and_the_rest_still_works(tmp_path):
    lang = "en"
    path = example(tmp_path, lang)
    edit(path, lambda wb: wb.remove(wb[texts(lang).sheet("findings")]))
    validation = validate_file(path)
    assert "findings_restored" in {f.key for f in validation.findings}
    assert validation.findings_written and not validation.has_errors


def test_missing_fact_and_purposes_are_errors(tmp_path):
    lang = "da"
    path = example(tmp_path, lang)

    def clear(wb):
        fact_sheet, fact_cell = fact_where(path, lang, "name")
        wb[fact_sheet][fact_cell].value = None
        for i in range(2):
            for field in ("purpose", "target_group", "priority"):
                cell(wb, lang, "purposes", field, i).value = None

    edit(path, clear)
    validation = validate_file(path, write=False)
    keys = found(validation)
    assert ("error", "fact_missing", *fact_where(path, lang, "name")) in keys
    assert ("error", "no_purpose", *header_where(path, lang, "purposes", "purpose")) in keys


@pytest.mark.slow
def test_validated_workbook_is_valid_ooxml_and_opens_in_libreoffice(tmp_path):
    lang = "da"
    path = example(tmp_path, lang)
    plant_mistakes(path, lang)
    validate_file(path)
    assert ooxml_validate(path) == []
    converted = soffice_convert(path, "xlsx", tmp_path / "lo")
    book = CalamineWorkbook.from_path(str(converted), load_tables=True)
    rows = book.get_sheet_by_name(texts(lang).sheet("findings")).to_python()
    assert any(texts(lang)["severity.error"] in row for row in rows)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_matched_example_validates_as_before(tmp_path, lang):
    """Matching writes group lists (giver → receiver, or a comma list) that the rules read back."""
    from xlplugin.app import match_file

    path = example_before_matching(tmp_path, lang)
    before = found(validate_file(path, write=False))
    summary = match_file(path)
    assert summary.new > 0
    after = found(validate_file(path, write=False))
    assert after == before


def test_group_names_with_og_and_ampersand_are_single_names(tmp_path):
    lang = "da"
    path = example(tmp_path, lang)
    old = "Seniorer"
    new = "Ældre & enlige og pensionister"

    def rename(wb):
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and old in c.value and ws.title != texts(lang).sheet("lists"):
                        c.value = c.value.replace(old, new)

    edit(path, rename)
    validation = validate_file(path, write=False)
    assert not {f.key for f in validation.findings} & {"group_unknown", "group_unknown_in_list"}
    # A name that is really unknown is still found.
    edit(path, lambda wb: setattr(cell(wb, lang, "interactions", "groups", 0), "value", f"{new}, Studerende"))
    keys = found(validate_file(path, write=False))
    assert ("warning", "group_unknown_in_list", *where(path, lang, "interactions", "groups", 0)) in keys


def test_workbook_without_theme_links_gets_a_note_and_still_matches(tmp_path):
    from xlplugin.app import match_file

    lang = "da"
    path = example_before_matching(tmp_path, lang)
    name = texts(lang).table("theme_links")

    def drop_table(wb):
        ws, table = find_table(wb, lang, "theme_links")
        for row in ws[table.ref]:
            for c in row:
                c.value = None
        del ws.tables[name]

    edit(path, drop_table)
    validation = validate_file(path, write=False)
    notes = [f for f in validation.findings if f.key == "optional_table_missing"]
    assert [f.severity.value for f in notes] == ["note"]
    assert not validation.has_errors
    assert match_file(path).new > 0
