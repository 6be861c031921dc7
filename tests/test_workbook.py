"""The generated workbooks (blank and example, Danish and English) checked with real tools:
the Open XML SDK validator, LibreOffice, python-calamine and the project's Excel lint."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ooxml_validate, require_tool, soffice_convert
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from python_calamine import CalamineWorkbook

from xlplugin.actions.new import example_project, starter_project
from xlplugin.app import create_workbook
from xlplugin.domain import models as m
from xlplugin.gateway.lint import lint_file
from xlplugin.gateway.validations import list_name
from xlplugin.layout import spec
from xlplugin.layout.texts import Texts, texts
from xlplugin.layout.values import display_value

MAX_BYTES = 1_000_000

# The folder's step 2 matrix (seed text, "Nedenstående matrice"), written out here by hand
# so the example is checked against the folder, not against the example data file.
FOLDER_MATRIX = {
    "da": {
        ("Børnefamilier", "need"): [
            "En hjælpende hånd med husholdning, madlavning mv.",
            "Hjælp til at hente og passe børn",
            "Lektiehjælp",
        ],
        ("Børnefamilier", "resource"): ["Mobilitet", "IT-kompetencer", "Gode sociale ressourcer"],
        ("Seniorer", "need"): [
            "Social interaktion",
            "Følelse af at gøre nytte og bidrage",
            "IT-kompetencer",
            "Praktisk hjælp til fysisk krævende opgaver",
        ],
        ("Seniorer", "resource"): ["Ledig og fleksibel tid", "Livserfaring"],
    },
    "en": {
        ("Families with children", "need"): [
            "A helping hand with housekeeping, cooking etc.",
            "Help picking up and minding children",
            "Homework help",
        ],
        ("Families with children", "resource"): ["Mobility", "IT skills", "Good social resources"],
        ("Seniors", "need"): [
            "Social interaction",
            "The feeling of being useful and contributing",
            "IT skills",
            "Practical help with physically demanding tasks",
        ],
        ("Seniors", "resource"): ["Free and flexible time", "Life experience"],
    },
}


@dataclass
class Generated:
    lang: str
    example: bool
    path: Path
    project: m.Project

    @property
    def t(self) -> Texts:
        return texts(self.lang)


CASES = [("da", False), ("en", False), ("da", True), ("en", True)]


def _case_id(case: tuple[str, bool]) -> str:
    return f"{'example' if case[1] else 'blank'}-{case[0]}"


@pytest.fixture(scope="module", params=CASES, ids=_case_id)
def generated(request, tmp_path_factory) -> Generated:
    lang, example = request.param
    path = tmp_path_factory.mktemp(_case_id(request.param)) / "workbook.xlsx"
    create_workbook(path, lang=lang, example=example)
    project = example_project(lang) if example else starter_project(lang)
    return Generated(lang, example, path, project)


@pytest.fixture(scope="module")
def round_trip(generated, tmp_path_factory) -> Path:
    """The workbook opened, recalculated and saved again by LibreOffice."""
    return soffice_convert(generated.path, "xlsx", tmp_path_factory.mktemp("round-trip"))


def _cell(value):
    """Compare cell values across writers: numbers as float, midnight datetimes as dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _non_empty(rows: list[list]) -> list[list]:
    return [[_cell(v) for v in row] for row in rows if any(_cell(v) != "" for v in row)]


def _expected_rows(generated: Generated, table: spec.Table) -> list[list]:
    t, project = generated.t, generated.project
    if table.key == "facts":
        return [
            [t[f"fact.{col.key}"], _cell(display_value(col, getattr(project.facts, col.key), t))]
            for col in spec.FACT_FIELDS
        ]
    items = getattr(project, spec.PROJECT_FIELDS[table.key]) if table.key in spec.PROJECT_FIELDS else []
    rows = [[_cell(display_value(c, getattr(item, c.key), t)) for c in table.columns] for item in items]
    if table.key == "platforms":  # a live formula: no value until a spreadsheet calculates it
        total = [c.key for c in table.columns].index("total")
        for row in rows:
            row[total] = ""
    return _non_empty(rows)


# --- the file as a whole --------------------------------------------------------------------


@pytest.mark.slow
def test_open_xml_sdk_validator_finds_no_error(generated):
    assert ooxml_validate(generated.path) == []


def test_excel_repair_rules_hold(generated):
    assert lint_file(generated.path) == []


def test_plain_small_xlsx_that_names_its_layout(generated):
    assert generated.path.stat().st_size < MAX_BYTES
    wb = load_workbook(generated.path)
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props["xlplugin.layout"] == str(spec.LAYOUT_VERSION)
    assert props["xlplugin.lang"] == generated.lang
    expected = [generated.t.sheet(s.key) for s in spec.SHEETS]
    expected.insert(1, generated.t.sheet("overview"))  # the Overblik sheet, built beside the spec's tables
    assert wb.sheetnames == expected
    assert not wb.vba_archive


@pytest.mark.slow
def test_libreoffice_converts_to_pdf(generated, tmp_path):
    pdf = soffice_convert(generated.path, "pdf", tmp_path)
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    printed = [s for s in spec.SHEETS if not s.hidden and not s.print_on_request]
    assert pages >= len(printed) + 1  # and the Overblik sheet; Temaer, Katalog and Kontrol only on request


# --- tables read back -----------------------------------------------------------------------


def test_calamine_reads_every_table_with_its_headers_and_rows(generated):
    t = generated.t
    wb = CalamineWorkbook.from_path(str(generated.path), load_tables=True)
    expected_names = [t.table(table.key) for s in spec.SHEETS for table in s.tables]
    assert sorted(wb.table_names) == sorted(expected_names)
    for sheet in spec.SHEETS:
        for table in sheet.tables:
            found = wb.get_table_by_name(t.table(table.key))
            assert found.sheet == t.sheet(sheet.key)
            assert found.columns == [t.header(table.key, c.key) for c in table.columns]
            assert _non_empty(found.to_python()) == _expected_rows(generated, table), table.key


def test_example_holds_the_folders_groups_and_matrix(generated):
    t = generated.t
    wb = CalamineWorkbook.from_path(str(generated.path), load_tables=True)
    groups = _non_empty(wb.get_table_by_name(t.table("groups")).to_python())
    if not generated.example:
        assert groups == [] and _non_empty(wb.get_table_by_name(t.table("entries")).to_python()) == []
        return
    matrix = FOLDER_MATRIX[generated.lang]
    assert [row[0] for row in groups] == list(dict.fromkeys(group for group, _ in matrix))

    entries = wb.get_table_by_name(t.table("entries"))
    col = {name: i for i, name in enumerate(entries.columns)}
    found: dict[tuple[str, str], list[str]] = {}
    kinds = {t.choice("entry_kind", code): code for code in ("need", "resource", "interest")}
    for row in _non_empty(entries.to_python()):
        group = row[col[t.header("entries", "group")]]
        kind = kinds[row[col[t.header("entries", "kind")]]]
        found.setdefault((group, kind), []).append(row[col[t.header("entries", "description")]])
    assert found == matrix


# --- formulas after LibreOffice recalculates ------------------------------------------------


def _expected_count(project: m.Project, status: spec.StatusRow) -> int:
    items = getattr(project, spec.PROJECT_FIELDS[status.table])
    if status.count == "yes":
        return sum(1 for item in items if getattr(item, status.column) is True)
    return sum(1 for item in items if getattr(item, status.column) not in (None, ""))


@pytest.mark.slow
def test_start_status_counts_after_libreoffice_recalculates(generated, round_trip):
    t = generated.t
    rows = CalamineWorkbook.from_path(str(round_trip)).get_sheet_by_name(t.sheet("start")).to_python()
    header = [t["start.col.step"], t["start.col.what"], t["start.col.count"], t["start.col.state"]]
    top = next(i for i, row in enumerate(rows) if list(row[:4]) == header)
    status_rows = rows[top + 1 : top + 1 + len(spec.STATUS_ROWS)]
    for status, row in zip(spec.STATUS_ROWS, status_rows, strict=True):
        expected = _expected_count(generated.project, status)
        step_sheet = next(s for s in spec.SHEETS if s.step == status.step)
        assert row[0] == t.sheet(step_sheet.key)
        assert row[1] == t[f"status.{status.key}"]
        assert row[2] == expected, status.key
        assert row[3] == t[f"start.state.{_expected_state(generated.project, status)}"], status.key
    if generated.example:
        assert any(row[2] for row in status_rows), "the example must show progress"
        states = {status.key: row[3] for status, row in zip(spec.STATUS_ROWS, status_rows)}
        done = t["start.state.complete"]
        assert states["selected_interactions"] == states["selected_platforms"] == states["maintenance"] == done


def _expected_state(project: m.Project, status: spec.StatusRow) -> str:
    """Færdig (complete) when the line's own condition holds; else started or not."""
    count = _expected_count(project, status)
    if status.complete == "any" and count:
        return "complete"
    if status.complete and status.complete != "any" and count:
        other = next(s for s in spec.STATUS_ROWS if s.key == status.complete)
        if count >= _expected_count(project, other):
            return "complete"
    return "done" if count else "todo"


@pytest.mark.slow
def test_platform_totals_after_libreoffice_recalculates(generated, round_trip):
    t = generated.t
    wb = CalamineWorkbook.from_path(str(round_trip), load_tables=True)
    table = wb.get_table_by_name(t.table("platforms"))
    col = {name: i for i, name in enumerate(table.columns)}
    # A criterion weighs the score column of its key (score_<key>), whatever its name.
    weights = {f"score_{c.key}": c.weight or 0 for c in generated.project.criteria}
    platforms = generated.project.platforms
    rows = table.to_python()
    for platform, row in zip(platforms, rows):
        weighted = sum((getattr(platform, k) or 0) * weights[k] for k in spec.SCORE_COLUMNS)
        expected = round(weighted / sum(weights.values()), 2)
        assert row[col[t.header("platforms", "total")]] == pytest.approx(expected), platform.name
    for row in rows[len(platforms) :]:
        assert row[col[t.header("platforms", "total")]] == ""


# --- dropdowns ------------------------------------------------------------------------------

_OFFSET = re.compile(
    r"^OFFSET\((?P<sheet>'[^']+'|\w+)!\$(?P<col>[A-Z]+)\$(?P<row>\d+),0,0,"
    r'MAX\(1,COUNTIF\((?P=sheet)!\$(?P=col)\$(?P=row):\$(?P=col)\$(?P<last>\d+),"\?\*"\)\),1\)$'
)


def _list_values(wb, round_trip_rows: dict[str, list[list]], name: str) -> list:
    """The cells a list's defined name stands for, as LibreOffice calculated them."""
    ref = wb.defined_names[name].attr_text
    dynamic = _OFFSET.match(ref)
    if dynamic:
        sheet = dynamic["sheet"].strip("'")
        col = column_index_from_string(dynamic["col"]) - 1
        first, last = int(dynamic["row"]), int(dynamic["last"])
        cells = [row[col] if col < len(row) else "" for row in round_trip_rows[sheet][first - 1 : last]]
        # OFFSET(anchor, 0, 0, MAX(1, number of cells holding text), 1)
        height = max(1, sum(1 for v in cells if isinstance(v, str) and v != ""))
        return cells[:height]
    sheet, cells = ref.rsplit("!", 1)
    sheet = sheet.strip("'")
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    assert min_col == max_col, ref
    return [row[min_col - 1] for row in round_trip_rows[sheet][min_row - 1 : max_row]]


def _expected_list(generated: Generated, list_key: str) -> list[str]:
    lst = spec.choice_list(list_key)
    if not lst.dynamic:
        return [generated.t.choice(list_key, code) for code in lst.codes]
    table_key, column_key = lst.from_table
    items = getattr(generated.project, spec.PROJECT_FIELDS[table_key])
    return [getattr(item, column_key) for item in items] or [""]


def _validation_at(ws, coordinate: str):
    for dv in ws.data_validations.dataValidation:
        if coordinate in dv.sqref:
            return dv
    return None


def test_every_dropdown_offers_the_right_values(generated, round_trip):
    t = generated.t
    wb = load_workbook(generated.path)
    calc = CalamineWorkbook.from_path(str(round_trip))
    rows = {name: calc.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in calc.sheet_names}
    checked = 0
    for sheet in spec.SHEETS:
        ws = wb[t.sheet(sheet.key)]
        for table in sheet.tables:
            min_col, header_row, _, last_row = range_boundaries(ws.tables[t.table(table.key)].ref)
            if table.key == "facts":
                cells = [(col, f"B{header_row + 1 + r}") for r, col in enumerate(spec.FACT_FIELDS)]
            else:
                cells = [
                    (col, ws.cell(row=last_row, column=min_col + i).coordinate)
                    for i, col in enumerate(table.columns)
                    if not col.generated
                ]
            for col, coordinate in cells:
                dv = _validation_at(ws, coordinate)
                if col.list_key is None:
                    assert dv is None or dv.type != "list", f"{table.key}.{col.key} has a list"
                    continue
                where = f"{table.key}.{col.key} ({ws.title}!{coordinate})"
                assert dv is not None and dv.type == "list", f"{where} has no dropdown"
                assert dv.formula1 == list_name(col.list_key), where
                assert dv.showErrorMessage, where
                values = _list_values(wb, rows, dv.formula1)
                assert values == _expected_list(generated, col.list_key), where
                checked += 1
    assert checked >= sum(1 for s in spec.SHEETS for tb in s.tables for c in tb.columns if c.list_key and not c.generated)


def test_dropdown_sources_are_titled_in_the_workbooks_language(generated):
    """The hidden sources sheet shows a title per list, never a code, if a user unhides it."""
    t = generated.t
    rows = CalamineWorkbook.from_path(str(generated.path)).get_sheet_by_name(t.sheet("lists")).to_python()
    assert list(rows[0][: len(spec.LISTS)]) == [t[f"list.{lst.key}"] for lst in spec.LISTS]
