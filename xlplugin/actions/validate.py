"""Action `validate`: read the workbook, run the rules, write the findings back.

Written against the gateway port only, so the ribbon (live workbook) and the command line
(file) run the same code. The findings go on the findings sheet (each with a link to its
cell) in the workbook's language, and the cells with errors or warnings get a visible mark
that the next run removes (``WorkbookGateway.set_marks``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xlplugin.actions.merge import open_conflicts
from xlplugin.actions.upgrade import require_current
from xlplugin.domain import models as m
from xlplugin.domain import phrases as ph
from xlplugin.domain.collector import collector_paused
from xlplugin.domain.errors import UserError
from xlplugin.domain.findings import Finding, Severity
from xlplugin.domain.phrases import Phrase
from xlplugin.domain.port import Link, Saved, WorkbookGateway
from xlplugin.domain.rules import check_project, may_hold_personal_data
from xlplugin.layout import spec
from xlplugin.layout.lists import broken_list_names
from xlplugin.layout.names import sheet_names_of
from xlplugin.layout.reader import read_project
from xlplugin.layout.words import Words, saved_phrases

FINDINGS_COLUMNS = ("severity", "sheet", "cell", "problem", "advice")


@dataclass
class Validation:
    findings: list[Finding]
    project: m.Project
    lang: str  # the workbook's language
    saved: Saved = field(default_factory=Saved)
    written: bool = False  # the workbook was written (findings sheet or not, marks)
    findings_written: bool = False  # the findings table was there to take the findings

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.has_errors else 0

    def phrases(self) -> list[Phrase]:
        """The summary: counts, where the findings went, where the file went."""
        errors, warnings, notes = (self.count(s) for s in Severity)
        out = [Phrase.of("validate.summary", errors=errors, warnings=warnings, notes=notes)]
        if not self.written:
            out.append(Phrase("validate.not_written"))
        elif self.findings_written:
            out.append(Phrase.of("validate.written", sheet=ph.sheet("findings")))
        return out + saved_phrases(self.saved)


def check(gateway: WorkbookGateway) -> Validation:
    """Read and run the rules; writes nothing."""
    require_current(gateway)
    result = read_project(gateway)
    texts = gateway.read_all_text(may_hold_personal_data)  # every cell and comment, wherever it stands
    try:
        findings = result.findings + check_project(result.project, result.locations, spec.text_limits(), texts)
        findings += damage(gateway.sheet_names(), gateway.defined_names())
        findings += open_conflicts(result, gateway.read_table("merge_log"))
    except Exception as exc:  # a defect in a rule must still reach the user as a message
        raise UserError("msg.read_failed", reason=type(exc).__name__) from exc
    order = {name: i for i, name in enumerate(gateway.sheet_names())}
    findings.sort(key=lambda f: f.order(order))
    return Validation(findings, result.project, result.lang)


LIST_DAMAGE = ("lists_missing", "lists_broken")


def damage(sheet_names: list[str], names: dict[str, str]) -> list[Finding]:
    """What the tool owns and the user may have broken without a table going missing: the hidden
    lists sheet behind every dropdown, and its names (``lst_…``)."""
    present = {m.normalize(name) for name in sheet_names}
    if present.isdisjoint(sheet_names_of("lists")):
        return [Finding.make(Severity.WARNING, "lists_missing", lists_sheet=ph.sheet("lists"))]
    broken = broken_list_names(names, sheet_names)
    if broken:
        return [Finding.make(Severity.WARNING, "lists_broken", lists_sheet=ph.sheet("lists"), n=len(broken))]
    return []


def repair(gateway: WorkbookGateway, validation: Validation) -> None:
    """Put back what the tool owns and the workbook has lost: the lists sheet and its names are
    made anew (the damage finding becomes a note saying so). The findings sheet follows in
    ``write_findings``. An adapter that cannot add a sheet leaves the finding as it was."""
    damaged = [f for f in validation.findings if f.key in LIST_DAMAGE]
    if not damaged:
        return
    try:
        gateway.restore_sheet("lists", validation.project)
    except UserError:
        return
    validation.findings = [f for f in validation.findings if f.key not in LIST_DAMAGE]
    validation.findings.append(Finding.make(Severity.NOTE, "lists_restored", lists_sheet=ph.sheet("lists")))


def findings_rows(findings: list[Finding], lang: str) -> list[list[object]]:
    """The findings table's rows, in ``lang``; cells link to where the finding is."""
    words = Words(lang)
    if not findings:
        return [[None, None, None, words(Phrase("findings.none")), None]]
    rows: list[list[object]] = []
    for f in findings:
        cell: object = Link(f.at.address, f.at) if f.at is not None else None
        severity = words(Phrase(f"severity.{f.severity.value}"))
        rows.append([severity, f.sheet, cell, words(f.message), words(f.advice)])
    return rows


def write_findings(gateway: WorkbookGateway, validation: Validation) -> None:
    """Findings sheet + marks. A findings sheet (or its table) that is gone is made anew, with a
    note saying so; where that cannot be done, a warning says the findings could not be written."""
    words = Words(validation.lang)
    headers = [words.value(ph.column("findings", key)) for key in FINDINGS_COLUMNS]
    try:
        gateway.write_table("findings", headers, findings_rows(validation.findings, validation.lang))
        validation.findings_written = True
    except UserError as exc:
        if exc.key not in ("msg.table_missing", "msg.sheet_missing"):
            raise
        try:
            gateway.restore_sheet("findings", validation.project)
        except UserError:
            validation.findings.append(Finding.make(Severity.WARNING, "findings_table_missing", findings_sheet=ph.sheet("findings")))
        else:
            validation.findings.append(Finding.make(Severity.NOTE, "findings_restored", findings_sheet=ph.sheet("findings")))
            gateway.write_table("findings", headers, findings_rows(validation.findings, validation.lang))
            validation.findings_written = True
    gateway.set_marks([f.at for f in validation.findings if f.at is not None and f.severity is not Severity.NOTE])


def run(gateway: WorkbookGateway, write: bool = True) -> Validation:
    """The whole action: check, then (unless ``write`` is False) write back and commit."""
    with collector_paused():  # 20,000 entries: the collector's passes cost more than the rules
        return _run(gateway, write)


def _run(gateway: WorkbookGateway, write: bool) -> Validation:
    validation = check(gateway)
    if write:
        repair(gateway, validation)
        write_findings(gateway, validation)
        validation.saved = gateway.commit()
        validation.written = True
    return validation
