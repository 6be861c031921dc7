"""The report as a Word document (python-docx), so planners can edit its text in Word."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from xlplugin.domain import document as d
from xlplugin.render.pictures import picture_png, png_size
from xlplugin.render.widths import fitted

ACCENT = (0x1F, 0x4E, 0x79)
EMU_PER_POINT = 12700
PICTURE_SHARE = 0.8  # of the page's text height at most, as in the PDF: room for a heading above
EMU_PER_TWIP = 635


def render_docx(doc: d.Document, path: Path | None = None) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    word = Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
    width = Cm(21.0 - 2 * 2.0)
    height = Cm(29.7 - 1.8 - 2.0)
    normal = word.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    word.core_properties.title = doc.title
    word.core_properties.subject = doc.subtitle
    word.core_properties.language = doc.lang

    _footer(section, doc)
    title = word.add_paragraph(doc.title, style="Title")
    title.runs[0].font.color.rgb = RGBColor(*ACCENT)
    word.add_paragraph(doc.subtitle, style="Subtitle")
    for block in doc.blocks:
        if isinstance(block, d.PageBreak):
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, d.Heading):
            word.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, d.Paragraph):
            p = word.add_paragraph(block.text)
            if block.style == "small":
                p.runs[0].font.size = Pt(8.5)
                p.runs[0].font.color.rgb = RGBColor(0x66, 0x66, 0x66)
            elif block.style == "alert":
                p.runs[0].font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
                p.runs[0].bold = True
            elif block.style == "lead":
                p.runs[0].font.size = Pt(11)
        elif isinstance(block, d.Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, d.Table):
            _table(word, block, width)
        elif isinstance(block, d.Figure):
            data = picture_png(block.picture, block.height)
            px_w, px_h = png_size(data)
            # as the PDF: the text's width, or less where the picture would be taller than most
            # of a page (a network of 40 interactions); Word crops what overflows the page
            picture_width = min(width, int(height * PICTURE_SHARE * px_w / px_h))
            word.add_picture(io.BytesIO(data), width=picture_width)
            word.add_paragraph(block.caption, style="Caption")
        elif isinstance(block, d.Flow):
            for title_text, lines in block.stages:
                word.add_heading(title_text, level=3)
                for line in lines:
                    word.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _table(word: Any, block: d.Table, width: int) -> None:
    """A table as the PDF lays it out: the document's column widths fitted to the words (Word
    and LibreOffice follow the table's grid, not a cell's width alone), the header on the
    accent colour, repeated on every page, rows that do not break across pages; facts as
    bold keys and values with a line under each row."""
    from docx.shared import Pt, RGBColor

    if not block.rows:
        word.add_paragraph(block.empty)
        return
    n = len(block.headers) or len(block.rows[0])
    facts = block.style == "facts"
    header = not facts  # as in the PDF: facts are keys and values, without a header row
    table = word.add_table(rows=0, cols=n)
    table.autofit = False
    weights = block.widths or (1.0,) * n
    widths = [round(w) for w in _fitted([width * w / sum(weights) for w in weights], block)]
    _grid(table, widths)
    _borders(table, facts)
    rows = ([block.headers] if header else []) + list(block.rows)
    for r, values in enumerate(rows):
        row = table.add_row()
        head = r == 0 and header
        _row_properties(row, head)
        for j, value in enumerate(values):
            cell = row.cells[j]
            cell.width = widths[j]
            cell.text = value
            if head:
                _shade(cell, "".join(f"{part:02X}" for part in ACCENT))
            elif block.style == "matrix" and j == 0:
                _shade(cell, "EEF2F7")
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
                    run.bold = head or (j == 0 and block.style in ("facts", "matrix"))
                    if head:
                        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    word.add_paragraph()


def _fitted(widths: list[float], block: d.Table) -> list[float]:
    """Widths in EMU fitted to the words, measured in Helvetica's metrics (a little wider
    than Calibri's, so a word that fits here fits in Word)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    points = [w / EMU_PER_POINT for w in widths]
    out = fitted(points, block, lambda word, bold: stringWidth(word, "Helvetica-Bold" if bold else "Helvetica", 8.5), padding=12.0)
    return [w * EMU_PER_POINT for w in out]


def _grid(table: Any, widths: list[int]) -> None:
    """The table's grid (w:tblGrid), which Word and LibreOffice size the columns by, in twips."""
    from docx.oxml.ns import qn

    grid = table._tbl.tblGrid
    for column, emu in zip(grid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(round(emu / EMU_PER_TWIP)))


def _borders(table: Any, facts: bool) -> None:
    """Thin grey lines: under every row (facts), or around and between all cells."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    sides = ("top", "bottom", "insideH") if facts else ("top", "left", "bottom", "right", "insideH", "insideV")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "D0D7E1")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    table._tbl.tblPr.append(borders)


def _row_properties(row: Any, header: bool) -> None:
    """A row kept on one page; the header row repeated on every page the table reaches."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _footer(section: Any, doc: d.Document) -> None:
    """The project's name and "page n of N" as Word fields, updated by Word and LibreOffice."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.text = doc.footer + "\t\t"
    before, _, rest = doc.page_label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    paragraph.add_run(before)
    for field, text in (("PAGE", middle), ("NUMPAGES", after)):
        run = paragraph.add_run()
        for kind, value in (("begin", None), ("instr", field), ("separate", None), ("text", "1"), ("end", None)):
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = f" {value} "
            elif kind == "text":
                element = OxmlElement("w:t")
                element.text = value
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        paragraph.add_run(text)
