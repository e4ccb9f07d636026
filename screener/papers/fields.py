"""The texts of the CV-postkort: built from the answers, then the consultant's edits on top.

Each field is prefilled from what the candidate said (through ``sources.Source``, which never
hands out private answers), in the card's language. The consultant's edits are stored per field
and language (``cv.job.da``) in ``Interview.papers`` and win over the prefill.
"""

from __future__ import annotations

from dataclasses import dataclass

from screener.i18n import N_, _, format_number
from screener.papers.sources import Source, clip_words, first_sentence, short_title
from screener.store.records import Interview


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # message id, translated when shown
    hint: str  # message id: what the field is for, shown on the edit screen
    lines: int  # rough room on the card, for the edit box's height


CV_FIELDS: tuple[Field, ...] = (
    Field("name", N_("Name"), N_("As the candidate wants to be called at work."), 1),
    Field("job", N_("Looking for work as"), N_("One short line: the job, not the dream."), 2),
    Field("experience", N_("Experience"), N_("One line per job: trade and years."), 4),
    Field("tools", N_("Tools and machines"), N_("What the candidate can work with."), 2),
    Field("skills", N_("Skills"), N_("One skill per line, with its level."), 4),
    Field("languages", N_("Languages"), N_("One language per line, level in plain words."), 4),
    Field("licence", N_("Driving licence"), N_("Categories; say if it is foreign."), 1),
    Field("availability", N_("Availability"), N_("When they can start, how they get there."), 2),
    Field("quote", N_("In my own words"), N_("One sentence the candidate said."), 2),
    Field("contact", N_("Contact"), N_("The consultant or jobcentre: name, phone, e-mail."), 2),
)
CV_KEYS = tuple(field.key for field in CV_FIELDS)
MAX_JOBS = 3
MAX_TOOLS = 10
MAX_SKILLS = 4
MAX_LANGUAGES = 5
LINE = 52  # characters of one prefilled line in a column (the card's narrow measure)
# Plain words for a 0-4 language scale (understand or speak, whichever is higher).
LANGUAGE_WORDS = (N_("not yet"), N_("a little"), N_("some"), N_("good"), N_("fluent"))


def paper_key(paper: str, field: str, lang: str) -> str:
    """The stored key of one edited text, e.g. ``cv.job.da``."""
    return f"{paper}.{field}.{lang}"


def cv_prefill(interview: Interview, lang: str) -> dict[str, str]:
    """Every CV-postkort field as built from the answers, in ``lang`` (call inside that
    language's ``_()`` context, as the report does)."""
    src = Source(interview, lang)
    return {
        "name": clip_words(interview.info.candidate_name, 48),
        "job": _job(src),
        "experience": "\n".join(line for line, _years in _jobs(src)),
        "tools": _tools(src),
        "skills": _skills(src),
        "languages": _languages(src),
        "licence": _licence(src),
        "availability": _availability(src),
        "quote": first_sentence(src.text(role="looking_forward"), 160),
        "contact": _contact(interview),
    }


def cv_fields(interview: Interview, lang: str) -> dict[str, str]:
    """The card's texts: the consultant's edits where there are any, else the prefill."""
    fields = cv_prefill(interview, lang)
    for key in CV_KEYS:
        edited = interview.papers.get(paper_key("cv", key, lang))
        if edited is not None:
            fields[key] = edited
    return fields


def _job(src: Source) -> str:
    for role in ("job_wishes", "first_job"):
        text = src.text(role=role)
        if text:
            return first_sentence(text, 80).rstrip(".")
    return src.text(role="branches")


def _jobs(src: Source) -> list[tuple[str, float]]:
    """'Welder, steel structures – 5 years', longest first, at most three."""
    title = src.child("jobs", name="job_title") or src.child("work_history", name="job_title")
    years = src.child("jobs", name="job_years") or src.child("work_history", name="job_years")
    found: list[tuple[str, float]] = []
    for entry in src.entries("jobs", role="work_history"):
        name = src.label(title, entry.get(title.name)) if title else ""
        name = clip_words(short_title(name), LINE - 10)
        if not name:
            continue
        number = entry.get(years.name) if years else None
        amount = float(number) if isinstance(number, int | float) and number > 0 else 0.0
        if amount:
            count = format_number(amount, src.lang)
            name += " – " + _("{years} years").format(years=count)
        found.append((name, amount))
    found.sort(key=lambda pair: -pair[1])
    return found[:MAX_JOBS]


def _tools(src: Source) -> str:
    tools_item = src.child("jobs", name="job_tools") or src.child("work_history", name="job_tools")
    if tools_item is None:
        return ""
    seen: dict[str, str] = {}
    for entry in src.entries("jobs", role="work_history"):
        text = str(entry.get(tools_item.name) or "")
        for part in text.replace(";", ",").replace("\n", ",").split(","):
            tool = clip_words(part.strip().rstrip(".").strip(), 28)
            if tool and tool.casefold() not in seen:
                seen[tool.casefold()] = tool
    return ", ".join(list(seen.values())[:MAX_TOOLS])


def _skills(src: Source) -> str:
    name_item = src.child("competence_list", name="competence_name")
    level_item = src.child("competence_list", name="competence_level")
    lines: list[str] = []
    for entry in src.entries("competence_list"):
        name = src.label(name_item, entry.get(name_item.name)) if name_item else ""
        if not name:
            continue
        level = src.label(level_item, entry.get(level_item.name)) if level_item else ""
        name = clip_words(name, LINE - len(level) - 3 if level else LINE)
        lines.append(f"{name} ({level.lower()})" if level else name)
    practical = src.text("practical_skills")
    if practical and len(lines) < MAX_SKILLS:
        lines.append(first_sentence(practical, LINE * 2).rstrip("."))
    return "\n".join(lines[:MAX_SKILLS])


def _languages(src: Source) -> str:
    from screener.store.text import fold

    name_item = src.child("language_list", role="language_name")
    levels = [
        child
        for role in ("language_understand", "language_speak")
        if (child := src.child("language_list", role=role)) is not None
    ]
    special = {
        "danish": src.text(role="danish_level"),
        "english": src.text(role="english_level"),
    }
    names = {"dansk": "danish", "danish": "danish", "engelsk": "english", "english": "english"}
    lines: list[str] = []
    for entry in src.entries("language_list", role="languages"):
        name = src.label(name_item, entry.get(name_item.name)) if name_item else ""
        if not name:
            continue
        words = special.get(names.get(fold(name), ""), "")
        if not words:
            numbers = [v for c in levels if isinstance(v := entry.get(c.name), int)]
            if numbers:
                top = max(0, min(max(numbers), len(LANGUAGE_WORDS) - 1))
                words = _(LANGUAGE_WORDS[top])
        name = clip_words(name, 24)
        lines.append(f"{name}: {words.lower()}" if words else name)
    return "\n".join(lines[:MAX_LANGUAGES])


def _licence(src: Source) -> str:
    if src.value("driving_licence") != "yes":
        return ""
    categories = src.text("licence_categories")
    return categories or _("Yes")


def _availability(src: Source) -> str:
    parts: list[str] = []
    transport = src.text("transport")
    if transport:
        parts.append(_("Gets to work by: {means}").format(means=transport.lower()))
    if src.value("willing_to_move") == "yes":
        parts.append(_("Will move for a job"))
    if src.value("flexible_tasks") == "yes":
        parts.append(_("Open to other tasks"))
    return "\n".join(parts)


def _contact(interview: Interview) -> str:
    info = interview.info
    lines = [info.consultant.strip()] if info.consultant.strip() else []
    if info.municipality.strip():
        lines.append(_("Jobcenter {municipality}").format(municipality=info.municipality.strip()))
    return "\n".join(lines)
