"""Step 5: a suggested maintenance plan for the chosen platforms, and the physical design
requirements they bring. Pure.

- One suggestion per chosen platform (step 4's platforms marked selected, in their order,
  each name once): who typically maintains it, from the workbook's catalog (the typical
  maintainer first), and the folder's advice for each of them as phrases: residents
  together, the department board's role, the caretakers' social duties, volunteer
  associations; a platform that depends much on someone to keep it going also gets the
  advice to create new concepts for active residency. A platform that is not in the catalog
  gets the advice to choose.
- Requirements for the building's ordinary physical design: the folder's three, then those
  the chosen platforms' catalog rows bring, each once (compared as names are), naming the
  platforms that asked for it. Content platforms can bring them too (a meal scheme needs a
  kitchen), so every chosen platform's requirements count.

The action merges these into the sheets; the planner's own rows and fields stay as typed.
"""
from __future__ import annotations

from dataclasses import dataclass

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize, split_texts
from xlplugin.domain.phrases import Many, Phrase, choice

FOLDER_REQUIREMENTS = ("staircase", "flexible_rooms", "around_dwellings")
ADVICE = {
    m.Maintainer.RESIDENTS: "plan.advice.residents",
    m.Maintainer.BOARD: "plan.advice.board",
    m.Maintainer.CARETAKERS: "plan.advice.caretakers",
    m.Maintainer.VOLUNTEERS: "plan.advice.volunteers",
    m.Maintainer.ORGANISATION: "plan.advice.organisation",
    m.Maintainer.MUNICIPALITY: "plan.advice.municipality",
    m.Maintainer.OTHER: "plan.advice.other",
}
NOTES = ("plan.note.equal_rank", "plan.note.experiment")


@dataclass(frozen=True)
class MaintenanceSuggestion:
    platform: str  # as step 4 names it
    platform_type: m.PlatformType | None
    catalog_row: int | None  # position in the workbook's catalog, from 0; None: not in it
    maintainers: tuple[m.Maintainer, ...]  # the typical one first
    reason: Phrase  # where the maintainers come from
    advice: tuple[Phrase, ...]

    @property
    def maintainer(self) -> m.Maintainer | None:
        return self.maintainers[0] if self.maintainers else None


@dataclass(frozen=True)
class RequirementSuggestion:
    requirement: Phrase | str  # the folder's as a phrase, a catalog row's as its text
    platforms: tuple[str, ...]  # the chosen platforms that asked for it; none for the folder's
    reason: Phrase

    @property
    def from_folder(self) -> bool:
        return isinstance(self.requirement, Phrase)


@dataclass(frozen=True)
class MaintenancePlan:
    items: tuple[MaintenanceSuggestion, ...]
    requirements: tuple[RequirementSuggestion, ...]
    notes: tuple[Phrase, ...]  # the folder's advice for the plan as a whole


def chosen_platforms(project: m.Project) -> list[m.Platform]:
    """Step 4's platforms marked selected, each name once, in the table's order."""
    seen: set[str] = set()
    out = []
    for p in project.platforms:
        key = normalize(p.name)
        if p.selected and key and key not in seen:
            seen.add(key)
            out.append(p)
    return out


def maintenance_plan(project: m.Project) -> MaintenancePlan:
    catalog: dict[str, tuple[int, m.CatalogPlatform]] = {}
    for row, entry in enumerate(project.catalog):
        catalog.setdefault(normalize(entry.name), (row, entry))
    chosen = chosen_platforms(project)
    items = [_item(p, catalog.get(normalize(p.name))) for p in chosen]
    return MaintenancePlan(tuple(items), tuple(_requirements(chosen, catalog)), tuple(Phrase.of(k) for k in NOTES))


def _item(platform: m.Platform, found: tuple[int, m.CatalogPlatform] | None) -> MaintenanceSuggestion:
    name = " ".join(platform.name.split())
    if found is None or not found[1].maintainers:
        return MaintenanceSuggestion(
            name,
            platform.type or (found[1].type if found else None),
            found[0] if found else None,
            (),
            Phrase.of("plan.maintainers.unknown"),
            (Phrase.of("plan.advice.choose"),),
        )
    row, entry = found
    maintainers = tuple(entry.maintainers)
    advice = [Phrase.of(ADVICE[who]) for who in maintainers]
    if entry.dependency is m.Level.HIGH:
        advice.append(Phrase.of("plan.advice.active_residents"))
    reason = Phrase.of("plan.maintainers.catalog", maintainers=Many(choice("maintainer", who.value) for who in maintainers))
    return MaintenanceSuggestion(name, platform.type or entry.type, row, maintainers, reason, tuple(advice))


def _requirements(
    chosen: list[m.Platform], catalog: dict[str, tuple[int, m.CatalogPlatform]]
) -> list[RequirementSuggestion]:
    out = [
        RequirementSuggestion(Phrase.of(f"plan.requirement.{key}"), (), Phrase.of("plan.reason.folder"))
        for key in FOLDER_REQUIREMENTS
    ]
    asked: dict[str, tuple[str, list[str]]] = {}  # requirement key -> text, platforms
    for platform in chosen:
        found = catalog.get(normalize(platform.name))
        if found is None:
            continue
        for text in split_texts(found[1].requirements):
            _, platforms = asked.setdefault(normalize(text), (text, []))
            name = " ".join(platform.name.split())
            if name not in platforms:
                platforms.append(name)
    for text, platforms in asked.values():
        out.append(RequirementSuggestion(text, tuple(platforms), Phrase.of("plan.reason.platforms", platforms=Many(platforms))))
    return out
