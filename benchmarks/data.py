"""Databases the benchmarks run on: one with the demo interview, one with 10,000 interviews.

The 10,000 interviews are generated fast: one real ``create_interview`` pins the questionnaire
snapshot, then the rest are bulk-inserted through the repository's own tables
(``InterviewRow`` plus a "created" ``EventRow`` each) in ONE transaction on the repository's
engine. Going through ``create_interview`` 10,000 times would cost one durable commit (fsync)
each, minutes instead of about a second, and measures nothing the list cares about.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "Amina Yusuf Fatima Omar Layla Hassan Mariam Ali Noor Khalid Rania Tariq Huda Samir Zainab "
    "Idris Aisha Mehmet Olena Taras Iryna Bohdan Nadia Farid Shirin Reza Dawit Selam Abdi Hodan"
)
LAST = words(
    "Haddad Rahimi Mahmoud Kovalenko Shevchenko Yilmaz Abdullahi Tesfaye Karimi Nasser "
    "Bondarenko Hussein Osman Qasim Saleh Demir Ahmadi Melnyk Warsame Haile"
)
MUNICIPALITIES = words(
    "Aarhus Odense Aalborg Esbjerg Vejle Sønderborg Randers Kolding Horsens Herning Silkeborg "
    "Næstved Holbæk Viborg Svendborg Køge"
)


def settings_for(db_path: Path) -> Any:
    from screener.settings import Settings

    return Settings(db_path=db_path, language="da", cursor_blink=False)


def load_questionnaire() -> Any:
    from screener.questionnaire.loader import load_default

    return load_default(settings_for(Path("unused")).questionnaire_dir)


def make_demo_db(db_path: Path) -> int:
    """A database holding only the demo interview; returns its id."""
    from screener.demo import create_demo
    from screener.store.repository import Repository

    with Repository(db_path) as repo:
        return create_demo(repo, load_questionnaire())


def invented_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def make_many_db(db_path: Path, count: int, seed: int = 7) -> None:
    """A database with ``count`` invented interviews (see the module docstring for how)."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert

    from screener.store.migrations import search_key
    from screener.store.records import Consent, InterviewInfo
    from screener.store.repository import Repository
    from screener.store.tables import EventRow, InterviewRow

    rng = random.Random(seed)
    questionnaire = load_questionnaire()
    with Repository(db_path) as repo:
        first = repo.create_interview(
            InterviewInfo(candidate_name="Amina Haddad"),
            questionnaire,
            consent=Consent(screening=True, handover=True),
        )
        pinned = repo.get(first)
        total = len([i for _s, i, _p in questionnaire.walk() if i.answerable])
        start = datetime(2025, 1, 1, tzinfo=UTC)
        rows, events = [], []
        for n in range(count - 1):
            stamp = (start + timedelta(minutes=17 * n)).isoformat(timespec="microseconds")
            name = invented_name(rng)
            case_id = f"BM-{n:05d}"
            municipality = rng.choice(MUNICIPALITIES)
            rows.append(
                {
                    "status": rng.choice(["draft", "draft", "finalized", "exported"]),
                    "candidate_name": name,
                    "case_id": case_id,
                    "municipality": municipality,
                    "questionnaire_id": questionnaire.id,
                    "questionnaire_version": questionnaire.version,
                    "questionnaire_hash": pinned.questionnaire_hash,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "search_key": search_key(name, case_id, municipality),
                    "answered_count": rng.randrange(total + 1),
                    "total_count": total,
                }
            )
        with repo.engine.begin() as conn:
            conn.execute(insert(InterviewRow.__table__), rows)  # type: ignore[attr-defined]
            new_ids = conn.exec_driver_sql("SELECT id FROM interview WHERE id != ?", (first,))
            ids = [row[0] for row in new_ids]
            for interview_id, row in zip(ids, rows, strict=True):
                events.append(
                    {
                        "interview_id": interview_id,
                        "at": row["created_at"],
                        "actor": "benchmark",
                        "kind": "created",
                        "new_json": '{"generated":true}',
                    }
                )
            conn.execute(insert(EventRow.__table__), events)  # type: ignore[attr-defined]
