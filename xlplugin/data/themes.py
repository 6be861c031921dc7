"""The built-in theme vocabulary and its links, as models in one language.

New workbooks get a copy of both (sheet Temaer); matching uses the workbook's copy and
falls back to these only for a workbook that lacks them.
"""
from __future__ import annotations

from xlplugin.data import load_json
from xlplugin.domain import models as m


def package_themes(lang: str) -> list[m.Theme]:
    return [
        m.Theme(name=th["name"], description=th["description"], keywords=th["keywords"])
        for th in load_json("themes.json")[lang]
    ]


def package_theme_links(lang: str) -> list[m.ThemeLink]:
    data = load_json("themes.json")
    names = {th["id"]: th["name"] for th in data[lang]}
    return [
        m.ThemeLink(
            resource_theme=names[link["resource"]],
            need_theme=names[link["need"]],
            strength=link["strength"],
            note=link["note"][lang],
        )
        for link in data["compatibility"]
    ]


def package_theme_name(theme_id: str, lang: str) -> str:
    """The built-in name of a theme, e.g. the one whose need is met by giving."""
    return next(th["name"] for th in load_json("themes.json")[lang] if th["id"] == theme_id)
