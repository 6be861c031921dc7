"""A workbook as the parity tests compare it, and a plan of Excel operations applied to it as
the add-in's JavaScript applies it to Excel (``web/office/plan.js``; format in
``xlplugin.gateway.snapshot``).

The model holds what the actions write and the users see: every cell's value (a formula as its
text), the Excel tables' ranges, the hyperlinks into the workbook and the cells our marks cover.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from xlplugin.gateway.regions import MARK_FORMULA

Cell = tuple[str, int, int]  # sheet, row, column (1-based)


def _cells_of(sqref: str) -> set[tuple[int, int]]:
    out = set()
    for part in sqref.replace(",", " ").split():
        left, top, right, bottom = range_boundaries(part)
        out |= {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
    return out


@dataclass
class Model:
    cells: dict[Cell, Any] = field(default_factory=dict)
    tables: dict[str, tuple[str, str]] = field(default_factory=dict)
    links: dict[Cell, str] = field(default_factory=dict)
    marks: set[Cell] = field(default_factory=set)
    sheets: list[tuple[str, bool]] = field(default_factory=list)  # in order, with whether visible
    names: dict[str, str] = field(default_factory=dict)  # workbook names

    @classmethod
    def of_file(cls, path: Path) -> Model:
        wb = load_workbook(path)
        model = cls()
        model.names = {name: str(item.attr_text) for name, item in wb.defined_names.items()}
        for ws in wb.worksheets:
            model.sheets.append((ws.title, ws.sheet_state == "visible"))
            for row in ws.iter_rows():
                for c in row:
                    if c.value not in (None, ""):
                        model.cells[(ws.title, c.row, c.column)] = c.value
                    if c.hyperlink is not None and c.hyperlink.location:
                        model.links[(ws.title, c.row, c.column)] = c.hyperlink.location
            for t in ws.tables.values():
                model.tables[t.displayName] = (ws.title, t.ref)
            for cf in ws.conditional_formatting:
                if any(MARK_FORMULA in (f or "") for rule in cf.rules for f in rule.formula or []):
                    model.marks |= {(ws.title, r, c) for r, c in _cells_of(str(cf.sqref))}
        return model

    # --- the plan's operations --------------------------------------------------------------
    def apply(self, plan: dict[str, Any]) -> Model:
        assert plan["format"] == "xlplugin.plan" and plan["version"] == 2
        for op in plan["ops"]:
            getattr(self, "_" + op["op"])(op)
        return self

    def _insert_rows(self, op: dict[str, Any]) -> None:
        sheet, at, n = op["sheet"], op["row"], op["count"]

        def moved(key: Cell) -> Cell:
            return (key[0], key[1] + n, key[2]) if key[0] == sheet and key[1] >= at else key

        self.cells = {moved(k): v for k, v in self.cells.items()}
        self.links = {moved(k): v for k, v in self.links.items()}
        self.marks = {moved(k) for k in self.marks}
        for name, (s, ref) in list(self.tables.items()):
            left, top, right, bottom = range_boundaries(ref)
            if s == sheet and bottom >= at:
                top, bottom = (top + n if top >= at else top), bottom + n
                self.tables[name] = (s, f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}")

    def _resize_table(self, op: dict[str, Any]) -> None:
        assert op["table"] in self.tables and self.tables[op["table"]][0] == op["sheet"]
        self.tables[op["table"]] = (op["sheet"], op["range"])

    def _box(self, op: dict[str, Any]) -> set[Cell]:
        return {(op["sheet"], r, c) for r, c in _cells_of(op["range"])}

    def _clear_links(self, op: dict[str, Any]) -> None:
        for key in self._box(op):
            self.links.pop(key, None)

    def _clear(self, op: dict[str, Any]) -> None:
        for key in self._box(op):
            self.cells.pop(key, None)

    def _write(self, op: dict[str, Any]) -> None:
        left, top, _, _ = range_boundaries(op["cell"])
        for i, row in enumerate(op["values"]):
            for j, value in enumerate(row):
                key = (op["sheet"], top + i, left + j)
                if isinstance(value, dict) and "link" in value:
                    self.links[key] = value["link"]
                    value = value["text"]
                elif isinstance(value, dict) and "formula" in value:
                    value = value["formula"]
                elif isinstance(value, dict):
                    value = dt.datetime.fromisoformat(value["date"])
                if value in (None, ""):
                    self.cells.pop(key, None)
                else:
                    self.cells[key] = value

    def _marks(self, op: dict[str, Any]) -> None:
        assert op["formula"] == MARK_FORMULA
        self.marks = {(sheet, r, c) for sheet, chunks in op["sheets"].items() for chunk in chunks for r, c in _cells_of(chunk)}

    def _add_sheet(self, op: dict[str, Any]) -> None:
        name = op["sheet"]
        names = [s for s, _ in self.sheets]
        assert op["replace"] == (name in names)
        if op["replace"]:  # Excel: the old sheet deleted, with its cells, links and tables
            del self.sheets[names.index(name)]
            self.cells = {k: v for k, v in self.cells.items() if k[0] != name}
            self.links = {k: v for k, v in self.links.items() if k[0] != name}
            self.tables = {t: at for t, at in self.tables.items() if at[0] != name}
        self.sheets.insert(op["position"], (name, op["visible"]))

    def _add_table(self, op: dict[str, Any]) -> None:
        assert op["table"] not in self.tables and any(s == op["sheet"] for s, _ in self.sheets)
        self.tables[op["table"]] = (op["sheet"], op["range"])

    def _names(self, op: dict[str, Any]) -> None:
        self.names.update(op["names"])

    def _widths(self, op: dict[str, Any]) -> None:
        pass  # formats: not compared

    def _merge(self, op: dict[str, Any]) -> None:
        pass
