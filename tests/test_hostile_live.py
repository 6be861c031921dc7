"""Personal data anywhere in the open workbook (issue 16): the live adapter's whole-workbook read.

Through the openpyxl-backed xlwings test engine, as Excel for Windows and for Mac; comments are
read on Windows through COM (``Worksheet.Comments``), which the engine does not stand in for.
"""
from __future__ import annotations

import shutil

import pytest
import xlwings_engine
from workbooks import edit, example
from xlwings_engine import MAC, WINDOWS

from xlplugin.actions import validate
from xlplugin.domain.port import CellRef, CellText
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.live import LiveWorkbook
from xlplugin.layout.texts import texts


@pytest.mark.parametrize("platform", [WINDOWS, MAC], ids=["windows", "mac"])
def test_personal_data_outside_the_tables_is_found_live_as_in_the_file(tmp_path, platform):
    source = example(tmp_path)
    t = texts("da")
    edit(source, lambda wb: wb[t.sheet("step1")].cell(row=80, column=26, value="Jens 010203\u20131234"))
    on_disk, in_excel = tmp_path / "file.xlsx", tmp_path / "live.xlsx"
    shutil.copyfile(source, on_disk)
    shutil.copyfile(source, in_excel)
    live = LiveWorkbook(xlwings_engine.open_book(in_excel, platform))
    at = CellRef(t.sheet("step1"), 80, 26)
    assert CellText(at, "Jens 010203\u20131234") in live.read_all_text()
    by_live = {(f.key, f.at) for f in validate.run(live, write=False).findings}
    by_file = {(f.key, f.at) for f in validate.run(open_workbook(on_disk), write=False).findings}
    assert ("privacy_cpr", at) in by_live
    assert by_live == by_file
