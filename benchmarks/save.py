"""Durable answer saves: ``Repository.set_answer`` against raw ``sqlite3`` with the same pragmas.

Both sides do the same durable work per save, on a file database: one transaction
(``BEGIN IMMEDIATE``) that upserts the answer row and appends an event row, then ``COMMIT``
with ``journal_mode=WAL`` and ``synchronous=FULL`` (one fsync each). Every save changes the
value, so the repository never skips a write. Saves alternate between the two sides, so disk
noise hits both alike.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, percentile

ITEM = "asylum_centre"  # a text question of the shipped questionnaire

RAW_SCHEMA = """
CREATE TABLE IF NOT EXISTS answer (
    interview_id INTEGER NOT NULL, item TEXT NOT NULL, state TEXT NOT NULL,
    value_json TEXT NOT NULL, other TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (interview_id, item));
CREATE TABLE IF NOT EXISTS event (
    id INTEGER PRIMARY KEY, interview_id INTEGER, at TEXT NOT NULL, actor TEXT NOT NULL,
    kind TEXT NOT NULL, item TEXT, old_json TEXT NOT NULL, new_json TEXT NOT NULL);
"""


def open_raw(path: Path) -> sqlite3.Connection:
    """A plain connection with the store's durability pragmas (see store/database.py)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "secure_delete = ON",
        "busy_timeout = 5000",
    ):
        conn.execute(f"PRAGMA {pragma}")
    conn.executescript(RAW_SCHEMA)
    return conn


def raw_save(conn: sqlite3.Connection, n: int) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    value = f'"Centre {n}"'
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO answer VALUES (1, ?, 'answered', ?, '', ?) ON CONFLICT DO UPDATE SET"
        " value_json = excluded.value_json, updated_at = excluded.updated_at",
        (ITEM, value, stamp),
    )
    conn.execute(
        "INSERT INTO event (interview_id, at, actor, kind, item, old_json, new_json)"
        " VALUES (1, ?, 'consultant', 'answer', ?, 'null', ?)",
        (stamp, ITEM, value),
    )
    conn.execute("COMMIT")


def timed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def time_saves(repo: Any, raw: Any, saves: int) -> tuple[list[float], list[float]]:
    """Alternating durable saves on ``repo`` and on raw sqlite3 (``raw``), after a warm-up of
    both (the first statements compile and cache); closes both. Milliseconds per save."""
    from benchmarks.data import load_questionnaire
    from screener.store.records import Consent, InterviewInfo

    repo_ms: list[float] = []
    raw_ms: list[float] = []
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
    return repo_ms, raw_ms


def measure(saves: int = 300) -> list[Figure]:
    from screener.store.repository import Repository

    with tempfile.TemporaryDirectory(prefix="screener-bm-") as tmp:
        repo = Repository(Path(tmp) / "repo.sqlite3")
        repo_ms, raw_ms = time_saves(repo, open_raw(Path(tmp) / "raw.sqlite3"), saves)
    return figures(repo_ms, raw_ms)


def figures(repo_ms: list[float], raw_ms: list[float]) -> list[Figure]:
    n = len(repo_ms)
    p50, p99, slowest = percentile(repo_ms, 50), percentile(repo_ms, 99), max(repo_ms)
    raw50, raw99 = percentile(raw_ms, 50), percentile(raw_ms, 99)
    return [
        Figure("save_p50_ms", p50, slowest, "ms", runs=n, note=f"raw p50 {raw50:.2f} ms"),
        Figure("save_p99_ms", p99, slowest, "ms", 10, "<", runs=n, note=f"raw p99 {raw99:.2f} ms"),
        Figure(
            "save_ratio",
            p50 / raw50,
            max(p50 / raw50, p99 / raw99),
            "x",
            3,
            runs=n,
            note="median: p50/p50; worst: the larger of that and p99/p99",
        ),
    ]
