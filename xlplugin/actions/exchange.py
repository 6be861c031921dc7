"""Actions `export`, `import` and `schema`: a project workbook ↔ one JSON document.

Export reads the workbook through the gateway port (nothing is written) and hands back the
document with what the reader found; import validates a document and hands back the project
a new workbook is written from. A document from a newer layout is refused.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from xlplugin.actions.upgrade import require_current
from xlplugin.domain.errors import UserError
from xlplugin.domain.exchange import ProjectFile
from xlplugin.domain.findings import Finding
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import WorkbookGateway
from xlplugin.layout.reader import read_project
from xlplugin.layout.spec import LAYOUT_VERSION


@dataclass
class Exported:
    document: ProjectFile
    findings: list[Finding] = field(default_factory=list)  # what the reader could not read

    @property
    def lang(self) -> str:
        return self.document.lang

    def text(self) -> str:
        return export_text(self.document)

    def phrases(self) -> list[Phrase]:
        p = self.document.project
        out = [
            Phrase.of(
                "msg.export.done",
                groups=len(p.groups),
                entries=len(p.entries),
                interactions=len(p.interactions),
                platforms=len(p.platforms),
            )
        ]
        errors = sum(f.is_error for f in self.findings)
        if errors:
            out.append(Phrase.of("msg.export.unread", n=errors))
        return out


def export_project(gateway: WorkbookGateway) -> Exported:
    require_current(gateway)
    read = read_project(gateway)
    document = ProjectFile(layout=LAYOUT_VERSION, lang=read.lang, project=read.project)  # type: ignore[arg-type]
    return Exported(document, read.findings)


def export_text(document: ProjectFile) -> str:
    """The document as JSON text: stable key order, dates as ISO text, Danish letters as they are."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def read_document(text: str) -> ProjectFile:
    """A JSON document → the project it holds; UserError naming the first problem otherwise."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError("msg.import.not_json", line=exc.lineno, column=exc.colno) from exc
    if not isinstance(data, dict) or data.get("format") != ProjectFile.model_fields["format"].default:
        raise UserError("msg.import.not_project")
    layout = data.get("layout")
    if isinstance(layout, int) and layout > LAYOUT_VERSION:
        raise UserError("msg.import.newer", layout=layout, supported=LAYOUT_VERSION)
    try:
        return ProjectFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        # the place in the document and the kind of problem; never the value itself
        raise UserError("msg.import.invalid", where=where, problem=first["type"], count=exc.error_count()) from exc


def schema() -> dict[str, Any]:
    return ProjectFile.model_json_schema()
