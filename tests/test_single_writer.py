"""One writer per database: a second copy of the app is told clearly that the file is open
elsewhere; read-only tools keep working beside it; the lock goes with the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener import i18n
from screener.errors import DatabaseInUseError
from screener.store.lock import is_locked
from screener.store.repository import Repository

SECOND = """
import sys
from screener.errors import DatabaseInUseError
from screener.store.repository import Repository
try:
    Repository(sys.argv[1], exclusive=True)
except DatabaseInUseError as error:
    print(error)
    sys.exit(3)
print("opened")
"""


def test_a_second_writer_is_refused_in_the_chosen_language(db_path: Path) -> None:
    with Repository(db_path, exclusive=True) as first:
        iid = first.create_interview(info(), questionnaire(), consent=CONSENTED)
        i18n.set_language("en")
        with pytest.raises(DatabaseInUseError, match="open in another Screener window"):
            Repository(db_path, exclusive=True)
        i18n.set_language("da")
        with pytest.raises(DatabaseInUseError, match="åben i et andet Screener-vindue"):
            Repository(db_path, exclusive=True)
        assert is_locked(db_path)
        # A read-only tool (list) beside the running app still works.
        with Repository(db_path) as reader:
            assert [s.id for s in reader.list_interviews()] == [iid]
    assert not is_locked(db_path)
    with Repository(db_path, exclusive=True):
        pass


def test_another_process_is_refused_and_the_lock_dies_with_the_holder(db_path: Path) -> None:
    first = Repository(db_path, exclusive=True)
    try:
        result = subprocess.run(
            [sys.executable, "-c", SECOND, str(db_path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 3, result.stderr
        assert str(db_path) in result.stdout
        assert "Traceback" not in result.stderr
    finally:
        first.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", SECOND + "\nimport time\ntime.sleep(60)\n", str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "opened"
        assert is_locked(db_path)
        holder.kill()
        holder.wait(timeout=30)
        assert not is_locked(db_path)  # a killed app never leaves the database locked
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
