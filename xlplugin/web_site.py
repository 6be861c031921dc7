"""``xlplugin web build OUT/``: the static site of the Office.js add-in (issue 17).

The site holds everything it needs, so a browser calls no server but the site's own host (and
Microsoft's Office.js, in Excel): Pyodide, pinned in package.json and copied from
node_modules/pyodide; the wheels of web/wheels.txt, downloaded once here at build time and
checked against their hashes; this package's own wheel; a lock file (pyodide-lock.json) naming
each wheel with its hash, so Pyodide installs them from the site and nowhere else; the pages and
scripts of web/site/. Built from a checkout (``npm ci`` first); nothing outside it is read.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from xlplugin.domain.errors import UserError

REPO = Path(__file__).resolve().parents[1]
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "package.json")
# The ABI of the pinned Pyodide (its pyodide-lock.json says so; checked at build time)
ABI, PLATFORM, PYTHON = "2026_0", "pyemscripten_2026_0_wasm32", "3.14"
# Served with these types: a server that sends .wasm or .mjs as something else breaks Pyodide
MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_WEB_CONFIG = """<?xml version="1.0" encoding="utf-8"?>
<!-- IIS: the file types the add-in needs (other servers: see the README, "For the IT department") -->
<configuration>
  <system.webServer>
    <staticContent>
{entries}
    </staticContent>
  </system.webServer>
</configuration>
"""


@dataclass
class Site:
    out: Path
    wheels: list[str]
    pyodide: str


def _pip(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"], check=False)
    if done.returncode:
        raise UserError("web.build.pip_failed")


def _lock_entry(wheel: Path) -> dict[str, object]:
    name, version = wheel.name.split("-")[:2]
    with zipfile.ZipFile(wheel) as archive:
        tops = {n.split("/")[0] for n in archive.namelist()}
    imports = sorted(
        t[:-3] if t.endswith(".py") else t for t in tops if not t.endswith((".dist-info", ".data", ".so", ".pth"))
    )
    return {
        "name": name.lower().replace("_", "-"),
        "version": version,
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "package_type": "package",
        "imports": imports,
        "depends": [],
        "unvendored_tests": False,
        "shared_library": False,
    }


def build_site(out: Path | str, wheels_from: Path | str | None = None, host: str | None = None) -> Site:
    """Write the site to ``out`` (emptied first if it is an earlier build). ``wheels_from``: a
    folder holding the wheels of web/wheels.txt already (no download). ``host``: the site's
    https:// address, for the add-in's manifest.xml (none without it)."""
    from xlplugin import web_manifest

    out = Path(out)
    if host is not None:
        web_manifest.manifest(host)  # an address Office cannot load is refused before any work
    pyodide = REPO / "node_modules" / "pyodide"
    static = REPO / "web" / "site"
    if not (pyodide / "pyodide.asm.wasm").is_file() or not static.is_dir():
        raise UserError("web.build.no_checkout", folder=REPO)
    info = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    if info.get("abi_version") != ABI:
        raise UserError("web.build.abi", found=info.get("abi_version"), expected=ABI)
    if out.exists():
        if not (out / "pyodide" / "pyodide-lock.json").is_file():
            raise UserError("web.build.not_empty", folder=out)
        shutil.rmtree(out)
    shutil.copytree(static, out)
    runtime = out / "pyodide"
    runtime.mkdir()
    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide / name, runtime / name)
    requirements = REPO / "web" / "wheels.txt"
    if wheels_from is not None:
        for line in requirements.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                name, version = line.split()[0].split("==")
                found = [w for w in Path(wheels_from).glob("*.whl") if _lock_entry(w)["name"] == name and f"-{version}-" in w.name]
                if not found:
                    raise UserError("web.build.wheel_missing", name=name, folder=wheels_from)
                shutil.copyfile(found[0], runtime / found[0].name)
    else:
        _pip("download", "--only-binary=:all:", "--no-deps", "--require-hashes", "--platform", PLATFORM,
             "--python-version", PYTHON, "--implementation", "cp", "--abi", f"cp{PYTHON.replace('.', '')}",
             "-r", str(requirements), "-d", str(runtime))
    _pip("wheel", "--no-deps", "-w", str(runtime), str(REPO))
    entries = {}
    for wheel in sorted(runtime.glob("*.whl")):
        entry = _lock_entry(wheel)
        entries[str(entry["name"])] = entry
    entries["xlplugin"]["depends"] = sorted(name for name in entries if name != "xlplugin")
    lock = {"info": info, "packages": entries}
    (runtime / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    mime = "\n".join(
        f'      <remove fileExtension="{ext}" />\n      <mimeMap fileExtension="{ext}" mimeType="{kind.split(";")[0]}" />'
        for ext, kind in MIME_TYPES.items()
        if ext in (".wasm", ".mjs", ".whl", ".json", ".xlsx")
    )
    (out / "web.config").write_text(_WEB_CONFIG.format(entries=mime), encoding="utf-8")
    _write_texts(out)
    web_manifest.write(out, host)
    _write_offline_list(out)
    version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    return Site(out, sorted(entries), version)


# the keys the pages show: their own and the ribbon's labels (the same words as the VBA ribbon)
TEXT_PREFIXES = ("web.page.", "web.pane.", "web.error.", "ribbon.", "severity.")
PAGES = ("index.html", "taskpane.html")


def page_texts(lang: str) -> dict[str, str]:
    from xlplugin.layout.texts import texts

    table = texts(lang)
    keys = table.keys()
    return {key: value for key in keys if key.startswith(TEXT_PREFIXES) and isinstance(value := table.get(key), str)}


def _write_texts(out: Path) -> None:
    """texts.json for the scripts (both languages), and the pages' text in Danish already, so
    they read well before their script has run."""
    import re

    from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES

    tables = {lang: page_texts(lang) for lang in LANGUAGES}
    (out / "texts.json").write_text(json.dumps(tables, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    default = tables[DEFAULT_LANGUAGE]

    def fill(m: re.Match[str]) -> str:
        text = default.get(m[2])
        if text is None:
            raise ValueError(f"no text {m[2]!r} for a page")
        return m[1] + text.replace("&", "&amp;").replace("<", "&lt;") + m[3]

    for name in PAGES:
        page = out / name
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r'(<[^<>]*\bdata-t="([^"]+)"[^<>]*>)(</)', fill, html), encoding="utf-8")


def _write_offline_list(out: Path) -> None:
    """offline.json: every file the service worker keeps for offline use; sw.js gets the build's
    hash, so a new build replaces the old copy in the browser."""
    files = sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*")
        if p.is_file() and p.name not in ("sw.js", "offline.json", "web.config", "manifest.xml")
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((out / name).read_bytes()).digest())
    version = digest.hexdigest()[:16]
    (out / "offline.json").write_text(json.dumps({"version": version, "files": ["./", *files]}, indent=1) + "\n", encoding="utf-8")
    worker = out / "sw.js"
    worker.write_text(worker.read_text(encoding="utf-8").replace("__BUILD__", version), encoding="utf-8")

