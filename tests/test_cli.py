"""The command line never shows a traceback: a bug becomes a message and a log for support."""
from __future__ import annotations

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
