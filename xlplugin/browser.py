"""Where the Office.js add-in and the web page meet Python, which runs in the browser (Pyodide).

JavaScript calls ``press`` with a button's action and the snapshot of the open workbook (JSON,
read in one ``Excel.run``); it gets back JSON: the plan of Excel operations to apply in one
batch, the summary and the findings in the add-in's language, or a message. Never a traceback:
an unexpected error is named by its type and cell (``xlplugin.failures.reason``), and the
details go to the browser's console only (``detail``), which stays on the user's PC.
"""
from __future__ import annotations

import json
from typing import Any

from xlplugin.domain.errors import UserError
from xlplugin.domain.phrases import Phrase
from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES, texts
from xlplugin.layout.words import Words

ACTIONS = ("validate", "match", "platforms", "plan")


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


def press(action: str, snapshot_json: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Run ``action`` on the workbook's snapshot; the answer as JSON (see the module's doc)."""
    import importlib

    from xlplugin.gateway.snapshot import SnapshotWorkbook

    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        if action not in ACTIONS:
            raise ValueError("unknown action")
        gateway = SnapshotWorkbook(json.loads(snapshot_json))
        module = importlib.import_module(f"xlplugin.actions.{action}")
        result = module.run(gateway)
        words = Words(lang, names=result.lang)
        answer = {
            "ok": True,
            "plan": gateway.plan(),
            "lines": words.lines(result.phrases()),
            "findings": _findings(result, words),
        }
    except UserError as exc:
        answer = {"ok": False, "message": Words(lang)(exc.phrase)}
    except Exception as exc:  # a bug: a message for the user, the details for the console
        from xlplugin.failures import reason, safe_traceback

        answer = {
            "ok": False,
            "message": texts(lang).format("web.error.unexpected", reason=reason(exc, lang)),
            "detail": safe_traceback(exc),
        }
    return json.dumps(answer, ensure_ascii=False)
