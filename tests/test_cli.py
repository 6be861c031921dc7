"""The command line never shows a traceback: a bug becomes a message and a log for support."""
from __future__ import annotations

import re

import pytest
from workbooks import digest, example

from xlplugin.cli import main


@pytest.mark.parametrize("lang", ["da", "en"])
def test_unexpected_error_is_a_message_with_a_log_and_the_file_is_unchanged(tmp_path, monkeypatch, capsys, lang):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = example(tmp_path, lang)
    before = digest(path)

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug quoting a cell: 010203-1234")

    monkeypatch.setattr("xlplugin.actions.validate.read_project", broken)
    assert main(["--lang", lang, "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "RuntimeError" in err
    log = tmp_path / "home" / ".xlplugin" / "cli.log"
    assert str(log) in err
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged
    # the exception's text may quote a cell: neither the message nor the log repeats it
    assert "simulated bug" not in err + logged and "1234" not in err + logged
    assert digest(path) == before


# argparse's own words, as Python writes them in English (usage, group titles, -h, errors).
ARGPARSE_ENGLISH = re.compile(
    r"usage:|positional arguments|options:|optional arguments|show this help message|error:|"
    r"the following arguments are required|unrecognized arguments|invalid choice|expected one argument"
)
DANISH_CALLS = (
    ["--help"],
    ["validate", "--help"],
    ["match", "-h"],
    ["addin", "--help"],
    ["addin", "install", "--help"],
    [],
    ["validate"],
    ["bogus"],
    ["validate", "a.xlsx", "--surprise"],
    ["--lang"],
    ["addin", "install", "--ribbon-lang", "fr"],
)


@pytest.mark.parametrize("argv", DANISH_CALLS, ids=lambda argv: " ".join(argv) or "nothing")
def test_the_danish_command_line_has_no_english_from_argparse(argv, capsys):
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr()
    shown = out.out + out.err
    assert shown.strip()
    assert not ARGPARSE_ENGLISH.search(shown), shown


def test_the_english_command_line_keeps_argparse_english(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "validate"])
    assert "the following arguments are required: FILE" in capsys.readouterr().err


def test_argparse_is_left_as_it_was_after_a_danish_run(capsys):
    import argparse

    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
