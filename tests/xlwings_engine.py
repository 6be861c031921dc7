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

It has a Windows mode and a Mac mode (``open_book(path, platform=...)``), each behaving as
xlwings 0.37.8's own engine for that platform does (``_xlwindows.py`` over COM, ``_xlmac.py``
over AppleScript) and as Microsoft documents the object model:

- error cells: Windows hands xlwings COM error codes (ints), which xlwings turns into None, or
  into "#N/A" etc. with ``err_to_str=True``; on the Mac they come as AppleScript's missing value
  (None), and ``err_to_str=True`` reads ``string value`` and swaps the errors in -- for one cell
  only: for a multi-cell range its ``ensure_2d`` helper returns None and the read fails.
- a number in a currency format comes back as ``Decimal`` on Windows (COM's VT_CY), float on Mac.
- a formula showing "" reads as "" (xlwings then gives None).
- ``Range.formula`` is a tuple of tuples on Windows, a str for one cell; on the Mac a list of
  lists, but a flat list for a single row or column (AppleScript does not keep the second axis).
- a formula set through ``.value`` or ``.formula`` is evaluated with implicit intersection
  (Excel shows ``=@UNIQUE(...)``): the engine records such cells in ``Book.intersected``;
  ``.formula2`` sets dynamic-array formulas as written.
- ``add_hyperlink`` (xlwings passes only ``Address``) makes an external link to that address;
  a link to a place in the workbook is ``Hyperlinks.Add(Anchor, Address="", SubAddress="'Sheet'!A1",
  TextToDisplay=...)`` on Windows and ``make(new=hyperlink, with_properties={address: "",
  sub_address: ...})`` on the Mac, through ``Range.api``; anything else is refused.
- a new conditional-format rule goes first (xlwings calls ``SetFirstPriority``), and rules are
  numbered in priority order.
- ``ListObject.Resize`` follows Microsoft's rules: the header stays in its row and column, the
  new range overlaps the old one, holds a header and at least one data row, and overlaps no
  other table.
- inserting whole rows moves everything below as Excel does: cells and their row heights,
  tables, merged cells, validations, conditional formats, hyperlinks, and A1 references in
  formulas (of the whole workbook) that point at or below the inserted rows.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import xlwings as xw
from openpyxl import load_workbook
from openpyxl.formatting.rule import Rule
from openpyxl.styles import PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from xlwings import base_classes

ENGINE_NAME = "openpyxl-test"
WINDOWS, MAC = "win32", "darwin"
# Excel's error values (XlCVError) as COM hands them over: CVErr(n) is n - 2146828288
_XL_CV_ERRORS = {
    "#NULL!": 2000, "#DIV/0!": 2007, "#VALUE!": 2015, "#REF!": 2023, "#NAME?": 2029, "#NUM!": 2036,
    "#N/A": 2042, "#GETTING_DATA": 2043, "#SPILL!": 2045, "#CONNECT!": 2046, "#BLOCKED!": 2047,
    "#UNKNOWN!": 2048, "#FIELD!": 2049, "#CALC!": 2050,
}
ALL_COM_ERRORS = {n - 2146828288: text for text, n in _XL_CV_ERRORS.items()}
# The seven xlwings 0.37.8 knows (_xlwindows.cell_errors, _xlmac.cell_errors); others pass as ints
COM_ERRORS = {code: text for code, text in ALL_COM_ERRORS.items() if text in
              ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")}
ERROR_CODES = {text: code for code, text in ALL_COM_ERRORS.items()}
# Functions that return arrays: set through Range.Formula, Excel intersects them ("=@UNIQUE(...)")
ARRAY_FUNCTIONS = ("FILTER", "UNIQUE", "SORT", "SORTBY", "SEQUENCE", "RANDARRAY", "TRANSPOSE", "XLOOKUP")
_ARRAY_FORMULA = re.compile(r"(?<![A-Za-z_.])(?:" + "|".join(ARRAY_FUNCTIONS) + r")\(|^=\s*\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\s*$", re.I)
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
        """xlwings' _clean_value_data_element of both platforms: on Windows an int that is a COM
        error code becomes None (or its text with err_to_str); on the Mac errors are already
        None or text here."""

        def clean(value):
            if value in ("", None):
                return empty_as
            if isinstance(value, dt.datetime) and datetime_builder is not dt.datetime:
                return datetime_builder(value.year, value.month, value.day, value.hour, value.minute, value.second)
            if number_builder is not None and isinstance(value, float):
                return number_builder(value)
            if isinstance(value, int) and not isinstance(value, bool) and value in COM_ERRORS:
                return COM_ERRORS[value] if err_to_str else None
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
    def __init__(self, engine: Engine, platform: str = WINDOWS):
        self.platform = platform
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
        self.intersected: set[tuple[str, int, int]] = set()  # formulas set the pre-dynamic-array way
        app.open_books.items.append(self)

    @property
    def mac(self) -> bool:
        return self._app.platform == MAC

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

    @property
    def names(self):
        return Names(self)

    @property
    def api(self):
        """What xlwings hands out as ``Book.api`` in Excel for Windows (COM's Workbook): here, the
        custom document properties the adapter reads. The Mac's AppleScript reference has none."""
        if self.mac:
            raise AttributeError("api")
        props = [SimpleNamespace(Name=p.name, Value=p.value) for p in self.xl.custom_doc_props]
        return SimpleNamespace(CustomDocumentProperties=props)


class Names(base_classes.Names):
    """The book's names as Excel's Names collection gives them: a sheet's own as ``Sheet!name``,
    ``RefersTo`` with a leading ``=``."""

    def __init__(self, book: Book):
        self.book = book

    def _all(self) -> list[Name]:
        found = [Name(self.book, name, None) for name in self.book.xl.defined_names]
        for ws in self.book.xl.worksheets:
            found += [Name(self.book, name, ws) for name in ws.defined_names]
        return found

    def snapshot(self):
        CALLS["names"] += 1
        return [(name.name, name) for name in self._all()]

    def __call__(self, name_or_index):
        if isinstance(name_or_index, int):
            return self._all()[name_or_index - 1]
        return next(name for name in self._all() if name.name.lower() == str(name_or_index).lower())

    def contains(self, name_or_index):
        return any(name.name.lower() == str(name_or_index).lower() for name in self._all())

    def __len__(self):
        return len(self._all())


class Name(base_classes.Name):
    def __init__(self, book: Book, key: str, ws: Any):
        self.book, self.key, self.ws = book, key, ws

    @property
    def _defined(self):
        return (self.ws.defined_names if self.ws is not None else self.book.xl.defined_names)[self.key]

    @property
    def name(self):
        return self.key if self.ws is None else f"{self.ws.title}!{self.key}"

    @property
    def refers_to(self):
        return "=" + (self._defined.attr_text or "")


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
        """What xlwings hands out as ``Range.api``: COM's Range (Windows) or an AppleScript
        reference (Mac); here, the calls the adapter makes on it."""
        return MacRangeApi(self) if self.sheet.book.mac else WindowsRangeApi(self)

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
        """What Excel hands xlwings for one cell, on this platform (before xlwings cleans it)."""
        cell = self.sheet.ws.cell(row=r, column=c)
        value = cell.value
        error = cell.data_type == "e"
        if cell.data_type == "f":
            if (self.sheet.name, r, c) in self.sheet.book.stale:
                return None
            cached = self.sheet.book.cached[self.sheet.name].cell(row=r, column=c)
            value, error = cached.value, cached.data_type == "e" or cached.value in ERROR_CODES
        if error:
            return None if self.sheet.book.mac else ERROR_CODES.get(value, ERROR_CODES["#VALUE!"])
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and not self.sheet.book.mac and _is_currency(cell.number_format):
            return Decimal(str(value))  # COM's Currency type, as pywin32 hands it over
        if isinstance(value, int):
            return float(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return dt.datetime(value.year, value.month, value.day)
        if isinstance(value, dt.time):
            return dt.datetime(1899, 12, 30, value.hour, value.minute, value.second)
        return value

    def _error_text(self, r: int, c: int) -> str | None:
        cell = self.sheet.ws.cell(row=r, column=c)
        if cell.data_type == "f":
            if (self.sheet.name, r, c) in self.sheet.book.stale:
                return None
            cell = self.sheet.book.cached[self.sheet.name].cell(row=r, column=c)
        if cell.data_type == "e" or cell.value in ERROR_CODES:
            return cell.value if cell.value in ERROR_CODES else "#VALUE!"
        return None

    @property
    def raw_value(self):
        CALLS["read"] += 1
        r1, c1, r2, c2 = self.areas[0]
        rows = [[self._shown(r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        single = (r1, c1) == (r2, c2)
        if self.sheet.book.mac and self.options.get("err_to_str", False):
            # xlwings 0.37.8 _xlmac.Range.raw_value: ensure_2d() falls through (None) for the
            # list of lists AppleScript gives for a multi-cell range
            if not single:
                raise TypeError("'NoneType' object is not iterable")
            error = self._error_text(r1, c1)
            return error if error in COM_ERRORS.values() else rows[0][0]
        return rows[0][0] if single else rows

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
        (text typed as '=... gives "=..." without its apostrophe). Windows: a tuple of tuples;
        Mac: a list of lists, flat for a single row or column; one cell: a str."""
        CALLS["read"] += 1
        r1, c1, r2, c2 = self.areas[0]
        rows = [[self._formula(r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        if (r1, c1) == (r2, c2):
            return rows[0][0]
        if not self.sheet.book.mac:
            return tuple(tuple(row) for row in rows)
        if r1 == r2:
            return rows[0]
        if c1 == c2:
            return [row[0] for row in rows]
        return rows

    @formula.setter
    def formula(self, value):
        self.raw_value = value  # Range.Formula set: as typed, with implicit intersection

    @property
    def formula2(self):
        CALLS["read"] += 1
        r1, c1, r2, c2 = self.areas[0]
        rows = [[self._formula(r, c, intersect=True) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        return rows[0][0] if (r1, c1) == (r2, c2) else rows

    @formula2.setter
    def formula2(self, value):
        """Range.Formula2: formulas as dynamic-array Excel evaluates them (no intersection)."""
        CALLS["write"] += 1
        r1, c1, r2, c2 = self.areas[0]
        data = value if isinstance(value, (list, tuple)) else [[value] * (c2 - c1 + 1) for _ in range(r2 - r1 + 1)]
        for i, row in enumerate(data):
            for j, text in enumerate(row):
                self._type(r1 + i, c1 + j, text, intersect=False)

    def _formula(self, r: int, c: int, intersect: bool = False) -> str:
        cell = self.sheet.ws.cell(row=r, column=c)
        if cell.data_type == "f":
            text = getattr(cell.value, "text", cell.value)  # an ArrayFormula holds its text
            if intersect and (self.sheet.name, r, c) in self.sheet.book.intersected:
                return "=@" + text[1:]
            return text
        error = self._error_text(r, c)
        if error is not None:
            return error
        shown = self._shown(r, c)
        if shown is None:
            return ""
        if isinstance(shown, (float, Decimal)) and shown == int(shown):
            return str(int(shown))
        return str(shown)

    def _type(self, r: int, c: int, value: Any, intersect: bool = True) -> None:
        """What Excel does with a value set from code: it reads text as if typed."""
        cell = self.sheet.ws.cell(row=r, column=c)
        key = (self.sheet.name, r, c)
        self.sheet.book.stale.add(key)
        self.sheet.book.intersected.discard(key)
        if isinstance(value, str) and value.startswith("=") and intersect and _ARRAY_FORMULA.search(value):
            self.sheet.book.intersected.add(key)
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
        insert_rows(self.sheet.book.xl, self.sheet.ws, r1, r2 - r1 + 1)

    def add_hyperlink(self, address, text_to_display=None, screen_tip=None):
        """xlwings' Range.add_hyperlink: Hyperlinks.Add(Anchor, Address=address) on Windows,
        make(new=hyperlink, with_properties={address: ...}) on the Mac: a link to that address."""
        CALLS["hyperlink"] += 1
        cell = self.sheet.ws.cell(row=self.row, column=self.column)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, target=address)
        if text_to_display is not None:
            cell.value = text_to_display

    def _add_link(self, address: str, sub_address: str, text: str | None) -> None:
        CALLS["hyperlink"] += 1
        if address != "" or not sub_address or sub_address.startswith("#"):
            raise ValueError(f"not a link into the workbook as documented: Address={address!r}, SubAddress={sub_address!r}")
        sheet, _, cell_address = sub_address.rpartition("!")
        sheet_name = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        if sheet_name not in self.sheet.book.xl.sheetnames:
            raise ValueError(f"Reference isn't valid: {sub_address!r}")
        range_boundaries(cell_address.replace("$", ""))
        cell = self.sheet.ws.cell(row=self.row, column=self.column)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=sub_address)
        if text is not None:
            cell.value = text

    @property
    def conditional_formats(self):
        return ConditionalFormats(self)


def _sheet_rules(sheet: Sheet) -> list[tuple]:
    """The sheet's rules in priority order (FormatConditions(1) first), as (ConditionalFormatting, Rule)."""
    found = [(cf, rule) for cf in sheet.ws.conditional_formatting for rule in cf.rules]
    return sorted(found, key=lambda pair: pair[1].priority or 0)


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
        # xlwings: rule.SetFirstPriority() (Windows), rule.set_first_priority() (Mac)
        for _, other in _sheet_rules(self.rng.sheet):
            other.priority = (other.priority or 0) + 1
        self.rng.sheet.ws.conditional_formatting.add(sqref, rule)
        rule.priority = 1
        return ConditionalFormat(self.rng.sheet, 1)


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
        """ListObject.Resize, with the rules Microsoft documents: "The header must remain in the
        same row and the resulting list must overlap the original list. The list must contain a
        header row and at least one row of data." A table may not overlap another table."""
        from openpyxl.worksheet.table import TableColumn

        r1, c1, r2, c2 = rng.impl.areas[0]
        oc1, or1, oc2, or2 = range_boundaries(self.table.ref)
        if r1 != or1 or c1 != oc1:
            raise ValueError("ListObject.Resize: the header must stay where it is")
        if r2 <= r1:
            raise ValueError("ListObject.Resize: a table needs a header and at least one data row")
        if r1 > or2 or r2 < or1 or c1 > oc2 or c2 < oc1:
            raise ValueError("ListObject.Resize: the new range must overlap the table")
        for other in self.sheet.ws.tables.values():
            if other is self.table:
                continue
            xc1, xr1, xc2, xr2 = range_boundaries(other.ref)
            if not (r2 < xr1 or r1 > xr2 or c2 < xc1 or c1 > xc2):
                raise ValueError(f"ListObject.Resize: a table cannot overlap another table ({other.displayName})")
        self.table.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        if self.table.autoFilter is not None:
            self.table.autoFilter.ref = self.table.ref
        columns = list(self.table.tableColumns)[: c2 - c1 + 1]
        columns += [TableColumn(id=len(columns) + i + 1, name=f"Column{len(columns) + i + 1}") for i in range(c2 - c1 + 1 - len(columns))]
        self.table.tableColumns = columns


def open_book(path: Path, platform: str = WINDOWS) -> xw.Book:
    """The workbook at ``path`` as an ``xlwings.Book`` of the test engine (not saved back),
    in Excel for Windows or for Mac."""
    engine = register()
    if platform == MAC:
        install_appscript_keywords()
    app = App(engine, platform)
    engine.apps.items.append(app)
    return xw.Book(impl=Book(app, path))


def register() -> Engine:
    """Register the engine with xlwings once; returns its implementation."""
    if ENGINE_NAME not in xw.engines.engines_by_name:
        xw.engines.add(xw.main.Engine(impl=Engine()))
    return xw.engines[ENGINE_NAME].impl


# --- Range.api: the object-model calls the adapter makes itself ------------------------------


class WindowsRangeApi:
    """COM's Range, as far as the adapter uses it: ``Hyperlinks.Add`` (keyword arguments, as
    pywin32 passes them; Microsoft's Hyperlinks.Add(Anchor, Address, SubAddress, ScreenTip,
    TextToDisplay))."""

    def __init__(self, rng: Range):
        self._rng = rng
        self.Hyperlinks = self

    def __bool__(self):
        return True  # xlwings' write stage only checks that there is one

    def Add(self, Anchor=None, Address=None, SubAddress=None, ScreenTip=None, TextToDisplay=None):
        assert Anchor is self or getattr(Anchor, "_rng", None) is self._rng, "Anchor must be the range itself"
        self._rng._add_link(Address, SubAddress or "", TextToDisplay)


class MacRangeApi:
    """An AppleScript reference to the range, as far as the adapter uses it: ``make(at=,
    new=hyperlink, with_properties={address:, sub_address:, text_to_display:})``, the call
    xlwings' own _xlmac.add_hyperlink makes, with Excel's sub address property."""

    def __init__(self, rng: Range):
        self._rng = rng

    def __bool__(self):
        return True

    def make(self, at=None, new=None, with_properties=None):
        assert getattr(at, "_rng", None) is self._rng and str(new) == "hyperlink", (at, new)
        props = {str(k): v for k, v in (with_properties or {}).items()}
        unknown = set(props) - {"address", "sub_address", "text_to_display", "screen_tip"}
        assert not unknown, f"Excel's hyperlink class has no property {unknown}"
        self._rng._add_link(props.get("address", ""), props.get("sub_address", ""), props.get("text_to_display"))


class _Keywords:
    """appscript's ``k``: AppleScript keywords by name (the Mac engine's stand-in)."""

    def __getattr__(self, name):
        return _Keyword(name)


class _Keyword(str):
    pass


def install_appscript_keywords() -> None:
    """On a machine without appscript, ``from appscript import k`` gives keywords by name."""
    import sys
    import types

    try:
        import appscript  # noqa: F401  (a real Mac: leave it)
    except ImportError:
        module = types.ModuleType("appscript")
        module.k = _Keywords()
        module.__xlplugin_stand_in__ = True
        sys.modules["appscript"] = module


def _is_currency(number_format: str) -> bool:
    """A currency format (what makes COM hand the value over as Currency): a currency symbol
    or a [$...] locale currency."""
    fmt = re.sub(r'"[^"]*"', "", number_format or "")
    return bool(re.search(r"\[\$[^\]-]*[^\]\d-][^\]]*\]|[$€£¥]|kr\.?", fmt))


# --- inserting whole rows, as Excel does ---------------------------------------------------------

_REF = re.compile(
    r"^(?P<sheet>(?:'(?:[^']|'')+'|[^'!:\[\]]+)!)?"
    r"(?P<c1>\$?[A-Z]{1,3})?(?P<r1>\$?\d+)?(?::(?P<c2>\$?[A-Z]{1,3})?(?P<r2>\$?\d+)?)?$"
)


def _shift_ref(ref: str, sheet_of_formula: str, target: str, at: int, n: int) -> str:
    match = _REF.match(ref)
    if not match or "[" in ref or not (match.group("r1") or match.group("r2")):
        return ref  # a name, a structured reference, whole columns: nothing moves
    sheet = match.group("sheet")
    name = sheet_of_formula
    if sheet:
        raw = sheet[:-1]
        name = raw[1:-1].replace("''", "'") if raw.startswith("'") else raw
    if name != target:
        return ref

    def row(text, is_end, first):
        if text is None:
            return None
        absolute, number = text.startswith("$"), int(text.lstrip("$"))
        if number >= at:
            number += n
        return ("$" if absolute else "") + str(number)

    r1, r2 = match.group("r1"), match.group("r2")
    out = (sheet or "") + (match.group("c1") or "") + (row(r1, False, True) or "")
    if ref.find(":") >= 0:
        out += ":" + (match.group("c2") or "") + (row(r2, True, False) or "")
    return out


def _shift_formula(text: str, sheet_of_formula: str, target: str, at: int, n: int) -> str:
    from openpyxl.formula.tokenizer import Token, Tokenizer

    tokens = Tokenizer(text).items
    if not any(t.type == Token.OPERAND and t.subtype == Token.RANGE for t in tokens):
        return text
    parts = []
    for t in tokens:
        value = t.value
        if t.type == Token.OPERAND and t.subtype == Token.RANGE:
            value = _shift_ref(value, sheet_of_formula, target, at, n)
        parts.append(value)
    return "=" + "".join(parts)


def insert_rows(wb, ws, at: int, n: int) -> None:
    """Insert n whole rows at row ``at`` of ``ws``: what is at or below moves down n rows --
    cells with their formats and row heights, tables (one the rows cut through grows), merged
    cells, validations, conditional formats, hyperlinks -- and every A1 reference in the
    workbook's formulas that points at a moved row follows it."""
    from openpyxl.formatting.formatting import ConditionalFormattingList
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    def moved(ref: str) -> str:
        rng = CellRange(ref)
        if rng.min_row >= at:
            rng.shift(row_shift=n)
        elif rng.max_row >= at:
            rng.expand(down=n)
        return rng.coord

    for other in wb.worksheets:  # references first, while the cells are where they were
        for row in other.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.value = _shift_formula(cell.value, other.title, ws.title, at, n)
    links = [(c.row, c.column, c.hyperlink) for row in ws.iter_rows(min_row=at) for c in row if c.hyperlink is not None]
    heights = {r: d.height for r, d in ws.row_dimensions.items() if r >= at and d.height}
    ws.insert_rows(at, n)
    for r in heights:
        ws.row_dimensions[r].height = None
    for r, h in heights.items():
        ws.row_dimensions[r + n].height = h
    for r, c, link in links:
        cell = ws.cell(row=r + n, column=c)
        link.ref = cell.coordinate
        cell.hyperlink = link
    for table in ws.tables.values():
        table.ref = moved(table.ref)
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
    for dv in ws.data_validations.dataValidation:
        dv.sqref = MultiCellRange(" ".join(moved(r.coord) for r in dv.sqref.ranges))
    merged = [moved(r.coord) for r in ws.merged_cells.ranges]
    ws.merged_cells = MultiCellRange()
    for ref in merged:
        ws.merged_cells.add(ref)
    old = ws.conditional_formatting
    ws.conditional_formatting = ConditionalFormattingList()
    for cf in old:
        ref = " ".join(moved(r.coord) for r in cf.sqref.ranges)
        for rule in cf.rules:
            ws.conditional_formatting.add(ref, rule)
