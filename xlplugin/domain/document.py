"""A report as data: headings, paragraphs, tables and figures, in reading order. Pure.

The report action (``xlplugin.actions.report``) builds a ``Document`` with every text
already in words (it renders the phrases); the renderers (``xlplugin.render``) lay it out
as PDF or Word and draw its figures. Nothing here knows a page size or a font.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: a chapter (starts a page in the PDF); 2: a section; 3: a sub-section


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | lead (larger) | small (grey) | alert (a box for errors/warnings)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    style: str = "body"


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None  # relative column widths; None: equal
    style: str = "grid"  # grid | facts (two columns, no header line) | matrix (first column is a header too)
    empty: str = ""  # what to say when there are no rows


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str = ""


@dataclass(frozen=True)
class NetNode:
    key: str
    label: str
    detail: tuple[str, ...] = ()  # lines under the label (needs, resources; a platform's type)
    style: str = ""  # a group: building | local_area; an interaction: its form; a platform: its type


@dataclass(frozen=True)
class NetEdge:
    source: str  # a group's or an interaction's key
    target: str  # an interaction's or a platform's key
    external: bool = False


@dataclass(frozen=True)
class NetworkPicture:
    """Groups → chosen interactions → platforms, the building's groups apart from the local area's."""

    groups: tuple[NetNode, ...]
    interactions: tuple[NetNode, ...]
    platforms: tuple[NetNode, ...]
    edges: tuple[NetEdge, ...]
    column_titles: tuple[str, str, str]
    legend: tuple[tuple[str, str], ...] = ()  # (style, label): forms, scope, groups' location
    empty: str = ""  # what to say when there is nothing to draw


@dataclass(frozen=True)
class Figure:
    picture: BarChart | NetworkPicture
    caption: str
    height: float = 0.5  # height as a share of the text width


@dataclass(frozen=True)
class Flow:
    """The summary's chain: stages top to bottom, each a title and its lines."""

    stages: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | Figure | Flow | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    footer: str  # the project's name, on every page
    page_label: str  # "Side {page} af {pages}"
    lang: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Every text in reading order (tests and the plain-text view)."""
        out = [self.title, self.subtitle]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                out.append(block.text)
            elif isinstance(block, Bullets):
                out.extend(block.items)
            elif isinstance(block, Table):
                out.extend(block.headers)
                out.extend(cell for row in block.rows for cell in row)
            elif isinstance(block, Figure):
                out.append(block.caption)
            elif isinstance(block, Flow):
                for title, lines in block.stages:
                    out.append(title)
                    out.extend(lines)
        return out
