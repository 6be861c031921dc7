"""`xlplugin addin install | uninstall | status`, on top of xlwings' own installation logic.

Like ``xlwings addin install``: the add-in goes into Excel's startup folder (XLSTART, found
by xlwings), and on macOS xlwings' RunPython AppleScript goes where Excel's sandbox may run
it. Then the user configuration that the add-in's xlwings VBA reads (``PROJECT_NAME.conf``,
ours: ``xlplugin.conf``) names the Python that runs this code, so a button finds it.
Nothing is ever written into a project workbook. Every location is injectable for tests.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from xlplugin.addin.build import PROJECT_NAME
from xlplugin.domain.errors import UserError

ADDIN_FILE = f"{PROJECT_NAME}.xlam"
LANG_KEY = "XLPLUGIN_LANG"


def _is_mac(platform: str) -> bool:
    return platform.startswith("darwin")


def interpreter_key(platform: str = sys.platform) -> str:
    return "INTERPRETER_MAC" if _is_mac(platform) else "INTERPRETER_WIN"


def default_startup_dir(platform: str = sys.platform, home: Path | None = None) -> Path:
    """Excel's XLSTART as xlwings finds it (asking Excel), else where Excel keeps it by default."""
    try:
        from xlwings.cli import get_addin_dir

        return Path(get_addin_dir())
    except Exception as exc:  # no Excel, no automation permission, not Windows/macOS
        reason = (str(exc) or type(exc).__name__).rstrip(".")
    home = home or Path.home()
    if _is_mac(platform):
        fallback = home / "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
    elif platform.startswith("win"):
        fallback = Path(os.environ.get("APPDATA", home / "AppData/Roaming")) / "Microsoft/Excel/XLSTART"
    else:
        raise UserError("msg.addin.no_startup", reason=reason)
    if not fallback.parent.is_dir():
        raise UserError("msg.addin.no_startup", reason=reason)
    return fallback


@dataclass(frozen=True)
class Locations:
    """Where the add-in, its user configuration and (macOS) the RunPython script live."""

    startup_dir: Path
    config_file: Path
    runpython_dir: Path | None = None

    @classmethod
    def for_user(
        cls, platform: str = sys.platform, home: Path | None = None, startup_dir: Path | None = None
    ) -> Locations:
        home = home or Path.home()
        if _is_mac(platform):
            # The add-in's VBA reads the config inside Excel's sandbox (xlwings' GetConfigFilePath).
            return cls(
                startup_dir=startup_dir or default_startup_dir(platform, home),
                config_file=home / "Library/Containers/com.microsoft.Excel/Data" / f"{PROJECT_NAME}.conf",
                runpython_dir=home / "Library/Application Scripts/com.microsoft.Excel",
            )
        return cls(
            startup_dir=startup_dir or default_startup_dir(platform, home),
            config_file=home / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf",
        )

    @property
    def addin(self) -> Path:
        return self.startup_dir / ADDIN_FILE


# --- the user configuration: xlwings' format, one "KEY","VALUE" line per setting -----------

_LINE = re.compile(r'^"([^"]*)","(.*)"\s*$')


def read_config(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    settings = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line)
        if match:
            settings[match.group(1).upper()] = match.group(2)
    return settings


def write_config(path: Path, updates: dict[str, str | None]) -> None:
    """Set (or with None remove) keys, keeping every other setting the file has."""
    from xlplugin.gateway.save import atomic_write

    settings = read_config(path)
    for key, value in updates.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    text = "".join(f'"{key}","{value}"\n' for key, value in settings.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


# --- the three commands ----------------------------------------------------------------------


def install(
    where: Locations,
    *,
    interpreter: str = sys.executable,
    platform: str = sys.platform,
    ribbon_lang: str = "auto",
) -> list[tuple[str, dict]]:
    """Build the add-in into XLSTART and configure it; returns (text key, params) to report."""
    from xlplugin.addin.build import build_addin

    where.startup_dir.mkdir(parents=True, exist_ok=True)
    try:
        build_addin(where.addin)
    except PermissionError as exc:  # Windows: Excel has the old add-in open
        raise UserError("msg.addin.in_use", path=where.addin) from exc
    report: list[tuple[str, dict[str, object]]] = [("msg.addin.installed", {"path": where.addin})]

    write_config(
        where.config_file,
        {interpreter_key(platform): interpreter, LANG_KEY: None if ribbon_lang == "auto" else ribbon_lang},
    )
    report.append(("msg.addin.config", {"python": interpreter, "config": where.config_file}))

    if where.runpython_dir is not None:  # macOS, as xlwings' `runpython install`
        import xlwings

        script = Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"
        where.runpython_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(script, where.runpython_dir / script.name)
        report.append(("msg.addin.runpython", {"path": where.runpython_dir / script.name}))
    report.append(("msg.addin.restart", {}))
    return report


def uninstall(where: Locations) -> list[tuple[str, dict]]:
    """Remove the add-in and its configuration file (the RunPython script is xlwings', shared)."""
    report = []
    if where.addin.exists():
        try:
            where.addin.unlink()
        except PermissionError as exc:
            raise UserError("msg.addin.in_use", path=where.addin) from exc
        report.append(("msg.addin.uninstalled", {"path": where.addin}))
    else:
        report.append(("msg.addin.status_missing", {"path": where.addin}))
    if where.config_file.exists():
        where.config_file.unlink()
        report.append(("msg.addin.uninstalled", {"path": where.config_file}))
        if where.config_file.parent.name == f".{PROJECT_NAME}" and not any(where.config_file.parent.iterdir()):
            where.config_file.parent.rmdir()
    return report


def installed_version(addin: Path) -> str:
    """The ADDIN_VERSION an .xlam was built with (read back from its VBA)."""
    from pyopenvba import ExcelFile

    from xlplugin.addin.build import RIBBON_MODULE

    with ExcelFile(addin) as book:
        found = re.search(r'ADDIN_VERSION As String = "([^"]*)"', book.get_module(RIBBON_MODULE))
    return found.group(1) if found else "?"


def status(where: Locations, platform: str = sys.platform) -> list[tuple[str, dict]]:
    from xlplugin import __version__

    if not where.addin.exists():
        return [("msg.addin.status_missing", {"path": where.addin})]
    version = installed_version(where.addin)
    report = [("msg.addin.status_installed", {"path": where.addin, "version": version})]
    if version != __version__:
        report.append(("msg.addin.status_outdated", {"package": __version__}))
    python = read_config(where.config_file).get(interpreter_key(platform))
    if python:
        report.append(("msg.addin.config", {"python": python, "config": where.config_file}))
    else:
        report.append(("msg.addin.status_no_config", {"config": where.config_file}))
    return report
