"""Every input column of every table, and every fact on the Start sheet, shows an input prompt
(Excel's data-validation input message) in the workbook's language: whole, within Excel's
limits (title 32, prompt 255 characters), and with an example of what to write. Read back
from a generated workbook, as Excel would read it."""
from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from xlplugin.app import create_workbook
from xlplugin.layout import spec
from xlplugin.layout.spec import Kind
from xlplugin.layout.texts import LANGUAGES, texts

TITLE_MAX, PROMPT_MAX, ERROR_TITLE_MAX, ERROR_MAX = 32, 255, 32, 225
# An example says "fx" / "e.g."; a prompt for a fixed dropdown list may name one of its choices instead.
EXAMPLE = {"da": re.compile(r"\b[Ff]x\b"), "en": re.compile(r"\b[Ee]\.g\.")}


def _has_example(t, column, prompt: str) -> bool:
    if EXAMPLE[t.lang].search(prompt):
        return True
    key = column.list_key
    if key is None or spec.choice_list(key).dynamic:
        return False
    return any(t.choice(key, code) in prompt for code in spec.choice_list(key).codes)


def _cells(sqref) -> set[tuple[int, int]]:
    cells = set()
    for part in str(sqref).split():
        min_col, min_row, max_col, max_row = range_boundaries(part)
        cells |= {(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)}
    return cells


def _validations(ws) -> list[tuple[set[tuple[int, int]], object]]:
    return [(_cells(dv.sqref), dv) for dv in ws.data_validations.dataValidation]


def _prompt_at(validations, cells: set[tuple[int, int]]):
    """The one validation covering all ``cells`` that shows an input message."""
    found = [dv for covered, dv in validations if cells <= covered and dv.showInputMessage]
    assert len(found) == 1, f"{len(found)} input prompts cover {sorted(cells)[:2]}…"
    return found[0]


@pytest.fixture(scope="module", params=LANGUAGES)
def workbook(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(f"prompts-{request.param}") / "book.xlsx"
    create_workbook(path, lang=request.param, example=True)
    return request.param, load_workbook(path)


def _expected(t, table_key: str, column) -> str:
    text = t.help(table_key, column.key)
    if text is None and column.kind in (Kind.SCORE, Kind.RATING):
        text = t.help(table_key, "score")
    assert text, f"no prompt text help.{table_key}.{column.key} in {t.lang}"
    return text


def test_every_input_column_of_every_table_has_its_prompt_within_excels_limits(workbook):
    lang, wb = workbook
    t = texts(lang)
    checked = 0
    for sheet_spec in spec.SHEETS:
        if not sheet_spec.tables:
            continue
        ws = wb[t.sheet(sheet_spec.key)]
        validations = _validations(ws)
        for table_spec in sheet_spec.tables:
            if table_spec.key == "facts" or not spec.takes_input(table_spec):
                continue
            min_col, min_row, _, max_row = range_boundaries(ws.tables[t.table(table_spec.key)].ref)
            for i, column in enumerate(table_spec.columns):
                cells = {(r, min_col + i) for r in range(min_row + 1, max_row + 1)}
                dv = _prompt_at(validations, cells)
                where = f"{lang} {table_spec.key}.{column.key} ({get_column_letter(min_col + i)})"
                assert dv.promptTitle == t.header(table_spec.key, column.key), where
                assert 0 < len(dv.promptTitle) <= TITLE_MAX, where
                assert dv.prompt == _expected(t, table_spec.key, column), f"{where}: the prompt is cut or another"
                assert len(dv.prompt) <= PROMPT_MAX, where
                if not column.generated:
                    assert _has_example(t, column, dv.prompt), f"{where}: no example in {dv.prompt!r}"
                checked += 1
    assert checked == sum(len(tb.columns) for tb in spec.tables_by_key().values() if tb.key != "facts" and spec.takes_input(tb))


def test_every_fact_on_the_start_sheet_has_a_prompt_of_its_own(workbook):
    lang, wb = workbook
    t = texts(lang)
    ws = wb[t.sheet("start")]
    validations = _validations(ws)
    _, header_row, _, _ = range_boundaries(ws.tables[t.table("facts")].ref)
    prompts = []
    for r, fact in enumerate(spec.FACT_FIELDS, start=header_row + 1):
        assert ws.cell(r, 1).value == t[f"fact.{fact.key}"]
        dv = _prompt_at(validations, {(r, 2)})
        assert dv.promptTitle == t[f"fact.{fact.key}"] and len(dv.promptTitle) <= TITLE_MAX
        assert dv.prompt == t[f"help.facts.{fact.key}"] and len(dv.prompt) <= PROMPT_MAX
        assert _has_example(t, fact, dv.prompt), f"{fact.key}: no example in {dv.prompt!r}"
        prompts.append(dv.prompt)
    assert len(set(prompts)) == len(spec.FACT_FIELDS)


def test_error_messages_fit_excels_limits_uncut(workbook):
    lang, wb = workbook
    t = texts(lang)
    whole = {t[k] for k in t.keys() if k.startswith("dv.error")}  # noqa: SIM118 - Texts is no mapping
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.showErrorMessage:
                assert len(dv.errorTitle) <= ERROR_TITLE_MAX and len(dv.error) <= ERROR_MAX
                assert dv.error in whole and dv.errorTitle in whole, dv.error
