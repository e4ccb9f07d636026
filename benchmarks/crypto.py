"""Encryption at rest: durable answer saves on the SQLCipher store against raw ``sqlite3``
with the same pragmas (same method as ``save.py``, alternating sides), the time to unlock
(argon2id key derivation with the shipped parameters + opening the encrypted store), and the
cold start to the unlock screen against the bare Textual app (as ``startup.py``)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median_worst, spawn_until_ready
from benchmarks.save import figures, open_raw, time_saves


def measure(saves: int = 300, unlock_runs: int = 3, start_runs: int = 5) -> list[Figure]:
    from screener.security import vault
    from screener.store.repository import Repository

    unlock_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="screener-bm-") as tmp:
        db = Path(tmp) / "enc.sqlite3"
        key, _recovery = vault.create(db, "benchmark passphrase 1")  # the shipped parameters
        repo = Repository(db, key=key)
        repo_ms, raw_ms = time_saves(repo, open_raw(Path(tmp) / "raw.sqlite3"), saves)
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
