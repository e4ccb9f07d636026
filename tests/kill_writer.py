"""Writer for test_kill: imports the store once, then forks one writer per line read on stdin.

Forking a ready process instead of starting Python again keeps each of the 200+ kills cheap
(importing SQLModel alone takes ~0.5 s). Every writer saves through the Repository and prints
``saved <interview> <item> <n>`` only after set_answer has returned.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_fixture import ANSWER_ITEMS, CONSENTED, info, questionnaire

from screener.store.repository import Repository

TEXT_ITEMS = [name for name in ANSWER_ITEMS if name in ("mother_tongue", "story", "plan")]


def say(line: str) -> None:
    """One write() per line: a pipe write this short is atomic, so a kill never cuts a line."""
    os.write(1, (line + "\n").encode())


def write_forever(db: Path, child: int) -> None:
    repo = Repository(db, actor=f"writer-{child}")
    interview_id = repo.create_interview(
        info(f"Kill Test {child}"), questionnaire(), consent=CONSENTED
    )
    say(f"created {child} {interview_id}")
    n = 0
    while True:
        item = TEXT_ITEMS[n % len(TEXT_ITEMS)]
        repo.set_answer(interview_id, item, f"c{child}-n{n}")
        say(f"saved {interview_id} {item} {n}")
        n += 1


def main() -> None:
    db = Path(sys.argv[1])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed writers are reaped automatically
    say("ready")
    for line in sys.stdin:
        child = int(line)
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(db, child)
            finally:
                os._exit(1)
        say(f"pid {child} {pid}")


if __name__ == "__main__":
    main()
