"""Pictures of the main screens with the demo interview on the shipped questionnaire.

Everything that moves is held still: the store's clock, the interview clock, the language and
the time zone. Update after a deliberate change with ``pytest tests/ui --snapshot-update`` and
look at the report before committing the new pictures.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_kit import CONSENTED

from screener import i18n
from screener.demo import create_demo
from screener.questionnaire.loader import load_default
from screener.settings import Settings
from screener.store.records import InterviewInfo
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.assessment import AssessmentScreen
from screener.ui.screens.consent import ConsentScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.screens.review import ReviewScreen

FIXED_STAMP = "2026-11-22T09:30:00.000000+00:00"


@pytest.fixture
def demo_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScreenerApp]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    i18n.set_language("da")
    settings = Settings(db_path=tmp_path / "snap.sqlite3", language="da", cursor_blink=False)
    questionnaire = load_default(settings.questionnaire_dir)
    repo = Repository(settings.db_path, clock=lambda: FIXED_STAMP)
    create_demo(repo, questionnaire)
    second = InterviewInfo(
        candidate_name="Nguyễn Thị Lan", case_id="T-2026-0002", municipality="Vejle"
    )
    repo.create_interview(second, questionnaire, consent=CONSENTED)
    third = InterviewInfo(candidate_name="Yonas [b]Tesfay[/b]", consultant="Karen Holm")
    repo.create_interview(third, questionnaire)  # consent not asked yet
    yield ScreenerApp(settings, repo, questionnaire, clock=lambda: 1000.0)
    repo.close()
    monkeypatch.delenv("TZ")
    time.tzset()


async def settled(pilot: Any) -> None:
    """Until two screenshots 0.2 s apart are the same: a question brought into view after the
    focus moved there is part of the picture, however busy the machine is."""
    shown = None
    for _ in range(25):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.2)
        now = pilot.app.export_screenshot()
        if now == shown:
            return
        shown = now


def push(make: Callable[[], Any]) -> Callable[[Any], Any]:
    async def run_before(pilot: Any) -> None:
        screen = make()
        pilot.app.push_screen(screen)
        for _ in range(200):  # interviews are read on a worker: until the section is shown
            await pilot.pause(0.05)  # time, not turns: a loaded machine reads slowly
            if getattr(screen, "section", True) is not None and pilot.app.focused is not None:
                break  # shown, and the first question has the focus (its highlight is drawn)
        await settled(pilot)

    return run_before


def test_home(snap_compare: Any, demo_app: ScreenerApp) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 30))


def test_new_interview(snap_compare: Any, demo_app: ScreenerApp) -> None:
    assert snap_compare(demo_app, press=["n", "_"], terminal_size=(100, 30))


def test_interview(snap_compare: Any, demo_app: ScreenerApp) -> None:
    screen = push(lambda: InterviewScreen(1, "candidate", "status"))
    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=screen)


def test_interview_at_80x24(snap_compare: Any, demo_app: ScreenerApp) -> None:
    screen = push(lambda: InterviewScreen(1, "work", None))
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=screen)


def test_review(snap_compare: Any, demo_app: ScreenerApp) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=push(lambda: ReviewScreen(1)))


def test_assessment(snap_compare: Any, demo_app: ScreenerApp) -> None:
    screen = push(lambda: AssessmentScreen(1))
    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=screen)


def test_consent_at_80x24(snap_compare: Any, demo_app: ScreenerApp) -> None:
    """The whole consent text and all four questions on one 80x24 screen, nothing ticked."""

    async def run_before(pilot: Any) -> None:
        screen = ConsentScreen(3, first=True)
        pilot.app.push_screen(screen)
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.interview is not None:
                break
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=run_before)
