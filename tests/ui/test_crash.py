"""A crash never prints the interview: Textual's crash report (with local variables) is kept
off the terminal, the exit code is non-zero and the message says what happened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screener.questionnaire.model import Questionnaire
from screener.settings import Settings
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp, run_guarded

SECRET = "Zqx-secret-answer-about-health"


class _Crashing(ScreenerApp):
    def on_mount(self) -> None:
        answer = SECRET  # a local variable, as Textual's report would show it
        raise RuntimeError(f"boom {answer}")


def test_a_crash_prints_no_answer(
    tmp_path: Path, questionnaire: Questionnaire, capfd: pytest.CaptureFixture[str]
) -> None:
    repo = Repository(tmp_path / "crash.sqlite3")
    try:
        app: Any = _Crashing(Settings(db_path=tmp_path / "crash.sqlite3"), repo, questionnaire)
        code = run_guarded(app, headless=True)
    finally:
        repo.close()
    out, err = capfd.readouterr()
    assert code != 0
    assert SECRET not in out and SECRET not in err
    assert "internal error" in err or "intern fejl" in err
