"""The builder's dropdown sources (the hidden Lister sheet and its ``lst_`` names) and the data
validations of every input column: lists, number/date bounds, and the prompt that says what to write."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xlplugin.domain import models as m
from xlplugin.gateway.cells import write_value
from xlplugin.gateway.style import ERROR_MAX, FACE, PROMPT_MAX, PROMPT_TITLE_MAX
from xlplugin.layout import spec
from xlplugin.layout.lists import list_name
from xlplugin.layout.spec import Column, Kind, Sheet, Table
from xlplugin.layout.texts import Texts


class ValidationsMixin:
    """Dropdown sources and validations; mixed into the builder, which owns these attributes."""

    t: Texts
    wb: Any
    sheets: dict[str, Worksheet]
    placed: dict[str, Any]

    # --- dropdown sources and validation -------------------------------------------
    def _lists_sheet(self, sources: Callable[[str, str], bool] | None = None) -> None:
        """The lists, one per column, each under a defined name. ``sources(table, column)``
        (the Excel names) says whether a dynamic list's column is there to read (default: yes)."""
        ws = self.sheets["lists"]
        ws.sheet_state = "hidden"
        for i, lst in enumerate(spec.LISTS, start=1):
            letter = get_column_letter(i)
            title = self.t.get(f"list.{lst.key}") or lst.key
            ws.cell(row=1, column=i, value=title).font = Font(name=FACE, bold=True)
            ws.column_dimensions[letter].width = 28
            sheet_ref = quote_sheetname(ws.title)
            if lst.dynamic:
                assert lst.from_table is not None
                table_key, col_key = lst.from_table
                table, column = self.t.table(table_key), self.t.header(table_key, col_key)
                source = f"{table}[{column}]"
                for r in range(2, lst.capacity + 2) if sources is None or sources(table, column) else ():
                    ws.cell(row=r, column=i).value = f'=IFERROR(INDEX({source},{r - 1})&"","")'
                last = lst.capacity + 1
                ref = (
                    f"OFFSET({sheet_ref}!${letter}$2,0,0,"
                    f'MAX(1,COUNTIF({sheet_ref}!${letter}$2:${letter}${last},"?*")),1)'
                )
            else:
                for r, code in enumerate(lst.codes, start=2):
                    write_value(ws.cell(row=r, column=i), self.t.choice(lst.key, code))
                ref = f"{sheet_ref}!${letter}$2:${letter}${len(lst.codes) + 1}"
            self.wb.defined_names[list_name(lst.key)] = DefinedName(list_name(lst.key), attr_text=ref)

    def _validations(self, sheets: Sequence[Sheet] = spec.SHEETS) -> None:
        for sheet_spec in sheets:
            ws = self.sheets[sheet_spec.key]
            for table_spec in sheet_spec.tables:
                placed = self.placed[table_spec.key]
                if table_spec.key == "facts":
                    self._fact_validations(ws, placed)
                    continue
                if not spec.takes_input(table_spec):
                    continue  # the findings: the add-in's output, rewritten on every run
                for i, col in enumerate(table_spec.columns):
                    if col.generated and not col.dropdown:
                        # filled by an action: no list or bounds, but a prompt saying so
                        dv = self._prompt_only(self._title(table_spec, col), self.t.help(table_spec.key, col.key) or "")
                        dv.add(placed.column_range(i))
                        ws.add_data_validation(dv)
                        continue
                    dv = self._validation_for(table_spec, col)
                    if dv is not None:
                        dv.add(placed.column_range(i))
                        ws.add_data_validation(dv)

    def _fact_validations(self, ws: Worksheet, placed: Any) -> None:
        """Every fact its own prompt (help.facts.<field>), its title the fact's label."""
        for r, col in enumerate(spec.FACT_FIELDS):
            dv = self._validation_for(placed.table, col, fact=True)
            if dv is None:
                dv = self._prompt_only(self.t[f"fact.{col.key}"], self.t.help("facts", col.key) or "")
            dv.add(f"B{placed.header_row + 1 + r}")
            ws.add_data_validation(dv)

    def _title(self, table_spec: Table, col: Column) -> str:
        return self.t.header(table_spec.key, col.key)

    def _validation_for(self, table_spec: Table, col: Column, fact: bool = False) -> DataValidation | None:
        t = self.t
        title = (t[f"fact.{col.key}"] if fact else self._title(table_spec, col))[:PROMPT_TITLE_MAX]
        help_text = t.help(table_spec.key, col.key)
        if col.kind in (Kind.SCORE, Kind.RATING):
            help_text = help_text or t.help(table_spec.key, "score")
        list_key = col.list_key
        if list_key:
            dynamic = spec.choice_list(list_key).dynamic
            dv = DataValidation(
                type="list",
                # Stored without "=": the file format keeps formulas bare, as Excel writes them.
                formula1=list_name(list_key),
                allow_blank=True,
                errorStyle="warning" if dynamic else "stop",
                errorTitle=t["dv.error_title"][:PROMPT_TITLE_MAX],
                error=t["dv.error_dynamic" if dynamic else "dv.error_list"][:ERROR_MAX],
            )
        elif col.kind in (Kind.PERCENT, Kind.SCORE, Kind.RATING, Kind.NUMBER, Kind.MONEY):
            bounds = {
                Kind.PERCENT: ("decimal", "0", "100", "dv.error_percent"),
                Kind.SCORE: ("whole", "0", "5", "dv.error_score"),
                Kind.RATING: ("decimal", str(m.SCORE_MIN), str(m.SCORE_MAX), "dv.error_rating"),
                Kind.NUMBER: ("decimal", "0", "1000000", "dv.error_number"),
                Kind.MONEY: ("decimal", "0", "1000000000", "dv.error_number"),
            }[col.kind]
            dv = DataValidation(
                type=bounds[0],
                operator="between",
                formula1=bounds[1],
                formula2=bounds[2],
                allow_blank=True,
                errorStyle="stop",
                errorTitle=t["dv.error_title_number"][:PROMPT_TITLE_MAX],
                error=t[bounds[3]][:ERROR_MAX],
            )
        elif col.kind is Kind.DATE:
            dv = DataValidation(
                type="date",
                operator="greaterThan",
                formula1="1",
                allow_blank=True,
                errorStyle="stop",
                errorTitle=t["dv.error_title_date"][:PROMPT_TITLE_MAX],
                error=t["dv.error_date"][:ERROR_MAX],
            )
        elif help_text:
            return self._prompt_only(title, help_text)
        else:
            return None
        dv.showErrorMessage = True
        if help_text:
            dv.promptTitle = title
            dv.prompt = help_text[:PROMPT_MAX]
            dv.showInputMessage = True
        return dv

    @staticmethod
    def _prompt_only(title: str, text: str) -> DataValidation:
        dv = DataValidation(type=None, allow_blank=True, promptTitle=title[:PROMPT_TITLE_MAX], prompt=text[:PROMPT_MAX])
        dv.showInputMessage = True
        return dv

