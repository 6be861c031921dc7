"""Step 2's matrix as the folder draws it: groups across, needs and resources down. Pure."""
from __future__ import annotations

from typing import Any

from xlplugin.domain import models as m
from xlplugin.domain.models import normalize
from xlplugin.domain.phrases import Phrase


def matrix_values(project: m.Project, n_rows: int, n_cols: int) -> list[list[Any]]:
    """The whole area's values (None where empty, phrases for the words), so a rewrite clears
    what an earlier run left. ``n_rows`` x ``n_cols``: the area the layout reserves."""
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
    shown = groups if len(groups) < n_cols else groups[: n_cols - 2]
    grid: list[list[Any]] = [[None] * n_cols for _ in range(n_rows)]
    grid[0][0] = Phrase("matrix.title")
    grid[1][0] = Phrase("matrix.intro")
    grid[2][0] = Phrase("matrix.corner")
    for j, key in enumerate(shown, start=1):
        grid[2][j] = Phrase.of("matrix.local_area", group=names[key]) if key in local else names[key]
    if len(shown) < len(groups):
        grid[2][len(shown) + 1] = Phrase.of("matrix.more", n=len(groups) - len(shown))

    per_kind = (n_rows - 3 - (len(m.EntryKind) - 1)) // len(m.EntryKind)  # a blank row between kinds
    row = 3
    for kind in m.EntryKind:
        grid[row][0] = Phrase(f"matrix.row.{kind.value}")
        height = 1
        for j, key in enumerate(shown, start=1):
            listed: list[str | Phrase] = _capped(items.get((key, kind), []), per_kind)
            for i, shown_text in enumerate(listed):
                grid[row + i][j] = shown_text
            height = max(height, len(listed))
        row += height + 1
    return grid


def _capped(texts_: list[str], limit: int) -> list[str | Phrase]:
    unique = list(dict.fromkeys(texts_))
    if len(unique) <= limit:
        return list(unique)
    return [*unique[: limit - 1], Phrase.of("matrix.more", n=len(unique) - limit + 1)]
