"""Render each sheet of a generated workbook to PNG pages so a person can look at it.

    python tests/render.py OUTDIR [--lang en] [--example]

Writes OUTDIR/workbook.xlsx and, per visible sheet, OUTDIR/NN-<sheet>-pK.png: page K of
that sheet as LibreOffice prints it with the workbook's own print setup (A4 landscape,
fit to width). Pages are told apart by their footer, whose centre is the sheet name.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import require_tool, soffice_convert

from xlplugin.app import create_workbook
from xlplugin.layout import spec
from xlplugin.layout.texts import texts

DPI = 110  # enough to read the wide step sheets at A4 fit-to-width


def _footer_sheet(text: str, names: set[str]) -> str | None:
    """The sheet name in a page's footer (left: project, centre: sheet, right: page)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    parts = [part.strip() for part in re.split(r"\s{2,}", lines[-1].strip())]
    return next((part for part in parts if part in names), None)


def render_workbook(path: Path, outdir: Path, lang: str, dpi: int = DPI, keep_pdf: Path | None = None) -> dict[str, list[Path]]:
    """PNG pages per sheet key for the workbook at ``path`` (and the PDF at ``keep_pdf``, if given)."""
    pdftoppm, pdftotext = require_tool("pdftoppm"), require_tool("pdftotext")
    t = texts(lang)
    visible = [(i, s.key) for i, s in enumerate(spec.SHEETS, start=1) if not s.hidden]
    visible.insert(1, (1, "overview"))  # the Overblik sheet, second, built beside the spec's tables
    by_name = {t.sheet(key): (i, key) for i, key in visible}
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("[0-9][0-9]-*-p*.png"):
        old.unlink()
    pages: dict[str, list[Path]] = {key: [] for _, key in visible}
    with tempfile.TemporaryDirectory(prefix="xlplugin-render-") as tmp:
        pdf = soffice_convert(path, "pdf", Path(tmp))
        if keep_pdf is not None:
            shutil.copyfile(pdf, keep_pdf)
        subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), f"{tmp}/page"], check=True)
        pngs = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for number, png in enumerate(pngs, start=1):
            text = subprocess.run(
                [pdftotext, "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
                capture_output=True, text=True, check=True,
            ).stdout
            name = _footer_sheet(text, set(by_name))
            if name is None:
                raise RuntimeError(f"page {number} has no footer naming a sheet")
            index, key = by_name[name]
            target = outdir / f"{index:02d}-{key}-p{len(pages[key]) + 1}.png"
            png.replace(target)
            pages[key].append(target)
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render a generated workbook's sheets to PNG.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="da", choices=("da", "en"))
    parser.add_argument("--example", action="store_true", help="the folder's worked example")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    workbook = args.outdir / "workbook.xlsx"
    create_workbook(workbook, lang=args.lang, example=args.example)
    t = texts(args.lang)
    for key, files in render_workbook(workbook, args.outdir, args.lang).items():
        print(f"{t.sheet(key)}: {', '.join(p.name for p in files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
