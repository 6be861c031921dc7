"""The report's opening: open findings, key figures, the project's facts and the one-page summary."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from xlplugin.actions.report.common import SUMMARY_LINES, _Base
from xlplugin.domain import document as d
from xlplugin.domain import models as m
from xlplugin.domain.findings import Severity
from xlplugin.domain.phrases import Phrase


class _Summary(_Base):
    def _findings(self) -> None:
        open_ = [f for f in self.validation.findings if f.severity is not Severity.NOTE]
        if not open_:
            return
        errors = sum(f.is_error for f in open_)
        self.add(
            d.Heading(self.r("findings.heading"), 2),
            d.Paragraph(self.r("findings.intro", errors=errors, warnings=len(open_) - errors), "alert"),
            d.Table(
                (
                    self.col("findings", "severity"),
                    self.col("findings", "sheet"),
                    self.col("findings", "cell"),
                    self.col("findings", "problem"),
                ),
                tuple(
                    (self.w(Phrase(f"severity.{f.severity.value}")), f.sheet or "", f.cell or "", self.w(f.message))
                    for f in open_
                ),
                (1.2, 2, 1, 6),
            ),
        )

    def _facts(self) -> None:
        f = self.project.facts
        values = [
            ("organisation", f.organisation),
            ("department", f.department),
            ("municipality", f.municipality),
            ("kind", self.ch("project_kind", f.kind)),
            ("phase", self.ch("phase", f.phase)),
            ("responsible", f.responsible),
            ("date", f.date.isoformat() if f.date else None),
        ]
        self.add(d.Heading(self.r("figures.heading"), 2), self._key_figures())
        self.add(
            d.Heading(self.r("facts.heading"), 2),
            d.Table(
                (self.col("facts", "field"), self.col("facts", "value")),
                tuple((self.w(Phrase(f"fact.{k}")), str(v)) for k, v in values if v),
                (1, 2.4),
                style="facts",
                empty=self.r("facts.none"),
            ),
            d.Paragraph(self.r("facts.method"), "small"),
        )

    def _key_figures(self) -> d.Table:
        p, net = self.project, self.net
        entries = Counter(e.kind for e in p.entries)
        types = Counter(x.type for x in net.platforms)
        forms = Counter(i.interaction.type for i in net.interactions)
        rows = [
            (self.r("figures.groups"), self.r("figures.groups_value", n=len(net.groups), local=sum(g.location is m.Location.LOCAL_AREA for g in net.groups))),
            (
                self.r("figures.entries"),
                self.r("figures.entries_value", needs=entries[m.EntryKind.NEED], resources=entries[m.EntryKind.RESOURCE], interests=entries[m.EntryKind.INTEREST]),
            ),
            (
                self.r("figures.interactions"),
                self.r("figures.interactions_value", chosen=len(net.interactions), proposed=len(p.interactions), external=sum(i.external for i in net.interactions)),
            ),
            (self.r("figures.forms"), ", ".join(f"{self.ch('interaction_type', t)} {forms[t]}" for t in m.InteractionType if forms[t]) or "–"),
            (self.r("figures.platforms"), ", ".join(f"{self.ch('platform_type', t)} {types[t]}" for t in m.PlatformType if types[t]) or "–"),
            (
                self.r("figures.maintenance"),
                self.r("figures.maintenance_value", covered=len(net.platforms) - len(self._without_maintenance()), chosen=len(net.platforms), budget=self.money(sum(x.budget or 0 for x in p.maintenance))),
            ),
            (self.r("figures.constraints"), str(len(p.constraints))),
        ]
        return d.Table(("", ""), tuple(rows), (1, 2.4), style="facts")

    # --- the one-page summary ------------------------------------------------------------------
    def _summary(self) -> None:
        p = self.project
        purposes = [x.purpose for x in p.purposes if x.purpose]
        interactions = [self._interaction_line(i.interaction, i.groups) for i in self.net.interactions]
        platforms = [
            self.r("summary.platform", name=x.name, type=self.ch("platform_type", x.type) or "–") for x in self.net.platforms
        ]
        upkeep = [
            self.r(
                "summary.upkeep",
                platform=x.platform,
                maintainer=self.ch("maintainer", x.maintainer) or "–",
                budget=self.money(x.budget) or "–",
            )
            for x in p.maintenance
        ]
        total = sum(x.budget or 0 for x in p.maintenance)
        if p.maintenance:
            upkeep.append(self.r("summary.budget_total", budget=self.money(total)))
        uncovered = self._without_maintenance()
        if uncovered:
            upkeep.append(self.r("summary.uncovered", platforms=self.w.join(uncovered)))
        constraints = [
            self.r("summary.constraint", constraint=x.constraint, category=self.ch("constraint_category", x.category) or "–")
            for x in p.constraints
        ]
        stages = (
            (self.r("summary.purposes", n=len(purposes)), purposes, "summary.no_purposes"),
            (self.r("summary.interactions", n=len(interactions)), interactions, "summary.no_interactions"),
            (self.r("summary.platforms", n=len(platforms)), platforms, "summary.no_platforms"),
            (self.r("summary.maintenance"), upkeep, "summary.no_maintenance"),
            (self.r("summary.constraints", n=len(constraints)), constraints, "summary.no_constraints"),
        )
        self.add(
            d.PageBreak(),
            d.Heading(self.r("summary.heading"), 1),
            d.Paragraph(self.r("summary.intro"), "lead"),
            d.Flow(tuple((title, tuple(self.more(lines, SUMMARY_LINES) or [self.r(none)])) for title, lines, none in stages)),
        )

    def _interaction_line(self, i: m.Interaction, groups: Sequence[str]) -> str:
        what = i.theme or i.need or i.resource or i.id or ""
        who = " → ".join(groups) if i.type is m.InteractionType.MUTUAL_RESOURCES else self.w.join(list(groups))
        return self.r(
            "summary.interaction",
            what=what,
            groups=who or "–",
            form=self.ch("interaction_type", i.type) or "–",
        )
