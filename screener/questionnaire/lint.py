"""Checks across a whole questionnaire that the pydantic models cannot make one field at a time.

Every problem is collected, none raised, so the author sees the whole list in one go: the
``screener check`` command prints it and the loader refuses a file that has any.
"""

from __future__ import annotations

from screener.errors import Problem
from screener.i18n import _
from screener.questionnaire.budget import check_budget
from screener.questionnaire.lint_names import NameChecks, Place, did_you_mean
from screener.questionnaire.model import (
    CONTAINER_KINDS,
    ITEM_KINDS,
    SELECT_KINDS,
    Item,
    LangText,
    Questionnaire,
)
from screener.questionnaire.source_lines import Loc


class _Linter(NameChecks):
    """Every check of a questionnaire; the name table and conditions are ``NameChecks``."""

    # --- the whole file ---------------------------------------------------------------

    def run(self) -> list[Problem]:
        q = self.q
        if not q.languages:
            self.add(
                "",
                ("languages",),
                _('\'languages\' is empty; list the languages, e.g. ["da", "en"]'),
            )
        for lang in sorted({lang for lang in q.languages if q.languages.count(lang) > 1}):
            self.add("", ("languages",), _("language '{lang}' is listed twice").format(lang=lang))
        if q.languages and q.default_language not in q.languages:
            self.add(
                "",
                ("default_language",),
                _("default_language '{lang}' is not one of the languages ({langs})").format(
                    lang=q.default_language, langs=", ".join(q.languages)
                ),
            )
        self.texts(q.title, "title", "", ("title",), required=True)
        self.texts(q.description, "description", "", ("description",))
        if not q.sections:
            self.add("", ("sections",), _("there are no sections"))
        self.collect_places()
        for index, section in enumerate(q.sections):
            loc: Loc = ("sections", index)
            self.texts(section.title, "title", section.name, (*loc, "title"), required=True)
            self.texts(section.guidance, "guidance", section.name, (*loc, "guidance"))
            if section.minutes < 0:
                self.add(section.name, (*loc, "minutes"), _("'minutes' must not be negative"))
            if not section.items:
                self.add(section.name, loc, _("the section has no items"))
        if q.sections and q.total_minutes <= 0:
            self.add(
                "",
                ("sections", 0, "minutes"),
                _(
                    "the sections' time budgets add up to {total} minutes; give each section its "
                    "minutes (e.g. minutes = 15)"
                ).format(total=q.total_minutes),
            )
        for place in self.places.values():
            if place.item is not None:
                self.check_item(place.item, place)
        self.check_choices()
        check_budget(q, lambda where, loc, message: self.add(where, loc, message))
        self.problems.sort(key=lambda problem: problem.line or 0)
        return self.problems

    # --- one item ---------------------------------------------------------------------

    def check_item(self, item: Item, place: Place) -> None:
        where, loc = place.where, place.loc
        self.check_type(item, where, loc)
        kind = item.kind
        self.texts(item.label, "label", where, (*loc, "label"), required=True)
        self.texts(item.hint, "hint", where, (*loc, "hint"))
        self.texts(
            item.constraint_message, "constraint_message", where, (*loc, "constraint_message")
        )
        self.texts(item.low, "low", where, (*loc, "low"))
        self.texts(item.high, "high", where, (*loc, "high"))
        if kind in CONTAINER_KINDS and not item.items:
            self.add(where, loc, _("a {kind} needs items inside it").format(kind=kind))
        if kind not in CONTAINER_KINDS and item.items:
            self.add(where, (*loc, "items"), _("only a group or a repeat can have items"))
        if kind == "scale":
            low, high = item.scale_range
            if low >= high:
                self.add(
                    where,
                    (*loc, "min"),
                    _("the scale's min ({low}) must be less than its max ({high})").format(
                        low=low, high=high
                    ),
                )
        else:
            for key in ("min", "max", "low", "high"):
                if getattr(item, key) not in (None, {}):
                    self.add(
                        where,
                        (*loc, key),
                        _(
                            "'{key}' only applies to a scale; use a constraint such as '. >= 0'"
                        ).format(key=key),
                    )
        if item.other and kind not in SELECT_KINDS:
            self.add(where, (*loc, "other"), _("'other' only applies to select items"))
        if item.list_name is not None and item.list_name not in self.q.choices:
            self.add(
                where,
                (*loc, "type"),
                _(
                    "the choice list '{name}' is not defined (add [[choices.{name}]] entries){hint}"
                ).format(
                    name=item.list_name,
                    hint=did_you_mean(item.list_name, list(self.q.choices)),
                ),
            )
        if item.constraint is not None and not item.answerable:
            self.add(
                where,
                (*loc, "constraint"),
                _("a {kind} has no answer, so 'constraint' does nothing").format(kind=kind),
            )
        if item.constraint_message and not item.constraint:
            self.add(
                where,
                (*loc, "constraint_message"),
                _("'constraint_message' without a 'constraint'"),
            )
        self.check_expression(item, place, "relevant", item.relevant)
        self.check_expression(item, place, "constraint", item.constraint)

    def check_type(self, item: Item, where: str, loc: Loc) -> None:
        words = item.type.split()
        at: Loc = (*loc, "type")
        if not words:
            self.add(where, at, _("'type' is empty"))
            return
        kind = words[0]
        if kind not in ITEM_KINDS:
            self.add(
                where,
                at,
                _("unknown type '{kind}'{hint}; the types are: {kinds}").format(
                    kind=kind, hint=did_you_mean(kind, ITEM_KINDS), kinds=", ".join(ITEM_KINDS)
                ),
            )
        elif kind in SELECT_KINDS and len(words) == 1:
            self.add(
                where,
                at,
                _("'{kind}' needs a choice list, e.g. type = \"{kind} languages\"").format(
                    kind=kind
                ),
            )
        elif (kind in SELECT_KINDS and len(words) > 2) or (
            kind not in SELECT_KINDS and len(words) > 1
        ):
            extra = " ".join(words[2:] if kind in SELECT_KINDS else words[1:])
            hint = _(' (for "other, namely" write other = true)') if "or_other" in words else ""
            self.add(
                where,
                at,
                _("unexpected words '{extra}' in type '{type}'{hint}").format(
                    extra=extra, type=item.type, hint=hint
                ),
            )

    # --- texts and choices ------------------------------------------------------------

    def texts(
        self, texts: LangText, field: str, where: str, loc: Loc, required: bool = False
    ) -> None:
        if not (required or texts):
            return
        for lang in self.langs:
            if lang not in texts:
                self.add(where, loc, _("missing {field}.{lang}").format(field=field, lang=lang))
            elif not texts[lang].strip():
                self.add(
                    where, (*loc, lang), _("{field}.{lang} is empty").format(field=field, lang=lang)
                )
        for lang in texts:
            if self.langs and lang not in self.langs:
                self.add(
                    where,
                    (*loc, lang),
                    _("{field}.{lang}: '{lang}' is not one of the languages ({langs})").format(
                        field=field, lang=lang, langs=", ".join(self.langs)
                    ),
                )

    def check_choices(self) -> None:
        all_values = {choice.value for choices in self.q.choices.values() for choice in choices}
        for list_name, choices in self.q.choices.items():
            loc: Loc = ("choices", list_name)
            if not choices:
                self.add(f"choices/{list_name}", loc, _("the choice list is empty"))
            seen: set[str] = set()
            for index, choice in enumerate(choices):
                where = f"choices/{list_name}/{choice.value}"
                at: Loc = (*loc, index)
                if not choice.value.strip() or len(choice.value.split()) != 1:
                    self.add(
                        where,
                        (*at, "value"),
                        _("choice value '{value}' must be one word without spaces").format(
                            value=choice.value
                        ),
                    )
                if choice.value in seen:
                    self.add(
                        where,
                        (*at, "value"),
                        _("the value '{value}' appears twice in the list").format(
                            value=choice.value
                        ),
                    )
                seen.add(choice.value)
                self.texts(choice.label, "label", where, (*at, "label"), required=True)
                self.texts(choice.description, "description", where, (*at, "description"))
                for value in choice.suggests:
                    if value not in all_values:
                        self.add(
                            where,
                            (*at, "suggests"),
                            _(
                                "suggests '{value}', which is not a value in any choice list{hint}"
                            ).format(value=value, hint=did_you_mean(value, sorted(all_values))),
                        )


def lint(q: Questionnaire, source: str, text: str | None = None) -> list[Problem]:
    """Every problem in ``q``; ``text`` (the file's source) gives the problems line numbers."""
    return _Linter(q, source, text).run()
