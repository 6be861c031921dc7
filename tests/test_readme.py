"""The README's workbook structure is the layout spec's, and the README's test command is what CI runs."""
from __future__ import annotations

from pathlib import Path

from readme_structure import README, readme_block, structure_markdown

REPO = Path(__file__).resolve().parents[1]


def test_readme_workbook_structure_matches_the_spec():
    block = readme_block(README.read_text(encoding="utf-8"))
    assert block is not None, "README.md lost its structure block"
    assert block == structure_markdown(), "README is out of date: run  python tests/readme_structure.py --write"


def test_ci_runs_the_readme_test_command():
    readme = README.read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    command = ".venv/bin/python -m pytest -q"
    assert "bash .ci/run" in readme and command in readme
    assert any(line.strip().startswith(command) for line in ci.splitlines())
