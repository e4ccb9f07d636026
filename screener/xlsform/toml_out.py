"""A questionnaire model written as a TOML file in the shipped file's style.

Only fields that differ from their defaults are written, texts as inline tables
(``label = { da = "...", en = "..." }``), items as ``[[sections.items]]`` tables.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

from screener.questionnaire.model import Item, Questionnaire, Section

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(part) for part in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")  # pragma: no cover


def _fields(model: BaseModel, skip: tuple[str, ...] = ()) -> list[str]:
    """``key = value`` lines for the fields that differ from their defaults."""
    lines: list[str] = []
    for name, info in type(model).model_fields.items():
        if name in skip:
            continue
        value = getattr(model, name)
        default = info.get_default(call_default_factory=True)
        if info.is_required() or value != default:
            lines.append(f"{_key(name)} = {_value(value)}")
    return lines


def _item(item: Item, header: str, lines: list[str]) -> None:
    lines += ["", f"[[{header}]]", *_fields(item, skip=("items",))]
    for child in item.items:
        _item(child, header + ".items", lines)


def _section(section: Section, lines: list[str]) -> None:
    lines += ["", "[[sections]]", *_fields(section, skip=("items",))]
    for item in section.items:
        _item(item, "sections.items", lines)


def to_toml(q: Questionnaire, comment: str = "") -> str:
    """The questionnaire as TOML text that ``load_from_text`` reads back to an equal model."""
    lines: list[str] = [f"# {line}" for line in comment.splitlines()]
    lines += _fields(q, skip=("sections", "choices", "consent"))
    if q.consent is not None:
        lines += ["", "[consent]", *_fields(q.consent)]
    for section in q.sections:
        _section(section, lines)
    for list_name, choices in q.choices.items():
        for choice in choices:
            lines += ["", f"[[choices.{_key(list_name)}]]", *_fields(choice)]
    return "\n".join(lines).lstrip("\n") + "\n"


__all__ = ["to_toml"]
