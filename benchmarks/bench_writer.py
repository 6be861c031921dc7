"""Benchmark: the in-place writer on the workbook of 200 groups and 20,000 entries (issue 9).

Each step runs in a fresh process (modules imported before the clock starts, as a ribbon click
has them, also those `xlplugin.app` imports only when an action runs; peak memory is that
step's), the steps take turns, --repeat rounds; the best counts, and the spread (the worst,
and each round's own ratios) is printed, and the ratios in CPU time (less moved by other
processes on a busy machine). Both ratios come from one run:
- calamine:  python-calamine opening the file and reading every sheet's values,
- openpyxl:  openpyxl loading the workbook and saving it again (what the old writer did),
- validate:  the whole `xlplugin validate` (read, rules, the personal-data scan of every cell,
             findings sheet and marks, backup, atomic save): limit 3× calamine,
- match:     the whole `xlplugin match` (read, matching, three tables written, backup, save):
             limit 1.5× openpyxl; the domain's matching is also timed on its own (``matching``);
- calamine process, validate process: the same as whole processes (python start-up, imports).

Usage: python benchmarks/bench_writer.py [--repeat 5] [--keep DIR]
"""
from __future__ import annotations

import argparse
import importlib
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
PROCESSES = ("calamine process", "validate process")  # the same, whole processes: start-up and imports too
LOADED = (
    "xlplugin.actions.validate", "xlplugin.gateway.file", "xlplugin.gateway.edit", "xlplugin.gateway.sheet_ops",
    "xlplugin.gateway.comments", "xlplugin.domain.evaluation", "filelock",
)
CALAMINE_SCRIPT = (
    "import sys; from python_calamine import CalamineWorkbook; book = CalamineWorkbook.from_path(sys.argv[1]); "
    "[book.get_sheet_by_name(name).to_python() for name in book.sheet_names]"
)


def measure(step: str, path: Path) -> dict:
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    import xlplugin.actions.match as match_action
    from xlplugin.app import match_file, validate_file

    for module in LOADED:  # what `xlplugin.app` imports only when an action runs
        importlib.import_module(module)

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
    start, cpu = time.perf_counter(), time.process_time()
    info = steps[step]()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "matching": matching["seconds"], "peak_mb": peak_memory_mb(), **info}


def run_child(step: str, path: Path) -> dict:
    if step in PROCESSES:  # the wall time of the whole process
        script = CALAMINE_SCRIPT if step == "calamine process" else "import sys; from xlplugin.cli import main; sys.exit(main())"
        args = [str(path)] if step == "calamine process" else ["validate", str(path)]
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, *args], capture_output=True, check=False)
        return {"seconds": time.perf_counter() - start, "peak_mb": 0.0}
    proc = subprocess.run([sys.executable, __file__, "--measure", step, str(path)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", help="keep the generated workbook in this folder")
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
    runs: dict[str, list[dict]] = {step: [] for step in STEPS + PROCESSES}
    for _ in range(args.repeat):
        for step in STEPS + PROCESSES:
            target = scratch / path.name
            shutil.copyfile(path, target)  # every step on a fresh copy of the same file
            runs[step].append(run_child(step, target))
    best = {step: min(results, key=lambda r: r["seconds"]) for step, results in runs.items()}
    print(f"best of {args.repeat} (worst in brackets); {path.name} {path.stat().st_size / 1024:,.0f} KB "
          "(200 groups / 20,000 entries)")
    for step, r in best.items():
        worst = max(x["seconds"] for x in runs[step])
        extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "peak_mb", "matching", "cpu"))
        if step in STEPS:
            extra = f"CPU {min(x['cpu'] for x in runs[step]):.3f} s" + (f", {extra}" if extra else "")
        peak = f"peak {r['peak_mb']:7.1f} MB" if step in STEPS else "(whole process)"
        print(f"  {step:<16} {r['seconds']:7.3f} s ({worst:6.3f})   {peak}   {extra}")
    validate_ratio = best["validate"]["seconds"] / best["calamine"]["seconds"]
    match, load_save = best["match"], best["openpyxl"]["seconds"]
    match_ratio = match["seconds"] / load_save
    print(f"  validate / calamine = {validate_ratio:.2f}x (limit {VALIDATE_LIMIT:g}x)")
    print(f"  match / openpyxl load+save = {match_ratio:.2f}x (limit {MATCH_LIMIT:g}x); "
          f"of match {match['matching']:.2f} s is the domain's matching")
    cpu = {step: min(x["cpu"] for x in runs[step]) for step in STEPS}
    print(f"  in CPU time (best of each): validate / calamine = {cpu['validate'] / cpu['calamine']:.2f}x, "
          f"match / openpyxl = {cpu['match'] / cpu['openpyxl']:.2f}x")
    process_ratio = best["validate process"]["seconds"] / best["calamine process"]["seconds"]
    print(f"  as whole processes (start-up and imports in the clock): validate / calamine = {process_ratio:.2f}x")
    rounds = [
        (runs["validate"][i]["seconds"] / runs["calamine"][i]["seconds"], runs["match"][i]["seconds"] / runs["openpyxl"][i]["seconds"])
        for i in range(args.repeat)
    ]
    print("  each round: validate/calamine " + ", ".join(f"{v:.2f}" for v, _ in rounds)
          + "; match/openpyxl " + ", ".join(f"{m:.2f}" for _, m in rounds))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if validate_ratio <= VALIDATE_LIMIT and match_ratio <= MATCH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
