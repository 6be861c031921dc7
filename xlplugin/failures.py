"""Unexpected failures: the user gets a message, support gets the traceback in a log file."""
from __future__ import annotations

from pathlib import Path


def log_path(name: str) -> Path:
    return Path.home() / ".xlplugin" / f"{name}.log"


def log_failure(name: str, context: str) -> Path:
    """Append the exception being handled to ``~/.xlplugin/<name>.log``; returns the log's path."""
    import datetime as dt
    import traceback

    path = log_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} {context}\n")
            log.write(traceback.format_exc())
    except OSError:
        pass  # a log we cannot write must not hide the message to the user
    return path


def reason(exc: BaseException) -> str:
    """The exception in one short line, for the message the user sees."""
    return f"{type(exc).__name__}: {exc}"[:300]
