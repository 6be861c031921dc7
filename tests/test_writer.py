"""The one writer every action uses: atomic, backup, text stays text, nothing silently lost."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from conftest import ooxml_validate, soffice_convert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from workbooks import example, find_table, rewrite_zip

from xlplugin.app import validate_file
from xlplugin.cli import main
from xlplugin.domain import models as m
from xlplugin.domain.port import CellRef, Link
from xlplugin.gateway.file import open_workbook
from xlplugin.gateway.save import backup_path
from xlplugin.layout import spec
from xlplugin.layout.reader import read_project
from xlplugin.layout.texts import texts
from xlplugin.layout.values import display_value

pytestmark = pytest.mark.usefixtures("xml_backend")  # the writer on lxml and on the standard library

RISKY_TEXTS = ["=SUM(A1:A3)", "+45 12 34 56 78", "-5 grader", "@beboere", "=HYPERLINK(\"http://x\")", "'citat"]


def write_model_table(gateway, table_key, items):
    t = texts(gateway.lang)
    table = spec.table(table_key)
    headers = [t.header(table_key, c.key) for c in table.columns]
    rows = [[display_value(c, getattr(item, c.key), t) for c in table.columns] for item in items]
    gateway.write_table(table_key, headers, rows)


def test_save_is_atomic_and_keeps_a_backup_of_the_previous_file(tmp_path):
    path = example(tmp_path)
    original = path.read_bytes()
    first = validate_file(path).saved
    assert first.path == path and first.backup == backup_path(path) == tmp_path / "example_da.xlsx.bak"
    assert first.backup.read_bytes() == original
    after_first = path.read_bytes()
    validate_file(path)
    assert backup_path(path).read_bytes() == after_first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example_da.xlsx", "example_da.xlsx.bak"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["da", "en"])
def test_user_text_is_written_as_text_never_as_a_formula(tmp_path, lang):
    path = example(tmp_path, lang)
    gateway = open_workbook(path)
    project = read_project(gateway).project
    entries = [e.model_copy(update={"description": text}) for e, text in zip(project.entries, RISKY_TEXTS)]
    write_model_table(gateway, "entries", entries)
    gateway.write_range("step3", CellRef("", 2, 20), [RISKY_TEXTS])
    gateway.commit()

    wb = load_workbook(path)
    ws, table = find_table(wb, lang, "entries")
    top = int(table.ref.split(":")[0][1:])
    column = 1 + [c.key for c in spec.ENTRIES.columns].index("description")
    for i, _text in enumerate(RISKY_TEXTS):
        assert ws.cell(row=top + 1 + i, column=column).data_type == "s"
    step3 = wb[texts(lang).sheet("step3")]
    assert [step3.cell(row=2, column=20 + i).data_type for i in range(len(RISKY_TEXTS))] == ["s"] * len(RISKY_TEXTS)
    assert [e.description for e in read_project(open_workbook(path)).project.entries][: len(RISKY_TEXTS)] == RISKY_TEXTS
    # LibreOffice (which recalculates everything on load) keeps them as the same text
    converted = soffice_convert(path, "xlsx", tmp_path / "lo")
    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_name(texts(lang).sheet("step3")).to_python()
    assert rows[1][19 : 19 + len(RISKY_TEXTS)] == RISKY_TEXTS


@pytest.mark.slow
def test_growing_a_table_moves_what_is_below_and_extends_dropdowns_and_formats(tmp_path):
    lang = "da"
    path = example(tmp_path, lang)
    gateway = open_workbook(path)
    before = read_project(gateway)
    platforms = before.project.platforms * 7  # 21 rows: more than the table and the gap below hold
    write_model_table(gateway, "platforms", platforms)
    gateway.commit()

    after = read_project(open_workbook(path))
    assert [f.key for f in after.findings] == []
    assert after.project.platforms == platforms
    assert after.project.criteria == before.project.criteria
    assert after.project.requirements == before.project.requirements
    wb = load_workbook(path)
    ws, table = find_table(wb, lang, "platforms")
    last = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    type_col = "B"
    assert any(f"{type_col}{last}" in dv.sqref for dv in ws.data_validations.dataValidation)
    assert ws[f"I{last}"].number_format == ws[f"I{int(table.ref.split(':')[0][1:]) + 1}"].number_format
    assert ooxml_validate(path) == []


def test_shrinking_a_table_clears_the_rows_it_gave_up(tmp_path):
    path = example(tmp_path, "en")
    gateway = open_workbook(path)
    entries = read_project(gateway).project.entries[:2]
    write_model_table(gateway, "entries", entries)
    gateway.commit()
    again = read_project(open_workbook(path))
    assert again.project.entries == entries
    assert again.findings == []


def test_written_rows_get_the_height_their_wrapped_text_needs(tmp_path):
    """Neither Excel nor LibreOffice fits rows on open: a long reasoning row is made taller,
    a short one keeps (or gets back) the default height."""
    lang = "en"
    path = example(tmp_path, lang)
    t = texts(lang)
    headers = [t.header("interactions", c.key) for c in spec.INTERACTIONS.columns]
    reasoning = [c.key for c in spec.INTERACTIONS.columns].index("reasoning")

    def write(*texts_in_reasoning):
        gateway = open_workbook(path)
        rows = [[None] * len(headers) for _ in texts_in_reasoning]
        for row, text in zip(rows, texts_in_reasoning):
            row[reasoning] = text
        gateway.write_table("interactions", headers, rows)
        gateway.commit()
        wb = load_workbook(path)
        ws, table = find_table(wb, lang, "interactions")
        top = int(table.ref.split(":")[0][1:])
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        return [ws.row_dimensions[top + 1 + i].height for i in range(len(texts_in_reasoning))], widths

    long_text = " ".join(["Seniors have time on weekdays and families need help with homework."] * 6)
    before = {k: d.width for k, d in load_workbook(path)[t.sheet("step3")].column_dimensions.items()}
    (long_height, short_height), widths = write(long_text, "Short.")
    assert long_height is not None and long_height > 15
    assert short_height is None
    assert widths == before  # reading the widths added no column entries
    (shrunk_height,), _ = write("Short.")
    assert shrunk_height is None


def test_links_point_at_their_cell(tmp_path):
    path = example(tmp_path, "en")
    gateway = open_workbook(path)
    t = texts("en")
    target = CellRef(t.sheet("step1"), 9, 3)
    headers = [t.header("findings", k) for k in ("severity", "sheet", "cell", "problem", "advice")]
    gateway.write_table("findings", headers, [["Note", target.sheet, Link("C9", target), "x", "y"]])
    gateway.commit()
    ws, table = find_table(load_workbook(path), "en", "findings")
    top = int(table.ref.split(":")[0][1:])
    link = ws.cell(row=top + 1, column=3)
    assert link.value == "C9" and link.hyperlink.location == "'1 Clarify'!C9".replace("1 Clarify", target.sheet)


# --- parts openpyxl could not keep are kept ---------------------------------------------------
X14_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lister!$A$2:$A$3</xm:f>'
    b"</x14:formula1><xm:sqref>K9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
)


def _with_sheet_extension(path: Path) -> Path:
    def extend(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet2.xml":
            return data.replace(b"</worksheet>", X14_VALIDATION + b"</worksheet>")
        return data

    out = rewrite_zip(path, path.with_name("extended.xlsx"), extend)
    path.unlink()
    return out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_sheet_extensions_are_kept_and_the_file_written_in_place(tmp_path, lang, capsys):
    """Excel 2010's validations in a sheet's extLst (and whatever else a sheet extends) stay."""
    path = _with_sheet_extension(example(tmp_path, lang))
    assert main(["--lang", lang, "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert texts(lang).format("msg.saved", path=path, backup=backup_path(path)) in out
    assert not list(path.parent.glob(f"{path.stem} (*"))  # no copy beside it: written in place
    with zipfile.ZipFile(path) as z:
        assert X14_VALIDATION[: X14_VALIDATION.index(b"<xm:sqref>")] in z.read("xl/worksheets/sheet2.xml")
    assert len(read_project(open_workbook(path)).project.groups) == 2


# --- read → write → read gives the same model ---------------------------------------------------
def _text(max_size=40):
    alphabet = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    return st.text(alphabet, min_size=1, max_size=max_size).map(lambda s: " ".join(s.split())).filter(bool)


group_names = st.lists(_text(20), min_size=1, max_size=6, unique_by=lambda s: s.casefold())


@st.composite
def projects(draw):
    names = draw(group_names)
    groups = [
        m.ResidentGroup(
            name=name,
            location=draw(st.sampled_from(list(m.Location))),
            # a share under 1 % is read as a fraction (see the reader's rule), so draw 0 or >= 1
            share_pct=draw(st.one_of(st.none(), st.just(0.0), st.integers(1, 100).map(float), st.floats(1, 100).map(lambda x: round(x, 2)))),
            culture_bearing=draw(st.one_of(st.none(), st.booleans())),
            other=draw(st.one_of(st.none(), _text(60), st.sampled_from(RISKY_TEXTS))),
            source=draw(st.one_of(st.none(), st.sampled_from(list(m.KnowledgeSource)))),
        )
        for name in names
    ]
    entries = [
        m.Entry(
            group=draw(st.sampled_from(names)),
            kind=draw(st.sampled_from(list(m.EntryKind))),
            description=draw(st.one_of(_text(80), st.sampled_from(RISKY_TEXTS))),
            priority=draw(st.one_of(st.none(), st.sampled_from(list(m.Priority)))),
        )
        for _ in range(draw(st.integers(0, 25)))
    ]
    maintenance = [
        m.MaintenanceItem(
            platform=draw(_text(20)),
            budget=draw(st.one_of(st.none(), st.integers(0, 10**7).map(float))),
            review_date=draw(st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    return groups, entries, maintenance


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return {lang: example(tmp_path_factory.mktemp(lang), lang, blank=True) for lang in ("da", "en")}


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=projects(), lang=st.sampled_from(["da", "en"]))
def test_read_write_read_gives_the_same_model(tmp_path_factory, template, data, lang):
    groups, entries, maintenance = data
    path = tmp_path_factory.mktemp("rt") / "p.xlsx"
    path.write_bytes(template[lang].read_bytes())
    gateway = open_workbook(path)
    write_model_table(gateway, "groups", groups)
    write_model_table(gateway, "entries", entries)
    write_model_table(gateway, "maintenance", maintenance)
    gateway.commit()
    first = read_project(open_workbook(path)).project
    assert (first.groups, first.entries, first.maintenance) == (groups, entries, maintenance)
    # and once more: what was read, written again, reads the same
    gateway = open_workbook(path)
    write_model_table(gateway, "groups", first.groups)
    write_model_table(gateway, "entries", first.entries)
    gateway.commit()
    second = read_project(open_workbook(path)).project
    assert second == first
