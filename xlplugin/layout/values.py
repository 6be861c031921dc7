"""Cell values as people type them → model values, one column kind at a time. Pure.

- numbers as numbers or text: "25 %", "25%", "0,25", "1.234,50 kr.", 25, 0.25;
- dates as date cells, serial numbers, or text dd-mm-yyyy, yyyy-mm-dd, d.m.yyyy, d/m/yyyy;
- dropdown labels in any case / with stray spaces, in either language, or the code itself;
- yes/no in either language, or x, 1, 0, ✓;
- a formula showing an error (#DIV/0!, #N/A …) is a ``BadValue("cell_error")``.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

from xlplugin.domain.models import normalize
from xlplugin.layout import spec
from xlplugin.layout.spec import Column, Kind
from xlplugin.layout.texts import LANGUAGES, Texts, texts

EXCEL_EPOCH = dt.date(1899, 12, 30)


class BadValue(Exception):
    """A cell value that does not fit its column; the key says which finding to report."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


UNIT_RE = re.compile(r"(kr\.?|dkk|,-|point|pt\.?)$", re.IGNORECASE)


def parse_number(value: Any) -> tuple[float, bool]:
    """(number, had a % sign). Accepts Danish and English separators."""
    if isinstance(value, bool):
        raise BadValue("not_number")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue("not_number")
        return float(value), False
    if not isinstance(value, str):
        raise BadValue("not_number")
    text = value.strip().replace("\u00a0", " ").replace("\u2212", "-")
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    while True:
        stripped = UNIT_RE.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    text = text.replace(" ", "").replace("'", "")
    if not text or not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", text):
        raise BadValue("not_number")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        # Danish decimal comma, unless it clearly groups thousands (1,000,000)
        text = text.replace(",", "") if text.count(",") > 1 else text.replace(",", ".")
    elif text.count(".") > 1 or re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", text):
        text = text.replace(".", "")  # Danish thousands: 1.500 or 1.234.567
    try:
        return float(text), percent
    except ValueError as exc:
        raise BadValue("not_number") from exc


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue("not_date")
    if isinstance(value, (int, float)):
        if not 1 <= value < 2958466:  # Excel's serial range (1900-01-01 … 9999-12-31)
            raise BadValue("not_date")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    if isinstance(value, str):
        text = value.strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", text)
        parts = None
        if match:
            parts = int(match[1]), int(match[2]), int(match[3])
        else:
            match = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})", text)
            if match:
                year = int(match[3])
                year = year + 2000 if year < 100 else year
                parts = year, int(match[2]), int(match[1])
        if parts:
            try:
                return dt.date(*parts)
            except ValueError as exc:
                raise BadValue("not_date") from exc
    raise BadValue("not_date")


YES = {"ja", "yes", "j", "y", "x", "sand", "true", "1", "✓", "✔"}
NO = {"nej", "no", "n", "falsk", "false", "0", "-"}


def parse_yesno(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalize(value).rstrip(".")
    if text in YES or text in {normalize(texts(lang).choice("yesno", "yes")) for lang in LANGUAGES}:
        return True
    if text in NO or text in {normalize(texts(lang).choice("yesno", "no")) for lang in LANGUAGES}:
        return False
    raise BadValue("not_yesno")


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return texts("da").choice("yesno", "yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _choice_maps() -> dict[str, dict[str, str]]:
    maps: dict[str, dict[str, str]] = {}
    for key, enum in spec.LIST_ENUMS.items():
        lookup: dict[str, str] = {}
        for member in enum:
            lookup[normalize(member.value)] = member.value
            for lang in LANGUAGES:
                t = texts(lang)
                for label in [t.choice(key, member.value), *t.former(f"choice.{key}.{member.value}")]:
                    lookup[normalize(label)] = member.value
        maps[key] = lookup
    return maps


CHOICES = _choice_maps()


def parse_choice(list_key: str, value: Any) -> str:
    code = CHOICES[list_key].get(normalize(as_text(value)))
    if code is None:
        raise BadValue("choice_unknown")
    return code


CODES_SEPARATOR = ", "


def parse_codes(column: Column, value: Any) -> list[str]:
    """A cell listing several labels of one dropdown list ("Fælles tredje, Fælles løsning") →
    their codes; labels are split at commas, semicolons or line breaks."""
    assert column.choices is not None
    text = as_text(value) or ""
    return [parse_choice(column.choices, part) for part in re.split(r"\s*[,;\n]\s*", text) if part.strip()]


class ColumnParser:
    """``parse_cell`` for one column, remembering text it has parsed (lists repeat their labels)."""

    def __init__(self, column: Column):
        self.column = column
        self.plain_text = column.kind in (Kind.TEXT, Kind.LONG_TEXT) or (
            column.kind is Kind.CHOICE and column.choices not in spec.LIST_ENUMS
        )
        self.memo: dict[str, Any] = {}

    def __call__(self, value: Any) -> Any:
        if value is None:
            return None
        if type(value) is str:
            if self.plain_text and value not in EXCEL_ERRORS:
                return value.strip() or None
            if value in self.memo:
                parsed = self.memo[value]
                if isinstance(parsed, BadValue):
                    raise parsed
                return parsed
            try:
                parsed = parse_cell(self.column, value)
            except BadValue as bad:
                self.memo[value] = bad
                raise
            self.memo[value] = parsed
            return parsed
        return parse_cell(self.column, value)


# What a cell shows when its formula fails (the gateway hands these over as text).
EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)


def parse_cell(column: Column, value: Any) -> Any:
    """A cell value → the model value for ``column`` (BadValue if it cannot be)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value in EXCEL_ERRORS:
        raise BadValue("cell_error")
    kind = column.kind
    if kind is Kind.YESNO:
        return parse_yesno(value)
    if kind is Kind.CHOICE and column.choices in spec.LIST_ENUMS:
        return parse_choice(column.choices, value)
    if kind is Kind.DATE:
        return parse_date(value)
    if kind in (Kind.NUMBER, Kind.SCORE, Kind.RATING, Kind.MONEY):
        return parse_number(value)[0]
    if kind is Kind.CODES:
        return parse_codes(column, value)
    if kind is Kind.PERCENT:
        return parse_number(value)  # (number, had %): scaled per column in _shares
    return as_text(value)


# --- and back: model values → what a cell shows --------------------------------------------
def display_value(column: Column, value: Any, t: Texts) -> Any:
    """The value a cell should hold for a model value (labels instead of codes)."""
    if value is None:
        return None
    if column.kind is Kind.YESNO:
        return t.choice("yesno", "yes" if value else "no")
    if column.kind is Kind.CODES:
        assert column.choices is not None
        labels = [t.choice(column.choices, v.value if isinstance(v, Enum) else str(v)) for v in value]
        return CODES_SEPARATOR.join(labels) or None
    if isinstance(value, Enum):
        value = value.value
    if column.kind is Kind.CHOICE and column.choices in spec.LIST_ENUMS:
        return t.choice(column.choices, str(value))
    if isinstance(value, float) and value.is_integer() and column.kind in (Kind.PERCENT, Kind.SCORE, Kind.MONEY):
        return int(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def table_rows(project: Any, table_spec: Any, t: Texts) -> list[list[Any]]:
    """The cell values of a layout table's data rows, from the project (labels, not codes)."""
    if table_spec.key == "facts":
        facts = project.facts
        return [[t[f"fact.{col.key}"], display_value(col, getattr(facts, col.key), t)] for col in spec.FACT_FIELDS]
    field_name = spec.PROJECT_FIELDS.get(table_spec.key)
    items = getattr(project, field_name) if field_name else []
    return [[display_value(c, getattr(item, c.key), t) for c in table_spec.columns] for item in items]
