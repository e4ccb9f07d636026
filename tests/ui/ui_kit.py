"""Shared pieces of the pilot tests: a small invented questionnaire that has one item of every
type, an app without the home screen, and helpers to reach and read questions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from screener import i18n
from screener.questionnaire.model import Questionnaire
from screener.settings import Settings
from screener.store.records import Consent, InterviewInfo
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.questions import QuestionWidget

CONSENTED = Consent(screening=True, handover=True, language="ar", sensitive=True, cv_postcard=True)

APP_CSS = Path(__file__).resolve().parents[2] / "screener" / "ui" / "app.tcss"


def t(en: str, da: str | None = None) -> dict[str, str]:
    return {"en": en, "da": da or f"{en} (da)"}


def item(kind: str, name: str, label: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "name": name, "label": t(label), **extra}


QUESTIONNAIRE = {
    "id": "ui-test",
    "version": "1",
    "title": t("UI test"),
    "languages": ["da", "en"],
    "default_language": "en",
    "sections": [
        {
            "name": "basics",
            "title": t("Basics", "Grundlag"),
            "minutes": 10,
            "guidance": t("Start gently."),
            "items": [
                item("note", "intro", "Say hello"),
                item("text", "home_town", "Home town", hint=t("Where you grew up")),
                item(
                    "integer",
                    "school_years",
                    "Years in school",
                    constraint=". >= 0 and . <= 30",
                    constraint_message=t("Between 0 and 30"),
                ),
                item("decimal", "height", "Height in metres"),
                item("date", "arrival", "Arrival date"),
                item("long_text", "story", "Your story"),
                item("select_one status", "status", "Status", other=True),
                item("select_multiple langs", "langs", "Languages"),
                item("scale", "motivation", "Motivation", low=t("low"), high=t("high")),
                item("yes_no", "has_children", "Children?"),
                item(
                    "integer", "children", "How many children?", relevant="${has_children} = 'yes'"
                ),
                item(
                    "text",
                    "children_note",
                    "About the children",
                    relevant="${has_children} = 'yes'",
                ),
            ],
        },
        {
            "name": "work",
            "title": t("Work", "Arbejde"),
            "minutes": 5,
            "items": [
                item("text", "dream_job", "Dream job"),
                item("select_multiple trades", "trades", "Trades"),
                item("scale", "danish", "Danish", min=0, max=4, low=t("none"), high=t("fluent")),
                {
                    **item("repeat", "jobs", "Jobs"),
                    "items": [
                        item("text", "job_title", "Job title"),
                        item("integer", "job_years", "Years"),
                    ],
                },
            ],
        },
        {
            "name": "assessment",
            "title": t("Assessment", "Vurdering"),
            "items": [
                item("select_one typology", "typology", "Typology", role="typology"),
                item("select_multiple efforts", "efforts", "Efforts", role="effort_elements"),
            ],
        },
    ],
    "choices": {
        "trades": [{"value": f"t{n}", "label": t(f"Trade {n}")} for n in range(1, 13)],
        "status": [
            {"value": "asylum", "label": t("Asylum seeker")},
            {"value": "placed", "label": t("Placed")},
        ],
        "langs": [
            {"value": "ar", "label": t("Arabic")},
            {"value": "en", "label": t("English")},
            {"value": "fa", "label": t("Farsi")},
        ],
        "typology": [
            {
                "value": "type1",
                "label": t("Type one"),
                "description": t("Practical people"),
                "suggests": ["cv", "visit"],
            },
            {
                "value": "type2",
                "label": t("Type two"),
                "description": t("Educated people"),
                "suggests": ["mentor"],
            },
        ],
        "efforts": [
            {"value": "cv", "label": t("CV")},
            {"value": "visit", "label": t("Company visit")},
            {"value": "mentor", "label": t("Mentor")},
            {"value": "danish", "label": t("Danish lessons")},
        ],
    },
}


class BlankScreen(Screen[None]):
    pass


class PilotApp(ScreenerApp):
    CSS_PATH = str(APP_CSS)

    def get_default_screen(self) -> Screen[Any]:
        return BlankScreen()


@pytest.fixture
def questionnaire() -> Questionnaire:
    return Questionnaire.model_validate(QUESTIONNAIRE)


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
    app.push_screen(screen)
    await pilot.pause()
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


async def until(pilot: Any, predicate: Any, timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (a write on the session's thread, a worker);
    fails after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await pilot.pause(0.05)
