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
# xlwings' RunPython puts the workbook's folder on sys.path unless this is false: a OneDrive or
# SharePoint workbook (a URL as FullName) then fails in xlwings' prepare_sys_path before our
# code runs, and a folder called xlplugin next to a workbook would shadow the package. Python
# finds xlplugin where pip installed it, in the interpreter's own site-packages.
WORKBOOK_PATH_KEY = "ADD_WORKBOOK_TO_PYTHONPATH"
# macOS: xlwings' RunPython AppleScript puts INTERPRETER_MAC unquoted into a shell command, so
# a path with a space breaks it. The configuration names this launcher instead (its path has
# no space: macOS account names have none), which runs the real interpreter, quoted.
MAC_LAUNCHER = "python-launcher"


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
    launcher: Path | None = None  # macOS: see MAC_LAUNCHER

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
                launcher=home / f".{PROJECT_NAME}" / MAC_LAUNCHER,
            )
        return cls(
            startup_dir=startup_dir or default_startup_dir(platform, home),
            config_file=home / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf",
        )

    @property
    def addin(self) -> Path:
        return self.startup_dir / ADDIN_FILE


# --- the user configuration: xlwings' format, one "KEY","VALUE" line per setting -----------
#
# The add-in's VBA reads it with `Input #`, which takes each byte as a character of the
# system's ANSI code page (Windows-1252 on a Danish or English Windows): a UTF-8 "ø" arrives
# as "Ã¸" and the interpreter path is not found. So on Windows the file is written in the ANSI
# code page, as xlwings' own `xlwings config create` does (Python's locale encoding). On macOS
# xlwings writes UTF-8 too, and so do we.

_LINE = re.compile(r'^"([^"]*)","(.*)"\s*$')


def config_encoding(platform: str = sys.platform) -> str:
    """The code page the add-in's VBA reads the configuration in."""
    if _is_mac(platform):
        return "utf-8"
    if sys.platform.startswith("win"):
        return "mbcs"  # Python's name for the ANSI code page (CP_ACP), the one VBA uses
    return "cp1252"  # Windows' ANSI code page in Denmark and English-speaking countries


def read_config(path: Path, platform: str = sys.platform) -> dict[str, str]:
    if not path.exists():
        return {}
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")  # ASCII, or a file an earlier version wrote in UTF-8
    except UnicodeDecodeError:
        text = data.decode(config_encoding(platform), errors="replace")
    settings = {}
    for line in text.splitlines():
        match = _LINE.match(line)
        if match:
            settings[match.group(1).upper()] = match.group(2)
    return settings


def write_config(path: Path, updates: dict[str, str | None], platform: str = sys.platform) -> None:
    """Set (or with None remove) keys, keeping every other setting the file has."""
    from xlplugin.gateway.save import atomic_write

    settings = read_config(path, platform)
    for key, value in updates.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    # `Input #` reads a line ending in CR LF or LF alike; Windows' own is CR LF
    newline = "\n" if _is_mac(platform) else "\r\n"
    text = "".join(f'"{key}","{value}"{newline}' for key, value in settings.items())
    encoding = config_encoding(platform)
    for key, value in settings.items():
        try:
            value.encode(encoding)
        except UnicodeEncodeError as exc:
            raise UserError("msg.addin.config_encoding", setting=key, value=value, encoding=encoding) from exc
        if '"' in value:  # `Input #` ends a quoted field at the next quote: no way to write one
            raise UserError("msg.addin.config_quote", setting=key, value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(text.encode(encoding)))


def mac_launcher_script(interpreter: str) -> str:
    """The macOS launcher: runs ``interpreter`` (quoted for the shell) with the arguments given."""
    quoted = "'" + interpreter.replace("'", "'\\''") + "'"
    return f"#!/bin/sh\n# Written by `xlplugin addin install`: the Python the add-in's buttons run.\nexec {quoted} \"$@\"\n"


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

    configured = interpreter
    if where.launcher is not None and _is_mac(platform):
        where.launcher.parent.mkdir(parents=True, exist_ok=True)
        where.launcher.write_text(mac_launcher_script(interpreter), encoding="utf-8")
        where.launcher.chmod(0o755)
        configured = str(where.launcher)
    write_config(
        where.config_file,
        {
            interpreter_key(platform): configured,
            WORKBOOK_PATH_KEY: "false",
            LANG_KEY: None if ribbon_lang == "auto" else ribbon_lang,
        },
        platform,
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
    for owned in (where.config_file, where.launcher):
        if owned is not None and owned.exists():
            owned.unlink()
            report.append(("msg.addin.uninstalled", {"path": owned}))
            if owned.parent.name == f".{PROJECT_NAME}" and not any(owned.parent.iterdir()):
                owned.parent.rmdir()
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
    python = read_config(where.config_file, platform).get(interpreter_key(platform))
    if python and where.launcher is not None and python == str(where.launcher) and where.launcher.exists():
        found = re.search(r"^exec '(.*)' \"\$@\"$", where.launcher.read_text(encoding="utf-8"), re.M)
        python = found.group(1).replace("'\\''", "'") if found else python
    if python:
        report.append(("msg.addin.config", {"python": python, "config": where.config_file}))
    else:
        report.append(("msg.addin.status_no_config", {"config": where.config_file}))
    return report
