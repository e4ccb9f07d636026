"""Schema versions, kept in ``PRAGMA user_version``, and the steps between them.

A new database gets the current tables from ``tables.py`` directly (the only time the store
imports SQLAlchemy/SQLModel: to turn those tables into DDL). An older database is upgraded one
step at a time, all steps in one transaction: if a step fails nothing changes. To change the
schema: change ``tables.py``, append a step to ``STEPS`` that brings the previous version to the
new one, and add the old schema to the upgrade test. Everything runs on the repository's DB-API
connection (autocommit mode, so the transaction here is explicit).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from screener.errors import DatabaseError
from screener.i18n import _
from screener.store.items import shape_of
from screener.store.text import fold

# The first released schema (version 1), exactly as it was created. Kept for the upgrade test
# and as the record of what old files on the laptops look like.
V1_SCHEMA = """
CREATE TABLE questionnaire_snapshot (
    hash VARCHAR NOT NULL PRIMARY KEY,
    questionnaire_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    snapshot_json VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL
);
CREATE TABLE interview (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    status VARCHAR NOT NULL,
    candidate_name VARCHAR NOT NULL,
    birth_date VARCHAR,
    nationality VARCHAR NOT NULL,
    case_id VARCHAR NOT NULL,
    consultant VARCHAR NOT NULL,
    interpreter_language VARCHAR NOT NULL,
    interpreter_name VARCHAR NOT NULL,
    interpreter_mode VARCHAR NOT NULL,
    place VARCHAR NOT NULL,
    municipality VARCHAR NOT NULL,
    ui_language VARCHAR NOT NULL,
    report_language VARCHAR NOT NULL,
    questionnaire_id VARCHAR NOT NULL,
    questionnaire_version VARCHAR NOT NULL,
    questionnaire_hash VARCHAR NOT NULL REFERENCES questionnaire_snapshot (hash),
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    finalized_at VARCHAR,
    exported_at VARCHAR,
    position_section VARCHAR,
    position_item VARCHAR,
    elapsed_seconds FLOAT NOT NULL,
    consent_json VARCHAR
);
CREATE INDEX ix_interview_created ON interview (created_at);
CREATE TABLE answer (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    item VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    value_json VARCHAR NOT NULL,
    other VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    PRIMARY KEY (interview_id, item)
);
CREATE TABLE item_note (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    item VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    flagged BOOLEAN NOT NULL,
    updated_at VARCHAR NOT NULL,
    PRIMARY KEY (interview_id, item)
);
CREATE TABLE section_time (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    section VARCHAR NOT NULL,
    seconds FLOAT NOT NULL,
    PRIMARY KEY (interview_id, section)
);
CREATE TABLE event (
    id INTEGER NOT NULL PRIMARY KEY,
    interview_id INTEGER REFERENCES interview (id) ON DELETE CASCADE,
    at VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    item VARCHAR,
    old_json VARCHAR NOT NULL,
    new_json VARCHAR NOT NULL
);
CREATE INDEX ix_event_interview ON event (interview_id, id);
"""


def _to_v2(conn: Any) -> None:
    """Denormalised columns for the home list: search key, answered and total counts."""
    for column in ("search_key VARCHAR", "answered_count INTEGER", "total_count INTEGER"):
        default = "''" if column.endswith("VARCHAR") else "0"
        conn.execute(f"ALTER TABLE interview ADD COLUMN {column} NOT NULL DEFAULT {default}")
    conn.execute(
        "UPDATE interview SET answered_count ="
        " (SELECT count(*) FROM answer WHERE answer.interview_id = interview.id)"
    )
    rows = conn.execute(
        "SELECT i.id, i.candidate_name, i.case_id, i.municipality, s.snapshot_json"
        " FROM interview i JOIN questionnaire_snapshot s ON s.hash = i.questionnaire_hash"
    ).fetchall()
    for interview_id, name, case_id, municipality, snapshot in rows:
        total = len(shape_of(json.loads(snapshot)).answerable)
        conn.execute(
            "UPDATE interview SET search_key = ?, total_count = ? WHERE id = ?",
            (search_key(name, case_id, municipality), total, interview_id),
        )


def _to_v3(conn: Any) -> None:
    """An index on the search key: counting the matches of a search keystroke reads the small
    index instead of every interview row."""
    conn.execute("CREATE INDEX ix_interview_search ON interview (search_key)")


def _to_v4(conn: Any) -> None:
    """The consultant's edits of the CV-postkort and kompetencekort texts."""
    conn.execute(
        "CREATE TABLE paper_text ("
        " interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,"
        " field VARCHAR NOT NULL, value VARCHAR NOT NULL, updated_at VARCHAR NOT NULL,"
        " PRIMARY KEY (interview_id, field))"
    )


# A random (version 4) UUID in its usual text form, computed by SQLite for each row.
UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
    " substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||"
    " substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
UUID_TRIGGER = (
    "CREATE TRIGGER tr_interview_uuid AFTER INSERT ON interview WHEN NEW.uuid = ''"
    f" BEGIN UPDATE interview SET uuid = {UUID_SQL} WHERE id = NEW.id; END"
)


def _to_v5(conn: Any) -> None:
    """A stable UUID per interview (kept through transfer and import between laptops), given
    to every existing interview and by a trigger to every new one."""
    conn.execute("ALTER TABLE interview ADD COLUMN uuid VARCHAR NOT NULL DEFAULT ''")
    conn.execute(f"UPDATE interview SET uuid = {UUID_SQL}")
    conn.execute("CREATE UNIQUE INDEX ix_interview_uuid ON interview (uuid)")
    conn.execute(UUID_TRIGGER)


# STEPS[n] upgrades version n to n + 1.
STEPS: dict[int, Callable[[Any], None]] = {1: _to_v2, 2: _to_v3, 3: _to_v4, 4: _to_v5}
LATEST = 1 + len(STEPS)


def search_key(name: str, case_id: str, municipality: str) -> str:
    """What the home screen's search matches against (case-insensitive beyond ASCII)."""
    return "\x1f".join(fold(part) for part in (name, case_id, municipality))


def user_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0] or 0)


def migrate(conn: Any, path: Path) -> int:
    """Create or upgrade the schema on the DB-API connection ``conn`` (autocommit mode) in one
    ``BEGIN IMMEDIATE`` transaction; returns the version found before (0 for a new file).

    A file already at the latest version is only read (no transaction, nothing written)."""
    found = user_version(conn)
    if found == LATEST:
        return found
    if found > LATEST:
        raise DatabaseError(
            _("The database was made by a newer version of Screener: {path}").format(path=path)
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)  # again, now that the write lock is held
        if found > LATEST:
            raise DatabaseError(
                _("The database was made by a newer version of Screener: {path}").format(path=path)
            )
        if found == 0:
            has_tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if has_tables:
                raise DatabaseError(
                    _("The file is not a Screener database: {path}").format(path=path)
                )
            for statement in schema_ddl():
                conn.execute(statement)
            conn.execute(UUID_TRIGGER)
        else:
            for version in range(found, LATEST):
                STEPS[version](conn)
        if found != LATEST:
            conn.execute(f"PRAGMA user_version = {LATEST}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found


def schema_ddl() -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for the current tables of ``tables.py``, in
    creation order (the snapshot before the interviews using it)."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    from screener.store import tables  # noqa: F401  (the import registers the tables)

    dialect = sqlite.dialect()  # type: ignore[no-untyped-call]
    names = (
        "questionnaire_snapshot",
        "interview",
        "answer",
        "item_note",
        "section_time",
        "event",
        "paper_text",
    )
    statements: list[str] = []
    for name in names:
        table = SQLModel.metadata.tables[name]
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return statements
