"""What a ribbon button runs: ``xlplugin.ribbon.run('<control id>', ...)`` via xlwings' RunPython.

One registry (``ACTIONS``) maps each ribbon control id (``macros/customUI14.xml``) to its
action. ``run`` finds the calling workbook, runs the action on it through the live gateway,
shows progress in the status bar and ends with a short message; any failure becomes a
friendly dialog (the details go to a log file), never a traceback. Importing this module is
cheap: every action imports what it needs when it runs.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlplugin.domain.errors import UserError, writing
from xlplugin.domain.phrases import Label, Phrase
from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES, texts
from xlplugin.layout.words import Words


@dataclass
class Press:
    """One button press: the calling workbook and what the add-in sent along."""

    book: Any  # xlwings.Book
    lang: str  # the ribbon's language (da/en): messages are in it
    label: str  # the button's label, for progress and titles
    path: str = ""  # for "new": where to save; for "merge": the copies, one per line (Excel's dialogs)
    addin_version: str = "dev"

    def progress(self, kind: str, table: Label) -> None:
        words = Words(self.lang)
        self.book.app.status_bar = words(Phrase.of(f"ribbon.progress.{kind}", action=self.label, table=table))


def new_workbook(press: Press) -> str:
    from xlplugin.app import create_workbook

    path = Path(press.path)
    if path.suffix.lower() != ".xlsx":
        raise UserError("msg.bad_suffix", path=path)
    if path.exists():  # Excel's save dialog may not have asked; nothing is lost
        raise UserError("ribbon.new.exists", path=path)
    with writing(path):
        create_workbook(path, lang=press.lang)
    press.book.app.books.open(str(path))
    return texts(press.lang).format("ribbon.new.done", path=path)


def _run_live(press: Press, action: str) -> str:
    """Run ``xlplugin.actions.<action>`` on the open workbook; its summary in the ribbon's language."""
    import importlib

    from xlplugin.gateway.live import LiveWorkbook

    module = importlib.import_module(f"xlplugin.actions.{action}")
    result = module.run(LiveWorkbook(press.book, progress=press.progress))
    return "\n".join(Words(press.lang, names=result.lang).lines(result.phrases()))


def validate_workbook(press: Press) -> str:
    return _run_live(press, "validate")


def match_workbook(press: Press) -> str:
    return _run_live(press, "match")


def platforms_workbook(press: Press) -> str:
    return _run_live(press, "platforms")


def plan_workbook(press: Press) -> str:
    return _run_live(press, "plan")


def overview_workbook(press: Press) -> str:
    """Refresh the Overblik sheet's figures (its charts follow them in Excel)."""
    from xlplugin.actions import overview
    from xlplugin.gateway.live import LiveWorkbook

    summary = overview.run(LiveWorkbook(press.book, progress=press.progress))
    return "\n".join(Words(press.lang, names=summary.lang).lines(summary.phrases()))


def report_workbook(press: Press) -> str:
    """A PDF report next to the workbook (the workbook must be saved; it is read, not changed)."""
    from xlplugin.actions import report
    from xlplugin.gateway.live import LiveWorkbook
    from xlplugin.render.pdf import render_pdf

    workbook = Path(press.book.fullname or "")
    if not workbook.parent.name or not workbook.parent.is_dir():  # never saved: no folder to put it in
        raise UserError("ribbon.report.unsaved")
    built = report.build(LiveWorkbook(press.book, progress=press.progress))
    target = workbook.with_name(f"{workbook.stem}{texts(built.lang)['report.file_suffix']}.pdf")
    with writing(target):
        _, pages = render_pdf(built.document, target)
    t = texts(press.lang)
    lines = [t.format("msg.report.findings", n=built.open_findings)] if built.open_findings else []
    return "\n".join([*lines, t.format("msg.report.done", path=target, pages=pages)])


def merge_workbook(press: Press) -> str:
    """Merge the copies the planner picked into the open workbook; then validate it, so the
    conflicts are marked at once (the open workbook is written as it goes: no commit to wait for)."""
    import os

    from xlplugin.actions import merge, validate
    from xlplugin.gateway.file import open_for_reading
    from xlplugin.gateway.live import LiveWorkbook

    paths = [Path(line) for line in press.path.split("\n") if line.strip()]
    here = os.path.realpath(press.book.fullname or "")
    for path in paths:
        if os.path.realpath(path) == here:
            raise UserError("msg.merge.same_file", copy=path.name)
    opened = []
    try:
        for path in paths:
            opened.append((path.name, open_for_reading(path)))
        summary = merge.run(LiveWorkbook(press.book, progress=press.progress), list(opened))
    finally:
        for _, book in opened:
            book.close()
    phrases = summary.phrases()
    if summary.conflicts:
        phrases += validate.run(LiveWorkbook(press.book, progress=press.progress)).phrases()
    return "\n".join(Words(press.lang, names=summary.lang).lines(phrases))


def show_help(press: Press) -> str:
    import xlwings

    from xlplugin import __version__

    return texts(press.lang).format(
        "ribbon.help.text",
        addin_version=press.addin_version,
        version=__version__,
        xlwings=xlwings.__version__,
        python=sys.executable,
    )


# Every ribbon control id → its action (tests check this against the ribbon XML both ways).
ACTIONS: dict[str, Callable[[Press], str]] = {
    "new": new_workbook,
    "validate": validate_workbook,
    "merge": merge_workbook,
    "match": match_workbook,
    "platforms": platforms_workbook,
    "plan": plan_workbook,
    "overview": overview_workbook,
    "report": report_workbook,
    "help": show_help,
}


def run(control_id: str, lang: str = DEFAULT_LANGUAGE, addin_version: str = "dev", path_hex: str = "") -> None:
    """Run the action of a ribbon button on the workbook that called."""
    from xlplugin import __version__

    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    t = texts(lang)
    label = t.get(f"ribbon.{control_id}.label") or control_id
    app = None
    try:
        import xlwings as xw

        book = xw.Book.caller()
        app = book.app
        if addin_version not in ("dev", __version__) or control_id not in ACTIONS:
            raise UserError("ribbon.error.version", addin=addin_version, package=__version__)
        path = bytes.fromhex(path_hex).decode("utf-16-be") if path_hex else ""
        app.status_bar = t.format("ribbon.progress.start", action=label)
        app.screen_updating = False
        message = ACTIONS[control_id](Press(book, lang, label, path, addin_version))
        app.screen_updating = True
        app.alert(message, title=t["ribbon.title"], mode="info")
    except UserError as exc:
        _tell(app, Words(lang)(exc.phrase), t.format("ribbon.error.title", action=label))
    except Exception as exc:  # anything else: a dialog for the user, the traceback for support
        from xlplugin.failures import log_failure, reason

        log = log_failure("ribbon", control_id, exc)  # type, cell and code places: never the cell's text
        _tell(app, t.format("ribbon.error.unexpected", reason=reason(exc, lang), log=log), t.format("ribbon.error.title", action=label))
    finally:
        if app is not None:
            app.screen_updating = True
            app.status_bar = False  # give the status bar back to Excel


def _tell(app: Any, message: str, title: str) -> None:
    if app is None:  # no Excel to talk to: RunPython shows what a failing script prints
        print(message, file=sys.stderr)
        raise SystemExit(1)
    app.alert(message, title=title, mode="critical")
