"""`xlplugin demo`: the example workbook, then every action on it, from the command line."""
from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

from xlplugin.cli import main
from xlplugin.layout.texts import texts


@pytest.mark.parametrize("lang", ["da", "en"])
def test_demo_writes_the_example_and_runs_every_action(lang, tmp_path, capsys):
    assert main(["--lang", lang, "demo", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    t = texts(lang)
    for number, command in enumerate(("new", "match", "validate"), start=1):
        assert t.format("demo.step", number=number, command=command) in out
    path = tmp_path / "demo" / ("Eksempel.xlsx" if lang == "da" else "Example.xlsx")
    wb = CalamineWorkbook.from_path(str(path), load_tables=True)
    interactions = [row for row in wb.get_table_by_name(t.table("interactions")).to_python() if any(row)]
    findings = [row for row in wb.get_table_by_name(t.table("findings")).to_python() if any(row)]
    assert interactions, "match wrote no interactions"
    assert findings, "validate wrote nothing on the findings sheet"
