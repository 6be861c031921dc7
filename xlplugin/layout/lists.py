"""The workbook's dropdown lists, declared once: fixed lists of codes (labels per language in
the texts) and lists that follow a table column (group, theme and platform names). Part of the
layout spec (``xlplugin.layout.spec`` re-exports them)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from xlplugin.domain import models as m


@dataclass(frozen=True)
class ChoiceList:
    """A dropdown source: a fixed list of codes, or the names in a table column."""

    key: str
    codes: tuple[str, ...] = ()
    from_table: tuple[str, str] | None = None  # (table key, column key)
    capacity: int = 500  # rows reserved on the sources sheet for a dynamic list

    @property
    def dynamic(self) -> bool:
        return self.from_table is not None


def _codes(enum: type[m.Code]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


LISTS: tuple[ChoiceList, ...] = (
    ChoiceList("yesno", ("yes", "no")),
    ChoiceList("project_kind", _codes(m.ProjectKind)),
    ChoiceList("phase", _codes(m.Phase)),
    ChoiceList("location", _codes(m.Location)),
    ChoiceList("source", _codes(m.KnowledgeSource)),
    ChoiceList("priority", _codes(m.Priority)),
    ChoiceList("entry_kind", _codes(m.EntryKind)),
    ChoiceList("nature", _codes(m.ResourceNature)),
    ChoiceList("interaction_type", _codes(m.InteractionType)),
    ChoiceList("scope", _codes(m.Scope)),
    ChoiceList("origin", _codes(m.Origin)),
    ChoiceList("status", _codes(m.RowStatus)),
    ChoiceList("platform_type", _codes(m.PlatformType)),
    ChoiceList("maintainer", _codes(m.Maintainer)),
    ChoiceList("level", _codes(m.Level)),
    ChoiceList("frequency", _codes(m.Frequency)),
    ChoiceList("constraint_category", _codes(m.ConstraintCategory)),
    ChoiceList("step", _codes(m.Step)),
    ChoiceList("groups", from_table=("groups", "name")),
    ChoiceList("themes", from_table=("themes", "name"), capacity=200),
    ChoiceList("platforms", from_table=("platforms", "name"), capacity=300),
)

# The enum behind each fixed list, so readers can turn labels back into codes.
LIST_ENUMS: dict[str, type[m.Code]] = {
    "project_kind": m.ProjectKind,
    "phase": m.Phase,
    "location": m.Location,
    "source": m.KnowledgeSource,
    "priority": m.Priority,
    "entry_kind": m.EntryKind,
    "nature": m.ResourceNature,
    "interaction_type": m.InteractionType,
    "scope": m.Scope,
    "origin": m.Origin,
    "status": m.RowStatus,
    "platform_type": m.PlatformType,
    "maintainer": m.Maintainer,
    "level": m.Level,
    "frequency": m.Frequency,
    "constraint_category": m.ConstraintCategory,
    "step": m.Step,
}


LIST_PREFIX = "lst_"
# a sheet a reference names: 'Sheet name'!… (quotes doubled inside) or Sheet!…
_SHEET_REF = re.compile(r"'((?:[^']|'')+)'!|([^\s'!(),=:+\-*/&^<>\"{};]+)!")


def list_name(list_key: str) -> str:
    """The defined name a dropdown refers to (language neutral, valid Excel name)."""
    return f"{LIST_PREFIX}{list_key}"


def broken_list_names(names: dict[str, str], sheet_names: list[str]) -> list[str]:
    """The dropdown lists' names (``lst_…``) that point at nothing: a ``#REF!``, no sheet, or a
    sheet the workbook does not have; every list's name when the workbook has none at all.
    ``names``: the workbook's names → what they refer to."""
    present = {m.normalize(name) for name in sheet_names}
    ours = {name: text for name, text in names.items() if name.casefold().startswith(LIST_PREFIX)}
    if not ours:
        return [list_name(lst.key) for lst in LISTS]
    broken = []
    for name, text in ours.items():
        sheets = [found[1].replace("''", "'") if found[1] else found[2] for found in _SHEET_REF.finditer(text)]
        if "#REF!" in text.upper() or not sheets or any(m.normalize(sheet) not in present for sheet in sheets):
            broken.append(name)
    return sorted(broken)
