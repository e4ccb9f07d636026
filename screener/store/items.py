"""Which items of a questionnaire hold an answer of their own, read from the snapshot JSON.

Notes and groups hold no answer; a repeat holds its whole entry list, so its children hold none
of their own. Works on the plain JSON so migrations need no pydantic model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

NO_ANSWER_KINDS = ("note", "group")


@dataclass(frozen=True)
class Shape:
    sections: frozenset[str]
    items: frozenset[str]  # every item name (notes and flags may go on any)
    answerable: tuple[str, ...]  # in questionnaire order


def _kind(item: dict[str, Any]) -> str:
    parts = str(item.get("type", "")).split()
    return parts[0] if parts else ""


def _walk(items: list[dict[str, Any]], inside_repeat: bool) -> Iterator[tuple[str, bool]]:
    for item in items:
        kind = _kind(item)
        yield str(item.get("name", "")), not inside_repeat and kind not in NO_ANSWER_KINDS
        yield from _walk(item.get("items") or [], inside_repeat or kind == "repeat")


def shape_of(snapshot: dict[str, Any]) -> Shape:
    names: list[str] = []
    answerable: list[str] = []
    sections = snapshot.get("sections") or []
    for section in sections:
        for name, has_answer in _walk(section.get("items") or [], False):
            names.append(name)
            if has_answer:
                answerable.append(name)
    return Shape(
        sections=frozenset(str(section.get("name", "")) for section in sections),
        items=frozenset(names),
        answerable=tuple(answerable),
    )
