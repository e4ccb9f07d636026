"""Page 1: who the candidate is, the interview, and the profile at a glance.

A busy virksomhedskonsulent reads this page and maybe nothing else, so it must stand alone:
short values (long answers are clipped here and given in full later), no empty rows.
"""

from __future__ import annotations

from datetime import date

from screener.i18n import _, format_date, format_duration
from screener.report.answers import Display, interpreter_mode, language_name, territory_name
from screener.report.layout import Flowable, heading, key_value_table, markup, para
from screener.report.profile import language_rows, role_display, role_item
from screener.report.styles import clip, esc, styles
from screener.store.records import Interview

OVERVIEW_LIMIT = 180
SIDE_LIMIT = 90  # the two short tables side by side at the top
Rows = list[tuple[str, Display | str]]


def overview(interview: Interview, lang: str) -> list[Flowable]:
    from screener.report.layout import side_by_side
    from screener.report.styles import CONTENT_WIDTH

    story: list[Flowable] = title_block(interview, lang)
    half = (CONTENT_WIDTH - 14) / 2
    columns: list[list[Flowable]] = [[], []]
    for column, title, rows in (
        (0, _("Candidate"), candidate_rows(interview, lang)),
        (1, _("The interview"), interview_rows(interview, lang)),
        (1, _("Handover"), handover_rows(interview)),
    ):
        if rows:
            table = key_value_table(_clipped(rows, SIDE_LIMIT), 0.42, half, SIDE_LIMIT, True)
            columns[column] += [heading(title), table]
    story.append(side_by_side(columns[0], columns[1]))
    profile = profile_rows(interview, lang)
    if profile:
        table = key_value_table(_clipped(profile), 0.3, compact=True)
        story += [heading(_("Profile at a glance"), keep=False), table]
    return story


def title_block(interview: Interview, lang: str) -> list[Flowable]:
    s = styles()
    info = interview.info
    q = interview.questionnaire
    kicker = _("Competence screening · handover report")
    subtitle = [q.text(q.title, lang)]
    if info.municipality:
        subtitle.append(_("For {municipality}").format(municipality=info.municipality))
    return [
        markup(f'<font size="9" color="#5b6472">{esc(kicker.upper())}</font>', s.body),
        para(info.candidate_name, s.title),
        para(" · ".join(subtitle), s.subtitle),
    ]


def candidate_rows(interview: Interview, lang: str) -> Rows:
    info = interview.info
    rows: Rows = []  # the name is the page's title
    if info.birth_date:
        age = _age(info.birth_date, interview.created_at.date())
        born = format_date(info.birth_date, lang)
        years = _("{age} years").format(age=age)
        rows.append((_("Date of birth"), f"{born} ({years})"))
    if info.nationality:
        rows.append((_("Nationality"), territory_name(info.nationality, lang)))
    rows += _roles(
        interview, lang, [("mother_tongue", _("Mother tongue")), ("status", _("Status"))]
    )
    place = role_display(interview, "asylum_centre", lang)
    if place is not None:
        rows.append((_("Asylum centre"), place))
    elif info.place:
        rows.append((_("Asylum centre"), info.place))
    rows += _roles(interview, lang, [("arrival", _("Arrival in Denmark"))])
    return rows


def handover_rows(interview: Interview) -> Rows:
    info = interview.info
    rows: Rows = []
    if info.municipality:
        rows.append((_("Receiving municipality"), info.municipality))
    if info.case_id:
        rows.append((_("Case id"), info.case_id))
    return rows


def interview_rows(interview: Interview, lang: str) -> Rows:
    info = interview.info
    rows: Rows = [(_("Date"), format_date(interview.created_at.date(), lang))]
    if interview.elapsed_seconds:
        rows.append((_("Duration"), format_duration(interview.elapsed_seconds, lang)))
    if info.consultant:
        rows.append((_("Consultant"), info.consultant))
    rows.append((_("Interpreter"), interpreter_text(interview, lang)))
    return rows


def interpreter_text(interview: Interview, lang: str) -> str:
    """'arabisk, fremmøde' or 'no interpreter'."""
    info = interview.info
    if info.interpreter_mode == "none" or not (info.interpreter_language or info.interpreter_name):
        return interpreter_mode("none")
    parts = [language_name(info.interpreter_language, lang)] if info.interpreter_language else []
    parts.append(interpreter_mode(info.interpreter_mode).lower())
    return ", ".join(parts)


def profile_rows(interview: Interview, lang: str) -> Rows:
    rows = _roles(
        interview,
        lang,
        [
            ("strengths", _("Top strengths (own words)")),
            ("assessment_strengths", _("Strengths (consultant)")),
        ],
    )
    languages = languages_at_a_glance(interview, lang)
    if languages:
        rows.append((_("Languages"), languages))
    rows += _roles(
        interview,
        lang,
        [
            ("danish_level", _("Danish")),
            ("english_level", _("English")),
            ("job_wishes", _("Job wishes")),
            ("branches", _("Branches")),
            ("first_job", _("Realistic first job")),
            ("long_term_goal", _("Long-term goal")),
            ("typology", _("Typology")),
            ("effort_elements", _("Recommended effort")),
            ("attention_points", _("Attention points")),
        ],
    )
    closing = role_item(interview, "looking_forward")
    shown = role_display(interview, "looking_forward", lang)
    if closing is not None and shown is not None:
        rows.append((interview.questionnaire.text(closing.label, lang), shown))
    return rows


def languages_at_a_glance(interview: Interview, lang: str) -> str:
    """One line per language: 'Arabic – understands 5/5, speaks 5/5, reads 4/5, writes 4/5'."""
    lines = []
    for row in language_rows(interview, lang):
        levels = [f"{s.skill.lower()} {s.short}" for s in row.skills if s.short]
        lines.append(f"{row.name} – {', '.join(levels)}" if levels else row.name)
    return "\n".join(lines)


def _roles(interview: Interview, lang: str, pairs: list[tuple[str, str]]) -> Rows:
    rows: Rows = []
    for role, key in pairs:
        shown = role_display(interview, role, lang)
        if shown is not None:
            rows.append((key, shown))
    return rows


def _clipped(rows: Rows, limit: int = OVERVIEW_LIMIT) -> Rows:
    """Overview values stay short; the full answers are in the sections that follow."""
    out: Rows = []
    for key, value in rows:
        if isinstance(value, Display):
            out.append((key, Display(clip(value.text, limit), value.shown)))
        else:
            lines = value.split("\n")
            out.append((key, "\n".join(clip(line, limit) for line in lines[:5])))
    return out


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
