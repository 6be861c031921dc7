"""The reader: what people do to workbooks in Excel is read as they meant it, or reported."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXCEL_MADE, soffice_convert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import cell, edit, example, find_table

from xlplugin.actions.new import example_project
from xlplugin.domain import models as m
from xlplugin.domain.port import RawTable
from xlplugin.gateway.file import open_workbook
from xlplugin.layout import spec
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts
from xlplugin.layout.values import BadValue, parse_date, parse_number, parse_yesno
from xlplugin.layout.words import render


@pytest.mark.parametrize("lang", ["da", "en"])
def test_example_reads_back_as_the_model_it_was_written_from(tmp_path, lang):
    result = read_project(open_workbook(example(tmp_path, lang)))
    assert result.findings == []
    assert result.project == example_project(lang)
    assert result.lang == lang


def test_language_is_detected_from_sheet_names_without_the_property(tmp_path):
    path = example(tmp_path, "en")
    edit(path, lambda wb: setattr(wb, "custom_doc_props", type(wb.custom_doc_props)()))
    assert open_workbook(path).lang == "en"


@pytest.mark.parametrize(
    "text,number",
    [("25 %", (25, True)), ("25%", (25, True)), ("0,25", (0.25, False)), (25, (25, False)), (0.25, (0.25, False)),
     ("1.500", (1500, False)), ("1.234,50 kr.", (1234.5, False)), ("2.5", (2.5, False)), ("10 000", (10000, False)),
     (" 7 ", (7, False)), ("-3", (-3, False)), ("1,234,567", (1234567, False))],
)
def test_numbers_typed_every_way(text, number):
    assert parse_number(text) == (float(number[0]), number[1])


@pytest.mark.parametrize("text", ["", "abc", "25 procent", True, "1-2", "..", float("nan")])
def test_not_numbers(text):
    with pytest.raises(BadValue):
        parse_number(text)


@pytest.mark.parametrize(
    "value,date",
    [("01-06-2027", (2027, 6, 1)), ("2027-06-01", (2027, 6, 1)), ("1.6.2027", (2027, 6, 1)), ("1/6/2027", (2027, 6, 1)),
     (46539, (2027, 6, 1)), (46539.5, (2027, 6, 1)), (dt.datetime(2027, 6, 1, 12), (2027, 6, 1)), ("2027-06-01 00:00:00", (2027, 6, 1))],
)
def test_dates_typed_every_way(value, date):
    assert parse_date(value) == dt.date(*date)


@pytest.mark.parametrize("value", ["31-02-2027", "2027-13-01", "i morgen", 0, -5, True])
def test_not_dates(value):
    with pytest.raises(BadValue):
        parse_date(value)


@pytest.mark.parametrize("value,expected", [("Ja", True), (" nej ", False), ("YES", True), ("no", False), (True, True), (1, True), ("x", True)])
def test_yes_no(value, expected):
    assert parse_yesno(value) is expected


def test_what_people_do_in_excel_is_read_as_meant(tmp_path):
    lang = "da"
    t = texts(lang)
    path = example(tmp_path, lang)

    def mess(wb):
        ws, table = find_table(wb, lang, "groups")
        top = int(table.ref.split(":")[0][1:])
        # move a column: swap the contents (header included) of "Hvor" and "Alder"
        loc = 1 + [c.key for c in spec.GROUPS.columns].index("location")
        age = 1 + [c.key for c in spec.GROUPS.columns].index("age")
        for r in range(top, top + 3):
            a, b = ws.cell(row=r, column=loc), ws.cell(row=r, column=age)
            a.value, b.value = b.value, a.value
        # a header in another case with stray spaces; an extra user column inside the table
        ws.cell(row=top, column=1).value = "  BEBOERGRUPPE "
        # labels in odd case and spaces; shares as a fraction and as text
        ws.cell(row=top + 1, column=age).value = "  i BYGGERIET "
        cell(wb, lang, "groups", "share_pct", 0).value = "55%"
        cell(wb, lang, "groups", "share_pct", 1).value = 0.45
        cell(wb, lang, "groups", "culture_bearing", 1).value = " JA"
        # a blank row between entries, and the date as text
        ws2, entries = find_table(wb, lang, "entries")
        etop = int(entries.ref.split(":")[0][1:])
        ws2.insert_rows(etop + 3)  # openpyxl shifts cells only; the table ref grows by hand
        left, right = entries.ref.split(":")
        entries.ref = f"{left}:{right.rstrip('0123456789')}{int(right.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')) + 1}"
        cell(wb, lang, "maintenance", "review_date", 0).value = "1.6.2027"

    edit(path, mess)
    result = read_project(open_workbook(path))
    expected = example_project(lang)
    assert result.project.groups == expected.groups
    assert result.project.entries == expected.entries
    assert result.project.maintenance == expected.maintenance
    assert result.findings == []
    # locations follow the moved column
    loc = result.locations.cell("groups", 0, "location")
    age = 1 + [c.key for c in spec.GROUPS.columns].index("age")
    assert (loc.sheet, loc.col) == (t.sheet("step1"), age)


def test_extra_user_columns_are_ignored(tmp_path):
    lang = "en"
    path = example(tmp_path, lang)

    def extra(wb):
        from openpyxl.worksheet.table import TableColumn

        ws, table = find_table(wb, lang, "entries")
        left, right = table.ref.split(":")
        last_col = len(spec.ENTRIES.columns) + 1
        top = int(left[1:])
        ws.cell(row=top, column=last_col, value="My notes")
        ws.cell(row=top + 1, column=last_col, value=42)
        table.ref = f"{left}:{chr(64 + last_col)}{right.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
        table.autoFilter.ref = table.ref
        table.tableColumns.append(TableColumn(id=last_col, name="My notes"))

    edit(path, extra)
    result = read_project(open_workbook(path))
    assert result.findings == []
    assert result.project.entries == example_project(lang).entries


@pytest.mark.slow
def test_formulas_are_read_through_their_cached_values(tmp_path):
    """LibreOffice computes and caches the formulas, as Excel does when it saves."""
    lang = "da"
    path = example(tmp_path, lang)

    def formulas(wb):
        cell(wb, lang, "groups", "share_pct", 0).value = "=50+5"
        cell(wb, lang, "groups", "age", 1).value = '="65"&"+ år"'
        cell(wb, lang, "maintenance", "review_date", 0).value = "=DATE(2027,9,1)"

    edit(path, formulas)
    saved = soffice_convert(path, "xlsx", tmp_path / "lo")
    result = read_project(open_workbook(saved))
    assert result.project.groups[0].share_pct == 55
    assert result.project.groups[1].age == "65+ år"
    assert result.project.maintenance[0].review_date == dt.date(2027, 9, 1)
    assert result.project.entries == example_project(lang).entries


@pytest.mark.parametrize("name,sheet,header_row,first_col,headers", [
    ("table01.xlsx", "Sheet1", 3, 3, ["Column1", "Column2", "Column3", "Column4"]),
    ("table10.xlsx", "Sheet1", 3, 2, [f"Column{i}" for i in range(1, 11)]),
])
def test_tables_as_excel_writes_them(name, sheet, header_row, first_col, headers, monkeypatch):
    """The gateway finds Excel's own tables where Excel put them (header row, columns)."""
    from xlplugin.layout import texts as texts_module

    gateway = open_workbook(EXCEL_MADE / name, "en", project_only=False)
    real = texts_module.texts("en")
    monkeypatch.setattr(real, "table", lambda key: "Table1" if key == "groups" else real[f"table.{key}"])
    raw = gateway.read_table("groups")
    assert (raw.sheet, raw.header_row, raw.first_col, raw.headers) == (sheet, header_row, first_col, headers)


def test_merged_ranges_as_excel_writes_them():
    gateway = open_workbook(EXCEL_MADE / "merge_range01.xlsx", "en", project_only=False)
    gateway._rows(gateway.sheet_names()[0])
    assert gateway._merged[gateway.sheet_names()[0]]


# --- property: random shapes and values never make the reader raise ------------------------------
cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["Ja", "nej", "25 %", "0,25", "01-06-2027", "31-02-2027", "=A1", "Høj", "i byggeriet", " ", "#DIV/0!"]),
    st.integers(-10**6, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


class RawGateway:
    """A gateway that hands the reader raw tables as an adapter would (the reader is pure)."""

    def __init__(self, lang, tables, sheets):
        self.lang = lang
        self._tables = tables
        self._sheets = sheets

    def sheet_names(self):
        return self._sheets

    def read_table(self, key):
        return self._tables.get(key)


@st.composite
def raw_tables(draw, lang):
    t = texts(lang)
    tables = {}
    for table in (*(s for sh in spec.SHEETS for s in sh.tables),):
        if draw(st.integers(0, 9)) == 0:
            continue  # missing table
        headers = [t.header(table.key, c.key) for c in table.columns]
        headers = draw(st.permutations(headers))
        headers = [h if draw(st.integers(0, 12)) else draw(st.one_of(st.none(), st.text(max_size=8), st.integers())) for h in headers]
        headers += draw(st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=2))
        width = len(headers)
        rows = draw(st.lists(st.lists(cell_values, min_size=0, max_size=width + 1), max_size=8))
        if table.key == "facts":
            labels = [t[f"fact.{c.key}"] for c in spec.FACT_FIELDS] + ["Noget"]
            rows = [[draw(st.sampled_from(labels)), *r[1:]] if r else r for r in rows]
        tables[table.key] = RawTable(
            key=table.key, name=t.table(table.key), sheet=t.sheet(spec.sheet_of_table()[table.key].key),
            header_row=draw(st.integers(1, 50)), first_col=draw(st.integers(1, 5)), headers=headers, rows=rows,
            typed_below=draw(st.integers(0, len(rows))), merged=draw(st.lists(st.sampled_from(["A1:B2", "C9:C10"]), max_size=1)),
        )
    return tables


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["da", "en"]))
def test_reader_never_raises_on_random_tables(data, lang):
    tables = data.draw(raw_tables(lang))
    sheets = [texts(lang).sheet(s.key) for s in spec.SHEETS]
    # The reader turns a defect of its own into UserError("msg.read_failed"); random input must not
    # even do that: everything it cannot read is a finding.
    result = read_project(RawGateway(lang, tables, sheets))
    assert isinstance(result.project, m.Project)
    for finding in result.findings:
        assert render(finding.message, "da") and render(finding.advice, "en")
    for i, _group in enumerate(result.project.groups):
        assert result.locations.cell("groups", i, "name") is not None


file_values = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    st.sampled_from(["Ja", "25 %", "0,25", "31-02-2027", "=1/0", "=A1&\"x\"", "Høj", " i LOKALOMRÅDET "]),
    st.integers(-10**9, 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 1, 1)),
)


@pytest.fixture(scope="module")
def example_bytes(tmp_path_factory):
    return example(tmp_path_factory.mktemp("ex"), "da").read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(sorted(spec.PROJECT_FIELDS)), st.integers(0, 14), st.integers(0, 15), file_values),
        max_size=30,
    ),
    below=st.lists(file_values, max_size=4),
)
@pytest.mark.slow
def test_reader_never_raises_on_random_values_in_a_real_file(tmp_path_factory, example_bytes, edits, below):
    path = tmp_path_factory.mktemp("fuzz") / "p.xlsx"
    path.write_bytes(example_bytes)

    def scribble(wb):
        for table_key, row, col, value in edits:
            ws, table = find_table(wb, "da", table_key)
            top = int(table.ref.split(":")[0][1:])
            target = ws.cell(row=top + 1 + row, column=1 + col % len(spec.table(table_key).columns))
            if type(target).__name__ != "MergedCell":
                target.value = value
        ws, table = find_table(wb, "da", "entries")
        bottom = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        for i, value in enumerate(below):
            ws.cell(row=bottom + 1, column=1 + i, value=value)

    edit(path, scribble)
    result = read_project(open_workbook(path))
    assert isinstance(result.project, m.Project)


@pytest.mark.parametrize("path", sorted(EXCEL_MADE.glob("*.xls*")), ids=lambda p: p.name)
def test_every_file_excel_wrote_reads_without_error(path):
    """Tables where Excel put them (checked against calamine's own table reader), every sheet readable."""
    from python_calamine import CalamineWorkbook

    gateway = open_workbook(path, "en", project_only=False)
    oracle = CalamineWorkbook.from_path(str(path), load_tables=True)
    assert sorted(r.name for r in gateway._regions) == sorted(oracle.table_names)
    for region in gateway._regions:
        table = oracle.get_table_by_name(region.name)
        assert (region.sheet, region.top + 1, region.left, region.bottom) == (table.sheet, *table.start, table.end[0])
        rows = gateway._rows(region.sheet)
        assert gateway._slice(rows, region.top, region) == table.columns
    for sheet in gateway.sheet_names():
        assert isinstance(gateway._rows(sheet), list)


@pytest.mark.slow
def test_formula_errors_are_findings_not_empty_cells(tmp_path):
    lang = "en"
    path = example(tmp_path, lang)

    def broken(wb):
        cell(wb, lang, "groups", "share_pct", 0).value = "=1/0"
        cell(wb, lang, "groups", "age", 1).value = "=NA()"

    edit(path, broken)
    saved = soffice_convert(path, "xlsx", tmp_path / "lo")
    result = read_project(open_workbook(saved))
    sheet = texts(lang).sheet("step1")
    share = result.locations.cell("groups", 0, "share_pct")
    age = result.locations.cell("groups", 1, "age")
    assert {(f.key, f.sheet, f.cell) for f in result.findings} == {
        ("cell_error", sheet, share.address),
        ("cell_error", sheet, age.address),
    }
    assert result.project.groups[0].share_pct is None and result.project.groups[1].age is None
