"""Command line: ``screener`` starts the TUI; subcommands serve scripts, tests and newcomers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from screener import __version__, cli_questionnaire, cli_security
from screener.errors import ScreenerError
from screener.settings import LANGUAGES, Settings


def _common_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db", metavar="PATH", default=default, help="database file (env SCREENER_DB)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default, help="language of screens and reports"
    )
    parser.add_argument(
        "--questionnaires", metavar="DIR", default=default, help="questionnaire folder"
    )
    cli_security.add_passphrase_option(parser, suppress)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screener",
        description="Competence screening interviews, offline. Without a command: start the app.",
    )
    parser.add_argument("--version", action="version", version=f"screener {__version__}")
    _common_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        _common_options(command, suppress=True)
        return command

    check = add("check", "check questionnaire files and list every problem")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    add("list", "list the interviews on this computer")
    add("demo", "create a complete invented interview to look at")
    export = add("export", "write an interview as a PDF report and/or JSON")
    export.add_argument("id", type=int, metavar="ID")
    export.add_argument("--json", type=Path, metavar="FILE", help="write the JSON export here")
    export.add_argument("--pdf", type=Path, metavar="FILE", help="write the PDF report here")
    cli_questionnaire.add_export_option(export)
    export.add_argument("--cv", type=Path, metavar="FILE", help="write the CV-postkort here")
    export.add_argument("--card", type=Path, metavar="FILE", help="write the kompetencekort here")
    export.add_argument(
        "--bundle", type=Path, metavar="DIR", help="write the encrypted handover bundle here"
    )
    backup = add("backup", "copy the database safely (SQLite backup API)")
    backup.add_argument("destination", type=Path, metavar="FILE")
    cli_security.add_commands(add)
    cli_questionnaire.add_parsers(add)
    from screener.cli_config import add_parser as add_config

    add_config(add)
    from screener import cli_hub

    cli_hub.configure(add("hub", "the receiving side: import, find and count candidates"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.resolve(
            db=args.db, language=args.lang, questionnaire_dir=args.questionnaires
        )
        with cli_security.passphrase_file(args.passphrase_file):
            return _dispatch(parser, args, settings)
    except ScreenerError as error:
        print(f"screener: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, settings: Settings) -> int:
    # Imports stay inside the branches so a subcommand loads only what it needs.
    from screener import commands, i18n

    i18n.set_language(settings.language)  # messages of the commands too, not only the app
    if args.command is None:
        from screener.ui.app import run_app

        return run_app(settings)
    if args.command == "check":
        return commands.check(settings, args.files, sys.stdout)
    if args.command == "list":
        return commands.list_interviews(settings, sys.stdout)
    if args.command == "demo":
        return commands.demo(settings, sys.stdout)
    if args.command == "export" and args.bundle is not None:
        return cli_security.export_bundle(args.id, args.bundle, settings, sys.stdout)
    if args.command == "questionnaire":
        return cli_questionnaire.run(args, settings)
    if args.command == "export" and args.xlsform_data is not None:
        if args.json is not None or args.pdf is not None:
            code = commands.export(settings, args.id, args.json, args.pdf, sys.stdout)
            if code:
                return code
        return cli_questionnaire.export_data(settings, args.id, args.xlsform_data, sys.stdout)
    if args.command == "export":
        if args.json is None and args.pdf is None and args.cv is None and args.card is None:
            parser.error("export needs --json FILE, --pdf FILE, --cv FILE and/or --card FILE")
        return commands.export(
            settings, args.id, args.json, args.pdf, sys.stdout, cv_path=args.cv, card_path=args.card
        )
    if args.command == "backup":
        return commands.backup(settings, args.destination, sys.stdout)
    if args.command == "config":
        from screener.cli_config import run as run_config

        return run_config(args, sys.stdout)
    if args.command in cli_security.COMMANDS:
        return cli_security.dispatch(args, settings, sys.stdout)
    if args.command == "hub":
        from screener import cli_hub

        return cli_hub.run(args, settings)
    parser.error(f"unknown command {args.command}")
    return 2
