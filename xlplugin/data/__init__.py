"""Package data: the theme vocabulary, the platform catalog and the folder's worked example."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load_json(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
