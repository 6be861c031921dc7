"""Who meets whom, through what: the groups, the chosen interactions and the chosen platforms
that carry them, as the report's network picture and summary need them. Pure.

- Groups: step 1's groups in their order, then any group step 2 or 3 names that step 1
  lacks; each with its needs, resources and interests (step 2's descriptions, else themes).
- Chosen interactions: step 3's rows marked selected, each with the groups it names.
- Chosen platforms: step 4's rows marked selected (``maintenance_plan.chosen_platforms``).
- A platform carries an interaction when its interactions cell names the interaction's ID
  or theme, or when the platform's catalog row lists the interaction's theme.
"""
from __future__ import annotations

from dataclasses import dataclass

from xlplugin.domain import models as m
from xlplugin.domain.maintenance_plan import chosen_platforms
from xlplugin.domain.models import normalize, split_group_names, split_names, split_texts


@dataclass(frozen=True)
class GroupNode:
    name: str
    location: m.Location
    needs: tuple[str, ...]
    resources: tuple[str, ...]
    interests: tuple[str, ...]


@dataclass(frozen=True)
class InteractionNode:
    key: str  # the interaction's ID, or its row number when it has none
    interaction: m.Interaction
    groups: tuple[str, ...]  # as step 1 names them where it does
    external: bool


@dataclass(frozen=True)
class Network:
    groups: tuple[GroupNode, ...]
    interactions: tuple[InteractionNode, ...]
    platforms: tuple[m.Platform, ...]
    carried_by: dict[str, tuple[str, ...]]  # interaction key -> names of the platforms that carry it

    def platforms_of(self, key: str) -> tuple[str, ...]:
        return self.carried_by.get(key, ())

    def interactions_of(self, platform: str) -> tuple[InteractionNode, ...]:
        return tuple(i for i in self.interactions if platform in self.carried_by.get(i.key, ()))


def chosen_interactions(project: m.Project) -> list[m.Interaction]:
    return [i for i in project.interactions if i.selected]


def network(project: m.Project) -> Network:
    groups = _groups(project)
    names = {normalize(g.name): g.name for g in groups}
    local = {normalize(g.name) for g in groups if g.location is m.Location.LOCAL_AREA}
    nodes = []
    for row, interaction in enumerate(project.interactions):
        if not interaction.selected:
            continue
        named_groups = [names.get(normalize(n), n) for n in split_group_names(interaction.groups)]
        external = interaction.scope is m.Scope.EXTERNAL or any(normalize(n) in local for n in named_groups)
        nodes.append(InteractionNode(interaction.id or f"#{row + 1}", interaction, tuple(dict.fromkeys(named_groups)), external))
    platforms = chosen_platforms(project)
    catalog = {normalize(c.name): c for c in project.catalog}
    carried: dict[str, list[str]] = {}
    for platform in platforms:
        cell = {normalize(t) for t in [*split_texts(platform.interactions), *split_names(platform.interactions)]}
        entry = catalog.get(normalize(platform.name))
        themes = {normalize(t) for t in split_names(entry.themes)} if entry else set()
        for node in nodes:
            ids = {normalize(node.interaction.id), normalize(node.key)}
            theme = normalize(node.interaction.theme)
            if (ids & cell) or (theme and (theme in cell or theme in themes)):
                carried.setdefault(node.key, []).append(" ".join(platform.name.split()))
    return Network(tuple(groups), tuple(nodes), tuple(platforms), {k: tuple(v) for k, v in carried.items()})


def _groups(project: m.Project) -> list[GroupNode]:
    order: dict[str, tuple[str, m.Location]] = {}
    for g in project.groups:
        key = normalize(g.name)
        if key and key not in order:
            order[key] = (" ".join(g.name.split()), g.location)
    lists: dict[tuple[str, m.EntryKind], list[str]] = {}
    for entry in project.entries:
        key = normalize(entry.group)
        if not key:
            continue
        order.setdefault(key, (" ".join(entry.group.split()), m.Location.BUILDING))
        text = " ".join(str(entry.description or entry.theme or "").split())
        if text and text not in lists.setdefault((key, entry.kind), []):
            lists[(key, entry.kind)].append(text)
    for interaction in project.interactions:
        if interaction.selected:
            for name in split_group_names(interaction.groups):
                order.setdefault(normalize(name), (name, m.Location.BUILDING))
    return [
        GroupNode(
            name,
            location,
            tuple(lists.get((key, m.EntryKind.NEED), ())),
            tuple(lists.get((key, m.EntryKind.RESOURCE), ())),
            tuple(lists.get((key, m.EntryKind.INTEREST), ())),
        )
        for key, (name, location) in order.items()
    ]
