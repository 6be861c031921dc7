"""An xlwings engine for tests: Excel stood in by an openpyxl workbook.

Excel cannot run here. xlwings talks to Excel through an engine (the classes of
``xlwings.base_classes``); this one keeps the cells in openpyxl, so code under test goes
through xlwings' real API and value conversion (``Book.caller()``, ``Range.value`` with its
options, numbers as float, empty as None, dates as datetime) and only the bottom layer is
stood in. It implements only what ``xlplugin.gateway.live`` and ``xlplugin.ribbon`` touch,
and behaves as Excel does where that matters: a cell shows a formula's cached value, text
typed with a leading apostrophe stays text, text that looks like a number or a formula
becomes one (a formula is stored as a formula), numbers come back as float, ``Range.formula``
gives formulas (and other cells' content as text).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import xlwings as xw
from openpyxl import load_workbook
from openpyxl.formatting.rule import Rule
from openpyxl.styles import PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from xlwings import base_classes

from xlplugin.gateway import sheet_ops

ENGINE_NAME = "openpyxl-test"
# Round trips to "Excel" by kind (what costs a COM/AppleScript call each in real Excel).
CALLS: Counter[str] = Counter()
MAX_ROW, MAX_COL = 1_048_576, 16_384


class Engine:
    name = ENGINE_NAME
    type = "desktop"

    def __init__(self) -> None:
        self.apps = Apps(self)

    @staticmethod
    def clean_value_data(data, datetime_builder, empty_as, number_builder, err_to_str):
        def clean(value):
            if value in ("", None):
                return empty_as
            if isinstance(value, dt.datetime) and datetime_builder is not dt.datetime:
                return datetime_builder(value.year, value.month, value.day, value.hour, value.minute, value.second)
            if number_builder is not None and isinstance(value, float):
                return number_builder(value)
            return value

        return [[clean(c) for c in row] for row in data]

    @staticmethod
    def prepare_xl_data_element(x, options):
        if x is None:
            return ""
        if isinstance(x, bool):
            return x
        if isinstance(x, (int, float)):
            return float(x)
        return x


class Apps(base_classes.Apps):
    def __init__(self, engine: Engine):
        self.engine = engine
        self.items: list[App] = []

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


class App(base_classes.App):
    def __init__(self, engine: Engine):
        self._engine = engine
        self._pid = 4242 + len(engine.apps.items)
        self.status_bar_history: list[Any] = []
        self.alerts: list[dict] = []
        self.screen_updating_history: list[bool] = []
        self.open_books = Books(self)

    @property
    def engine(self):
        return self._engine

    @property
    def pid(self):
        return self._pid

    @property
    def books(self):
        return self.open_books

    @property
    def screen_updating(self):
        return self.screen_updating_history[-1] if self.screen_updating_history else True

    @screen_updating.setter
    def screen_updating(self, value):
        self.screen_updating_history.append(value)

    @property
    def status_bar(self):
        return self.status_bar_history[-1] if self.status_bar_history else False

    @status_bar.setter
    def status_bar(self, value):
        self.status_bar_history.append(value)

    def alert(self, prompt, title, buttons, mode, callback):
        self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
        return "ok"

    @property
    def version(self):
        return "16.0"


class Books(base_classes.Books):
    def __init__(self, app: App):
        self._app = app
        self.items: list[Book] = []

    @property
    def app(self):
        return self._app

    def __call__(self, name_or_index):
        if isinstance(name_or_index, int):
            return self.items[name_or_index - 1]
        for book in self.items:
            if book.name.lower() == name_or_index.lower():
                return book
        raise KeyError(name_or_index)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def open(self, fullname, *args):
        return Book(self._app, Path(fullname))


class Book(base_classes.Book):
    """A workbook file loaded twice: formulas (what is written) and cached values (what shows)."""

    def __init__(self, app: App, path: Path):
        self._app = app
        self.path = Path(path)
        self.xl = load_workbook(self.path, rich_text=False)
        self.cached = load_workbook(self.path, data_only=True)
        self.stale: set[tuple[str, int, int]] = set()  # cells written since load: no cached value
        app.open_books.items.append(self)

    @property
    def app(self):
        return self._app

    @property
    def name(self):
        return self.path.name

    @property
    def fullname(self):
        return str(self.path)

    @property
    def sheets(self):
        return Sheets(self)


class Sheets(base_classes.Sheets):
    def __init__(self, book: Book):
        self.book = book

    def _all(self):
        return [Sheet(self.book, ws) for ws in self.book.xl.worksheets]

    def __call__(self, name_or_index):
        if isinstance(name_or_index, int):
            return self._all()[name_or_index - 1]
        return Sheet(self.book, self.book.xl[name_or_index])

    def __len__(self):
        return len(self.book.xl.worksheets)

    def __iter__(self):
        return iter(self._all())


class Sheet(base_classes.Sheet):
    def __init__(self, book: Book, ws):
        self._book = book
        self.ws = ws

    @property
    def book(self):
        return self._book

    @property
    def name(self):
        return self.ws.title

    @property
    def index(self):
        return self.book.xl.worksheets.index(self.ws) + 1

    def range(self, arg1, arg2=None):
        if isinstance(arg1, Range):
            arg1 = (arg1.areas[0][0], arg1.areas[0][1])
        if isinstance(arg2, Range):
            arg2 = (arg2.areas[-1][2], arg2.areas[-1][3])
        if isinstance(arg1, tuple):
            r2, c2 = arg2 if arg2 is not None else arg1
            return Range(self, [(arg1[0], arg1[1], r2, c2)])
        return Range(self, [_area(part) for part in str(arg1).replace("$", "").split(",")])

    @property
    def used_range(self):
        return Range(self, [(1, 1, max(self.ws.max_row, 1), max(self.ws.max_column, 1))])

    @property
    def cells(self):
        return Range(self, [(1, 1, MAX_ROW, MAX_COL)])

    @property
    def tables(self):
        return Tables(self)


def _area(text: str) -> tuple[int, int, int, int]:
    if re.fullmatch(r"\d+:\d+", text):  # whole rows
        first, last = (int(x) for x in text.split(":"))
        return first, 1, last, MAX_COL
    c1, r1, c2, r2 = range_boundaries(text)
    return r1, c1, r2, c2


class Range(base_classes.Range):
    def __init__(self, sheet: Sheet, areas: list[tuple[int, int, int, int]]):
        self._sheet = sheet
        self.areas = areas
        self.options = {}

    @property
    def sheet(self):
        return self._sheet

    @property
    def api(self):
        return self  # xlwings' write stage only checks that there is one

    @property
    def row(self):
        return self.areas[0][0]

    @property
    def column(self):
        return self.areas[0][1]

    @property
    def shape(self):
        r1, c1, r2, c2 = self.areas[0]
        return r2 - r1 + 1, c2 - c1 + 1

    @property
    def address(self):
        return ",".join(
            f"${get_column_letter(c1)}${r1}" + ("" if (r1, c1) == (r2, c2) else f":${get_column_letter(c2)}${r2}")
            for r1, c1, r2, c2 in self.areas
        )

    def __call__(self, row, col=None):
        r = self.row + row - 1
        c = self.column + (col or 1) - 1
        return Range(self.sheet, [(r, c, r, c)])

    def __len__(self):
        rows, cols = self.shape
        return rows * cols

    # Excel returns a formula's cached value, numbers as float, empty cells as None
    def _shown(self, r: int, c: int) -> Any:
        cell = self.sheet.ws.cell(row=r, column=c)
        value = cell.value
        if cell.data_type == "f":
            if (self.sheet.name, r, c) in self.sheet.book.stale:
                return None
            value = self.sheet.book.cached[self.sheet.name].cell(row=r, column=c).value
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return float(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return dt.datetime(value.year, value.month, value.day)
        if isinstance(value, dt.time):
            return dt.datetime(1899, 12, 30, value.hour, value.minute, value.second)
        return value

    @property
    def raw_value(self):
        CALLS["read"] += 1
        r1, c1, r2, c2 = self.areas[0]
        rows = [[self._shown(r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        return rows[0][0] if (r1, c1) == (r2, c2) else rows

    @raw_value.setter
    def raw_value(self, data):
        CALLS["write"] += 1
        r1, c1, r2, c2 = self.areas[0]
        if not isinstance(data, (list, tuple)):
            data = [[data] * (c2 - c1 + 1) for _ in range(r2 - r1 + 1)]
        for i, row in enumerate(data):
            for j, value in enumerate(row):
                self._type(r1 + i, c1 + j, value)

    @property
    def formula(self):
        """Excel's Range.Formula: a formula cell's formula, any other cell's content as text
        (text typed as '=... gives "=..." without its apostrophe)."""
        CALLS["read"] += 1
        r1, c1, r2, c2 = self.areas[0]
        rows = tuple(tuple(self._formula(r, c) for c in range(c1, c2 + 1)) for r in range(r1, r2 + 1))
        return rows[0][0] if (r1, c1) == (r2, c2) else rows

    def _formula(self, r: int, c: int) -> str:
        cell = self.sheet.ws.cell(row=r, column=c)
        if cell.data_type == "f":
            return getattr(cell.value, "text", cell.value)  # an ArrayFormula holds its text
        shown = self._shown(r, c)
        if shown is None:
            return ""
        if isinstance(shown, float) and shown.is_integer():
            return str(int(shown))
        return str(shown)

    def _type(self, r: int, c: int, value: Any) -> None:
        """What Excel does with a value set from code: it reads text as if typed."""
        cell = self.sheet.ws.cell(row=r, column=c)
        self.sheet.book.stale.add((self.sheet.name, r, c))
        if isinstance(value, str):
            if value.startswith("'"):
                cell.value = value[1:]
                cell.data_type = "s"
                return
            if value == "":
                cell.value = None
                return
            try:
                cell.value = float(value.replace(",", "."))
                return
            except ValueError:
                pass
        cell.value = value

    def clear_contents(self):
        for r1, c1, r2, c2 in self.areas:
            for r in range(r1, min(r2, self.sheet.ws.max_row) + 1):
                for c in range(c1, min(c2, self.sheet.ws.max_column) + 1):
                    self.sheet.ws.cell(row=r, column=c).value = None

    def insert(self, shift=None, copy_origin=None):
        r1, c1, r2, c2 = self.areas[0]
        assert shift == "down" and (c1, c2) == (1, MAX_COL), "only whole rows are inserted"
        sheet_ops.insert_rows(self.sheet.ws, r1, r2 - r1 + 1)  # Excel moves tables, validations …

    def add_hyperlink(self, address, text_to_display=None, screen_tip=None):
        CALLS["hyperlink"] += 1
        cell = self.sheet.ws.cell(row=self.row, column=self.column)
        assert address.startswith("#"), "only links inside the workbook"
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=address[1:])
        if text_to_display is not None:
            cell.value = text_to_display

    @property
    def conditional_formats(self):
        return ConditionalFormats(self)


def _sheet_rules(sheet: Sheet) -> list[tuple]:
    """The sheet's rules in order, as (ConditionalFormatting, Rule)."""
    return [(cf, rule) for cf in sheet.ws.conditional_formatting for rule in cf.rules]


class ConditionalFormats(base_classes.ConditionalFormats):
    """Rules are held by their index, as Excel's FormatConditions(i) and xlwings on macOS do:
    deleting one renumbers the ones after it."""

    def __init__(self, rng: Range):
        self.rng = rng

    def __iter__(self):
        return iter([ConditionalFormat(self.rng.sheet, i) for i in range(1, len(self) + 1)])

    def __len__(self):
        return len(_sheet_rules(self.rng.sheet))

    def add_custom(self, spec):
        CALLS["format"] += 1
        fill = "{:02X}{:02X}{:02X}".format(*spec["fill_color"])  # xlwings hands an RGB tuple
        style = DifferentialStyle(fill=PatternFill(bgColor=fill, fgColor=fill, fill_type="solid"))
        rule = Rule(type="expression", formula=[spec["formula"][1:]], dxf=style, stopIfTrue=spec["stop_if_true"])
        sqref = " ".join(a.replace("$", "") for a in self.rng.address.split(","))
        self.rng.sheet.ws.conditional_formatting.add(sqref, rule)
        return ConditionalFormat(self.rng.sheet, len(self))


class ConditionalFormat(base_classes.ConditionalFormat):
    def __init__(self, sheet: Sheet, index: int):
        self.sheet, self.index = sheet, index

    @property
    def _rule(self):
        return _sheet_rules(self.sheet)[self.index - 1]

    @property
    def type(self):
        return "custom" if self._rule[1].type == "expression" else "unknown"

    @property
    def formula(self):
        rule = self._rule[1]
        return "=" + rule.formula[0] if rule.type == "expression" and rule.formula else None

    def delete(self):
        cf, rule = self._rule
        # the list openpyxl keeps (iterating it hands out copies of it as cf.rules)
        formatting = self.sheet.ws.conditional_formatting
        rules = formatting[str(cf.sqref)]
        rules[:] = [r for r in rules if r is not rule]
        if not rules:
            del formatting[str(cf.sqref)]


class Tables(base_classes.Tables):
    def __init__(self, sheet: Sheet):
        self.sheet = sheet

    def _all(self):
        return [Table(self.sheet, t) for t in self.sheet.ws.tables.values()]

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self.sheet.ws.tables)


class Table(base_classes.Table):
    def __init__(self, sheet: Sheet, table):
        self.sheet, self.table = sheet, table

    @property
    def name(self):
        return self.table.displayName

    @property
    def range(self):
        return self.sheet.range(self.table.ref)

    def resize(self, rng):  # xlwings hands over its Range (Excel: ListObject.Resize(range.api))
        from openpyxl.worksheet.table import TableColumn

        r1, c1, r2, c2 = rng.impl.areas[0]
        self.table.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        if self.table.autoFilter is not None:
            self.table.autoFilter.ref = self.table.ref
        columns = list(self.table.tableColumns)[: c2 - c1 + 1]
        columns += [TableColumn(id=len(columns) + i + 1, name=f"Column{len(columns) + i + 1}") for i in range(c2 - c1 + 1 - len(columns))]
        self.table.tableColumns = columns


def open_book(path: Path) -> xw.Book:
    """The workbook at ``path`` as an ``xlwings.Book`` of the test engine (not saved back)."""
    engine = register()
    app = App(engine)
    engine.apps.items.append(app)
    return xw.Book(impl=Book(app, path))


def register() -> Engine:
    """Register the engine with xlwings once; returns its implementation."""
    if ENGINE_NAME not in xw.engines.engines_by_name:
        xw.engines.add(xw.main.Engine(impl=Engine()))
    return xw.engines[ENGINE_NAME].impl
