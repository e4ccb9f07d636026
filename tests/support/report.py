"""The report tests' invented interview and how they read a PDF back.

The interview is built directly from the shared dataclasses on ``questionnaires/models/
report.toml``: every role the report looks for, every answer kind and every non-response state.
"""

from __future__ import annotations

import io
import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from screener.questionnaire.model import Questionnaire
from screener.store.records import Answer, AnswerState, Consent, Interview, InterviewInfo, Status

QUESTIONNAIRE_FILE = (
    Path(__file__).resolve().parents[1] / "questionnaires" / "models" / "report.toml"
)
SECRET = "INTERVIEWER-ONLY-SECRET"


@cache
def _questionnaire_data() -> dict[str, Any]:
    return tomllib.loads(QUESTIONNAIRE_FILE.read_text(encoding="utf-8"))


def make_questionnaire() -> Questionnaire:
    return Questionnaire.model_validate(_questionnaire_data())


def ok(item: str, value: Any, other: str = "") -> Answer:
    return Answer(item, AnswerState.ANSWERED, value, other)


def make_interview(**overrides: Any) -> Interview:
    """A whole, plausible interview; ``answers`` in overrides are merged over the defaults."""
    q = make_questionnaire()
    answers = {
        a.item: a
        for a in [
            ok("status", "asylant"),
            ok("centre", "Center Jelling"),
            ok("arrival", "2024-03-18"),
            ok("mother_tongue", "Arabisk"),
            ok("staff_view", SECRET),
            ok("school_years", 9),
            ok(
                "educations",
                [
                    {
                        "edu_name": "Grundskole",
                        "edu_country": "Syrien",
                        "edu_years": 9,
                        "edu_papers": "no",
                    },
                ],
            ),
            Answer("papers_sent", AnswerState.NOT_APPLICABLE),
            ok(
                "jobs",
                [
                    {
                        "job_title": "Svejser",
                        "job_country": "Syrien",
                        "job_years": 6,
                        "job_tasks": "MAG-svejsning af stålrammer",
                    },
                    {
                        "job_title": "Lagermedarbejder",
                        "job_country": "Tyrkiet",
                        "job_years": 2,
                        "job_tasks": "Plukning og pakning",
                    },
                ],
            ),
            ok("work_story", "Arbejdede i familiens værksted fra 14 års alderen.\nSenere fabrik."),
            ok(
                "langs",
                [
                    {"lang_name": "Arabisk", "lang_u": 5, "lang_s": 5, "lang_r": 4, "lang_w": 4},
                    {"lang_name": "Tyrkisk", "lang_u": 3, "lang_s": 2, "lang_r": 1, "lang_w": 1},
                    {"lang_name": "Engelsk", "lang_u": 2, "lang_s": 1},
                ],
            ),
            ok("danish", "basic"),
            ok("english", "none"),
            Answer("latin", AnswerState.DONT_KNOW),
            ok("stable", 5),
            ok("initiative", 4),
            ok("learning", 5),
            ok("cooperative", 4),
            Answer("motivated", AnswerState.DECLINED),
            ok("strengths", "Svejsning, præcision og stabilt fremmøde"),
            ok("friends", "En fætter i Vejle"),
            ok("wishes", "Svejser eller industrioperatør"),
            ok("branches", ["industry", "other"], "Byggeri"),
            ok("first_job", "Produktionsmedarbejder"),
            ok("goal", "Svendebrev som svejser"),
            ok("children", 3),
            ok("licence", "yes"),
            ok("commute", 1.5),
            ok("health", "Ondt i ryggen ved tunge løft."),
            ok("follow_up", "no"),
            ok("attention", "Skal hente børn kl. 15."),
            ok("looking_forward", "At få mit første job og tale dansk med kollegerne."),
            ok("typology", "t1"),
            ok("a_strengths", "Lang praktisk erfaring med svejsning; stabil og motiveret."),
            ok("a_challenges", "Begrænset dansk; erfaring ikke dokumenteret."),
            ok("efforts", ["cv", "rkv", "mentor"]),
            ok(
                "plan",
                [
                    {
                        "what": "Realkompetenceafklaring i svejsning",
                        "why": "Dokumentere niveau",
                        "who": "Jobcenter og AMU-center",
                        "when": "Inden for 4 uger",
                    },
                    {
                        "what": "Virksomhedspraktik i industrien",
                        "why": "Dansk arbejdspladskultur",
                        "who": "Virksomhedskonsulent",
                        "when": "Efter RKV",
                    },
                ],
            ),
            ok("housing", "Kommune med metalindustri, fx Vejle eller Horsens."),
            ok("next", "Sende uddannelsespapirer til vurdering."),
            ok("internal", SECRET),
        ]
    }
    answers.update(overrides.pop("answers", {}))
    fields: dict[str, Any] = {
        "id": 7,
        "info": InterviewInfo(
            candidate_name="Şükrü Nguyễn Ḥasan",
            birth_date=date(1990, 5, 17),
            nationality="SY",
            case_id="TM-2026-0042",
            consultant="Mette Jensen",
            interpreter_language="ar",
            interpreter_name="Omar Saleh",
            interpreter_mode="in_person",
            place="Center Jelling",
            municipality="Vejle Kommune",
        ),
        "status": Status.FINALIZED,
        "created_at": datetime(2026, 11, 22, 9, 30),
        "updated_at": datetime(2026, 11, 22, 11, 45),
        "finalized_at": datetime(2026, 11, 22, 12, 5),
        "questionnaire": q,
        "questionnaire_hash": q.content_hash(),
        "answers": answers,
        "notes": {
            "stable": "Mødte til tiden trods lang bustur.",
            "staff_view": SECRET,
            "health": "Vil gerne selv fortælle mere i kommunen.",
            "jobs": "Har billeder af sine svejsninger på telefonen.",
            "typology": "Tydeligt match med typologi 1.",
        },
        "flags": {"latin", "a_challenges", "staff_view"},
        "consent": Consent(
            screening=True,
            handover=True,
            language="ar",
            interpreter="Omar Saleh",
            recorded_at=datetime(2026, 11, 22, 9, 35),
            sensitive=True,
            cv_postcard=True,
        ),
        "elapsed_seconds": 6300.0,
    }
    fields.update(overrides)
    return Interview(**fields)


# --- reading a PDF back ----------------------------------------------------------------------


def pages_of(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())
