"""Column widths of a report table, shared by the PDF and the Word renderer: the document's
relative widths, widened where a column's longest word would break, taken from the columns
with room to spare."""
from __future__ import annotations

from collections.abc import Callable

from xlplugin.domain import document as d

LONGEST_WORD = 24  # longer words (a URL, a long compound) may break


def fitted(widths: list[float], block: d.Table, measure: Callable[[str, bool], float], padding: float) -> list[float]:
    """``widths`` (points, summing to the table's width) fitted to ``block``'s words;
    ``measure(word, bold)`` gives a word's width in points as the renderer sets it (the
    header bold; the first column bold except in a grid)."""
    need = []
    for j in range(len(widths)):
        words = [(w, True) for w in (block.headers[j] if j < len(block.headers) else "").split()]
        words += [(w, block.style != "grid" and j == 0) for row in block.rows for w in row[j].split() if len(w) <= LONGEST_WORD]
        need.append(max((measure(w, bold) for w, bold in words), default=0.0) + padding)
    total = sum(widths)
    out = list(widths)
    for _ in range(len(out)):
        short = sum(max(nd - w, 0.0) for nd, w in zip(need, out))
        if short <= 0.5:
            break
        spare = [max(w - nd, 0.0) for nd, w in zip(need, out)]
        if sum(spare) <= 0:
            break
        take = min(short, sum(spare))
        out = [max(w, nd) if nd > w else w - take * sp / sum(spare) for w, nd, sp in zip(out, need, spare)]
        out = [w * total / sum(out) for w in out]
    return out
