"""Reading a cell that lists groups ("Seniorer, Studerende" or "Seniorer → Studerende") when a
group's own name may hold a comma or an arrow ("Familier med børn, 0-6 år"). Pure."""
from __future__ import annotations

import re
from collections.abc import Collection

from xlplugin.domain.models import normalize, split_group_names

_PIECES = re.compile(r"(\s*(?:[,;\n]|→|->)\s*)")


def group_names_in(text: str | None, known: Collection[str]) -> list[str]:
    """The group names in the cell. ``known`` holds the project's group names, normalized:
    pieces that only together spell a known name (with the separator between them) stay one
    name, the longest such name first; anything else splits as ``split_group_names`` does."""
    if not known:
        return split_group_names(text)
    parts = _PIECES.split(text or "")
    pieces, seps = parts[0::2], parts[1::2]
    names: list[str] = []
    i = 0
    while i < len(pieces):
        taken = i
        for j in range(len(pieces) - 1, i, -1):
            joined = "".join(p + s for p, s in zip(pieces[i:j], seps[i:j])) + pieces[j]
            if normalize(joined) in known:
                names.append(joined.strip())
                taken = j
                break
        else:
            if pieces[i].strip():
                names.append(pieces[i].strip())
        i = taken + 1
    return names
