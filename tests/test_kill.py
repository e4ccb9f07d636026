"""kill -9 at random moments never loses an answer whose save was confirmed.

A ready-imported writer process (tests/kill_writer.py) forks one writer per round; each writer
saves answers through the Repository and prints every confirmed save. The test SIGKILLs each
writer 5-60 ms after it started, 200+ times in all, the next writer reopens the database after
each kill, and at the end every confirmed answer must be on disk.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest

from screener.store.repository import Repository

KILLS = 200
HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "fork"), reason="needs fork and SIGKILL"
)


class Output:
    """Collects the writer processes' lines from a pipe in a thread."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()

    def wait_for(self, prefix: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for line in self.lines:
                    if line.startswith(prefix):
                        return line
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no line {prefix!r} from the writer")
                self.cond.wait(remaining)


def _wait_dead(pid: int) -> None:
    for _ in range(2000):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.001)
    raise AssertionError("killed writer did not go away")


def test_no_confirmed_answer_is_lost_under_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite3"
    Repository(db).close()  # the schema exists before the first kill
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent), str(HERE)])}
    zygote = subprocess.Popen(
        [sys.executable, str(HERE / "kill_writer.py"), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=(tmp_path / "writer-stderr.txt").open("w"),
        text=True,
        env=env,
    )
    assert zygote.stdin is not None
    output = Output(zygote.stdout)
    rng = random.Random(20261122)
    started = time.monotonic()
    try:
        output.wait_for("ready", timeout=30)
        for child in range(KILLS):
            zygote.stdin.write(f"{child}\n")
            zygote.stdin.flush()
            pid = int(output.wait_for(f"pid {child} ").split()[2])
            if child % 2:  # every other round: count the delay from the first confirmed save
                output.wait_for(f"created {child} ")
            time.sleep(rng.uniform(0.005, 0.060))
            os.kill(pid, signal.SIGKILL)
            _wait_dead(pid)
    except AssertionError:
        print((tmp_path / "writer-stderr.txt").read_text(), zygote.poll())
        raise
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    output.thread.join(timeout=10)
    elapsed = time.monotonic() - started

    confirmed: dict[tuple[int, str], int] = {}
    saved_values: dict[int, set[str]] = defaultdict(set)
    child_of: dict[int, int] = {}
    for line in output.lines:
        parts = line.split()
        if parts[0] == "created":
            child_of[int(parts[2])] = int(parts[1])
        elif parts[0] == "saved":
            interview_id, item, n = int(parts[1]), parts[2], int(parts[3])
            confirmed[(interview_id, item)] = max(n, confirmed.get((interview_id, item), -1))
            saved_values[interview_id].add(f"c{child_of[interview_id]}-n{n}")
    rounds_with_saves = len(saved_values)
    total_saves = sum(len(values) for values in saved_values.values())
    print(f"{KILLS} kills in {elapsed:.1f} s, {rounds_with_saves} with saves, {total_saves} saves")
    assert total_saves > KILLS, "writers were killed before they could save anything"
    assert rounds_with_saves > KILLS // 3

    with Repository(db) as repo:  # runs quick_check on open
        for (interview_id, item), last_n in confirmed.items():
            interview = repo.get(interview_id)
            answer = interview.answers[item]
            child, n = answer.value.split("-n")
            assert child == f"c{child_of[interview_id]}"
            assert int(n) >= last_n  # the last confirmed value, or a later (unconfirmed) one
        for interview_id, values in saved_values.items():
            logged = {
                event.new["value"] for event in repo.events(interview_id) if event.kind == "answer"
            }
            assert values <= logged
        assert repo.count_interviews() >= rounds_with_saves
