"""How results reach the disk: always through a temporary file and an atomic rename, with a
backup of the previous file; never over a file Excel has open."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from xlplugin.domain.errors import writing
from xlplugin.layout.texts import texts


def lock_file(path: Path) -> Path:
    """The owner file Excel keeps next to a workbook it has open."""
    return path.with_name("~$" + path.name)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def copy_path(path: Path, lang: str) -> Path:
    return path.with_name(f"{path.stem}{texts(lang)['file.copy_suffix']}.xlsx")


def atomic_write(path: Path, write: Any) -> None:
    """Call ``write(tmp_path)`` and move the result over ``path`` in one step.

    The temporary file sits in the same folder so the rename never crosses file systems;
    on any failure it is removed and ``path`` is left as it was.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".~{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        # mkstemp creates the file private (0600); give it the permissions a normal save would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise



def write_atomically(path: Path, write: Any) -> None:
    """``atomic_write``, with a failure to write turned into a message for the user."""
    with writing(path):
        atomic_write(path, write)
