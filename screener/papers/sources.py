"""The only reader of answers for the papers, and the guard that keeps private facts out.

An item may reach a paper only if it is not sensitive, not interviewer-only, not a note, and
not in a section about family, health or the asylum situation (by name, or because the section
holds a sensitive item), nor inside a sensitive group or repeat. Items are found by role where
the questionnaire gives one, else by their name in the shipped questionnaire; an edited
questionnaire without them simply gives emptier papers.
"""

from __future__ import annotations

import re
from typing import Any

from screener.questionnaire.model import Item, Questionnaire, Section
from screener.store.records import AnswerState, Interview

# The shipped questionnaire's sections about the asylum situation ("candidate"), the family,
# the health, the family network, cultural and religious attention points, what others said
# about the candidate, and the consultant's assessment. Nothing of them goes on a paper.
PRIVATE_SECTIONS = frozenset(
    {"candidate", "family", "health", "network", "culture", "second_hand", "assessment"}
)
# Roles that describe the asylum situation or health wherever an edited questionnaire puts them.
PRIVATE_ROLES = frozenset(
    {"consent", "status", "asylum_centre", "arrival", "mother_tongue", "health_follow_up"}
)


def _private_section(section: Section) -> bool:
    if section.name in PRIVATE_SECTIONS:
        return True
    return any(item.sensitive for _s, item, _p in _walk_section(section))


def _walk_section(section: Section) -> list[tuple[Section, Item, Item | None]]:
    found: list[tuple[Section, Item, Item | None]] = []

    def visit(item: Item, parent: Item | None) -> None:
        found.append((section, item, parent))
        for child in item.items:
            visit(child, item)

    for item in section.items:
        visit(item, None)
    return found


def usable_items(q: Questionnaire) -> dict[str, Item]:
    """Every item a paper may show, by name (children of a usable repeat included)."""
    result: dict[str, Item] = {}
    for section in q.sections:
        if _private_section(section):
            continue
        blocked: set[str] = set()
        for _s, item, parent in _walk_section(section):
            if parent is not None and parent.name in blocked:
                blocked.add(item.name)
                continue
            if (
                item.sensitive
                or item.interviewer_only
                or item.kind == "note"
                or item.role in PRIVATE_ROLES
            ):
                blocked.add(item.name)
                continue
            result[item.name] = item
    return result


class Source:
    """Answers of one interview, as far as a paper may see them."""

    def __init__(self, interview: Interview, lang: str) -> None:
        self.interview = interview
        self.q = interview.questionnaire
        self.lang = lang
        self.items = usable_items(self.q)

    def item(self, name: str = "", role: str = "") -> Item | None:
        """The usable item with ``role`` (tried first) or ``name``; None if absent or private."""
        if role:
            found = next((i for i in self.items.values() if i.role == role), None)
            if found is not None:
                return found
        return self.items.get(name) if name else None

    def value(self, name: str = "", role: str = "") -> Any:
        """The answered value (None for no answer, a non-response or a private item)."""
        item = self.item(name, role)
        if item is None:
            return None
        answer = self.interview.answers.get(item.name)
        if answer is None or answer.state is not AnswerState.ANSWERED:
            return None
        return answer.value

    def text(self, name: str = "", role: str = "") -> str:
        """The answer in words (choice labels, numbers) in the paper's language, or ""."""
        from screener.report.answers import format_value

        item = self.item(name, role)
        value = self.value(name, role)
        if item is None or value in (None, "", []):
            return ""
        answer = self.interview.answers[item.name]
        return format_value(self.q, item, value, self.lang, answer.other).strip()

    def entries(self, name: str = "", role: str = "") -> list[dict[str, Any]]:
        """A repeat's entries, each reduced to its usable children."""
        item = self.item(name, role)
        value = self.value(name, role)
        if item is None or not isinstance(value, list):
            return []
        allowed = {child.name for child in item.items if child.name in self.items}
        return [
            {key: v for key, v in entry.items() if key in allowed}
            for entry in value
            if isinstance(entry, dict)
        ]

    def child(self, repeat: str, name: str = "", role: str = "") -> Item | None:
        """A usable child of a usable repeat, by role or name."""
        parent = self.item(repeat) or self.item(role=repeat)
        if parent is None:
            return None
        for child in parent.items:
            if child.name in self.items and (
                (role and child.role == role) or (name and child.name == name)
            ):
                return child
        return None

    def label(self, item: Item, value: Any) -> str:
        """A child's value in words."""
        from screener.report.answers import format_value

        if value in (None, "", []):
            return ""
        return format_value(self.q, item, value, self.lang).strip()


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of a long answer, for a field that has little room."""
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return clip_words(match.group(1) if match else text, limit)


def clip_words(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word, with "…" when cut: a prefill that always
    leaves the card room (the consultant sees and edits it before printing)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def short_title(text: str) -> str:
    """A job title without its asides in brackets: '(with his brother)' stays off the papers."""
    return re.sub(r"\s*\([^)]*\)", "", text).strip()
