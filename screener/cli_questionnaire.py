"""``screener questionnaire export|import`` and ``screener export ID --xlsform-data FILE.csv``.

XLSForm needs the optional extra ``screener[xlsform]``; without it these commands print how to
install it and exit 1. Every other problem is one clear message per line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from screener.errors import QuestionnaireError, ScreenerError
from screener.i18n import _
from screener.settings import Settings

AddCommand = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(add: AddCommand) -> None:
    """The ``questionnaire`` command and its two subcommands."""
    command = add("questionnaire", "convert questionnaires to and from XLSForm (ODK, Kobo)")
    sub = command.add_subparsers(dest="questionnaire_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write a questionnaire as an XLSForm workbook (.xlsx)")
    export.add_argument("workbook", type=Path, metavar="FILE.xlsx")
    export.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE.toml",
        help="the questionnaire to export (default: the one in use)",
    )
    load = sub.add_parser("import", help="read an XLSForm workbook into a questionnaire file")
    load.add_argument("workbook", type=Path, metavar="FILE.xlsx")
    load.add_argument(
        "-o", "--output", type=Path, metavar="OUT.toml", help="default: FILE.toml beside FILE.xlsx"
    )
    load.add_argument("--force", action="store_true", help="replace OUT.toml if it exists")
    load.add_argument(
        "--language",
        metavar="CODE",
        help="language of columns without one, e.g. 'label' (default: the settings sheet's)",
    )


def add_export_option(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--xlsform-data",
        type=Path,
        metavar="FILE.csv",
        help="write the answers as CSV for the exported XLSForm (Kobo's CSV import)",
    )


def run(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        if args.questionnaire_command == "export":
            return export_questionnaire(settings, args.workbook, args.source, out)
        return import_questionnaire(
            args.workbook, args.output, out, force=args.force, language=args.language
        )
    except ScreenerError as error:
        print(f"screener: {error}", file=sys.stderr)
        return 1


def export_questionnaire(
    settings: Settings, workbook: Path, source: Path | None, out: TextIO
) -> int:
    from screener.questionnaire.loader import load_default, load_questionnaire
    from screener.xlsform.export import write_workbook

    questionnaire = (
        load_questionnaire(source) if source else load_default(settings.questionnaire_dir)
    )
    write_workbook(questionnaire, workbook)
    print(_("XLSForm written to {path}").format(path=workbook), file=out)
    return 0


def import_questionnaire(
    workbook: Path,
    output: Path | None,
    out: TextIO,
    force: bool = False,
    language: str | None = None,
) -> int:
    """Refusals: nothing is written. Lint problems: the file is written and they are listed."""
    from screener.files import atomic_write
    from screener.xlsform.importer import import_workbook
    from screener.xlsform.toml_out import to_toml

    target = output or workbook.with_suffix(".toml")
    if target.exists() and not force:
        print(
            _("{path} exists; choose another file with -o, or replace it with --force").format(
                path=target
            ),
            file=out,
        )
        return 1

    try:
        result = import_workbook(workbook, language)
    except QuestionnaireError as error:
        print(_("Not imported; nothing was written:"), file=out)
        for problem in error.problems:
            print(f"  {problem}", file=out)
        return 1
    for notice in result.notices:
        print(notice, file=out)
    comment = _("Imported from the XLSForm {name}; see docs/questionnaire-format.md").format(
        name=workbook.name
    )
    atomic_write(target, to_toml(result.questionnaire, comment).encode("utf-8"))
    print(_("Questionnaire written to {path}").format(path=target), file=out)
    if result.problems:
        print(_("It cannot be used until these problems are fixed:"), file=out)
        for problem in result.problems:
            print(f"  {problem}", file=out)
        return 1
    return 0


def export_data(settings: Settings, interview_id: int, path: Path, out: TextIO) -> int:
    """The interview's answers as CSV for the exported XLSForm; marks the interview exported."""
    from screener.commands import open_store
    from screener.errors import NotFoundError
    from screener.files import atomic_write
    from screener.interview.disclosure import for_handover
    from screener.xlsform.data_csv import to_csv

    try:
        with open_store(settings) as repo:
            try:
                interview = for_handover(repo.get(interview_id))  # the consents decide
            except NotFoundError:
                print(_("No interview with id {id}.").format(id=interview_id), file=out)
                return 1
            atomic_write(path, to_csv([interview]))
            repo.mark_exported(interview_id)
    except ScreenerError as error:
        print(f"screener: {error}", file=out)
        return 1
    print(_("XLSForm data written to {path}").format(path=path), file=out)
    return 0
