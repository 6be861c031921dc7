"""Which certain theme suggestions that rest on one keyword should be questions (issue 10, round 6).

Over every set (suggestions.json and interview_notes.json, train and held out, and the blank
entries of every estate), it takes the certain suggestions the vocabulary makes today and, for a
set of candidate rules, makes those resting on one strong hit (a whole word or a phrase)
uncertain where the rule says so. Per rule and set it prints right / wrong / none (an uncertain
suggestion counts as none; a note a planner could not place is right without one), the worst
set's share right and wrong, and the worst set's (right - 2 x wrong) / n: a wrong certain
suggestion both adds a noise row and hides the right one. Held-out entries are counted, never
printed. Run it on the code before a rule is adopted to compare the candidates on equal terms.

Usage: python benchmarks/suggestion_rules.py
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eval_match import HERE, THEME_NAMES_REV, vocabulary

from xlplugin.data import load_json
from xlplugin.domain.vocabulary import Suggestion

LONG = 15  # words in a note of several statements


@dataclass
class Case:
    set: str
    kind: str
    right_themes: set[str]  # theme ids a planner accepts; empty: no suggestion is right
    found: Suggestion | None
    words: int = 0
    rival_strong: bool = False  # the runner-up has a whole word or phrase of its own
    rival: int = 0  # the runner-up's score


def cases() -> Iterator[tuple[str, str, str, bool, set[str]]]:
    for file, label in (("suggestions.json", "sugg"), ("interview_notes.json", "notes")):
        for e in json.loads((HERE / file).read_text(encoding="utf-8"))["entries"]:
            yield f"{label} {e['split']}", e["text"], e["kind"], False, {t for t in [e["theme"], *e.get("accept", [])] if t}
    for path in sorted(HERE.glob("estate_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        local = {g["name"] for g in data["groups"] if g["location"] == "local_area"}
        for e in data["entries"]:
            if not e.get("theme"):
                org = e["kind"] == "resource" and e["group"] in local
                yield data["name"], e["description"], e["kind"], org, set(e["expected_theme"])


def main() -> int:
    vocab = vocabulary()
    as_need = {link["need"] for link in load_json("themes.json")["compatibility"]} | {"usefulness"}
    general = {THEME_NAMES_REV[t] for t in vocab.general}
    out: list[Case] = []
    for split, text, kind, org, ok in cases():
        found = vocab.suggestion(text, need=kind == "need", organisation=org)
        case = Case(split, kind, ok, found)
        if found is not None and found.certain and found.evidence == 1:
            scores, strong = vocab._scores(text)  # the evidence behind the suggestion
            case.words = len(vocab.stems(text))
            case.rival = scores.get(found.runner_up, 0) if found.runner_up else 0
            case.rival_strong = bool(found.runner_up and strong.get(found.runner_up))
        out.append(case)

    def no_need(c: Case) -> bool:
        return c.kind == "need" and c.found is not None and THEME_NAMES_REV[c.found.theme] not in as_need | general

    def long_contested(c: Case) -> bool:
        return c.rival_strong and c.words > LONG

    rules: dict[str, Callable[[Case], bool]] = {
        "never (today)": lambda c: False,
        "A need, theme no link needs": no_need,
        "B runner-up has a strong hit": lambda c: c.rival_strong,
        f"C more than {LONG} words": lambda c: c.words > LONG,
        f"D need, more than {LONG} words": lambda c: c.kind == "need" and c.words > LONG,
        f"E any rival, more than {LONG} words": lambda c: c.rival > 0 and c.words > LONG,
        f"F strong rival, more than {LONG} words": long_contested,
        "A + F": lambda c: no_need(c) or long_contested(c),
        "A + E": lambda c: no_need(c) or (c.rival > 0 and c.words > LONG),
        "A + B": lambda c: no_need(c) or c.rival_strong,
    }
    sets = list(dict.fromkeys(c.set for c in out))
    print("| rule | " + " | ".join(sets) + " | worst right | worst wrong | wrong / right, all | worst score |")
    for name, rule in rules.items():
        cells, worst_right, worst_wrong, worst_score, wrong_all, right_all = [], 1.0, 0.0, 1.0, 0, 0
        for s in sets:
            right = wrong = none = 0
            for c in (c for c in out if c.set == s):
                f = c.found
                certain = f is not None and f.certain and not (f.evidence == 1 and rule(c))
                if f is None or not certain:
                    right, none = (right + 1, none) if not c.right_themes else (right, none + 1)
                elif THEME_NAMES_REV[f.theme] in c.right_themes:
                    right += 1
                else:
                    wrong += 1
            n = right + wrong + none
            cells.append(f"{right}/{wrong}/{none}")
            worst_right, worst_wrong = min(worst_right, right / n), max(worst_wrong, wrong / n)
            worst_score = min(worst_score, (right - 2 * wrong) / n)
            wrong_all, right_all = wrong_all + wrong, right_all + right
        print(f"| {name} | " + " | ".join(cells)
              + f" | {100 * worst_right:.0f} % | {100 * worst_wrong:.1f} % | {wrong_all} / {right_all} | {worst_score:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
