"""The screens around an interview read and write the store on workers, never on the UI thread:
a file held by another write (or a slow disk) must not freeze the keyboard."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea
from ui_kit import PilotApp, make_app, until

from screener.questionnaire.model import Questionnaire
from screener.store.repository import Repository
from screener.ui.screens.export import ExportScreen
from screener.ui.screens.home import HomeScreen
from screener.ui.screens.new_interview import NewInterviewScreen
from screener.ui.screens.papers import PapersScreen

CALLS = ("get", "delete", "create_interview", "list_interviews", "count_interviews")


def watch_ui_thread(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Store calls made on the thread that runs the UI (the test's main thread)."""
    on_ui: list[str] = []
    ui_thread = threading.current_thread()

    def wrap(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def watched(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is ui_thread:
                on_ui.append(name)
            return call(*args, **kwargs)

        return watched

    for name in CALLS:
        monkeypatch.setattr(repo, name, wrap(name, getattr(repo, name)))
    return on_ui


class HomeApp(PilotApp):
    def get_default_screen(self) -> Any:
        return HomeScreen()


async def test_export_and_papers_load_on_workers(
    tmp_path: Path,
    repo: Repository,
    iid: int,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on_ui = watch_ui_thread(repo, monkeypatch)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        export = ExportScreen(iid)
        app.push_screen(export)
        await until(pilot, lambda: export.candidate_name == "Amina Testperson")
        assert "Amina Testperson" in str(export.query_one("#export-title").render())
        export.dismiss()
        await pilot.pause()
        papers = PapersScreen(iid, "cv")
        app.push_screen(papers)
        await until(pilot, lambda: not papers._loading)
        assert not any(area.read_only for area in papers.query(TextArea))
        assert "Amina Testperson" in str(papers.query_one("#papers-title").render())
    assert on_ui == []


async def test_new_interview_is_created_once_and_deleted_off_the_ui_thread(
    tmp_path: Path, repo: Repository, questionnaire: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = repo.list_interviews
    on_ui = watch_ui_thread(repo, monkeypatch)
    app = make_app(tmp_path, repo, questionnaire)
    app.__class__ = HomeApp
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewInterviewScreen))
        app.screen.query_one("#field-candidate_name", Input).value = "Bilal Testperson"
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # impatient: one interview, not three
        await until(pilot, lambda: not isinstance(app.screen, NewInterviewScreen))
        await pilot.pause(0.2)
        assert [s.candidate_name for s in listed()] == ["Bilal Testperson"]
        await pilot.press("escape")  # leaves the consent screen: nothing answered
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await until(pilot, lambda: app.screen.summaries != [])  # type: ignore[attr-defined]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await until(pilot, lambda: listed() == [])
    assert on_ui == []
