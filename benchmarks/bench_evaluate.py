"""Benchmark: step 4's evaluation with a 1,000-platform catalog and 2,000 selected interactions.

The catalog repeats the built-in one with numbered names until it holds --platforms rows
(so its themes, target groups and purposes are realistic); the project has 20 groups with
realistic names (so target groups are matched by words), 6 social purposes, and
--interactions selected interactions spread over the 25 themes, the three forms and pairs
of groups. Prints the best of --repeat runs of the pure evaluation (the vocabulary is built
once, as the action would) and how many candidates it ranked.

Usage: python benchmarks/bench_evaluate.py [--platforms 1000] [--interactions 2000] [--repeat 5]
"""
from __future__ import annotations

import argparse
import random
import time

from xlplugin.actions.new import starter_project
from xlplugin.data.catalog import package_catalog, package_target_group_words
from xlplugin.data.themes import package_theme_name
from xlplugin.domain import models as m
from xlplugin.domain.evaluation import evaluate
from xlplugin.domain.vocabulary import Vocabulary

LANG = "da"
GROUP_NAMES = [
    "Børnefamilier", "Seniorer", "Studerende", "Unge", "Enlige forældre", "Ældre beboere",
    "Nye beboere", "Pensionister", "Familier med små børn", "Unge voksne", "Beboere med handicap",
    "Erhvervsaktive", "Skoleelever", "Bedsteforældre", "Tilflyttere", "Par uden børn",
    "Lokalområdets foreninger", "Skolen", "Kirken", "Idrætsforeningen",
]
PURPOSES = [
    "Bekæmpe social isolation blandt ældre beboere",
    "Give børnefamilierne en lettere hverdag gennem hjælp fra naboerne",
    "Styrke de unges uddannelse og jobmuligheder",
    "Fremme sundhed og fysisk aktivitet",
    "Skabe tryghed og godt naboskab",
    "Fællesskab på tværs af generationer og kulturer",
]


def synthetic_project(n_platforms: int, n_interactions: int, seed: int = 11) -> m.Project:
    rng = random.Random(seed)
    project = starter_project(LANG)
    project.groups = [
        m.ResidentGroup(name=name, location=m.Location.LOCAL_AREA if i >= 16 else m.Location.BUILDING)
        for i, name in enumerate(GROUP_NAMES)
    ]
    project.purposes = [m.SocialPurpose(purpose=p, priority=rng.choice(list(m.Priority))) for p in PURPOSES]
    project.entries = [
        m.Entry(group=g.name, kind=m.EntryKind.RESOURCE, theme=rng.choice(project.themes).name)
        for g in project.groups
        for _ in range(3)
    ]
    built_in = package_catalog(LANG)
    project.catalog = [
        row.model_copy(update={"name": f"{row.name} {i // len(built_in) + 1}", "id": None})
        for i, row in zip(range(n_platforms), (built_in * (n_platforms // len(built_in) + 1)))
    ]
    themes = [t.name for t in project.themes]
    project.interactions = []
    for i in range(n_interactions):
        a, b = rng.sample(GROUP_NAMES, 2)
        project.interactions.append(
            m.Interaction(
                id=f"{i:08X}",
                type=rng.choice(list(m.InteractionType)),
                groups=f"{a}{m.GIVER_ARROW}{b}",
                theme=rng.choice(themes),
                need="behov",
                resource="ressource",
                selected=True,
            )
        )
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platforms", type=int, default=1000)
    parser.add_argument("--interactions", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    project = synthetic_project(args.platforms, args.interactions)
    vocab = Vocabulary(project.themes, project.theme_links, LANG, package_theme_name("usefulness", LANG))
    words = package_target_group_words()
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = evaluate(project, vocab, group_words=words)
        best = min(best, time.perf_counter() - start)
    print(
        f"evaluate: {len(project.catalog)} platforms, {len(project.interactions)} selected interactions: "
        f"{best:.3f} s (best of {args.repeat}); {len(result.candidates)} candidates, "
        f"{len(result.others)} others, {len(result.problems)} problems"
    )


if __name__ == "__main__":
    main()
