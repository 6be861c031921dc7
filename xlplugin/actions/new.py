"""Action `new`: a fresh project workbook, blank or with the folder's worked example."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xlplugin.data import load_json
from xlplugin.data.catalog import package_catalog, package_target_group_words
from xlplugin.data.themes import package_theme_links, package_theme_name, package_themes
from xlplugin.domain import models as m
from xlplugin.domain.evaluation import evaluate
from xlplugin.domain.maintenance_plan import maintenance_plan
from xlplugin.domain.matching import match
from xlplugin.domain.models import normalize
from xlplugin.domain.port import Formula, NewWorkbookWriter, RawTable
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout import spec
from xlplugin.layout.names import column_indexes
from xlplugin.layout.texts import texts
from xlplugin.layout.values import parse_cell, table_rows


def starter_project(lang: str) -> m.Project:
    """What every new workbook holds: the folder's lists, themes, criteria and a small catalog."""
    t = texts(lang)
    return m.Project(
        characteristics=[m.Characteristic(name=n) for n in t.items("characteristic.folder")],
        themes=package_themes(lang),
        theme_links=package_theme_links(lang),
        criteria=[
            m.Criterion(
                name=t[f"criterion.{key}.name"],
                weight=1.0,
                description=t[f"criterion.{key}.description"],
                key=key,
            )
            for key in m.CRITERION_KEYS
        ],
        requirements=[m.DesignRequirement(requirement=r, from_folder=True) for r in t.items("requirement.folder")],
        catalog=package_catalog(lang),
    )


def example_project(lang: str, steps: int = 5) -> m.Project:
    """The folder's worked example (families with children and seniors) on top of the starter,
    walked through all five steps as the actions would: matching (step 3) with the childcare
    and IT interactions selected, the platforms evaluated for them (step 4) with the example's
    choices, and the maintenance plan for those (step 5) with the planner's fields filled in.
    With ``steps`` 2: the example as it stands before matching (steps 1 and 2 only)."""
    project = starter_project(lang)
    data = dict(load_json("example.json")[lang])
    walk = data.pop("walk")
    example = m.Project.model_validate(data)
    chosen = {c.name: c for c in example.characteristics}
    characteristics = [chosen.pop(c.name, c) for c in project.characteristics] + list(chosen.values())
    project = project.model_copy(
        update={
            "facts": example.facts,
            "groups": example.groups,
            "purposes": example.purposes,
            "characteristics": characteristics,
            "entries": example.entries,
        }
    )
    if steps < 3:
        return project
    project.constraints = example.constraints
    return _walk(project, walk, lang)


def _walk(project: m.Project, walk: dict[str, Any], lang: str) -> m.Project:
    from xlplugin.actions.match import MatchSummary, merge_interactions
    from xlplugin.actions.plan import PlanSummary, merge_maintenance
    from xlplugin.actions.platforms import PlatformsSummary, criterion_weights, merge_platforms, merge_requirements

    vocabulary = Vocabulary(project.themes, project.theme_links, lang, package_theme_name("usefulness", lang))
    # step 3: the interactions matching finds, the example's selected by their themes (IDs are
    # the sheet's numbering, themes are what the folder's example is about)
    result = match(project, vocabulary)
    interactions = _after(project, "interactions", lang, lambda raw: merge_interactions(raw, result, lang, MatchSummary(lang)))
    selected = {normalize(theme) for theme in walk["selected_interactions"]}
    _all_found(selected, {normalize(x.theme) for x in interactions if x.theme}, "selected_interactions")
    project.interactions = [x.model_copy(update={"selected": True if normalize(x.theme) in selected else None}) for x in interactions]
    # step 4: the catalog evaluated for them, the example's choices
    evaluation = evaluate(project, vocabulary, criterion_weights(project.criteria), package_target_group_words())
    platforms = _after(project, "platforms", lang, lambda raw: merge_platforms(raw, evaluation, project, lang, PlatformsSummary(lang)))
    choices = {normalize(c["name"]): c.get("comment") for c in walk["platforms"]}
    _all_found(set(choices), {normalize(p.name) for p in platforms}, "platforms")
    project.platforms = [
        p.model_copy(update={"selected": True, "comment": choices[normalize(p.name)]}) if normalize(p.name) in choices else p
        for p in platforms
    ]
    # step 5: the plan for the chosen platforms, with what the planner wrote
    plan = maintenance_plan(project)
    project.maintenance = _after(project, "maintenance", lang, lambda raw: merge_maintenance(raw, plan, lang, PlanSummary(lang)))
    typed = {normalize(item["platform"]): item for item in walk["maintenance"]}
    _all_found(set(typed), {normalize(i.platform) for i in project.maintenance}, "maintenance")
    project.maintenance = [
        item.model_copy(update=m.MaintenanceItem.model_validate(typed[normalize(item.platform)]).model_dump(exclude_unset=True))
        if normalize(item.platform) in typed
        else item
        for item in project.maintenance
    ]
    project.maintenance.sort(key=lambda item: (item.review_date is None, item.review_date or dt.date.min))
    project.requirements = _after(project, "requirements", lang, lambda raw: merge_requirements(raw, plan, lang))
    chosen_requirements = {normalize(r) for r in walk.get("chosen_requirements", [])}
    project.requirements = [
        r.model_copy(update={"chosen": True}) if normalize(r.requirement) in chosen_requirements or r.from_folder else r
        for r in project.requirements
    ]
    return project


def _all_found(wanted: set[str], found: set[str], part: str) -> None:
    """The example names what the actions produce; a name they do not is a defect of example.json."""
    missing = sorted(wanted - found)
    if missing:
        raise ValueError(f"example.json: walk.{part} names {missing}, which the actions do not produce")


def _after(project: m.Project, table_key: str, lang: str, merge: Callable[[RawTable], tuple[list[str], list[list[Any]]]]) -> list[Any]:
    """The rows an action's merge writes into the table as it stands in ``project``, read back
    as models (formulas, such as the platforms' total, are the sheet's: None here)."""
    t = texts(lang)
    table = spec.table(table_key)
    headers = [t.header(table_key, c.key) for c in table.columns]
    raw = RawTable(table_key, t.table(table_key), t.sheet(spec.sheet_of_table()[table_key].key), 1, 1, headers, table_rows(project, table, t))
    new_headers, rows = merge(raw)
    index = column_indexes(RawTable(table_key, raw.name, raw.sheet, 1, 1, new_headers, []), table)
    items = []
    for row in rows:
        values = {}
        for column in table.columns:
            value = row[index[column.key]] if column.key in index and index[column.key] < len(row) else None
            if value is None or isinstance(value, Formula):
                continue
            parsed = parse_cell(column, value)
            if parsed is not None:
                values[column.key] = parsed
        if values:
            items.append(table.model.model_validate(values))
    return items


def new_project(lang: str = "da", example: bool = False, name: str | None = None) -> m.Project:
    """What a new workbook holds: the starter lists, or the folder's example; named if asked."""
    project = example_project(lang) if example else starter_project(lang)
    if name:
        project.facts.name = name
    return project


def create_workbook(
    write: NewWorkbookWriter, path: Path, lang: str = "da", example: bool = False, name: str | None = None
) -> int:
    """Write a new project workbook to ``path`` with ``write``; returns the number of sheets."""
    return write(new_project(lang, example, name), lang, path)


# The committed templates (workbook_templates/): blank and example, in both languages.
TEMPLATE_FILES: dict[tuple[str, bool], str] = {
    ("da", False): "Skabelon.xlsx",
    ("en", False): "Template.xlsx",
    ("da", True): "Eksempel.xlsx",
    ("en", True): "Example.xlsx",
}


def write_templates(write: NewWorkbookWriter, folder: Path) -> list[tuple[Path, int]]:
    """Write every template into ``folder``; returns each file with its number of sheets."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        (folder / filename, create_workbook(write, folder / filename, lang=lang, example=example))
        for (lang, example), filename in TEMPLATE_FILES.items()
    ]
