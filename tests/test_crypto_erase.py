"""Erasure leaves no byte behind: after ``delete`` + ``wipe`` the name, an answer and a note are
in no file (database, -wal, -shm), also when another connection was reading during the erasure
(the wipe is reported pending until that reader lets go). Shown on a plain file, where the bytes
are readable; the encrypted store runs the same code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.repository import Repository

NAME = "Zorblax Quintavelle"
ANSWER = "Xylofonmekaniker fra Vrøvlerup"
NOTE = "Notat om qwertyzzz-kanarie"
OTHER = "Bodil Beholdt"


pytestmark = pytest.mark.usefixtures("english")


def _canaries_in(db: Path) -> list[str]:
    found = []
    for path in db.parent.iterdir():
        if not path.name.startswith(db.name):
            continue
        data = path.read_bytes()
        for canary in (NAME, NAME.lower(), ANSWER, ANSWER.lower(), NOTE):
            if canary.encode("utf-8") in data:
                found.append(f"{path.name}: {canary}")
    return found


def _fill(repo: Repository) -> int:
    keep = repo.create_interview(info(OTHER), questionnaire(), consent=CONSENTED)
    repo.set_answer(keep, "story", "Stays")
    iid = repo.create_interview(info(NAME), questionnaire(), consent=CONSENTED)
    for n in range(3):
        repo.set_answer(iid, "mother_tongue", f"{ANSWER} {n}")
    repo.set_answer(iid, "story", ANSWER)
    repo.set_note(iid, "story", NOTE)
    return iid


def test_erased_data_is_in_no_file(db_path: Path) -> None:
    with Repository(db_path) as repo:
        iid = _fill(repo)
        assert _canaries_in(db_path)  # the check can see them while they exist
        repo.delete(iid)
        assert repo.wipe() and not repo.wipe_pending
        assert _canaries_in(db_path) == []
        assert [s.candidate_name for s in repo.list_interviews()] == [OTHER]
    assert _canaries_in(db_path) == []


def test_a_reader_during_the_erasure_delays_the_wipe_but_not_for_ever(db_path: Path) -> None:
    repo = Repository(db_path)
    try:
        iid = _fill(repo)
        reader = sqlite3.connect(db_path, isolation_level=None)
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM interview").fetchone() == (2,)
        repo.delete(iid)
        assert repo.wipe() is False and repo.wipe_pending  # reported, not hidden
        reader.execute("COMMIT")
        reader.close()
        assert repo.wipe() and not repo.wipe_pending
        assert _canaries_in(db_path) == []
    finally:
        repo.close()


def test_erase_on_the_command_line_on_an_encrypted_store(tmp_path: Path) -> None:
    from screener import cli

    db = tmp_path / "enc.sqlite3"
    key, _recovery = vault.create(db, "erase test passphrase", KdfParams.FAST)
    with Repository(db, key=key) as repo:
        iid = _fill(repo)
    secret = tmp_path / "pass.txt"
    secret.write_text("erase test passphrase\n")
    args = ["--db", str(db), "--passphrase-file", str(secret)]
    assert cli.main(["erase", str(iid), *args]) == 1  # no terminal, no --yes: refused
    assert cli.main(["erase", str(iid), "--yes", *args]) == 0
    with Repository(db, key=key) as repo:
        assert [s.candidate_name for s in repo.list_interviews()] == [OTHER]
    assert _canaries_in(db) == []
