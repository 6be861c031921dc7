"""Benchmark: merging two copies of the 20,000-entry workbook (issue 15).

The target is bench_validate's synthetic workbook (200 groups, 20,000 entries). Two colleagues'
copies of it are made as the in-place writer saves them: the first adds 10 groups and 1,000
entries and changes the priority of 100 entries (100 conflicts); the second adds 500 entries
and 20 reality-check rows. Each step runs in a fresh process on a fresh copy of the target
(modules imported before the clock starts; peak memory is that step's), the steps take turns,
the best of --repeat counts:
- calamine: python-calamine reading every sheet of the three files (the floor for reading them),
- merge:    the whole `xlplugin merge TARGET COPY1 COPY2` (read three workbooks, rules on the
            copies, entries and groups tables and the merge log written, backup, atomic save),
- again:    merging the same two copies into the merged workbook (everything found, nothing
            written: the idempotent second run).

Usage: python benchmarks/bench_merge.py [--repeat 3] [--keep DIR]
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

STEPS = ("calamine", "merge", "again")


def _edit(path: Path, table_key: str, change) -> None:
    """Rows changed and added as a planner's saved copy has them (the in-place writer)."""
    from xlplugin.gateway.file import open_workbook
    from xlplugin.layout import spec
    from xlplugin.layout.names import column_indexes

    with open_workbook(path) as gateway:
        raw = gateway.read_table(table_key)
        assert raw is not None
        rows = [list(row) for row in raw.rows if any(v is not None for v in row)]
        n = len(rows)
        change(rows, column_indexes(raw, spec.table(table_key)), len(raw.headers))
        gateway.write_table(table_key, raw.headers, rows, [*range(n), *[None] * (len(rows) - n)])
        gateway.commit()
    Path(f"{path}.bak").unlink()


def make_copies(target: Path) -> tuple[Path, Path]:
    from xlplugin.layout.texts import texts

    t = texts("da")
    first, second = target.with_name("Kopi1.xlsx"), target.with_name("Kopi2.xlsx")
    shutil.copyfile(target, first)
    shutil.copyfile(target, second)

    def groups(rows, index, width):
        for i in range(10):
            row = [None] * width
            row[index["name"]], row[index["location"]] = f"Ny gruppe {i + 1}", t.choice("location", "building")
            rows.append(row)

    def entries(count, prefix, change_priority):
        def edit(rows, index, width):
            if change_priority:
                for row in rows[:100]:
                    row[index["priority"]] = t.choice("priority", "low") if row[index["priority"]] != t.choice("priority", "low") else t.choice("priority", "high")
            for i in range(count):
                row = [None] * width
                row[index["group"]] = "Ny gruppe 1" if prefix == "A" else "Gruppe 001"
                row[index["kind"]] = t.choice("entry_kind", "need")
                row[index["description"]] = f"Nyt behov {prefix}{i + 1} fra interview"
                rows.append(row)
        return edit

    def constraints(rows, index, width):
        for i in range(20):
            row = [None] * width
            row[index["constraint"]] = f"Begrænsning {i + 1}"
            rows.append(row)

    _edit(first, "groups", groups)
    _edit(first, "entries", entries(1000, "A", True))
    _edit(second, "entries", entries(500, "B", False))
    _edit(second, "constraints", constraints)
    return first, second


def measure(step: str, target: Path, copies: list[Path]) -> dict:
    from python_calamine import CalamineWorkbook

    from xlplugin.app import merge_files

    def calamine() -> dict:
        rows = 0
        for path in (target, *copies):
            book = CalamineWorkbook.from_path(str(path))
            rows += sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
        return {"rows": rows}

    def merge() -> dict:
        summary = merge_files(target, copies)
        return {
            "added": sum(c.added for c in summary.counts.values()),
            "conflicts": summary.conflicts,
            "written": summary.saved.path is not None,
        }

    start = time.perf_counter()
    info = {"calamine": calamine, "merge": merge, "again": merge}[step]()
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_memory_mb(), **info}


def run_child(step: str, target: Path, copies: list[Path]) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", step, str(target), *map(str, copies)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="keep the generated workbooks in this folder")
    parser.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        step, target, *copies = args.measure
        print(json.dumps(measure(step, Path(target), [Path(c) for c in copies])))
        return 0
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-merge-"))
    folder.mkdir(parents=True, exist_ok=True)
    target = make_workbooks(folder)["synthetic 200 groups / 20,000 entries"]
    copies = list(make_copies(target))
    merged = folder / "Merged.xlsx"
    scratch = folder / "runs"
    scratch.mkdir(exist_ok=True)
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for step in STEPS:
            run_on = scratch / target.name
            if step == "again":
                shutil.copyfile(merged, run_on)
            else:
                shutil.copyfile(target, run_on)  # a fresh copy of the target every run
            result = run_child(step, run_on, copies)
            if step == "merge" and not merged.exists():
                shutil.copyfile(run_on, merged)
            if step not in best or result["seconds"] < best[step]["seconds"]:
                best[step] = result
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1024:,.0f} KB" for p in (target, *copies))
    print(f"best of {args.repeat}; {sizes}")
    for step, r in best.items():
        extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "peak_mb"))
        print(f"  {step:<9} {r['seconds']:8.3f} s   peak {r['peak_mb']:7.1f} MB   {extra}")
    print(f"  merge / calamine = {best['merge']['seconds'] / best['calamine']['seconds']:.2f}x")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
