"""Pausing Python's cycle collector while a step builds 100,000s of acyclic objects."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector: reading or matching 20,000 entries builds objects by the
    100,000, and the collector's passes over them cost more than the work itself (a 20,000-row
    table read: -40 %; matching 200 groups: -70 %). Nothing they build holds a cycle to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What was built meanwhile joins the oldest generation unwalked (freeze and unfreeze
            # move every tracked object there at once): enabling alone would walk all of it
            # now (40 ms after validating 20,000 entries). A cycle among it is still freed, by
            # the next full collection.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
