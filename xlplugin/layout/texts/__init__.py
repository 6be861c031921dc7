"""User-facing strings, one module per language, looked up by key."""
from __future__ import annotations

import importlib
from functools import cache

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


class Texts:
    """The texts of one language, with helpers for the keys the layout builds."""

    def __init__(self, lang: str, table: dict[str, object]):
        self.lang = lang
        self._table = table

    def __getitem__(self, key: str) -> str:
        value = self._table[key]
        if not isinstance(value, str):
            raise TypeError(f"text {key} is a list; use .items()")
        return value

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._table.get(key, default)
        return value if isinstance(value, str) or value is None else default

    def items(self, key: str) -> list[str]:
        value = self._table[key]
        return list(value) if isinstance(value, list) else [str(value)]

    def has(self, key: str) -> bool:
        return key in self._table

    def keys(self) -> list[str]:
        return list(self._table)

    def format(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    # Keys built from the layout spec -------------------------------------------
    def sheet(self, sheet_key: str) -> str:
        return self[f"sheet.{sheet_key}"]

    def table(self, table_key: str) -> str:
        return self[f"table.{table_key}"]

    def header(self, table_key: str, column_key: str) -> str:
        return self[f"col.{table_key}.{column_key}"]

    def choice(self, list_key: str, code: str) -> str:
        return self[f"choice.{list_key}.{code}"]

    def help(self, table_key: str, column_key: str) -> str | None:
        return self.get(f"help.{table_key}.{column_key}")

    def former(self, key: str) -> list[str]:
        """What the text ``key`` (a sheet, table, header or choice) said in earlier versions, so
        that workbooks made then are still read: the list ``former.<key>``, if there is one."""
        return self.items(f"former.{key}") if self.has(f"former.{key}") else []


@cache
def texts(lang: str = DEFAULT_LANGUAGE) -> Texts:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"xlplugin.layout.texts.{lang}")
    return Texts(lang, module.TEXTS)
