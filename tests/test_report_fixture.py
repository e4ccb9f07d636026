"""An invented interview for the report tests, built directly from the shared dataclasses.

Used until (and beside) the shipped questionnaire and demo interview: it exercises every role
the report looks for, every answer kind and every non-response state.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from screener.questionnaire.model import Questionnaire
from screener.store.records import Answer, AnswerState, Consent, Interview, InterviewInfo, Status

SECRET = "INTERVIEWER-ONLY-SECRET"


def t(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


def q_item(kind: str, name: str, da: str, en: str, **kw: Any) -> dict[str, Any]:
    return {"type": kind, "name": name, "label": t(da, en), **kw}


def scale(name: str, da: str, en: str, **kw: Any) -> dict[str, Any]:
    return q_item(
        "scale",
        name,
        da,
        en,
        low=t("slet ikke", "not at all"),
        high=t("i høj grad", "very much"),
        **kw,
    )


QUESTIONNAIRE: dict[str, Any] = {
    "id": "test-screening",
    "version": "1.0",
    "title": t("Testscreening", "Test screening"),
    "languages": ["da", "en"],
    "default_language": "da",
    "sections": [
        {
            "name": "intro",
            "title": t("Om kandidaten", "About the candidate"),
            "items": [
                q_item("note", "welcome", "Byd velkommen", "Welcome the candidate"),
                q_item("select_one status", "status", "Status", "Status", role="status"),
                q_item("text", "centre", "Asylcenter", "Asylum centre", role="asylum_centre"),
                q_item("date", "arrival", "Ankomst til Danmark", "Arrival", role="arrival"),
                q_item("text", "mother_tongue", "Modersmål", "Mother tongue", role="mother_tongue"),
                q_item(
                    "text", "staff_view", "Personalets indtryk", "Staff view", interviewer_only=True
                ),
            ],
        },
        {
            "name": "education",
            "title": t("Uddannelse", "Education"),
            "items": [
                q_item("integer", "school_years", "År i skole", "Years of schooling"),
                q_item(
                    "repeat",
                    "educations",
                    "Uddannelser",
                    "Educations",
                    role="education",
                    items=[
                        q_item("text", "edu_name", "Uddannelse", "Education"),
                        q_item("text", "edu_country", "Land", "Country"),
                        q_item("integer", "edu_years", "År", "Years"),
                        q_item("yes_no", "edu_papers", "Papirer", "Papers"),
                    ],
                ),
                q_item(
                    "yes_no",
                    "papers_sent",
                    "Papirer sendt til vurdering",
                    "Papers sent for assessment",
                ),
            ],
        },
        {
            "name": "work",
            "title": t("Arbejdserfaring", "Work experience"),
            "items": [
                q_item(
                    "repeat",
                    "jobs",
                    "Job",
                    "Jobs",
                    role="work_history",
                    items=[
                        q_item("text", "job_title", "Stilling", "Job"),
                        q_item("text", "job_country", "Land", "Country"),
                        q_item("integer", "job_years", "År", "Years"),
                        q_item("long_text", "job_tasks", "Opgaver", "Tasks"),
                    ],
                ),
                q_item("long_text", "work_story", "Fortæl om dit arbejde", "Tell about your work"),
                q_item(
                    "text",
                    "trade_level",
                    "Fagligt niveau",
                    "Trade level",
                    relevant="${work_story} != ''",
                ),
            ],
        },
        {
            "name": "languages",
            "title": t("Sprog", "Languages"),
            "items": [
                q_item(
                    "repeat",
                    "langs",
                    "Sprog",
                    "Languages",
                    role="languages",
                    items=[
                        q_item("text", "lang_name", "Sprog", "Language", role="language_name"),
                        scale("lang_u", "Forstår", "Understands", role="language_understand"),
                        scale("lang_s", "Taler", "Speaks", role="language_speak"),
                        scale("lang_r", "Læser", "Reads", role="language_read"),
                        scale("lang_w", "Skriver", "Writes", role="language_write"),
                    ],
                ),
                q_item("select_one level", "danish", "Dansk", "Danish", role="danish_level"),
                q_item("select_one level", "english", "Engelsk", "English", role="english_level"),
                q_item(
                    "yes_no", "latin", "Kender det latinske alfabet", "Knows the Latin alphabet"
                ),
            ],
        },
        {
            "name": "motivation",
            "title": t("Motivation og kompetencer", "Motivation and competences"),
            "items": [
                scale("stable", "Stabil", "Stable", role="company_competence"),
                scale(
                    "initiative",
                    "Tager selvstændigt initiativ",
                    "Takes initiative",
                    role="company_competence",
                ),
                scale("learning", "Læringsvillig", "Willing to learn", role="company_competence"),
                scale("cooperative", "Samarbejdsvillig", "Cooperative", role="company_competence"),
                scale("motivated", "Motiveret", "Motivated", role="company_competence"),
                q_item(
                    "long_text",
                    "strengths",
                    "Hvilke spidskompetencer vil du fremhæve?",
                    "Which core strengths would you highlight?",
                    role="strengths",
                ),
                q_item(
                    "group",
                    "network",
                    "Netværk",
                    "Network",
                    items=[
                        q_item("text", "friends", "Venner i Danmark", "Friends in Denmark"),
                        q_item("text", "clubs", "Foreninger", "Clubs"),
                    ],
                ),
            ],
        },
        {
            "name": "jobs",
            "title": t("Jobønsker", "Job wishes"),
            "items": [
                q_item("long_text", "wishes", "Jobønsker", "Job wishes", role="job_wishes"),
                q_item(
                    "select_multiple branch",
                    "branches",
                    "Brancher",
                    "Branches",
                    role="branches",
                    other=True,
                ),
                q_item("text", "first_job", "Realistisk første job", "First job", role="first_job"),
                q_item("text", "goal", "Langsigtet mål", "Long-term goal", role="long_term_goal"),
            ],
        },
        {
            "name": "family",
            "title": t("Familie og praktiske forhold", "Family and practical matters"),
            "items": [
                q_item("integer", "children", "Antal børn", "Number of children"),
                q_item("yes_no", "licence", "Kørekort", "Driving licence"),
                q_item("text", "childcare", "Børnepasning", "Childcare"),
                q_item("decimal", "commute", "Pendlingstid i timer", "Commute in hours"),
            ],
        },
        {
            "name": "health",
            "title": t("Helbred", "Health"),
            "items": [
                q_item(
                    "long_text",
                    "health",
                    "Helbred og skånehensyn",
                    "Health and accommodations",
                    sensitive=True,
                ),
                q_item(
                    "yes_no",
                    "follow_up",
                    "Behov for opfølgning",
                    "Needs follow-up",
                    sensitive=True,
                    role="health_follow_up",
                ),
            ],
        },
        {
            "name": "closing",
            "title": t("Afslutning", "Closing"),
            "items": [
                q_item(
                    "long_text",
                    "attention",
                    "Opmærksomhedspunkter",
                    "Attention points",
                    role="attention_points",
                ),
                q_item(
                    "long_text",
                    "looking_forward",
                    "Hvad glæder du dig mest til?",
                    "What are you looking forward to most?",
                    role="looking_forward",
                ),
            ],
        },
        {
            "name": "assessment",
            "title": t("Vurdering", "Assessment"),
            "items": [
                q_item("select_one typology", "typology", "Typologi", "Typology", role="typology"),
                q_item(
                    "long_text", "a_strengths", "Styrker", "Strengths", role="assessment_strengths"
                ),
                q_item(
                    "long_text",
                    "a_challenges",
                    "Udfordringer",
                    "Challenges",
                    role="assessment_challenges",
                ),
                q_item(
                    "select_multiple effort",
                    "efforts",
                    "Indsatselementer",
                    "Effort elements",
                    role="effort_elements",
                ),
                q_item(
                    "repeat",
                    "plan",
                    "Indsatsplan",
                    "Effort plan",
                    role="effort_plan",
                    items=[
                        q_item("text", "what", "Hvad", "What"),
                        q_item("text", "why", "Hvorfor", "Why"),
                        q_item("text", "who", "Hvem", "Who"),
                        q_item("text", "when", "Hvornår", "When"),
                    ],
                ),
                q_item(
                    "long_text",
                    "housing",
                    "Boligplacering",
                    "Housing",
                    role="housing_recommendation",
                ),
                q_item("long_text", "next", "Næste skridt", "Next steps", role="next_steps"),
                q_item(
                    "long_text",
                    "internal",
                    "Interne bemærkninger",
                    "Internal remarks",
                    interviewer_only=True,
                ),
            ],
        },
    ],
    "choices": {
        "status": [
            {"value": "asylant", "label": t("Asylansøger", "Asylum seeker")},
            {"value": "housed", "label": t("Boligplaceret", "Housing assigned")},
        ],
        "level": [
            {"value": "none", "label": t("Intet", "None")},
            {"value": "basic", "label": t("Lidt", "Basic")},
            {"value": "good", "label": t("Godt", "Good")},
            {"value": "fluent", "label": t("Flydende", "Fluent")},
        ],
        "branch": [
            {"value": "industry", "label": t("Industri", "Industry")},
            {"value": "cleaning", "label": t("Rengøring", "Cleaning")},
            {"value": "kitchen", "label": t("Køkken og restaurant", "Kitchen and restaurant")},
            {"value": "other", "label": t("Andet", "Other")},
        ],
        "typology": [
            {
                "value": "t1",
                "label": t(
                    "Asylant med praktisk erhvervserfaring",
                    "Asylum seeker with practical work experience",
                ),
                "description": t(
                    "Typisk mand 20-45 år med praktisk erfaring fra flere brancher.",
                    "Typically a man aged 20-45 with practical experience from several trades.",
                ),
            },
            {"value": "t2", "label": t("Asylant med uddannelse", "Asylum seeker with education")},
        ],
        "effort": [
            {"value": "cv", "label": t("Professionelt CV", "Professional CV")},
            {
                "value": "rkv",
                "label": t("Realkompetenceafklaring", "Recognition of prior learning"),
            },
            {"value": "mentor", "label": t("Erhvervsmentor", "Business mentor")},
        ],
    },
}


def make_questionnaire() -> Questionnaire:
    return Questionnaire.model_validate(QUESTIONNAIRE)


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


def test_fixture_is_valid() -> None:
    interview = make_interview()
    assert interview.questionnaire.by_role("looking_forward") is not None
    assert interview.values()["status"] == "asylant"
