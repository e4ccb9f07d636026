"""Checks that keep the script within two hours: time budgets, core items, facts asked once.

Called by the linter; every problem is returned, none raised. The budget checks apply only when
the questionnaire sets its interview budget (``minutes`` at the top of the file), so a small
questionnaire written for a test or another purpose is not held to them.
"""

from __future__ import annotations

from collections.abc import Callable

from screener.errors import ExpressionError
from screener.i18n import _
from screener.questionnaire.expressions import parse
from screener.questionnaire.model import PREFILL_FIELDS, Item, Questionnaire, is_spoken

# With an interpreter a question and its answer take at least this long, in minutes.
MINUTES_PER_QUESTION = 1.0

Add = Callable[[str, tuple[str | int, ...], str], None]


def check_budget(q: Questionnaire, add: Add) -> None:
    """Prefill fields, the sum of the budgets, each section's budget, the choices' metadata."""
    _check_prefill(q, add)
    _check_choices(q, add)
    if q.minutes is None:
        return
    if q.interview_minutes > q.minutes:
        add(
            "",
            ("minutes",),
            _(
                "the interview sections' budgets add up to {total} minutes, more than the "
                "budget of {budget} minutes"
            ).format(total=q.interview_minutes, budget=q.minutes),
        )
    for index, section in enumerate(q.sections):
        if section.after_interview:
            continue
        core = [
            item
            for s, item, parent in q.walk()
            if s is section
            and is_spoken(s, item, parent)
            and not item.optional
            and not (parent is not None and parent.optional)
        ]
        if len(core) * MINUTES_PER_QUESTION > section.minutes:
            add(
                section.name,
                ("sections", index, "minutes"),
                _(
                    "{count} core questions do not fit in {minutes} minutes with an "
                    "interpreter; mark some optional or give the section more time"
                ).format(count=len(core), minutes=section.minutes),
            )


def _check_prefill(q: Questionnaire, add: Add) -> None:
    seen: dict[str, str] = {}
    for s_index, section in enumerate(q.sections):
        for index, item in enumerate(section.items):
            at: tuple[str | int, ...] = ("sections", s_index, "items", index, "prefill")
            for _s, child, _parent in _nested(item):
                if child.prefill is not None:
                    add(
                        f"{section.name}/{child.name}",
                        at,
                        _("prefill only applies to an item outside a group or repeat"),
                    )
            if item.prefill is None:
                continue
            where = f"{section.name}/{item.name}"
            if item.prefill not in PREFILL_FIELDS:
                add(
                    where,
                    at,
                    _(
                        "prefill '{field}' is not a field of the new-interview form ({fields})"
                    ).format(field=item.prefill, fields=", ".join(PREFILL_FIELDS)),
                )
            elif item.prefill in seen:
                add(
                    where,
                    at,
                    _(
                        "prefill '{field}' is already used by '{other}': a fact is asked once"
                    ).format(field=item.prefill, other=seen[item.prefill]),
                )
            seen.setdefault(item.prefill, item.name)


def _nested(item: Item) -> list[tuple[None, Item, Item]]:
    found: list[tuple[None, Item, Item]] = []
    for child in item.items:
        found.append((None, child, item))
        found += _nested(child)
    return found


def _check_choices(q: Questionnaire, add: Add) -> None:
    status = q.by_role("status")
    statuses = {c.value for c in q.choice_list(status)} if status is not None else set()
    for list_name, choices in q.choices.items():
        for index, choice in enumerate(choices):
            where = f"choices/{list_name}/{choice.value}"
            at: tuple[str | int, ...] = ("choices", list_name, index)
            for value in choice.statuses:
                if value not in statuses:
                    add(
                        where,
                        (*at, "statuses"),
                        _("statuses names '{value}', which is not a status value").format(
                            value=value
                        ),
                    )
            if choice.needs is not None:
                try:
                    parse(choice.needs)
                except ExpressionError as error:
                    add(
                        where,
                        (*at, "needs"),
                        _("'needs' does not parse: {error}").format(error=error),
                    )
