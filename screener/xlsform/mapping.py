"""The column mapping between this product's questionnaire model and XLSForm.

Standard XLSForm columns carry what XLSForm can say; every other field of the models travels in a
``screener_<field>`` column that ODK, Kobo and pyxform ignore. The extension columns are derived
from the pydantic models, so a field added to the model later travels without a change here.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Literal

from pydantic import BaseModel

from screener.questionnaire.model import Choice, Item, Questionnaire, Section

PREFIX = "screener_"
STATES_FIELD = "screener_states"  # hidden field of the exported form: the non-answers
YES_NO_LIST = "screener_yes_no"  # generated choice list behind a yes_no question
TYPE_COLUMN = "screener_type"  # the product's type where XLSForm has none (yes_no)

FieldKind = Literal["bool", "text", "list", "scalar"]

# Fields that standard XLSForm columns (or the sheet structure) carry.
ITEM_STANDARD = frozenset(
    {
        "type",
        "name",
        "label",
        "hint",
        "required",
        "relevant",
        "constraint",
        "constraint_message",
        "other",
        "items",
    }
)
SECTION_STANDARD = frozenset({"name", "title", "items"})
CHOICE_STANDARD = frozenset({"value", "label"})
QUESTIONNAIRE_STANDARD = frozenset(
    {"id", "version", "title", "languages", "default_language", "sections", "choices"}
)

_LANG_COLUMN = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\)\s*$")
_BARE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")


def field_kind(model: type[BaseModel], field: str) -> FieldKind:
    """How a field is written in a cell: yes/blank, per language, space-separated, or as is."""
    annotation = model.model_fields[field].annotation
    if annotation is bool:
        return "bool"
    origin = typing.get_origin(annotation)
    if origin is dict:
        return "text"
    if origin is list:
        return "list"
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and args[0] is bool:
            return "bool"
    return "scalar"


def extension_fields(model: type[BaseModel], standard: frozenset[str]) -> list[str]:
    """The fields of ``model`` that travel in ``screener_*`` columns, in model order."""
    return [name for name in model.model_fields if name not in standard]


ITEM_EXTENSIONS = extension_fields(Item, ITEM_STANDARD)
SECTION_EXTENSIONS = extension_fields(Section, SECTION_STANDARD)
CHOICE_EXTENSIONS = extension_fields(Choice, CHOICE_STANDARD)
QUESTIONNAIRE_EXTENSIONS = [
    *(f for f in extension_fields(Questionnaire, QUESTIONNAIRE_STANDARD) if f != "consent"),
    "title",
]
# The consent texts (a table of five texts) travel as one text column each on the settings row:
# screener_consent_text::Dansk (da), screener_consent_screening::English (en), ...
CONSENT_PARTS = ("text", "screening", "handover", "sensitive", "cv_postcard")


def consent_column(part: str) -> str:
    return f"{PREFIX}consent_{part}"


def language_name(code: str) -> str:
    """'Dansk (da)', 'English (en)': the language header XLSForm tools recognise."""
    try:
        from babel import Locale

        name = str(Locale.parse(code).get_display_name(code) or code)
    except Exception:  # an unknown code still gets a usable header
        name = code
    return f"{name[:1].upper()}{name[1:]} ({code})"


def parse_language(text: str) -> str | None:
    """The code in a header suffix such as 'English (en)' or 'en'; None if there is none."""
    match = _LANG_COLUMN.match(text.strip())
    if match:
        return match.group("code").replace("_", "-")
    stripped = text.strip()
    return stripped if _BARE_CODE.match(stripped) else None


def choice_text_column(field: str, lang: str) -> str:
    """``screener_description_da``: a per-language extension column of the choices sheet."""
    return f"{PREFIX}{field}_{lang}"


def cell_text(value: Any) -> str:
    """A cell as text: whole floats lose their '.0', None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def to_cells(value: Any, kind: FieldKind) -> str:
    """A non-text field value as its cell (texts get one column per language instead)."""
    if kind == "bool":
        return "yes" if value else ""
    if kind == "list":
        return " ".join(str(part) for part in value)
    return "" if value is None else str(value)


TRUE_WORDS = frozenset({"yes", "true", "true()", "1"})
FALSE_WORDS = frozenset({"", "no", "false", "false()", "0"})
