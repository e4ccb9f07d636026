"""Fixtures of the hub tests: the same cases on the embedded SQLite default and on a real
PostgreSQL server that the test session starts itself (pgserver, a wheel that bundles
PostgreSQL). ``SCREENER_TEST_PG_URL`` points the tests at an existing server instead."""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_STARTED: dict[str, Any] = {}  # one server per session, shared by every module's fixture


def _start_pgserver() -> str:
    """Start (once) a server in a fresh temporary folder of its own, not under pytest's
    basetemp, which another pytest session on the same machine may clean up meanwhile."""
    if "url" in _STARTED:
        return _STARTED["url"]
    import atexit

    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="screener-pg-"))
    atexit.register(shutil.rmtree, folder, True)  # runs after pgserver's own stop (LIFO)
    (folder / "pgdata").mkdir()
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="stop")
    _STARTED["server"] = server
    _STARTED["url"] = server.get_uri()
    return str(_STARTED["url"])


def _stop_pgserver() -> None:
    """Stop the server at the end of the session, not only at exit: a test worker may end
    without running exit handlers, and a server left running keeps the worker's output pipes
    open, so the test run would never finish."""
    import contextlib
    import signal
    import time

    import psutil

    server = _STARTED.pop("server", None)
    _STARTED.pop("url", None)
    if server is None:
        return
    pid = server.get_pid()
    with contextlib.suppress(Exception):
        server.cleanup()
    if pid and psutil.pid_exists(pid):  # still there (another handle): a fast shutdown
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGINT)
        deadline = time.monotonic() + 10
        while psutil.pid_exists(pid) and time.monotonic() < deadline:
            time.sleep(0.1)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A PostgreSQL server for the session, or a loud skip saying why there is none."""
    existing = os.environ.get("SCREENER_TEST_PG_URL")
    if existing:
        yield existing
        return
    try:
        url = _start_pgserver()
    except Exception as error:  # any failure to start: the reason goes into the skip
        detail = getattr(error, "stderr", "") or ""
        pytest.skip(
            f"PostgreSQL could not be started by pgserver: {type(error).__name__}: {error} "
            f"{detail}".strip()
        )
    try:
        yield url
    finally:
        _stop_pgserver()


def _fresh_pg_database(admin_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = "hub_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name)
    return url.render_as_string(hide_password=False)


PASSPHRASE = "correct horse battery staple"


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty hub database on each engine in turn (the SQLite one encrypted, its passphrase
    in the environment as a hub's service would have it)."""
    if request.param == "sqlite":
        monkeypatch.setenv("SCREENER_HUB_PASSPHRASE", PASSPHRASE)
        return "sqlite:///" + (tmp_path / "hub.sqlite3").as_posix()
    pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg (the hub extra)")
    admin = request.getfixturevalue("pg_admin_url")
    return _fresh_pg_database(admin)


@pytest.fixture
def hub(hub_url: str) -> Iterator[Any]:
    from screener.hub.db import open_hub

    engine = open_hub(hub_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The laptop's JSON export of the invented demo interview (built once per session)."""
    from screener.demo import create_demo
    from screener.questionnaire.loader import load_default
    from screener.resources import data_dir
    from screener.store.export_json import to_json
    from screener.store.repository import Repository

    db = tmp_path_factory.mktemp("laptop") / "laptop.sqlite3"
    with Repository(db, "consultant") as repo:
        interview_id = create_demo(repo, load_default(data_dir("questionnaires")))
        data = to_json(repo.get(interview_id))
    return json.loads(json.dumps(data))


def _entry(data: dict[str, Any], role: str) -> dict[str, Any]:
    return next(e for e in data["answers"] if e["role"] == role)


def variant(
    base: dict[str, Any],
    number: int,
    *,
    name: str | None = None,
    case_id: str | None = None,
    typology: str | None = None,
    branches: list[str] | None = None,
    languages: list[tuple[str, int]] | None = None,
    municipality: str | None = None,
    organisation: str | None = None,
    created_at: str | None = None,
    updated_at: str | None = None,
    event_count: int | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    """Another invented interview made from the demo's export (its own uuid)."""
    data = copy.deepcopy(base)
    head = data["interview"]
    head["uuid"] = f"00000000-0000-4000-8000-{number:012d}"
    head["id"] = number
    if created_at is not None:
        head["created_at"] = created_at
    if updated_at is not None:
        head["updated_at"] = updated_at
    if event_count is not None:
        head["event_count"] = event_count
    data["candidate"]["name"] = name or f"Testperson {number}"
    data["candidate"]["case_id"] = case_id or f"CASE-{number:05d}"
    if municipality is not None:
        data["metadata"]["municipality"] = municipality
    if organisation is not None:
        data["metadata"]["organisation"] = organisation
    if typology is not None:
        entry = _entry(data, "typology")
        entry["value"] = typology
        entry["value_text"] = f"{typology[-1]}. Typology {typology}"
    if branches is not None:
        _entry(data, "branches")["value"] = branches
        _entry(data, "work_history")["value"] = []
    if languages is not None:
        _entry(data, "languages")["value"] = [
            {"language_name": lang, "language_speak": level} for lang, level in languages
        ]
    if status is not None:
        _entry(data, "status")["value"] = status
    return data


def write_json(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def write_bundle(
    folder: Path, name: str, data: dict[str, Any] | None, password: str | None
) -> Path:
    """An AES zip as the laptop's handover bundle: one JSON export (``data`` None: no JSON)."""
    import pyzipper

    path = folder / name
    encryption = pyzipper.WZ_AES if password else None
    with pyzipper.AESZipFile(
        path, "w", compression=pyzipper.ZIP_DEFLATED, encryption=encryption
    ) as archive:
        if password:
            archive.setpassword(password.encode())
        if data is not None:
            archive.writestr(f"{Path(name).stem}.json", json.dumps(data, ensure_ascii=False))
        else:
            archive.writestr("notes.txt", b"no interview here")
    return path


def count(engine: Any, table: str) -> int:
    from sqlalchemy import text

    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
