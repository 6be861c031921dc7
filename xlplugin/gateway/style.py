"""The workbook's house style: calm dark-blue headings, grey help text, light fills; the
number and date formats per column kind; Excel's limits for prompt texts."""
from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from xlplugin.layout.spec import Kind

# Calm house style: dark blue headings, grey help text, light fills.
INK = "1F3864"
MUTED = "595959"
GENERATED_FILL = PatternFill("solid", fgColor="EDEDED")
NOTE_FILL = PatternFill("solid", fgColor="FFF2CC")
GUIDE_FILL = PatternFill("solid", fgColor="DEEBF7")
# Fonts name their face: without it LibreOffice (and so the PDF) falls back to a serif.
FACE = "Calibri"
TITLE_FONT = Font(name=FACE, size=16, bold=True, color=INK)
HEADING_FONT = Font(name=FACE, size=13, bold=True, color=INK)
INTRO_FONT = Font(name=FACE, size=11, italic=True, color=MUTED)
LINK_FONT = Font(name=FACE, size=11, color="0563C1", underline="single")
# Headers are formatted directly as well as by the table style, which LibreOffice ignores.
HEADER_FONT = Font(name=FACE, size=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2E75B6")
BAND_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

EXCEL_MAX_ROW = 1048576
GUIDE_WIDTH = 110  # characters the guide text spans before it wraps
A4_PRINT_WIDTH = 230  # column width units that still print readably across landscape A4

NUMBER_FORMATS = {
    Kind.PERCENT: '0" %"',
    Kind.MONEY: '#,##0 "kr."',
    Kind.SCORE: "0",
    Kind.RATING: "0.0",
    Kind.NUMBER: "0.0",
}
DATE_FORMATS = {"da": "dd-mm-yyyy", "en": "yyyy-mm-dd"}

# Excel's limits for data validation texts.
PROMPT_TITLE_MAX = 32
PROMPT_MAX = 255
ERROR_MAX = 225


