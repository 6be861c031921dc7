"""Benchmark: what a ribbon button press costs in Python.

RunPython starts a new Python process for every press, so a press costs: interpreter
start-up, importing the entry point (``xlplugin.ribbon``), the action's own imports, then
the action. Excel cannot run here: the action runs on the example workbook through the live
adapter (``xlplugin.gateway.live``) with the openpyxl-backed xlwings test engine
(``tests/xlwings_engine.py``), so the times are Python's share; each read/write the adapter
makes is one round trip to Excel in real life, and those are counted.

Prints, best of --repeat fresh processes:
- start-up:   ``python -c pass`` and ``python -c "import xlplugin.ribbon"`` (wall time),
- importtime: ``python -X importtime -c "import xlplugin.ribbon"`` (the module's cumulative),
- per button, in a fresh process: importing xlwings (RunPython does), the entry point and the
              action's modules, then a first and a second press, and the round trips (bulk reads,
              bulk writes, hyperlinks, conditional formats) the adapter made.

Usage: python benchmarks/bench_ribbon.py [--repeat 5] [--lang da]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# What each button's action imports when it runs (the ribbon entry point imports none of it).
ACTION_MODULES = {
    "new": ["xlplugin.actions.new", "xlplugin.gateway.builder"],
    "validate": ["xlplugin.gateway.live", "xlplugin.actions.validate"],
    "match": ["xlplugin.gateway.live", "xlplugin.actions.match"],
    "help": [],
}

PRESS = r"""
import importlib, json, shutil, sys, time
t0 = time.perf_counter()
import xlwings.utils  # RunPython's own command starts with this
t1 = time.perf_counter()
import xlplugin.ribbon as ribbon
t2 = time.perf_counter()
for module in {modules!r}:
    importlib.import_module(module)
t3 = time.perf_counter()
sys.path.insert(0, {tests!r})
from xlwings_engine import CALLS, open_book
results = []
for attempt in range(2):
    shutil.copyfile({source!r}, {work!r})
    book = open_book({work!r})
    book.set_mock_caller()
    CALLS.clear()
    t = time.perf_counter()
    ribbon.run({control!r}, lang={lang!r}, addin_version="dev", path_hex={path_hex!r})
    results.append(time.perf_counter() - t)
    (alert,) = book.impl.app.alerts
    assert alert["mode"] == "info", alert
    if {control!r} == "new":
        import os; os.remove({target!r})
print(json.dumps({{"xlwings": t1 - t0, "entry": t2 - t1, "imports": t3 - t2, "first": results[0],
                  "second": results[1], "calls": dict(CALLS)}}))
"""


def wall(args: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def importtime(repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import xlplugin.ribbon"], capture_output=True, text=True, check=True
        ).stderr
        line = next(row for row in err.splitlines() if row.rstrip().endswith("| xlplugin.ribbon"))
        best = min(best, int(re.split(r"\s*\|\s*", line)[1]) / 1e6)
    return best


def press(control: str, source: Path, folder: Path, lang: str, repeat: int) -> dict:
    target = folder / "Ny.xlsx"
    path_hex = str(target).encode("utf-16-be").hex() if control == "new" else ""
    code = PRESS.format(
        tests=str(REPO / "tests"),
        source=str(source),
        work=str(folder / "work.xlsx"),
        control=control,
        modules=ACTION_MODULES[control],
        lang=lang,
        path_hex=path_hex,
        target=str(target),
    )
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    best = {key: min(run[key] for run in runs) for key in ("xlwings", "entry", "imports", "first", "second")}
    best["calls"] = runs[-1]["calls"]
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="da")
    args = parser.parse_args()

    from xlplugin.app import create_workbook
    from xlplugin.ribbon import ACTIONS

    print(f"Python {sys.version.split()[0]} on {sys.platform}; best of {args.repeat}")
    bare = wall([sys.executable, "-c", "pass"], args.repeat)
    entry = wall([sys.executable, "-c", "import xlplugin.ribbon"], args.repeat)
    print(f"start-up: python -c pass {bare * 1000:.0f} ms; import xlplugin.ribbon {entry * 1000:.0f} ms "
          f"(+{(entry - bare) * 1000:.0f} ms)")
    print(f"importtime: xlplugin.ribbon cumulative {importtime(args.repeat) * 1000:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "Eksempel.xlsx"
        create_workbook(source, lang=args.lang, example=True)
        print(f"example workbook: {source.stat().st_size / 1024:.0f} KiB")
        head = ("button", "xlwings", "entry", "imports", "1st press", "2nd press", "Python total")
        print("{:<9}{:>9}{:>8}{:>9}{:>11}{:>11}{:>14}  round trips to Excel".format(*head))
        for control in ACTIONS:
            r = press(control, source, folder, args.lang, args.repeat)
            total = bare + r["xlwings"] + r["entry"] + r["imports"] + r["first"]
            calls = ", ".join(f"{k} {v}" for k, v in sorted(r["calls"].items())) or "none"
            ms = [f"{r[k] * 1000:.0f} ms" for k in ("xlwings", "entry", "imports", "first", "second")]
            print("{:<9}{:>9}{:>8}{:>9}{:>11}{:>11}{:>14}  {}".format(control, *ms, f"{total * 1000:.0f} ms", calls))
        print("Python total = start-up + xlwings + entry point + the action's imports + 1st press")

if __name__ == "__main__":
    main()
