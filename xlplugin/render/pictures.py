"""The report's figures as PNG: bar charts and the network picture, drawn with matplotlib.

The network picture is a layered drawing of our own, not a general graph layout: three
columns (groups → chosen interactions → platforms) read left to right like the folder's
diagrams, the building's groups above the local area's, and the order in each column
chosen so that lines cross little (each node sits near the average place of its
neighbours, swept a few times both ways). A force layout (networkx) scatters 15 groups and
40 interactions into a hairball; Graphviz would need a system install.
"""
from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from functools import cache
from typing import Any

from xlplugin.domain.document import BarChart, NetNode, NetworkPicture

# Colours: calm, distinguishable in print and for the common colour-blindnesses (Okabe-Ito).
FORM_COLOURS = {"mutual_resources": "#0072B2", "common_solution": "#E69F00", "common_third": "#009E73"}
TYPE_COLOURS = {"physical": "#D55E00", "content": "#CC79A7", "digital": "#56B4E9"}
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
INK, MUTED, PAPER_BUILDING, PAPER_LOCAL = "#222222", "#666666", "#F2F5F9", "#FBF3E6"
DPI = 200
WIDTH_IN = 7.0  # the A4 text width, so 1 pt in the picture is 1 pt on paper


@cache
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8, "svg.fonttype": "none"})
    return plt


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    _pyplot().close(fig)
    return buffer.getvalue()


# --- bar charts -----------------------------------------------------------------------------
def bar_chart(chart: BarChart, height_share: float = 0.4) -> bytes:
    plt = _pyplot()
    n = len(chart.categories)
    horizontal = n > 5 or max((len(c) for c in chart.categories), default=0) > 18
    height = max(WIDTH_IN * height_share, 0.13 * n * max(len(chart.series), 1) ** 0.5 + 1.1) if horizontal else WIDTH_IN * height_share
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    k = max(len(chart.series), 1)
    bar = 0.8 / k if horizontal or n > 3 else min(0.8 / k, 0.25)  # few categories: slim bars
    positions = list(range(n))
    for s, series in enumerate(chart.series):
        offsets = [p - bar * k / 2 + bar * (s + 0.5) for p in positions]
        colour = SERIES_COLOURS[s % len(SERIES_COLOURS)]
        if horizontal:
            ax.barh(offsets, series.values, height=bar, label=series.name, color=colour)
        else:
            ax.bar(offsets, series.values, width=bar, label=series.name, color=colour)
    labels = [textwrap.fill(c, 22) for c in chart.categories]
    if horizontal:
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.set_xlabel(chart.value_label)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    else:
        ax.set_xticks(positions, labels)
        ax.set_ylabel(chart.value_label)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(chart.title, loc="left", fontsize=10, fontweight="bold", color=INK)
    if len(chart.series) > 1:
        fig.legend(frameon=False, loc="outside lower center", ncol=len(chart.series), fontsize=7.5)
    return _png(fig)


# --- the network picture ----------------------------------------------------------------------
LINE = 1.0  # one text line, in the picture's vertical units
GAP = 0.55  # between boxes
COLUMNS = ((0.0, 0.31), (0.39, 0.66), (0.74, 1.0))  # x from-to of groups, interactions, platforms
WRAP = (38, 30, 26)  # characters per line in each column
FONT = 6.8  # pt


def _order(nodes: Sequence[NetNode], neighbours: dict[str, list[str]], place: dict[str, float]) -> list[NetNode]:
    """The nodes sorted by the average place of their neighbours (those without keep theirs)."""
    def key(item: tuple[int, NetNode]) -> tuple[float, int]:
        i, node = item
        near = [place[n] for n in neighbours.get(node.key, []) if n in place]
        return (sum(near) / len(near) if near else place.get(node.key, float(i)), i)

    return [node for _, node in sorted(enumerate(nodes), key=key)]


def _lines(node: NetNode, width: int) -> tuple[list[str], list[str]]:
    title = textwrap.wrap(node.label, width) or [""]
    detail = [line for text in node.detail for line in textwrap.wrap(text, width + 2)]
    return title[:2], detail[:9]


def layered_layout(picture: NetworkPicture) -> dict[str, tuple[int, float, float]]:
    """Each node's column, top and height (in lines): the order that crosses least, found by sweeps."""
    left: dict[str, list[str]] = {}
    right: dict[str, list[str]] = {}
    for e in picture.edges:
        right.setdefault(e.source, []).append(e.target)
        left.setdefault(e.target, []).append(e.source)
    building = [g for g in picture.groups if g.style != "local_area"]
    local = [g for g in picture.groups if g.style == "local_area"]
    columns = [building + local, list(picture.interactions), list(picture.platforms)]

    def places(column: list[NetNode]) -> dict[str, float]:
        return {n.key: float(i) for i, n in enumerate(column)}

    for _ in range(4):
        columns[1] = _order(columns[1], left, places(columns[0]))
        columns[2] = _order(columns[2], left, places(columns[1]))
        columns[1] = _order(columns[1], right, places(columns[2]))
        # the groups: each part sorted on its own, the building's first
        at = places(columns[1])
        columns[0] = _order(building, right, at) + _order(local, right, at)
        building, local = columns[0][: len(building)], columns[0][len(building) :]

    heights = []
    for c, column in enumerate(columns):
        heights.append([LINE * sum(map(len, _lines(n, WRAP[c]))) + 0.5 for n in column])
    total = max(sum(h) + GAP * max(len(h) - 1, 0) + (1.2 if c == 0 and local and building else 0) for c, h in enumerate(heights))
    out: dict[str, tuple[int, float, float]] = {}
    for c, column in enumerate(columns):
        used = sum(heights[c]) + (1.2 if c == 0 and local and building else 0)
        gap = (total - used) / max(len(column) - 1, 1) if len(column) > 1 else 0.0
        gap = min(gap, 3.0) if c else min(gap, 2.0)
        top = (total - (used + gap * max(len(column) - 1, 0))) / 2
        for i, (node, height) in enumerate(zip(column, heights[c])):
            if c == 0 and local and building and i == len(building):
                top += 1.2
            out[f"{c}:{node.key}"] = (c, top, height)
            top += height + gap
    return out


def network_picture(picture: NetworkPicture) -> bytes:
    plt = _pyplot()
    from matplotlib.patches import FancyBboxPatch, PathPatch
    from matplotlib.path import Path

    if not picture.interactions and not picture.platforms:
        fig = plt.figure(figsize=(WIDTH_IN, 1.0))
        fig.text(0.5, 0.5, picture.empty, ha="center", va="center", color=MUTED, fontsize=9)
        return _png(fig)

    place = layered_layout(picture)
    total = max(top + height for _, top, height in place.values())
    legend_lines = 4.0
    units = total + 2.2 + legend_lines  # titles above, legend below
    pt_per_unit = FONT * 1.32
    height_in = max(units * pt_per_unit / 72, 3.0)
    fig = plt.figure(figsize=(WIDTH_IN, height_in))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(-0.005, 1.005)
    ax.set_ylim(units, 0)
    ax.axis("off")
    y0 = 2.0  # below the column titles

    for (x1, x2), title in zip(COLUMNS, picture.column_titles):
        ax.text(x1, 0.9, title, fontsize=9, fontweight="bold", color=INK, va="center")
        ax.plot([x1, x2], [1.6, 1.6], color="#BBBBBB", linewidth=0.6)

    nodes = {
        **{f"0:{n.key}": n for n in picture.groups},
        **{f"1:{n.key}": n for n in picture.interactions},
        **{f"2:{n.key}": n for n in picture.platforms},
    }
    column_of = {n.key: 0 for n in picture.groups} | {n.key: 1 for n in picture.interactions} | {n.key: 2 for n in picture.platforms}

    # edges first, under the boxes; each leaves its box at its own height, spread out
    ports_out: dict[str, list[str]] = {}
    ports_in: dict[str, list[str]] = {}
    for e in picture.edges:
        a, b = f"{column_of.get(e.source, 0)}:{e.source}", f"{column_of.get(e.target, 1)}:{e.target}"
        if a in place and b in place:
            ports_out.setdefault(a, []).append(b)
            ports_in.setdefault(b, []).append(a)

    def centre(key: str) -> float:
        _, top, height = place[key]
        return y0 + top + height / 2

    def port(key: str, other: str, ports: dict[str, list[str]]) -> float:
        _, top, height = place[key]
        others = sorted(ports[key], key=centre)
        k = others.index(other)
        return y0 + top + height * (k + 1) / (len(others) + 1)

    forms = {n.key: n.style for n in picture.interactions}
    many = len(picture.edges) > 30
    thin, alpha = (0.55, 0.45) if many else (0.9, 0.75)
    for e in picture.edges:
        a, b = f"{column_of.get(e.source, 0)}:{e.source}", f"{column_of.get(e.target, 1)}:{e.target}"
        if a not in place or b not in place:
            continue
        xa = COLUMNS[place[a][0]][1]
        xb = COLUMNS[place[b][0]][0]
        ya, yb = port(a, b, ports_out), port(b, a, ports_in)
        form = forms.get(e.target if place[b][0] == 1 else e.source, "")
        colour = FORM_COLOURS.get(form, MUTED)
        mid = (xa + xb) / 2
        path = Path([(xa, ya), (mid, ya), (mid, yb), (xb, yb)], [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4])
        ax.add_patch(
            PathPatch(path, fill=False, edgecolor=colour, linewidth=thin, alpha=alpha, linestyle=(0, (3, 2)) if e.external else "-")
        )

    for key, (c, top, height) in place.items():
        node = nodes[key]
        x1, x2 = COLUMNS[c]
        if c == 0:
            face, edge = (PAPER_LOCAL, "#C9A25A") if node.style == "local_area" else (PAPER_BUILDING, "#8DA3BF")
        elif c == 1:
            face, edge = "white", FORM_COLOURS.get(node.style, MUTED)
        else:
            face, edge = "white", TYPE_COLOURS.get(node.style, MUTED)
        box = FancyBboxPatch(
            (x1, y0 + top), x2 - x1, height, boxstyle="square,pad=0",
            facecolor=face, edgecolor=edge, linewidth=1.1 if c else 0.8,
        )
        ax.add_patch(box)
        if c == 2:
            ax.add_patch(FancyBboxPatch((x1, y0 + top), 0.008, height, boxstyle="square,pad=0", facecolor=edge, edgecolor="none"))
        title_lines, detail = _lines(node, WRAP[c])
        y = y0 + top + 0.25 + LINE / 2
        for line in title_lines:
            ax.text(x1 + 0.014, y, line, fontsize=FONT, fontweight="bold", color=INK, va="center")
            y += LINE
        for line in detail:
            ax.text(x1 + 0.014, y, line, fontsize=FONT - 0.8, color=MUTED, va="center")
            y += LINE

    # legend: the forms' colours, the scope's line styles, the local area's colour
    y = y0 + total + 1.4
    x = 0.0
    for style, label in picture.legend:
        if style in FORM_COLOURS:
            ax.plot([x, x + 0.03], [y, y], color=FORM_COLOURS[style], linewidth=2)
        elif style in ("internal", "external"):
            ax.plot([x, x + 0.03], [y, y], color=MUTED, linewidth=1, linestyle=(0, (3, 2)) if style == "external" else "-")
        else:
            ax.add_patch(FancyBboxPatch((x, y - 0.35), 0.03, 0.7, boxstyle="square,pad=0", facecolor=PAPER_LOCAL, edgecolor="#C9A25A"))
        text = ax.text(x + 0.037, y, label, fontsize=FONT - 0.3, color=INK, va="center")
        width = len(label) * 0.0067 + 0.075
        x += width
        if x > 0.86:
            x, y = 0.0, y + 1.3
        del text
    return _png(fig)


def picture_png(picture: BarChart | NetworkPicture, height_share: float = 0.4) -> bytes:
    if isinstance(picture, NetworkPicture):
        return network_picture(picture)
    return bar_chart(picture, height_share)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG (read from its header)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def font_file(bold: bool = False) -> str:
    """The DejaVu Sans that matplotlib ships (has every character the texts use: æøå, →, –, …)."""
    import os

    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return os.path.join(matplotlib.get_data_path(), "fonts", "ttf", name)
