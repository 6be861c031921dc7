"""A whole project as one JSON document: for version control and for other systems. Pure.

The document names its format and the workbook layout it came from, and carries the
workbook's language (names of themes, groups and choices' labels are in it), so it can
become a workbook again. Its JSON Schema is pydantic's (``ProjectFile.model_json_schema()``).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from xlplugin.domain.models import Model, Project

FORMAT: Literal["xlplugin-project"] = "xlplugin-project"


class ProjectFile(Model):
    """The exchange document: ``{"format": ..., "layout": 1, "lang": "da", "project": {...}}``."""

    format: Literal["xlplugin-project"] = FORMAT
    layout: int = Field(ge=1, description="the workbook layout version the project was read from")
    lang: Literal["da", "en"] = Field(description="the workbook's language (sheet names, labels)")
    project: Project
