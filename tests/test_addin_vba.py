"""The first press on an office PC (issue 12): the built add-in's VBA with xlwings' real VBA.

Every test loads the add-in as built (xlwings' module with its real GetConfig, RunPython,
ExecuteWindows/ExecuteMac and CleanUp, our ribbon and texts modules) into pyOpenVBA's
interpreter on a stand-in PC (tests/vba_office.py: a folder as its disk, its environment, the
ANSI code page VBA's file I/O reads in). Configuration files are written by the real
``xlplugin addin install``.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import xlwings as xw
from vba_office import MAC_HD, Machine, Office
from workbooks import example
from xlwings_engine import open_book

from xlplugin.addin import build, install
from xlplugin.cli import main
from xlplugin.layout.texts import LANGUAGES, texts

USER = r"C:\Users\Søren"  # a Danish name: not ASCII, but in Windows-1252
PYTHON_WIN = USER + r"\AppData\Local\Programs\Python\Python312\python.exe"
MAC_HOME = "/Users/soren"
MAC_CONTAINER = MAC_HOME + "/Library/Containers/com.microsoft.Excel/Data"  # $HOME inside Excel's sandbox
INTERPRETER_NOT_FOUND = "Could not find Interpreter!"  # xlwings' ExecuteWindows


@pytest.fixture(scope="module")
def xlam(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("addin") / "xlplugin.xlam"
    assert main(["addin", "build", str(path)]) == 0
    return path


def windows_pc(tmp_path, **kwargs) -> Machine:
    machine = Machine(
        tmp_path / "pc",
        env={"USERPROFILE": USER, "TEMP": USER + r"\AppData\Local\Temp", "APPDATA": USER + r"\AppData\Roaming"},
        **kwargs,
    )
    python = machine.disk(PYTHON_WIN)
    python.parent.mkdir(parents=True)
    python.write_bytes(b"MZ")
    return machine


def mac_pc(tmp_path, **kwargs) -> Machine:
    return Machine(tmp_path / "pc", platform="darwin", env={"HOME": MAC_CONTAINER}, **kwargs)


def install_on(machine: Machine, interpreter: str, **kwargs) -> install.Locations:
    """``xlplugin addin install`` for the PC's user (its files land on the PC's disk)."""
    home = machine.disk(MAC_HOME if machine.mac else USER)
    where = install.Locations.for_user(platform=machine.platform, home=home, startup_dir=machine.root / "XLSTART")
    install.install(where, interpreter=interpreter, platform=machine.platform, **kwargs)
    return where


def sys_path_arg(command: str) -> str:
    """The string xlwings' RunPython hands ``xlwings.utils.prepare_sys_path``, as Python gets it."""
    found = re.search(r'prepare_sys_path\(\\"(.*?)\\"\)', command)
    return ast.literal_eval('"' + found.group(1) + '"')


def python_code(command: str) -> str:
    """The Python statement after xlwings' own ``prepare_sys_path`` call in the command line."""
    return re.search(r'prepare_sys_path\(\\".*?\\"\); (.*?)"  --wb=', command).group(1)


# --- 1. the configuration is read back in the code page the VBA reads it in ----------------


def test_install_writes_the_config_in_the_code_page_input_reads(xlam, tmp_path):
    machine = windows_pc(tmp_path)
    where = install_on(machine, PYTHON_WIN)
    assert PYTHON_WIN.encode("cp1252") in where.config_file.read_bytes()
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    assert office.evaluate('GetConfig("INTERPRETER_WIN")') == PYTHON_WIN
    office.press("OnAction", "validate")
    assert office.dialogs == [] and machine.popups == []
    (command,) = machine.commands
    assert f'"{PYTHON_WIN}" -B -c' in command


def test_a_utf8_config_is_what_broke_the_first_press(xlam, tmp_path):
    """What install wrote before: the same file in UTF-8, and the VBA cannot find Python."""
    machine = windows_pc(tmp_path)
    config = machine.disk(USER + r"\.xlplugin\xlplugin.conf")
    config.parent.mkdir(parents=True)
    config.write_text(f'"INTERPRETER_WIN","{PYTHON_WIN}"\n', encoding="utf-8")
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    office.press("OnAction", "validate")
    assert [d[1] for d in office.dialogs] == [INTERPRETER_NOT_FOUND]
    assert machine.commands == []

    install_on(machine, PYTHON_WIN)  # install again: the file is rewritten in the ANSI code page
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    office.press("OnAction", "validate")
    assert office.dialogs == [] and len(machine.commands) == 1


def test_an_admins_settings_survive_the_rewrite_in_the_ansi_code_page(xlam, tmp_path):
    machine = windows_pc(tmp_path)
    config = machine.disk(USER + r"\.xlplugin\xlplugin.conf")
    config.parent.mkdir(parents=True)
    config.write_text('"PYTHONPATH","C:\\Fælles\\python"\n', encoding="utf-8")  # an earlier UTF-8 file
    install_on(machine, PYTHON_WIN)
    office = Office(xlam, machine)
    assert office.evaluate('GetConfig("PYTHONPATH", "", "user")') == "C:\\Fælles\\python"


def test_a_path_the_ansi_code_page_cannot_hold_is_refused_with_a_reason(tmp_path):
    from xlplugin.domain.errors import UserError

    where = install.Locations.for_user(platform="win32", home=tmp_path / "home", startup_dir=tmp_path / "XLSTART")
    with pytest.raises(UserError) as error:
        install.write_config(where.config_file, {"INTERPRETER_WIN": "C:\\Users\\Ўлад\\python.exe"}, "win32")
    assert error.value.key == "msg.addin.config_encoding"
    assert not where.config_file.exists()


# --- 2. the workbook's folder stays off sys.path ----------------------------------------------


def test_install_turns_add_workbook_to_pythonpath_off(xlam, tmp_path):
    machine = windows_pc(tmp_path)
    install_on(machine, PYTHON_WIN)
    office = Office(xlam, machine)
    office.open_workbook("https://d.docs.live.net/4f2c1a0b9e8d7c6b/Dokumenter")  # OneDrive: FullName is a URL
    office.press("OnAction", "validate")
    (command,) = machine.commands
    args = sys_path_arg(command)
    assert args.startswith("false;https://d.docs.live.net/4f2c1a0b9e8d7c6b/Dokumenter/Plan.xlsx;")
    before = list(sys.path)
    try:
        xw.utils.prepare_sys_path(args)  # with "true" xlwings looks for the local OneDrive folder, and raises
        assert set(sys.path) - set(before) <= {""}  # the PYTHONPATH setting, empty
    finally:
        sys.path[:] = before


def test_a_folder_called_xlplugin_next_to_the_workbook_does_not_shadow_the_package(xlam, tmp_path):
    """The command RunPython builds, run by Python: xlplugin comes from where pip installed it."""
    machine = windows_pc(tmp_path)
    install_on(machine, PYTHON_WIN)
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    office.press("OnAction", "help")
    args = sys_path_arg(machine.commands[0])
    documents = tmp_path / "Documents"  # the workbook's folder, on this machine
    (documents / "xlplugin").mkdir(parents=True)
    (documents / "xlplugin" / "__init__.py").write_text("raise SystemExit('the shadow was imported')\n")
    args = args.replace(USER + r"\Documents\Plan.xlsx", str(documents / "Plan.xlsx"))
    code = f"import xlwings.utils; xlwings.utils.prepare_sys_path({args!r}); import xlplugin; print(xlplugin.__file__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert Path(out.strip()).parent.parent == Path(__import__("xlplugin").__file__).parent.parent
    shadowed = code.replace("'false;", "'true;")  # what xlwings does by default
    assert subprocess.run([sys.executable, "-c", shadowed], capture_output=True, text=True, cwd=tmp_path).returncode != 0


# --- 3. no workbook open: every callback, with the real GetConfig --------------------------------


def ribbon_callbacks() -> list[tuple[str, str]]:
    """(procedure, control id) for every callback in the ribbon XML."""
    sources = build.RibbonSources.load()
    return [
        (el.get(attr).split(".")[1], el.get("id"))
        for el in sources.root.iter()
        for attr in build.CALLBACK_ATTRIBUTES
        if el.get(attr)
    ]


@pytest.mark.parametrize("config", ["none", "utf-8", "ansi"])
@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_every_callback_works_with_no_workbook_open(xlam, tmp_path, config, platform):
    machine = windows_pc(tmp_path) if platform == "win32" else mac_pc(tmp_path)
    lang = "en"
    if config != "none":
        file = machine.disk(MAC_CONTAINER if machine.mac else USER + r"\.xlplugin") / "xlplugin.conf"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(f'"XLPLUGIN_LANG","{lang}"\r\n'.encode("utf-8" if config == "utf-8" else "cp1252"))
    else:
        lang = "da"  # Excel's country is Denmark
    office = Office(xlam, machine)
    t = texts(lang)
    for procedure, control in ribbon_callbacks():
        returned = office.press(procedure, control)
        if procedure.startswith("Get"):
            kind = {"GetLabel": "label", "GetScreentip": "screentip", "GetSupertip": "supertip"}[procedure]
            assert returned == t[f"ribbon.{control}.{kind}"], (procedure, control)
    expected = [
        t["ribbon.new.mac_no_workbook"] if machine.mac and procedure == "OnNew" else t["ribbon.no_workbook"]
        for procedure, _ in ribbon_callbacks()
        if procedure in ("OnAction", "OnMerge") or (machine.mac and procedure == "OnNew")
    ]
    assert [d[1] for d in office.dialogs] == expected
    assert bool(machine.save_as_asked) is not machine.mac  # Windows: the dialog for "new" was cancelled
    assert machine.open_asked == []  # "merge" asks for files only with a workbook to merge into


def test_new_with_no_workbook_open_on_windows_starts_from_a_new_workbook(xlam, tmp_path):
    machine = windows_pc(tmp_path, save_as=USER + r"\Documents\Plan 2027.xlsx")
    install_on(machine, PYTHON_WIN)
    office = Office(xlam, machine)
    office.press("OnNew", "new")
    (command,) = machine.commands
    assert re.search(r'--wb="Book\d"', command)  # xlwings finds the caller by name: an unsaved book has one
    assert "path_hex='" + (USER + r"\Documents\Plan 2027.xlsx").encode("utf-16-be").hex().upper() in command


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_merge_asks_for_several_files_and_sends_them_one_per_line(xlam, tmp_path, platform):
    if platform == "win32":
        picked = [USER + r"\Documents\Kopi 1 & 'æ'.xlsx", USER + r"\Desktop\Kopi 2.xlsx"]
        machine = windows_pc(tmp_path, open_files=picked)
        install_on(machine, PYTHON_WIN)
        folder = USER + r"\Documents"
    else:
        picked = [MAC_HOME + "/Documents/Kopi 1.xlsx", MAC_HD + ":Users:soren:Desktop:Kopi 2.xlsx"]
        machine = mac_pc(tmp_path, open_files=picked)
        install_on(machine, "/Users/soren/venv/bin/python")
        folder = MAC_HOME + "/Documents"
    office = Office(xlam, machine)
    office.open_workbook(folder)
    office.press("OnMerge", "merge")
    t = texts("da")
    ((file_filter, title, several),) = machine.open_asked
    assert several and title == t["ribbon.merge.title"]
    assert (file_filter == t["ribbon.merge.filter"]) is not machine.mac  # the Mac's dialog takes no Windows filter
    sent = machine.applescript_tasks[0][2] if machine.mac else machine.commands[0]
    posix = [picked[0], "/Users/soren/Desktop/Kopi 2.xlsx"] if machine.mac else picked
    assert "path_hex='" + "\n".join(posix).encode("utf-16-be").hex().upper() + "'" in sent
    assert "xlplugin.ribbon.run('merge'" in sent


def test_merge_cancelled_runs_nothing(xlam, tmp_path):
    machine = windows_pc(tmp_path)  # the dialog gives False: Cancel
    install_on(machine, PYTHON_WIN)
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    office.press("OnMerge", "merge")
    assert len(machine.open_asked) == 1 and machine.commands == [] and office.dialogs == []


# --- 5. macOS: CleanUp, quoted interpreter, unsaved workbooks -----------------------------------


def test_cleanup_is_reachable_by_name_and_shows_the_error(xlam, tmp_path):
    """xlwings' _xlmac.cleanup runs the macro "CleanUp" by name when Python exits."""
    machine = mac_pc(tmp_path)
    office = Office(xlam, machine)
    office.open_workbook(MAC_HOME + "/Documents")  # the workbook whose button ran Python
    office.app.add_module('Public Sub FromOutside()\n    CleanUp\nEnd Sub\n', name="Caller")
    log = machine.disk(MAC_CONTAINER + "/xlwings.log")
    log.parent.mkdir(parents=True)
    log.write_text("Traceback (most recent call last):\nModuleNotFoundError: No module named 'xlplugin'\n")
    office.app.application.vba_set("StatusBar", "Running...", [], {}, by_ref=False)
    office.run("FromOutside")
    (dialog,) = office.dialogs
    assert "No module named 'xlplugin'" in dialog[1]
    assert office.evaluate("Application.StatusBar") is False
    assert not log.exists()


def test_mac_refuses_an_unsaved_workbook_with_a_clear_message(xlam, tmp_path):
    machine = mac_pc(tmp_path)
    office = Office(xlam, machine)
    office.open_workbook(None)
    office.press("OnAction", "validate")
    office.press("OnNew", "new")
    t = texts("da")
    assert [d[1] for d in office.dialogs] == [t["ribbon.save_first"], t["ribbon.new.mac_no_workbook"]]
    assert machine.applescript_tasks == [] and machine.save_as_asked == []


def test_mac_runs_a_saved_workbook_through_the_applescript(xlam, tmp_path):
    machine = mac_pc(tmp_path)
    where = install_on(machine, "/Users/soren/Python Envs/xlplugin/bin/python")
    office = Office(xlam, machine)
    office.open_workbook(MAC_HOME + "/Documents")
    office.press("OnAction", "validate")
    (task,) = machine.applescript_tasks
    pythonpath, interpreter, command, book, _app, _log = task[2].split("|")
    assert pythonpath.startswith("false;/Users/soren/Documents/Plan.xlsx;")
    assert interpreter == str(where.launcher) and where.launcher.name == "python-launcher"
    assert "/Python Envs/" not in interpreter  # the launcher runs it, quoted
    assert command.startswith("import xlplugin.ribbon; xlplugin.ribbon.run('validate'") and book == "Plan.xlsx"


def test_an_interpreter_path_with_spaces_runs_through_the_applescripts_shell_command(tmp_path):
    """The shell command xlwings' VbaHandler builds, with INTERPRETER_MAC as install writes it."""
    spaced = tmp_path / "Python Envs" / "it's here" / "python"
    spaced.parent.mkdir(parents=True)
    spaced.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    spaced.chmod(0o755)
    where = install.Locations.for_user(platform="darwin", home=tmp_path / "home", startup_dir=tmp_path / "XLSTART")
    install.install(where, interpreter=str(spaced), platform="darwin")
    interpreter = install.read_config(where.config_file, "darwin")["INTERPRETER_MAC"]
    shell = (
        interpreter
        + ' -B -u -W ignore -c "import xlwings.utils;xlwings.utils.prepare_sys_path(\'false;/Users/soren/Plan.xlsx;;;;;\');'
        + 'import xlplugin.ribbon; print(xlplugin.ribbon.__name__) " "--wb=Plan.xlsx" "--from_xl=1"'
    )
    done = subprocess.run(["/bin/sh", "-c", shell], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "xlplugin.ribbon"
    status = dict(install.status(where, platform="darwin"))
    assert status["msg.addin.config"]["python"] == str(spaced)


# --- the button's command runs the action (VBA → Python end to end) ----------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_command_runpython_builds_runs_the_action(xlam, tmp_path, lang):
    target = USER + r"\Documents\Plan & drift 'æ€' 100%.xlsx"
    machine = windows_pc(tmp_path, save_as=target)
    install_on(machine, PYTHON_WIN, ribbon_lang=lang)
    office = Office(xlam, machine)
    office.open_workbook(USER + r"\Documents")
    office.press("OnNew", "new")
    code = python_code(machine.commands[0])
    assert code.startswith("import xlplugin.ribbon; xlplugin.ribbon.run('new', ")
    here = tmp_path / "Plan & drift 'æ€' 100%.xlsx"
    code = code.replace(
        target.encode("utf-16-be").hex().upper(), str(here).encode("utf-16-be").hex().upper()
    )  # the same press, with a folder of this machine
    book = open_book(example(tmp_path, lang))
    book.set_mock_caller()
    try:
        exec(code, {})  # what RunPython runs in the new Python process
    finally:
        del xw.Book._mock_caller
    assert book.impl.app.alerts[-1]["prompt"] == texts(lang).format("ribbon.new.done", path=here)
    assert here.exists()
