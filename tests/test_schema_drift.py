"""One schema, however a file got it: a file of every earlier schema, with invented rows,
upgraded through the store's own open path (plain and encrypted) has exactly the schema of a
new file; its rows survive; a failed upgrade changes nothing; a current file opens without
Alembic; and the SQL written by hand names only columns the tables declare."""

from __future__ import annotations

import ast
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from store_fixture import CONSENTED, PASSPHRASE, old_schema, questionnaire, schema_of

from screener.errors import ConsentError
from screener.store import migrations
from screener.store.database import Connector
from screener.store.repository import Repository

EARLIER = range(1, migrations.SCHEMA_VERSION)
STAMP = "2026-01-05T09:00:00.000000+00:00"
OLD_UUID = "0f0e0d0c-0b0a-4000-8000-000000000001"


def _old_file(path: Path, version: int, snapshot: str | None = None) -> dict[str, int]:
    """A file of schema ``version`` with one invented interview (id 7; a deleted one had 9)
    and a row in every table it has; returns each table's row count."""
    q = questionnaire()
    search_key = migrations.search_key("Old Ørsted", "OLD-7", "Holbæk")
    interview = {
        "id": 7,
        "status": "draft",
        "candidate_name": "Old Ørsted",
        "birth_date": "1985-02-03",
        "nationality": "Eritrea",
        "case_id": "OLD-7",
        "consultant": "Karen",
        "interpreter_language": "ti",
        "interpreter_name": "",
        "interpreter_mode": "video",
        "place": "Center",
        "municipality": "Holbæk",
        "ui_language": "da",
        "report_language": "da",
        "questionnaire_id": q.id,
        "questionnaire_version": q.version,
        "questionnaire_hash": q.content_hash(),
        "created_at": STAMP,
        "updated_at": STAMP,
        "elapsed_seconds": 1200.0,
        "search_key": search_key,
        "answered_count": 2,
        "total_count": 9,
        "uuid": OLD_UUID,
    }
    rows: dict[str, list[dict[str, Any]]] = {
        "questionnaire_snapshot": [
            {
                "hash": q.content_hash(),
                "questionnaire_id": q.id,
                "version": q.version,
                "snapshot_json": snapshot or q.model_dump_json(),
                "created_at": STAMP,
            }
        ],
        "interview": [interview, {**interview, "id": 9, "uuid": OLD_UUID[:-1] + "9"}],
        "answer": [
            {"item": "story", "state": "answered", "value_json": '"Gammelt svar"'},
            {"item": "children", "state": "dont_know", "value_json": "null"},
        ],
        "item_note": [{"item": "story", "note": "Spurgt to gange", "flagged": 1}],
        "section_time": [{"section": "basics", "seconds": 1200.0}],
        "event": [{"at": STAMP, "actor": "karen", "kind": "answer", "item": "story"}],
        "paper_text": [{"field": "cv.job.da", "value": "Kok"}],
    }
    defaults = {"interview_id": 7, "updated_at": STAMP, "other": "", "old_json": "null"}
    with sqlite3.connect(path) as conn:
        conn.executescript(old_schema(version))
        for table, table_rows in rows.items():
            have = [row[1] for row in conn.execute(f"PRAGMA table_info('{table}')")]
            for row in table_rows if have else []:
                values = {**defaults, "new_json": "{}", **row}
                names = [name for name in have if name in values]
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(names)})"
                    f" VALUES ({', '.join('?' for _ in names)})",
                    [values[name] for name in names],
                )
        conn.execute("DELETE FROM interview WHERE id = 9")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return counts


def _schema(path: Path, key: Any = None) -> dict[str, Any]:
    conn = Connector(path, key=key, readonly=True)()
    try:
        return schema_of(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("fresh") / "new.sqlite3"
    Repository(path).close()
    return _schema(path)


def test_the_head_is_the_newest_revision_and_every_earlier_schema_is_kept() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations._config())
    assert script.get_current_head() == migrations.HEAD
    chain = [rev.revision for rev in script.walk_revisions()]
    assert chain == [f"s{n:04d}" for n in range(migrations.SCHEMA_VERSION, 0, -1)]
    for version in EARLIER:
        assert f"PRAGMA user_version = {version};" in old_schema(version)


@pytest.mark.parametrize("version", EARLIER)
def test_an_upgraded_file_has_the_schema_of_a_new_one(
    version: int, tmp_path: Path, fresh: dict[str, Any]
) -> None:
    path = tmp_path / f"v{version}.sqlite3"
    counts = _old_file(path, version)
    with Repository(path) as repo:
        assert repo.pragmas()["foreign_keys"] == 1  # off only while the tables were copied
        _check_rows(repo, version)
        with pytest.raises(ConsentError):  # recorded before consents were: ask first
            repo.set_answer(7, "story", "Nyt svar")
        repo.record_consent(7, CONSENTED)
        repo.set_answer(7, "story", "Nyt svar")
        new_id = repo.create_interview(repo.get(7).info, questionnaire(), CONSENTED)
    assert new_id == 10  # the deleted interview's id is not given again
    assert _schema(path) == fresh
    added = {"interview": 1, "event": 4}  # consent, answer; the new one's created, consent
    with sqlite3.connect(path) as conn:
        for table, count in counts.items():
            now = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert now == count + added.get(table, 0), table
    conn.close()


def _check_rows(repo: Repository, version: int) -> None:
    interview = repo.get(7)
    assert interview.info.candidate_name == "Old Ørsted"
    assert interview.answers["story"].value == "Gammelt svar"
    assert interview.answers["children"].state == "dont_know"
    assert interview.notes == {"story": "Spurgt to gange"} and interview.flags == {"story"}
    assert interview.section_seconds == {"basics": 1200.0} and interview.event_count == 1
    assert interview.papers == ({"cv.job.da": "Kok"} if version >= 4 else {})
    assert len(interview.uuid) == 36 and (interview.uuid == OLD_UUID) == (version >= 5)
    [summary] = repo.list_interviews("holbæk")
    assert (summary.answered, summary.total) == (2, 9)


def test_an_encrypted_file_is_upgraded_under_its_key(tmp_path: Path, fresh: dict[str, Any]) -> None:
    from screener.security import vault
    from screener.security.kdf import KdfParams

    path = tmp_path / "v1.sqlite3"
    _old_file(path, 1)
    vault.encrypt_plain(path, PASSPHRASE, KdfParams.FAST)
    key = vault.unlock(path, PASSPHRASE)
    with Repository(path, key=key) as repo:
        _check_rows(repo, 1)
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert _schema(path, key) == fresh


def test_a_failed_upgrade_changes_nothing(tmp_path: Path) -> None:
    """A broken snapshot stops the data step of revision 2: nothing of revisions 2 to 6 stays."""
    path = tmp_path / "v1.sqlite3"
    _old_file(path, 1, snapshot='{"broken')
    before = _schema(path)
    with pytest.raises(ValueError):
        Repository(path)
    assert _schema(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a new connection's
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (2,)
    conn.close()


def test_a_current_file_opens_without_alembic_or_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    Repository(path).close()
    code = (
        "import sys\n"
        "from screener.store.repository import Repository\n"
        f"Repository({str(path)!r}).close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'sqlalchemy',"
        " 'sqlmodel'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- SQL written by hand ------------------------------------------------------------------------

STORE = Path(migrations.__file__).parent
HAND_WRITTEN = (
    "connection.py",
    "repository.py",
    "queries.py",
    "transfer.py",
    "export_json.py",
    "refusal.py",
    "statements.py",
)


def _statements() -> list[str]:
    """Every complete SQL statement written as a string in the store's modules."""
    found = []
    for name in HAND_WRITTEN:
        tree = ast.parse((STORE / name).read_text(encoding="utf-8"))
        parts = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)  # an f-string's pieces are not statements
            for part in node.values
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in parts
            ):
                text = node.value.strip()
                if text.split(" ", 1)[0] in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                    found.append(text)
    return found


def test_every_hand_written_statement_names_only_declared_columns(tmp_path: Path) -> None:
    """SQLite prepares each statement against a file made from ``tables.py``: a column or
    table the models do not declare fails here, not in the field."""
    from screener.store import connection, queries, statements, transfer

    path = tmp_path / "new.sqlite3"
    Repository(path).close()
    found = [
        *_statements(),
        statements.INSERT_INTERVIEW,
        f"SELECT {queries.SUMMARY_COLUMNS} FROM interview",
    ]
    assert len(found) > 20
    with sqlite3.connect(path) as conn:
        for statement in found:
            try:
                conn.execute(f"EXPLAIN {statement}", [None] * statement.count("?"))
            except sqlite3.Error as error:
                raise AssertionError(f"{error}: {statement}") from error
    conn.close()
    from screener.store.tables import InterviewRow

    declared = set(InterviewRow.__table__.columns.keys())  # type: ignore[attr-defined]
    for columns in (
        connection._ROW_COLUMNS,
        statements.NEW_INTERVIEW_COLUMNS,
        transfer.ROW_COLUMNS,
        transfer._DERIVED,
    ):
        assert set(columns) <= declared
