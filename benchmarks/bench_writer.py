"""Benchmark: the in-place writer on the 200-group / 20,000-entry workbook (issue 9).

Each step runs in a fresh process (modules imported before the clock starts; peak memory is
that step's), the steps take turns, the best of --repeat counts; both ratios come from one run:
- calamine:  python-calamine opening the file and reading every sheet's values,
- openpyxl:  openpyxl loading the workbook and saving it again (what the old writer did),
- validate:  the whole `xlplugin validate` (read, rules, findings sheet and marks, backup,
             atomic save): limit 3× calamine,
- match:     the whole `xlplugin match` (read, matching, three tables written, backup, save):
             limit 1.5× openpyxl; also reported without the domain's matching (``matching``),
             which is the same whatever the writer.

Usage: python benchmarks/bench_writer.py [--repeat 3] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_validate import make_workbooks, peak_memory_mb

VALIDATE_LIMIT = 3.0  # × calamine
MATCH_LIMIT = 1.5  # × openpyxl load + save
STEPS = ("calamine", "openpyxl", "validate", "match")


def measure(step: str, path: Path) -> dict:
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    import xlplugin.actions.match as match_action
    from xlplugin.app import match_file, validate_file

    matching = {"seconds": 0.0}
    original = match_action.match

    def timed_match(*args, **kwargs):  # the domain's matching, timed on its own
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            matching["seconds"] += time.perf_counter() - start

    match_action.match = timed_match  # type: ignore[assignment]

    def calamine() -> dict:
        book = CalamineWorkbook.from_path(str(path))
        return {"rows": sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)}

    def openpyxl() -> dict:
        wb = load_workbook(path)
        wb.save(path.with_name("openpyxl-" + path.name))
        return {}

    steps = {
        "calamine": calamine,
        "openpyxl": openpyxl,
        "validate": lambda: {"findings": len(validate_file(path).findings)},
        "match": lambda: {"rows": match_file(path).total},
    }
    start = time.perf_counter()
    info = steps[step]()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "matching": matching["seconds"], "peak_mb": peak_memory_mb(), **info}


def run_child(step: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--measure", step, str(path)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="keep the generated workbooks in this folder")
    parser.add_argument("--measure", nargs=2, metavar=("STEP", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-writer-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = make_workbooks(folder)["synthetic 200 groups / 20,000 entries"]
    scratch = folder / "runs"
    scratch.mkdir(exist_ok=True)
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for step in STEPS:
            target = scratch / path.name
            shutil.copyfile(path, target)  # every step on a fresh copy of the same file
            result = run_child(step, target)
            if step not in best or result["seconds"] < best[step]["seconds"]:
                best[step] = result
    print(f"{path.name}: {path.stat().st_size / 1024:,.0f} KB, best of {args.repeat}")
    for step, r in best.items():
        extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "peak_mb", "matching"))
        print(f"  {step:<9} {r['seconds']:8.3f} s   peak {r['peak_mb']:7.1f} MB   {extra}")
    validate_ratio = best["validate"]["seconds"] / best["calamine"]["seconds"]
    match_ratio = best["match"]["seconds"] / best["openpyxl"]["seconds"]
    writer_only = best["match"]["seconds"] - best["match"]["matching"]
    print(f"  validate / calamine = {validate_ratio:.2f}x (limit {VALIDATE_LIMIT:g}x)")
    print(f"  match / openpyxl load+save = {match_ratio:.2f}x (limit {MATCH_LIMIT:g}x); "
          f"of match {best['match']['matching']:.2f} s is the domain's matching, the rest {writer_only:.2f} s "
          f"= {writer_only / best['openpyxl']['seconds']:.2f}x openpyxl")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if validate_ratio <= VALIDATE_LIMIT and match_ratio <= MATCH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
