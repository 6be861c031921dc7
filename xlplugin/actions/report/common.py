"""Shared by the report's builders: the limits, the words (labels, choices, money, joins) and tables.

``_Base`` holds the state of one build (the validation, the project, its network, the blocks so
far) and the helpers both ``summary`` and ``steps`` use; ``_chart`` and ``_without_empty_columns``
trim charts and tables.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from xlplugin.actions import validate
from xlplugin.domain import document as d
from xlplugin.domain import models as m
from xlplugin.domain.maintenance_plan import chosen_platforms
from xlplugin.domain.network import InteractionNode, Network, network
from xlplugin.domain.phrases import Phrase, choice, column
from xlplugin.layout.words import Words

SUMMARY_LINES = 8  # lines per stage of the one-page summary before "… and N more"
MATRIX_GROUPS = 4  # groups side by side in one matrix table on an A4 page
MATRIX_ITEMS = 6  # entries per cell of the matrix before "… and N more"
NETWORK_NAMED = 8  # more groups than this: the picture counts their needs and resources
NETWORK_SINGLE = 16  # more chosen interactions than this: one box per theme and form
NETWORK_PAIRS = 6  # pairs of groups listed in such a box before "… and N more"


class _Base:
    def __init__(self, validation: validate.Validation):
        self.validation = validation
        self.project = validation.project
        self.w = Words(validation.lang)
        self.net: Network = network(self.project)
        self.blocks: list[d.Block] = []

    # --- words ---------------------------------------------------------------------------
    def r(self, key: str, **params: Any) -> str:
        return self.w(Phrase.of(f"report.{key}", **params))

    def col(self, table: str, key: str) -> str:
        return str(self.w.value(column(table, key)))

    def ch(self, list_key: str, code: m.Code | None) -> str:
        return str(self.w.value(choice(list_key, code.value))) if code is not None else ""

    def yes(self, value: bool | None) -> str:
        return "" if value is None else str(self.w.value(choice("yesno", "yes" if value else "no")))

    def money(self, value: float | None) -> str:
        if value is None:
            return ""
        text = f"{value:,.0f}"
        return self.r("money", amount=text.replace(",", ".") if self.w.lang == "da" else text)

    def more(self, lines: list[str], limit: int) -> list[str]:
        if len(lines) <= limit:
            return lines
        return [*lines[: limit - 1], self.r("more", n=len(lines) - limit + 1)]

    def add(self, *blocks: d.Block) -> None:
        self.blocks.extend(blocks)

    def table(self, table_key: str, keys: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float], empty: str) -> d.Table:
        return _without_empty_columns(
            d.Table(
                tuple(self.col(table_key, k) for k in keys),
                tuple(tuple(str(c) for c in row) for row in rows),
                tuple(widths),
                empty=empty,
            )
        )

    def _without_maintenance(self) -> list[str]:
        kept = {m.normalize(x.platform) for x in self.project.maintenance}
        return [x.name for x in chosen_platforms(self.project) if m.normalize(x.name) not in kept]

    @staticmethod
    def _between(node: InteractionNode) -> str:
        """Who meets: giver → receiver for mutual resources, else the groups with commas."""
        between = " → " if node.interaction.type is m.InteractionType.MUTUAL_RESOURCES else ", "
        return between.join(node.groups)

    def _listing(self, items: Sequence[str], limit: int, length: int) -> str:
        """The first few items, each cut short, "(+N)" for the rest."""
        cut = [x if len(x) <= length else x[: length - 1].rstrip() + "…" for x in items[:limit]]
        rest = f" (+{len(items) - limit})" if len(items) > limit else ""
        return self.w.join(cut) + rest


def _chart(title: str, categories: Sequence[str], series: Sequence[d.Series], value_label: str) -> d.BarChart:
    """A bar chart without the series that are zero everywhere (the first always stays)."""
    kept = [x for i, x in enumerate(series) if i == 0 or any(x.values)]
    return d.BarChart(title, tuple(categories), tuple(kept), value_label)


def _without_empty_columns(table: d.Table) -> d.Table:
    """The table without the columns no row fills (the first column always stays)."""
    if not table.rows:
        return table
    keep = [j for j in range(len(table.headers)) if j == 0 or any(row[j].strip() for row in table.rows)]
    widths = tuple(table.widths[j] for j in keep) if table.widths else None
    return d.Table(
        tuple(table.headers[j] for j in keep), tuple(tuple(row[j] for j in keep) for row in table.rows), widths, table.style, table.empty
    )
