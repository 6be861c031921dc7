"""Where the parts meet: the file gateway and the workbook writer handed to the actions.

The command line, the benchmarks and the tests use these for a workbook on disk; the ribbon
builds the live gateway instead. Everything heavy is imported when a function runs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xlplugin.actions.exchange import Exported
    from xlplugin.actions.match import MatchSummary
    from xlplugin.actions.overview import OverviewSummary
    from xlplugin.actions.validate import Validation
    from xlplugin.gateway.file import FileWorkbook


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
    from xlplugin.actions import validate

    return validate.run(open_file(path), write=write)


def match_file(path: Path | str) -> MatchSummary:
    from xlplugin.actions import match

    return match.run(open_file(path))


def export_file(path: Path | str) -> Exported:
    """The project in a workbook as the exchange document (the workbook is not changed)."""
    from xlplugin.actions import exchange

    return exchange.export_project(open_file(path))


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
    built = report.build(open_file(path))
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
    from xlplugin.gateway.overview import ensure_overview_sheet

    gateway = open_file(path)
    added = ensure_overview_sheet(gateway)
    return overview.run(gateway, added)
