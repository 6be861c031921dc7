"""How results reach the disk: always through a temporary file and an atomic rename, with a
backup of the previous file; never over a file Excel or LibreOffice has open; through a
symlink to its target; with the file's permission bits and owner; one action at a time.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from xlplugin.domain.errors import UserError, writing

LOCK_WAIT = 10.0  # seconds a second action on the same file waits for the first
TEMP_RANDOM = 8  # mkstemp's random part


def lock_file(path: Path) -> Path:
    """The owner file Excel keeps next to a workbook it has open."""
    return path.with_name("~$" + path.name)


def office_lock_files(path: Path) -> list[Path]:
    """Excel's owner file and LibreOffice's lock file of a workbook."""
    return [lock_file(path), path.with_name(f".~lock.{path.name}#")]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _temp_prefix(path: Path) -> str:
    return f".~{path.stem}."


def _temp_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(_temp_prefix(path)) + rf"[A-Za-z0-9_]{{{TEMP_RANDOM}}}" + re.escape(path.suffix) + "$")


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temporary files of this tool's naming left next to ``path`` (and its backup) by a
    run that was killed. Call it only while holding ``exclusive``: no run of ours writes then."""
    removed = []
    for target in (path, backup_path(path)):
        pattern = _temp_pattern(target)
        with contextlib.suppress(OSError):
            for entry in os.scandir(target.parent):
                if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed


def name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):
        return 255  # Windows (NTFS), and the usual limit elsewhere


def check_names(path: Path) -> None:
    """Refuse, before any work, a file whose backup or temporary file names would not fit."""
    limit = name_max(path.parent)
    backup = backup_path(path)
    longest = max(
        len(os.fsencode(backup.name)),
        len(os.fsencode(_temp_prefix(path) + "x" * TEMP_RANDOM + path.suffix)),
        len(os.fsencode(_temp_prefix(backup) + "x" * TEMP_RANDOM + backup.suffix)),
    )
    if longest > limit:
        raise UserError("msg.backup_name_too_long", path=path)


def check_writable(path: Path) -> None:
    """A read-only file (or one in a read-only folder) is refused with a clear message."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise UserError("msg.not_found", path=path) from exc
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise UserError("msg.read_only", path=path)
    if not os.access(path.parent, os.W_OK):
        raise UserError("msg.read_only", path=path)


def exclusive(path: Path) -> Any:
    """A lock that makes actions on the same workbook run one after the other, across processes.

    The lock file lives in the temp folder, named after the workbook's real path, so the user's
    folder holds nothing new. Reentrant within a process (one lock object per workbook).
    """
    from filelock import FileLock

    key = hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:32]
    folder = Path(tempfile.gettempdir()) / "xlplugin-locks"
    folder.mkdir(exist_ok=True)
    return FileLock(str(folder / f"{key}.lock"), timeout=LOCK_WAIT, is_singleton=True)


def atomic_write(path: Path, write: Any, like: os.stat_result | None = None) -> None:
    """Call ``write(tmp_path)`` and move the result over ``path`` in one step.

    The temporary file sits in the same folder so the rename never crosses file systems;
    on any failure it is removed and ``path`` is left as it was. It gets the permission bits
    (and, where allowed, the owner) of ``like`` (the file it replaces), else a new file's.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        if like is not None:
            os.chmod(tmp, stat.S_IMODE(like.st_mode))
            if hasattr(os, "chown"):
                with contextlib.suppress(OSError):
                    if os.stat(tmp).st_uid != like.st_uid or os.stat(tmp).st_gid != like.st_gid:
                        os.chown(tmp, like.st_uid, like.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomically(path: Path, write: Any, like: os.stat_result | None = None) -> None:
    """``atomic_write``, with a failure to write turned into a message for the user."""
    with writing(path):
        atomic_write(path, write, like)
