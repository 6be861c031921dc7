"""The built add-in's VBA on a stand-in office PC: xlwings' real VBA, in pyOpenVBA's interpreter.

pyOpenVBA runs VBA without Excel, but leaves out what touches the machine: file I/O
(``Open``, ``Input #``, ``Line Input #``, ``Close``, ``Kill``, ``FreeFile``, ``EOF``, ``GetAttr``,
``Dir``), ``Environ``, ``MacScript``, ``CreateObject("WScript.Shell")`` and a few Application
members (``International``, ``Hwnd``). This module supplies them as VBA documents them, over a
folder that stands in for the PC's disk, so that the add-in's modules run as built: xlwings'
own ``GetConfig``, ``RunPython``, ``ExecuteWindows`` and ``CleanUp``, not stand-ins.

What the stand-in PC does as Windows/VBA does, and the tests rely on:

- ``Input #`` and ``Line Input #`` read bytes and take each as a character of the ANSI code page
  (``code_page``, Windows-1252 on a Danish Windows): VBA's file I/O does not know UTF-8.
  ``Input #`` reads comma-separated fields; a field in double quotes ends at the next quote.
- Windows paths (``C:\\Users\\...``) and macOS POSIX and HFS paths (``Macintosh HD:Users:...``)
  map onto the folder ``root``.
- ``WScript.Shell.Run`` records the command line and returns the exit code it is given;
  ``ExpandEnvironmentStrings`` expands ``%NAME%`` from the machine's environment.
- ``MacScript`` understands the two scripts xlwings' path helpers send (``POSIX path of`` and
  ``POSIX file ... as string``); a workbook that was never saved has no path, and asking for its
  POSIX path fails as AppleScript does.

The interpreter's preprocessor does not take a comment after a ``#If``/``#Const`` directive;
those comments are removed before loading (nothing else in the source is changed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyopenvba import ExcelFile
from pyopenvba.apps.excel import ExcelApplication
from pyopenvba.apps.excel._model import Application, Workbook
from pyopenvba.exceptions import VBARuntimeError
from pyopenvba.interpreter import _ast, _preprocess, _runtime, _values
from pyopenvba.interpreter._objects import VBAObject, member, method
from pyopenvba.interpreter._parse import parse_expression
from pyopenvba.interpreter._runtime import Interpreter
from pyopenvba.interpreter._values import VBAInt, error

from xlplugin.addin import build

_UNSUPPORTED = _runtime._STATEMENTS[_ast.Unsupported]


def _unsupported(interpreter, statement, frame):
    """pyOpenVBA's one table of statement handlers: ours first, for an interpreter of an Office."""
    handled = getattr(interpreter, "_office_statement", None)
    if handled is not None:
        line = frame.module.parsed.source.splitlines()[statement.line - 1].strip()
        if handled(line, frame):
            return
    _UNSUPPORTED(interpreter, statement, frame)


_runtime._STATEMENTS[_ast.Unsupported] = _unsupported

_TEXT_TO_NUMBER = _values.text_to_number


def _text_to_number(value, *args, **kwargs):
    """VBA takes "True" and "False" as numbers too (CDbl("True") = -1): xlwings' VBA compares
    GetConfig("SHOW CONSOLE", False) with True, a String with a Boolean."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return -1 if value.strip().lower() == "true" else 0
    return _TEXT_TO_NUMBER(value, *args, **kwargs)


_values.text_to_number = _text_to_number

MAC_HD = "Macintosh HD"

# A class module standing in for Office's IRibbonControl (the callbacks read only .ID), and a
# module that calls a callback as the ribbon does (ByRef returnedVal for the text callbacks).
RIBBON_CONTROL = """Public ID As String
"""
RIBBON_CALLER = """Public Function PressCallback(ByVal procedure As String, ByVal id As String) As Variant
    Dim control As New IRibbonControl
    Dim returned As Variant
    control.ID = id
    Select Case procedure
        Case "GetLabel": GetLabel control, returned
        Case "GetScreentip": GetScreentip control, returned
        Case "GetSupertip": GetSupertip control, returned
        Case "OnAction": OnAction control
        Case "OnNew": OnNew control
        Case "OnMerge": OnMerge control
    End Select
    PressCallback = returned
End Function
"""


def strip_directive_comments(source: str) -> str:
    out = []
    for line in source.splitlines(keepends=True):
        if re.match(r"\s*#", line):
            body = line.rstrip("\r\n")
            end = line[len(body) :]
            inside = False
            for i, ch in enumerate(body):
                if ch == '"':
                    inside = not inside
                elif ch == "'" and not inside:
                    body = body[:i].rstrip()
                    break
            line = body + end
        out.append(line)
    return "".join(out)


@dataclass
class Machine:
    """The PC: its disk (a folder), environment, ANSI code page, Excel's country and platform."""

    root: Path
    platform: str = "win32"  # or "darwin"
    env: dict[str, str] = field(default_factory=dict)
    code_page: str = "cp1252"
    country: int = 45  # Application.International(xlCountryCode): 45 is Denmark
    exit_code: int = 0  # what the command WScript.Shell.Run starts returns
    commands: list[str] = field(default_factory=list)  # what WScript.Shell.Run was given
    applescript_tasks: list[tuple[str, str, str]] = field(default_factory=list)
    popups: list[tuple[str, str]] = field(default_factory=list)  # WScript.Shell.Popup (xlwings' ShowError)
    save_as: Any = False  # what Excel's Save As dialog gives back (False: Cancel)
    save_as_asked: list[tuple[str, str]] = field(default_factory=list)
    open_files: Any = False  # what Excel's Open dialog gives back: a list of paths (False: Cancel)
    open_asked: list[tuple[str, str, bool]] = field(default_factory=list)  # (filter, title, several files)
    addin_folder: str = ""  # where the add-in lies (ThisWorkbook.Path)

    @property
    def mac(self) -> bool:
        return self.platform.startswith("darwin")

    def disk(self, path: str) -> Path:
        """Where a Windows, POSIX or HFS path of the PC lies in ``root``."""
        if re.match(r"^[A-Za-z]:[\\/]", path):
            return self.root / path[0].upper() / path[3:].replace("\\", "/")
        if path.startswith(MAC_HD + ":"):
            return self.root / path[len(MAC_HD) + 1 :].replace(":", "/")
        if path.startswith("/"):
            return self.root / path[1:]
        raise VBARuntimeError(52, f"Bad file name or number: {path!r}")


class _WScriptShell(VBAObject):
    vba_type_name = "IWshShell3"

    def __init__(self, machine: Machine):
        self.machine = machine

    @method
    def ExpandEnvironmentStrings(self, Src: object = "") -> object:
        return re.sub(r"%([^%]+)%", lambda m: self.machine.env.get(m.group(1).upper(), m.group(0)), str(Src))

    @method
    def Run(self, Command: object = "", WindowStyle: object = 0, WaitOnReturn: object = False) -> object:
        self.machine.commands.append(str(Command))
        return VBAInt(self.machine.exit_code, "Long")

    @method
    def Popup(self, Text: object = "", SecondsToWait: object = 0, Title: object = "", Type: object = 0) -> object:
        self.machine.popups.append((str(Title), str(Text)))
        return VBAInt(1, "Integer")


class OfficeApplication(Application):
    """Excel's Application with the members xlwings' VBA needs that pyOpenVBA leaves out."""

    machine: Machine

    @member
    def International(self, Index: object = 1) -> object:
        return VBAInt(self.machine.country, "Long")

    @member
    def PathSeparator(self) -> object:
        return "/" if self.machine.mac else "\\"

    @member
    def Hwnd(self) -> object:
        return VBAInt(4242, "Long")

    @member
    def Path(self) -> object:
        if self.machine.mac:
            return "/Applications/Microsoft Excel.app/Contents/MacOS"
        return r"C:\Program Files\Microsoft Office\root\Office16"

    @method
    def GetSaveAsFilename(self, InitialFilename: object = "", FileFilter: object = "", FilterIndex: object = 1, Title: object = "", ButtonText: object = "") -> object:
        self.machine.save_as_asked.append((str(InitialFilename), str(FileFilter)))
        return self.machine.save_as  # False: the user pressed Cancel

    @method
    def GetOpenFilename(self, FileFilter: object = "", FilterIndex: object = 1, Title: object = "", ButtonText: object = "", MultiSelect: object = False) -> object:
        """With MultiSelect, Excel gives the files chosen as an array (1-based), or False for Cancel."""
        self.machine.open_asked.append((str(FileFilter), str(Title), bool(MultiSelect)))
        picked = self.machine.open_files
        if picked is False or not MultiSelect:
            return picked
        return _values.VBAArray([(1, len(picked))], items=list(picked))



class OfficeWorkbook(Workbook):
    """A workbook whose FullName joins its folder with the platform's separator."""

    separator = "\\"

    @member
    def FullName(self) -> object:
        if not self.path:
            return self.name
        return f"{self.path}{'/' if '://' in self.path else self.separator}{self.name}"


class OfficeWorkbookMac(OfficeWorkbook):
    separator = "/"


class Office:
    """The built add-in loaded into Excel on a ``Machine``: its VBA modules, run by pyOpenVBA."""

    def __init__(self, xlam: Path, machine: Machine, *, modules: dict[str, str] | None = None):
        self.machine = machine
        self.app = ExcelApplication()
        self.app.application.__class__ = OfficeApplication
        self.app.application.machine = machine
        self._files: dict[int, list] = {}
        self._install_machine()
        # ThisWorkbook is the add-in: open, but not one of the Workbooks, and never active
        excel = self.app.application
        addin = self.app.add_workbook()
        excel.workbooks_.books.remove(addin)
        excel.active_book = None
        addin.__class__ = OfficeWorkbookMac if machine.mac else OfficeWorkbook
        addin.path = machine.addin_folder or ("/Users/soren/Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel" if machine.mac else r"C:\Users\Søren\AppData\Roaming\Microsoft\Excel\XLSTART")
        addin.name = "xlplugin.xlam"
        excel._this_workbook = addin
        with ExcelFile(xlam) as book:
            sources = modules or {
                name: book.get_module(name) for name in ("xlwings", build.RIBBON_MODULE, build.TEXTS_MODULE)
            }
        constants = {"Mac": True, "Win16": False, "Win32": False, "Win64": False, "MAC_OFFICE_VERSION": 16} if machine.mac else {}
        saved = dict(_preprocess.DEFAULT_CONSTANTS)
        _preprocess.DEFAULT_CONSTANTS.update(constants)
        try:
            for name, source in sources.items():
                self.app.add_module(strip_directive_comments(source), name=name)
            self.app.add_module(RIBBON_CONTROL, name="IRibbonControl", kind="class")
            self.app.add_module(RIBBON_CALLER, name="RibbonCaller")
        finally:
            _preprocess.DEFAULT_CONSTANTS.clear()
            _preprocess.DEFAULT_CONSTANTS.update(saved)

    # --- workbooks ------------------------------------------------------------------------
    def open_workbook(self, folder: str | None, name: str = "Plan.xlsx") -> Workbook:
        """A workbook in Excel: saved in ``folder`` (a path of the PC), or never saved (None)."""
        book = self.app.add_workbook()
        book.__class__ = OfficeWorkbookMac if self.machine.mac else OfficeWorkbook
        book.path = folder or ""
        book.name = name if folder else "Book1"
        return book

    # --- running ----------------------------------------------------------------------------
    def press(self, procedure: str, control_id: str) -> Any:
        """Office calling a ribbon callback; the text callbacks' returnedVal comes back."""
        return self.app.evaluate(f'PressCallback("{procedure}", "{control_id}")')

    def evaluate(self, expression: str) -> Any:
        return self.app.evaluate(expression)

    def run(self, macro: str, *args: Any) -> Any:
        return self.app.run(macro, *args)

    @property
    def dialogs(self) -> list[tuple[str, str, str, int]]:
        return self.app.dialogs

    # --- the machine, as VBA reaches it ------------------------------------------------------
    def _install_machine(self) -> None:
        interpreter: Interpreter = self.app.interpreter
        machine = self.machine
        files = self._files
        intrinsics = interpreter._intrinsics

        def intrinsic(name):
            def register(function):
                intrinsics[name] = lambda _interp, args, named: function(*args, **{k.lower(): v for k, v in named.items()})
                return function

            return register

        @intrinsic("environ")
        def environ(expression):
            return machine.env.get(str(expression).upper(), "")

        @intrinsic("freefile")
        def freefile(rangenumber=None):
            return VBAInt(next(n for n in range(1, 256) if n not in files), "Integer")

        @intrinsic("eof")
        def eof(filenumber):
            handle = files.get(int(filenumber))
            if handle is None:
                raise error(52)
            return handle[1] >= len(handle[0])

        @intrinsic("getattr")
        def getattr_(pathname):
            found = machine.disk(str(pathname))
            if not found.exists():
                raise error(53)
            return VBAInt(16 if found.is_dir() else 32, "Integer")

        @intrinsic("dir")
        def dir_(pathname="", attributes=0):
            found = machine.disk(str(pathname))
            return found.name if found.exists() else ""

        @intrinsic("applescripttask")
        def applescripttask(applescriptfilename, functionname, parameter):
            # a script in ~/Library/Application Scripts/com.microsoft.Excel, run outside the sandbox
            machine.applescript_tasks.append((str(applescriptfilename), str(functionname), str(parameter)))
            return ""

        @intrinsic("macscript")
        def macscript(script):
            script = str(script)
            posix = re.fullmatch(r'return POSIX path of \("(.*)"\) as string', script)
            if posix:
                path = posix.group(1)
                if path.startswith("/"):
                    return path
                if path.startswith(MAC_HD + ":"):
                    return "/" + path[len(MAC_HD) + 1 :].replace(":", "/")
                raise error(5, f"AppleScript: cannot make {path!r} into a file")  # a name, no path
            folder = re.fullmatch(r"return POSIX path of \(path to home folder\) as string", script)
            if folder:  # inside Excel's sandbox, its container
                return machine.env["HOME"].rstrip("/") + "/"
            hfs = re.fullmatch(r'set mac_path to POSIX file "(.*)" as string', script)
            if hfs:
                return MAC_HD + hfs.group(1).replace("/", ":")
            raise error(5, f"MacScript not stood in: {script}")

        original_create = interpreter.host.create

        def create(class_name):
            if str(class_name).lower() == "wscript.shell":
                return _WScriptShell(machine)
            return original_create(class_name)

        interpreter.host.create = create
        interpreter._office_statement = self._statement

    def _value(self, text: str, frame) -> Any:
        return self.app.interpreter.evaluate(parse_expression(text), frame)

    def _assign(self, name: str, value: Any, frame) -> None:
        slot = frame.slot(name) or frame.module.variables.get(name.lower())
        if slot is None:
            raise error(424, name)
        slot.set(value)

    def _statement(self, line: str, frame) -> bool:
        """File I/O statements as VBA runs them; False for a statement not stood in."""
        line = re.split(r"\s+'", line)[0]  # a trailing comment
        opened = re.fullmatch(r"Open (.+) For (Input|Output|Append) As #?(.+)", line, re.I)
        if opened:
            path = self.machine.disk(str(self._value(opened.group(1), frame)))
            number = int(self._value(opened.group(3), frame))
            mode = opened.group(2).lower()
            if mode == "input":
                if not path.is_file():
                    raise error(53)
                self._files[number] = [path.read_bytes().decode(self.machine.code_page, errors="replace"), 0, path, mode]
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                if mode == "output":
                    path.write_bytes(b"")
                self._files[number] = ["", 0, path, mode]
            return True
        closed = re.fullmatch(r"Close\s*#?(.*)", line, re.I)
        if closed:
            numbers = [int(self._value(n, frame)) for n in closed.group(1).split(",") if n.strip()] or list(self._files)
            for number in numbers:
                self._files.pop(number, None)
            return True
        line_input = re.fullmatch(r"Line Input #(\w+)\s*,\s*(\w+)", line, re.I)
        if line_input:
            handle = self._handle(line_input.group(1), frame)
            text, pos = handle[0], handle[1]
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            self._assign(line_input.group(2), text[pos:end].rstrip("\r"), frame)
            handle[1] = end + 1
            return True
        inputs = re.fullmatch(r"Input #(\w+)\s*,\s*(.+)", line, re.I)
        if inputs:
            handle = self._handle(inputs.group(1), frame)
            for name in (n.strip() for n in inputs.group(2).split(",")):
                value, handle[1] = _input_field(handle[0], handle[1])
                self._assign(name, value, frame)
            return True
        killed = re.fullmatch(r"Kill (.+)", line, re.I)
        if killed:
            path = self.machine.disk(str(self._value(killed.group(1), frame)))
            if not path.is_file():
                raise error(53)
            path.unlink()
            return True
        return False

    def _handle(self, number_text: str, frame) -> list:
        handle = self._files.get(int(self._value(number_text, frame)))
        if handle is None:
            raise error(52)
        return handle


def _input_field(text: str, pos: int) -> tuple[str, int]:
    """One field as ``Input #`` reads it: leading blanks skipped; a quoted field ends at the next
    quote (no escape); an unquoted one at a comma or the end of the line."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos < len(text) and text[pos] == '"':
        end = text.find('"', pos + 1)
        end = len(text) if end < 0 else end
        value = text[pos + 1 : end]
        pos = end + 1
    else:
        end = pos
        while end < len(text) and text[end] not in ",\r\n":
            end += 1
        value = text[pos:end].strip()
        pos = end
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos < len(text) and text[pos] == ",":
        pos += 1
    elif text.startswith("\r\n", pos):
        pos += 2
    elif pos < len(text) and text[pos] in "\r\n":
        pos += 1
    return value, pos
