"""The workbook layout, declared once: sheets, tables, columns, dropdown sources.

The generator writes a workbook from it and the reader finds tables and columns
through it. Labels are not here: every visible text is looked up in the texts
of one language (``xlplugin.layout.texts``) by the keys this module builds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from xlplugin.domain import models as m

# Generated blocks beside tables and the Start sheet's status rows: areas.py.
from xlplugin.layout.areas import AREAS as AREAS
from xlplugin.layout.areas import MATRIX as MATRIX
from xlplugin.layout.areas import MATRIX_MAX_GROUPS as MATRIX_MAX_GROUPS
from xlplugin.layout.areas import MATRIX_MAX_ITEMS as MATRIX_MAX_ITEMS
from xlplugin.layout.areas import STATUS_ROWS as STATUS_ROWS
from xlplugin.layout.areas import Area as Area
from xlplugin.layout.areas import StatusRow as StatusRow

# The dropdown lists are declared in lists.py; the spec names them for its readers.
from xlplugin.layout.lists import LIST_ENUMS as LIST_ENUMS
from xlplugin.layout.lists import LISTS as LISTS
from xlplugin.layout.lists import ChoiceList as ChoiceList

LAYOUT_VERSION = 2  # 2: the Overblik sheet, the columns of matching v2, steps 4 and 5, the lists nature and level


class Kind(str, Enum):
    TEXT = "text"  # short text
    LONG_TEXT = "long_text"  # wrapped free text
    NUMBER = "number"
    SCORE = "score"  # whole number 0-5
    RATING = "rating"  # a platform's score on the one scale of step 4: 1-5, one decimal
    PERCENT = "percent"  # 0-100, shown with a % sign
    MONEY = "money"
    DATE = "date"
    CHOICE = "choice"  # one value of a dropdown list
    YESNO = "yesno"
    CODES = "codes"  # several values of a dropdown list, labels joined by ", "


# Excel's own limit for the text in one cell.
EXCEL_CELL_MAX = 32767
# A sane bound for free text in this workbook; longer text is a finding.
TEXT_MAX = 2000


@dataclass(frozen=True)
class Column:
    key: str  # field name on the table's model
    kind: Kind = Kind.TEXT
    width: float = 18
    required: bool = False
    choices: str | None = None  # key of a dropdown list (see LISTS)
    generated: bool = False  # filled by an action; the user's edits are replaced
    # A generated column with a dropdown all the same: rows the user adds pick from the list.
    dropdown: bool = False
    max_length: int = TEXT_MAX

    @property
    def list_key(self) -> str | None:
        """The dropdown of the column (a CODES column has none: a cell holds several values)."""
        if self.kind is Kind.YESNO:
            return "yesno"
        if self.kind is Kind.CODES:
            return None
        return self.choices


@dataclass(frozen=True)
class Table:
    key: str
    model: Any  # the pydantic model of one row (dict for output-only tables)
    columns: tuple[Column, ...]
    spare_rows: int = 6  # empty, formatted rows in a new workbook
    style: str = "TableStyleMedium2"
    # Workbooks made before the table existed lack it; actions then use the package's copy.
    optional: bool = False
    # Placement on its sheet: below the table before it (default), or on the same rows as the
    # table ``beside`` starting at sheet column ``first_column`` (1 = A). Every table keeps its own
    # columns' widths: a sheet column is as wide as the widest table column standing in it.
    beside: str | None = None
    first_column: int = 1

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.key}.{key}")

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


@dataclass(frozen=True)
class Sheet:
    key: str
    tables: tuple[Table, ...] = ()
    step: int | None = None  # 1-5 for the method's steps
    hidden: bool = False
    guide: bool = True  # a short guide above the tables
    tab_color: str | None = None
    # Reference data (themes, catalog): left out of a printout of the whole workbook; the
    # sheet's guide says how to print it on its own.
    print_on_request: bool = False


C = Column
K = Kind

# Project facts are a two-column table (field, value); one row per field.
FACT_FIELDS: tuple[Column, ...] = (
    C("name", required=True),
    C("organisation"),
    C("department"),
    C("municipality"),
    C("kind", K.CHOICE, choices="project_kind"),
    C("phase", K.CHOICE, choices="phase"),
    C("responsible"),
    C("date", K.DATE),
)

FACTS = Table(
    "facts",
    m.ProjectFacts,
    (C("field", width=26), C("value", width=44)),
    spare_rows=0,
    style="TableStyleLight9",
)

GROUPS = Table(
    "groups",
    m.ResidentGroup,
    (
        C("name", width=22, required=True, max_length=100),
        C("location", K.CHOICE, 16, required=True, choices="location"),
        C("share_pct", K.PERCENT, 12),
        C("culture_bearing", K.YESNO, 15),
        C("age", width=16),
        C("education", width=20),
        C("employment", width=20),
        C("other", K.LONG_TEXT, 30),
        C("source", K.CHOICE, 20, choices="source"),
    ),
)

PURPOSES = Table(
    "purposes",
    m.SocialPurpose,
    (
        C("purpose", K.LONG_TEXT, 42, required=True),
        C("target_group", width=24, choices="groups", kind=K.CHOICE),
        C("priority", K.CHOICE, 14, choices="priority"),
    ),
    spare_rows=4,
)

# Beside the purposes (below the groups), in the groups' columns G-I: 1 Afklaring prints on one
# A4 page for the example, and each table's long text gets a wide column.
CHARACTERISTICS = Table(
    "characteristics",
    m.Characteristic,
    (
        C("name", width=24, required=True),
        C("description", K.LONG_TEXT, 44),
        C("chosen", K.YESNO, 12),
    ),
    spare_rows=3,
    beside="purposes",
    first_column=7,
)

ENTRIES = Table(
    "entries",
    m.Entry,
    (
        C("group", K.CHOICE, 22, required=True, choices="groups"),
        C("kind", K.CHOICE, 14, required=True, choices="entry_kind"),
        C("theme", K.CHOICE, 24, choices="themes"),
        C("description", K.LONG_TEXT, 44, required=True),
        C("method", width=24),
        C("priority", K.CHOICE, 12, choices="priority"),
        C("nature", K.CHOICE, 16, choices="nature"),
        C("suggested_theme", width=22, generated=True),
    ),
    spare_rows=10,
)

THEMES = Table(
    "themes",
    m.Theme,
    (
        C("name", width=28, required=True, max_length=100),
        C("description", K.LONG_TEXT, 44),
        C("keywords", K.LONG_TEXT, 60),
    ),
    spare_rows=3,
)

THEME_LINKS = Table(
    "theme_links",
    m.ThemeLink,
    (
        C("resource_theme", K.CHOICE, 28, required=True, choices="themes"),
        C("need_theme", K.CHOICE, 28, required=True, choices="themes"),
        C("note", K.LONG_TEXT, 60),
        C("strength", K.SCORE, 12, required=True),
    ),
    spare_rows=5,
    optional=True,
)

# Step 3 prints on landscape A4 (the widths stay within the builder's A4 print width): the
# planner's columns first; the score's parts, origin and status last.
INTERACTIONS = Table(
    "interactions",
    m.Interaction,
    (
        C("id", width=6, generated=True),
        C("type", K.CHOICE, 13, choices="interaction_type", generated=True, dropdown=True),
        C("groups", width=17, generated=True),
        C("theme", width=13, generated=True),
        C("need", K.LONG_TEXT, 19, generated=True),
        C("resource", K.LONG_TEXT, 19, generated=True),
        C("reasoning", K.LONG_TEXT, 38, generated=True, max_length=4000),
        C("caution", K.LONG_TEXT, 12, generated=True),
        C("link", K.NUMBER, 8, generated=True),
        C("score", K.NUMBER, 6, generated=True),
        C("points", K.LONG_TEXT, 13, generated=True),
        C("purposes", K.LONG_TEXT, 15, generated=True),
        C("scope", K.CHOICE, 9, choices="scope", generated=True, dropdown=True),
        C("selected", K.YESNO, 8),
        C("comment", K.LONG_TEXT, 14),
        C("origin", K.CHOICE, 11, choices="origin", generated=True),
        C("status", K.CHOICE, 9, choices="status", generated=True),
    ),
    spare_rows=10,
)

SCORE_COLUMNS = m.PLATFORM_SCORE_FIELDS

# 4 Platforme prints on A4 landscape: the columns add up to at most style.A4_PRINT_WIDTH.
PLATFORMS = Table(
    "platforms",
    m.Platform,
    (
        C("name", width=20, required=True, max_length=150),
        C("type", K.CHOICE, 14, required=True, choices="platform_type"),  # filled from the catalog
        C("interactions", K.LONG_TEXT, 24, generated=True),
        C("strengths", K.LONG_TEXT, 26, generated=True),
        C("weaknesses", K.LONG_TEXT, 22, generated=True),
        *(C(key, K.RATING, 6) for key in SCORE_COLUMNS),  # headers turned upright
        C("total", K.NUMBER, 7, generated=True),
        C("reasons", K.LONG_TEXT, 38, generated=True, max_length=4000),
        C("origin", K.CHOICE, 10, choices="origin", generated=True),
        C("status", K.CHOICE, 10, choices="status", generated=True),
        C("selected", K.YESNO, 7),
        C("comment", K.LONG_TEXT, 16),
    ),
    spare_rows=6,
)

# On their own sheet (4 Krav og vægte), so each gets columns of its own width: the platforms'
# narrow score columns made the requirements wrap to four lines. The criteria's key (which
# score column the weight is for) last, so renaming a criterion is harmless.
CRITERIA = Table(
    "criteria",
    m.Criterion,
    (
        C("name", width=24, required=True),
        C("weight", K.NUMBER, 10, required=True),
        C("description", K.LONG_TEXT, 60),
        C("key", width=14, generated=True),
    ),
    spare_rows=0,
    style="TableStyleLight9",
)

REQUIREMENTS = Table(
    "requirements",
    m.DesignRequirement,
    (
        C("requirement", K.LONG_TEXT, 60, required=True),
        C("chosen", K.YESNO, 12),
        C("asked_by", K.LONG_TEXT, 30, generated=True),
        C("comment", K.LONG_TEXT, 40),
        C("from_folder", K.YESNO, 14),
    ),
    spare_rows=3,
)

MAINTENANCE = Table(
    "maintenance",
    m.MaintenanceItem,
    (
        C("platform", K.CHOICE, 24, required=True, choices="platforms"),
        C("maintainer", K.CHOICE, 23, required=True, choices="maintainer"),
        C("advice", K.LONG_TEXT, 41, generated=True, max_length=4000),
        C("startup", K.LONG_TEXT, 30),
        C("frequency", K.CHOICE, 12, choices="frequency"),
        C("budget", K.MONEY, 13),
        C("review_date", K.DATE, 16),
        C("success_criterion", K.LONG_TEXT, 34),
    ),
    spare_rows=6,
)

CONSTRAINTS = Table(
    "constraints",
    m.RealityConstraint,
    (
        C("constraint", K.LONG_TEXT, 40, required=True),
        C("category", K.CHOICE, 18, choices="constraint_category"),
        C("action", K.LONG_TEXT, 44),
        C("back_to_step", K.CHOICE, 14, choices="step"),
    ),
    spare_rows=4,
)

CATALOG = Table(
    "catalog",
    m.CatalogPlatform,
    (
        C("name", width=26, required=True, max_length=150),
        C("type", K.CHOICE, 15, required=True, choices="platform_type"),
        C("description", K.LONG_TEXT, 40),
        C("themes", K.LONG_TEXT, 30),
        C("forms", K.CODES, 26, choices="interaction_type"),
        C("interaction", K.LONG_TEXT, 26),
        C("target_groups", K.LONG_TEXT, 24),
        C("purposes", K.LONG_TEXT, 34),
        C("strengths", K.LONG_TEXT, 44),
        C("weaknesses", K.LONG_TEXT, 34),
        C("economy", K.LONG_TEXT, 24),
        C("construction_cost", K.CHOICE, 12, choices="level"),
        C("running_cost", K.CHOICE, 12, choices="level"),
        C("dependency", K.CHOICE, 13, choices="level"),
        C("skills", K.LONG_TEXT, 24),
        C("requirements", K.LONG_TEXT, 36),
        C("maintainer", K.CHOICE, 22, choices="maintainer"),
        C("other_maintainers", K.CODES, 28, choices="maintainer"),
        C("id", width=16),
    ),
    spare_rows=4,
)

FINDINGS = Table(
    "findings",
    dict,  # findings are output, not part of the project model
    (
        C("severity", width=12),
        C("sheet", width=22),
        C("cell", width=10),
        C("problem", K.LONG_TEXT, 60),
        C("advice", K.LONG_TEXT, 60),
    ),
    spare_rows=1,
    style="TableStyleLight9",
)

# What the merge writes (``actions.merge``): one row per row it added or put beside a differing
# one, naming the copy it came from. Output of the merge, read back by validate (open conflicts).
MERGE_LOG = Table(
    "merge_log",
    dict,
    (
        C("when", width=17),
        C("copy", width=30),
        C("sheet", width=22),
        C("table", width=30),
        C("row", K.LONG_TEXT, 50),
        C("what", width=14),
    ),
    spare_rows=1,
    style="TableStyleLight9",
)

SHEETS: tuple[Sheet, ...] = (
    Sheet("start", (FACTS,), tab_color="1F4E78"),
    Sheet("step1", (GROUPS, PURPOSES, CHARACTERISTICS), step=1, tab_color="2E75B6"),
    Sheet("step2", (ENTRIES,), step=2, tab_color="2E75B6"),
    Sheet("step3", (INTERACTIONS,), step=3, tab_color="2E75B6"),
    Sheet("step4", (PLATFORMS,), step=4, tab_color="2E75B6"),
    Sheet("frames", (REQUIREMENTS, CRITERIA), step=4, tab_color="2E75B6"),
    Sheet("step5", (MAINTENANCE, CONSTRAINTS), step=5, tab_color="2E75B6"),
    Sheet("themes", (THEMES, THEME_LINKS), tab_color="7F7F7F", print_on_request=True),
    Sheet("catalog", (CATALOG,), tab_color="7F7F7F", print_on_request=True),
    # The findings are a working list (the report prints the open ones first): out of the printout too.
    Sheet("findings", (FINDINGS,), tab_color="C00000", print_on_request=True),
    Sheet("lists", hidden=True, guide=False),
)

# Sheets a new workbook lacks: the action that needs one adds it (``restore_sheet``), last. A
# workbook without them is complete, so they bring no new layout version.
ON_DEMAND_SHEETS: tuple[Sheet, ...] = (
    Sheet("merge_log", (MERGE_LOG,), tab_color="7030A0", print_on_request=True),
)

# The workbook's sheets in order: the Overblik sheet (``layout.overview``, no tables) second.
SHEET_ORDER: tuple[str, ...] = (SHEETS[0].key, "overview", *(s.key for s in SHEETS[1:]))
# The sheets whose whole content is the tool's own: an action may put them back as a new
# workbook has them (the findings, the overview, the hidden dropdown lists and their names).
TOOL_SHEETS: tuple[str, ...] = ("overview", "findings", "lists", *(s.key for s in ON_DEMAND_SHEETS))

# How the merge knows a row again in another copy (``actions.merge``): the fields that name it,
# tried in order (the first whose fields are not all blank). Generated IDs where a table has
# them, else names or the row's own text. A row whose name changed is a new row.
IDENTITY: dict[str, tuple[tuple[str, ...], ...]] = {
    "groups": (("name",),),
    "purposes": (("purpose",),),
    "characteristics": (("name",),),
    "entries": (("group", "kind", "description"),),
    "themes": (("name",),),
    "theme_links": (("resource_theme", "need_theme"),),
    # matching's own identity of a row (its ID is renumbered when two copies gave one ID to two rows)
    "interactions": (("type", "groups", "theme", "need", "resource"), ("id",)),
    "platforms": (("name",),),
    "criteria": (("key",), ("name",)),
    "requirements": (("requirement",),),
    "maintenance": (("platform",),),
    "constraints": (("constraint",),),
    "catalog": (("id",), ("name",)),
}

# Which Project field each table fills (facts are handled on their own).
PROJECT_FIELDS: dict[str, str] = {
    "groups": "groups",
    "purposes": "purposes",
    "characteristics": "characteristics",
    "entries": "entries",
    "themes": "themes",
    "theme_links": "theme_links",
    "interactions": "interactions",
    "platforms": "platforms",
    "criteria": "criteria",
    "requirements": "requirements",
    "maintenance": "maintenance",
    "constraints": "constraints",
    "catalog": "catalog",
}


@cache
def text_limits() -> dict[str, dict[str, int]]:
    """The free-text fields the rules check, per table ("facts" for the facts): field → limit."""
    limits = {"facts": {c.key: c.max_length for c in FACT_FIELDS if c.kind in (Kind.TEXT, Kind.LONG_TEXT, Kind.CHOICE)}}
    for table_key in PROJECT_FIELDS:
        columns = table(table_key).columns
        limits[table_key] = {c.key: c.max_length for c in columns if c.kind in (Kind.TEXT, Kind.LONG_TEXT, Kind.CHOICE)}
    return limits


def takes_input(table_spec: Table) -> bool:
    """A table the planner types into (every one but the findings, which are output only)."""
    return table_spec.model is not dict


@cache
def tables_by_key() -> dict[str, Table]:
    return {t.key: t for s in SHEETS for t in s.tables}


@cache
def sheet_of_table() -> dict[str, Sheet]:
    return {t.key: s for s in (*SHEETS, *ON_DEMAND_SHEETS) for t in s.tables}


def sheet(key: str) -> Sheet:
    for s in (*SHEETS, *ON_DEMAND_SHEETS):
        if s.key == key:
            return s
    raise KeyError(key)


def table(key: str) -> Table:
    if key == MERGE_LOG.key:
        return MERGE_LOG
    return tables_by_key()[key]


def choice_list(key: str) -> ChoiceList:
    for lst in LISTS:
        if lst.key == key:
            return lst
    raise KeyError(key)


@dataclass
class LayoutCheck:
    problems: list[str] = field(default_factory=list)


def check_spec() -> list[str]:
    """Consistency of the spec itself (columns exist on models, lists exist)."""
    problems: list[str] = []
    list_keys = {lst.key for lst in LISTS}
    for s in SHEETS:
        for t in s.tables:
            fields = getattr(t.model, "model_fields", None)
            for c in t.columns:
                if fields is not None and t is not FACTS and c.key not in fields:
                    problems.append(f"{t.key}.{c.key} is not a field of {t.model.__name__}")
                if c.list_key and c.list_key not in list_keys:
                    problems.append(f"{t.key}.{c.key} uses unknown list {c.list_key}")
        for i, t in enumerate(s.tables):
            if t.beside is not None and t.beside not in {u.key for u in s.tables[:i]}:
                problems.append(f"{t.key} stands beside {t.beside}, which is not before it on {s.key}")
    for lst in LISTS:
        if lst.from_table and lst.from_table[0] not in tables_by_key():
            problems.append(f"list {lst.key} reads unknown table {lst.from_table[0]}")
    return problems
