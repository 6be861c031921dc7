"""Where the parts meet: the file gateway and the workbook writer handed to the actions.

The command line, the benchmarks and the tests use these for a workbook on disk; the ribbon
builds the live gateway instead. Everything heavy is imported when a function runs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xlplugin.actions.match import MatchSummary
    from xlplugin.actions.plan import PlanSummary
    from xlplugin.actions.platforms import PlatformsSummary
    from xlplugin.actions.validate import Validation
    from xlplugin.gateway.file import FileWorkbook


def open_file(path: Path | str, lang: str | None = None) -> FileWorkbook:
    from xlplugin.gateway.file import open_workbook

    return open_workbook(path, lang)


def create_workbook(path: Path | str, lang: str = "da", example: bool = False, name: str | None = None) -> int:
    """A new project workbook at ``path``; returns its number of sheets."""
    from xlplugin.actions import new
    from xlplugin.gateway.builder import write_new_workbook

    return new.create_workbook(write_new_workbook, Path(path), lang=lang, example=example, name=name)


def write_templates(folder: Path | str) -> list[tuple[Path, int]]:
    from xlplugin.actions import new
    from xlplugin.gateway.builder import write_new_workbook

    return new.write_templates(write_new_workbook, Path(folder))


def validate_file(path: Path | str, write: bool = True) -> Validation:
    from xlplugin.actions import validate

    return validate.run(open_file(path), write=write)


def match_file(path: Path | str) -> MatchSummary:
    from xlplugin.actions import match

    return match.run(open_file(path))


def platforms_file(path: Path | str) -> PlatformsSummary:
    from xlplugin.actions import platforms

    return platforms.run(open_file(path))


def plan_file(path: Path | str) -> PlanSummary:
    from xlplugin.actions import plan

    return plan.run(open_file(path))
