"""Encryption at rest: durable answer saves on the SQLCipher store against raw ``sqlite3``
with the same pragmas (same method as ``save.py``, alternating sides), the time to unlock
(argon2id key derivation with the shipped parameters + opening the encrypted store), and the
cold start to the unlock screen against the bare Textual app (as ``startup.py``)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median_worst, spawn_until_ready
from benchmarks.save import ITEM, figures, open_raw, raw_save, timed


def measure(saves: int = 300, unlock_runs: int = 3, start_runs: int = 5) -> list[Figure]:
    from benchmarks.data import load_questionnaire
    from screener.security import vault
    from screener.store.records import Consent, InterviewInfo
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
                InterviewInfo(candidate_name="Test Person"),
                load_questionnaire(),
                consent=Consent(screening=True, handover=True),
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
        ratios: list[float] = []
        spawn_until_ready("benchmarks.children.startup_unlock", str(db))  # warm the file cache
        for _ in range(start_runs):
            screen = spawn_until_ready("benchmarks.children.startup_unlock", str(db))[0]
            ratios.append(screen / spawn_until_ready("benchmarks.children.startup_bare")[0])
    renamed = []
    for figure in figures(repo_ms, raw_ms):
        figure.name = "enc_" + figure.name
        figure.note = "SQLCipher; " + figure.note
        renamed.append(figure)
    median, worst = median_worst(unlock_s)
    renamed.append(Figure("unlock_s", median, worst, "s", runs=unlock_runs, note="argon2id + open"))
    ratio, ratio_worst = median_worst(ratios)
    note = "start to the unlock screen vs bare Textual app"
    renamed.append(
        Figure("unlock_screen_ratio", ratio, ratio_worst, "x", 1.5, runs=start_runs, note=note)
    )
    return renamed
