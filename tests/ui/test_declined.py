"""A candidate who said no: the home screen says so, and opening the row shows the recorded no
(which the candidate may still change), never questions that cannot be answered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui_kit import PilotApp, make_app, screen_text, until

from screener.questionnaire.model import Questionnaire
from screener.store.records import Consent, InterviewInfo
from screener.store.repository import Repository
from screener.ui.screens.consent import ConsentScreen
from screener.ui.screens.home import HomeScreen
from screener.ui.screens.interview import InterviewScreen

NO = Consent(screening=False, handover=False, sensitive=False, cv_postcard=False)


class HomeApp(PilotApp):
    def get_default_screen(self) -> Any:
        return HomeScreen()


async def test_a_declined_interview_opens_on_its_consent(
    tmp_path: Path, repo: Repository, questionnaire: Questionnaire
) -> None:
    repo.create_interview(InterviewInfo("Selam Testperson"), questionnaire, consent=NO)
    app = make_app(tmp_path, repo, questionnaire)
    app.__class__ = HomeApp
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "Selam" in screen_text(app))
        row = next(line for line in screen_text(app).splitlines() if "Selam" in line)
        assert "Not taking part" in row and "Draft" not in row
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not any(isinstance(screen, InterviewScreen) for screen in app.screen_stack)
