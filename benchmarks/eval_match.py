"""Evaluation of matching (step 3) and of theme suggestion on hand-written Danish estates.

The data in benchmarks/match_eval/ was written before running anything (see its README):
twelve estates with the interactions an experienced housing social worker expects, and 60
free-text entries with the theme a planner would choose (40 train, 20 held out).

Per estate it prints:
- rows:      interactions the matching produces;
- recall:    expected interactions found. An expected interaction is found by a row of the
             same form and one of its acceptable themes; for "benefit from each other's
             resources" the row's giver and receiver are the expected ones, for the two other
             forms the expected groups are all among the row's groups;
- kept:      rows that match an expected interaction;
- noise:     rows that match none of the expected AND break one of these rules (a planner
             would delete them):
               N1 facility: the giver is a local actor and the row rests on a facility (a room,
                  a kitchen, a hall) reached only through a link between two different themes,
                  e.g. a club house's kitchen "helps" with housekeeping, and on nothing
                  stronger than that or a weak link (N4);
               N2 vulnerable giver: a group marked vulnerable gives childcare, play, homework
                  help or care to others;
               N3 wrong suggestion: one side of the row rests only on entries without a theme
                  whose suggested theme is not one the planner would choose (this also
                  catches a common solution pairing unrelated needs);
               N4 weak generic link: a "benefit from each other's resources" row that rests
                  only on links of strength 2 or less between different themes;
             (N2 and N3 are checked first; a row breaks at most one rule in the counts)
             every other unexpected row counts as "discuss";
- top10:     noise rows among the first 10 rows (what a planner reads first);
- ranks:     the position of the first row of each form (1 = top), and of the first common
             solution / common third row;
- words:     the median (and max) length of the reasoning in words.
Then the theme-suggestion accuracy on the 60-entry set: right / wrong / none, where an
uncertain suggestion counts as none. The 20 held-out entries are only printed with
--heldout (evaluate them at the end, not while tuning). The same for round 4's 81 interview
notes (interview_notes.json: 54 train, 27 held out, whose misses are never printed).

With --answer, the planner first chooses the theme for the entries a run names as needing one
(uncertain or no suggestion; the expected theme is taken), and the figures are of the second run.

Estates in SEALED are held out and skipped unless --final: evaluate them once, at the end.

Usage: python benchmarks/eval_match.py [--heldout] [--final] [--estate NAME] [--rows] [--answer] [--json OUT]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
from pathlib import Path

from xlplugin.actions.match import special_themes
from xlplugin.data import load_json
from xlplugin.data.themes import package_theme_links, package_themes
from xlplugin.domain import matching
from xlplugin.domain import models as m
from xlplugin.domain.vocabulary import Vocabulary
from xlplugin.layout.words import Words

LANG = "da"
HERE = Path(__file__).resolve().parent / "match_eval"
THEME_NAMES = {th["id"]: th["name"] for th in load_json("themes.json")[LANG]}
CHILDREN_OR_CARE = {"childcare", "play", "homework", "care"}
WEAK = 2.0  # a link of this strength or less is weak
# Issue 10's targets, and the estates written after phase 1 and never tuned to.
TOP = 10  # noise rows among the first TOP rows: what a planner reads first
MAX_ROWS_TARGET, RECALL_TARGET, NOISE_TARGET, TOGETHER_RANK_TARGET, WORDS_TARGET = 40, 0.85, 0.10, 15, 35
SUGGESTION_TARGET = 0.75
HELD_OUT = {"Havnelyset", "Stationsparken", "Engtoften", "Tårnparken", "Roemarken", "Kuttergården", "Hjallesevænget", "Glentegården"}
# Held out and not yet evaluated: skipped unless --final (evaluate once, at the end of a round).
# Stationsparken (round 3), Engtoften (round 4), Tårnparken (round 5), Roemarken (round 6) and
# Kuttergården (round 7) have been evaluated: training data since. Seal a new one by its file name.
SEALED: tuple[str, ...] = ("estate_l_",)


def vocabulary() -> Vocabulary:
    return Vocabulary(package_themes(LANG), package_theme_links(LANG), LANG, **special_themes(LANG))


def run_match(project: m.Project, vocab: Vocabulary):
    """Matching's result with its rows rendered as the interaction sheet shows them (Danish)."""
    result = matching.match(project, vocab)
    words = Words(LANG)
    rows = [
        m.Interaction(**{f: words.value(getattr(p, f)) for f in m.Interaction.model_fields if hasattr(p, f)})
        for p in result.interactions
    ]
    return dataclasses.replace(result, interactions=rows)


def suggest(vocab: Vocabulary, text: str, kind: str) -> str | None:
    """A certain suggestion, or None (uncertain or nothing found)."""
    if hasattr(vocab, "suggestion"):
        found = vocab.suggestion(text, need=kind == "need")
        return found.theme if found is not None and found.certain else None
    return vocab.suggest(text)


def name(theme_id: str | None) -> str | None:
    return THEME_NAMES[theme_id] if theme_id else None


def load_estate(path: Path) -> tuple[dict, m.Project]:
    data = json.loads(path.read_text(encoding="utf-8"))
    project = m.Project(
        facts=m.ProjectFacts(name=data["name"], kind=m.ProjectKind(data["kind"])),
        groups=[
            m.ResidentGroup(**{k: v for k, v in g.items() if k != "vulnerable"}) for g in data["groups"]
        ],
        purposes=[m.SocialPurpose(**p) for p in data["purposes"]],
        characteristics=[m.Characteristic(**c) for c in data["characteristics"]],
        entries=[
            m.Entry(
                group=e["group"],
                kind=m.EntryKind(e["kind"]),
                theme=name(e.get("theme")),
                description=e["description"],
                priority=m.Priority(e["priority"]) if e.get("priority") else None,
            )
            for e in data["entries"]
        ],
        themes=package_themes(LANG),
        theme_links=package_theme_links(LANG),
    )
    return data, project


KNOWN_GROUPS: list[str] = []  # the estate's group names, longest first (names may hold commas)


def row_groups(row: m.Interaction) -> list[str]:
    """The groups a row names, read with the estate's names (a name may hold ", " itself)."""
    text = row.groups or ""
    if row.type is m.InteractionType.MUTUAL_RESOURCES:  # the giver, then its receivers (one or more)
        giver, receivers = text.split(m.GIVER_ARROW, 1)
        return [giver, *listed_groups(receivers)]
    return listed_groups(text)


def listed_groups(text: str) -> list[str]:
    found: list[str] = []
    for part in text.split(m.GROUP_LIST_SEPARATOR):
        if (found and f"{found[-1]}{m.GROUP_LIST_SEPARATOR}{part}" in KNOWN_GROUPS) or (found and found[-1] not in KNOWN_GROUPS):
            found[-1] = f"{found[-1]}{m.GROUP_LIST_SEPARATOR}{part}"
        else:
            found.append(part)
    return found


def matches_expected(row: m.Interaction, exp: dict) -> bool:
    if row.type is None or row.type.value != exp["form"]:
        return False
    if row.theme not in {THEME_NAMES[t] for t in exp["themes"]}:
        return False
    groups = row_groups(row)
    if exp["form"] == "mutual_resources":  # the expected giver, and the receiver among the row's
        return groups[0] == exp["groups"][0] and exp["groups"][1] in groups[1:]
    return set(exp["groups"]) <= set(groups)


class Judge:
    """Which entries stand behind a row, and whether the row breaks a noise rule."""

    def __init__(self, data: dict, project: m.Project, result, vocab: Vocabulary):
        self.vocab = vocab
        self.local = {g["name"] for g in data["groups"] if g["location"] == "local_area"}
        self.vulnerable = {g["name"] for g in data["groups"] if g.get("vulnerable")}
        self.entries = []  # (raw, effective theme name, suggested?)
        for raw, entry, suggestion in zip(data["entries"], project.entries, result.suggestions):
            theme = vocab.resolve(entry.theme) if entry.theme else (suggestion if isinstance(suggestion, str) else None)
            self.entries.append((raw, theme, entry.theme is None))

    def _side(self, group: str, kind: str, themes: dict[str, float]) -> list[tuple[dict, str, bool, float]]:
        return [
            (raw, theme, suggested, themes[theme])
            for raw, theme, suggested in self.entries
            if raw["group"] == group and raw["kind"] == kind and theme in themes
        ]

    @staticmethod
    def _wrong(side) -> bool:
        """Every entry on this side had its theme suggested, and wrongly."""
        return bool(side) and all(
            suggested and THEME_NAMES_REV.get(theme) not in raw.get("expected_theme", [])
            for raw, theme, suggested, _ in side
        )

    def noise(self, row: m.Interaction) -> str | None:
        groups = row_groups(row)
        if row.type is m.InteractionType.MUTUAL_RESOURCES:
            giver, *receivers = groups
            links = {row.theme: 5.0}
            for link in self.vocab.links_to(row.theme)[1:]:
                links.setdefault(link.resource_theme, link.strength)
            resources = self._side(giver, "resource", links)
            needs = [x for receiver in receivers for x in self._side(receiver, "need", {row.theme: 5.0})]
            if giver in self.vulnerable and THEME_NAMES_REV[row.theme] in CHILDREN_OR_CARE:
                return "N2"
            if self._wrong(resources) or self._wrong(needs):
                return "N3"
            facility = [giver in self.local and raw.get("nature") == "facility" and theme != row.theme for raw, theme, _, _ in resources]
            weak = [theme != row.theme and s <= WEAK for _, theme, _, s in resources]
            if resources and all(f or w for f, w in zip(facility, weak)):
                return "N1" if any(facility) else "N4"
            return None
        kind = "need" if row.type is m.InteractionType.COMMON_SOLUTION else "interest"
        for group in groups:
            side = self._side(group, kind, {row.theme: 5.0}) or self._side(group, "resource", {row.theme: 5.0})
            if self._wrong(side):
                return "N3"
        return None


THEME_NAMES_REV = {v: k for k, v in THEME_NAMES.items()}

FORM_SHORT = {
    m.InteractionType.MUTUAL_RESOURCES: "nytte",
    m.InteractionType.COMMON_SOLUTION: "løsning",
    m.InteractionType.COMMON_THIRD: "tredje",
}


def evaluate_estate(path: Path, vocab: Vocabulary, show_rows: bool, answer: bool = False, show_misses: bool = False) -> dict:
    data, project = load_estate(path)
    KNOWN_GROUPS[:] = [g["name"] for g in data["groups"]]
    result = run_match(project, vocab)
    if answer:  # the planner answers the sheet's questions: a theme for each entry it names
        for i in result.unsure:
            project.entries[i].theme = name(data["entries"][i]["expected_theme"][0])
        result = run_match(project, vocab)
    rows = result.interactions
    judge = Judge(data, project, result, vocab)
    found = [any(matches_expected(r, exp) for r in rows) for exp in data["expected"]]
    verdicts = []
    for r in rows:
        if any(matches_expected(r, exp) for exp in data["expected"]):
            verdicts.append("keep")
        else:
            verdicts.append(judge.noise(r) or "discuss")
    first = {}
    for i, r in enumerate(rows, 1):
        first.setdefault(r.type, i)
    together = min([first[k] for k in (m.InteractionType.COMMON_SOLUTION, m.InteractionType.COMMON_THIRD) if k in first], default=None)
    words = [len((r.reasoning or "").split()) for r in rows]
    blank = [(raw, theme) for raw, theme, suggested in judge.entries if suggested]
    blank_right = sum(1 for raw, theme in blank if THEME_NAMES_REV.get(theme) in raw.get("expected_theme", []))
    blank_none = sum(1 for _, theme in blank if theme is None)
    if show_misses and not path.name.startswith(SEALED):
        for raw, theme in blank:
            if THEME_NAMES_REV.get(theme) not in raw.get("expected_theme", []):
                verdict = "none " if theme is None else "WRONG"
                print(f"  [{data['name']}] {verdict} {raw['description']!r}: expected {'/'.join(raw['expected_theme'])}, got {THEME_NAMES_REV.get(theme)}")
    out = {
        "estate": data["name"],
        "groups": len(data["groups"]),
        "entries": len(data["entries"]),
        "rows": len(rows),
        "expected": len(found),
        "found": sum(found),
        "kept": verdicts.count("keep"),
        "discuss": verdicts.count("discuss"),
        "noise": sum(1 for v in verdicts if v.startswith("N")),
        "noise_by_rule": {k: verdicts.count(k) for k in ("N1", "N2", "N3", "N4") if verdicts.count(k)},
        "noise_top": sum(1 for v in verdicts[:TOP] if v.startswith("N")),
        "first_rank": {FORM_SHORT[k]: v for k, v in first.items()},
        "first_together": together,
        "words_median": statistics.median(words) if words else 0,
        "words_max": max(words, default=0),
        "blank_entries": len(blank),
        "blank_right": blank_right,
        "blank_none": blank_none,
        "missed": [f"{e['form']} {' → '.join(e['groups']) if e['form'] == 'mutual_resources' else ', '.join(e['groups'])} {'/'.join(e['themes'])}" for e, ok in zip(data["expected"], found) if not ok],
    }
    if show_rows:
        print(f"\n--- rows of {data['name']}")
        for i, (r, v) in enumerate(zip(rows, verdicts), 1):
            print(f"{i:3d} {v:7s} {r.score:4.1f} {FORM_SHORT[r.type]:7s} {r.groups} | {r.theme}")
    return out


def evaluate_suggestions(vocab: Vocabulary, splits: tuple[str, ...], show: bool, file: str = "suggestions.json") -> dict:
    """Right / wrong / none per split. An entry whose theme is null is one a planner could not
    place: no suggestion is right there, and any certain one is wrong."""
    data = json.loads((HERE / file).read_text(encoding="utf-8"))
    out = {}
    for split in splits:
        right = wrong = none = 0
        for e in data["entries"]:
            if e["split"] != split:
                continue
            got = suggest(vocab, e["text"], e["kind"])
            ok = {THEME_NAMES[t] for t in [e["theme"], *e["accept"]] if t}
            if got is None and not ok:
                right += 1
                verdict = "right"
            elif got is None:
                none += 1
                verdict = "none"
            elif got in ok:
                right += 1
                verdict = "right"
            else:
                wrong += 1
                verdict = "WRONG"
            if show and verdict != "right":
                print(f"  [{split}] {verdict:5s} {e['text']!r}: expected {e['theme']}, got {THEME_NAMES_REV.get(got)}")
        out[split] = {"right": right, "wrong": wrong, "none": none, "n": right + wrong + none}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--heldout", action="store_true", help="also evaluate the 20 held-out suggestion entries")
    ap.add_argument("--estate", help="only estates whose file name contains this")
    ap.add_argument("--rows", action="store_true", help="print every row with its verdict")
    ap.add_argument("--misses", action="store_true", help="print wrong and missing suggestions (estates' blank entries too)")
    ap.add_argument("--final", action="store_true", help="also evaluate the sealed held-out estates (once, at the end)")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--answer", action="store_true", help="the planner first chooses a theme for the entries the run says need one")
    args = ap.parse_args(argv)
    vocab = vocabulary()
    estates = []
    for path in sorted(HERE.glob("estate_*.json")):
        if args.estate and args.estate not in path.name:
            continue
        if path.name.startswith(SEALED) and not args.final:
            continue
        estates.append(evaluate_estate(path, vocab, args.rows, args.answer, args.misses))
    print(
        f"\n{'estate':16s} {'grp':>3s} {'ent':>3s} {'rows':>4s} {'recall':>9s} {'kept':>4s} {'disc':>4s} {'noise':>9s}"
        f" {'top10':>5s} {'1st nytte/løsn/tredje':>22s} {'words med/max':>13s} {'blank right/none':>16s}"
    )
    for e in estates:
        ranks = "/".join(str(e["first_rank"].get(k, "-")) for k in ("nytte", "løsning", "tredje"))
        noise = f"{e['noise']} ({100 * e['noise'] / max(e['rows'], 1):.0f}%)"
        blank = f"{e['blank_right']}/{e['blank_none']} of {e['blank_entries']}" if e["blank_entries"] else "-"
        print(
            f"{e['estate']:16s} {e['groups']:3d} {e['entries']:3d} {e['rows']:4d} {e['found']:3d}/{e['expected']:<2d}"
            f"{100 * e['found'] / e['expected']:3.0f}% {e['kept']:4d} {e['discuss']:4d} {noise:>9s}"
            f" {e['noise_top']:5d} {ranks:>22s} {e['words_median']:>6.0f}/{e['words_max']:<6d} {blank:>16s}"
        )
    print(
        "\ntargets (issue 10): rows <= 40, recall >= 85 %, noise <= 10 %, a common solution or third in the top 15,"
        " words median <= 35, entries without a theme >= 75 % right and at most 1 in 16 wrong"
    )
    for e in estates:
        checks = {
            "rows": e["rows"] <= MAX_ROWS_TARGET,
            "recall": e["found"] >= RECALL_TARGET * e["expected"],
            "noise": e["noise"] <= NOISE_TARGET * max(e["rows"], 1),
            "together": e["first_together"] is not None and e["first_together"] <= TOGETHER_RANK_TARGET,
            "words": e["words_median"] <= WORDS_TARGET,
            # the entries without a theme: >= 75 % right, at most one wrong in 16
            "suggestions": not e["blank_entries"] or (
                e["blank_right"] >= SUGGESTION_TARGET * e["blank_entries"]
                and 16 * (e["blank_entries"] - e["blank_right"] - e["blank_none"]) <= e["blank_entries"]
            ),
        }
        missed = [k for k, ok in checks.items() if not ok]
        tag = " (held out: not tuned to)" if e["estate"] in HELD_OUT else ""
        print(f"  {e['estate']:16s} {'all met' if not missed else 'missed: ' + ', '.join(missed)}{tag}")
    for e in estates:
        if e["noise_by_rule"] or e["missed"]:
            print(f"  {e['estate']}: noise {e['noise_by_rule']}; missed: {'; '.join(e['missed']) or '-'}")
    splits = ("train", "heldout") if args.heldout else ("train",)
    sugg = evaluate_suggestions(vocab, splits, args.misses)
    # Round 4's interview notes; their held-out third only with --heldout and never with --misses.
    notes = evaluate_suggestions(vocab, ("train",), args.misses, "interview_notes.json")
    if args.heldout:
        notes |= evaluate_suggestions(vocab, ("heldout",), False, "interview_notes.json")
    sugg |= {f"notes {k}": v for k, v in notes.items()}
    print("\ntheme suggestion (uncertain counts as none)")
    for split, s in sugg.items():
        print(f"  {split:13s} {s['right']:2d} right, {s['wrong']:2d} wrong, {s['none']:2d} none of {s['n']}"
              f"  ({100 * s['right'] / s['n']:.0f}% right, {100 * s['wrong'] / s['n']:.0f}% wrong)")
    if args.json:
        args.json.write_text(json.dumps({"estates": estates, "suggestions": sugg}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
