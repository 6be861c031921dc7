"""The report as an A4 PDF, laid out with ReportLab's platypus (pure pip, no office program).

Tables wrap their cells and repeat their header on a new page; chapters (level-1 headings)
start a page; the footer carries the project's name and "page n of N".
"""
from __future__ import annotations

import html
import io
from functools import cache
from pathlib import Path
from typing import Any

from xlplugin.domain import document as d
from xlplugin.render.pictures import font_file, picture_png, png_size
from xlplugin.render.widths import fitted

ACCENT = "#1F4E79"
ALERT = "#B3261E"
FONT, BOLD = "XlSans", "XlSans-Bold"


@cache
def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, font_file()))
    pdfmetrics.registerFont(TTFont(BOLD, font_file(bold=True)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, BOLD)


@cache
def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=5, textColor=colors.HexColor("#222222"))
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=22, leading=27, textColor=colors.HexColor(ACCENT), spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11.5, leading=15, textColor=colors.HexColor("#555555"), spaceAfter=14),
        "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=16, leading=20, textColor=colors.HexColor(ACCENT), spaceBefore=2, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=12, leading=15, textColor=colors.HexColor(ACCENT), spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3),
        "body": base,
        "lead": ParagraphStyle("lead", base, fontSize=10.5, leading=14.5, textColor=colors.HexColor("#333333"), spaceAfter=8),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, textColor=colors.HexColor("#666666")),
        "alert": ParagraphStyle(
            "alert", base, textColor=colors.HexColor(ALERT), borderColor=colors.HexColor(ALERT), borderWidth=0.8,
            borderPadding=6, backColor=colors.HexColor("#FCEEEE"), spaceBefore=4, spaceAfter=10,
        ),
        "cell": ParagraphStyle("cell", base, fontSize=8.2, leading=10.2, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", base, fontName=BOLD, fontSize=8.2, leading=10.2, spaceAfter=0, textColor=colors.white),
        "cell_key": ParagraphStyle("cell_key", base, fontName=BOLD, fontSize=8.2, leading=10.2, spaceAfter=0),
        "caption": ParagraphStyle("caption", base, fontSize=8.2, leading=10.5, textColor=colors.HexColor("#555555"), spaceBefore=2, spaceAfter=10),
        "stage": ParagraphStyle("stage", base, fontName=BOLD, fontSize=10.5, leading=13, textColor=colors.white, spaceAfter=0),
        "stage_item": ParagraphStyle("stage_item", base, fontSize=9.2, leading=12, spaceAfter=1, leftIndent=9, bulletIndent=0),
        "arrow": ParagraphStyle("arrow", base, fontName=BOLD, fontSize=13, leading=14, alignment=1, textColor=colors.HexColor(ACCENT), spaceAfter=0),
    }


def _text(text: str) -> str:
    """Plain text as ReportLab markup: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _flowables(doc: d.Document, width: float, height: float) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Image, KeepTogether, PageBreak, Paragraph, Spacer

    s = _styles()
    out: list[Any] = [Paragraph(_text(doc.title), s["title"]), Paragraph(_text(doc.subtitle), s["subtitle"])]
    for block in doc.blocks:
        if isinstance(block, d.PageBreak):
            out.append(PageBreak())
        elif isinstance(block, d.Heading):
            if block.level > 1:
                out.append(CondPageBreak(3.2 * 28.35))  # a heading never ends a page alone
            out.append(Paragraph(_text(block.text), s[f"h{min(block.level, 3)}"]))
        elif isinstance(block, d.Paragraph):
            out.append(Paragraph(_text(block.text), s.get(block.style, s["body"])))
        elif isinstance(block, d.Bullets):
            out.extend(Paragraph(_text(item), s["stage_item"], bulletText="•") for item in block.items)
        elif isinstance(block, d.Table):
            if out and isinstance(out[-1], Paragraph) and out[-1].style.name == "h3":
                out[-1] = KeepTogether([out[-1], _table(block, width)])  # a small section stays whole
                out.append(Spacer(1, 7))
            else:
                out += [_table(block, width), Spacer(1, 7)]
        elif isinstance(block, d.Figure):
            share = block.height
            data = picture_png(block.picture, share)
            px_w, px_h = png_size(data)
            w, h = width, width * px_h / px_w
            if h > height * 0.8:  # room for a chapter's heading and lead above it
                w, h = w * height * 0.8 / h, height * 0.8
            image = Image(io.BytesIO(data), width=w, height=h)
            out.append(KeepTogether([Spacer(1, 4), image, Paragraph(_text(block.caption), s["caption"])]))
        elif isinstance(block, d.Flow):
            out.extend(_flow(block, width))
    return out


def _table(block: d.Table, width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = _styles()
    if not block.rows:
        return Paragraph(_text(block.empty), s["small"])
    n = len(block.headers) or len(block.rows[0])
    weights = block.widths or (1.0,) * n
    widths = _fitted([width * w / sum(weights) for w in weights], block)
    grey = colors.HexColor("#D0D7E1")
    if block.style == "facts":
        data = [[Paragraph(_text(k), s["cell_key"]), Paragraph(_text(v), s["cell"])] for k, v in block.rows]
        table = Table(data, colWidths=widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, grey),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                ]
            )
        )
        return table
    head = [Paragraph(_text(h), s["cell_head"]) for h in block.headers]
    body = [
        [Paragraph(_text(cell), s["cell_key"] if (block.style == "matrix" and j == 0) else s["cell"]) for j, cell in enumerate(row)]
        for row in block.rows
    ]
    table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, grey),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.style == "matrix":
        commands += [("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#EEF2F7")), ("LINEAFTER", (0, 0), (-2, -1), 0.4, grey)]
    else:
        commands += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F8FB")])]
    table.setStyle(TableStyle(commands))
    return table


def _fitted(widths: list[float], block: d.Table, padding: float = 9.0) -> list[float]:
    """The widths fitted to the words (``render.widths``), measured in the PDF's own fonts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = _styles()["cell"].fontSize
    return fitted(widths, block, lambda word, bold: stringWidth(word, BOLD if bold else FONT, size), padding)


def _flow(block: d.Flow, width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

    s = _styles()
    shades = ("#1F4E79", "#2E6A8E", "#3B7F8C", "#4F8A6E", "#7A6A3A")
    out: list[Any] = []
    for i, (title, lines) in enumerate(block.stages):
        rows = [[Paragraph(_text(title), s["stage"])]] + [[Paragraph(_text(line), s["stage_item"], bulletText="•")] for line in lines]
        table = Table(rows, colWidths=[width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(shades[i % len(shades)])),
                    ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(shades[i % len(shades)])),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, 0), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        out.append(KeepTogether([table]))
        if i < len(block.stages) - 1:
            out.append(Paragraph("↓", s["arrow"]))
    return out


def render_pdf(doc: d.Document, path: Path | None = None) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages; written to ``path`` if given."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    _fonts()
    margin = 2.0 * cm

    class NumberedCanvas(Canvas):
        """Draws the footer once the page count is known (pages are kept until save)."""

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(len(self._pages))
                super().showPage()
            super().save()

        def _footer(self, pages: int) -> None:
            self.saveState()
            self.setStrokeColor(colors.HexColor("#C8CFD8"))
            self.setLineWidth(0.5)
            self.line(margin, 1.45 * cm, A4[0] - margin, 1.45 * cm)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#666666"))
            self.drawString(margin, 1.0 * cm, doc.footer[:90])
            self.drawRightString(A4[0] - margin, 1.0 * cm, doc.page_label.format(page=self._pageNumber, pages=pages))
            self.restoreState()

    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=1.8 * cm, bottomMargin=2.1 * cm,
        title=doc.title, subject=doc.subtitle, author=doc.footer, lang=doc.lang,
    )
    template.build(_flowables(doc, template.width, template.height), canvasmaker=NumberedCanvas)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data, _page_count(data)


def _page_count(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
