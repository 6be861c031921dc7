"""Action `report`: the project as a few printed pages for the building's partners.

Reads the workbook through the port (and runs the rules, writing nothing), then builds a
``Document`` (``xlplugin.domain.document``) in the workbook's language: open errors and
warnings first, the project's facts, a one-page summary for a meeting (purposes → chosen
interactions → platforms → maintainers and budget → constraints), then the five steps with
step 2's matrix, the network picture and charts, the chosen platforms' strengths and
weaknesses, the maintenance plan and the reality-check log. The renderers
(``xlplugin.render``) turn the document into PDF or Word; this package draws nothing.

``summary`` builds the opening (findings, key figures, facts, the one-page summary), ``steps``
the five steps and the reality-check log, ``common`` holds the limits and shared helpers.
"""
from __future__ import annotations

from dataclasses import dataclass

from xlplugin.actions import validate
from xlplugin.actions.report.common import (
    MATRIX_GROUPS,
    MATRIX_ITEMS,
    NETWORK_NAMED,
    NETWORK_PAIRS,
    NETWORK_SINGLE,
    SUMMARY_LINES,
)
from xlplugin.actions.report.steps import _Steps
from xlplugin.actions.report.summary import _Summary
from xlplugin.domain import document as d
from xlplugin.domain import models as m
from xlplugin.domain.findings import Severity
from xlplugin.domain.maintenance_plan import chosen_platforms
from xlplugin.domain.network import chosen_interactions
from xlplugin.domain.port import WorkbookGateway

__all__ = [
    "MATRIX_GROUPS",
    "MATRIX_ITEMS",
    "NETWORK_NAMED",
    "NETWORK_PAIRS",
    "NETWORK_SINGLE",
    "SUMMARY_LINES",
    "Report",
    "build",
    "chosen_counts",
]


@dataclass
class Report:
    document: d.Document
    validation: validate.Validation

    @property
    def lang(self) -> str:
        return self.validation.lang

    @property
    def open_findings(self) -> int:
        return sum(f.severity is not Severity.NOTE for f in self.validation.findings)


def build(gateway: WorkbookGateway) -> Report:
    """Read, check (nothing is written) and build the report's document."""
    validation = validate.check(gateway)
    return Report(_Builder(validation).document(), validation)


class _Builder(_Summary, _Steps):
    """One build: the opening (``summary``), then the steps (``steps``), in the document's order."""

    # --- the document ----------------------------------------------------------------------
    def document(self) -> d.Document:
        facts = self.project.facts
        name = facts.name or self.r("unnamed")
        self._findings()
        self._facts()
        self._summary()
        self._step1()
        self._step2()
        self._step3()
        self._step4()
        self._step5()
        self._reality()
        return d.Document(
            title=self.r("title", name=name),
            subtitle=self.r("subtitle"),
            footer=name,
            page_label=self.r("page"),
            lang=self.w.lang,
            blocks=tuple(self.blocks),
        )


def chosen_counts(project: m.Project) -> tuple[int, int]:
    """How many interactions and platforms are chosen (the command line tells)."""
    return len(chosen_interactions(project)), len(chosen_platforms(project))
