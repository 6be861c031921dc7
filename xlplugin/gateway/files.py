"""Saving workbooks to disk: always through a temporary file and an atomic rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


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
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_new_workbook(workbook: Any, path: Path) -> None:
    atomic_write(Path(path), lambda tmp: workbook.save(tmp))
