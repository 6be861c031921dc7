"""Words stay at the edge: the domain says *what* to tell, never *how* in Danish or English.

A ``Phrase`` is a text key with parameters. Parameters are plain values (names the user gave,
numbers), other phrases (rendered in the same language), ``Many`` (a list joined as the
language joins lists: "a, b og c") or a ``Label`` (a name the layout owns: a sheet, a column,
a choice, looked up in the language's texts). ``xlplugin.layout.words`` renders them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """A name the layout owns, e.g. ``Label("sheet", "step2")`` or ``Label("col", "entries", "theme")``.

    Rendered as the text ``<kind>.<part>.<part>`` of the language.
    """

    kind: str
    parts: tuple[str, ...]

    def __init__(self, kind: str, *parts: str):
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "parts", tuple(parts))

    @property
    def key(self) -> str:
        return ".".join((self.kind, *self.parts))


def sheet(sheet_key: str) -> Label:
    return Label("sheet", sheet_key)


def column(table_key: str, column_key: str) -> Label:
    return Label("col", table_key, column_key)


def title(table_key: str) -> Label:
    return Label("title", table_key)


def choice(list_key: str, code: str) -> Label:
    return Label("choice", list_key, code)


@dataclass(frozen=True)
class Many:
    """Several values shown as one: a list in running text ("a, b og c"), or, with a
    ``separator``, simply joined by it (sentences by " ", listings by "; ")."""

    items: tuple[object, ...]
    separator: str | None = None

    def __init__(self, items: Iterable[object], separator: str | None = None):
        object.__setattr__(self, "items", tuple(dict.fromkeys(items)))
        object.__setattr__(self, "separator", separator)


@dataclass(frozen=True)
class Phrase:
    """A text key and its parameters (see the module's doc)."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **params: object) -> Phrase:
        return cls(key, tuple(sorted(params.items())))

    @property
    def values(self) -> Mapping[str, object]:
        return dict(self.params)
