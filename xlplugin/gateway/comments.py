"""The cell comments of a workbook file, read straight from its zip (calamine does not read them).

Each worksheet names its comment parts in its relationships: the notes (``comments``, what
Excel calls notes and older Excel comments) and the threaded comments of Excel 365
(``threadedComment``), whose text Excel also copies into a note. Only the texts and the cells
they belong to are read; authors, shapes and formatting are not.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

from xlplugin.domain.port import CellRef

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_COMMENT_TYPES = ("/comments", "/threadedComment")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # Excel's escape of a character XML cannot hold


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _part_path(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _rels(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of each relationship of ``part``."""
    name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(name))
    except KeyError:
        return []
    return [
        (rel.get("Id", ""), rel.get("Type", ""), _part_path(part, rel.get("Target", "")))
        for rel in root.iter(f"{_REL_NS}Relationship")
        if rel.get("TargetMode") != "External"
    ]


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda found: chr(int(found[1], 16)), text) if "_x" in text else text


def comment_texts(archive: zipfile.ZipFile) -> list[tuple[CellRef, str]]:
    """Every comment's cell and text, sheet by sheet. Raises ElementTree.ParseError, KeyError
    or ValueError on a damaged part (the caller reports the file as damaged)."""
    workbook = "xl/workbook.xml"
    parts = {rel_id: target for rel_id, _type, target in _rels(archive, workbook)}
    root = ElementTree.fromstring(archive.read(workbook))
    found: list[tuple[CellRef, str]] = []
    for sheet in root.iter(f"{_MAIN_NS}sheet"):
        sheet_part = parts.get(sheet.get(_R_ID, ""))
        if not sheet_part:
            continue
        name = sheet.get("name", "")
        for _rel_id, rel_type, target in _rels(archive, sheet_part):
            if not rel_type.endswith(_COMMENT_TYPES) or target not in archive.namelist():
                continue
            for element in ElementTree.fromstring(archive.read(target)).iter():
                ref = element.get("ref")
                if ref is None or _local(element.tag) not in ("comment", "threadedComment"):
                    continue
                text = "".join(
                    "".join(child.itertext()) for child in element if _local(child.tag) == "text"
                )
                if text.strip():
                    found.append((CellRef.parse(name, ref.split(":")[0]), _unescape(text)))
    return found
