"""The interview session's one write path: a failed write stays pending and is retried until it
is on disk; "saved" is said only then; a burst of keystrokes becomes few writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener.errors import ReadOnlyInterviewError
from screener.interview.session import InterviewSession, session_for
from screener.store.repository import Repository

FAST = {"retry_delays": (0.05, 0.1), "coalesce": 0.0}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "session.sqlite3"


def _new(db: Path) -> tuple[Repository, int]:
    repo = Repository(db)
    return repo, repo.create_interview(info(), questionnaire(), consent=CONSENTED)


def _on_disk(db: Path, item: str) -> object:
    with Repository(db) as reader:
        interview = reader.get(1)
    return interview.values().get(item)


def test_full_disk_then_recovery_ends_with_the_text_on_disk(db: Path) -> None:
    """A write refused by SQLite ("database or disk is full") stays pending, the session says
    so, and the retry stores the text once the disk has room again."""
    repo, iid = _new(db)
    session = session_for(repo, iid, **FAST)
    outside = sqlite3.connect(db)
    outside.execute("CREATE TABLE full (x)")
    outside.execute("INSERT INTO full VALUES (1)")
    outside.execute(
        "CREATE TRIGGER disk_full BEFORE INSERT ON answer WHEN (SELECT count(*) FROM full)"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    outside.commit()
    try:
        session.set_answer("story", "Worked in a bakery in Homs")
        assert not session.flush(timeout=0.5)
        assert session.pending_count == 1 and session.error is not None and not session.saved
        session.set_answer("story", "Worked in a bakery in Homs for 6 years")  # typed on
        assert _on_disk(db, "story") is None
        outside.execute("DELETE FROM full")
        outside.commit()
        assert session.flush(timeout=5)
        assert session.saved and session.error is None
        assert _on_disk(db, "story") == "Worked in a bakery in Homs for 6 years"
    finally:
        outside.close()
        session.close()
        repo.close()


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_write_lock_held_by_another_process_then_released(db: Path) -> None:
    """Another process holds the write lock longer than SQLite waits: the text stays pending
    (not "saved") and reaches the disk after the lock is released."""
    repo, iid = _new(db)
    session = session_for(repo, iid, **FAST)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), "7"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        session.set_answer("story", "Drove a taxi in Kabul")
        time.sleep(6)  # past the 5 s busy timeout: the first write has failed
        assert session.pending_count == 1 and session.error is not None
        holder.wait(timeout=10)
        assert session.flush(timeout=10)
        assert _on_disk(db, "story") == "Drove a taxi in Kabul"
    finally:
        holder.kill()
        session.close()
        repo.close()


def test_a_burst_of_keystrokes_is_coalesced_and_the_last_wins(db: Path) -> None:
    repo, iid = _new(db)
    session = InterviewSession(repo, repo.get(iid), coalesce=0.05)
    text = ""
    for character in "Carpenter and roofer":
        text += character
        session.set_answer("story", text)
    assert session.flush()
    answers = [e for e in repo.events(iid) if e.kind == "answer"]
    assert 1 <= len(answers) < 10
    assert _on_disk(db, "story") == "Carpenter and roofer"
    session.close()
    repo.close()


def test_a_refused_write_is_reported_not_hidden(db: Path) -> None:
    repo, iid = _new(db)
    repo.finalize(iid)
    session = session_for(repo, iid, **FAST)
    session.interview.status = session.interview.status.DRAFT  # a stale screen
    session.set_answer("story", "typed into a finalized interview")
    assert session.flush()
    assert isinstance(session.error, ReadOnlyInterviewError)
    assert session.dropped and session.saved is not False
    session.close()
    repo.close()


def test_finalize_waits_for_earlier_writes_and_stops_the_clock(db: Path) -> None:
    repo, iid = _new(db)
    session = session_for(repo, iid, **FAST)
    session.set_answer("story", "Cook")
    session.finalize().result(timeout=5)
    assert _on_disk(db, "story") == "Cook"
    session.add_elapsed("basics", 30)  # the clock after finalize: not written, no error
    session.set_position("basics", None)
    assert session.flush() and session.error is None
    session.close()
    repo.close()


def test_the_position_goes_with_the_next_write_not_on_its_own(db: Path) -> None:
    """Moving about is not a write (nor a log entry) each time: the position is stored with
    the next answer or clock write, or when the session flushes or closes."""
    repo, iid = _new(db)
    session = session_for(repo, iid, **FAST)
    session.set_position("basics", "story")
    assert session.saved
    time.sleep(0.2)
    with Repository(db) as reader:
        assert reader.get(iid).position != ("basics", "story")
    session.set_position("basics", None)
    session.set_answer("story", "Cook")
    assert session.flush()
    with Repository(db) as reader:
        assert reader.get(iid).position == ("basics", None)
    session.set_position("basics", "story")
    assert session.close()
    with Repository(db) as reader:
        assert reader.get(iid).position == ("basics", "story")
    moves = [event.new for event in repo.events(iid) if event.kind == "position"]
    assert moves == [["basics", None], ["basics", "story"]]
    repo.close()
