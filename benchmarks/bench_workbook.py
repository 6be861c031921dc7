"""Benchmark: generating the workbooks and checking them with the real tools.

For blank and example workbooks in Danish and English it prints: generation time
(`create_workbook`), file size, the Open XML SDK validator's time and error counts (all /
after removing openpyxl's known font-order report), LibreOffice's PDF export time and page
count, and a LibreOffice .xlsx round trip (open, recalculate, save). Times are the best of
--repeat runs.

Usage: python benchmarks/bench_workbook.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import is_openpyxl_font_order, ooxml_validate_all, soffice_convert

from xlplugin.app import create_workbook


def best(repeat: int, run):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'workbook':<12} {'generate':>9} {'size':>9} {'validator':>10} {'errors':>12} {'LO pdf':>8} {'pages':>6} {'LO xlsx':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for example in (False, True):
            for lang in ("da", "en"):
                name = f"{'example' if example else 'blank'}-{lang}"
                path = Path(tmp) / f"{name}.xlsx"
                gen, _ = best(args.repeat, lambda: create_workbook(path, lang=lang, example=example))
                val, errors = best(args.repeat, lambda: ooxml_validate_all(path))
                real = [e for e in errors if not is_openpyxl_font_order(e)]
                pdf_time, pdf = best(args.repeat, lambda: soffice_convert(path, "pdf", Path(tmp) / "pdf"))
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
                xlsx_time, _ = best(args.repeat, lambda: soffice_convert(path, "xlsx", Path(tmp) / "rt"))
                print(
                    f"{name:<12} {gen * 1000:>7.0f}ms {path.stat().st_size / 1024:>7.1f}kB {val:>9.2f}s "
                    f"{len(errors):>5} / {len(real):<4} {pdf_time:>7.2f}s {pages:>6} {xlsx_time:>7.2f}s"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
