"""Shared helpers for tests that run the real tools: the Open XML SDK validator and LibreOffice.

A tool that is missing makes the test FAIL when CI=true (the CI machine must have it) and
skip on a developer's machine. Install everything with `bash .ci/run`.
"""
from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
# Reference files kept in the repository (each folder says where they come from, and their licence).
FIXTURES = REPO / "tests" / "fixtures"
EXCEL_MADE = FIXTURES / "excel-made"
SCHEMAS = FIXTURES / "schemas"
VALIDATOR = REPO / "node_modules" / ".bin" / "ooxml-validator"
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")

# Hypothesis draws the same examples on every CI run (a failure there is reproducible), and
# random ones on a developer's machine (more inputs over time).
settings.register_profile("ci", derandomize=True, print_blob=True)
if IN_CI:
    settings.load_profile("ci")

SOFFICE_TIMEOUT = 240  # seconds; a cold LibreOffice start on a slow CI machine is a few seconds


def require_tool(name: str, path: Path | None = None) -> str:
    """The tool's path; fails the test in CI when it is missing, skips it elsewhere."""
    if path is not None:
        if path.exists():
            return str(path)
    elif shutil.which(name):
        return shutil.which(name)
    message = f"{name} is not installed (`bash .ci/run` installs it)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


# --- Open XML SDK validator ------------------------------------------------------------------

# openpyxl writes a font's children (b, i, u, sz, color, name, ...) in its own order, not the
# schema's sequence; Excel reads them fine. Only this report, only for fonts in styles.xml, is
# ignored.
_FONT_CHILDREN = "b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color|name|family|charset|scheme"
_FONT_XPATH = re.compile(r"^/x:styleSheet\[1\]/(x:fonts\[1\]|x:dxfs\[1\]/x:dxf\[\d+\])/x:font\[\d+\]$")
_FONT_CHILD = re.compile(
    r"^The element has unexpected child element "
    rf"'http://schemas\.openxmlformats\.org/spreadsheetml/2006/main:({_FONT_CHILDREN})'\.$"
)


def is_openpyxl_font_order(error: dict) -> bool:
    return (
        error.get("id") == "Sch_UnexpectedElementContentExpectingComplex"
        and error.get("path") == "/xl/styles.xml"
        and bool(_FONT_XPATH.match(error.get("xPath", "")))
        and bool(_FONT_CHILD.match(error.get("description", "")))
    )


def ooxml_validate_all(path: Path) -> list[dict]:
    """Every error the Open XML SDK validator reports for the file."""
    tool = require_tool("ooxml-validator", VALIDATOR)
    proc = subprocess.run([tool, str(Path(path).resolve())], capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"validator failed (exit {proc.returncode}): {proc.stderr or proc.stdout}") from None
    assert proc.returncode in (0, 1), f"validator exit {proc.returncode}: {proc.stderr}"
    assert report.get("ok") == (not report.get("errors")), report
    return list(report.get("errors") or [])


def ooxml_validate(path: Path) -> list[dict]:
    """The validator's errors minus openpyxl's known font-order report."""
    return [e for e in ooxml_validate_all(path) if not is_openpyxl_font_order(e)]


def validator_findings(path: Path, everything: bool = False) -> set[tuple[str | None, str | None, str | None]]:
    """The validator's errors as (id, part, XPath), to compare a file before and after an action."""
    errors = ooxml_validate_all(path) if everything else ooxml_validate(path)
    return {(e.get("id"), e.get("path"), e.get("xPath")) for e in errors}


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The text of a PDF (of one page, counted from 1), as poppler's pdftotext reads it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = [require_tool("pdftotext"), *pages, str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


# --- LibreOffice ----------------------------------------------------------------------------

# Recalculate every formula when an .xlsx is loaded ("always"), whatever LibreOffice guesses
# from the file's producer, so a round trip shows what Excel would compute.
_LO_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _lo_profile() -> Path:
    """A LibreOffice profile of this process only, so parallel test runs never share one."""
    profile = Path(tempfile.gettempdir()) / f"xlplugin-lo-{os.getpid()}"
    settings = profile / "user" / "registrymodifications.xcu"
    if not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(_LO_SETTINGS, encoding="utf-8")
        atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def soffice_convert(path: Path, fmt: str, outdir: Path, infilter: str | None = None) -> Path:
    """Convert with headless LibreOffice (`fmt`: "pdf", "xlsx", "png", ...); returns the new file.

    ``infilter`` names the import filter where LibreOffice picks none itself (an .xlam).
    """
    tool = require_tool("soffice")
    path, outdir = Path(path).resolve(), Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{path.stem}.{fmt.split(':', 1)[0]}"
    assert target != path, "convert into another folder; LibreOffice would overwrite the source"
    if target.exists():
        target.unlink()
    cmd = [
        tool,
        f"-env:UserInstallation={_lo_profile().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        *([f"--infilter={infilter}"] if infilter else []),
        "--convert-to",
        fmt,
        "--outdir",
        str(outdir),
        str(path),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT)
    assert target.exists(), f"LibreOffice made no {target.name} (exit {proc.returncode}): {proc.stdout} {proc.stderr}"
    return target


# Integration tests: whole workbooks on disk through the file gateway, or the xlwings test
# engine. They run in CI and with plain `pytest -q`; `pytest -m "not slow"` leaves them out and
# keeps the actions' logic (fake gateway), the domain and the units: under a minute.
INTEGRATION_MODULES = frozenset(
    {
        "test_validate.py",
        "test_hostile.py",
        "test_match_action.py",
        "test_hostile_property.py",
        "test_ribbon.py",
        "test_steps45_files.py",
        "test_workbook.py",
        "test_inplace.py",
        "test_writer.py",
        "test_report.py",
    }
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in INTEGRATION_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(params=["lxml", pytest.param("stdlib", marks=pytest.mark.slow)])
def xml_backend(request, monkeypatch):
    """The in-place writer on lxml and on the standard library (``xmltree``'s own ElementTree
    backend: what runs in the browser, where there is no lxml). Modules that write files use it
    with ``pytestmark = pytest.mark.usefixtures("xml_backend")``; child processes inherit the
    choice. The standard library's runs count as slow, so the fast selection stays fast."""
    from xlplugin.gateway import xmltree

    previous = xmltree.use(request.param)
    assert xmltree.etree.name == request.param
    monkeypatch.setenv("XLPLUGIN_XML", request.param)
    yield request.param
    xmltree.use(previous)
