"""Packaging (issue 17): xlwings and pyopenvba are the `desktop` extra. The command line and the
README's first set-up command (`pip install -e . && xlplugin demo`) run without them; the
desktop add-in's commands say how to install them; the test extra pulls them in, so
`bash .ci/run` still builds and tests the add-in."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import requires

import pytest

WITHOUT_DESKTOP = """
import sys
sys.modules["xlwings"] = None  # as in an environment installed without the desktop extra
sys.modules["pyopenvba"] = None
from xlplugin.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_xlwings_and_pyopenvba_are_the_desktop_extra_pinned_exactly():
    """As the installed package's metadata says (pip install -e . reads pyproject.toml)."""
    wanted = {r.replace(" ", "").replace("'", '"') for r in requires("xlplugin") or []}
    assert {'xlwings==0.37.8;extra=="desktop"', 'pyopenvba==6.5.0;extra=="desktop"', 'xlplugin[desktop];extra=="test"'} <= wanted
    assert not [r for r in wanted if r.startswith(("xlwings", "pyopenvba")) and "extra" not in r]


def run_without_desktop(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_DESKTOP, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_the_addin_commands_say_how_to_install_the_desktop_extra(tmp_path):
    done = run_without_desktop("--lang", "en", "addin", "status", cwd=tmp_path)
    assert done.returncode == 2
    assert 'pip install "xlplugin[desktop]"' in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.slow
def test_the_demo_runs_without_the_desktop_extra(tmp_path):
    done = run_without_desktop("demo", str(tmp_path / "demo"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (tmp_path / "demo" / "Eksempel.xlsx").is_file()
    assert (tmp_path / "demo" / "Eksempel - rapport.pdf").is_file()
