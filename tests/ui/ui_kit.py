"""Shared pieces of the pilot tests: a small invented questionnaire that has one item of every
type (``questionnaires/valid/every_type.toml``), an app without the home screen, and helpers to
reach and read questions and the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from screener import i18n
from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import Questionnaire
from screener.settings import Settings
from screener.store.records import Consent, InterviewInfo
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.questions import QuestionWidget

CONSENTED = Consent(screening=True, handover=True, language="ar", sensitive=True, cv_postcard=True)

APP_CSS = Path(__file__).resolve().parents[2] / "screener" / "ui" / "app.tcss"
QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "questionnaires" / "valid" / "every_type.toml"


class BlankScreen(Screen[None]):
    pass


class PilotApp(ScreenerApp):
    CSS_PATH = str(APP_CSS)

    def get_default_screen(self) -> Screen[Any]:
        return BlankScreen()


@pytest.fixture
def questionnaire() -> Questionnaire:
    return load_questionnaire(QUESTIONNAIRE)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    repository = Repository(tmp_path / "t.sqlite3")
    yield repository
    repository.close()


@pytest.fixture
def iid(repo: Repository, questionnaire: Questionnaire) -> int:
    return repo.create_interview(
        InterviewInfo("Amina Testperson"), questionnaire, consent=CONSENTED
    )


def make_app(tmp_path: Path, repo: Repository, questionnaire: Questionnaire) -> PilotApp:
    i18n.set_language("en")
    settings = Settings(db_path=tmp_path / "t.sqlite3", language="en", cursor_blink=False)
    return PilotApp(settings, repo, questionnaire)


async def open_screen(app: PilotApp, pilot: Any, screen: InterviewScreen) -> InterviewScreen:
    """Push ``screen`` and wait until its body is shown (it is read on a worker: a loaded
    machine takes longer than any fixed pause)."""
    app.push_screen(screen)
    await until(pilot, lambda: getattr(screen, "ready", True))
    await pilot.pause()
    return screen


def question(screen: InterviewScreen, name: str) -> QuestionWidget:
    return screen.query_one(f"#q-{name}", QuestionWidget)


async def focus(pilot: Any, screen: InterviewScreen, name: str) -> None:
    question(screen, name).focus_control()
    await pilot.pause()


def stored(app: PilotApp, repo: Repository, iid: int) -> Any:
    """What is on disk once the session has written everything entered so far."""
    for session in app.sessions.values():
        assert session.flush(), "writes still pending"
    return repo.get(iid)


def screen_text(app: Any) -> str:
    """The screen as plain text, row by row (from the SVG screenshot: tags removed, entities
    decoded)."""
    import html
    import re

    svg = app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text [^>]*y="([\d.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        rows.setdefault(float(y), []).append(html.unescape(re.sub(r"<[^>]+>", "", text)))
    return "\n".join("".join(parts) for _y, parts in sorted(rows.items())).replace("\xa0", " ")


async def until(pilot: Any, predicate: Any, timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (a write on the session's thread, a worker);
    fails after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await pilot.pause(0.05)


async def finalize_screen_ready(app: Any, pilot: Any) -> None:
    """Ctrl+G, then wait until the finalize screen has read what is missing (until then it
    takes no ctrl+s, by design)."""
    from screener.ui.screens.finalize import FinalizeScreen

    await pilot.press("ctrl+g")
    await until(
        pilot, lambda: isinstance(app.screen, FinalizeScreen) and app.screen.interview is not None
    )
