"""Checks before anything unpacks a file: is it a safe .xlsx at all (not .xls, .xlsb,
encrypted, corrupt or a zip bomb). Nothing in a package is lost on saving: the writer
(``edit``) copies every part it does not change byte for byte."""
from __future__ import annotations

import zipfile
from pathlib import Path

from xlplugin.domain.errors import UserError

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted Office file
ZIP_MAGIC = b"PK\x03\x04"
# Refuse to unpack more than this, or parts that compress better than a zip bomb would.
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 250
MAX_PARTS = 10_000  # a project workbook has about 50
RATIO_FLOOR = 8 * 1024 * 1024  # small parts may compress very well (empty rows); ignore ratio below this


def check_container(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip after refusing what is not a safe .xlsx; UserError otherwise."""
    if not path.exists():
        raise UserError("msg.not_found", path=path)
    if path.is_dir():
        raise UserError("msg.not_a_file", path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UserError("msg.cannot_read", path=path, reason=exc.strerror or exc) from exc
    if not head:
        raise UserError("msg.empty_file", path=path)
    if head.startswith(CFB_MAGIC):
        data = path.read_bytes()
        # An encrypted .xlsx is a compound file holding these streams (names in UTF-16LE).
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise UserError("msg.encrypted", path=path)
        raise UserError("msg.old_xls", path=path)
    if not head.startswith(ZIP_MAGIC):
        raise UserError("msg.not_xlsx", path=path)
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError("msg.corrupt", path=path) from exc
    total = sum(i.file_size for i in infos)
    bomb = total > MAX_UNPACKED or len(infos) > MAX_PARTS or any(
        i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    )
    if bomb:
        archive.close()
        raise UserError("msg.zip_bomb", path=path, mb=MAX_UNPACKED // (1024 * 1024))
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        archive.close()
        raise UserError("msg.xlsb", path=path)
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        archive.close()
        raise UserError("msg.not_xlsx", path=path)
    return archive
