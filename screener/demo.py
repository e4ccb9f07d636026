"""One complete, invented interview, so a new user (or a test) can see the app and report filled in.

The person, consultant, interpreter and place are all invented. The answers follow the shipped
questionnaire (``questionnaires/tm-screening.toml``); names the given questionnaire lacks are
skipped, so an organisation's edited copy still gets a demo.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from screener.questionnaire.model import Questionnaire
from screener.store.records import AnswerState, Consent, InterviewInfo

if TYPE_CHECKING:
    from screener.store.repository import Repository

DEMO_INFO = InterviewInfo(
    candidate_name="Şükrü Haddad",
    birth_date=date(1988, 3, 14),
    nationality="SY",
    case_id="DEMO-0001",
    consultant="Mette Lindholm (demo)",
    interpreter_language="ar",
    interpreter_name="Rania Suleiman (demo)",
    interpreter_mode="in_person",
    place="Asylcenter Bjerregaard (demo)",
    municipality="Sønderborg",
    ui_language="da",
    report_language="da",
)

DEMO_STATUS = "placed"  # chosen on the new-interview form; Sønderborg is assigned

DEMO_CONSENT = Consent(
    screening=True,
    handover=True,
    language="ar",
    interpreter="Rania Suleiman (demo)",
    sensitive=True,
    cv_postcard=True,
)

_JOBS = [
    {
        "job_title": "Svejser, stålkonstruktioner",
        "job_branch": "metal_welding",
        "job_country": "Tyrkiet",
        "job_years": 5.0,
        "job_tasks": "Svejste bjælker, trapper og rækværk til byggepladser efter enkle tegninger.",
        "job_tools": "MAG-svejser, elektrodesvejser, vinkelsliber, båndsav, målebånd.",
        "job_own_business": "no",
        "job_documented": "no",
    },
    {
        "job_title": "Smed i eget værksted (sammen med sin bror)",
        "job_branch": "metal_welding",
        "job_country": "Syrien",
        "job_years": 7.0,
        "job_tasks": "Lavede porte, gelændere og vinduesgitre; tog mål hos kunderne og "
        "regnede pris ud; oplærte to lærlinge.",
        "job_tools": "Elektrodesvejser, MIG/MAG, søjleboremaskine, kantbukker, skærebrænder.",
        "job_own_business": "yes",
        "job_documented": "no",
    },
    {
        "job_title": "Lagermedhjælper og chauffør",
        "job_branch": "warehouse_transport",
        "job_country": "Syrien",
        "job_years": 3.0,
        "job_tasks": "Pakkede og læssede byggematerialer, kørte varer ud til kunder.",
        "job_tools": "Palleløfter, varebil.",
        "job_own_business": "no",
        "job_documented": "no",
    },
]

_EFFORT_PLAN = [
    {
        "plan_element": "virksomhedspraktik",
        "plan_what": "Virksomhedspraktik som svejser, 3 dage praktik og 2 dage dansk om ugen",
        "plan_why": "Vejen til ordinært job eller IGU; fagsprog på dansk",
        "plan_who": "Jobcentrets virksomhedskonsulent",
        "plan_when": "Start i den første måned i kommunen",
    },
    {
        "plan_element": "rkv",
        "plan_what": "Praktisk svejsetest (MAG og elektrode) på et AMU-center",
        "plan_why": "Erfaringen er selvrapporteret og udokumenteret; testen viser niveauet",
        "plan_who": "Jobcentret i Sønderborg Kommune",
        "plan_when": "Inden for de første 3 måneder",
    },
    {
        "plan_element": "boernepasning_besoeg",
        "plan_what": "Besøg i børnehaven sammen med ægtefællen; plads til 4-årig",
        "plan_why": "Forældrene vil se børnehaven først; ægtefællen vil også gerne arbejde",
        "plan_who": "Kommunen (dagtilbud)",
        "plan_when": "Ved modtagelsen i kommunen",
    },
]

# Item name -> answered value, in questionnaire order.
DEMO_ANSWERS: dict[str, Any] = {
    # 2. The candidate and the situation
    # status, asylum centre, municipality, country and interpreting language: from the form
    "mutual_understanding": "good",
    "expected_move_date": "2027-01-15",
    "arrival_date": "2026-03-09",
    "mother_tongue": "Arabisk (levantinsk)",
    # 3. Family and practical situation
    "civil_status": "married",
    "spouse_location": "with_me",
    "spouse_work": "Hun har syet tøj hjemmefra i seks år og vil gerne arbejde med tøj "
    "eller i et køkken, når børnene er faldet til; hun skal selv i gang med dansk.",
    "has_children": "yes",
    "children": [
        {"child_age": 9, "child_where": "with_me", "child_care_need": "school"},
        {"child_age": 4, "child_where": "with_me", "child_care_need": "kindergarten"},
    ],
    "childcare_view": "Fint; den store går allerede i skole på centret. Vil gerne se "
    "børnehaven først sammen med sin kone.",
    "gender": "male",
    "household_size": 4,
    "housing_wishes": "En lejlighed med to værelser, tæt på skole og bus.",
    # 4. Education and literacy
    "school_years": 10,
    "highest_education": "vocational",
    "educations": [
        {
            "edu_level": "primary",
            "edu_field": "Grundskole",
            "edu_country": "Syrien",
            "edu_years": 9,
            "edu_completed": "completed",
            "edu_documents": "none",
        },
        {
            "edu_level": "vocational",
            "edu_field": "Svejsekursus (elektrode og MIG/MAG) på teknisk skole i Aleppo",
            "edu_country": "Syrien",
            "edu_years": 1,
            "edu_completed": "completed",
            "edu_documents": "copy",
        },
    ],
    "latin_alphabet": "partly",
    "numeracy": "yes",
    # 5. Work experience
    "has_work_experience": "yes",
    "jobs": _JOBS,
    # 6. Competences
    "strengths": "Svejsning (MAG og elektrode) med 12 års erfaring; kan læse enkle tegninger "
    "og tage mål; lærer hurtigt nye maskiner.",
    "practical_skills": "Reparerer cykler og møbler; har bygget reoler til centrets børnehave.",
    "it_skills": ["smartphone", "messaging", "internet_search"],
    "driving_licence": "yes",
    "licence_categories": ["b"],
    "licence_country": "Syrien; har kørekortet med, men det er udløbet.",
    "certificates": "Kopi af kursusbevis fra svejsekurset. Har kørt truck på lageret, "
    "men uden certifikat.",
    "competence_list": [
        {
            "competence_name": "MAG-svejsning",
            "competence_level": "expert",
            "competence_evidence": "self_reported",
            "competence_comment": "Viste billeder af sit arbejde på telefonen",
        },
        {
            "competence_name": "Elektrodesvejsning",
            "competence_level": "experienced",
            "competence_evidence": "document_seen",
            "competence_comment": "Kopi af kursusbevis set",
        },
        {
            "competence_name": "Truckkørsel",
            "competence_level": "beginner",
            "competence_evidence": "self_reported",
            "competence_comment": "Truckcertifikat (AMU) vil styrke lagerjob",
        },
    ],
    # 7. Languages
    "language_list": [
        {
            "language_name": "Arabisk",
            "language_understand": 4,
            "language_speak": 4,
            "language_read": 4,
            "language_write": 3,
            "language_evidence": "self_reported",
        },
        {
            "language_name": "Tyrkisk",
            "language_understand": 3,
            "language_speak": 3,
            "language_read": 1,
            "language_write": 1,
            "language_evidence": "self_reported",
        },
        {
            "language_name": "Engelsk",
            "language_understand": 1,
            "language_speak": 1,
            "language_read": 1,
            "language_write": 1,
            "language_evidence": "self_reported",
        },
        {
            "language_name": "Dansk",
            "language_understand": 1,
            "language_speak": 1,
            "language_read": 1,
            "language_write": 0,
            "language_evidence": "observed",
        },
    ],
    "danish_learning": "Frivillig danskundervisning på centret to gange om ugen, og en app.",
    "reads_instructions": "partly",
    "du_track_indicator": "du2",
    # 8. Motivation and responsibility
    "motivation_self": 9,
    "motivation_why": "Jeg har altid arbejdet og vil forsørge min familie selv. Kun sproget "
    "mangler.",
    "responsibility": "Mig selv. Men jeg har brug for hjælp til at finde den første arbejdsgiver.",
    "motivators": ["own_income", "provide_family", "use_skills"],
    "willing_to_upskill": "yes",
    "flexible_tasks": "yes",
    # 9. Work culture and social competences
    "punctuality": "Meget vigtigt; i Tyrkiet mistede man dagslønnen, hvis man kom for sent.",
    "asking_questions": "Spørger mesteren. Er vant til, at mesteren fordeler opgaverne.",
    "teamwork": "Byggede en trappe sammen med tre kolleger på en uge; han svejste, de andre "
    "skar og monterede.",
    "cc_stable": 4,
    "cc_initiative": 4,
    "cc_learning": 4,
    "cc_cooperative": 4,
    "cc_motivated": 5,
    # 10. Network
    "family_in_denmark": "yes",
    "family_in_denmark_where": "En fætter i Sønderborg, der arbejder på en fabrik.",
    "company_contacts": "no",
    "centre_activities": ["danish_classes", "centre_tasks", "teaching_others"],
    "volunteer_work": "Passer centrets cykelværksted og viser andre beboere, hvordan man "
    "reparerer en cykel.",
    # 11. Mobility
    "willing_to_move": "yes",
    "transport": ["bike", "public"],
    # 12. Health and limitations
    "functional_limitations": "yes",
    "limitations_description": "Knæet gør ondt efter lang tid på knæ; kan arbejde stående "
    "og siddende uden problemer.",
    "accommodations": "Knæbeskyttere og skiftende arbejdsstillinger.",
    "full_time_energy": "fine",
    "health_follow_up": "no",
    # 13. Cultural attention points
    "culture_resources": "Arbejder grundigt og hurtigt, er vant til at tage ansvar for kunder "
    "og har oplært lærlinge.",
    "workplace_alignment": "Vil gerne kunne bede kort i en pause. Intet problem at arbejde "
    "sammen med kvinder.",
    "attention_points": "1) Vant til en mester, der fordeler opgaverne: sig tidligt, at det er "
    "godt at spørge og foreslå. 2) Forventer hurtigt en rigtig kontrakt: afstem, hvad der skal "
    "til. 3) Kort bøn: aftal tidspunktet i pauserne.",
    # 14. Job wishes and expectations
    "job_wishes": "Svejser i en metalvirksomhed, gerne med stålkonstruktioner.",
    "branches": ["metal_welding", "warehouse_transport"],
    "first_job": "Svejser eller smedemedhjælper via virksomhedspraktik, evt. IGU",
    "long_term_goal": "Faglært svejser med danske svejsecertifikater",
    "education_wish": "yes",
    "education_wish_field": "Svejsecertifikater (AMU), måske smedeuddannelse",
    "expectations_briefing": [
        "full_time",
        "springboard",
        "praktik",
        "attendance",
        "ask_questions",
        "pay_tax",
    ],
    "expectations_reaction": "Forstår, at praktik kommer først; vil gerne starte hurtigt.",
    # 15. Second-hand information
    "has_second_hand": "yes",
    "second_hand_info": [
        {
            "source_type": "centre_staff",
            "source_role": "Kontaktperson på centret",
            "source_date": "2026-11-17",
            "source_information": "Kommer stabilt til danskundervisningen og hjælper altid, "
            "når noget skal repareres.",
        }
    ],
    # 16. Closing
    "candidate_questions": "Hvornår kan jeg begynde at arbejde?",
    "looking_forward": "At stå ved en svejsemaskine igen, tjene mine egne penge og se mine "
    "børn lære dansk.",
    # 17. The consultant's assessment
    "typology": "type4",
    "typology_reason": "Boligplaceret; afsluttet grundskole og 15 års praktisk erfaring som "
    "svejser og smed; erfaringen er ikke dokumenteret, og dansk er endnu begrænset.",
    "cc_evidence": ["self_reported", "observed", "second_hand"],
    "assessment_strengths": "12 års svejseerfaring, selvstændig som smed, stabil og motiveret, "
    "netværk i Sønderborg.",
    "assessment_challenges": "Begrænset dansk; erfaringen er ikke dokumenteret og svarer ikke "
    "nødvendigvis til dansk niveau.",
    # effort_elements: the typology's suggestions plus two, filled in by create_demo
    "placement_purpose": ["competence_clarification", "language", "towards_hire"],
    "effort_plan": _EFFORT_PLAN,
    "housing_recommendation": "En bolig med cykel- eller busforbindelse til "
    "industriområderne; tæt på skole og børnehave.",
    "next_steps": "Kandidaten ved, at jobcentret kontakter ham efter flytningen, og at "
    "praktikken kan begynde allerede i den første måned.",
    "hard_topics": ["health"],
    "consultant_notes": "Bed om kopi af svejsekursusbeviset til vurdering.",
}

EXTRA_EFFORT = ["virksomhedspraktik", "danskuddannelse", "boernepasning_besoeg"]

DEMO_NON_RESPONSES: dict[str, AnswerState] = {
    "planned_leave": AnswerState.DECLINED,
    "unpaid_work": AnswerState.NOT_APPLICABLE,
    "commute_minutes": AnswerState.DONT_KNOW,
}

DEMO_NOTES = {
    "jobs": "Har billeder af sine svejsninger på telefonen; tag dem med til praktikstedet.",
}

DEMO_FLAGS = ("educations",)  # the course certificate should be sent for assessment

# Minutes spent per section: 91 with the candidate, then 23 for the consultant alone.
DEMO_MINUTES = {
    "welcome": 8,
    "candidate": 4,
    "family": 6,
    "education": 7,
    "work": 13,
    "competences": 8,
    "languages": 8,
    "motivation": 5,
    "work_culture": 4,
    "network": 4,
    "mobility": 3,
    "health": 4,
    "culture": 4,
    "wishes": 9,
    "closing": 4,
    "second_hand": 3,
    "assessment": 20,
}


def demo_answers(questionnaire: Questionnaire) -> dict[str, Any]:
    """The form's facts, the demo answers, and the effort elements the chosen typology suggests
    for this candidate's status and profile (as the consultant would confirm them)."""
    from screener.prefill import prefill_answers
    from screener.questionnaire.effort import suggested_efforts

    answers = prefill_answers(questionnaire, DEMO_INFO, DEMO_STATUS)
    answers.update(DEMO_ANSWERS)
    suggested = suggested_efforts(questionnaire, answers["typology"], answers)
    answers["effort_elements"] = suggested + [v for v in EXTRA_EFFORT if v not in suggested]
    return answers


def create_demo(repo: Repository, questionnaire: Questionnaire) -> int:
    """Create the invented interview (a draft, not finalized) and return its id."""
    top_level = {
        item.name
        for _section, item, parent in questionnaire.walk()
        if item.answerable and (parent is None or parent.kind == "group")
    }
    every_item = {item.name for _section, item, _parent in questionnaire.walk()}
    sections = {section.name for section in questionnaire.sections}

    interview_id = repo.create_interview(DEMO_INFO, questionnaire, consent=DEMO_CONSENT)
    for name, value in demo_answers(questionnaire).items():
        if name in top_level:
            repo.set_answer(interview_id, name, value)
    for name, state in DEMO_NON_RESPONSES.items():
        if name in top_level:
            repo.mark(interview_id, name, state)
    for name, text in DEMO_NOTES.items():
        if name in every_item:
            repo.set_note(interview_id, name, text)
    for name in DEMO_FLAGS:
        if name in every_item:
            repo.set_flag(interview_id, name, True)
    for section, minutes in DEMO_MINUTES.items():
        if section in sections:
            repo.add_elapsed(interview_id, section, minutes * 60.0)
    closing = questionnaire.by_role("looking_forward")
    if closing is not None:
        repo.set_position(interview_id, questionnaire.section_of(closing.name).name, closing.name)
    return interview_id
