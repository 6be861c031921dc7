"""Benchmark: the browser build (issue 17) in Node and in headless Chromium.

Builds the site (or takes --site), writes the 2,000-entry workbook of bench_match.py, and runs
benchmarks/bench_browser.mjs on it and on the example: Pyodide's cold and warm start and each
action's time, the web page's way (the file edited in place) and, in Node, the add-in's way (a
snapshot in, a plan out). Needs node, `npm ci` and /usr/bin/chromium.

Usage: python benchmarks/bench_browser.py [--site DIR] [--entries 2000]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_match import LANG, synthetic_project

from xlplugin import web_site
from xlplugin.gateway.builder import write_new_workbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a site built by `xlplugin web build` (else one is built)")
    parser.add_argument("--entries", type=int, default=2000)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    try:
        site = args.site or web_site.build_site(folder / "site").out
        example = folder / "Eksempel.xlsx"
        shutil.copyfile(REPO / "workbook_templates" / "Eksempel.xlsx", example)
        big = folder / f"entries-{args.entries}.xlsx"
        write_new_workbook(synthetic_project(args.entries), LANG, big)
        env = {**os.environ, "XLPLUGIN_MIME": json.dumps(web_site.MIME_TYPES)}
        done = subprocess.run(
            ["node", str(REPO / "benchmarks" / "bench_browser.mjs"), str(site), str(example), str(big)],
            cwd=REPO, capture_output=True, text=True, env=env, timeout=3600,
        )
        if done.returncode:
            print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
            return 1
        result = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for where in ("node", "chromium"):
        r = result[where]
        print(f"{where}: start cold {r['cold_start_ms'] / 1000:.1f} s, warm {r['warm_start_ms'] / 1000:.1f} s")
        for name, times in r["files"].items():
            parts = ", ".join(f"{key.removesuffix('_ms')} {value / 1000:.2f} s" for key, value in times.items())
            print(f"  {name}: {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
