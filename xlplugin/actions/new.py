"""Action `new`: a fresh project workbook, blank or with the folder's worked example."""
from __future__ import annotations

from pathlib import Path

from xlplugin.data import load_json
from xlplugin.data.catalog import package_catalog
from xlplugin.data.themes import package_theme_links, package_themes
from xlplugin.domain import models as m
from xlplugin.domain.port import NewWorkbookWriter
from xlplugin.layout import spec
from xlplugin.layout.texts import texts


def starter_project(lang: str) -> m.Project:
    """What every new workbook holds: the folder's lists, themes, criteria and a small catalog."""
    t = texts(lang)
    return m.Project(
        characteristics=[m.Characteristic(name=n) for n in t.items("characteristic.folder")],
        themes=package_themes(lang),
        theme_links=package_theme_links(lang),
        criteria=[
            m.Criterion(
                name=t.header("platforms", key),
                weight=1.0,
                description=t[f"criterion.{key}.description"],
            )
            for key in spec.SCORE_COLUMNS
        ],
        requirements=[m.DesignRequirement(requirement=r, from_folder=True) for r in t.items("requirement.folder")],
        catalog=package_catalog(lang),
    )


def example_project(lang: str) -> m.Project:
    """The folder's worked example (families with children and seniors) on top of the starter."""
    project = starter_project(lang)
    example = m.Project.model_validate(load_json("example.json")[lang])
    chosen = {c.name: c for c in example.characteristics}
    characteristics = [chosen.pop(c.name, c) for c in project.characteristics] + list(chosen.values())
    return project.model_copy(
        update={
            "facts": example.facts,
            "groups": example.groups,
            "purposes": example.purposes,
            "characteristics": characteristics,
            "entries": example.entries,
            "platforms": example.platforms,
            "maintenance": example.maintenance,
            "constraints": example.constraints,
        }
    )


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
