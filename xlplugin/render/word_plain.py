"""The report as a Word document written with the standard library only, for the browser
(Pyodide), which has neither python-docx nor its lxml, nor matplotlib for the figures.

The same ``Document`` as ``render.word`` lays out, in the same styles, margins, table layout
(the document's widths fitted to the words, the header on the accent colour and repeated on
every page, rows kept on one page) and footer (the project's name, "page n of N" as Word
fields). The figures cannot be drawn here: a bar chart becomes a table of its numbers, the
network picture a table of who takes part in each chosen interaction and on which platforms,
each under the figure's caption; ``figure_note`` (in the document's language) says so once.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from xlplugin.domain import document as d
from xlplugin.render.widths import fitted

ACCENT = "1F4E79"
TWIPS_PER_CM = 567
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 1134, 1021, 1134  # 2.0, 1.8 and 2.0 cm, as render.word
TEXT_W = PAGE_W - 2 * MARGIN_SIDE
TABLE_PT = 8.5
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _measure(word: str, bold: bool) -> float:
    """A word's width in points at the tables' size: Helvetica's average advance (about 0.56 em,
    0.61 bold), a little wider than Calibri's, as render.word measures."""
    return len(word) * TABLE_PT * (0.61 if bold else 0.56)


def _run(text: str, *, bold: bool = False, color: str | None = None, size: float | None = None) -> str:
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "")
    props += f'<w:sz w:val="{round(size * 2)}"/>' if size else ""
    lines = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def _para(text: str = "", style: str | None = None, *, bold: bool = False, color: str | None = None, size: float | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{_run(text, bold=bold, color=color, size=size) if text else ''}</w:p>"


def _table(block: d.Table) -> str:
    if not block.rows:
        return _para(block.empty)
    n = len(block.headers) or len(block.rows[0])
    facts = block.style == "facts"
    header = not facts
    weights = block.widths or (1.0,) * n
    points = [TEXT_W / 20 * w / sum(weights) for w in weights]
    widths = [round(p * 20) for p in fitted(points, block, _measure, padding=12.0)]
    sides = ("top", "bottom", "insideH") if facts else ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="D0D7E1"/>' for s in sides)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>',
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>",
    ]
    rows = ([block.headers] if header else []) + list(block.rows)
    for r, values in enumerate(rows):
        head = r == 0 and header
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if head else ''}</w:trPr>")
        for j, value in enumerate(values):
            fill = ACCENT if head else ("EEF2F7" if block.style == "matrix" and j == 0 else None)
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            bold = head or (j == 0 and block.style in ("facts", "matrix"))
            text = _run(value, bold=bold, color="FFFFFF" if head else None, size=TABLE_PT) if value else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[j]}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{text}</w:p></w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out) + _para()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def figure_table(picture: d.BarChart | d.NetworkPicture) -> d.Table | d.Paragraph:
    """What a figure shows, as a table: a bar chart's numbers, or the network's chosen
    interactions with their groups and platforms."""
    if isinstance(picture, d.BarChart):
        names = [s.name or picture.value_label for s in picture.series]
        rows = tuple(
            (category, *(_number(s.values[i]) for s in picture.series)) for i, category in enumerate(picture.categories)
        )
        return d.Table(("", *names), rows, widths=(3.0, *([1.0] * len(names))))
    if not picture.interactions:
        return d.Paragraph(picture.empty)
    labels = {n.key: n.label for n in (*picture.groups, *picture.interactions, *picture.platforms)}
    platforms = {n.key for n in picture.platforms}
    lines: list[tuple[str, ...]] = []
    for interaction in picture.interactions:
        groups = [labels[e.source] for e in picture.edges if e.target == interaction.key and e.source in labels]
        used = [labels[e.target] for e in picture.edges if e.source == interaction.key and e.target in platforms]
        lines.append((", ".join(groups), interaction.label, ", ".join(used)))
    return d.Table(picture.column_titles, tuple(lines), widths=(1.0, 1.2, 1.0))


def _body(doc: d.Document, figure_note: str) -> str:
    out = [_para(doc.title, "Title"), _para(doc.subtitle, "Subtitle")]
    noted = False
    for block in doc.blocks:
        if isinstance(block, d.PageBreak):
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif isinstance(block, d.Heading):
            out.append(_para(block.text, f"Heading{min(block.level, 3)}"))
        elif isinstance(block, d.Paragraph):
            if block.style == "small":
                out.append(_para(block.text, size=8.5, color="666666"))
            elif block.style == "alert":
                out.append(_para(block.text, color="B3261E", bold=True))
            else:
                out.append(_para(block.text, size=11 if block.style == "lead" else None))
        elif isinstance(block, d.Bullets):
            out.extend(_para(item, "ListBullet") for item in block.items)
        elif isinstance(block, d.Table):
            out.append(_table(block))
        elif isinstance(block, d.Figure):
            out.append(_para(block.caption, "Caption"))
            if figure_note and not noted:
                out.append(_para(figure_note, size=8.5, color="666666"))
                noted = True
            shown = figure_table(block.picture)
            out.append(_table(shown) if isinstance(shown, d.Table) else _para(shown.text))
        elif isinstance(block, d.Flow):
            for title, lines in block.stages:
                out.append(_para(title, "Heading3"))
                out.extend(_para(line, "ListBullet") for line in lines)
    section = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_SIDE}" '
        'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
    )
    return f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(out)}{section}</w:body></w:document>'


def _footer(doc: d.Document) -> str:
    before, _, rest = doc.page_label.partition("{page}")
    middle, _, after = rest.partition("{pages}")

    def field(name: str) -> str:
        return f'<w:fldSimple w:instr=" {name} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'

    parts = [_run(doc.footer), "<w:r><w:tab/><w:tab/></w:r>", _run(before) if before else "", field("PAGE"),
             _run(middle) if middle else "", field("NUMPAGES"), _run(after) if after else ""]
    return f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{"".join(parts)}</w:p></w:ftr>'


def _style(style_id: str, name: str, ppr: str = "", rpr: str = "", kind: str = "paragraph", default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    based = "" if style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
    return (
        f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}<w:qFormat/>'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>"
    )


def _styles() -> str:
    heading = '<w:keepNext/><w:keepLines/><w:spacing w:before="{b}" w:after="80"/><w:outlineLvl w:val="{lvl}"/>'
    styles = [
        _style("Normal", "Normal", '<w:spacing w:after="120"/>', default=True),
        _style("Title", "Title", '<w:spacing w:after="60"/>', f'<w:color w:val="{ACCENT}"/><w:sz w:val="52"/>'),
        _style("Subtitle", "Subtitle", '<w:spacing w:after="240"/>', '<w:color w:val="5A5A5A"/><w:sz w:val="26"/>'),
        _style("Heading1", "heading 1", heading.format(b=360, lvl=0), f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="32"/>'),
        _style("Heading2", "heading 2", heading.format(b=240, lvl=1), f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="26"/>'),
        _style("Heading3", "heading 3", heading.format(b=200, lvl=2), f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="22"/>'),
        _style("ListBullet", "List Bullet", '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/>'),
        _style("Caption", "caption", '<w:spacing w:after="120"/>', f'<w:i/><w:color w:val="{ACCENT}"/><w:sz w:val="18"/>'),
        _style("Footer", "footer", f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_W // 2}"/><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>',
               '<w:sz w:val="16"/>'),
    ]
    defaults = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
        '<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
    )
    return f'<w:styles xmlns:w="{W}">{defaults}{"".join(styles)}</w:styles>'


def _numbering() -> str:
    return (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def _core(doc: d.Document) -> str:
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(doc.title)}</dc:title><dc:subject>{escape(doc.subtitle)}</dc:subject>"
        f"<dc:language>{escape(doc.lang)}</dc:language></cp:coreProperties>"
    )


def _relationships(links: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<Relationship Id={quoteattr(i)} Type={quoteattr(t)} Target={quoteattr(target)}/>" for i, t, target in links)
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def render_docx_plain(doc: d.Document, figure_note: str = "") -> bytes:
    """The .docx file's bytes."""
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>'
            f'<Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": _relationships([
            ("rId1", f"{office}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ]),
        "word/_rels/document.xml.rels": _relationships([
            ("rIdStyles", f"{office}/styles", "styles.xml"),
            ("rIdNumbering", f"{office}/numbering", "numbering.xml"),
            ("rIdFooter", f"{office}/footer", "footer1.xml"),
        ]),
        "word/document.xml": _body(doc, figure_note),
        "word/styles.xml": _styles(),
        "word/numbering.xml": _numbering(),
        "word/footer1.xml": _footer(doc),
        "docProps/core.xml": _core(doc),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    return buffer.getvalue()
