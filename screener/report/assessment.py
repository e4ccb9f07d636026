"""The consultant's assessment and recommendations: what the jobcentre is asked to act on.

Built from the assessment items by role (typology, strengths, challenges, effort plan, housing,
next steps) rather than printed as questions; other assessment items follow as Q&A.
"""

from __future__ import annotations

from screener.i18n import N_, _
from screener.questionnaire.effort import fits_status, status_value, typology_fits_status
from screener.questionnaire.model import Choice, Item, Questionnaire
from screener.report.answers import Shown, display, format_value, in_report
from screener.report.layout import (
    Flowable,
    chapter,
    follow_up_mark,
    heading,
    long_text,
    markup,
    note_paragraphs,
    para,
    paras,
)
from screener.report.plan import Chapter
from screener.report.profile import entries, role_display, role_item, role_values
from screener.report.sections import entries_story, repeat_blocks
from screener.report.styles import esc, styles
from screener.store.records import Interview

PARTS = (
    ("assessment_strengths", N_("Strengths")),
    ("assessment_challenges", N_("Challenges")),
)
PHASES = (
    ("asylum", N_("Done or started in the asylum phase")),
    ("municipality", N_("Recommended to the municipality")),
    ("other", N_("Other recommendations")),
)
CLOSING_PARTS = (
    ("housing_recommendation", N_("Recommendation for housing placement")),
    ("next_steps", N_("Next steps")),
)


def assessment_chapter(interview: Interview, topic: Chapter, lang: str) -> list[Flowable]:
    story = chapter(_("Assessment and recommendations"))
    used: set[str] = set()
    story += typology(interview, lang, used)
    for role, title in PARTS:
        story += _part(interview, role, _(title), lang, used)
    story += effort(interview, lang, used)
    for role, title in CLOSING_PARTS:
        story += _part(interview, role, _(title), lang, used)
    evidence = role_item(interview, "rating_evidence")
    if evidence is not None and any(e.item.role == "company_competence" for e in topic.entries):
        used.add(evidence.name)  # printed under the competence chart
    rest = [entry for entry in topic.entries if entry.item.name not in used]
    if rest:
        story += [heading(_("Further assessment"))]
        story += entries_story(interview, rest, lang)
    return story


def typology(interview: Interview, lang: str, used: set[str]) -> list[Flowable]:
    """Which typology the consultant chose, and why: never the typology's description.

    The description ("typically men aged 20-45 ...") is guidance about a group for the consultant
    on screen; printed here it would read as a statement about this person.
    """
    item = role_item(interview, "typology")
    if item is None:
        return []
    used.add(item.name)
    s = styles()
    story = [heading(_("Typology"))]
    values = role_values(interview, "typology")
    q = interview.questionnaire
    if not values:
        story += _answer(interview, item, lang)
    for value in values:
        label = q.choice_label(item, value, lang)
        line = _("The consultant chose: {typology}").format(typology=label)
        story.append(markup(f"<b>{esc(line)}</b>", s.body))
    if values and not typology_fits_status(q, interview.values()):
        warning = _("The chosen typology is meant for another status than the candidate's.")
        story.append(markup(f'<font color="#8a2c0d">{esc(warning)}</font>', s.body))
    reason = role_item(interview, "typology_reason")
    shown = role_display(interview, "typology_reason", lang) if reason is not None else None
    if reason is not None:
        used.add(reason.name)
        if shown is not None:
            story += long_text(_("Why: {reason}").format(reason=shown.text), s.body)
    story += _extras(interview, item)
    return story


def effort(interview: Interview, lang: str, used: set[str]) -> list[Flowable]:
    """Recommended effort elements by phase, each with owner and timing, then the plan."""
    story: list[Flowable] = []
    elements = role_item(interview, "effort_elements")
    plan = role_item(interview, "effort_plan")
    if elements is None and plan is None:
        return []
    story.append(heading(_("Recommended effort")))
    if elements is not None:
        used.add(elements.name)
        story += _elements_by_phase(interview, elements, lang)
        story += _extras(interview, elements)
    if plan is not None:
        used.add(plan.name)
        story += plan_blocks(interview, plan, lang)
    return story


def _elements_by_phase(interview: Interview, elements: Item, lang: str) -> list[Flowable]:
    """The chosen elements that fit the candidate's status, grouped by phase."""
    q = interview.questionnaire
    s = styles()
    values = role_values(interview, "effort_elements")
    if not values:
        return _answer(interview, elements, lang)
    status = status_value(q, interview.values())
    known = {c.value: c for c in q.choice_list(elements)}
    groups: dict[str, list[str]] = {phase: [] for phase, _title in PHASES}
    for value in values:
        choice = known.get(value)
        if choice is not None and not fits_status(choice, status):
            continue  # e.g. contact with the Immigration Service for someone already placed
        phase = choice.phase if choice is not None and choice.phase else "other"
        line = f"•&nbsp;&nbsp;{esc(q.choice_label(elements, value, lang))}"
        details = _owner_timing(q, choice, lang) if choice is not None else ""
        if details:
            line += f' <font color="#5b6472">— {esc(details)}</font>'
        groups.setdefault(phase, []).append(line)
    answer = interview.answers.get(elements.name)
    other = answer.other if answer is not None else ""  # free text: may be long
    story: list[Flowable] = []
    for key, title in PHASES:
        typed = other if key == "other" else ""
        if groups.get(key) or typed:
            story.append(para(_(title), s.h3))
            story += [markup(line, s.answer) for line in groups.get(key, [])]
            story += long_text(typed, s.answer, lead="•&nbsp;&nbsp;") if typed else []
    return story


def plan_blocks(interview: Interview, plan: Item, lang: str) -> list[Flowable]:
    """The effort plan, one numbered block per line: the element, then what, why, who, when.

    Blocks rather than a five-column table, whose narrow columns would break long Danish words
    such as "virksomhedskonsulent" in the middle.
    """
    q = interview.questionnaire
    s = styles()
    rows = entries(interview, plan)
    if not rows:
        return repeat_blocks(interview, plan, lang)
    story: list[Flowable] = [heading(q.text(plan.label, lang))]
    children = [c for c in plan.items if in_report(c) and c.kind != "group"]
    for number, entry in enumerate(rows, start=1):
        values = [(c, format_value(q, c, entry.get(c.name), lang, compact=True)) for c in children]
        values = [(c, v) for c, v in values if v]
        if not values:
            continue
        title = values[0][1]
        story += long_text(title, s.body, lead=f"{number}.&nbsp;", form="<b>{}</b>")
        for child, value in values[1:]:
            label = q.text(child.label, lang)
            story += long_text(value, s.answer, lead=f'<font color="#5b6472">{esc(label)}:</font> ')
    story += _extras(interview, plan)
    return story


def _owner_timing(q: Questionnaire, choice: Choice, lang: str) -> str:
    parts = []
    if choice.owner:
        parts.append(_("owner: {owner}").format(owner=q.text(choice.owner, lang)))
    if choice.timing:
        parts.append(_("when: {timing}").format(timing=q.text(choice.timing, lang)))
    return " · ".join(parts)


def _part(interview: Interview, role: str, title: str, lang: str, used: set[str]) -> list[Flowable]:
    item = role_item(interview, role)
    if item is None:
        return []
    used.add(item.name)
    return [heading(title), *_answer(interview, item, lang), *_extras(interview, item)]


def _answer(interview: Interview, item: Item, lang: str) -> list[Flowable]:
    s = styles()
    shown = display(interview, item, lang)
    if shown.shown is Shown.VALUE:
        return paras(shown.text, s.body)
    return [para(shown.text, s.non_response)]


def _extras(interview: Interview, item: Item) -> list[Flowable]:
    """The consultant's note and the follow-up mark of an assessment item."""
    extras: list[Flowable] = []
    if item.name in interview.flags:
        extras.append(markup(follow_up_mark(), styles().note))
    note = interview.notes.get(item.name, "")
    if note.strip():
        extras += note_paragraphs(note)
    return extras
