"""The report's five steps (groups and purposes, the matrix, interactions and the network picture,
platforms, maintenance) and the reality-check log."""
from __future__ import annotations

from collections import Counter
from typing import Any

from xlplugin.actions.report.common import (
    MATRIX_GROUPS,
    MATRIX_ITEMS,
    NETWORK_NAMED,
    NETWORK_PAIRS,
    NETWORK_SINGLE,
    _Base,
    _chart,
    _without_empty_columns,
)
from xlplugin.domain import document as d
from xlplugin.domain import models as m
from xlplugin.domain.matrix import matrix_values
from xlplugin.domain.network import InteractionNode
from xlplugin.domain.phrases import Label, Phrase


class _Steps(_Base):
    # --- the steps -------------------------------------------------------------------------------
    def _step_heading(self, step: int) -> None:
        self.add(d.PageBreak(), d.Heading(self.r(f"step{step}.heading"), 1), d.Paragraph(self.r(f"step{step}.intro"), "lead"))

    def _step1(self) -> None:
        p = self.project
        self._step_heading(1)
        share = {g.name: (f"{g.share_pct:.0f} %" if g.share_pct is not None else "") for g in p.groups}
        self.add(
            d.Heading(self.w.value(Label("title", "groups")), 2),
            self.table(
                "groups",
                ("name", "location", "share_pct", "culture_bearing", "age", "employment", "other"),
                (
                    (g.name, self.ch("location", g.location), share[g.name], self.yes(g.culture_bearing), g.age or "", g.employment or "", g.other or "")
                    for g in p.groups
                ),
                (2, 1.4, 1, 1.2, 1.6, 1.6, 3),
                self.r("none.groups"),
            ),
            d.Heading(self.w.value(Label("title", "purposes")), 2),
            self.table(
                "purposes",
                ("purpose", "target_group", "priority"),
                ((x.purpose, x.target_group or "", self.ch("priority", x.priority)) for x in p.purposes),
                (5, 2, 1.2),
                self.r("none.purposes"),
            ),
        )
        chosen = [c for c in p.characteristics if c.chosen]
        self.add(
            d.Heading(self.w.value(Label("title", "characteristics")), 2),
            self.table(
                "characteristics",
                ("name", "description"),
                ((c.name, c.description or "") for c in chosen),
                (1.5, 5),
                self.r("none.characteristics"),
            ),
        )

    def _step2(self) -> None:
        self._step_heading(2)
        counts = {g.name: g for g in self.net.groups}
        self.add(
            d.Paragraph(
                self.r(
                    "step2.counts",
                    needs=sum(len(g.needs) for g in counts.values()),
                    resources=sum(len(g.resources) for g in counts.values()),
                    interests=sum(len(g.interests) for g in counts.values()),
                    groups=len(counts),
                )
            )
        )
        self.add(*self._matrix_tables())
        if counts:
            chart = _chart(
                self.r("chart.needs_resources"),
                tuple(counts),
                (
                    d.Series(self.w.value(Label("matrix", "row", "need")), tuple(float(len(g.needs)) for g in counts.values())),
                    d.Series(self.w.value(Label("matrix", "row", "resource")), tuple(float(len(g.resources)) for g in counts.values())),
                    d.Series(self.w.value(Label("matrix", "row", "interest")), tuple(float(len(g.interests)) for g in counts.values())),
                ),
                self.r("chart.count"),
            )
            self.add(d.Figure(chart, self.r("chart.needs_resources.caption"), height=0.3))

    def _matrix_tables(self) -> list[d.Block]:
        groups = self.net.groups
        if not groups:
            return [d.Paragraph(self.r("none.entries"), "small")]
        out: list[d.Block] = [d.Heading(self.w.value(Label("matrix", "title")), 2)]
        kinds = [k for k in m.EntryKind if k is not m.EntryKind.INTEREST or any(g.interests for g in groups)]
        for start in range(0, len(groups), MATRIX_GROUPS):
            part = [g.name for g in groups[start : start + MATRIX_GROUPS]]
            sub = self.project.model_copy(
                update={
                    "groups": [g for g in self.project.groups if g.name in part],
                    "entries": [e for e in self.project.entries if " ".join(e.group.split()) in part],
                }
            )
            rows_per_kind = MATRIX_ITEMS + 1
            grid = matrix_values(sub, 3 + 3 * rows_per_kind + 2, len(part) + 2)
            headers = tuple(self._cell(v) for v in grid[2][: len(part) + 1])
            rows: list[tuple[str, ...]] = []
            for kind in kinds:
                start_row = next(i for i, row in enumerate(grid) if row[0] == Phrase(f"matrix.row.{kind.value}"))
                cells = []
                for j in range(1, len(part) + 1):
                    items = []
                    for i in range(start_row, len(grid)):
                        if i > start_row and grid[i][0] is not None:
                            break
                        if grid[i][j] is not None:
                            items.append(self._cell(grid[i][j]))
                    cells.append("\n".join(f"• {x}" for x in items))
                rows.append((self._cell(grid[start_row][0]), *cells))
            out.append(d.Table(headers, tuple(rows), (1.3, *([3.0] * len(part))), style="matrix"))
        return out

    def _cell(self, value: Any) -> str:
        return "" if value is None else str(self.w(value) if isinstance(value, Phrase) else value)

    def _step3(self) -> None:
        p = self.project
        self._step_heading(3)
        chosen = self.net.interactions
        self.add(
            d.Paragraph(
                self.r(
                    "step3.counts",
                    proposed=len(p.interactions),
                    chosen=len(chosen),
                    internal=sum(not i.external for i in chosen),
                    external=sum(i.external for i in chosen),
                )
            )
        )
        self.add(d.Figure(self._network_picture(), self.r("network.caption"), height=self._network_height()))
        forms = Counter(i.interaction.type for i in chosen)
        if chosen:
            chart = _chart(
                self.r("chart.forms"),
                tuple(self.ch("interaction_type", t) for t in m.InteractionType),
                (
                    d.Series(self.ch("scope", m.Scope.INTERNAL), tuple(float(sum(1 for i in chosen if i.interaction.type is t and not i.external)) for t in m.InteractionType)),
                    d.Series(self.ch("scope", m.Scope.EXTERNAL), tuple(float(sum(1 for i in chosen if i.interaction.type is t and i.external)) for t in m.InteractionType)),
                ),
                self.r("chart.count"),
            )
            if sum(forms.values()):
                self.add(d.Figure(chart, self.r("chart.forms.caption"), height=0.2))
        rows = []
        for node in chosen:
            i = node.interaction
            rows.append(
                (
                    self.ch("interaction_type", i.type),
                    self._between(node),
                    i.theme or "",
                    self.ch("scope", m.Scope.EXTERNAL if node.external else m.Scope.INTERNAL),
                    self.w.join(list(self.net.platforms_of(node.key))) or "–",
                    i.comment or "",
                )
            )
        self.add(
            d.Heading(self.r("step3.chosen"), 2),
            _without_empty_columns(d.Table(
                (
                    self.col("interactions", "type"),
                    self.col("interactions", "groups"),
                    self.col("interactions", "theme"),
                    self.col("interactions", "scope"),
                    self.r("step3.carried_by"),
                    self.col("interactions", "comment"),
                ),
                tuple(rows),
                (1.9, 2.2, 1.8, 1.5, 2.2, 2.2),
                empty=self.r("none.interactions"),
            )),
        )
    def _network_height(self) -> float:
        rows = max(len(self.net.groups), len(self.net.interactions), len(self.net.platforms), 1)
        return min(1.35, max(0.55, 0.05 * rows + 0.25))

    def _network_picture(self) -> d.NetworkPicture:
        groups = []
        limit, length = 3, 32
        for g in self.net.groups:
            detail = []
            if len(self.net.groups) > NETWORK_NAMED:  # many groups: how many, the matrix names them
                detail.append(self.r("network.counts", needs=len(g.needs), resources=len(g.resources)))
            elif g.needs:
                detail.append(self.r("network.needs", items=self._listing(g.needs, limit, length)))
            if g.resources and len(self.net.groups) <= NETWORK_NAMED:
                detail.append(self.r("network.resources", items=self._listing(g.resources, limit, length)))
            groups.append(d.NetNode(g.name, g.name, tuple(detail), g.location.value))
        # One box per interaction; many are drawn one box per theme and form, listing who meets.
        bundles: dict[str, list[InteractionNode]] = {}
        for node in self.net.interactions:
            i = node.interaction
            key = node.key if len(self.net.interactions) <= NETWORK_SINGLE else f"{i.type}|{m.normalize(i.theme or node.key)}"
            bundles.setdefault(key, []).append(node)
        interactions = []
        edges: dict[tuple[str, str], bool] = {}  # (source, target) -> external
        for key, nodes in bundles.items():
            i = nodes[0].interaction
            label = i.theme or i.need or i.resource or nodes[0].key
            if len(nodes) > 1:
                label = self.r("network.bundle", theme=label, n=len(nodes))
            pairs = [self._between(n) for n in nodes]
            shown = [*pairs[:NETWORK_PAIRS], self.r("more", n=len(pairs) - NETWORK_PAIRS)] if len(pairs) > NETWORK_PAIRS + 1 else pairs
            interactions.append(d.NetNode(key, label, tuple(shown), i.type.value if i.type else ""))
            for node in nodes:
                for name in node.groups:
                    edges[(name, key)] = edges.get((name, key), False) or node.external
                for platform in self.net.platforms_of(node.key):
                    edges[(key, platform)] = edges.get((key, platform), False) or node.external
        platforms = [
            d.NetNode(" ".join(x.name.split()), x.name, (self.ch("platform_type", x.type),), x.type.value if x.type else "")
            for x in self.net.platforms
        ]
        forms = {i.interaction.type for i in self.net.interactions}
        legend = [(t.value, self.ch("interaction_type", t)) for t in m.InteractionType if t in forms]
        legend.append(("internal", self.r("network.internal")))
        if any(i.external for i in self.net.interactions):
            legend.append(("external", self.r("network.external")))
        if any(g.location is m.Location.LOCAL_AREA for g in self.net.groups):
            legend.append(("local_area", self.ch("location", m.Location.LOCAL_AREA)))
        return d.NetworkPicture(
            tuple(groups),
            tuple(interactions),
            tuple(platforms),
            tuple(d.NetEdge(a, b, external) for (a, b), external in edges.items()),
            (self.r("network.groups"), self.r("network.interactions"), self.r("network.platforms")),
            tuple(legend),
            self.r("network.empty"),
        )

    def _step4(self) -> None:
        p = self.project
        self._step_heading(4)
        chosen = self.net.platforms
        self.add(d.Paragraph(self.r("step4.counts", proposed=len(p.platforms), chosen=len(chosen))))
        for x in chosen:
            carried = [i.interaction.theme or i.key for i in self.net.interactions_of(" ".join(x.name.split()))]
            rows = [
                (self.col("platforms", "type"), self.ch("platform_type", x.type)),
                (self.col("platforms", "interactions"), x.interactions or ""),
                (self.r("step4.carries"), self.w.join(carried)),
                (self.col("platforms", "strengths"), x.strengths or ""),
                (self.col("platforms", "weaknesses"), x.weaknesses or ""),
                (self.col("platforms", "reasons"), x.reasons or ""),
                (self.col("platforms", "total"), f"{x.total:g}" if x.total is not None else ""),
            ]
            self.add(
                d.Heading(x.name, 3),
                d.Table(("", ""), tuple((k, v) for k, v in rows if v), (1, 3.6), style="facts"),
            )
        if not chosen:
            self.add(d.Paragraph(self.r("none.platforms"), "small"))
        if len(chosen) > 1:
            types = Counter(x.type for x in chosen)
            self.add(
                d.Figure(
                    _chart(
                        self.r("chart.platforms"),
                        tuple(self.ch("platform_type", t) for t in m.PlatformType),
                        (d.Series(self.r("chart.chosen"), tuple(float(types.get(t, 0)) for t in m.PlatformType)),),
                        self.r("chart.count"),
                    ),
                    self.r("chart.platforms.caption"),
                    height=0.2,
                )
            )
        requirements = [x.requirement for x in p.requirements if x.chosen]
        self.add(d.Heading(self.w.value(Label("title", "requirements")), 2))
        if requirements:
            self.add(d.Bullets(tuple(requirements)))
        elif p.requirements:
            self.add(d.Paragraph(self.r("step4.requirements_open"), "small"), d.Bullets(tuple(x.requirement for x in p.requirements)))
        else:
            self.add(d.Paragraph(self.r("none.requirements"), "small"))

    def _step5(self) -> None:
        p = self.project
        self._step_heading(5)
        total = sum(x.budget or 0 for x in p.maintenance)
        self.add(
            d.Heading(self.w.value(Label("title", "maintenance")), 2),
            self.table(
                "maintenance",
                ("platform", "maintainer", "startup", "frequency", "budget", "review_date", "success_criterion"),
                (
                    (
                        x.platform,
                        self.ch("maintainer", x.maintainer),
                        x.startup or "",
                        self.ch("frequency", x.frequency),
                        self.money(x.budget),
                        x.review_date.isoformat() if x.review_date else "",
                        x.success_criterion or "",
                    )
                    for x in p.maintenance
                ),
                (1.8, 1.4, 2.6, 1.1, 1.1, 1.2, 2.6),
                self.r("none.maintenance"),
            ),
        )
        if p.maintenance:
            self.add(d.Paragraph(self.r("step5.budget", budget=self.money(total), n=len(p.maintenance))))
        uncovered = self._without_maintenance()
        if uncovered:
            self.add(d.Paragraph(self.r("step5.uncovered", platforms=self.w.join(uncovered)), "alert"))
        who = Counter(x.maintainer for x in p.maintenance if x.maintainer)
        if who:
            self.add(d.Paragraph(self.r("step5.who", who=self.w.join([f"{self.ch('maintainer', k)} ({n})" for k, n in who.most_common()]))))
        self.add(d.Paragraph(self.r("step5.note"), "small"))

    def _reality(self) -> None:
        p = self.project
        self.add(
            d.Heading(self.w.value(Label("title", "constraints")), 1),
            d.Paragraph(self.r("reality.intro"), "lead"),
            self.table(
                "constraints",
                ("constraint", "category", "back_to_step", "action"),
                ((x.constraint, self.ch("constraint_category", x.category), self.ch("step", x.back_to_step), x.action or "") for x in p.constraints),
                (3.4, 1.3, 1, 3.4),
                self.r("none.constraints"),
            ),
        )
