"""Interviews as CSV rows for the XLSForm this product exports, in Kobo's data layout.

The layout is Kobo's own data export with "XML values and headers" and group names in the
headers: one row per interview, one column per question at its XML path (``section/question``),
choice codes as values, a select_multiple's codes in one cell separated by spaces, the
``or_other`` text in ``<question>_other``, and repeat entries as ``section/repeat[1]/question``.
Columns starting with ``_`` are metadata (``_uuid`` makes a second import an edit, not a copy).

XLSForm has no place for "don't know", "declined" or "not applicable": their cells stay empty and
the hidden field ``screener_states`` lists them as ``name:state`` pairs; see ``docs/xlsform.md``.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC
from typing import Any

from screener.questionnaire.model import Item, Questionnaire
from screener.store.records import AnswerState, Interview
from screener.xlsform.mapping import STATES_FIELD

INDEX_COLUMN = "_index"
UUID_COLUMN = "_uuid"
TIME_COLUMN = "_submission_time"
_NAMESPACE = uuid.UUID("5b0e7c64-4a83-4f0e-9d0b-6a1f3c1e2d47")  # this product's, fixed


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return " ".join(_cell(part) for part in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(
    items: Sequence[Item], path: str, values: dict[str, Any] | None, counts: dict[str, int]
) -> Iterator[tuple[str, Item, Any]]:
    """(header, item, value) for each data column under ``path``; ``values`` None: header only."""
    for item in items:
        here = f"{path}/{item.name}"
        if item.kind == "note":
            continue
        # Interviewer-only answers stay out, as in the JSON export; their columns stay.
        hidden = values is None or item.interviewer_only
        if item.kind == "group":
            yield from _columns(item.items, here, None if hidden else values, counts)
            continue
        value = None if hidden or values is None else values.get(item.name)
        if item.kind == "repeat":
            entries = value if isinstance(value, list) else []
            for index in range(1, counts.get(here, 0) + 1):
                entry = entries[index - 1] if index <= len(entries) else None
                child_values = entry if isinstance(entry, dict) else {}
                yield from _columns(item.items, f"{here}[{index}]", child_values, counts)
            continue
        yield here, item, value


def _repeat_counts(q: Questionnaire, interviews: Sequence[Interview]) -> dict[str, int]:
    """The most entries of each repeat over all interviews: the number of column groups."""
    counts: dict[str, int] = {}

    def visit(items: Sequence[Item], path: str, values: dict[str, Any]) -> None:
        for item in items:
            here = f"{path}/{item.name}"
            if item.kind == "group":
                visit(item.items, here, values)
            elif item.kind == "repeat":
                entries = values.get(item.name)
                entries = entries if isinstance(entries, list) else []
                counts[here] = max(counts.get(here, 0), len(entries))
                for index, entry in enumerate(entries, start=1):
                    if isinstance(entry, dict):
                        visit(item.items, f"{here}[{index}]", entry)

    for interview in interviews:
        for section in q.sections:
            visit(section.items, section.name, interview.values())
    return counts


def header(q: Questionnaire, interviews: Sequence[Interview]) -> list[str]:
    counts = _repeat_counts(q, interviews)
    columns: list[str] = []
    for section in q.sections:
        for column, item, _value in _columns(section.items, section.name, None, counts):
            columns.append(column)
            if item.other:
                columns.append(column + "_other")
    return [*columns, STATES_FIELD, INDEX_COLUMN, UUID_COLUMN, TIME_COLUMN]


def _interviewer_only(q: Questionnaire) -> set[str]:
    """Names of interviewer-only items and of everything inside them."""
    names: set[str] = set()

    def visit(items: Sequence[Item], hidden: bool) -> None:
        for item in items:
            if hidden or item.interviewer_only:
                names.add(item.name)
            visit(item.items, hidden or item.interviewer_only)

    for section in q.sections:
        visit(section.items, False)
    return names


def states_text(interview: Interview) -> str:
    """'health_notes:declined languages:dont_know': the non-answers, in questionnaire order."""
    q = interview.questionnaire
    hidden = _interviewer_only(q)
    pairs = []
    for _section, item, _parent in q.walk():
        answer = interview.answers.get(item.name)
        if answer is None or item.name in hidden or answer.state is AnswerState.ANSWERED:
            continue
        pairs.append(f"{item.name}:{answer.state.value}")
    return " ".join(pairs)


def row(interview: Interview, counts: dict[str, int], index: int = 1) -> dict[str, str]:
    q = interview.questionnaire
    values = interview.values()
    hidden = _interviewer_only(q)
    cells: dict[str, str] = {}
    for section in q.sections:
        for column, item, value in _columns(section.items, section.name, values, counts):
            cells[column] = _cell(value)
            if item.other:
                answer = interview.answers.get(item.name)
                shown = answer is not None and item.name not in hidden
                cells[column + "_other"] = answer.other if shown and answer else ""
    cells[STATES_FIELD] = states_text(interview)
    cells[INDEX_COLUMN] = str(index)
    seed = f"{q.id}:{interview.id}:{interview.created_at.isoformat()}"
    cells[UUID_COLUMN] = str(uuid.uuid5(_NAMESPACE, seed))
    moment = interview.finalized_at or interview.updated_at
    cells[TIME_COLUMN] = moment.astimezone(UTC).isoformat(timespec="seconds")
    return cells


def to_csv(interviews: Sequence[Interview]) -> bytes:
    """UTF-8 CSV without a byte-order mark (Kobo reads the first header name literally)."""
    if not interviews:
        raise ValueError("no interviews")
    q = interviews[0].questionnaire
    counts = _repeat_counts(q, interviews)
    columns = header(q, interviews)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for index, interview in enumerate(interviews, start=1):
        writer.writerow(row(interview, counts, index))
    return buffer.getvalue().encode("utf-8")
