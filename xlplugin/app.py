"""Where the parts meet: the file gateway and the workbook writer handed to the actions.

The command line, the benchmarks and the tests use these for a workbook on disk; the ribbon
builds the live gateway instead. Everything heavy is imported when a function runs.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from xlplugin.domain.collector import collector_paused
from xlplugin.domain.errors import UserError

if TYPE_CHECKING:
    from xlplugin.actions.exchange import Exported
    from xlplugin.actions.match import MatchSummary
    from xlplugin.actions.merge import MergeSummary
    from xlplugin.actions.overview import OverviewSummary
    from xlplugin.actions.plan import PlanSummary
    from xlplugin.actions.platforms import PlatformsSummary
    from xlplugin.actions.upgrade import UpgradeSummary
    from xlplugin.actions.validate import Validation
    from xlplugin.gateway.file import FileWorkbook


# --- before any work (issue 16): a write that cannot succeed is refused first ----------------
TEMP_NAME_EXTRA = len(".~.") + 8  # the temporary file: ".~{stem}.{8 random characters}{suffix}"
NAME_MAX = 255  # bytes of one file name on the usual file systems, where the OS cannot say
SPACE_MARGIN = 1024 * 1024


def lock_files(path: Path) -> list[Path]:
    """The owner files of an office program that has ``path`` open: Excel's ``~$NAME``,
    LibreOffice's ``.~lock.NAME#``."""
    return [path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")]


def refuse_if_open(path: Path) -> None:
    if any(_exists(lock) for lock in lock_files(path)):
        raise UserError("msg.file_locked", path=path)


def _exists(path: Path) -> bool:
    """``path.exists()``, False for a name too long to exist (ENAMETOOLONG) or otherwise unreachable."""
    try:
        return path.exists()
    except OSError:
        return False


def names_beside(path: Path) -> list[str]:
    """The names a save gives files beside ``path``: the backup, the temporary file, the copy
    (in either language: the workbook's is not known yet)."""
    from xlplugin.gateway.save import backup_path

    temp = "x" * (len(path.stem) + TEMP_NAME_EXTRA) + path.suffix
    return [backup_path(path).name, temp]


def check_name_length(path: Path) -> None:
    """Refuse a name too long for the files a save puts beside it (the OS would refuse them
    only after all the work)."""
    import os

    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (AttributeError, ValueError, OSError):  # Windows has no pathconf
        limit = NAME_MAX
    longest = max(len(os.fsencode(name)) for name in names_beside(path))
    if longest > limit:
        raise UserError("msg.name_too_long", path=path, length=longest, limit=limit)


def check_before_writing(path: Path | str) -> None:
    """Refuse, before any work, a save that cannot succeed: the file open in Excel or
    LibreOffice, a name too long for the backup or temporary file beside it, too little space
    for the backup and the new version (about three times the file)."""
    path = Path(path)
    if not path.is_file():
        return  # opening it says what is wrong
    refuse_if_open(path)
    check_name_length(path)
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return
    needed = 3 * path.stat().st_size + SPACE_MARGIN
    if free < needed:
        mb = 1024 * 1024
        raise UserError("msg.disk_full", folder=path.parent, free=free // mb, needed=-(-needed // mb))


def open_file(path: Path | str, lang: str | None = None) -> FileWorkbook:
    from xlplugin.gateway.file import open_workbook

    return open_workbook(path, lang)


def create_workbook(path: Path | str, lang: str = "da", example: bool = False, name: str | None = None) -> int:
    """A new project workbook at ``path``; returns its number of sheets."""
    from xlplugin.actions import new
    from xlplugin.gateway.builder import write_new_workbook

    return new.create_workbook(write_new_workbook, Path(path), lang=lang, example=example, name=name)


def write_templates(folder: Path | str) -> list[tuple[Path, int]]:
    from xlplugin.actions import new
    from xlplugin.gateway.builder import write_new_workbook

    return new.write_templates(write_new_workbook, Path(folder))


def validate_file(path: Path | str, write: bool = True) -> Validation:
    if write:
        check_before_writing(path)
    with collector_paused():  # until the workbook's cells are freed (the collector would walk them all)
        return _validated(path, write)


def _validated(path: Path | str, write: bool) -> Validation:
    from xlplugin.actions import validate

    with open_file(path) as gateway:  # the workbook's lock is held until the action is done
        return validate.run(gateway, write=write)


def match_file(path: Path | str) -> MatchSummary:
    check_before_writing(path)
    with collector_paused():  # until the workbook's cells are freed (the collector would walk them all)
        return _matched(path)


def _matched(path: Path | str) -> MatchSummary:
    from xlplugin.actions import match

    with open_file(path) as gateway:
        return match.run(gateway)


def platforms_file(path: Path | str) -> PlatformsSummary:
    from xlplugin.actions import platforms

    check_before_writing(path)
    with open_file(path) as gateway:
        return platforms.run(gateway)


def plan_file(path: Path | str) -> PlanSummary:
    from xlplugin.actions import plan

    check_before_writing(path)
    with open_file(path) as gateway:
        return plan.run(gateway)


def export_file(path: Path | str) -> Exported:
    """The project in a workbook as the exchange document (the workbook is not changed)."""
    from xlplugin.actions import exchange

    with open_file(path) as gateway:
        return exchange.export_project(gateway)


def import_file(source: Path | str, target: Path | str) -> int:
    """A new project workbook at ``target`` from the JSON document at ``source``; its sheet count."""
    from xlplugin.actions import exchange
    from xlplugin.domain.errors import UserError
    from xlplugin.gateway.builder import write_new_workbook

    try:
        text = Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError("msg.not_found", path=source) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError("msg.import.unreadable", path=source) from exc
    document = exchange.read_document(text)
    return write_new_workbook(document.project, document.lang, Path(target))


def report_file(path: Path | str, out: Path | str | None = None, fmt: str | None = None) -> tuple[Path, int, int]:
    """Write the report of the workbook at ``path``: PDF (default) or Word. Returns where it went,
    its number of pages (0 for Word: Word counts them) and the workbook's open findings."""
    from xlplugin.actions import report
    from xlplugin.domain.errors import UserError, writing
    from xlplugin.layout.texts import texts

    path = Path(path)
    fmt = fmt or (Path(out).suffix.lower().lstrip(".") if out else "pdf")
    if out and (fmt not in ("pdf", "docx") or Path(out).suffix.lower() != f".{fmt}"):
        raise UserError("msg.report.suffix", path=out)
    with open_file(path) as gateway:
        built = report.build(gateway)
    target = Path(out) if out else path.with_name(f"{path.stem}{texts(built.lang)['report.file_suffix']}.{fmt}")
    with writing(target):
        if fmt == "docx":
            from xlplugin.render.word import render_docx

            render_docx(built.document, target)
            pages = 0
        else:
            from xlplugin.render.pdf import render_pdf

            _, pages = render_pdf(built.document, target)
    return target, pages, built.open_findings


def overview_file(path: Path | str) -> OverviewSummary:
    """Refresh the Overblik sheet (added first to a workbook made before it)."""
    from xlplugin.actions import overview

    check_before_writing(path)
    with open_file(path) as gateway:
        return overview.run(gateway)


def upgrade_file(path: Path | str) -> UpgradeSummary:
    """Bring a workbook of an older layout to today's, in place."""
    from xlplugin.actions import upgrade

    check_before_writing(path)
    with open_file(path) as gateway:
        return upgrade.run(gateway)


def merge_files(target: Path | str, copies: list[Path | str]) -> MergeSummary:
    """Merge the copies into ``target`` (``actions.merge``). The copies are only read (no lock,
    nothing written); the target is locked and written in place, atomically, with a backup."""
    import os

    from xlplugin.actions import merge
    from xlplugin.gateway.file import open_for_reading

    target = Path(target)
    if not copies:
        raise UserError("msg.merge.no_copies")
    real = os.path.realpath(target)
    for copy in copies:
        if os.path.realpath(copy) == real:
            raise UserError("msg.merge.same_file", copy=Path(copy).name)
    check_before_writing(target)
    names = [Path(copy).name for copy in copies]
    if len(set(names)) < len(names):  # two colleagues' "Projekt.xlsx": their folders tell them apart
        names = [f"{Path(copy).resolve().parent.name}/{Path(copy).name}" for copy in copies]
    with open_file(target) as gateway:
        opened = []
        try:
            for name, copy in zip(names, copies):
                opened.append((name, open_for_reading(copy)))
            return merge.run(gateway, list(opened))
        finally:
            for _, book in opened:
                book.close()


def replace_workbook(path: Path, lang: str = "da", example: bool = False, name: str | None = None) -> tuple[int, Path | None]:
    """``new --force``: a new project workbook over an existing file, which is kept as
    ``NAME.bak`` first; refused while the file is open. Returns the sheets and the backup."""
    from xlplugin.gateway.save import backup_path, write_atomically

    backup = None
    check_name_length(path)
    if path.exists():
        check_before_writing(path)
        backup = backup_path(path)
        write_atomically(backup, lambda tmp: shutil.copyfile(path, tmp))
    return create_workbook(path, lang=lang, example=example, name=name), backup
