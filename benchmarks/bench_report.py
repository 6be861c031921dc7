"""Benchmark: the report (issue 14) for the folder's example and for a project of 15 groups
and 40 chosen interactions: building the document (read + rules + network) and rendering
the PDF and the Word file. Prints the best of --repeat runs of each.

Usage: python benchmarks/bench_report.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.report_projects import book, example_with_choices, large_project
from xlplugin.actions import report
from xlplugin.render.pdf import render_pdf
from xlplugin.render.word import render_docx


def best(repeat: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, project in (("example", example_with_choices("da")), ("15 groups / 40 interactions", large_project("da"))):
        gateway = book(project, "da")
        t_build, built = best(args.repeat, lambda: report.build(gateway))
        t_pdf, (_, pages) = best(args.repeat, lambda: render_pdf(built.document))
        t_docx, data = best(args.repeat, lambda: render_docx(built.document))
        print(f"{name:30s} document {t_build:6.2f} s   PDF {t_pdf:6.2f} s ({pages} pages)   Word {t_docx:6.2f} s ({len(data) // 1024} KB)")


if __name__ == "__main__":
    main()
