"""What the CLI subcommands do; each returns the process exit code.

SKELETON: check is wired to the questionnaire linter; list, demo, export and backup are filled in
by the store and report issues.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from screener.settings import Settings


def check(settings: Settings, files: list[Path], out: TextIO) -> int:
    """Lint questionnaire files (default: every file in the questionnaire folder)."""
    from screener.questionnaire.lint import run_check

    paths = files or sorted(settings.questionnaire_dir.glob("*.toml"))
    return run_check(paths, out)


def list_interviews(settings: Settings, out: TextIO) -> int:
    raise NotImplementedError


def demo(settings: Settings, out: TextIO) -> int:
    raise NotImplementedError


def export(
    settings: Settings, interview_id: int, json_path: Path | None, pdf_path: Path | None, out: TextIO
) -> int:
    raise NotImplementedError


def backup(settings: Settings, destination: Path, out: TextIO) -> int:
    raise NotImplementedError
