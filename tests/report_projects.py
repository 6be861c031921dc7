"""Projects for the report's tests and benchmark, as the workbook would hold them once steps
3-5 are filled in: the folder's example with every matched interaction chosen, and a large
project of 15 groups (four of them in the local area) with 40 chosen interactions, 10 chosen
platforms from the catalog, a maintenance plan and constraints."""
from __future__ import annotations

import datetime as dt
import random

from fake_gateway import FakeWorkbook

from xlplugin.actions import match
from xlplugin.actions.new import example_project, starter_project
from xlplugin.domain import models as m
from xlplugin.layout.reader import read_project

GROUPS = [
    ("Børnefamilier", m.Location.BUILDING), ("Seniorer", m.Location.BUILDING), ("Studerende", m.Location.BUILDING),
    ("Unge", m.Location.BUILDING), ("Enlige forældre", m.Location.BUILDING), ("Beboere med handicap", m.Location.BUILDING),
    ("Nye beboere", m.Location.BUILDING), ("Pensionister", m.Location.BUILDING), ("Erhvervsaktive", m.Location.BUILDING),
    ("Par uden børn", m.Location.BUILDING), ("Bedsteforældre", m.Location.BUILDING),
    ("Skolen", m.Location.LOCAL_AREA), ("Idrætsforeningen", m.Location.LOCAL_AREA),
    ("Lokalområdets seniorklub", m.Location.LOCAL_AREA), ("Kirken", m.Location.LOCAL_AREA),
]


def matched(project: m.Project, lang: str) -> m.Project:
    """The project after `match`: step 3 filled in by the real action."""
    book = FakeWorkbook.from_project(project, lang)
    match.run(book)
    return read_project(book).project


def example_with_choices(lang: str = "da") -> m.Project:
    """The folder's example with every interaction that matching finds marked selected."""
    project = matched(example_project(lang), lang)
    for interaction in project.interactions:
        interaction.selected = True
    return project


def large_project(lang: str = "da", chosen: int = 40, seed: int = 14) -> m.Project:
    """15 groups, needs and resources drawn from the workbook's own themes, matched, the first
    ``chosen`` interactions selected; 10 catalog platforms chosen, each with a maintenance row."""
    rng = random.Random(seed)
    project = starter_project(lang)
    themes = [t.name for t in project.themes]
    project.facts = m.ProjectFacts(
        name="Store Byhave, etape 1 og 2", organisation="Boligselskabet Test", department="Afdeling 7",
        municipality="Testrup Kommune", kind=m.ProjectKind.RENOVATION, phase=m.Phase.IDEA,
        responsible="Projektleder", date=dt.date(2026, 12, 1),
    )
    project.groups = [
        m.ResidentGroup(name=name, location=where, share_pct=(100 / 11 if where is m.Location.BUILDING else None))
        for name, where in GROUPS
    ]
    project.purposes = [
        m.SocialPurpose(purpose=text, priority=m.Priority.HIGH)
        for text in (
            "Bekæmpe social isolation blandt ældre beboere",
            "Styrke de unges uddannelse og jobmuligheder",
            "Fremme sundhed og fysisk aktivitet",
            "Skabe tryghed og godt naboskab",
        )
    ]
    entries = []
    for name, _ in GROUPS:
        for kind, n in ((m.EntryKind.NEED, 3), (m.EntryKind.RESOURCE, 3), (m.EntryKind.INTEREST, 1)):
            for theme in rng.sample(themes, n):
                entries.append(m.Entry(group=name, kind=kind, theme=theme, description=f"{theme} ({name.lower()})"))
    project.entries = entries
    project = matched(project, lang)
    for i, interaction in enumerate(project.interactions):
        interaction.selected = i < chosen
    picked = project.catalog[:10]
    project.platforms = [
        m.Platform(
            name=c.name, type=c.type, interactions=c.themes, strengths=c.strengths, weaknesses=c.weaknesses, selected=True,
        )
        for c in picked
    ] + [m.Platform(name=c.name, type=c.type, selected=False) for c in project.catalog[10:14]]
    project.maintenance = [
        m.MaintenanceItem(
            platform=c.name, maintainer=c.maintainer or m.Maintainer.RESIDENTS, frequency=m.Frequency.MONTHLY,
            budget=float(5000 + 1000 * k), startup="Opstartsmøde ved indflytning", success_criterion="Bruges hver uge",
        )
        for k, c in enumerate(picked[:8])
    ]
    project.constraints = [
        m.RealityConstraint(constraint="Fælleskøkkenet kræver ventilation, som ikke er budgetteret", category=m.ConstraintCategory.TECHNICAL, back_to_step=m.Step.STEP4, action="Spørg rådgiveren"),
        m.RealityConstraint(constraint="Kommunen kan ikke love drift af lektiecaféen efter 2027", category=m.ConstraintCategory.POLITICAL, back_to_step=m.Step.STEP5, action="Søg fondsmidler"),
    ]
    return project


def book(project: m.Project, lang: str = "da") -> FakeWorkbook:
    return FakeWorkbook.from_project(project, lang)
