"""The built-in platform catalog, as catalog rows in one language.

``catalog.json`` holds each platform's language-neutral codes once (type, theme ids, forms of
interaction, target group and purpose ids, levels, skills as theme ids, maintainers) and its
texts per language. The loader turns ids into the names a workbook shows (theme names from
``themes.json``, target groups and purposes from the catalog's own lists), so a row of the
Katalog sheet and a row the planner adds look alike. Validated by pydantic on load.
"""
from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from xlplugin.data import load_json
from xlplugin.domain import models as m

LANGUAGES = ("da", "en")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Named(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    name: dict[str, str]

    @model_validator(mode="after")
    def _every_language(self) -> Named:
        missing = [lang for lang in LANGUAGES if not self.name.get(lang, "").strip()]
        if missing:
            raise ValueError(f"{self.id}: no name in {', '.join(missing)}")
        return self


class TargetGroupEntry(Named):
    words: list[str] = Field(min_length=1)  # stems compared with a workbook's group names


class PlatformTexts(_Strict):
    name: str = Field(min_length=1, max_length=150)
    description: str = Field(min_length=1)
    interaction: str = Field(min_length=1)
    strengths: str = Field(min_length=1)
    weaknesses: str = Field(min_length=1)
    economy: str = Field(min_length=1)
    requirements: list[str] = Field(default_factory=list)


class PlatformEntry(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    type: m.PlatformType
    themes: list[str] = Field(min_length=1)
    forms: list[m.InteractionType] = Field(min_length=1)
    target_groups: list[str] = Field(min_length=1)
    purposes: list[str] = Field(min_length=1)
    construction_cost: m.Level
    running_cost: m.Level
    dependency: m.Level
    skills: list[str] = Field(default_factory=list)
    maintainers: list[m.Maintainer] = Field(min_length=1)
    da: PlatformTexts
    en: PlatformTexts


class CatalogData(_Strict):
    target_groups: list[TargetGroupEntry]
    purposes: list[Named]
    platforms: list[PlatformEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_known_and_unique(self) -> CatalogData:
        theme_ids = {th["id"] for th in load_json("themes.json")["da"]}
        groups = {g.id for g in self.target_groups}
        purposes = {p.id for p in self.purposes}
        seen: set[str] = set()
        for p in self.platforms:
            if p.id in seen:
                raise ValueError(f"platform id {p.id} twice")
            seen.add(p.id)
            for kind, ids, known in (
                ("theme", [*p.themes, *p.skills], theme_ids),
                ("target group", p.target_groups, groups),
                ("purpose", p.purposes, purposes),
            ):
                unknown = sorted(set(ids) - known)
                if unknown:
                    raise ValueError(f"platform {p.id}: unknown {kind} {', '.join(unknown)}")
        return self


@cache
def catalog_data() -> CatalogData:
    return CatalogData.model_validate(load_json("catalog.json"))


def package_catalog(lang: str) -> list[m.CatalogPlatform]:
    """The built-in catalog as rows of the Katalog sheet in ``lang`` (names, not ids)."""
    data = catalog_data()
    themes = {th["id"]: th["name"] for th in load_json("themes.json")[lang]}
    groups = {g.id: g.name[lang] for g in data.target_groups}
    purposes = {p.id: p.name[lang] for p in data.purposes}
    rows = []
    for p in data.platforms:
        text: PlatformTexts = getattr(p, lang)
        rows.append(
            m.CatalogPlatform(
                id=p.id,
                name=text.name,
                type=p.type,
                description=text.description,
                themes=m.NAME_LIST_SEPARATOR.join(themes[t] for t in p.themes),
                forms=p.forms,
                interaction=text.interaction,
                target_groups=m.NAME_LIST_SEPARATOR.join(groups[g] for g in p.target_groups),
                purposes=m.TEXT_LIST_SEPARATOR.join(purposes[x] for x in p.purposes),
                strengths=text.strengths,
                weaknesses=text.weaknesses,
                economy=text.economy,
                construction_cost=p.construction_cost,
                running_cost=p.running_cost,
                dependency=p.dependency,
                skills=m.NAME_LIST_SEPARATOR.join(themes[t] for t in p.skills) or None,
                requirements=m.TEXT_LIST_SEPARATOR.join(text.requirements) or None,
                maintainer=p.maintainers[0],
                other_maintainers=p.maintainers[1:],
            )
        )
    return rows


def package_target_group_words() -> dict[str, tuple[str, ...]]:
    """Per target group id: the words that name it, in every language (its names included).

    Evaluation compares a catalog row's target groups and a workbook's group names through them.
    """
    return {g.id: tuple(dict.fromkeys([*g.words, *g.name.values()])) for g in catalog_data().target_groups}
