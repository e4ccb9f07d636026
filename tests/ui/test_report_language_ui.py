"""An English report written from the Danish UI: while the export worker is inside the report's
English, every text the consultant sees is drawn again and must still be Danish.

The report's language is an override of the worker's thread only; the screen's texts are made on
the UI thread from the process-wide language. Held in the middle of the English report, the
screens re-render (as after F2), the key list opens, and the screenshot is read.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from ui_kit import CONSENTED, PilotApp, screen_text, until

from screener import i18n
from screener.questionnaire.model import Questionnaire
from screener.report import render
from screener.settings import Settings
from screener.store.records import InterviewInfo
from screener.store.repository import Repository
from screener.ui.screens.export import ExportScreen
from screener.ui.translate import LanguageChanged

DANISH = ("Mappe", "Rapportens sprog", "Skriv filer", "Tilbage")
ENGLISH = ("Folder", "Report language", "Write files", "Back", "Export the handover")


def assert_danish(text: str) -> None:
    for word in DANISH:
        assert word in text, word
    for word in ENGLISH:
        assert word not in text, word


def danish_app(tmp_path: Path, questionnaire: Questionnaire) -> tuple[PilotApp, Repository, int]:
    """The app in Danish on a new store with one consented interview (app, store, its id)."""
    repo = Repository(tmp_path / "t.sqlite3")
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), questionnaire, consent=CONSENTED)
    i18n.set_language("da")
    settings = Settings(db_path=tmp_path / "t.sqlite3", language="da", cursor_blink=False)
    return PilotApp(settings, repo, questionnaire), repo, iid


@pytest.mark.asyncio
async def test_english_report_from_the_danish_ui(
    tmp_path: Path, questionnaire: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, repo, iid = danish_app(tmp_path, questionnaire)
    (tmp_path / "out").mkdir()
    inside, release = threading.Event(), threading.Event()
    seen_in_report: list[str] = []
    header_texts = render._header_texts

    def held_inside_english(interview: Any) -> dict[str, str]:
        texts = header_texts(interview)
        seen_in_report.append(texts["page"])
        inside.set()
        release.wait(30)
        return texts

    monkeypatch.setattr(render, "_header_texts", held_inside_english)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = ExportScreen(iid)
            app.push_screen(screen)
            await pilot.pause()
            screen.query_one("#export-folder").value = str(tmp_path / "out")  # type: ignore[attr-defined]
            screen.query_one("#export-lang").value = "en"  # type: ignore[attr-defined]
            await pilot.pause()
            before = screen_text(app)
            assert_danish(before)

            await pilot.press("ctrl+s")
            await until(pilot, inside.is_set)
            # The worker is now inside the English report: draw every text again.
            for shown in app.screen_stack:
                shown.post_message(LanguageChanged())
            await pilot.pause()
            during = screen_text(app)
            await pilot.press("f1")
            await pilot.pause()
            keys = screen_text(app)
            await pilot.press("f1")
            release.set()
            await until(pilot, lambda: any((tmp_path / "out").glob("*.pdf")))
            await pilot.pause()
            after = screen_text(app)
    finally:
        release.set()
        repo.close()

    assert seen_in_report == ["Page {page} of {pages}"]  # the report really was English
    assert_danish(during)
    assert "Skriver" in during  # the export's own progress line, in Danish
    assert "Taster på denne skærm" in keys and "Keys on this screen" not in keys
    assert_danish(after)
    assert i18n.current_language() == "da"


@pytest.mark.asyncio
async def test_the_report_language_is_picked_on_its_line_and_kept_at_once(
    tmp_path: Path, questionnaire: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab to the language, right arrow, ctrl+s, with no pause: the report is English (the
    dropdown it replaced needed enter to open and enter to pick, and a quick tab lost it)."""
    from types import SimpleNamespace

    from screener import exporting

    written: list[str] = []

    def export(_repo: Any, _iid: int, folder: Path, lang: str) -> Any:
        written.append(lang)
        return SimpleNamespace(pdf=folder / "r.pdf", json=folder / "r.json", warnings=[])

    monkeypatch.setattr(exporting, "export_interview", export)
    app, repo, iid = danish_app(tmp_path, questionnaire)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = ExportScreen(iid)
            app.push_screen(screen)
            await until(pilot, lambda: bool(screen.candidate_name))
            assert "✓Dansk" in screen_text(app)
            await pilot.press("tab", "right", "ctrl+s")
            await until(pilot, lambda: bool(written))
            assert written == ["en"]
            assert "✓English" in screen_text(app)
            await pilot.press("1", "enter")  # enter on the language writes too
            await until(pilot, lambda: len(written) == 2)
            assert written[1] == "da"
    finally:
        repo.close()
