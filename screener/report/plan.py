"""Which item goes into which chapter of the report (pure: no reportlab, no answers).

Chapters follow the questionnaire's sections; an item's ``report`` key may move it to another
section's chapter, to the assessment, or to the sensitive chapter. Sensitive items always go to
the sensitive chapter near the end; interviewer-only items and guidance notes go nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from screener.questionnaire.model import ASSESSMENT_ROLES, Item, Questionnaire, Section
from screener.report.answers import in_report

ASSESSMENT = "assessment"
SENSITIVE = "sensitive"


@dataclass(frozen=True)
class Entry:
    """An item to print, with the label of the group it sits in (if any) and its section."""

    item: Item
    section: Section
    group: Item | None = None  # the enclosing group, if any


@dataclass
class Chapter:
    key: str
    section: Section | None
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Plan:
    topics: list[Chapter]
    assessment: Chapter
    sensitive: Chapter


def is_assessment_section(section: Section) -> bool:
    if section.name == ASSESSMENT:
        return True
    return any(_walk_item(item) for item in section.items)


def _walk_item(item: Item) -> bool:
    return item.role in ASSESSMENT_ROLES or any(_walk_item(child) for child in item.items)


def flatten(section: Section) -> Iterator[Entry]:
    """Top-level items and group children; a repeat stays whole (it prints as a table)."""

    def walk(items: list[Item], group: Item | None) -> Iterator[Entry]:
        for item in items:
            if not in_report(item) and item.kind != "group":
                continue
            if item.kind == "group":
                if not item.interviewer_only:
                    yield from walk(item.items, item)
            else:
                yield Entry(item, section, group)

    yield from walk(section.items, None)


def plan(q: Questionnaire) -> Plan:
    """Sort every printable item into topic chapters, the assessment and the sensitive part."""
    assessment_sections = {s.name for s in q.sections if is_assessment_section(s)}
    topics: dict[str, Chapter] = {
        s.name: Chapter(s.name, s) for s in q.sections if s.name not in assessment_sections
    }
    assessment = Chapter(ASSESSMENT, None)
    sensitive = Chapter(SENSITIVE, None)
    for section in q.sections:
        for entry in flatten(section):
            key = entry.item.report or section.name
            if entry.item.sensitive or key == SENSITIVE:
                sensitive.entries.append(entry)
            elif (
                key == ASSESSMENT
                or key in assessment_sections
                or entry.item.role in ASSESSMENT_ROLES
            ):
                assessment.entries.append(entry)
            else:
                target = topics.get(key) or topics.get(section.name)
                if target is None:  # an unknown key in an assessment section
                    assessment.entries.append(entry)
                else:
                    target.entries.append(entry)
    return Plan([c for c in topics.values() if c.entries], assessment, sensitive)


def page_of(chapters: Plan, pages: dict[str, int]) -> dict[str, int]:
    """Item name -> the page its chapter starts on, for "see page N" on the summary."""
    found: dict[str, int] = {}
    for chapter in [*chapters.topics, chapters.sensitive, chapters.assessment]:
        page = pages.get(chapter.key)
        if page is None:
            continue
        for entry in chapter.entries:
            found[entry.item.name] = page
            for _section, child, _parent in _children(entry.item):
                found[child.name] = page
    return found


def _children(item: Item) -> Iterator[tuple[None, Item, Item]]:
    for child in item.items:
        yield None, child, item
        yield from _children(child)
