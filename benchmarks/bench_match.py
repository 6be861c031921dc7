"""Benchmark: matching (step 3) on synthetic workbooks of 2,000, 20,000 and 200,000 entries.

The theme vocabulary (25 themes, 64 links) and the groups (20, two of them in the local area)
stay fixed; only the number of entries grows. Like real resident groups, each group has a
profile: its needs fall in 6 themes, its resources in 6 and its interests in 3 (drawn once
per group); 10 % of the entries have no theme and get one suggested from their text.
For each size it prints:
- read:   opening the workbook and reading it into a Project (python-calamine + the reader),
- match:  the matching engine itself (pure: suggestions, index, rows, reasoning),
          both as the best of --repeat runs,
- rows:   interactions produced (one per type, groups and theme, so bounded by the groups and
          themes, not by the entries),
- action: the whole `xlplugin match` (read, match, write back with openpyxl, atomic save);
          only up to --action-max entries, as openpyxl needs minutes for the largest file.

Usage: python benchmarks/bench_match.py [--sizes 2000 20000 200000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from xlplugin.actions import match as match_action
from xlplugin.actions.new import starter_project
from xlplugin.app import match_file
from xlplugin.data import load_json
from xlplugin.domain import models as m
from xlplugin.domain.matching import match
from xlplugin.gateway.builder import write_new_workbook
from xlplugin.gateway.file import open_workbook
from xlplugin.layout.reader import read_project

LANG = "da"
GROUPS = 20
LOCAL_GROUPS = 2
WITHOUT_THEME = 0.1  # share of entries with no theme: they need a suggestion from their text
KINDS = [m.EntryKind.NEED] * 45 + [m.EntryKind.RESOURCE] * 45 + [m.EntryKind.INTEREST] * 10
PROFILE = {m.EntryKind.NEED: 6, m.EntryKind.RESOURCE: 6, m.EntryKind.INTEREST: 3}  # themes per group
FILLERS = ["hjælp til", "gerne", "i hverdagen", "sammen med andre", "om aftenen", "i weekenden", "for de mindste"]


def synthetic_project(n_entries: int, seed: int = 4) -> m.Project:
    rng = random.Random(seed)
    project = starter_project(LANG)
    themes = load_json("themes.json")[LANG]
    project.groups = [
        m.ResidentGroup(
            name=f"Gruppe {i + 1:02d}",
            location=m.Location.LOCAL_AREA if i < LOCAL_GROUPS else m.Location.BUILDING,
            share_pct=round(100 / (GROUPS - LOCAL_GROUPS), 2) if i >= LOCAL_GROUPS else None,
        )
        for i in range(GROUPS)
    ]
    project.purposes = [
        m.SocialPurpose(purpose="Bekæmpe social isolation blandt ældre", target_group="Gruppe 03", priority=m.Priority.HIGH),
        m.SocialPurpose(purpose="Styrke unges uddannelse og job", target_group="Gruppe 04"),
    ]
    profiles = [{kind: rng.sample(themes, n) for kind, n in PROFILE.items()} for _ in range(GROUPS)]
    entries = []
    for i in range(n_entries):
        group, kind = rng.randrange(GROUPS), rng.choice(KINDS)
        theme = rng.choice(profiles[group][kind])
        keyword = rng.choice(theme["keywords"].split(", "))
        entries.append(
            m.Entry(
                group=f"Gruppe {group + 1:02d}",
                kind=kind,
                theme=None if rng.random() < WITHOUT_THEME else theme["name"],
                description=f"{keyword.capitalize()} {rng.choice(FILLERS)} (nr. {i + 1})",
                priority=rng.choice([None, m.Priority.HIGH, m.Priority.MEDIUM, m.Priority.LOW]),
            )
        )
    project.entries = entries
    return project


def timed(fn, repeat: int = 1):
    """The result, and the best wall and CPU time of ``repeat`` runs (the machine may be busy)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
    return result, wall, cpu


def bench(size: int, folder: Path, action_max: int, repeat: int) -> dict:
    path = folder / f"match-{size}.xlsx"
    if not path.exists():
        write_new_workbook(synthetic_project(size), LANG, path)
    read, read_s, read_cpu = timed(lambda: read_project(open_workbook(path)), repeat)
    assert len(read.project.entries) == size, (len(read.project.entries), size)
    vocabulary, _ = match_action.vocabulary_of(read)
    result, match_s, match_cpu = timed(lambda: match(read.project, vocabulary), repeat)
    row = {
        "size": size,
        "read": read_s,
        "read_cpu": read_cpu,
        "match": match_s,
        "match_cpu": match_cpu,
        "rows": len(result.interactions),
        "action": None,
    }
    if size <= action_max:
        work = folder / f"match-{size}-action.xlsx"
        shutil.copyfile(path, work)
        _, row["action"], _ = timed(lambda: match_file(work))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 200000])
    parser.add_argument("--action-max", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs for read and match")
    parser.add_argument("--keep", type=Path, help="keep the synthetic workbooks in this folder (and reuse them)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-match-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{GROUPS} groups, 25 themes, Python {sys.version.split()[0]}")
    print("seconds: wall (CPU), best of", args.repeat)
    print(f"{'entries':>8} {'read':>14} {'match':>14} {'match/read':>10} {'µs/entry':>9} {'rows':>6} {'action':>7}")
    try:
        for size in args.sizes:
            r = bench(size, folder, args.action_max, args.repeat)
            action = f"{r['action']:7.2f}" if r["action"] is not None else f"{'-':>7}"
            print(
                f"{r['size']:>8} {r['read']:6.2f} ({r['read_cpu']:5.2f}) {r['match']:6.2f} ({r['match_cpu']:5.2f})"
                f" {r['match'] / r['read']:10.2f} {r['match'] / r['size'] * 1e6:9.1f} {r['rows']:>6} {action}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
