"""The command line's words: argparse's own strings in the user's language, and findings as a
plain-text table for the terminal."""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from xlplugin.domain.phrases import Phrase
from xlplugin.layout.texts import texts
from xlplugin.layout.words import Words


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words (usage, errors, -h) in ``lang``: it looks them up through its module's
    gettext functions, which are pointed at our texts while the parser is built and used."""
    t = texts(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def word(message: str) -> str:
        return t.get(f"argparse.{message}") or message

    def words(singular: str, plural: str, n: int) -> str:
        return word(singular if n == 1 else plural)

    argparse._, argparse.ngettext = word, words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def format_findings(findings: list, words: Words, width: int = 100) -> str:
    """The findings as a plain-text table for the terminal (advice on a line of its own)."""
    import textwrap

    from xlplugin.domain import phrases as ph

    heads = [words.value(ph.column("findings", key)) for key in ("severity", "sheet", "cell")]
    rows = [[words(Phrase(f"severity.{f.severity.value}")), f.sheet or "", f.cell or ""] for f in findings]
    widths = [max(len(str(r[i])) for r in [*rows, heads]) for i in range(3)]
    indent = sum(widths) + 3 * 2
    text_width = max(width - indent, 30)
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths)) + "  " + words.value(ph.column("findings", "problem"))]
    lines.append("-" * min(width, indent + text_width))
    for row, f in zip(rows, findings):
        prefix = "  ".join(str(v).ljust(w) for v, w in zip(row, widths)) + "  "
        body = textwrap.wrap(words(f.message), text_width) + textwrap.wrap("→ " + words(f.advice), text_width)
        lines.append(prefix + body[0])
        lines.extend(" " * indent + more for more in body[1:])
    return "\n".join(lines)
