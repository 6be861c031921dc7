"""The Excel repair-rule lint: silent on files Excel wrote, loud on each broken rule."""
from __future__ import annotations

import pytest
from conftest import EXCEL_MADE, require_tool
from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table

from xlplugin.gateway.lint import lint_file, looks_like_cell_reference, name_problem


@pytest.mark.slow
def test_files_excel_wrote_pass_except_the_macro_workbook():
    require_tool("excel-made files", EXCEL_MADE)
    for path in sorted(EXCEL_MADE.glob("*.xls*")):
        problems = lint_file(path)
        if path.suffix == ".xlsm":
            assert problems == ["the file contains macros (vbaProject.bin): xl/vbaProject.bin"]
        else:
            assert problems == [], path.name


@pytest.mark.parametrize("name", ["A1", "xfd1048576", "R", "c", "R1C1", "r2c", "1abc", "a b", "a-b", ""])
def test_invalid_names(name):
    assert name_problem(name) is not None


@pytest.mark.parametrize("name", ["lst_groups", "Beboergrupper", "SocialeFormaal", "_x", "XFE1", "A0", "Økonomi", "a.b"])
def test_valid_names(name):
    assert name_problem(name) is None


def test_cell_reference_detection_respects_excels_grid():
    assert looks_like_cell_reference("XFD1")
    assert not looks_like_cell_reference("XFE1")
    assert not looks_like_cell_reference("A1048577")


def _sheet_with_table(wb, title, ref, headers, name):
    ws = wb.create_sheet(title)
    for i, header in enumerate(headers, start=1):
        ws.cell(row=1, column=i, value=header)
    ws.add_table(Table(displayName=name, ref=ref))
    return ws


def test_each_broken_rule_is_reported(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    ws = _sheet_with_table(wb, "One", "A1:B3", ["Name", "name"], "Dup")
    ws.add_table(Table(displayName="Other", ref="B2:C4"))  # overlaps Dup
    ws.merge_cells("A2:B2")
    _sheet_with_table(wb, "Two", "A1:B2", ["Name", 42], "R1C1")
    wb.defined_names["lst_x"] = DefinedName("lst_x", attr_text="One!$A$2:$A$3")
    wb.defined_names["R2C2"] = DefinedName("R2C2", attr_text="One!$A$2")
    long_list = DataValidation(type="list", formula1='"' + ",".join(["word"] * 60) + '"')
    long_list.add("D1")
    ws.add_data_validation(long_list)
    prompts = DataValidation(type="list", formula1="=lst_x", promptTitle="t" * 33, prompt="p" * 256, errorTitle="e" * 33, error="e" * 226)
    prompts.add("E1")
    ws.add_data_validation(prompts)
    unknown = DataValidation(type="list", formula1="lst_missing")
    unknown.add("F1")
    ws.add_data_validation(unknown)
    path = tmp_path / "broken.xlsx"
    wb.save(path)

    text = "\n".join(lint_file(path))
    for expected in (
        "header 'name' is used twice",
        "table 'Other' on 'One' overlaps table 'Dup'",
        "contains merged cells A2:B2",
        "header cell B1 is not a text",
        "table 'R1C1' looks like a cell reference",
        "defined name 'R2C2' looks like a cell reference",
        "list source has 299 characters",
        "prompt title has 33 characters",
        "prompt has 256 characters",
        "error title has 33 characters",
        "error has 226 characters",
        "list source '=lst_x' starts with '='",
        "refers to the unknown name 'lst_missing'",
    ):
        assert expected in text, expected


def test_a_table_name_clashing_with_a_defined_name_is_reported(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    _sheet_with_table(wb, "One", "A1:B3", ["Name", "Value"], "Groups")
    wb.defined_names["GROUPS"] = DefinedName("GROUPS", attr_text="One!$A$2")  # names ignore case
    path = tmp_path / "clash.xlsx"
    wb.save(path)
    assert lint_file(path) == ["table 'Groups' clashes with defined name 'GROUPS'"]


def test_a_workbook_openpyxl_cannot_read_is_a_problem_not_a_crash(tmp_path):
    wb = Workbook()
    ws = _sheet_with_table(wb, "One", "A1:B3", ["Name", "Value"], "Groups")
    ws.tables.add(Table(displayName="groups", ref="D1:E3"))  # add_table would refuse the clash
    path = tmp_path / "twice.xlsx"
    wb.save(path)
    problems = lint_file(path)
    assert len(problems) == 1 and problems[0].startswith("the workbook cannot be read"), problems
