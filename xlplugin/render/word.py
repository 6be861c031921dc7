"""The report as a Word document (python-docx), so planners can edit its text in Word."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from xlplugin.domain import document as d
from xlplugin.render.pictures import picture_png

ACCENT = (0x1F, 0x4E, 0x79)


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
            word.add_picture(io.BytesIO(picture_png(block.picture, block.height)), width=width)
            caption = word.add_paragraph(block.caption, style="Caption")
            del caption
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
    from docx.shared import Pt

    if not block.rows:
        word.add_paragraph(block.empty)
        return
    n = len(block.headers)
    header = block.style != "facts" or any(block.headers)
    table = word.add_table(rows=0, cols=n)
    table.style = "Light Grid Accent 1" if block.style != "facts" else "Table Grid"
    weights = block.widths or (1.0,) * n
    rows = ([block.headers] if header else []) + list(block.rows)
    for r, values in enumerate(rows):
        cells = table.add_row().cells
        for j, value in enumerate(values):
            cells[j].width = int(width * weights[j] / sum(weights))
            cells[j].text = value
            for paragraph in cells[j].paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
                    run.bold = (r == 0 and header) or (j == 0 and block.style in ("facts", "matrix"))
    word.add_paragraph()


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
