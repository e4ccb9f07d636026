"""``screener check``: every problem of each questionnaire file, or one OK line per file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from screener.errors import QuestionnaireError
from screener.i18n import _
from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import Questionnaire


def summary(q: Questionnaire) -> str:
    items = sum(1 for _walked in q.walk())
    text = _("{sections} sections, {items} items ({langs})").format(
        sections=len(q.sections), items=items, langs=", ".join(q.languages)
    )
    core = len(q.spoken_items())
    optional = len(q.spoken_items(core_only=False)) - core
    return (
        text
        + "; "
        + _(
            "{core} core questions, {optional} optional, {minutes} minutes with the candidate"
        ).format(core=core, optional=optional, minutes=q.interview_minutes)
    )


def run_check(paths: list[Path], out: TextIO) -> int:
    """Print every problem of each file (or one OK line); 0 when all files are usable."""
    failed = False
    if not paths:
        out.write(_("no questionnaire files to check") + "\n")
        return 1
    for path in paths:
        try:
            q = load_questionnaire(path)
        except QuestionnaireError as error:
            failed = True
            for problem in error.problems:
                out.write(f"{problem}\n")
            continue
        out.write(f"OK {path}: {summary(q)}\n")
    return 1 if failed else 0
