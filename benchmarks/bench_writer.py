"""Benchmark: the in-place writer on workbooks of 20,000 entries (issue 9).

Each step runs in a fresh process (modules imported before the clock starts; peak memory is
that step's), the steps take turns, the best of --repeat counts; both ratios come from one run:
- calamine:  python-calamine opening the file and reading every sheet's values,
- openpyxl:  openpyxl loading the workbook and saving it again (what the old writer did),
- validate:  the whole `xlplugin validate` (read, rules, findings sheet and marks, backup,
             atomic save) on 200 groups / 20,000 entries: limit 3× calamine,
- match:     the whole `xlplugin match` (read, matching, three tables written, backup, save):
             limit 1.5× openpyxl; also reported without the domain's matching (``matching``),
             which is the same whatever the writer. On 200 groups the domain's matching alone
             runs for minutes and takes gigabytes (a matter for matching, not the writer), so
             match runs on bench_match.py's 20 groups / 20,000 entries.

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
    from bench_match import synthetic_project as match_project

    from xlplugin.gateway.builder import write_new_workbook

    match_path = folder / "Match20.xlsx"
    write_new_workbook(match_project(20_000), "da", match_path)
    plan = [("calamine", path), ("openpyxl", path), ("validate", path), ("openpyxl", match_path), ("match", match_path)]
    scratch = folder / "runs"
    scratch.mkdir(exist_ok=True)
    best: dict[tuple[str, str], dict] = {}
    for _ in range(args.repeat):
        for step, source in plan:
            target = scratch / source.name
            shutil.copyfile(source, target)  # every step on a fresh copy of the same file
            result = run_child(step, target)
            key = (step, source.name)
            if key not in best or result["seconds"] < best[key]["seconds"]:
                best[key] = result
    print(f"best of {args.repeat}; {path.name} {path.stat().st_size / 1024:,.0f} KB (200 groups / 20,000 entries), "
          f"{match_path.name} {match_path.stat().st_size / 1024:,.0f} KB (20 groups / 20,000 entries)")
    for (step, name), r in best.items():
        extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "peak_mb", "matching"))
        print(f"  {step:<9} {name:<14} {r['seconds']:8.3f} s   peak {r['peak_mb']:7.1f} MB   {extra}")
    validate_ratio = best[("validate", path.name)]["seconds"] / best[("calamine", path.name)]["seconds"]
    match, load_save = best[("match", match_path.name)], best[("openpyxl", match_path.name)]["seconds"]
    match_ratio = match["seconds"] / load_save
    writer_only = match["seconds"] - match["matching"]
    print(f"  validate / calamine = {validate_ratio:.2f}x (limit {VALIDATE_LIMIT:g}x)")
    print(f"  match / openpyxl load+save = {match_ratio:.2f}x (limit {MATCH_LIMIT:g}x); "
          f"of match {match['matching']:.2f} s is the domain's matching, the rest {writer_only:.2f} s "
          f"= {writer_only / load_save:.2f}x openpyxl")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if validate_ratio <= VALIDATE_LIMIT and match_ratio <= MATCH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
