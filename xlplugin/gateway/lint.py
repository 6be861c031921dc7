"""Checks a saved .xlsx against the rules whose breach makes Excel "repair" (or refuse) a file.

Excel silently drops tables, names or validations it cannot accept and then shows a repair
dialog; neither openpyxl nor LibreOffice complain about these. `lint_file` returns one line
per problem (for developers and tests, not end users); an empty list means clean.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.workbook.workbook import Workbook

# Excel's limits (Microsoft's "Excel specifications and limits" and the data validation UI).
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = set(":\\/?*[]")
NAME_MAX = 255
VALIDATION_FORMULA_MAX = 255
PROMPT_TITLE_MAX = 32
PROMPT_MAX = 255
ERROR_TITLE_MAX = 32
ERROR_MAX = 225
MAX_COL = 16384
MAX_ROW = 1048576

# Parts a plain, e-mail-safe workbook must not have.
FORBIDDEN_PARTS = (
    (re.compile(r"(^|/)vbaProject\.bin$", re.I), "macros (vbaProject.bin)"),
    (re.compile(r"^xl/externalLinks/", re.I), "external links"),
    (re.compile(r"^xl/activeX/", re.I), "ActiveX controls"),
    (re.compile(r"^xl/embeddings/", re.I), "embedded objects"),
)
# xlwings reads its settings from a sheet of this name; a project workbook never has one.
XLWINGS_CONFIG_SHEETS = {"xlwings.conf", "_xlwings.conf"}


def looks_like_cell_reference(name: str) -> bool:
    """True for names Excel reads as a cell (A1, xfd1048576) or R1C1 reference (R, C, R2C3)."""
    a1 = re.fullmatch(r"([A-Za-z]{1,3})(\d+)", name)
    if a1 and column_index_from_string(a1.group(1)) <= MAX_COL and 1 <= int(a1.group(2)) <= MAX_ROW:
        return True
    return bool(re.fullmatch(r"[Rr]\d*[Cc]?\d*", name) or re.fullmatch(r"[Cc]\d*", name))


def name_problem(name: str) -> str | None:
    """Why `name` is not a valid Excel defined or table name, or None."""
    if not name:
        return "is empty"
    if len(name) > NAME_MAX:
        return f"is longer than {NAME_MAX} characters"
    first, rest = name[0], name[1:]
    if not (first.isalpha() or first in "_\\"):
        return "must start with a letter, _ or \\"
    bad = sorted({ch for ch in rest if not (ch.isalnum() or ch in "_.\\")})
    if bad:
        return f"contains {''.join(bad)!r}"
    if looks_like_cell_reference(name):
        return "looks like a cell reference"
    return None


def sheet_name_problem(name: str) -> str | None:
    if not name or not name.strip():
        return "is empty"
    if len(name) > SHEET_NAME_MAX:
        return f"is longer than {SHEET_NAME_MAX} characters"
    bad = sorted(set(name) & SHEET_NAME_FORBIDDEN)
    if bad:
        return f"contains {''.join(bad)!r}"
    if name.startswith("'") or name.endswith("'"):
        return "starts or ends with an apostrophe"
    if name.lower() == "history":
        return "is reserved by Excel"
    return None


def _box(ref: str) -> tuple[int, int, int, int]:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return min_col, min_row, max_col, max_row


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def lint_workbook(wb: Workbook) -> list[str]:
    """Problems in a workbook loaded with openpyxl from a saved file."""
    problems: list[str] = []
    seen_sheets: set[str] = set()
    for ws in wb.worksheets:
        why = sheet_name_problem(ws.title)
        if why:
            problems.append(f"sheet name {ws.title!r} {why}")
        if ws.title.lower() in seen_sheets:
            problems.append(f"sheet name {ws.title!r} is used twice")
        seen_sheets.add(ws.title.lower())
        if ws.title.lower() in XLWINGS_CONFIG_SHEETS:
            problems.append(f"sheet {ws.title!r} is an xlwings configuration sheet")

    # Table names and workbook-level defined names share one namespace (case-insensitive).
    names: dict[str, str] = {}

    def claim(name: str, what: str) -> None:
        why = name_problem(name)
        if why:
            problems.append(f"{what} {name!r} {why}")
        if name.lower() in names:
            problems.append(f"{what} {name!r} clashes with {names[name.lower()]}")
        names[name.lower()] = f"{what} {name!r}"

    for name in wb.defined_names:
        if not name.startswith("_xlnm."):
            claim(name, "defined name")
    for ws in wb.worksheets:
        for name in ws.defined_names:
            why = None if name.startswith("_xlnm.") else name_problem(name)
            if why:
                problems.append(f"defined name {name!r} on {ws.title!r} {why}")
        problems += _lint_sheet(ws, claim)
    problems += _lint_validations(wb)
    return problems


def _lint_sheet(ws, claim) -> list[str]:
    problems: list[str] = []
    boxes: list[tuple[str, tuple[int, int, int, int]]] = []
    merged = [(str(r), _box(str(r))) for r in ws.merged_cells.ranges]
    for table in ws.tables.values():
        where = f"table {table.displayName!r} on {ws.title!r}"
        claim(table.displayName, "table")
        box = _box(table.ref)
        for other, other_box in boxes:
            if _overlap(box, other_box):
                problems.append(f"{where} overlaps table {other!r}")
        boxes.append((table.displayName, box))
        for ref, merged_box in merged:
            if _overlap(box, merged_box):
                problems.append(f"{where} contains merged cells {ref}")
        problems += _lint_headers(ws, table, box, where)
    problems += _lint_links(ws)
    return problems


def _lint_links(ws) -> list[str]:
    """Links inside the workbook must use a location on an existing sheet."""
    problems: list[str] = []
    sheets = {name.lower() for name in ws.parent.sheetnames}
    # Only the cells that exist: iter_rows() would create every cell of a sheet whose
    # declared dimension is the whole grid (Excel writes A1:XFD1048576 at times).
    for cell in list(ws._cells.values()):
        link = cell.hyperlink
        if link is None:
            continue
        where = f"hyperlink in {ws.title!r}!{cell.coordinate}"
        if link.target and link.target.startswith("#"):
            problems.append(f"{where} is an external target {link.target!r}; use a location")
        if link.location and "!" in link.location:
            sheet = link.location.rsplit("!", 1)[0].strip("'").replace("''", "'")
            if sheet.lower() not in sheets:
                problems.append(f"{where} points to the missing sheet {sheet!r}")
    return problems


def _lint_headers(ws, table, box, where: str) -> list[str]:
    problems: list[str] = []
    min_col, header_row, max_col, max_row = box
    if max_row <= header_row:
        problems.append(f"{where} has no data row")
    headers = [ws.cell(row=header_row, column=c).value for c in range(min_col, max_col + 1)]
    seen: set[str] = set()
    for col, header in enumerate(headers, start=min_col):
        if not isinstance(header, str) or not header.strip():
            problems.append(f"{where}: header cell {ws.cell(row=header_row, column=col).coordinate} is not a text")
            continue
        if header.lower() in seen:
            problems.append(f"{where}: header {header!r} is used twice")
        seen.add(header.lower())
    declared = [c.name for c in table.tableColumns]
    if declared != headers:
        problems.append(f"{where}: tableColumns {declared} differ from the header cells {headers}")
    return problems


def _lint_validations(wb: Workbook) -> list[str]:
    problems: list[str] = []
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            where = f"data validation {dv.sqref} on {ws.title!r}"
            for label, text, limit in (
                ("prompt title", dv.promptTitle, PROMPT_TITLE_MAX),
                ("prompt", dv.prompt, PROMPT_MAX),
                ("error title", dv.errorTitle, ERROR_TITLE_MAX),
                ("error", dv.error, ERROR_MAX),
            ):
                if text and len(text) > limit:
                    problems.append(f"{where}: {label} has {len(text)} characters (Excel allows {limit})")
            if dv.type != "list":
                continue
            formula = dv.formula1 or ""
            if not formula:
                problems.append(f"{where}: list without a source")
            else:
                # A literal list ("a,b,c") counts without its quotes, as Excel counts it.
                quoted = len(formula) >= 2 and formula[0] == formula[-1] == '"'
                length = len(formula) - 2 if quoted else len(formula)
                if length > VALIDATION_FORMULA_MAX:
                    problems.append(f"{where}: list source has {length} characters (Excel allows {VALIDATION_FORMULA_MAX})")
            if formula.startswith("="):
                problems.append(f"{where}: list source {formula!r} starts with '=' (the file keeps formulas bare)")
            name = formula.lstrip("=")
            if re.fullmatch(r"[A-Za-z_\\][\w.\\]*", name) and not looks_like_cell_reference(name):
                if name not in wb.defined_names:
                    problems.append(f"{where}: list refers to the unknown name {name!r}")
    return problems


def lint_package(path: Path) -> list[str]:
    """Parts a plain .xlsx must not contain (macros, external links, ActiveX, embeddings)."""
    problems: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for part in archive.namelist():
            for pattern, what in FORBIDDEN_PARTS:
                if pattern.search(part):
                    problems.append(f"the file contains {what}: {part}")
    return problems


def lint_file(path: Path) -> list[str]:
    """All problems of a saved .xlsx: its package parts, then its workbook content."""
    path = Path(path)
    problems = lint_package(path)
    try:
        wb = load_workbook(path)
    except Exception as exc:  # openpyxl refuses what Excel would have to repair (e.g. clashing table names)
        return [*problems, f"the workbook cannot be read: {exc}"]
    try:
        problems += lint_workbook(wb)
    finally:
        wb.close()
    return problems
