"""The store and the steps the tmux kill tests share: one interview of the small kill.toml
questionnaire in an encrypted store, opened in a real terminal at one question."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from store_fixture import PASSPHRASE, open_encrypted

from screener.questionnaire.loader import load_questionnaire
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.records import Consent, InterviewInfo
from support.terminal import Terminal, start

QUESTIONNAIRE = Path(__file__).parents[1] / "questionnaires" / "valid" / "kill.toml"


def make_store(env: dict[str, str], tmp_path: Path, name: str) -> tuple[Path, Path]:
    """(questionnaire folder, database) with one consented interview of ``name``; the app
    started with ``env`` unlocks it without the passphrase screen."""
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(QUESTIONNAIRE, folder / "kill.toml")
    db = Path(env["SCREENER_DB"])
    vault.create(db, PASSPHRASE, KdfParams.FAST)
    env["SCREENER_PASSPHRASE"] = PASSPHRASE
    with open_encrypted(db) as repo:
        repo.create_interview(
            InterviewInfo(name),
            load_questionnaire(folder / "kill.toml"),
            consent=Consent(screening=True, handover=True, sensitive=True, cv_postcard=True),
        )
    return folder, db


def open_at(env: dict[str, str], folder: Path, name: str, question: str) -> Terminal:
    """The app in a terminal, the interview of ``name`` open, the palette's jump to the
    question whose label starts with ``question`` done."""
    term = start(env, "--questionnaires", str(folder))
    term.wait_text(name)
    term.keys("Enter")
    term.wait_text("Life")
    term.keys("C-p")
    term.type(question)
    time.sleep(0.4)
    term.keys("Enter")
    time.sleep(0.6)
    return term


def stored(db: Path) -> tuple[str, str]:
    """The story and the first job's title on disk."""
    with open_encrypted(db) as repo:
        values = repo.get(1).values()
    jobs = values.get("jobs") or [{}]
    return str(values.get("story", "")), str(jobs[0].get("job_title", ""))
