"""The project's own error: it carries a text key, so the message is in the user's language."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class UserError(Exception):
    """A problem the user can fix; shown as a message, never as a traceback."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "da") -> str:
        from xlplugin.layout.texts import texts

        return texts(lang).format(self.key, **self.params)


@contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """Turn a failure to write ``path`` (locked, read-only, disk full …) into a UserError."""
    try:
        yield
    except OSError as exc:
        raise UserError("msg.cannot_write", path=path, reason=exc.strerror or exc) from exc
