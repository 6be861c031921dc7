"""The project as the five-step method sees it: pure pydantic models, no I/O.

Choice fields hold language-neutral codes (the enums below); the layout's texts
turn them into Danish or English labels and back.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Code(str, Enum):
    """A closed choice; its value is the stable code stored in the model."""

    def __str__(self) -> str:  # pragma: no cover - convenience in messages
        return self.value


class ProjectKind(Code):
    NEW_BUILD = "new_build"
    RENOVATION = "renovation"


class Phase(Code):
    BEFORE_IDEA = "before_idea"
    IDEA = "idea"
    DESIGN = "design"
    CONSTRUCTION = "construction"
    OPERATION = "operation"


class Location(Code):
    BUILDING = "building"
    LOCAL_AREA = "local_area"


class KnowledgeSource(Code):
    OWN_DATA = "own_data"
    STATISTICS = "statistics"
    INTERVIEWS = "interviews"
    EXPERTS = "experts"
    OTHER = "other"


class Priority(Code):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class EntryKind(Code):
    NEED = "need"
    RESOURCE = "resource"
    INTEREST = "interest"


class ResourceNature(Code):
    """What a resource is: a person's skill or time, a facility or room, an organisation's offer."""

    PERSON = "person"
    FACILITY = "facility"
    OFFER = "offer"


class InteractionType(Code):
    COMMON_THIRD = "common_third"
    COMMON_SOLUTION = "common_solution"
    MUTUAL_RESOURCES = "mutual_resources"


class Scope(Code):
    INTERNAL = "internal"
    EXTERNAL = "external"


class Origin(Code):
    GENERATED = "generated"
    MANUAL = "manual"


class RowStatus(Code):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OUTDATED = "outdated"


class PlatformType(Code):
    PHYSICAL = "physical"
    CONTENT = "content"
    DIGITAL = "digital"


class Maintainer(Code):
    RESIDENTS = "residents"
    BOARD = "board"
    CARETAKERS = "caretakers"
    VOLUNTEERS = "volunteers"
    ORGANISATION = "organisation"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class Level(Code):
    """How much, on three steps: a platform's construction cost, running cost, or dependency
    on someone to keep it going."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Frequency(Code):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    ONGOING = "ongoing"


class ConstraintCategory(Code):
    TECHNICAL = "technical"
    ECONOMIC = "economic"
    POLITICAL = "political"
    ORGANISATIONAL = "organisational"


class Step(Code):
    STEP1 = "1"
    STEP2 = "2"
    STEP3 = "3"
    STEP4 = "4"
    STEP5 = "5"


def normalize(text: Any) -> str:
    """How names, headers and labels are compared: case, Unicode composition and width, spaces,
    and characters one cannot see (zero-width spaces and joiners, direction marks, soft hyphens,
    control characters) ignored, so "Seni\u200borer" and "ＳＥＮＩＯＲＥＲ" name the group Seniorer."""
    return _normalize(text if isinstance(text, str) else str(text)) if text is not None else ""


def normalize_each(texts: Iterable[Any]) -> list[str]:
    """``normalize`` of each text, for many texts that each come once (descriptions): the usual
    text without the cache's bookkeeping."""
    out = []
    for text in texts:  # most Danish text is printable and already composed: both checked at C speed
        if type(text) is str and text.isprintable() and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
            out.append(" ".join(text.casefold().split()))
        else:
            out.append(normalize(text))
    return out


@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if not text.isprintable():  # printable: none of the invisible categories (most Danish text)
            text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE)
    elif not text.isprintable():
        text = "".join(ch for ch in text if ch.isspace() or ch.isprintable())
    return " ".join(text.casefold().split())


# Unicode categories that show nothing: control (Cc), format (Cf: U+200B-U+200F, U+202A-U+202E,
# U+2060-U+2064, U+FEFF, U+00AD …), unassigned and private use, surrogates. Whitespace is kept
# (it separates words) and collapsed.
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})


# How a cell names several groups: "Seniorer, Studerende", or giver → receiver for help
# between two groups. Matching writes this form and the rules read it back.
GROUP_LIST_SEPARATOR = ", "
GIVER_ARROW = " → "
_GROUP_LIST_SPLIT = re.compile(r"\s*(?:[,;\n]|→|->)\s*")


def split_group_names(text: str | None) -> list[str]:
    """The group names in a cell that lists groups (names may hold spaces, "og", "&" or "/")."""
    return [part.strip() for part in _GROUP_LIST_SPLIT.split(text or "") if part.strip()]


# How a catalog cell lists several things: names (themes, target groups, skills) with commas,
# longer texts that may hold commas themselves (purposes, requirements) with semicolons.
NAME_LIST_SEPARATOR = ", "
TEXT_LIST_SEPARATOR = "; "
_NAME_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")
_TEXT_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")


def split_names(text: str | None) -> list[str]:
    """The names in a cell that lists names: "Børn, Børnefamilier; Seniorer" -> three names."""
    return _split(_NAME_LIST_SPLIT, text)


def split_texts(text: str | None) -> list[str]:
    """The texts in a cell that lists texts with semicolons or one per line (commas stay inside)."""
    return _split(_TEXT_LIST_SPLIT, text)


def _split(pattern: re.Pattern[str], text: str | None) -> list[str]:
    parts = (" ".join(part.split()) for part in pattern.split(text or ""))
    return list(dict.fromkeys(part for part in parts if part))


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# --- Start -------------------------------------------------------------------
class ProjectFacts(Model):
    name: str | None = None
    organisation: str | None = None
    department: str | None = None
    municipality: str | None = None
    kind: ProjectKind | None = None
    phase: Phase | None = None
    responsible: str | None = None
    date: dt.date | None = None


# --- Step 1 ------------------------------------------------------------------
class ResidentGroup(Model):
    name: str
    location: Location = Location.BUILDING
    share_pct: float | None = Field(default=None, description="share of households, 0-100")
    culture_bearing: bool | None = None
    age: str | None = None
    education: str | None = None
    employment: str | None = None
    other: str | None = None
    source: KnowledgeSource | None = None


class SocialPurpose(Model):
    purpose: str
    target_group: str | None = None
    priority: Priority | None = None


class Characteristic(Model):
    name: str
    description: str | None = None
    chosen: bool | None = None


# --- Step 2 ------------------------------------------------------------------
class Entry(Model):
    """One unmet need, resource or interest of one group."""

    group: str
    kind: EntryKind
    theme: str | None = None
    description: str | None = None
    method: str | None = None
    priority: Priority | None = None
    nature: ResourceNature | None = None  # resources only; matching infers it when blank
    suggested_theme: str | None = None


class Theme(Model):
    """A theme of the vocabulary that step 2's entries are sorted by."""

    name: str
    description: str | None = None
    keywords: str | None = None


class ThemeLink(Model):
    """A resource theme that can meet a different need theme, and how strongly (1-5).

    The same theme on both sides always meets at full strength; links say what else does.
    """

    resource_theme: str
    need_theme: str
    strength: float | None = None
    note: str | None = None


# --- Step 3 ------------------------------------------------------------------
class Interaction(Model):
    id: str | None = None
    type: InteractionType | None = None
    groups: str | None = None
    need: str | None = None
    resource: str | None = None
    theme: str | None = None
    scope: Scope | None = None
    link: float | None = None  # how directly the resource meets the need, 1-5 (5: the same theme)
    score: float | None = None
    points: str | None = None  # what the score is made of
    reasoning: str | None = None
    caution: str | None = None
    purposes: str | None = None
    origin: Origin = Origin.MANUAL
    status: RowStatus | None = None
    selected: bool | None = None
    comment: str | None = None


# --- Step 4 ------------------------------------------------------------------
# The criteria of step 4, in their order on the criteria table (weights are found by key,
# or by position in this order); each platform score column is named score_<key>.
CRITERION_KEYS = ("interactions", "target_groups", "purposes", "economy", "operation", "skills")
PLATFORM_SCORE_FIELDS = tuple(f"score_{key}" for key in CRITERION_KEYS)
SCORE_MIN, SCORE_MAX = 1, 5  # the one scale of every platform score


class Platform(Model):
    name: str
    type: PlatformType | None = None
    interactions: str | None = None  # the step-3 rows it serves: "ID title", one per line
    strengths: str | None = None
    weaknesses: str | None = None
    score_interactions: float | None = None
    score_target_groups: float | None = None
    score_purposes: float | None = None
    score_economy: float | None = None
    score_operation: float | None = None
    score_skills: float | None = None
    total: float | None = None
    reasons: str | None = None  # one line per criterion: its computed score and why
    origin: Origin = Origin.MANUAL
    status: RowStatus | None = None
    selected: bool | None = None
    comment: str | None = None


class Criterion(Model):
    """A platform criterion: its key says which score column it weighs (the name is free)."""

    name: str
    weight: float | None = None
    description: str | None = None
    key: str | None = None


class DesignRequirement(Model):
    requirement: str
    from_folder: bool = False
    chosen: bool | None = None
    comment: str | None = None
    asked_by: str | None = None  # the chosen platforms that bring it, comma separated


class CatalogPlatform(Model):
    """A platform of the catalog (sheet Katalog): built in, edited or added by the planner.

    Lists of names are cell text (``split_names``/``split_texts`` read them); lists of codes
    are lists. Themes and skills are names of the workbook's themes (a skill is what someone
    must bring, named by its theme: "IT og digitale færdigheder").
    """

    name: str
    type: PlatformType | None = None
    themes: str | None = None
    interaction: str | None = None  # the folder's column: the interaction it supports, in words
    strengths: str | None = None
    weaknesses: str | None = None
    economy: str | None = None
    maintainer: Maintainer | None = None  # the typical one; others in other_maintainers
    id: str | None = None  # stable id of a built-in platform; none on rows the planner adds
    description: str | None = None
    forms: list[InteractionType] = Field(default_factory=list)
    target_groups: str | None = None  # descriptors, e.g. "Børnefamilier, Seniorer" or "Alle"
    purposes: str | None = None  # social purposes it supports, separated by semicolons
    construction_cost: Level | None = None
    running_cost: Level | None = None
    dependency: Level | None = None  # how much it depends on someone to keep it going
    skills: str | None = None  # theme names
    requirements: str | None = None  # physical design requirements, separated by semicolons
    other_maintainers: list[Maintainer] = Field(default_factory=list)

    @field_validator("forms", "other_maintainers", mode="before")
    @classmethod
    def _codes_from_text(cls, value: Any) -> Any:
        """A list of codes may come as one text of codes ("common_third, mutual_resources")."""
        if value is None:
            return []
        return split_names(value) if isinstance(value, str) else value

    @property
    def maintainers(self) -> list[Maintainer]:
        """Who typically maintains it, the typical one first."""
        first = [self.maintainer] if self.maintainer else []
        return list(dict.fromkeys([*first, *self.other_maintainers]))


# --- Step 5 ------------------------------------------------------------------
class MaintenanceItem(Model):
    platform: str
    maintainer: Maintainer | None = None
    startup: str | None = None
    frequency: Frequency | None = None
    budget: float | None = None
    review_date: dt.date | None = None
    success_criterion: str | None = None
    advice: str | None = None  # the catalog's maintainers and the folder's advice (generated)


class RealityConstraint(Model):
    constraint: str
    category: ConstraintCategory | None = None
    back_to_step: Step | None = None
    action: str | None = None


class Project(Model):
    """A whole project workbook: the contract every action works on."""

    facts: ProjectFacts = Field(default_factory=ProjectFacts)
    groups: list[ResidentGroup] = Field(default_factory=list)
    purposes: list[SocialPurpose] = Field(default_factory=list)
    characteristics: list[Characteristic] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    theme_links: list[ThemeLink] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    platforms: list[Platform] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
    requirements: list[DesignRequirement] = Field(default_factory=list)
    maintenance: list[MaintenanceItem] = Field(default_factory=list)
    constraints: list[RealityConstraint] = Field(default_factory=list)
    catalog: list[CatalogPlatform] = Field(default_factory=list)
