"""The command line `xlplugin`: a thin entry point over the actions."""
from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xlplugin.cli_words import argparse_speaks, format_findings
from xlplugin.domain.errors import UserError, writing
from xlplugin.domain.phrases import Phrase
from xlplugin.layout.texts import DEFAULT_LANGUAGE, LANGUAGES, texts
from xlplugin.layout.words import Words


def _lang_from_argv(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return DEFAULT_LANGUAGE


def _new_target(path: Path, force: bool) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise UserError("msg.bad_suffix", path=path)
    if not path.parent.exists():
        raise UserError("msg.no_folder", folder=path.parent)
    if path.exists() and not force:
        raise UserError("msg.exists", path=path)
    return path


def say(*lines: str) -> None:
    """Print to standard output. If nobody reads it any more (``xlplugin match F.xlsx | true``),
    the rest is dropped quietly: the action has done its work, and its exit code still says how."""
    global _stdout_closed
    if _stdout_closed:
        return
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # ValueError: stdout itself was closed
        _stdout_closed = True
        _silence_stdout()


_stdout_closed = False


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush is silent too."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def cmd_new(args: argparse.Namespace) -> int:
    from xlplugin.app import replace_workbook

    path = _new_target(Path(args.path), args.force)
    with writing(path):
        sheets, backup = replace_workbook(path, lang=args.lang, example=args.example, name=args.name)
    t = texts(args.lang)
    say(t.format("msg.created", path=path, sheets=sheets), *([t.format("msg.new.backup", backup=backup)] if backup else []))
    return 0


def _print_report(report: list[tuple[str, dict[str, Any]]], lang: str) -> None:
    t = texts(lang)
    say(*(t.format(key, **params) for key, params in report))


def cmd_web(args: argparse.Namespace) -> int:
    """`web build OUT`: the static site of the Office.js add-in."""
    from xlplugin import web_site

    site = web_site.build_site(Path(args.out), args.wheels, host=args.host)
    say(texts(args.lang).format("web.build.done", folder=site.out, pyodide=site.pyodide, wheels=len(site.wheels)))
    return 0


def cmd_addin(args: argparse.Namespace) -> int:
    """`addin build|install|uninstall|status`: the Excel add-in (xlplugin.addin)."""
    import importlib

    missing = []
    for name in ("xlwings", "pyopenvba"):  # the desktop extra
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise UserError("msg.addin.desktop_missing", missing=", ".join(missing))
    if args.action == "build":
        from xlplugin.addin.build import build_addin

        path = Path(args.out)
        with writing(path):
            size = build_addin(path)
        say(texts(args.lang).format("msg.addin.built", path=path, size=size))
        return 0

    from xlplugin.addin import install

    where = install.Locations.for_user(startup_dir=Path(args.startup_dir) if args.startup_dir else None)
    if args.action == "install":
        report = install.install(where, ribbon_lang=args.ribbon_lang)
    elif args.action == "uninstall":
        report = install.uninstall(where)
    else:
        report = install.status(where)
    _print_report(report, args.lang)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """`validate PATH`: findings as a table; exit 0 (no errors), 1 (errors) or 2 (UserError)."""
    import shutil

    from xlplugin.app import validate_file

    validation = validate_file(Path(args.path), write=not args.no_write)
    words = Words(args.lang, names=validation.lang)
    if validation.findings:
        say(format_findings(validation.findings, words, shutil.get_terminal_size((100, 24)).columns), "")
    else:
        say(words(Phrase("findings.none")))
    say(*words.lines(validation.phrases()))
    return validation.exit_code


def cmd_match(args: argparse.Namespace) -> int:
    """`match PATH`: generate interactions (step 3); prints the summary."""
    from xlplugin.app import match_file

    summary = match_file(Path(args.path))
    say(*Words(args.lang, names=summary.lang).lines(summary.phrases()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """`export PATH [-o OUT.json]`: the whole project as one JSON document (stdout with -o -)."""
    from xlplugin.app import export_file
    from xlplugin.gateway.save import atomic_write

    exported = export_file(Path(args.path))
    words = Words(args.lang, names=exported.lang)
    out = args.out or str(Path(args.path).with_suffix(".json"))
    if out == "-":
        sys.stdout.write(exported.text())
        return 0
    target = Path(out)
    with writing(target):
        atomic_write(target, lambda tmp: tmp.write_text(exported.text(), encoding="utf-8"))
    for line in words.lines(exported.phrases()):
        print(line)
    print(words(Phrase.of("msg.export.written", path=target)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """`import FILE.json -o NEW.xlsx`: a new project workbook from a JSON document."""
    from xlplugin.app import import_file

    target = _new_target(Path(args.out), args.force)
    with writing(target):
        sheets = import_file(Path(args.path), target)
    print(texts(args.lang).format("msg.created", path=target, sheets=sheets))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """`schema`: the JSON Schema of the exchange document (pydantic's)."""
    import json

    from xlplugin.actions.exchange import schema

    sys.stdout.write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """`report PATH [-o OUT] [--format pdf|docx]`: the report for the building's partners."""
    from xlplugin.app import report_file

    target, pages, findings = report_file(Path(args.path), args.out, args.format)
    t = texts(args.lang)
    if findings:
        print(t.format("msg.report.findings", n=findings))
    print(t.format("msg.report.done", path=target, pages=pages) if pages else t.format("msg.report.done_docx", path=target))
    return 0


def cmd_overview(args: argparse.Namespace) -> int:
    """`overview PATH`: refresh the Overblik sheet's key figures and charts."""
    from xlplugin.app import overview_file

    summary = overview_file(Path(args.path))
    for line in Words(args.lang, names=summary.lang).lines(summary.phrases()):
        print(line)
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """`upgrade PATH`: bring a workbook of an older layout to today's."""
    from xlplugin.app import upgrade_file

    summary = upgrade_file(Path(args.path))
    for line in Words(args.lang, names=summary.lang).lines(summary.phrases()):
        print(line)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """`merge TARGET COPY [COPY …]`: bring the copies' rows into the target; prints what came from where."""
    from xlplugin.app import merge_files

    summary = merge_files(Path(args.target), [Path(copy) for copy in args.copies])
    for line in Words(args.lang, names=summary.lang).lines(summary.phrases()):
        print(line)
    return 0


def cmd_platforms(args: argparse.Namespace) -> int:
    """`platforms PATH`: evaluate the catalog for the selected interactions (step 4)."""
    from xlplugin.app import platforms_file

    summary = platforms_file(Path(args.path))
    for line in Words(args.lang, names=summary.lang).lines(summary.phrases()):
        print(line)
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """`plan PATH`: the maintenance plan for the selected platforms (step 5)."""
    from xlplugin.app import plan_file

    summary = plan_file(Path(args.path))
    for line in Words(args.lang, names=summary.lang).lines(summary.phrases()):
        print(line)
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    """`templates [FOLDER]`: the blank templates and the example, as committed in workbook_templates/."""
    from xlplugin.app import write_templates

    folder = Path(args.folder)
    with writing(folder):
        written = write_templates(folder)
    t = texts(args.lang)
    say(*(t.format("msg.created", path=path, sheets=sheets) for path, sheets in written))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """`demo [OUTDIR]`: the example workbook, then every action on it, as a user would run them."""
    folder = Path(args.outdir)
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    t = texts(args.lang)
    path = str(folder / ("Eksempel.xlsx" if args.lang == "da" else "Example.xlsx"))
    # One line per action: (command, its function, its arguments).
    steps: tuple[tuple[str, Callable[[argparse.Namespace], int], dict[str, Any]], ...] = (
        ("new", cmd_new, dict(path=path, example=True, force=True, name=None)),
        ("match", cmd_match, dict(path=path)),
        ("platforms", cmd_platforms, dict(path=path)),
        ("plan", cmd_plan, dict(path=path)),
        ("validate", cmd_validate, dict(path=path, no_write=False)),
        ("overview", cmd_overview, dict(path=path)),
        ("report", cmd_report, dict(path=path, out=None, format=None)),
    )
    worst = 0
    for number, (command, run, options) in enumerate(steps, start=1):
        say(t.format("demo.step", number=number, command=command))
        worst = max(worst, run(argparse.Namespace(lang=args.lang, **options)))
    say(t.format("demo.done", path=path))
    return worst


def _command(sub: Any, t: Any, lang: str, name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """A subcommand with its help text and its own --lang (so it may stand after the command too)."""
    parser = sub.add_parser(name, help=t[f"cli.{name}.help"], description=t[f"cli.{name}.help"])
    parser.add_argument("--lang", choices=LANGUAGES, default=lang, help=t["cli.lang"])
    parser.set_defaults(func=func)
    return parser


def build_parser(lang: str) -> argparse.ArgumentParser:
    t = texts(lang)
    parser = argparse.ArgumentParser(prog="xlplugin", description=t["cli.description"])
    parser.add_argument("--lang", choices=LANGUAGES, default=lang, help=t["cli.lang"])
    sub = parser.add_subparsers(dest="command", required=True, metavar=t["cli.metavar.command"])

    new = _command(sub, t, lang, "new", cmd_new)
    new.add_argument("path", metavar=t["cli.metavar.file"], nargs="?", default=None, help=t["cli.new.path"])
    new.add_argument("--example", action="store_true", help=t["cli.new.example"])
    new.add_argument("--force", action="store_true", help=t["cli.new.force"])
    new.add_argument("--name", help=t["cli.new.name"])

    validate = _command(sub, t, lang, "validate", cmd_validate)
    validate.add_argument("path", metavar=t["cli.metavar.file"], help=t["cli.validate.path"])
    validate.add_argument("--no-write", action="store_true", help=t["cli.validate.no_write"])

    match = _command(sub, t, lang, "match", cmd_match)
    match.add_argument("path", metavar=t["cli.metavar.file"], help=t["cli.match.path"])

    export = _command(sub, t, lang, "export", cmd_export)
    export.add_argument("path", metavar=t["cli.metavar.file"], help=t["cli.export.path"])
    export.add_argument("-o", "--out", metavar=t["cli.metavar.file"], help=t["cli.export.out"])

    import_ = _command(sub, t, lang, "import", cmd_import)
    import_.add_argument("path", metavar=t["cli.metavar.file"], help=t["cli.import.path"])
    import_.add_argument("-o", "--out", metavar=t["cli.metavar.file"], required=True, help=t["cli.import.out"])
    import_.add_argument("--force", action="store_true", help=t["cli.new.force"])

    _command(sub, t, lang, "schema", cmd_schema)

    report = _command(sub, t, lang, "report", cmd_report)
    report.add_argument("path", help=t["cli.report.path"])
    report.add_argument("-o", "--out", help=t["cli.report.out"])
    report.add_argument("--format", choices=("pdf", "docx"), help=t["cli.report.format"])

    overview = _command(sub, t, lang, "overview", cmd_overview)
    overview.add_argument("path", help=t["cli.report.path"])

    upgrade = _command(sub, t, lang, "upgrade", cmd_upgrade)
    upgrade.add_argument("path", metavar=t["cli.metavar.file"], help=t["cli.upgrade.path"])

    merge = _command(sub, t, lang, "merge", cmd_merge)
    merge.add_argument("target", metavar=t["cli.metavar.file"], help=t["cli.merge.target"])
    merge.add_argument("copies", metavar=t["cli.metavar.file"], nargs="+", help=t["cli.merge.copies"])

    platforms = _command(sub, t, lang, "platforms", cmd_platforms)
    platforms.add_argument("path", help=t["cli.platforms.path"])

    plan = _command(sub, t, lang, "plan", cmd_plan)
    plan.add_argument("path", help=t["cli.plan.path"])

    templates = _command(sub, t, lang, "templates", cmd_templates)
    templates.add_argument("folder", metavar=t["cli.metavar.folder"], nargs="?", default="workbook_templates", help=t["cli.templates.folder"])

    demo = _command(sub, t, lang, "demo", cmd_demo)
    demo.add_argument("outdir", metavar=t["cli.metavar.folder"], nargs="?", default="demo", help=t["cli.demo.outdir"])

    web = _command(sub, t, lang, "web", cmd_web)
    web_sub = web.add_subparsers(dest="action", required=True, metavar=t["cli.metavar.command"])
    web_build = web_sub.add_parser("build", help=t["cli.web.build.help"], description=t["cli.web.build.help"])
    web_build.add_argument("out", metavar=t["cli.metavar.folder"], help=t["cli.web.build.out"])
    web_build.add_argument("--wheels", metavar=t["cli.metavar.folder"], help=t["cli.web.build.wheels"])
    web_build.add_argument("--host", metavar="URL", help=t["cli.web.build.host"])

    addin = _command(sub, t, lang, "addin", cmd_addin)
    addin_sub = addin.add_subparsers(dest="action", required=True, metavar=t["cli.metavar.command"])
    build = addin_sub.add_parser("build", help=t["cli.addin.build.help"], description=t["cli.addin.build.help"])
    build.add_argument("out", metavar=t["cli.metavar.file"], nargs="?", default="xlplugin.xlam", help=t["cli.addin.build.out"])
    for action in ("install", "uninstall", "status"):
        cmd = addin_sub.add_parser(action, help=t[f"cli.addin.{action}.help"], description=t[f"cli.addin.{action}.help"])
        cmd.add_argument("--startup-dir", help=t["cli.addin.startup_dir"])
        if action == "install":
            cmd.add_argument("--ribbon-lang", choices=("auto", *LANGUAGES), default="auto", help=t["cli.addin.install.ribbon_lang"])
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(argv)
    with argparse_speaks(lang):
        args = build_parser(lang).parse_args(argv)
    if args.command == "new" and args.path is None:
        args.path = "Eksempel.xlsx" if args.lang == "da" else "Example.xlsx"
        if not args.example:
            args.path = "Projekt.xlsx" if args.lang == "da" else "Project.xlsx"
    hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(args.command)
    try:
        return args.func(args)
    except UserError as exc:
        _tell(f"{texts(args.lang)['msg.error_prefix']}: {Words(args.lang)(exc.phrase)}")
        return 2
    except KeyboardInterrupt:  # Ctrl+C: a file is saved whole or not at all (atomic rename)
        _tell(texts(args.lang)["msg.interrupted"])
        return 130
    except Exception as exc:  # a bug: a message for the user, the traceback for support
        from xlplugin.failures import log_failure, reason

        log = log_failure("cli", args.command, exc)
        _tell(texts(args.lang).format("msg.unexpected", reason=reason(exc, args.lang), log=log))
        return 2
    finally:
        import gc

        gc.collect()  # what failed to close (a half-written zip on a full disk) is collected under our hook
        sys.unraisablehook = hook


def _tell(message: str) -> None:
    """A message on standard error (if that is closed too, there is no one to tell)."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr)


def _unraisable(command: str) -> Callable[[Any], None]:
    """While a command runs, an error Python cannot raise (a file object failing to close as it
    is collected, e.g. openpyxl's zip on a full disk) goes to the log, not the terminal:
    the user has had the one message that matters."""

    def hook(unraisable: Any) -> None:
        from xlplugin.failures import log_failure

        if unraisable.exc_value is not None:
            log_failure("cli", f"{command} (while cleaning up)", unraisable.exc_value)

    return hook


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
