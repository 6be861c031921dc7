"""Benchmark: validating the example and a large synthetic workbook (200 groups, 20,000 entries).

For each workbook it prints, each measured in a fresh process (so peak memory is that step's):
- calamine:  python-calamine opening the file and reading every sheet's values (the baseline),
- read:      what validation reads: open_workbook (checks + calamine) and read_project,
             and its ratio to the calamine baseline (must be <= 3),
- check:     read + all rules (no writing),
- validate:  the whole `xlplugin validate` (read, rules, findings sheet and marks via openpyxl,
             backup and atomic save).
Times are the best of --repeat runs; memory is the peak resident set size of the process.

Usage: python benchmarks/bench_validate.py [--repeat 3] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANG = "da"
GROUPS = 200
ENTRIES = 20_000
MAX_RATIO = 3.0
INNER_REPEAT = 5
STEPS = ("calamine", "read", "check", "validate")


def synthetic_project(seed: int = 3):
    from xlplugin.actions.new import starter_project
    from xlplugin.domain import models as m

    rng = random.Random(seed)
    project = starter_project(LANG)
    themes = [t.name for t in project.themes]
    project.groups = [
        m.ResidentGroup(
            name=f"Gruppe {i + 1:03d}",
            location=m.Location.BUILDING if i < 100 else m.Location.LOCAL_AREA,
            share_pct=1.0 if i < 100 else None,
            culture_bearing=i % 7 == 0,
            age=rng.choice(["65+ år", "25-45 år", "18-25 år", "Blandet"]),
            source=rng.choice(list(m.KnowledgeSource)),
        )
        for i in range(GROUPS)
    ]
    project.purposes = [m.SocialPurpose(purpose="Bekæmpe social isolation blandt ældre beboere", priority=m.Priority.HIGH)]
    kinds = [m.EntryKind.NEED, m.EntryKind.RESOURCE, m.EntryKind.INTEREST]
    project.entries = [
        m.Entry(
            group=project.groups[i % GROUPS].name,
            kind=kinds[i % 3],
            theme=rng.choice(themes),
            description=f"Behov eller ressource nummer {i + 1} om {rng.choice(themes).lower()} i hverdagen",
            method=rng.choice(["Interview med beboere", "Besøg", "Eksperter"]),
            priority=rng.choice(list(m.Priority)),
        )
        for i in range(ENTRIES)
    ]
    return project


def make_workbooks(folder: Path) -> dict[str, Path]:
    from xlplugin.app import create_workbook
    from xlplugin.gateway.builder import write_new_workbook

    example = folder / "Eksempel.xlsx"
    create_workbook(example, LANG, example=True)
    large = folder / "Stor.xlsx"
    write_new_workbook(synthetic_project(), LANG, large)
    return {"example": example, "synthetic 200 groups / 20,000 entries": large}


# --- one measurement, run in a child process ---------------------------------------------------
def measure(step: str, path: Path) -> dict:
    """One step on ``path``; modules are imported before the clock starts (a ribbon click has them)."""
    from python_calamine import CalamineWorkbook

    from xlplugin.actions.validate import check
    from xlplugin.app import validate_file
    from xlplugin.gateway.file import open_workbook
    from xlplugin.layout.reader import read_project

    def calamine() -> dict:
        book = CalamineWorkbook.from_path(str(path))
        return {"rows": sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)}

    steps = {
        "calamine": calamine,
        "read": lambda: {"entries": len(read_project(open_workbook(path)).project.entries)},
        "check": lambda: {"findings": len(check(open_workbook(path)).findings)},
        "validate": lambda: {"findings": len(validate_file(path).findings)},
    }
    # Reading steps run several times in the process and the best counts: the example reads in
    # milliseconds, where one run says more about the machine's noise than about the code.
    # validate writes the file, so it runs once (the parent gives each run a fresh copy).
    run = steps[step]
    best, info = float("inf"), {}
    for _ in range(1 if step == "validate" else INNER_REPEAT):
        start = time.perf_counter()
        info = run()
        best = min(best, time.perf_counter() - start)
    return {"seconds": best, "peak_mb": peak_memory_mb(), **info}


def peak_memory_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would include the parent's on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(step: str, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", step, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def best_of(path: Path, repeat: int, scratch: Path) -> dict[str, dict]:
    """Each step's best run; the steps take turns, so a busy machine slows them alike."""
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for step in STEPS:
            target = path
            if step == "validate":  # validate writes: give each run a fresh copy
                target = scratch / path.name
                shutil.copyfile(path, target)
            result = run_child(step, target)
            if step not in best or result["seconds"] < best[step]["seconds"]:
                best[step] = result
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="keep the generated workbooks in this folder")
    parser.add_argument("--measure", nargs=2, metavar=("STEP", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-validate-"))
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / "runs"
    scratch.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    books = make_workbooks(folder)
    print(f"workbooks generated in {time.perf_counter() - t0:.1f} s")
    ok = True
    for label, path in books.items():
        size = path.stat().st_size / 1024
        results = best_of(path, args.repeat, scratch)
        ratio = results["read"]["seconds"] / results["calamine"]["seconds"]
        ok &= ratio <= MAX_RATIO
        print(f"\n{label}: {path.name}, {size:,.0f} KB")
        for step, r in results.items():
            extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "peak_mb"))
            print(f"  {step:<9} {r['seconds']:8.3f} s   peak {r['peak_mb']:7.1f} MB   ({extra})")
        print(f"  read / calamine = {ratio:.2f}x (limit {MAX_RATIO:.0f}x)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
