"""Names and the conditions that use them, for the linter (``screener.questionnaire.lint``).

Every name is used once; ``relevant`` and ``constraint`` parse and refer only to answers given
before them, never to a section, to an item without an answer, or into another repeat's entries.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from screener.errors import ExpressionError, Problem
from screener.i18n import _
from screener.questionnaire.expressions import NAME_RE, parse, references, uses_current
from screener.questionnaire.model import Item, Questionnaire
from screener.questionnaire.source_lines import Loc, SourceLines


@dataclass(frozen=True)
class Place:
    """Where an item sits: for messages, line numbers and the rules about references."""

    order: int
    where: str
    loc: Loc
    item: Item | None  # None for a section
    ancestors: tuple[Item, ...]

    @property
    def repeat(self) -> Item | None:
        return next((a for a in reversed(self.ancestors) if a.kind == "repeat"), None)


def did_you_mean(word: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return _(" (did you mean '{word}'?)").format(word=close[0]) if close else ""


class NameChecks:
    """The problems list and the name table, with the checks that need the table."""

    def __init__(self, q: Questionnaire, source: str, text: str | None) -> None:
        self.q = q
        self.source = source
        self.lines = SourceLines(text)
        self.problems: list[Problem] = []
        self.places: dict[str, Place] = {}
        self.langs = list(q.languages)

    def add(self, where: str, loc: Loc, message: str, name: str | None = None) -> None:
        line = self.lines.line_of(loc, name) if loc else None
        self.problems.append(Problem(self.source, where, message, line))

    def collect_places(self) -> None:
        """Names in order; a name used twice is reported at its second use."""
        order = 0

        def note(
            name: str, where: str, loc: Loc, item: Item | None, ancestors: tuple[Item, ...]
        ) -> None:
            nonlocal order
            if not NAME_RE.fullmatch(name):
                self.add(
                    where,
                    (*loc, "name"),
                    _(
                        "name '{name}' may only contain letters, digits, '_', '-' and '.', "
                        "and must start with a letter"
                    ).format(name=name),
                )
            if name in self.places:
                first = self.places[name]
                line = self.lines.line_of((*first.loc, "name"), None)
                self.add(
                    where,
                    (*loc, "name"),
                    _("the name '{name}' is already used by {other}{at}").format(
                        name=name,
                        other=first.where,
                        at=_(" (line {line})").format(line=line) if line else "",
                    ),
                )
                return
            self.places[name] = Place(order, where, loc, item, ancestors)
            order += 1

        def walk(item: Item, path: str, loc: Loc, ancestors: tuple[Item, ...]) -> None:
            where = f"{path}/{item.name}"
            note(item.name, where, loc, item, ancestors)
            for index, child in enumerate(item.items):
                walk(child, where, (*loc, "items", index), (*ancestors, item))

        for s_index, section in enumerate(self.q.sections):
            note(section.name, section.name, ("sections", s_index), None, ())
            for index, item in enumerate(section.items):
                walk(item, section.name, ("sections", s_index, "items", index), ())

    def check_expression(self, item: Item, place: Place, key: str, text: str | None) -> None:
        if text is None:
            return
        where, at = place.where, (*place.loc, key)
        try:
            expr = parse(text)
        except ExpressionError as error:
            self.add(where, at, _("'{key}' does not parse: {error}").format(key=key, error=error))
            return
        if key == "relevant" and uses_current(expr):
            self.add(
                where,
                at,
                _(
                    "'.' (the answer being checked) only works in a constraint; "
                    "in 'relevant' write ${{{name}}}"
                ).format(name=item.name),
            )
        for name in sorted(references(expr)):
            self.check_reference(item, place, key, name)

    def check_reference(self, item: Item, place: Place, key: str, name: str) -> None:
        where, at = place.where, (*place.loc, key)
        target = self.places.get(name)
        if target is None:
            names = [n for n, p in self.places.items() if p.item is not None]
            self.add(
                where,
                at,
                _("'{key}' refers to unknown item '{name}'{hint}").format(
                    key=key, name=name, hint=did_you_mean(name, names)
                ),
            )
            return
        if target.item is None:
            self.add(
                where,
                at,
                _("'{key}' refers to the section '{name}'; only items have answers").format(
                    key=key, name=name
                ),
            )
            return
        if name == item.name:
            if key == "relevant":
                self.add(where, at, _("'relevant' refers to the item itself"))
            return
        if target.order > place.order:
            self.add(
                where,
                at,
                _(
                    "'{key}' refers to '{name}', which comes later ({other}); a condition can only "
                    "use answers given before"
                ).format(key=key, name=name, other=target.where),
            )
            return
        if not target.item.answerable:
            self.add(
                where,
                at,
                _("'{key}' refers to '{name}', a {kind} without an answer").format(
                    key=key, name=name, kind=target.item.kind
                ),
            )
            return
        repeat = target.repeat
        if repeat is not None and all(a is not repeat for a in place.ancestors):
            self.add(
                where,
                at,
                _(
                    "'{key}' refers to '{name}' inside the repeat '{repeat}'; its answers are only "
                    "known within each entry of that repeat"
                ).format(key=key, name=name, repeat=repeat.name),
            )
