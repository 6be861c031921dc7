"""The rendered look: every visible sheet of the example prints to PNG pages that show content."""
from __future__ import annotations

import subprocess

import pytest
from conftest import require_tool
from PIL import Image, ImageOps
from render import render_workbook

from xlplugin.app import create_workbook
from xlplugin.layout import spec
from xlplugin.layout.texts import texts

# Integration tests: real files through the adapters, a few seconds each.
pytestmark = pytest.mark.slow

# Share of a page's body (above the footer band) that must be ink, not paper.
MIN_INK = 0.005
FOOTER_BAND = 0.10


def _ink(png) -> float:
    """Share of non-white pixels in the page body."""
    with Image.open(png) as image:
        gray = ImageOps.grayscale(image)
        width, height = gray.size
        body = gray.crop((0, 0, width, int(height * (1 - FOOTER_BAND))))
        dark = sum(count for level, count in enumerate(body.histogram()) if level < 200)
        return dark / (body.width * body.height)


def test_every_sheet_of_the_example_renders_to_non_blank_pages(tmp_path):
    """Every sheet prints (reference sheets only on request), each page shows content, and
    step 2 prints its matrix on a page of its own after the table."""
    workbook, pdf = tmp_path / "example.xlsx", tmp_path / "example.pdf"
    create_workbook(workbook, lang="da", example=True)
    pages = render_workbook(workbook, tmp_path / "png", "da", keep_pdf=pdf)
    assert set(pages) == {s.key for s in spec.SHEETS if not s.hidden} | {"overview"}
    for key, files in pages.items():
        if key != "overview" and spec.sheet(key).print_on_request:
            assert not files, f"the reference sheet {key} printed {len(files)} pages"
            continue
        assert files, f"sheet {key} printed no page"
        for png in files:
            assert png.exists() and png.stat().st_size > 0
            assert _ink(png) > MIN_INK, f"{png.name} is blank"
    assert len(pages["step1"]) == 1 and len(pages["frames"]) == 1 and len(pages["step2"]) == 2
    t = texts("da")
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    matrix_page = next(page for page in text.split("\f") if t["matrix.title"] in page)
    assert all(word in matrix_page for word in ("Børnefamilier", "Seniorer", t["matrix.row.need"]))
    assert t.header("entries", "method") not in matrix_page  # the table printed on pages before it
