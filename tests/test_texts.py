"""The texts: both languages have the same keys and placeholders, and every message the code
raises or says exists in both with the parameters it is given."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from xlplugin.layout.texts import LANGUAGES, texts

SOURCE = Path(__file__).resolve().parents[1] / "xlplugin"
# UserError("key", a=..., b=...) and Phrase.of("key", a=..., b=...) with literal keys
CALL = re.compile(r'(?:UserError|Phrase\.of)\(\s*"([\w.]+)"((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)')


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def calls() -> list[tuple[str, set[str], str]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "texts" in path.relative_to(SOURCE).parts:
            continue
        for match in CALL.finditer(path.read_text(encoding="utf-8")):
            if "**" in match.group(2):
                continue  # parameters handed on as a mapping: not checkable here
            found.append((match.group(1), set(re.findall(r"\b(\w+)=", match.group(2))), path.name))
    return found


def test_both_languages_have_the_same_keys_and_placeholders():
    da, en = texts("da"), texts("en")
    assert set(da.keys()) == set(en.keys())
    for key in da.keys():  # noqa: SIM118 - Texts is no mapping; keys() is its list
        if da.get(key) is not None:
            assert placeholders(da[key]) == placeholders(en[key]), key


def test_the_scan_finds_the_messages_the_code_uses():
    keys = {key for key, _, _ in calls()}
    assert {"msg.table_missing", "msg.match.summary", "validate.summary"} <= keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_the_code_uses_exists_with_the_parameters_it_is_given(lang):
    t = texts(lang)
    problems = []
    for key, given, where in calls():
        if not t.has(key):
            problems.append(f"{where}: {key} is not a text")
        elif placeholders(t[key]) - given:
            problems.append(f"{where}: {key} needs {sorted(placeholders(t[key]) - given)}")
    assert not problems, problems


def _former_spellings() -> list[tuple[str, str, str]]:
    found = []
    for lang in LANGUAGES:
        t = texts(lang)
        for key in t.keys():  # noqa: SIM118 - Texts is no mapping; keys() is its list
            if key.startswith("former."):
                found.extend((lang, key[len("former."):], old) for old in t.items(key))
    return found


def test_the_former_spellings_are_not_todays():
    assert _former_spellings(), "no former spellings: the renames of issue 13 are listed in former.*"
    for lang, key, old in _former_spellings():
        assert texts(lang).has(key), f"former.{key} names no text"
        assert old not in {texts(other)[key] for other in LANGUAGES}, (lang, key, old)


@pytest.mark.parametrize("lang,key,old", _former_spellings())
def test_a_workbook_made_before_a_rename_is_still_read(lang, key, old):
    """A sheet, table, header or dropdown choice spelled as an earlier version wrote it is found as
    today's (workbooks made then keep working)."""
    from xlplugin.domain.models import normalize
    from xlplugin.layout.names import header_names, sheet_names_of, table_names_of
    from xlplugin.layout.values import parse_choice

    kind, *rest = key.split(".")
    if kind == "col":
        assert normalize(old) in header_names(*rest)
    elif kind == "sheet":
        assert normalize(old) in sheet_names_of(rest[0])
    elif kind == "table":
        assert normalize(old) in table_names_of(rest[0])
    else:
        assert kind == "choice", key
        assert parse_choice(rest[0], old) == rest[1]
