"""Formulas the layout puts in cells, so the sheets work without the add-in (builder and
actions write the same text)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from xlplugin.domain import models as m
from xlplugin.layout.texts import Texts


def structured(header: str) -> str:
    """A header inside a structured reference: ' [ ] # are escaped with '."""
    return re.sub(r"(['\[\]#])", r"'\1", header)


def criterion_weight(t: Texts, key: str, position: int) -> str:
    """The weight of the criterion with ``key`` on the criteria table, else the weight on the
    row at ``position`` (1-based): never found by the criterion's name."""
    table = t.table("criteria")
    weights = f"{table}[{structured(t.header('criteria', 'weight'))}]"
    keys = f"{table}[{structured(t.header('criteria', 'key'))}]"
    return f'IFERROR(INDEX({weights},MATCH("{key}",{keys},0)),INDEX({weights},{position}))'


def total_formula(t: Texts, score_cells: Sequence[str]) -> str:
    """A platform's total: the weighted mean of its six score cells (in ``m.CRITERION_KEYS``
    order), two decimals; the plain mean when every weight is 0; empty without any score.
    The same as ``domain.evaluation``'s total for the same scores and weights."""
    ws = [criterion_weight(t, key, position) for position, key in enumerate(m.CRITERION_KEYS, start=1)]
    cells = ",".join(score_cells)
    weighted = "+".join(f"N({cell})*{w}" for cell, w in zip(score_cells, ws))
    weight_sum = "+".join(ws)
    return (
        f'=IF(COUNT({cells})=0,"",IF(({weight_sum})=0,ROUND(AVERAGE({cells}),2),'
        f"ROUND(({weighted})/({weight_sum}),2)))"
    )


def is_total_formula(text: str) -> bool:
    """A total formula this layout wrote (any other formula in the column is the planner's)."""
    return text.replace(" ", "").upper().startswith("=IF(COUNT(")
