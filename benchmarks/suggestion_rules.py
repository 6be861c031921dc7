"""Candidate rules for theme suggestion, measured over every set at once (issue 10, rounds 6 and 8).

Round 8 (first table): tie-breakers that let a suggestion become certain where the evidence is
split between close themes (coverage), each on the vocabulary as it is: where exactly one of the
close themes is in a context, it decides. Contexts: the themes of the same group's other entries
(the planner's, and the certain suggestions of a first pass; any kind or the same kind), the
themes the group's name points at, the themes named in the note's first sentence or in its first
clause that names any, and those named in a clause with a word of need (mangler, savner, kan ikke
…) or offer (kan, gerne, tilbyder …). The interview-note and suggestion sets have no groups: only
the contexts read from the text move them. A row also shows the vocabulary without round 8's
"more keywords than the runner-up" rule, to show what it adds.

Round 6 (second table): which certain theme suggestions that rest on one keyword should be questions.

Over every set (suggestions.json and interview_notes.json, train and held out, and the blank
entries of every estate), it takes the certain suggestions the vocabulary makes today and, for a
set of candidate rules, makes those resting on one strong hit (a whole word or a phrase)
uncertain where the rule says so. Per rule and set it prints right / wrong / none (an uncertain
suggestion counts as none; a note a planner could not place is right without one), the worst
set's share right and wrong, and the worst set's (right - 2 x wrong) / n: a wrong certain
suggestion both adds a noise row and hides the right one. Held-out entries are counted, never
printed. Run it on the code before a rule is adopted to compare the candidates on equal terms.

Held-out columns are left out unless --heldout (look at them once, at the end).

Usage: python benchmarks/suggestion_rules.py [--heldout]
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eval_match import HERE, SEALED, THEME_NAMES, THEME_NAMES_REV, vocabulary

from xlplugin.data import load_json
from xlplugin.domain.vocabulary import Suggestion, Vocabulary

LONG = 15  # words in a note of several statements
HELDOUT = "--heldout" in sys.argv[1:]


@dataclass
class Case:
    set: str
    kind: str
    right_themes: set[str]  # theme ids a planner accepts; empty: no suggestion is right
    found: Suggestion | None
    words: int = 0
    rival_strong: bool = False  # the runner-up has a whole word or phrase of its own
    rival: int = 0  # the runner-up's score


def cases(context: Callable[[dict, dict, int], frozenset[str]] | None = None) -> Iterator[tuple[str, str, str, bool, set[str], frozenset[str]]]:
    """(set, text, kind, a local actor's entry, right themes, the group's context); the
    held-out sets only with --heldout. ``context(estate, entry, index)`` gives the themes of the
    entry's group that a group prior may use (none by default)."""
    for file, label in (("suggestions.json", "sugg"), ("interview_notes.json", "notes")):
        for e in json.loads((HERE / file).read_text(encoding="utf-8"))["entries"]:
            if e["split"] == "heldout" and not HELDOUT:
                continue
            yield f"{label} {e['split']}", e["text"], e["kind"], False, {t for t in [e["theme"], *e.get("accept", [])] if t}, frozenset()
    for path in sorted(HERE.glob("estate_*.json")):
        if path.name.startswith(SEALED):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        local = {g["name"] for g in data["groups"] if g["location"] == "local_area"}
        for i, e in enumerate(data["entries"]):
            if not e.get("theme"):
                org = e["group"] in local
                ctx = context(data, e, i) if context else frozenset()
                yield data["name"], e["description"], e["kind"], org, set(e["expected_theme"]), ctx


def group_context(vocab: Vocabulary, same_kind: bool) -> Callable[[dict, dict, int], frozenset[str]]:
    """The themes of the group's other entries: the planner's, and a first pass's certain suggestions."""
    first: dict[tuple[str, int], str | None] = {}

    def theme_of(data: dict, e: dict, i: int) -> str | None:
        if e.get("theme"):
            return vocab.resolve(THEME_NAMES[e["theme"]])
        if (data["name"], i) not in first:
            local = {g["name"] for g in data["groups"] if g["location"] == "local_area"}
            org = e["group"] in local
            first[(data["name"], i)] = vocab.suggest(e["description"], need=e["kind"] == "need", organisation=org)
        return first[(data["name"], i)]

    def context(data: dict, entry: dict, index: int) -> frozenset[str]:
        return frozenset(
            t for i, e in enumerate(data["entries"])
            if i != index and e["group"] == entry["group"] and (not same_kind or e["kind"] == entry["kind"])
            and (t := theme_of(data, e, i)) is not None
        )

    return context


def name_context(vocab: Vocabulary) -> Callable[[dict, dict, int], frozenset[str]]:
    """The themes the group's name points at ("Unge uden læreplads": education)."""
    return lambda data, entry, index: frozenset(vocab.themes_in(entry["group"]))


_SENTENCE = re.compile(r"[.!?;:]\s|[-–]\s|\n")
_CLAUSE = re.compile(r"[.!?;:,\"'()]|\s[-–]\s")
NEED_CUES = ("mangl", "savn", "brug for", "kan ikk", "svært", "træng", "hjælp til", "ikke råd", "efterlys", "ønsk", "gid ikk", "tør ikk", "har ikk")
OFFER_CUES = ("kan", "gern", "tilbyd", "hjælp", "lån", "giv", "vil")


def first_sentence(vocab: Vocabulary) -> Callable[[str, str], frozenset[str]]:
    """The themes named strongly in the note's first sentence: a planner writes the point first."""
    return lambda text, kind: frozenset(vocab._scores(_SENTENCE.split(text, maxsplit=1)[0])[1])


def first_named(vocab: Vocabulary) -> Callable[[str, str], frozenset[str]]:
    """The themes named strongly in the first clause that names any: the one named first."""
    def context(text: str, kind: str) -> frozenset[str]:
        for clause in _CLAUSE.split(text):
            strong = vocab._scores(clause)[1]
            if strong:
                return frozenset(strong)
        return frozenset()
    return context


def cue_clause(vocab: Vocabulary) -> Callable[[str, str], frozenset[str]]:
    """The themes named strongly in a clause holding a word of need (mangler, savner, kan ikke …)
    for a need, or of offering (kan, gerne, tilbyder …) for a resource or interest."""
    def context(text: str, kind: str) -> frozenset[str]:
        cues = NEED_CUES if kind == "need" else OFFER_CUES
        out: set[str] = set()
        for clause in _CLAUSE.split(text):
            stems = " ".join(vocab.stems(clause))
            if any(cue in stems for cue in cues):
                out |= set(vocab._scores(clause)[1])
        return frozenset(out)
    return context


def score(found: Iterator[tuple[str, Suggestion | None, set[str]]]) -> dict[str, tuple[int, int, int]]:
    """right / wrong / none per set (uncertain counts as none)."""
    out: dict[str, list[int]] = {}
    for s, f, ok in found:
        cell = out.setdefault(s, [0, 0, 0])
        if f is None or not f.certain:
            cell[0 if not ok else 2] += 1
        elif THEME_NAMES_REV[f.theme] in ok:
            cell[0] += 1
        else:
            cell[1] += 1
    return {s: (a, b, c) for s, (a, b, c) in out.items()}


def coverage_rules(vocab: Vocabulary) -> None:
    """Round 8: each candidate alone and together; the figures per set and the worst set's."""
    candidates: dict[str, Callable[[dict, dict, int], frozenset[str]] | None] = {
        "none (as it is)": None,
        "group prior, other entries of any kind": group_context(vocab, False),
        "group prior, other entries of the same kind": group_context(vocab, True),
        "group prior, the group's name": name_context(vocab),
    }
    in_text = {"the note's first sentence": first_sentence(vocab), "the first clause naming a theme": first_named(vocab), "the clause with a word of need or offer": cue_clause(vocab)}
    table: dict[str, dict[str, tuple[int, int, int]]] = {}
    for label, context in candidates.items():
        table[label] = score(
            (s, vocab.suggestion(text, need=kind == "need", organisation=org, context=ctx), ok)
            for s, text, kind, org, ok, ctx in cases(context)
        )
    vocab.more_keywords = False  # the round-8 rule taken out, to show what it adds
    table["without round 8's 'more keywords than the runner-up'"] = score(
        (s, vocab.suggestion(text, need=kind == "need", organisation=org), ok) for s, text, kind, org, ok, _ in cases()
    )
    vocab.more_keywords = True
    for label, from_text in in_text.items():
        table[label] = score(
            (s, vocab.suggestion(text, need=kind == "need", organisation=org, context=from_text(text, kind)), ok)
            for s, text, kind, org, ok, _ in cases()
        )
    sets = list(next(iter(table.values())))
    print("| rule | " + " | ".join(sets) + " | right, all | wrong, all | none, all | worst right | worst wrong |")
    print("|---|" + "---|" * (len(sets) + 5))
    for label, per_set in table.items():
        cells = [f"{a}/{b}/{c}" for a, b, c in per_set.values()]
        totals = [sum(v[k] for v in per_set.values()) for k in range(3)]
        worst_right = min(a / (a + b + c) for a, b, c in per_set.values())
        worst_wrong = max(b / (a + b + c) for a, b, c in per_set.values())
        print(f"| {label} | " + " | ".join(cells) + f" | {totals[0]} | {totals[1]} | {totals[2]} | {100 * worst_right:.0f} % | {100 * worst_wrong:.1f} % |")
    print()


def main() -> int:
    vocab = vocabulary()
    coverage_rules(vocab)
    as_need = {link["need"] for link in load_json("themes.json")["compatibility"]} | {"usefulness"}
    general = {THEME_NAMES_REV[t] for t in vocab.general}
    out: list[Case] = []
    for split, text, kind, org, ok, _ in cases():
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
