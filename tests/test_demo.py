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
    for number, command in enumerate(("new", "match", "platforms", "plan", "validate"), start=1):
        assert t.format("demo.step", number=number, command=command) in out
    # the example walked all five steps: every action finds it as it left it, and it is clean
    assert t.format("validate.summary", errors=0, warnings=0, notes=0) in out
    path = tmp_path / "demo" / ("Eksempel.xlsx" if lang == "da" else "Example.xlsx")
    wb = CalamineWorkbook.from_path(str(path), load_tables=True)
    interactions = [row for row in wb.get_table_by_name(t.table("interactions")).to_python() if any(row)]
    findings = [row for row in wb.get_table_by_name(t.table("findings")).to_python() if any(row)]
    assert interactions, "match wrote no interactions"
    platforms = [row for row in wb.get_table_by_name(t.table("platforms")).to_python() if any(row)]
    plans = [row for row in wb.get_table_by_name(t.table("maintenance")).to_python() if any(row)]
    assert len(platforms) >= 3 and len(plans) == 3, "platforms ranked, a plan per chosen platform"
    assert findings, "validate wrote nothing on the findings sheet"
