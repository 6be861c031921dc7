"""The one place phrases become words: a ``Phrase`` (key + parameters) in a language."""
from __future__ import annotations

from typing import Any

from xlplugin.domain.phrases import Label, Many, Phrase
from xlplugin.layout.texts import Texts, texts


def render(phrase: Phrase, lang: str | Texts) -> str:
    """The phrase in ``lang``; its parameters rendered first (labels, lists, inner phrases)."""
    t = lang if isinstance(lang, Texts) else texts(lang)
    return t.format(phrase.key, **{name: value_text(value, t) for name, value in phrase.params})


def value_text(value: Any, t: Texts) -> Any:
    """One parameter as text in ``t``'s language (numbers and plain text stay as they are)."""
    if isinstance(value, Phrase):
        return render(value, t)
    if isinstance(value, Label):
        return t[value.key]
    if isinstance(value, Many):
        return join([str(value_text(item, t)) for item in value.items], t)
    return value


def join(items: list[str], t: Texts) -> str:
    """"a, b og c" / "a, b and c"."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t['reason.and']} {items[-1]}"
