"""In a real terminal, with the shipped script: the palette's jump to a question low on a
section not shown before puts its field in view (the labels above it take their lines only
once the page is laid out; the field then sat under the guidance, and the consultant typed
into a field they could not see), and what is typed at once after the jump's Enter goes to
that question (it went to the question left, or nowhere, while the new page was built)."""

from __future__ import annotations

import time
from pathlib import Path

from store_fixture import PASSPHRASE, open_encrypted
from support.terminal import Terminal, needs_tmux, start

from screener.questionnaire.loader import load_questionnaire
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.records import Consent, InterviewInfo

SCRIPT = Path(__file__).resolve().parents[1] / "questionnaires" / "tm-screening.toml"
pytestmark = needs_tmux


def _interview(terminal_env: dict[str, str]) -> tuple[Path, int]:
    db = Path(terminal_env["SCREENER_DB"])
    vault.create(db, PASSPHRASE, KdfParams.FAST)
    terminal_env["SCREENER_PASSPHRASE"] = PASSPHRASE
    with open_encrypted(db) as repo:
        iid = repo.create_interview(
            InterviewInfo("Jump Testperson"),
            load_questionnaire(SCRIPT),
            consent=Consent(screening=True, handover=True, sensitive=True, cv_postcard=True),
        )
        repo.set_answer(iid, "status", "asylum_seeker")  # the questions it opens show too
    return db, iid


def _palette_at_mother_tongue(terminal_env: dict[str, str]) -> Terminal:
    term = start(terminal_env, "--lang", "da")  # Danish labels, as in the field
    term.wait_text("Jump Testperson")
    term.keys("Enter")
    term.wait_text("Velkomst og formål")
    term.keys("C-p")
    term.type("modersmål")
    term.wait_text("Hvad er dit modersmål?")
    return term


def test_a_jump_to_a_new_page_shows_the_field_typed_into(
    terminal_env: dict[str, str], tmp_path: Path
) -> None:
    _interview(terminal_env)
    term = _palette_at_mother_tongue(terminal_env)
    try:
        term.keys("Enter")
        time.sleep(1.0)  # the consultant looks for the field before typing
        term.type("zzTYPEDzz")
        term.wait_text("zzTYPEDzz", timeout=10)
    finally:
        term.close()


def test_what_is_typed_at_once_after_the_jump_goes_to_the_question_jumped_to(
    terminal_env: dict[str, str], tmp_path: Path
) -> None:
    db, iid = _interview(terminal_env)
    term = _palette_at_mother_tongue(terminal_env)
    try:
        term.keys("Enter")
        time.sleep(0.08)  # a quick consultant: the next key, while the page is being built
        term.type("Tigrinya")
        term.wait_text("Tigrinya", timeout=10)
        time.sleep(1.0)  # on disk (the header says so; the write is not what this tests)
    finally:
        term.close()
    with open_encrypted(db) as repo:
        values = repo.get(iid).values()
    assert values.get("mother_tongue") == "Tigrinya"
    assert "Tigrinya" not in {str(v) for k, v in values.items() if k != "mother_tongue"}
