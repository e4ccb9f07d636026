"""What the CLI subcommands do; each returns the process exit code.

Errors the user can act on (unknown id, a folder that does not exist, a locked database) are
printed as one clear line and give exit code 1, never a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from screener.errors import ScreenerError
from screener.i18n import _, format_date, set_language
from screener.interview.values import status_text
from screener.settings import Settings

if TYPE_CHECKING:
    from screener.store.records import Interview
    from screener.store.repository import Repository


def check(settings: Settings, files: list[Path], out: TextIO) -> int:
    """Lint questionnaire files (default: every file in the questionnaire folder)."""
    from screener.questionnaire.check import run_check

    paths = files or sorted(settings.questionnaire_dir.glob("*.toml"))
    return run_check(paths, out)


def open_store(settings: Settings) -> Repository:
    """The store the commands work on, unlocked (passphrase file, environment or prompt)."""
    with contextlib.suppress(OSError, ValueError):  # no catalog: English message ids
        set_language(settings.language)
    from screener.cli_security import open_repository

    return open_repository(settings)  # unlocks the encrypted store (passphrase file/env/prompt)


def _fail(error: ScreenerError) -> int:
    """Errors go to stderr (scripts read stdout), with a non-zero exit code."""
    print(f"screener: {error}", file=sys.stderr)
    return 1


def format_table(rows: list[list[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, trailing spaces removed."""
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def list_interviews(settings: Settings, out: TextIO) -> int:
    """Print the interviews on this computer, newest first, as an aligned table."""
    try:
        with open_store(settings) as repo:
            total = repo.count_interviews()
            summaries = repo.list_interviews(limit=max(total, 1))
    except ScreenerError as error:
        return _fail(error)
    if not summaries:
        print(_("No interviews yet. Create an invented one with: screener demo"), file=out)
        return 0
    rows = [[_("ID"), _("Name"), _("Date"), _("Status"), _("Municipality")]]
    for item in summaries:
        rows.append(
            [
                str(item.id),
                item.candidate_name,
                format_date(item.created_at.date(), fmt="short"),
                status_text(item.status, item.declined),
                item.municipality,
            ]
        )
    for line in format_table(rows):
        print(line, file=out)
    return 0


def demo(settings: Settings, out: TextIO) -> int:
    """Create a complete invented interview to look at, and say how to export it."""
    from screener.demo import create_demo
    from screener.questionnaire.loader import load_default

    try:
        questionnaire = load_default(settings.questionnaire_dir)
        with open_store(settings) as repo:
            interview_id = create_demo(repo, questionnaire)
    except ScreenerError as error:
        return _fail(error)
    print(_("Created demo interview {id}.").format(id=interview_id), file=out)
    print(
        _("Export it with: screener export {id} --json interview.json --pdf report.pdf").format(
            id=interview_id
        ),
        file=out,
    )
    return 0


def export(
    settings: Settings,
    interview_id: int,
    json_path: Path | None,
    pdf_path: Path | None,
    out: TextIO,
    cv_path: Path | None = None,
    card_path: Path | None = None,
) -> int:
    """Write the JSON and/or the PDF, each atomically; mark the interview exported after both.
    Without the handover consent nothing is written.

    The candidate's papers (``cv_path``, ``card_path``) are checked first, consent and fit:
    if one may not be written, nothing at all is written."""
    from screener.errors import NotFoundError
    from screener.exporting import write_json, write_report
    from screener.files import atomic_write
    from screener.interview.disclosure import check_handover

    try:
        with open_store(settings) as repo:
            try:
                interview = repo.get(interview_id)
            except NotFoundError:
                print(_("No interview with id {id}.").format(id=interview_id), file=sys.stderr)
                return 1
            if json_path is not None or pdf_path is not None:
                check_handover(interview)
            papers = _papers(interview, settings.language, cv_path, card_path)
            if papers is None:
                return 1
            if json_path is not None:
                write_json(repo, interview_id, json_path)
                print(_("JSON written to {path}").format(path=json_path), file=out)
            if pdf_path is not None:
                warnings = write_report(repo, interview_id, pdf_path, settings.language)
                print(_("PDF written to {path}").format(path=pdf_path), file=out)
                for warning in warnings:
                    print(f"screener: {warning}", file=sys.stderr)
            for path, data, message in papers:
                atomic_write(path, data)
                print(message.format(path=path), file=out)
            if json_path is not None or pdf_path is not None:
                repo.mark_exported(interview_id)
    except ScreenerError as error:
        return _fail(error)
    return 0


def _papers(
    interview: Interview, lang: str, cv_path: Path | None, card_path: Path | None
) -> list[tuple[Path, bytes, str]] | None:
    """The papers' bytes, made before anything is written; None (and a message) when the
    consent is missing or the card does not fit."""
    from screener.papers.build import card_pdf_bytes, cv_pdf_bytes

    made: list[tuple[Path, bytes, str]] = []
    try:
        if cv_path is not None:
            made.append(
                (cv_path, cv_pdf_bytes(interview, lang), _("CV-postkort written to {path}"))
            )
        if card_path is not None:
            data, shortened = card_pdf_bytes(interview, lang)
            made.append((card_path, data, _("Kompetencekort written to {path}")))
            if shortened:
                print(
                    _("Some descriptions on the kompetencekort were shortened to fit one page."),
                    file=sys.stderr,
                )
    except ScreenerError as error:
        print(f"screener: {error} " + _("Nothing was written."), file=sys.stderr)
        return None
    return made


def backup(settings: Settings, destination: Path, out: TextIO) -> int:
    """Copy the database with SQLite's backup API (a file copy can miss recent answers)."""
    try:
        with open_store(settings) as repo:
            repo.backup(destination)
    except ScreenerError as error:
        return _fail(error)
    print(_("Backup written to {path}").format(path=destination), file=out)
    return 0
