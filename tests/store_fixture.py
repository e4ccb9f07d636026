"""A small questionnaire and invented people for the store tests (not the shipped file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from screener.questionnaire.model import Questionnaire
from screener.store.records import Consent, InterviewInfo


def questionnaire_data(version: str = "1") -> dict[str, Any]:
    def text(en: str, da: str | None = None) -> dict[str, str]:
        return {"en": en, "da": da or en}

    return {
        "id": "store-test",
        "version": version,
        "title": text("Store test", "Lagertest"),
        "languages": ["da", "en"],
        "default_language": "da",
        "sections": [
            {
                "name": "basics",
                "title": text("Basics", "Grundlag"),
                "minutes": 10,
                "items": [
                    {"type": "note", "name": "intro", "label": text("Say hello")},
                    {"type": "text", "name": "mother_tongue", "label": text("Mother tongue")},
                    {"type": "integer", "name": "children", "label": text("Children")},
                    {"type": "long_text", "name": "story", "label": text("Story")},
                    {"type": "yes_no", "name": "driving", "label": text("Driving licence")},
                    {
                        "type": "select_multiple langs",
                        "name": "languages",
                        "label": text("Languages"),
                        "other": True,
                    },
                    {
                        "type": "group",
                        "name": "health",
                        "label": text("Health"),
                        "items": [
                            {
                                "type": "long_text",
                                "name": "health_notes",
                                "label": text("Health notes"),
                                "sensitive": True,
                            }
                        ],
                    },
                    {
                        "type": "repeat",
                        "name": "jobs",
                        "label": text("Jobs"),
                        "items": [
                            {"type": "text", "name": "job_title", "label": text("Title")},
                            {"type": "integer", "name": "job_years", "label": text("Years")},
                        ],
                    },
                ],
            },
            {
                "name": "assessment",
                "title": text("Assessment", "Vurdering"),
                "items": [
                    {
                        "type": "select_one typology",
                        "name": "typology",
                        "label": text("Typology"),
                        "role": "typology",
                    },
                    {
                        "type": "long_text",
                        "name": "plan",
                        "label": text("Plan"),
                        "role": "effort_plan",
                    },
                ],
            },
        ],
        "choices": {
            "langs": [
                {"value": "ar", "label": text("Arabic", "Arabisk")},
                {"value": "en", "label": text("English", "Engelsk")},
            ],
            "typology": [
                {"value": "ready", "label": text("Ready for work", "Jobparat")},
                {"value": "later", "label": text("Later", "Senere")},
            ],
        },
    }


def questionnaire(version: str = "1") -> Questionnaire:
    return Questionnaire.model_validate(questionnaire_data(version))


ANSWER_ITEMS = [
    "mother_tongue",
    "children",
    "story",
    "driving",
    "languages",
    "health_notes",
    "jobs",
    "typology",
    "plan",
]


def info(name: str = "Amina Testperson", **changes: Any) -> InterviewInfo:
    data: dict[str, Any] = {
        "candidate_name": name,
        "birth_date": date(1990, 5, 17),
        "nationality": "Syria",
        "case_id": "TEST-0001",
        "consultant": "Karen Konsulent",
        "interpreter_language": "ar",
        "interpreter_name": "Omar Tolk",
        "interpreter_mode": "phone",
        "place": "Center Test",
        "municipality": "Aarhus",
    }
    data.update(changes)
    return InterviewInfo(**data)


# The candidate said yes to everything (tests of what needs consent build their own).
CONSENTED = Consent(screening=True, handover=True, language="ar", sensitive=True, cv_postcard=True)


PASSPHRASE = "test passphrase for the cli"


def encrypted_store(db: Path, monkeypatch: Any) -> None:
    """Make ``db`` an encrypted store (cheap key derivation) whose passphrase the commands read
    from the environment, as a script would."""
    from screener.security import vault
    from screener.security.kdf import KdfParams

    vault.create(db, PASSPHRASE, KdfParams.FAST)
    monkeypatch.setenv("SCREENER_PASSPHRASE", PASSPHRASE)


def open_encrypted(db: Path) -> Any:
    from screener.security import vault
    from screener.store.repository import Repository

    return Repository(db, key=vault.unlock(db, PASSPHRASE))


SCHEMAS = Path(__file__).parent / "schemas"


def old_schema(version: int) -> str:
    """The SQL that makes an empty file of an earlier schema, exactly as Screener made it."""
    return (SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8")


def schema_of(conn: Any) -> dict[str, Any]:
    """Everything a schema is, read from SQLite: each ``sqlite_master`` entry's SQL (whitespace
    normalised), every table's full ``table_xinfo`` (defaults included), its indexes with
    their columns, and its foreign keys; the schema version and Alembic revision too."""
    import re

    master = {
        (kind, name): re.sub(r"\s+", " ", sql or "").strip()
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
    }
    tables = [name for kind, name in master if kind == "table"]
    result: dict[str, Any] = {
        "master": master,
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
    }
    if "alembic_version" in tables:
        result["revision"] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    for table in tables:
        indexes = sorted(tuple(row)[1:] for row in conn.execute(f"PRAGMA index_list('{table}')"))
        result[table] = {
            "columns": [tuple(row) for row in conn.execute(f"PRAGMA table_xinfo('{table}')")],
            "indexes": indexes,
            "index_columns": {
                index[0]: [tuple(row) for row in conn.execute(f"PRAGMA index_xinfo('{index[0]}')")]
                for index in indexes
            },
            "foreign_keys": sorted(
                tuple(row) for row in conn.execute(f"PRAGMA foreign_key_list('{table}')")
            ),
        }
    return result
