"""The one place phrases become words: a ``Phrase`` (key + parameters) in a language.

Two languages may meet in one message: the command line speaks the user's (``--lang``),
while the names of sheets, tables, columns and choices are the workbook's own (``names``),
because that is what the user sees on screen.
"""
from __future__ import annotations

from typing import Any

from xlplugin.domain.phrases import Label, Many, Phrase
from xlplugin.domain.port import Saved
from xlplugin.layout.texts import Texts, texts


class Words:
    """Renders phrases in ``lang``, naming the workbook's parts in ``names`` (default: ``lang``)."""

    def __init__(self, lang: str, names: str | None = None):
        self.t = texts(lang)
        self.names = texts(names or lang)

    @property
    def lang(self) -> str:
        return self.t.lang

    def __call__(self, phrase: Phrase | str) -> str:
        if isinstance(phrase, str):
            return phrase
        return self.t.format(phrase.key, **{name: self.value(value) for name, value in phrase.params})

    def value(self, value: Any) -> Any:
        """One parameter as text (numbers and the user's own names stay as they are)."""
        if isinstance(value, Phrase):
            return self(value)
        if isinstance(value, Label):
            return self.names[value.key]
        if isinstance(value, Many):
            items = [str(self.value(item)) for item in value.items]
            return self.join(items) if value.separator is None else value.separator.join(items)
        return value

    def join(self, items: list[str]) -> str:
        """"a, b og c" / "a, b and c"."""
        items = list(dict.fromkeys(items))
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.t['reason.and']} {items[-1]}"

    def lines(self, phrases: list[Phrase]) -> list[str]:
        return [self(p) for p in phrases]


def render(phrase: Phrase | str, lang: str | Texts, names: str | None = None) -> str:
    """The phrase in ``lang`` (names of the workbook's parts in ``names``, default ``lang``)."""
    return Words(lang.lang if isinstance(lang, Texts) else lang, names)(phrase)


def saved_phrases(saved: Saved) -> list[Phrase]:
    """What to tell the user about where a result went (nothing if it was not saved)."""
    if saved.path is not None and saved.backup is not None:
        return [Phrase.of("msg.saved", path=saved.path, backup=saved.backup)]
    return []
