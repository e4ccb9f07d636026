"""The hub: importing N interviews vs a raw bulk insert of the same rows through the same
driver (one transaction, ``executemany``), on SQLite and on PostgreSQL; and a search over
10×N interviews on PostgreSQL.

The SQLite hub is an SQLCipher file (as in use); the raw insert uses the same driver and key.
The import reads N JSON files (compact, as many as on a USB stick) from a folder and does all its
work: parse, check, dedupe by uid, write in batches with an audit row each. The raw insert gets
the rows already built (the same parser, untimed) and only writes them. For the search, N
interviews are imported and then copied by SQL to 10×N (new uids, the same texts: the copies'
stored JSON is left small; it lives out of line in TOAST and a search never reads it).

PostgreSQL is started with pgserver (or ``SCREENER_BENCH_PG_URL`` names a server).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, median_worst
from benchmarks.data import FIRST, LAST, MUNICIPALITIES, make_demo_db

PASSPHRASE = "benchmark passphrase"  # the SQLite hub is encrypted, as in use
TYPOLOGIES = ["type1", "type2", "type3", "type4", "type5"]
BRANCHES = ["metal_welding", "cleaning", "kitchen", "warehouse_transport", "health_care", "retail"]
LANGUAGES = ["Arabisk", "Tigrinya", "Dari", "Farsi", "Somali", "Ukrainsk", "Engelsk", "Dansk"]
ORGS = ["Team Syd", "Team Nord", "Asylcenter Jelling", "Asylcenter Bjerregaard"]


def demo_export(folder: Path) -> dict[str, Any]:
    from screener.store.export_json import to_json
    from screener.store.repository import Repository

    db = folder / "laptop.sqlite3"
    interview_id = make_demo_db(db)
    with Repository(db) as repo:
        return json.loads(json.dumps(to_json(repo.get(interview_id))))  # type: ignore[no-any-return]


def variants(base: dict[str, Any], count: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """``count`` invented interviews: the demo's answers, other people, trades and languages."""
    rng = random.Random(seed)
    roles = {entry["role"]: entry for entry in base["answers"] if entry["role"]}
    for n in range(count):
        data = dict(base)
        data["interview"] = dict(base["interview"], id=n + 1, uuid=str(uuid.UUID(int=n + 1)))
        data["interview"]["created_at"] = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00+00:00"
        data["candidate"] = dict(
            base["candidate"],
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            case_id=f"BM-{n:06d}",
        )
        data["metadata"] = dict(
            base["metadata"], municipality=rng.choice(MUNICIPALITIES), organisation=rng.choice(ORGS)
        )
        typology = rng.choice(TYPOLOGIES)
        changed = {
            "typology": dict(roles["typology"], value=typology, value_text=typology),
            "branches": dict(roles["branches"], value=rng.sample(BRANCHES, 2)),
            "languages": dict(
                roles["languages"],
                value=[
                    {"language_name": lang, "language_speak": rng.randint(1, 5)}
                    for lang in rng.sample(LANGUAGES, 3)
                ],
            ),
        }
        data["answers"] = [
            changed.get(entry["role"], entry) if entry["role"] else entry
            for entry in base["answers"]
        ]
        yield data


def write_files(folder: Path, base: dict[str, Any], count: int) -> Path:
    folder.mkdir()
    for n, data in enumerate(variants(base, count)):
        (folder / f"{n:06d}.json").write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return folder


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    existing = os.environ.get("SCREENER_BENCH_PG_URL")
    if existing:
        yield existing
        return
    import pgserver

    server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


def fresh_database(admin_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def raw_insert(url: str, files: list[Path]) -> float:
    """Seconds to write the rows of ``files`` with the bare DB-API driver, one transaction."""
    from screener.hub.db import open_hub
    from screener.hub.parse import parse_export

    open_hub(url, passphrase=PASSPHRASE).dispose()  # the schema and indexes the import has
    texts = [p.read_text(encoding="utf-8") for p in files]
    parsed = [parse_export(json.loads(t), "2026-12-01T00:00:00", raw=t) for t in texts]
    candidates = [p.candidate for p in parsed]
    branches = [row for p in parsed for row in p.branches]
    languages = [row for p in parsed for row in p.languages]
    words = [row for p in parsed for row in p.words]
    sqlite = url.startswith("sqlite")
    if sqlite:  # the same driver (SQLCipher), key and settings as the hub's engine
        from screener.hub.crypto import cipher_module, key_pragma

        path = Path(url.removeprefix("sqlite:///"))
        conn: Any = cipher_module().connect(str(path), isolation_level=None)
        conn.execute(key_pragma(path, PASSPHRASE))
        for pragma in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "secure_delete = ON",
        ):
            conn.execute(f"PRAGMA {pragma}")
        mark = "?"
    else:
        import psycopg

        conn = psycopg.connect(url)
        mark = "%s"

    def statement(table: str, keys: list[str]) -> str:
        return f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join([mark] * len(keys))})"

    start = time.perf_counter()
    cur = conn.cursor()
    if sqlite:
        cur.execute("BEGIN IMMEDIATE")
    for table, rows in (
        ("hub_candidate", candidates),
        ("hub_branch", branches),
        ("hub_language", languages),
        ("hub_word", words),
    ):
        keys = list(rows[0])
        cur.executemany(statement(table, keys), [tuple(row[k] for k in keys) for row in rows])
    conn.commit() if not sqlite else cur.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def hub_import(url: str, folder: Path) -> float:
    from screener.hub.db import open_hub
    from screener.hub.importer import import_files

    engine = open_hub(url, passphrase=PASSPHRASE)
    try:
        start = time.perf_counter()
        report = import_files(engine, [folder])
        seconds = time.perf_counter() - start
    finally:
        engine.dispose()
    if report.count("imported") != len(report.results):
        raise RuntimeError("the benchmark import refused or skipped files")
    return seconds


MULTIPLY = """
INSERT INTO hub_candidate ({columns}, data_json)
SELECT {copies}, '{{}}' FROM hub_candidate c, generate_series(1, {times}) AS g(n)
WHERE c.uid NOT LIKE '%%#%%'
"""


def multiply(url: str, times: int) -> int:
    from sqlalchemy import text

    from screener.hub.db import open_hub
    from screener.hub.tables import HUB_METADATA

    columns = [
        c.name
        for c in HUB_METADATA.tables["hub_candidate"].columns
        if c.name not in ("id", "data_json")
    ]
    copies = ", ".join("c.uid || '#' || g.n" if c == "uid" else f"c.{c}" for c in columns)
    engine = open_hub(url)
    with engine.begin() as conn:
        conn.execute(text(MULTIPLY.format(columns=", ".join(columns), copies=copies, times=times)))
        for table, keys in (
            ("hub_branch", "branch, kind"),
            ("hub_language", "language, level"),
            ("hub_word", "word"),
        ):
            conn.execute(
                text(
                    f"INSERT INTO {table} (candidate_uid, {keys}) "
                    f"SELECT t.candidate_uid || '#' || g.n, {keys} FROM {table} t, "
                    f"generate_series(1, {times}) AS g(n) WHERE t.candidate_uid NOT LIKE '%#%'"
                )
            )
        total = int(conn.execute(text("SELECT count(*) FROM hub_candidate")).scalar_one())
    with engine.connect() as conn:  # as autovacuum leaves a hub that has settled
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return total


def search_times(url: str, runs: int) -> dict[str, list[float]]:
    from screener.hub.db import open_hub
    from screener.hub.search import Query, search

    queries = {
        "name": Query(text="haddad"),
        "full_name": Query(text="amina haddad"),
        "case": Query(text="bm-004321"),
        "branch_language": Query(branch="metal_welding", language="arab", min_level=4),
        "municipality_dates": Query(municipality="Vejle", since="2026-03-01", until="2026-04-30"),
        "typology_org": Query(typology="type3", organisation="Team Syd"),
    }
    engine = open_hub(url)
    times: dict[str, list[float]] = {name: [] for name in queries}
    try:
        for name, query in queries.items():
            search(engine, query)  # warm the pool and the cache once
            for _ in range(runs):
                start = time.perf_counter()
                search(engine, query)
                times[name].append((time.perf_counter() - start) * 1000)
    finally:
        engine.dispose()
    return times


def load() -> str:
    """The machine's load average while measuring (other work on it slows every figure)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):
        return "?"


def measure(tmp: Path, interviews: int, search_runs: int) -> list[Figure]:
    tmp.mkdir(parents=True, exist_ok=True)
    base = demo_export(tmp)
    folder = write_files(tmp / "stick", base, interviews)
    files = sorted(folder.iterdir())
    figures: list[Figure] = []
    note = f"{interviews} interviews"
    sqlite_import = hub_import("sqlite:///" + (tmp / "hub.sqlite3").as_posix(), folder)
    sqlite_raw = raw_insert("sqlite:///" + (tmp / "raw.sqlite3").as_posix(), files)
    figures.append(Figure("hub_imp_sqlite_s", sqlite_import, sqlite_import, "s", note=note))
    figures.append(Figure("hub_raw_sqlite_s", sqlite_raw, sqlite_raw, "s", note=note))
    ratio = sqlite_import / sqlite_raw
    figures.append(Figure("hub_ratio_sqlite", ratio, ratio, "x", 3))
    with postgres(tmp / "pgdata") as admin:
        pg_url = fresh_database(admin)
        pg_import = hub_import(pg_url, folder)
        pg_raw = raw_insert(fresh_database(admin), files)
        figures.append(Figure("hub_imp_pg_s", pg_import, pg_import, "s", note=note))
        figures.append(Figure("hub_raw_pg_s", pg_raw, pg_raw, "s", note=note))
        ratio = pg_import / pg_raw
        figures.append(Figure("hub_ratio_pg", ratio, ratio, "x", 3))
        total = multiply(pg_url, 9)
        times = search_times(pg_url, search_runs)
        medians = {name: statistics.median(values) for name, values in times.items()}
        slowest = max(medians, key=lambda name: medians[name])
        _median, worst = median_worst([v for values in times.values() for v in values])
        figures.append(
            Figure(
                "hub_search_pg_ms",
                medians[slowest],
                worst,
                "ms",
                100,
                runs=search_runs * len(times),
                note=f"{total} interviews; slowest query type: {slowest}; load {load()}",
            )
        )
    return figures
