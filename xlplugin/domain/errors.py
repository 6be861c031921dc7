"""The project's own error: it carries a phrase, so the message is rendered in the user's language."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xlplugin.domain.phrases import Phrase


class UserError(Exception):
    """A problem the user can fix; shown as a message, never as a traceback."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.phrase = Phrase.of(key, **params)

    @property
    def key(self) -> str:
        return self.phrase.key


@contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """Turn a failure to write ``path`` (locked, read-only, disk full …) into a UserError."""
    try:
        yield
    except OSError as exc:
        raise UserError("msg.cannot_write", path=path, reason=exc.strerror or type(exc).__name__) from exc
