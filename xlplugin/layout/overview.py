"""The Overblik / Overview sheet: where its key figures and chart data stand, and their values.

The sheet is built once (``xlplugin.gateway.overview``: titles, labels, native charts that
point at the data areas below); the `overview` action only rewrites the cell values, so the
charts follow. Everything is in fixed places:

- key figures: labels in column B, values in column C, rows ``FIGURES_TOP`` + i;
- needs, resources and interests per group: ``GROUP_ROWS`` rows from E (name) to H; a project
  with more groups shows the first ``GROUP_ROWS - 1`` and the rest summed in one row;
- chosen interactions per form (internal, external): J to L, three rows;
- chosen platforms per type (number, yearly budget of their maintenance rows): J to L, three rows.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from xlplugin.domain import models as m
from xlplugin.domain.maintenance_plan import chosen_platforms
from xlplugin.domain.network import network
from xlplugin.domain.phrases import Phrase, choice
from xlplugin.layout.words import Words

SHEET_KEY = "overview"
TITLE_ROW, INTRO_ROW = 1, 2
HEAD_ROW = 4  # the header row of every block
FIGURES_TOP = HEAD_ROW + 1
FIGURE_KEYS = (
    "groups", "local_groups", "needs", "resources", "interests", "interactions", "chosen",
    "internal", "external", "platforms", "covered", "budget", "constraints", "errors", "warnings",
)
FIG_LABEL_COL, FIG_VALUE_COL = 2, 3  # B, C
GROUP_COL, GROUP_ROWS = 5, 15  # E..H
FORM_COL = 10  # J..L
FORM_TOP = HEAD_ROW
TYPE_TOP = HEAD_ROW + 6
CHART_ROW = HEAD_ROW + GROUP_ROWS + 3


@dataclass(frozen=True)
class Block:
    """Values for a rectangle of the sheet, its top-left cell given as (row, column)."""

    row: int
    col: int
    values: list[list[Any]]


@dataclass(frozen=True)
class Counts:
    errors: int | None = None  # None: not checked (a new workbook)
    warnings: int | None = None


def overview_blocks(project: m.Project, words: Words, counts: Counts = Counts()) -> list[Block]:
    """Every value the action writes: labels and headers in ``words``' language, then numbers."""
    net = network(project)
    w = words

    def label(key: str, **params: Any) -> str:
        return w(Phrase.of(f"overview.{key}", **params))

    def ch(list_key: str, code: m.Code) -> str:
        return str(w.value(choice(list_key, code.value)))

    entries = Counter((m.normalize(e.group), e.kind) for e in project.entries)
    chosen = chosen_platforms(project)
    kept = {m.normalize(x.platform) for x in project.maintenance}
    budget_by_platform: dict[str, float] = {}
    for x in project.maintenance:
        budget_by_platform[m.normalize(x.platform)] = budget_by_platform.get(m.normalize(x.platform), 0.0) + (x.budget or 0.0)
    figures: dict[str, Any] = {
        "groups": len(net.groups),
        "local_groups": sum(g.location is m.Location.LOCAL_AREA for g in net.groups),
        "needs": sum(1 for e in project.entries if e.kind is m.EntryKind.NEED),
        "resources": sum(1 for e in project.entries if e.kind is m.EntryKind.RESOURCE),
        "interests": sum(1 for e in project.entries if e.kind is m.EntryKind.INTEREST),
        "interactions": len(project.interactions),
        "chosen": len(net.interactions),
        "internal": sum(not i.external for i in net.interactions),
        "external": sum(i.external for i in net.interactions),
        "platforms": len(chosen),
        "covered": sum(m.normalize(p.name) in kept for p in chosen),
        "budget": sum(x.budget or 0.0 for x in project.maintenance),
        "constraints": len(project.constraints),
        "errors": counts.errors,
        "warnings": counts.warnings,
    }
    blocks = [
        Block(TITLE_ROW, 1, [[label("title")]]),
        Block(INTRO_ROW, 1, [[label("intro")]]),
        Block(HEAD_ROW, FIG_LABEL_COL, [[label("figures"), label("value")]]),
        Block(FIGURES_TOP, FIG_LABEL_COL, [[label(f"figure.{k}"), figures[k]] for k in FIGURE_KEYS]),
    ]

    groups = [(g.name, [entries[(m.normalize(g.name), k)] for k in m.EntryKind]) for g in net.groups]
    if len(groups) > GROUP_ROWS:
        rest = groups[GROUP_ROWS - 1 :]
        groups = [*groups[: GROUP_ROWS - 1], (label("more_groups", n=len(rest)), [sum(r[1][i] for r in rest) for i in range(3)])]
    rows: list[list[Any]] = [[name, *values] for name, values in groups]
    rows += [[None, None, None, None]] * (GROUP_ROWS - len(rows))
    kinds = [str(w.value(_matrix_row(k))) for k in m.EntryKind]
    blocks.append(Block(HEAD_ROW, GROUP_COL, [[label("group"), *kinds], *rows]))

    forms = [
        [ch("interaction_type", t), sum(1 for i in net.interactions if i.interaction.type is t and not i.external),
         sum(1 for i in net.interactions if i.interaction.type is t and i.external)]
        for t in m.InteractionType
    ]
    blocks.append(Block(FORM_TOP, FORM_COL, [[label("form"), ch("scope", m.Scope.INTERNAL), ch("scope", m.Scope.EXTERNAL)], *forms]))
    types = [
        [ch("platform_type", t), sum(1 for p in chosen if p.type is t),
         sum(budget_by_platform.get(m.normalize(p.name), 0.0) for p in chosen if p.type is t)]
        for t in m.PlatformType
    ]
    blocks.append(Block(TYPE_TOP, FORM_COL, [[label("type"), label("chosen_platforms"), label("budget")], *types]))
    return blocks


def _matrix_row(kind: m.EntryKind) -> Any:
    from xlplugin.domain.phrases import Label

    return Label("matrix", "row", kind.value)
