"""Action `validate`: read the workbook, run the rules, write the findings back.

Written against the gateway only, so the ribbon (live workbook) and the command line (file)
run the same code. The findings go on the findings sheet (each with a link to its cell) in
the workbook's language, and the cells with errors or warnings get a visible mark that the
next run removes (``WorkbookGateway.set_marks``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xlplugin.domain import models as m
from xlplugin.domain.findings import Finding, Severity, cell_order
from xlplugin.domain.rules import check_project
from xlplugin.errors import UserError
from xlplugin.gateway.port import CellRef, Link, Saved, WorkbookGateway
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts

FINDINGS_COLUMNS = ("severity", "sheet", "cell", "problem", "advice")


@dataclass
class Validation:
    findings: list[Finding]
    project: m.Project
    lang: str  # the workbook's language
    saved: Saved = field(default_factory=Saved)
    written: bool = False

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.has_errors else 0


def check(gateway: WorkbookGateway) -> Validation:
    """Read and run the rules; writes nothing."""
    result = read_project(gateway)
    try:
        findings = result.findings + check_project(result.project, result.locations, result.lang)
    except Exception as exc:  # a defect in a rule must still reach the user as a message
        raise UserError("msg.read_failed", reason=type(exc).__name__) from exc
    order = {name: i for i, name in enumerate(gateway.sheet_names())}
    findings.sort(key=lambda f: (order.get(f.sheet, -1), cell_order(f.cell), f.severity.rank, f.key))
    return Validation(findings, result.project, result.lang)


def findings_rows(findings: list[Finding], lang: str) -> list[list[object]]:
    """The findings table's rows, in ``lang``; cells link to where the finding is."""
    t = texts(lang)
    if not findings:
        return [[None, None, None, t["findings.none"], None]]
    rows: list[list[object]] = []
    for f in findings:
        cell: object = f.cell
        if f.sheet and f.cell:
            cell = Link(f.cell, CellRef.parse(f.sheet, f.cell))
        rows.append([t[f"severity.{f.severity.value}"], f.sheet, cell, f.message(lang), f.advice(lang)])
    return rows


def write_findings(gateway: WorkbookGateway, validation: Validation) -> None:
    """Findings sheet + marks; if the findings table is gone, say so as a finding."""
    lang = validation.lang
    t = texts(lang)
    headers = [t.header("findings", key) for key in FINDINGS_COLUMNS]
    try:
        gateway.write_table("findings", headers, findings_rows(validation.findings, lang))
    except UserError as exc:
        if exc.key != "msg.table_missing":
            raise
        validation.findings.append(
            Finding.make(Severity.WARNING, "findings_table_missing", findings_sheet=t.sheet("findings"))
        )
    marked = [
        CellRef.parse(f.sheet, f.cell)
        for f in validation.findings
        if f.sheet and f.cell and f.severity is not Severity.NOTE
    ]
    gateway.set_marks(marked)


def run(gateway: WorkbookGateway, write: bool = True) -> Validation:
    """The whole action: check, then (unless ``write`` is False) write back and commit."""
    validation = check(gateway)
    if write:
        write_findings(gateway, validation)
        validation.saved = gateway.commit()
        validation.written = True
    return validation


def validate_file(path: Path, write: bool = True) -> Validation:
    from xlplugin.gateway.file import open_workbook

    return run(open_workbook(path), write=write)


def format_table(findings: list[Finding], lang: str, width: int = 100) -> str:
    """The findings as a plain-text table for the terminal (advice on a line of its own)."""
    import textwrap

    t = texts(lang)
    heads = [t.header("findings", key) for key in ("severity", "sheet", "cell")]
    rows = [[t[f"severity.{f.severity.value}"], f.sheet or "", f.cell or ""] for f in findings]
    widths = [max(len(str(r[i])) for r in rows + [heads]) for i in range(3)]
    indent = sum(widths) + 3 * 2
    text_width = max(width - indent, 30)
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths)) + "  " + t.header("findings", "problem")]
    lines.append("-" * min(width, indent + text_width))
    for row, f in zip(rows, findings):
        prefix = "  ".join(str(v).ljust(w) for v, w in zip(row, widths)) + "  "
        body = textwrap.wrap(f.message(lang), text_width) + textwrap.wrap("→ " + f.advice(lang), text_width)
        lines.append(prefix + body[0])
        lines.extend(" " * indent + more for more in body[1:])
    return "\n".join(lines)

