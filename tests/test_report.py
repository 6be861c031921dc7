"""The report (issue 14): its document from the project as read, the PDF and the Word file read back."""
from __future__ import annotations

import io
import itertools
import subprocess

import pytest
from conftest import IN_CI, soffice_convert
from report_projects import book, example_with_choices, large_project

from xlplugin.actions import report
from xlplugin.domain import document as d
from xlplugin.domain import models as m
from xlplugin.domain.network import network
from xlplugin.layout.texts import texts


@pytest.fixture(scope="module", params=["da", "en"])
def example(request):
    lang = request.param
    project = example_with_choices(lang)
    return lang, project, report.build(book(project, lang))


@pytest.fixture(scope="module")
def large():
    project = large_project("da")
    return project, report.build(book(project, "da"))


def pdf_text(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def key_content(project: m.Project) -> list[str]:
    """What the partners must find: each step's key content, as the workbook holds it."""
    chosen_platforms = [p for p in project.platforms if p.selected]
    out = [project.facts.name or ""]
    out += [g.name for g in project.groups]  # step 1
    out += [p.purpose for p in project.purposes]
    out += [e.description or "" for e in project.entries[:4]]  # step 2 (the matrix)
    out += [i.theme or "" for i in project.interactions if i.selected]  # step 3
    out += [p.name for p in chosen_platforms]  # step 4
    out += [p.weaknesses or "" for p in chosen_platforms]
    out += [x.success_criterion or "" for x in project.maintenance]  # step 5
    out += [c.constraint for c in project.constraints]  # reality check
    return [x for x in out if x]


def test_document_holds_each_steps_key_content(example):
    lang, project, built = example
    text = flat(" ".join(built.document.texts()))
    for item in key_content(project):
        assert flat(item) in text, item
    assert texts(lang)["report.step5.heading"] in text


def test_pdf_text_holds_each_steps_key_content_and_the_footer(example):
    from xlplugin.render.pdf import render_pdf

    lang, project, built = example
    data, pages = render_pdf(built.document)
    text, read_pages = pdf_text(data)
    assert pages == read_pages
    assert 5 <= pages <= 12
    words = flat(text)
    for item in key_content(project):
        # pypdf reads a wrapped cell back line by line: compare the first words
        assert flat(item)[:25] in words, item
    label = texts(lang)["report.page"].replace("{{", "{").replace("}}", "}")
    assert label.format(page=pages, pages=pages) in text
    assert text.count(project.facts.name or "") >= pages  # the footer on every page


def test_summary_page_runs_from_purposes_to_constraints(example):
    lang, project, built = example
    flow = next(b for b in built.document.blocks if isinstance(b, d.Flow))
    titles = [title for title, _ in flow.stages]
    t = texts(lang)
    assert titles[0] == t.format("report.summary.purposes", n=len(project.purposes))
    assert titles[-1] == t.format("report.summary.constraints", n=len(project.constraints))
    lines = " ".join(line for _, lines in flow.stages for line in lines)
    total = sum(x.budget or 0 for x in project.maintenance)
    assert f"{total:,.0f}".replace(",", "." if lang == "da" else ",") in lines


def test_network_joins_groups_interactions_and_platforms(example):
    _, project, built = example
    net = network(project)
    assert len(net.interactions) == sum(bool(i.selected) for i in project.interactions)
    picture = next(b.picture for b in built.document.blocks if isinstance(b, d.Figure) and isinstance(b.picture, d.NetworkPicture))
    keys = {n.key for n in (*picture.groups, *picture.interactions, *picture.platforms)}
    assert all(e.source in keys and e.target in keys for e in picture.edges)
    # the meal scheme carries the interaction about social contact (its catalog themes say so)
    social = [i.key for i in net.interactions if i.interaction.theme in ("Social kontakt", "Social contact")]
    assert social and any(net.platforms_of(k) for k in social)


def test_large_project_stays_a_sensible_number_of_pages(large):
    from xlplugin.render.pdf import render_pdf

    project, built = large
    assert len(project.groups) == 15 and sum(bool(i.selected) for i in project.interactions) == 40
    data, pages = render_pdf(built.document)
    assert 8 <= pages <= 20
    text, _ = pdf_text(data)
    assert "Kirken" in text and "Idrætsforeningen" in text  # local-area groups in the matrix


def test_validation_errors_come_first():
    project = example_with_choices("da")
    project.groups.append(m.ResidentGroup(name="Børnefamilier"))  # a duplicate name: an error
    built = report.build(book(project, "da"))
    assert built.validation.has_errors
    blocks = built.document.blocks
    assert isinstance(blocks[0], d.Heading) and blocks[0].text == texts("da")["report.findings.heading"]
    errors = [f for f in built.validation.findings if f.is_error]
    table = next(b for b in blocks if isinstance(b, d.Table))
    assert table.rows[0][0] == texts("da")["severity.error"]
    assert len(table.rows) >= len(errors)


def test_empty_project_still_reports():
    from xlplugin.actions.new import starter_project
    from xlplugin.render.pdf import render_pdf

    built = report.build(book(starter_project("en"), "en"))
    data, pages = render_pdf(built.document)
    text, _ = pdf_text(data)
    assert texts("en")["report.summary.no_interactions"] in flat(text)
    assert pages <= 9


def test_docx_reads_back(example):
    from docx import Document

    from xlplugin.render.word import render_docx

    _, project, built = example
    word = Document(io.BytesIO(render_docx(built.document)))
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        c.text for t in word.tables for row in t.rows for c in row.cells
    )
    for item in key_content(project):
        assert flat(item) in flat(text), item
    assert word.inline_shapes  # the figures


def test_docx_tables_are_laid_out_as_in_the_pdf(example):
    """Word and LibreOffice size columns by the table's grid: it holds the document's widths
    fitted to the words (not equal columns); headers are on the accent colour and repeat on
    every page; no row breaks across pages; a facts table has no header row."""
    from docx import Document
    from docx.oxml.ns import qn

    from xlplugin.render.word import render_docx

    _, _, built = example
    word = Document(io.BytesIO(render_docx(built.document)))
    blocks = [b for b in built.document.blocks if isinstance(b, d.Table) and b.rows]
    _assert_laid_out(word, blocks)
    # a platform card: the values get most of the width (1 : 3.6), no word broken
    card = next(t for t, b in zip(word.tables, blocks) if b.widths == (1, 3.6))
    key, value = (int(c.get(qn("w:w"))) for c in card._tbl.tblGrid.findall(qn("w:gridCol")))
    assert 2.5 < value / key < 3.7


def test_docx_pictures_fit_on_a_page(large):
    """The network of 40 interactions is taller than wide: scaled to most of a page's height
    (Word and LibreOffice crop a picture that overflows the page)."""
    from docx import Document
    from docx.shared import Cm

    from xlplugin.render.word import render_docx

    _, built = large
    word = Document(io.BytesIO(render_docx(built.document)))
    section = word.sections[0]
    room = section.page_height - section.top_margin - section.bottom_margin
    assert word.inline_shapes
    assert all(shape.height <= 0.8 * room + 1 and shape.width <= Cm(17) + 1 for shape in word.inline_shapes)
    assert any(shape.width < Cm(16) for shape in word.inline_shapes)  # the tall network picture was scaled


def _has_writer() -> bool:
    import glob
    import shutil
    from pathlib import Path

    soffice = shutil.which("soffice")
    program = Path(soffice).resolve().parent if soffice else None
    return bool(program and glob.glob(str(program / "libswlo.so*")) + glob.glob(str(program / "swlo.dll")))


@pytest.mark.slow
def test_cli_report_and_libreoffice_converts_the_docx(tmp_path):
    from xlplugin.cli import main

    path = tmp_path / "Eksempel.xlsx"
    assert main(["new", str(path), "--example"]) == 0
    assert main(["report", str(path)]) == 0
    pdf = tmp_path / "Eksempel - rapport.pdf"
    assert pdf.exists() and pdf_text(pdf.read_bytes())[1] >= 5
    out = tmp_path / "r.docx"
    assert main(["report", str(path), "-o", str(out)]) == 0
    if not _has_writer():  # a developer's Calc-only LibreOffice; CI installs Writer
        message = "this LibreOffice has no Writer (calc only): `bash .ci/run` installs libreoffice-writer-nogui"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    converted = soffice_convert(out, "pdf", tmp_path / "lo")
    text, pages = pdf_text(converted.read_bytes())
    assert pages >= 4 and "Madordning" in text


@pytest.mark.slow
def test_pdf_pages_render_to_png(tmp_path, example):
    from xlplugin.render.pdf import render_pdf

    lang, _, built = example
    path = tmp_path / f"report_{lang}.pdf"
    render_pdf(built.document, path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) >= 5


def test_key_figures_equal_what_the_domain_counts(large):
    project, built = large
    t = texts("da")
    table = next(b for b in built.document.blocks if isinstance(b, d.Table) and b.rows and b.rows[0][0] == t["report.figures.groups"])
    figures = dict(table.rows)
    net = network(project)
    local = sum(g.location is m.Location.LOCAL_AREA for g in project.groups)
    assert figures[t["report.figures.groups"]] == t.format("report.figures.groups_value", n=15, local=local)
    external = sum(i.external for i in net.interactions)
    assert figures[t["report.figures.interactions"]] == t.format(
        "report.figures.interactions_value", chosen=40, proposed=len(project.interactions), external=external
    )
    budget = sum(x.budget or 0 for x in project.maintenance)
    assert f"{budget:,.0f}".replace(",", ".") in figures[t["report.figures.maintenance"]]
    assert figures[t["report.figures.maintenance"]].startswith(f"{len(project.maintenance)} af 10")


def test_layered_layout_places_every_node_and_the_local_area_last(large):
    from xlplugin.render.pictures import layered_layout

    _, built = large
    picture = next(b.picture for b in built.document.blocks if isinstance(b, d.Figure) and isinstance(b.picture, d.NetworkPicture))
    place = layered_layout(picture)
    assert len(place) == len(picture.groups) + len(picture.interactions) + len(picture.platforms)
    tops = {n.key: place[f"0:{n.key}"][1] for n in picture.groups}
    building = [tops[n.key] for n in picture.groups if n.style != "local_area"]
    local = [tops[n.key] for n in picture.groups if n.style == "local_area"]
    assert local and max(building) < min(local)
    for column in range(3):  # no two boxes overlap
        spans = sorted((top, top + height) for c, top, height in place.values() if c == column)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_report_button_saves_the_pdf_next_to_the_workbook(tmp_path, monkeypatch, lang):
    import xlwings as xw
    from workbooks import example
    from xlwings_engine import open_book

    from xlplugin import __version__, ribbon

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    source = example(tmp_path, lang)
    book = open_book(source)
    book.set_mock_caller()
    try:
        ribbon.run("report", lang=lang, addin_version=__version__)
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
    (alert,) = book.impl.app.alerts
    target = source.with_name(f"{source.stem}{texts(lang)['report.file_suffix']}.pdf")
    assert alert["mode"] == "info", alert["prompt"]
    text, pages = pdf_text(target.read_bytes())
    assert texts(lang).format("msg.report.done", path=target, pages=pages) in alert["prompt"]
    assert "Madordning" in text or "Meal scheme" in text


# --- the report in the browser (render.word_plain: the standard library, figures as tables) ----
def _plain_tables(document: d.Document) -> list[d.Table]:
    """The tables the browser's Word file holds, in order: the document's and the figures'."""
    from xlplugin.render.word_plain import figure_table

    out = []
    for block in document.blocks:
        shown = figure_table(block.picture) if isinstance(block, d.Figure) else block
        if isinstance(shown, d.Table) and shown.rows:
            out.append(shown)
    return out


def test_browser_docx_reads_back_with_the_figures_as_tables(example):
    from docx import Document

    from xlplugin.render.word_plain import render_docx_plain

    lang, project, built = example
    note = texts(lang)["web.report.figures_as_tables"]
    word = Document(io.BytesIO(render_docx_plain(built.document, note)))
    paragraphs = [p.text for p in word.paragraphs]
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    text = flat("\n".join(paragraphs + cells))
    for item in key_content(project):
        assert flat(item) in text, item
    facts_headers = {h for b in built.document.blocks if isinstance(b, d.Table) and b.style == "facts" for h in b.headers}
    for item in built.document.texts():
        assert not item or item in facts_headers or flat(item) in text, item
    assert paragraphs.count(note) == 1 and not word.inline_shapes
    charts = [b.picture for b in built.document.blocks if isinstance(b, d.Figure) and isinstance(b.picture, d.BarChart)]
    assert charts and all(c in cells for chart in charts for c in chart.categories)
    assert word.core_properties.title == built.document.title and word.core_properties.language == lang
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer


def _assert_laid_out(word, blocks) -> None:
    """Each Word table: the grid holds the text width, fitted to the words; rows kept on one
    page; the header on the accent colour, repeated on every page; facts without a header."""
    from docx.oxml.ns import qn

    assert len(word.tables) == len(blocks)
    for table, block in zip(word.tables, blocks):
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - 17 * 567) < len(grid) * 2  # the text width: 17 cm in twips
        if block.widths and len(set(block.widths)) > 1:
            assert len(set(grid)) > 1, block.headers
        rows = table._tbl.findall(qn("w:tr"))
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
        first = rows[0].find(qn("w:trPr"))
        if block.style == "facts":
            assert len(rows) == len(block.rows) and first.find(qn("w:tblHeader")) is None
        else:
            assert len(rows) == len(block.rows) + 1 and first.find(qn("w:tblHeader")) is not None
            assert rows[0].find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "1F4E79"


def test_browser_docx_tables_are_laid_out_as_the_desktops(example):
    """As render.word: the grid holds the text width, fitted to the words; the header on the
    accent colour, repeated on every page; rows kept on one page; facts without a header."""
    from docx import Document

    from xlplugin.render.word_plain import render_docx_plain

    _, _, built = example
    word = Document(io.BytesIO(render_docx_plain(built.document)))
    blocks = _plain_tables(built.document)
    _assert_laid_out(word, blocks)


@pytest.mark.slow
def test_browser_docx_is_valid_word_and_libreoffice_converts_it(tmp_path, large):
    from conftest import ooxml_validate_all

    from xlplugin.render.word_plain import render_docx_plain

    project, built = large
    out = tmp_path / "large.docx"
    out.write_bytes(render_docx_plain(built.document, texts("da")["web.report.figures_as_tables"]))
    assert ooxml_validate_all(out) == []
    if not _has_writer():
        message = "this LibreOffice has no Writer (calc only): `bash .ci/run` installs libreoffice-writer-nogui"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    text, pages = pdf_text(soffice_convert(out, "pdf", tmp_path / "lo").read_bytes())
    assert pages >= 4 and flat(project.platforms[0].name) in flat(text)
