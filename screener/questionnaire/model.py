"""The questionnaire as strict pydantic models, in XLSForm's vocabulary.

A questionnaire file is TOML; see ``docs/questionnaire-format.md``. Texts are tables keyed by
language code (``label.da``, ``label.en``). Validation across items (references, translations,
choice lists) is the linter's job (``screener.questionnaire.lint``), so that every problem can be
reported at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

LangText = dict[str, str]

ItemKind = Literal[
    "note",
    "text",
    "long_text",
    "integer",
    "decimal",
    "date",
    "select_one",
    "select_multiple",
    "scale",
    "yes_no",
    "group",
    "repeat",
]
ITEM_KINDS: tuple[str, ...] = ItemKind.__args__  # type: ignore[attr-defined]
SELECT_KINDS = ("select_one", "select_multiple")
CONTAINER_KINDS = ("group", "repeat")
YES, NO = "yes", "no"

# The roles of the consultant's own assessment: the report and the export keep them in the
# assessment wherever the questionnaire puts them.
AssessmentRole = Literal[
    "typology",
    "effort_elements",
    "effort_plan",
    "assessment_strengths",
    "assessment_challenges",
    "housing_recommendation",
    "next_steps",
]
# Roles tie an item to a fixed place in the handover report's overview page and charts, so the
# report stays data-driven when an organisation edits its questionnaire.
Role = Literal[
    "consent",
    "status",
    "mother_tongue",
    "asylum_centre",
    "arrival",
    "strengths",
    "languages",
    "language_name",
    "language_understand",
    "language_speak",
    "language_read",
    "language_write",
    "danish_level",
    "english_level",
    "work_history",
    "education",
    "job_wishes",
    "branches",
    "first_job",
    "long_term_goal",
    "company_competence",
    "motivation",
    "attention_points",
    "looking_forward",
    AssessmentRole,
    "health_follow_up",
    "language_evidence",
    "rating_evidence",
    "civil_status",
    "spouse_work",
    "children",
    "child_age",
    "child_need",
    "competence_list",
    "competence_name",
    "competence_source",
    "plan_element",
    "plan_what",
    "plan_who",
    "plan_when",
    "typology_reason",
]
ASSESSMENT_ROLES: frozenset[str] = frozenset(get_args(AssessmentRole))


def text_in(texts: LangText, lang: str, fallback: str | None = None) -> str:
    """The text in ``lang``, else in ``fallback``, else any text there is."""
    if lang in texts:
        return texts[lang]
    if fallback and fallback in texts:
        return texts[fallback]
    return next(iter(texts.values()), "")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(Strict):
    value: str
    label: LangText
    description: LangText = Field(default_factory=dict)
    # For a typology: the effort-element values it pre-selects when chosen.
    suggests: list[str] = Field(default_factory=list)
    # The values of the status list this choice fits (a typology, an effort element); empty: all.
    statuses: list[str] = Field(default_factory=list)
    # An effort element: done in the asylum phase or recommended to the municipality, by whom
    # and when, and a condition on the answers that must hold for it to be suggested.
    phase: Literal["asylum", "municipality"] | None = None
    owner: LangText = Field(default_factory=dict)
    timing: LangText = Field(default_factory=dict)
    needs: str | None = None
    # An effort element that needs the candidate's yes to one consent (a CV postcard): never
    # suggested without it.
    consent: Literal["screening", "handover", "sensitive", "cv_postcard"] | None = None


class Item(Strict):
    type: str
    name: str
    label: LangText
    hint: LangText = Field(default_factory=dict)
    required: bool = False
    relevant: str | None = None
    constraint: str | None = None
    constraint_message: LangText = Field(default_factory=dict)
    other: bool = False  # select: offer "other, namely" with a free text
    min: int | None = None  # scale bounds (default 1-5); integer/decimal bounds are constraints
    max: int | None = None
    low: LangText = Field(default_factory=dict)  # scale: label of the low end
    high: LangText = Field(default_factory=dict)  # scale: label of the high end
    report: str | None = None  # report section key, default the section's name
    sensitive: bool = False
    interviewer_only: bool = False
    role: Role | None = None
    # Core items are the spoken script that must fit the time budget; optional ones are asked
    # when there is time or a reason. ``prefill`` names the new-interview form field (see
    # ``PREFILL_FIELDS``) the answer is copied from, so a fact known beforehand is typed once.
    optional: bool = False
    prefill: str | None = None
    items: list[Item] = Field(default_factory=list)  # children of a group or repeat

    @property
    def kind(self) -> str:
        return self.type.split()[0] if self.type.split() else ""

    @property
    def list_name(self) -> str | None:
        """The choice list of a ``select_one <list>`` / ``select_multiple <list>``."""
        parts = self.type.split()
        return parts[1] if len(parts) == 2 and parts[0] in SELECT_KINDS else None

    @property
    def answerable(self) -> bool:
        return self.kind not in ("note", "group")

    @property
    def scale_range(self) -> tuple[int, int]:
        return (self.min if self.min is not None else 1, self.max if self.max is not None else 5)


class Section(Strict):
    name: str
    title: LangText
    guidance: LangText = Field(default_factory=dict)
    minutes: int = 0
    # Filled in after the candidate has left (the consultant's ratings and assessment): not part
    # of the interview's time budget.
    after_interview: bool = False
    items: list[Item] = Field(default_factory=list)


class ConsentTexts(Strict):
    """What the consultant reads aloud before the first question, and the four questions the
    candidate answers yes or no (docs/consent.md). ``{organisation}`` and ``{contact}`` in the
    text are filled from the settings, so the responsible organisation is never typed per
    interview."""

    text: LangText
    screening: LangText
    handover: LangText
    sensitive: LangText
    cv_postcard: LangText


class Questionnaire(Strict):
    id: str
    version: str
    title: LangText
    languages: list[str]
    default_language: str
    description: LangText = Field(default_factory=dict)
    sections: list[Section]
    choices: dict[str, list[Choice]] = Field(default_factory=dict)
    consent: ConsentTexts | None = None
    # The time budget of the interview itself in minutes (the sections that are not
    # ``after_interview`` must add up to at most this); None: no budget.
    minutes: int | None = None

    def walk(self) -> Iterator[tuple[Section, Item, Item | None]]:
        """Every item in order as (section, item, enclosing repeat/group or None)."""
        for section in self.sections:
            for item in section.items:
                yield from _walk(section, item, None)

    def item(self, name: str) -> Item:
        for _section, item, _parent in self.walk():
            if item.name == name:
                return item
        raise KeyError(name)

    def section_of(self, name: str) -> Section:
        for section, item, _parent in self.walk():
            if item.name == name:
                return section
        raise KeyError(name)

    def by_role(self, role: str) -> Item | None:
        return next((item for _s, item, _p in self.walk() if item.role == role), None)

    def choice_list(self, item: Item) -> list[Choice]:
        return self.choices.get(item.list_name or "", [])

    def choice_label(self, item: Item, value: str, lang: str) -> str:
        for choice in self.choice_list(item):
            if choice.value == value:
                return text_in(choice.label, lang, self.default_language)
        return value

    def text(self, texts: LangText, lang: str) -> str:
        return text_in(texts, lang, self.default_language)

    @property
    def total_minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    @property
    def interview_minutes(self) -> int:
        """The minutes of the sections held with the candidate."""
        return sum(s.minutes for s in self.sections if not s.after_interview)

    def spoken_items(self, core_only: bool = True) -> list[Item]:
        """The questions asked aloud: see ``is_spoken``."""
        return [
            item
            for section, item, parent in self.walk()
            if is_spoken(section, item, parent)
            and not (core_only and (item.optional or (parent is not None and parent.optional)))
        ]

    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON form: the same content always gives the same hash."""
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


# The new-interview form fields a questionnaire item may be prefilled from.
PREFILL_FIELDS = ("status", "nationality", "interpreter_language", "place", "municipality")


def is_spoken(section: Section, item: Item, parent: Item | None) -> bool:
    """A question put to the candidate during the interview: answerable, not prefilled from the
    form, not for the consultant alone, and not in a section filled in after the interview.
    Children of a repeat count (each is asked at least once); the repeat itself does not."""
    if section.after_interview or not item.answerable or item.kind == "repeat":
        return False
    return not item.interviewer_only and item.prefill is None


def _walk(
    section: Section, item: Item, parent: Item | None
) -> Iterator[tuple[Section, Item, Item | None]]:
    yield section, item, parent
    for child in item.items:
        yield from _walk(section, child, item)
