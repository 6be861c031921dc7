"""workbook_templates/ holds what the generator writes today (content, not zip bytes)."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from xlplugin.actions.new import TEMPLATE_FILES
from xlplugin.app import create_workbook

TEMPLATES = Path(__file__).resolve().parents[1] / "workbook_templates"


def workbook_content(path: Path) -> dict:
    """Everything a user sees or Excel uses, without timestamps or zip layout."""
    wb = load_workbook(path)
    content: dict = {
        "sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets],
        "names": {name: dn.attr_text for name, dn in wb.defined_names.items()},
        "properties": {p.name: p.value for p in wb.custom_doc_props},
        "title": wb.properties.title,
    }
    for ws in wb.worksheets:
        content[ws.title] = {
            "cells": {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None},
            "styles": {c.coordinate: (c.number_format, c.font.b, c.fill.fgColor.rgb) for row in ws.iter_rows() for c in row if c.has_style},
            "tables": sorted((t.displayName, t.ref, tuple(col.name for col in t.tableColumns)) for t in ws.tables.values()),
            "validations": sorted(
                (str(dv.sqref), dv.type or "", dv.formula1 or "", dv.formula2 or "", dv.prompt or "", dv.promptTitle or "", dv.error or "", dv.errorTitle or "")
                for dv in ws.data_validations.dataValidation
            ),
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "freeze": ws.freeze_panes,
            "print": (ws.print_title_rows, ws.print_area, ws.page_setup.orientation, ws.oddFooter.left.text),
            "links": {c.coordinate: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink},
        }
    wb.close()
    return content


@pytest.mark.parametrize(("lang", "example"), list(TEMPLATE_FILES), ids=lambda v: str(v))
def test_template_equals_what_the_generator_writes(lang, example, tmp_path):
    committed = TEMPLATES / TEMPLATE_FILES[(lang, example)]
    assert committed.exists(), f"{committed.name} is missing: run  xlplugin templates workbook_templates"
    fresh = tmp_path / committed.name
    create_workbook(fresh, lang=lang, example=example)
    assert workbook_content(committed) == workbook_content(fresh), (
        f"{committed.name} is out of date: run  xlplugin templates workbook_templates"
    )


def test_content_comparison_sees_a_changed_cell(tmp_path):
    """The comparison can fail: one changed cell makes the contents differ."""
    path = tmp_path / "a.xlsx"
    create_workbook(path, lang="da")
    before = workbook_content(path)
    wb = load_workbook(path)
    wb.worksheets[1]["A1"] = "changed"
    wb.save(path)
    assert workbook_content(path) != before
