"""The canary: a unique name, answer and note entered through the app never appear in the bytes
of the encrypted database, its -wal and -shm, a backup, the handover bundle or any other file
the program wrote."""

from __future__ import annotations

from pathlib import Path

from ui_kit import CONSENTED, focus, make_app, open_screen, stored

from screener.bundle import write_bundle
from screener.questionnaire.model import Questionnaire
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.records import InterviewInfo
from screener.store.repository import Repository
from screener.ui.screens.interview import InterviewScreen

NAME = "Qwyzzle Brandtmoor"
ANSWER = "Vrumpelstad-kanarie"
NOTE = "Notekanarie Zzyxx"


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for canary in (NAME, ANSWER, NOTE, ANSWER.lower()):
                for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                    if canary.encode(encoding) in data:
                        found.append(f"{path.relative_to(folder)}: {canary}")
    return found


async def test_nothing_typed_in_the_app_is_readable_in_any_file(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    data = tmp_path / "laptop"
    db = data / "s.sqlite3"
    key, _recovery = vault.create(db, "canary test passphrase", KdfParams.FAST)
    repo = Repository(db, key=key, exclusive=True)
    try:
        iid = repo.create_interview(InterviewInfo(NAME), questionnaire, consent=CONSENTED)
        app = make_app(tmp_path, repo, questionnaire)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_screen(app, pilot, InterviewScreen(iid))
            await focus(pilot, screen, "home_town")
            await pilot.press(*ANSWER, "enter")
            await pilot.pause(0.3)
            interview = stored(app, repo, iid)
        assert interview.values()["home_town"] == ANSWER
        repo.set_note(iid, "home_town", NOTE)
        assert db.with_name(db.name + "-wal").exists()
        assert _leaks(tmp_path) == []  # database, -wal, -shm while the app has them open
        (tmp_path / "backup").mkdir()
        repo.backup(tmp_path / "backup" / "copy.sqlite3")
        bundle = write_bundle(repo, iid, tmp_path / "usb", "da")
        assert bundle.pdf.exists() and bundle.archive.exists()
        assert _leaks(tmp_path) == []
    finally:
        repo.close()
    assert _leaks(tmp_path) == []
