"""Facts found by role: the questionnaire may move or rename items, the report still finds them."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from screener.i18n import N_, _
from screener.questionnaire.model import Item, Questionnaire
from screener.report.answers import Display, Shown, display, format_value, in_report, level
from screener.store.records import AnswerState, Interview

SKILLS = (
    ("language_understand", N_("Understands")),
    ("language_speak", N_("Speaks")),
    ("language_read", N_("Reads")),
    ("language_write", N_("Writes")),
)


def role_item(interview: Interview, role: str) -> Item | None:
    """The item with ``role``, unless it is absent or kept out of the report."""
    item = _roles(interview.questionnaire).get(role)
    return item if item is not None and in_report(item) else None


# Questionnaire (by id, alive) -> the first item of each role, as ``Questionnaire.by_role``.
_ROLES: dict[int, tuple[weakref.ref[Questionnaire], dict[str, Item]]] = {}


def _roles(q: Questionnaire) -> dict[str, Item]:
    """Each role's item, found in one walk: a report looks up some 50 roles, and each
    ``by_role`` walks the whole questionnaire (a frozen model, so the index stays right)."""
    known = _ROLES.get(id(q))
    if known is not None and known[0]() is q:
        return known[1]
    index: dict[str, Item] = {}
    for _section, item, _parent in q.walk():
        if item.role:
            index.setdefault(item.role, item)
    key = id(q)
    _ROLES[key] = (weakref.ref(q, lambda _gone: _ROLES.pop(key, None)), index)
    return index


def role_display(interview: Interview, role: str, lang: str) -> Display | None:
    """The answer to the item with ``role``; None when there is no such item or no answer."""
    item = role_item(interview, role)
    if item is None:
        return None
    shown = display(interview, item, lang)
    return None if shown.shown is Shown.NOT_ASKED else shown


def role_values(interview: Interview, role: str) -> list[str]:
    """The chosen values of a select item with ``role`` (one or many), else nothing."""
    item = role_item(interview, role)
    answer = interview.answers.get(item.name) if item else None
    if answer is None or answer.state is not AnswerState.ANSWERED or answer.value is None:
        return []
    return [str(v) for v in answer.value] if isinstance(answer.value, list) else [str(answer.value)]


def entries(interview: Interview, repeat: Item) -> list[dict[str, Any]]:
    answer = interview.answers.get(repeat.name)
    if answer is None or answer.state is not AnswerState.ANSWERED:
        return []
    return [e for e in answer.value or [] if isinstance(e, dict)]


def child_by_role(repeat: Item, role: str) -> Item | None:
    return next((c for c in repeat.items if c.role == role and in_report(c)), None)


@dataclass(frozen=True)
class SkillLevel:
    skill: str
    text: str
    short: str  # '4/5' for a scale, the choice label for a select: fits the overview
    level: tuple[int, int] | None


@dataclass(frozen=True)
class LanguageRow:
    name: str
    skills: list[SkillLevel] = field(default_factory=list)


def language_rows(interview: Interview, lang: str) -> list[LanguageRow]:
    """Each spoken language with its understand/speak/read/write levels, as words and bars."""
    repeat = role_item(interview, "languages")
    if repeat is None:
        return []
    q = interview.questionnaire
    name_item = child_by_role(repeat, "language_name")
    rows = []
    for entry in entries(interview, repeat):
        name = format_value(q, name_item, entry.get(name_item.name), lang) if name_item else ""
        skills = []
        for role, skill in SKILLS:
            child = child_by_role(repeat, role)
            if child is None:
                continue
            value = entry.get(child.name)
            text = format_value(q, child, value, lang) if value not in (None, "") else ""
            short = f"{value}/{child.scale_range[1]}" if child.kind == "scale" and text else text
            skills.append(SkillLevel(_(skill), text, short, level(q, child, value)))
        rows.append(LanguageRow(name or "?", skills))
    return rows


def competences(
    interview: Interview, lang: str
) -> list[tuple[str, Display, tuple[int, int] | None]]:
    """The five competences companies look for: label, answer, and a bar level if answered."""
    q = interview.questionnaire
    result = []
    for _section, item, _parent in q.walk():
        if item.role != "company_competence" or not in_report(item):
            continue
        shown = display(interview, item, lang)
        answer = interview.answers.get(item.name)
        value = answer.value if answer and answer.state is AnswerState.ANSWERED else None
        result.append((q.text(item.label, lang), shown, level(q, item, value)))
    return result


def language_sources(interview: Interview, lang: str) -> dict[str, list[str]]:
    """Source label -> the languages whose levels rest on it ('self-reported': [Arabic, ...])."""
    repeat = role_item(interview, "languages")
    if repeat is None:
        return {}
    q = interview.questionnaire
    name_item = child_by_role(repeat, "language_name")
    source = child_by_role(repeat, "language_evidence")
    found: dict[str, list[str]] = {}
    for entry in entries(interview, repeat):
        if source is None or not entry.get(source.name):
            continue
        label = format_value(q, source, entry[source.name], lang, compact=True).lower()
        name = str(entry.get(name_item.name, "") or "?") if name_item else "?"
        found.setdefault(label, []).append(name)
    return found


def rating_sources(interview: Interview, lang: str) -> str:
    """What the consultant's ratings of the five competences rest on, as one phrase."""
    item = role_item(interview, "rating_evidence")
    shown = role_display(interview, "rating_evidence", lang) if item is not None else None
    if shown is None or shown.shown is not Shown.VALUE:
        return ""
    return shown.text.lower()
