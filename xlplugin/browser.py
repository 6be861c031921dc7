"""Where the Office.js add-in and the web page meet Python, which runs in the browser (Pyodide).

The add-in's JavaScript calls ``press`` with a button's action and the snapshot of the open workbook (JSON,
read in one ``Excel.run``); it gets back JSON: the plan of Excel operations to apply in one
batch, the summary and the findings in the add-in's language, or a message. Never a traceback:
an unexpected error is named by its type and cell (``xlplugin.failures.reason``), and the
details go to the browser's console only (``detail``), which stays on the user's PC.
The web page calls ``press_file`` instead: the workbook file itself, edited in place by the file
gateway in the browser's memory, and downloaded again. The report (``press_report``, or
``press_file`` with "report") is a Word document written with the standard library
(``render.word_plain``), offered as a download.

A message that sends the user to the command line (upgrade the workbook) says instead what to
do in the browser: on the web page, press its button (the file gateway there can upgrade); in
the add-in, open the web page at its hosted address (``page``), drop the saved workbook there and
press the button. The add-in adds the tool's own sheets itself (the plan's ``add_sheet``), all
but the overview's charts: the pane says so and where to get them.
"""
from __future__ import annotations

import json
from typing import Any

from xlplugin.domain import phrases as ph
from xlplugin.domain.errors import UserError
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import Saved
from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES, texts
from xlplugin.layout.words import Words

ACTIONS = ("validate", "match", "platforms", "plan", "overview", "upgrade")
# the messages that name a command, and the browser's own words for them (see the module's doc)
PANE_INSTEAD = {
    "msg.layout.older": "web.pane.layout_older",
    "msg.upgrade.file_only": "web.pane.upgrade",
}
PAGE_INSTEAD = {"msg.layout.older": "web.page.layout_older"}


def _findings(result: Any, words: Words) -> list[dict[str, Any]]:
    return [
        {
            "level": f.severity.value,
            "severity": words(Phrase(f"severity.{f.severity.value}")),
            "sheet": f.sheet or "",
            "cell": f.cell or "",
            "message": words(f.message),
            "advice": words(f.advice),
        }
        for f in getattr(result, "findings", [])
    ]


def _answer(lang: str, run: Any, instead: dict[str, str], **where: str) -> str:
    """``run(lang)`` gives the answer's own fields; a failure becomes a message, never a traceback
    (one that names a command: the browser's words, ``instead``, with ``where`` it is)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        answer = {"ok": True, **run(lang)}
    except UserError as exc:
        phrase = exc.phrase
        if phrase.key in instead:
            phrase = Phrase.of(instead[phrase.key], **{**phrase.values, **where})
        answer = {"ok": False, "message": Words(lang)(phrase)}
    except Exception as exc:  # a bug: a message for the user, the details for the console
        from xlplugin.failures import reason, safe_traceback

        answer = {
            "ok": False,
            "message": texts(lang).format("web.error.unexpected", reason=reason(exc, lang)),
            "detail": safe_traceback(exc),
        }
    return json.dumps(answer, ensure_ascii=False)


def _action(action: str) -> Any:
    import importlib

    if action not in ACTIONS:
        raise ValueError("unknown action")
    return importlib.import_module(f"xlplugin.actions.{action}")


def press(action: str, snapshot_json: str, lang: str = DEFAULT_LANGUAGE, page: str = "") -> str:
    """Run ``action`` on the workbook's snapshot (the add-in); the answer as JSON: the plan of
    Excel operations, the summary lines and the findings. ``page``: the web page's address."""

    def run(lang: str) -> dict[str, Any]:
        from xlplugin.gateway.snapshot import SnapshotWorkbook

        module = _action(action)
        gateway = SnapshotWorkbook(json.loads(snapshot_json))
        result = module.run(gateway)
        words = Words(lang, names=result.lang)
        lines = result.phrases()
        if action == "overview" and result.added:  # the plan adds the sheet, not its charts
            lines.append(Phrase.of("web.pane.overview_charts", sheet=ph.sheet("overview"), page=page))
        return {"plan": gateway.plan(), "lines": words.lines(lines), "findings": _findings(result, words)}

    return _answer(lang, run, PANE_INSTEAD, page=page)


def press_merge(snapshot_json: str, copies_json: str, lang: str = DEFAULT_LANGUAGE, page: str = "") -> str:
    """Merge (Flet kopier) in the add-in: the copies the user picked (``copies_json``: a JSON list
    of their paths in the browser's memory) read with the file gateway, read only, into the open
    workbook (its snapshot); the answer as ``press`` gives it. The merge log sheet, when the
    workbook lacks it, is added by the plan."""

    def run(lang: str) -> dict[str, Any]:
        from contextlib import ExitStack
        from pathlib import PurePath

        from xlplugin.actions import merge
        from xlplugin.domain.port import WorkbookGateway
        from xlplugin.gateway.file import open_for_reading
        from xlplugin.gateway.snapshot import SnapshotWorkbook

        gateway = SnapshotWorkbook(json.loads(snapshot_json))
        with ExitStack() as stack:
            copies: list[tuple[str, WorkbookGateway]] = []
            for path in json.loads(copies_json):
                book = open_for_reading(path)
                stack.callback(book.close)
                copies.append((PurePath(path).name, book))
            result = merge.run(gateway, copies)
        words = Words(lang, names=result.lang)
        return {"plan": gateway.plan(), "lines": words.lines(result.phrases()), "findings": _findings(result, words)}

    return _answer(lang, run, PANE_INSTEAD, page=page)


def _report(gateway: Any, book: str, lang: str) -> tuple[dict[str, Any], bytes]:
    """The report of the workbook behind ``gateway`` (a .docx's bytes) and the answer's fields:
    the summary lines and the file name to offer (``book``'s name and the suffix)."""
    from pathlib import PurePath

    from xlplugin.actions import report
    from xlplugin.render.word_plain import render_docx_plain

    built = report.build(gateway)
    table = texts(built.lang)
    name = f"{PurePath(book).stem or 'Projekt'}{table['report.file_suffix']}.docx"
    data = render_docx_plain(built.document, table["web.report.figures_as_tables"])
    words = Words(lang, names=built.lang)
    lines = [Phrase.of("msg.report.findings", n=built.open_findings)] if built.open_findings else []
    return {"lines": words.lines([*lines, Phrase.of("web.report.done", name=name)]), "findings": [], "document": name}, data


def press_report(snapshot_json: str, out: str, book: str, lang: str = DEFAULT_LANGUAGE, page: str = "") -> str:
    """The report of the open workbook (the add-in: its snapshot, ``book`` its file name) as a
    Word document written to ``out``; the answer as JSON: the summary lines and the name to
    offer the document under. The workbook is not changed."""

    def run(lang: str) -> dict[str, Any]:
        from pathlib import Path

        from xlplugin.gateway.snapshot import SnapshotWorkbook

        answer, data = _report(SnapshotWorkbook(json.loads(snapshot_json)), book, lang)
        Path(out).write_bytes(data)
        return answer

    return _answer(lang, run, PANE_INSTEAD, page=page)


def press_file(action: str, path: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Run ``action`` on the workbook file at ``path`` (the web page: a file in the browser's own
    memory) with the file gateway, which edits it in place as on the desktop (lxml or, in the
    browser, the standard library: ``gateway.xmltree``). The answer as JSON: the summary lines,
    the findings and whether the file was saved; "report" writes the report next to the file and
    names it (``document``)."""

    def run(lang: str) -> dict[str, Any]:
        from pathlib import Path

        from xlplugin.gateway.file import open_for_reading

        if action == "report":
            with open_for_reading(path) as gateway:  # read only: the workbook stays as it is
                answer, data = _report(gateway, Path(path).name, lang)
            Path(path).with_name(answer["document"]).write_bytes(data)
            return {**answer, "saved": False}
        module = _action(action)
        with open_for_reading(path) as gateway:  # no other process reaches the file here
            result = module.run(gateway)
        saved = getattr(result, "saved", None)
        if saved is not None:  # where it was saved means nothing to the user: the page offers the download
            result.saved = Saved()
        words = Words(lang, names=result.lang)
        return {
            "lines": words.lines(result.phrases()),
            "findings": _findings(result, words),
            "saved": bool(saved is not None and saved.path),
        }

    return _answer(lang, run, PAGE_INSTEAD)


def new_file(path: str, lang: str = DEFAULT_LANGUAGE, example: bool = False) -> None:
    """A new project workbook at ``path`` (the add-in's *New*: Excel.createWorkbook opens it)."""
    from pathlib import Path

    from xlplugin.actions import new
    from xlplugin.gateway.builder import write_new_workbook

    new.create_workbook(write_new_workbook, Path(path), lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE, example=example)
