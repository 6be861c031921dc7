"""Candidate matching rules measured on every estate, with and without the planner's answers
(issue 10, round 7).

Each candidate is put into the matcher for one run of ``eval_match.py``'s figures over every
estate not sealed (a rule tried and not kept is added; a kept rule is taken out), and the sums
over the estates are printed as the change against the matcher as it is: recall (expected
interactions found), kept, discuss and noise rows, rows; and the estates then over 40 rows or
over 10 % noise. A rule is worth keeping when it finds more than it adds to discuss and noise.

Usage: python benchmarks/match_rules.py
"""
from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any

from eval_match import HERE, SEALED, evaluate_estate, vocabulary

from xlplugin.domain import matching_forms as forms
from xlplugin.domain import models as m
from xlplugin.domain.vocabulary import Link

Found = list[tuple[str, str, str, Any]]  # (giver, receiver, need theme, what the giver brings)
KEPT_HELPERS = forms.Rows._helpers
KEPT_NEEDS_MET = forms.Rows._needs_met
KEPT_AKIN = forms.Rows._akin
KEPT_WEAK_ROWS = forms.Rows._weak_rows


def interest_for_actors(own_offer: bool) -> Callable[[forms.Rows], Found]:
    """A resident group's interest of the same or a strongly linked theme answers a local actor's
    need (boxers for the boxing club's children's team); ``own_offer``: only an interest in a
    theme the actor itself offers."""

    def helpers(self: forms.Rows) -> Found:
        found: Found = KEPT_HELPERS(self)
        needs, resources, interests = (self.cells[k] for k in (m.EntryKind.NEED, m.EntryKind.RESOURCE, m.EntryKind.INTEREST))
        for need_theme, receivers in needs.items():
            for receiver in receivers:
                if not self.groups[receiver].external:
                    continue
                for link in self.vocab.links_to(need_theme):
                    if link.strength < forms.STRONG or (own_offer and receiver not in resources.get(link.resource_theme, {})):
                        continue
                    for giver, cell in interests.get(link.resource_theme, {}).items():
                        if not self.groups[giver].external:
                            found.append((giver, receiver, need_theme, forms._Brought(cell, link, False, True)))
        return found

    return helpers


def hands_for_any_need(with_free_time: bool) -> Callable[[forms.Rows], Found]:
    """A group that needs to feel useful gives hands to any need of a local actor (the kept rule:
    only to an actor asking for time); ``with_free_time``: only a group with free time."""

    def helpers(self: forms.Rows) -> Found:
        found: Found = KEPT_HELPERS(self)
        needs, resources = self.cells[m.EntryKind.NEED], self.cells[m.EntryKind.RESOURCE]
        useful = self.vocab.useful_theme
        if not useful:
            return found
        hands = Link(useful, forms.STRONG, None)
        for need_theme in needs.keys() - {useful} - self.vocab.general:
            for receiver in needs[need_theme]:
                if not self.groups[receiver].external:
                    continue
                for giver, cell in needs.get(useful, {}).items():
                    has_time = any(giver in resources.get(t, {}) for t in self.vocab.general)
                    if not self.groups[giver].external and (has_time or not with_free_time):
                        found.append((giver, receiver, need_theme, forms._Brought(cell, hands, False, True)))
        return found

    return helpers


def third_on_the_same_theme(self: forms.Rows, theme: str, needs: dict, exclude: str | None) -> dict:
    """An interest also meets another group's need of its own theme, as a common third."""
    met = KEPT_NEEDS_MET(self, theme, needs, exclude)
    for key, cell in needs.get(theme, {}).items():
        if cell not in met[key]:
            met[key].append(cell)
    return met


def weak_only_where_asked(self: forms.Rows, blocks: list, strong: list) -> None:
    """Round 8: a weak link is shown only where step 1 asks for the group and theme, no longer as
    the stand-in answer to a need that gets no stronger one."""
    KEPT_WEAK_ROWS(self, blocks, strong)
    for b in blocks:
        if not b.strong and b.stand_ins:
            b.receivers = b.receivers - b.stand_ins
            b.stand_ins = set()


CANDIDATES: dict[str, dict[str, Callable[..., Any]]] = {
    "weak links only where a purpose asks (no stand-ins)": {"_weak_rows": weak_only_where_asked},
    "(kept) without: hands where an actor asks for time": {"_helpers": lambda self: []},
    "(kept) without: akin needs in a common solution": {"_akin": lambda self, theme: []},
    "interest answers an actor's need": {"_helpers": interest_for_actors(False)},
    "... only an interest in the actor's own offer": {"_helpers": interest_for_actors(True)},
    "hands for any need of an actor": {"_helpers": hands_for_any_need(False)},
    "... only from a group with free time": {"_helpers": hands_for_any_need(True)},
    "common third: interest meets a need of its theme": {"_needs_met": third_on_the_same_theme},
}


def totals(answer: bool) -> tuple[dict[str, int], list[str]]:
    vocab = vocabulary()
    out = dict.fromkeys(("found", "kept", "discuss", "noise", "rows"), 0)
    over = []
    for path in sorted(HERE.glob("estate_*.json")):
        if path.name.startswith(SEALED):
            continue
        with contextlib.redirect_stdout(io.StringIO()):
            e = evaluate_estate(path, vocab, False, answer)
        for k in out:
            out[k] += e[k]
        if e["rows"] > 40 or e["noise"] > 0.1 * e["rows"]:
            over.append(f"{e['estate']} ({'rows' if e['rows'] > 40 else 'noise'})")
    return out, over


def main() -> int:
    base = {answer: totals(answer) for answer in (False, True)}
    for answer in (False, True):
        print(f"base{' --answer' if answer else ''}: {base[answer][0]}; over a target: {', '.join(base[answer][1]) or '-'}")
    print(f"\n{'candidate':52s} {'run':8s} {'recall':>6s} {'kept':>5s} {'disc.':>5s} {'noise':>5s} {'rows':>5s}  over a target")
    for name, patch in CANDIDATES.items():
        originals = {attr: getattr(forms.Rows, attr) for attr in patch}
        for attr, fn in patch.items():
            setattr(forms.Rows, attr, fn)
        try:
            for answer in (False, True):
                got, over = totals(answer)
                d = {k: got[k] - base[answer][0][k] for k in got}
                print(
                    f"{name:52s} {'answered' if answer else 'raw':8s} {d['found']:+6d} {d['kept']:+5d} {d['discuss']:+5d}"
                    f" {d['noise']:+5d} {d['rows']:+5d}  {', '.join(over) or '-'}"
                )
        finally:
            for attr, fn in originals.items():
                setattr(forms.Rows, attr, fn)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
