"""Formulas moved to another cell, as Excel moves them (openpyxl's translator)."""
from __future__ import annotations

from xlplugin.domain.port import CellRef, Formula


def formula_at(formula: Formula, target: CellRef) -> str:
    """The formula as it reads in ``target``: relative A1 references move with it."""
    if (target.row, target.col) == (formula.source.row, formula.source.col):
        return formula.text
    from openpyxl.formula.translate import Translator

    return Translator(formula.text, origin=formula.source.address).translate_formula(target.address)
