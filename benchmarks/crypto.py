"""Encryption at rest: durable answer saves on the SQLCipher store against raw ``sqlite3``
with the same pragmas (same method as ``save.py``, alternating sides), and the time to unlock
(argon2id key derivation with the shipped parameters + opening the encrypted store)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median_worst
from benchmarks.save import ITEM, figures, open_raw, raw_save, timed


def measure(saves: int = 300, unlock_runs: int = 3) -> list[Figure]:
    from benchmarks.data import load_questionnaire
    from screener.security import vault
    from screener.store.records import InterviewInfo
    from screener.store.repository import Repository

    repo_ms: list[float] = []
    raw_ms: list[float] = []
    unlock_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="screener-bm-") as tmp:
        db = Path(tmp) / "enc.sqlite3"
        key, _recovery = vault.create(db, "benchmark passphrase 1")  # the shipped parameters
        repo = Repository(db, key=key)
        raw = open_raw(Path(tmp) / "raw.sqlite3")
        try:
            iid = repo.create_interview(
                InterviewInfo(candidate_name="Test Person"), load_questionnaire()
            )
            for n in range(3):
                repo.set_answer(iid, ITEM, f"Warm {n}")
                raw_save(raw, -n - 1)
            for n in range(saves):
                repo_ms.append(timed(repo.set_answer, iid, ITEM, f"Centre {n}"))
                raw_ms.append(timed(raw_save, raw, n))
        finally:
            repo.close()
            raw.close()
        for _ in range(unlock_runs):
            start = time.perf_counter()
            Repository(db, key=vault.unlock(db, "benchmark passphrase 1")).close()
            unlock_s.append(time.perf_counter() - start)
    renamed = []
    for figure in figures(repo_ms, raw_ms):
        figure.name = "enc_" + figure.name
        figure.note = "SQLCipher; " + figure.note
        renamed.append(figure)
    median, worst = median_worst(unlock_s)
    renamed.append(Figure("unlock_s", median, worst, "s", runs=unlock_runs, note="argon2id + open"))
    return renamed
