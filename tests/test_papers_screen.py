"""The papers screen, pushed directly: prefilled fields, stored edits, the live fit check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.papers import shipped, with_cv_consent
from support.report import pages_of
from textual.screen import Screen
from textual.widgets import Input, TextArea

from screener import i18n
from screener.demo import create_demo
from screener.settings import Settings
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.papers import PapersScreen


class _Blank(Screen[None]):
    pass


class _App(ScreenerApp):
    CSS_PATH = str(Path(__file__).resolve().parents[1] / "screener" / "ui" / "app.tcss")

    def get_default_screen(self) -> Screen[Any]:
        return _Blank()


def _app(db: Path) -> tuple[_App, int]:
    i18n.set_language("en")
    repo = Repository(db)
    iid = create_demo(repo, shipped())
    settings = Settings(db_path=db, language="en", cursor_blink=False, export_dir=db.parent)
    return _App(settings, repo), iid


async def _until(pilot: Any, predicate: Any, timeout: float = 10.0) -> None:
    """The fit check runs on a short timer: wait for it (a loaded machine is slow)."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await pilot.pause(0.05)


async def _settle(app: _App, pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_fields_are_prefilled_edits_are_stored_and_the_fit_is_checked(
    tmp_path: Path,
) -> None:
    db = tmp_path / "papers.sqlite3"
    app, iid = _app(db)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = PapersScreen(iid)
        app.push_screen(screen)
        await _settle(app, pilot)
        job = screen.query_one("#text-cv-job", TextArea)
        assert job.text.startswith("Svejser i en metalvirksomhed")  # the Danish card by default
        await _until(pilot, lambda: "fits its card" in screen.fit_text)
        assert screen.fits is True
        assert "no phone number" in screen.fit_text  # the contact still needs one
        # The consultant types a shorter job line: stored as an edit, logged, still fits.
        job.focus()
        job.load_text("Svejser")
        await pilot.press("end", "exclamation_mark")
        await _settle(app, pilot)
        screen._save_all_now()
        for session in app.sessions.values():
            assert session.flush()
        assert app.repo.get(iid).papers == {"cv.job.da": "Svejser!"}
        logged = [e for e in app.repo.events(iid) if e.kind == "paper"]
        assert {e.item for e in logged} == {"cv.job.da"} and logged[-1].new == "Svejser!"
        # A skills list far too long for the card: the fit check names it.
        skills = screen.query_one("#text-cv-skills", TextArea)
        skills.load_text("\n".join(f"Kan noget nummer {n}" for n in range(40)))
        await _settle(app, pilot)
        screen._measure()
        await _settle(app, pilot)
        assert screen.fits is False
        await _until(pilot, lambda: "does not fit" in screen.fit_text)
        assert "Skills" in screen.fit_text
        assert screen.query_one("#label-cv-skills").has_class("-too-long")
        assert not screen.query_one("#label-cv-languages").has_class("-too-long")
        # Writing refuses without the CV-postkort consent, and writes nothing.
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert not list(tmp_path.glob("*.pdf"))
        assert "Nothing was written" in str(screen.query_one("#papers-result").render())
        # Back to the text built from the answers: the edit is removed again.
        skills.focus()
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        for session in app.sessions.values():
            assert session.flush()
        assert not isinstance(app.screen, PapersScreen)
    app.repo.close()
    with Repository(db) as again:  # a restart: the edits are still there
        assert again.get(iid).papers == {"cv.job.da": "Svejser!"}


async def test_english_card_texts_are_kept_apart(tmp_path: Path) -> None:
    db = tmp_path / "papers.sqlite3"
    app, iid = _app(db)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = PapersScreen(iid, paper="card")
        app.push_screen(screen)
        await _settle(app, pilot)
        assert isinstance(app.focused, TextArea) and app.focused.id == "text-card-branch"
        screen.query_one("#papers-lang").value = "en"  # type: ignore[attr-defined]
        await _settle(app, pilot)
        languages = screen.query_one("#text-cv-languages", TextArea).text
        assert "Arabisk: fluent" in languages
        branch = screen.query_one("#text-card-branch", TextArea)
        branch.load_text("Metal")
        await _settle(app, pilot)
        screen._save_all_now()
        for session in app.sessions.values():
            assert session.flush()
        assert app.repo.get(iid).papers == {"card.branch.en": "Metal"}
        assert screen.query_one("#papers-folder", Input).value == str(tmp_path)
    app.repo.close()


async def test_ctrl_s_writes_both_papers_with_the_consent(tmp_path: Path) -> None:
    db = tmp_path / "papers.sqlite3"
    app, iid = _app(db)
    app.repo.record_consent(iid, with_cv_consent(app.repo.get(iid).consent))
    async with app.run_test(size=(110, 40)) as pilot:
        screen = PapersScreen(iid)
        app.push_screen(screen)
        await _settle(app, pilot)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        written = sorted(path.name for path in tmp_path.glob("*.pdf"))
        assert written == [f"cv-postkort-{iid:05d}.pdf", f"kompetencekort-{iid:05d}.pdf"]
        assert "Written" in str(screen.query_one("#papers-result").render())
        cv = pages_of((tmp_path / written[0]).read_bytes())[0]
        assert "Klip her" in cv  # the Danish card, while the screen speaks English
    app.repo.close()
