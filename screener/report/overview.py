"""Page 1: the caseworker's summary, which always fits one page.

A busy caseworker reads this page and maybe nothing else, so it must stand alone: who the
candidate and the household are, whom to call, the strengths with their evidence, the next three
steps with owner and deadline, what needs follow-up, and the consents. Long answers are shortened
at a word boundary with "see page N"; when the page is still too full, the answers get shorter
until it fits.
"""

from __future__ import annotations

from datetime import date

from screener.i18n import _, format_date, format_duration
from screener.questionnaire.effort import has_municipality
from screener.report.answers import Display, interpreter_mode, language_name, territory_name
from screener.report.layout import Flowable, heading, key_value_table, markup, para
from screener.report.overview_rows import (
    Rows,
    Shortener,
    followup_rows,
    household_rows,
    next_steps,
    profile_rows,
    status_value,
)
from screener.report.profile import role_display, role_item
from screener.report.styles import esc, styles
from screener.settings import Organisation, load_organisation
from screener.store.records import Interview

# The limits answers are shortened to, tried in turn until the page fits.
LIMITS = tuple(range(260, 20, -10))
SIDE_LIMIT = 90  # the two short tables side by side at the top
NO_LIMIT = 100_000  # values are shortened here at a word boundary; never clip them again
CLOSING_FLOOR = 200  # the candidate's own closing words are shortened last


def overview(
    interview: Interview,
    lang: str,
    pages: dict[str, int] | None = None,
    organisation: Organisation | None = None,
) -> list[Flowable]:
    """The summary page; ``pages`` maps item names to the page their full answer is on."""
    organisation = organisation if organisation is not None else load_organisation()
    story: list[Flowable] = []
    for limit in LIMITS:
        story = _build(interview, lang, Shortener(pages or {}, limit), organisation)
        if fits_one_page(story):
            return story
    return story


def fits_one_page(story: list[Flowable]) -> bool:
    """The story's height, measured as platypus lays it out, is within one page's frame."""
    from screener.report.styles import (
        CONTENT_WIDTH,
        FRAME_PADDING,
        MARGIN_BOTTOM,
        MARGIN_TOP,
        PAGE_HEIGHT,
    )

    available = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING
    used = 0.0
    previous_after = 0.0
    for flowable in story:
        _width, height = flowable.wrap(CONTENT_WIDTH, available)
        before = flowable.getSpaceBefore() if used else 0.0
        used += max(before, previous_after) + height
        previous_after = flowable.getSpaceAfter()
    return used <= available


def _build(
    interview: Interview, lang: str, short: Shortener, organisation: Organisation
) -> list[Flowable]:
    from screener.report.layout import side_by_side
    from screener.report.styles import CONTENT_WIDTH

    story: list[Flowable] = title_block(interview, lang, short)
    half = (CONTENT_WIDTH - 14) / 2
    columns: list[list[Flowable]] = [[], []]
    for column, title, rows in (
        (0, _("Candidate"), candidate_rows(interview, lang)),
        (1, _("Contact"), contact_rows(interview, organisation)),
        (1, _("Household"), household_rows(interview, lang, short)),
    ):
        if rows:
            rows = [(key, short.side(value, SIDE_LIMIT)) for key, value in rows]
            table = key_value_table(rows, 0.44, half, NO_LIMIT, True)
            columns[column] += [heading(title), table]
    story.append(side_by_side(columns[0], columns[1]))
    profile = profile_rows(interview, lang, short)
    if profile:
        table = key_value_table(profile, 0.3, limit=NO_LIMIT, compact=True)
        story += [heading(_("Profile at a glance"), keep=False), table]
    steps = next_steps(interview, lang, short)
    if steps:
        story.append(heading(_("The next three steps")))
        for number, (what, owner, deadline) in enumerate(steps, start=1):
            details = " · ".join(
                part
                for part in (
                    _("owner: {owner}").format(owner=owner) if owner else "",
                    _("deadline: {deadline}").format(deadline=deadline) if deadline else "",
                )
                if part
            )
            html = f"<b>{number}.</b>&nbsp;{esc(what)}"
            if details:
                html += f' <font color="#5b6472">— {esc(details)}</font>'
            story.append(markup(html, styles().cell))
    follow = followup_rows(interview, lang, short) + consent_rows(interview)
    if follow:
        table = key_value_table(follow, 0.3, limit=NO_LIMIT, compact=True)
        story += [heading(_("Needs follow-up"), keep=False), table]
    story += closing_words(interview, lang, short)
    return story


def title_block(interview: Interview, lang: str, short: Shortener) -> list[Flowable]:
    s = styles()
    info = interview.info
    q = interview.questionnaire
    kicker = _("Competence screening · handover report")
    subtitle = [q.text(q.title, lang)]
    if info.municipality and has_municipality(status_value(interview)):
        subtitle.append(_("For {municipality} Municipality").format(municipality=info.municipality))
    return [
        markup(f'<font size="9" color="#5b6472">{esc(kicker.upper())}</font>', s.body),
        para(info.candidate_name, s.title),
        para(" · ".join(subtitle), s.subtitle),
        para(interview_line(interview, lang, short), s.small),
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
        rows.append((_("Country of origin"), territory_name(info.nationality, lang)))
    rows += _roles(interview, lang, [("mother_tongue", _("Mother tongue"))])
    rows += _roles(interview, lang, [("status", _("Status"))])
    status = status_value(interview)
    if info.municipality and has_municipality(status):
        rows.append((_("Receiving municipality"), info.municipality))
    rows += _roles(interview, lang, [("arrival", _("Arrival in Denmark"))])
    return rows


def contact_rows(interview: Interview, organisation: Organisation) -> Rows:
    """Whom the caseworker calls: the consultant, the organisation, phone and e-mail."""
    rows: Rows = []
    consultant = interview.info.consultant or organisation.contact
    if consultant:
        rows.append((_("Consultant"), consultant))
    for key, value in (
        (_("Organisation"), organisation.organisation),
        (_("Phone"), organisation.phone),
        (_("E-mail"), organisation.email),
    ):
        if value:
            rows.append((key, value))
    return rows


def interview_line(interview: Interview, lang: str, short: Shortener) -> str:
    """'Interview 1 December 2026 · 1 h 54 min · Asylcenter X · interpreter: Arabic, in person'.

    The place is free text: shortened like the other values, or a long answer there would push
    the rest of the summary off page 1.
    """
    parts = [_("Interview {date}").format(date=format_date(interview.created_at.date(), lang))]
    if interview.elapsed_seconds:
        parts.append(format_duration(interview.elapsed_seconds, lang))
    centre = role_item(interview, "asylum_centre")
    place = role_display(interview, "asylum_centre", lang)
    if centre is not None and place is not None:
        parts.append(short.text(place.text, centre.name, limit=SIDE_LIMIT))
    elif interview.info.place:
        parts.append(short.text(interview.info.place, limit=SIDE_LIMIT))
    interpreter = _("interpreter: {interpreter}").format(
        interpreter=interpreter_text(interview, lang)
    )
    parts.append(interpreter)
    return " · ".join(parts)


def interpreter_text(interview: Interview, lang: str) -> str:
    """'arabisk, fremmøde' or 'no interpreter'."""
    info = interview.info
    if info.interpreter_mode == "none" or not (info.interpreter_language or info.interpreter_name):
        return interpreter_mode("none")
    parts = [language_name(info.interpreter_language, lang)] if info.interpreter_language else []
    parts.append(interpreter_mode(info.interpreter_mode).lower())
    return ", ".join(parts)


def consent_rows(interview: Interview) -> Rows:
    """The consents in one row; the full record is on the last page."""
    from screener.report.answers import yes_no

    consent = interview.consent
    if consent is None:
        return [(_("Consents"), _("No consent recorded"))]
    line = " · ".join(
        [
            _("screening: {answer}").format(answer=yes_no(consent.screening)),
            _("handover: {answer}").format(answer=yes_no(consent.handover)),
            _("health and sensitive: {answer}").format(answer=yes_no(consent.sensitive)),
            _("CV-postkort: {answer}").format(answer=yes_no(consent.cv_postcard)),
        ]
    )
    return [(_("Consents"), line)]


def closing_words(interview: Interview, lang: str, short: Shortener) -> list[Flowable]:
    """The candidate's own answer to "What are you looking forward to most?" ends the page."""
    s = styles()
    closing = role_item(interview, "looking_forward")
    shown = role_display(interview, "looking_forward", lang)
    if closing is None or shown is None:
        return []
    label = interview.questionnaire.text(closing.label, lang)
    text = short.text(shown.text, closing.name, floor=CLOSING_FLOOR)
    return [heading(label, keep=False), markup(f"<i>{esc(text)}</i>", s.body)]


def _roles(interview: Interview, lang: str, pairs: list[tuple[str, str]]) -> Rows:
    rows: Rows = []
    for role, key in pairs:
        shown = role_display(interview, role, lang)
        if shown is not None:
            rows.append((key, shown))
    return rows


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


__all__ = ["Display", "fits_one_page", "overview"]
