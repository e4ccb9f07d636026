"""The consultant's assessment and recommendations: what the jobcentre is asked to act on.

Built from the assessment items by role (typology, strengths, challenges, effort plan, housing,
next steps) rather than printed as questions; other assessment items follow as Q&A.
"""

from __future__ import annotations

from screener.i18n import N_, _
from screener.questionnaire.model import Item
from screener.report.answers import Shown, display
from screener.report.layout import (
    Flowable,
    bullet_list,
    chapter,
    follow_up_mark,
    heading,
    markup,
    note_paragraphs,
    para,
    paras,
)
from screener.report.plan import Chapter
from screener.report.profile import role_item, role_values
from screener.report.sections import entries_story, repeat_blocks
from screener.report.styles import esc, styles
from screener.store.records import Interview

PARTS = (
    ("assessment_strengths", N_("Strengths")),
    ("assessment_challenges", N_("Challenges")),
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
    rest = [entry for entry in topic.entries if entry.item.name not in used]
    if rest:
        story += [heading(_("Further assessment"))]
        story += entries_story(interview, rest, lang)
    return story


def typology(interview: Interview, lang: str, used: set[str]) -> list[Flowable]:
    """The typology's label in bold and its description from the questionnaire beneath."""
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
        choice = next((c for c in q.choice_list(item) if c.value == value), None)
        label = q.choice_label(item, value, lang)
        story.append(markup(f"<b>{esc(label)}</b>", s.body))
        if choice is not None and choice.description:
            story.append(para(q.text(choice.description, lang), s.body))
    story += _extras(interview, item)
    return story


def effort(interview: Interview, lang: str, used: set[str]) -> list[Flowable]:
    """Recommended effort elements as a list, then the plan: what, why, who and when."""
    q = interview.questionnaire
    s = styles()
    story: list[Flowable] = []
    elements = role_item(interview, "effort_elements")
    plan = role_item(interview, "effort_plan")
    if elements is None and plan is None:
        return []
    story.append(heading(_("Recommended effort")))
    if elements is not None:
        used.add(elements.name)
        values = role_values(interview, "effort_elements")
        if not values:
            story += _answer(interview, elements, lang)
        chosen = [q.choice_label(elements, value, lang) for value in values]
        other = interview.answers.get(elements.name)
        if other is not None and other.other:
            chosen.append(other.other)
        story += bullet_list(chosen, s.body)
        story += _extras(interview, elements)
    if plan is not None:
        used.add(plan.name)
        story += repeat_blocks(interview, plan, lang)
    return story


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
