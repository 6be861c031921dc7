"""Step 2's matrix as the folder draws it: groups across, needs and resources down. Pure."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize

if TYPE_CHECKING:  # the layout hands these in; the domain does not depend on it
    from xlplugin.layout.spec import Area
    from xlplugin.layout.texts import Texts


def matrix_values(project: m.Project, area: Area, t: Texts) -> list[list[Any]]:
    """The whole area's values (None where empty), so a rewrite clears what an earlier run left."""
    names: dict[str, str] = {}
    local: set[str] = set()
    for g in project.groups:
        key = normalize(g.name)
        if key and key not in names:
            names[key] = " ".join(g.name.split())
            if g.location is m.Location.LOCAL_AREA:
                local.add(key)
    items: dict[tuple[str, m.EntryKind], list[str]] = {}
    for entry in project.entries:
        key = normalize(entry.group)
        if not key:
            continue
        names.setdefault(key, " ".join(entry.group.split()))
        text = " ".join(str(entry.description or entry.theme or "").split())
        if text:
            items.setdefault((key, entry.kind), []).append(text)

    groups = list(names)
    shown = groups if len(groups) < area.cols else groups[: area.cols - 2]
    grid: list[list[Any]] = [[None] * area.cols for _ in range(area.rows)]
    grid[0][0] = t["matrix.title"]
    grid[1][0] = t["matrix.intro"]
    grid[2][0] = t["matrix.corner"]
    for j, key in enumerate(shown, start=1):
        grid[2][j] = t.format("matrix.local_area", group=names[key]) if key in local else names[key]
    if len(shown) < len(groups):
        grid[2][len(shown) + 1] = t.format("matrix.more", n=len(groups) - len(shown))

    per_kind = (area.rows - 3 - (len(m.EntryKind) - 1)) // len(m.EntryKind)  # a blank row between kinds
    row = 3
    for kind in m.EntryKind:
        grid[row][0] = t[f"matrix.row.{kind.value}"]
        height = 1
        for j, key in enumerate(shown, start=1):
            listed = _capped(items.get((key, kind), []), per_kind, t)
            for i, text in enumerate(listed):
                grid[row + i][j] = text
            height = max(height, len(listed))
        row += height + 1
    return grid


def _capped(texts_: list[str], limit: int, t: Texts) -> list[str]:
    unique = list(dict.fromkeys(texts_))
    if len(unique) <= limit:
        return unique
    return unique[: limit - 1] + [t.format("matrix.more", n=len(unique) - limit + 1)]
