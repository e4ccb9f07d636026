"""A questionnaire as an XLSForm workbook (survey, choices, settings) that pyxform converts.

Sections become top-level groups, groups and repeats keep their structure, and what XLSForm
cannot say (roles, sensitive, report sections, minutes, guidance, suggestions ...) goes into
``screener_*`` columns that other tools ignore. See ``docs/xlsform.md``.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

from screener.errors import ExportError
from screener.i18n import _
from screener.questionnaire.model import NO, YES, Choice, Item, Questionnaire, Section
from screener.resources import data_dir
from screener.xlsform import require
from screener.xlsform.mapping import (
    CHOICE_EXTENSIONS,
    CONSENT_PARTS,
    ITEM_EXTENSIONS,
    PREFIX,
    QUESTIONNAIRE_EXTENSIONS,
    SECTION_EXTENSIONS,
    STATES_FIELD,
    TYPE_COLUMN,
    YES_NO_LIST,
    choice_text_column,
    consent_column,
    field_kind,
    language_name,
    to_cells,
)

Row = dict[str, str]


class _Sheet:
    """Rows as dicts; the columns are collected in first-use order."""

    def __init__(self, first: list[str]) -> None:
        self.columns: list[str] = list(first)
        self.rows: list[Row] = []

    def add(self, row: Row) -> None:
        clean = {key: value for key, value in row.items() if value != ""}
        for key in clean:
            if key not in self.columns:
                self.columns.append(key)
        self.rows.append(clean)

    def table(self) -> list[list[str]]:
        """Standard XLSForm columns first, this product's ``screener_*`` columns after them."""
        columns = sorted(self.columns, key=lambda column: column.startswith(PREFIX))
        return [columns] + [[row.get(col, "") for col in columns] for row in self.rows]


def _texts(column: str, texts: dict[str, str], langs: list[str]) -> Row:
    return {f"{column}::{language_name(lang)}": texts[lang] for lang in langs if lang in texts}


def _extensions(model: Any, fields: list[str], langs: list[str], choices: bool = False) -> Row:
    row: Row = {}
    for field in fields:
        value = getattr(model, field)
        kind = field_kind(type(model), field)
        if kind == "text" and choices:
            # pyxform copies choice columns into the form as XML elements: no '::' there.
            row.update({choice_text_column(field, lang): value[lang] for lang in value})
        elif kind == "text":
            row.update(_texts(PREFIX + field, value, langs))
        else:
            row[PREFIX + field] = to_cells(value, kind)
    return row


def _yes_no_labels(lang: str) -> tuple[str, str]:
    """'Ja'/'Nej' from the app's own catalog; English for a language it has no catalog for."""
    catalog = gettext.translation(
        "screener", localedir=str(data_dir("locales")), languages=[lang], fallback=True
    )
    return catalog.gettext("Yes"), catalog.gettext("No")


def _item_type(item: Item) -> tuple[str, Row]:
    kind = item.kind
    if kind == "long_text":
        return "text", {"appearance": "multiline"}
    if kind == "scale":
        low, high = item.scale_range
        return "range", {"parameters": f"start={low} end={high} step=1"}
    if kind == "yes_no":
        return f"select_one {YES_NO_LIST}", {TYPE_COLUMN: "yes_no"}
    if kind in ("select_one", "select_multiple") and item.other:
        return f"{item.type} or_other", {}
    if kind == "group":
        return "begin_group", {}
    if kind == "repeat":
        return "begin_repeat", {}
    return item.type, {}


def _add_item(sheet: _Sheet, item: Item, langs: list[str]) -> None:
    xls_type, extra = _item_type(item)
    row: Row = {"type": xls_type, "name": item.name}
    row.update(_texts("label", item.label, langs))
    row.update(_texts("hint", item.hint, langs))
    row["required"] = "yes" if item.required else ""
    row["relevant"] = item.relevant or ""
    row["constraint"] = item.constraint or ""
    row.update(_texts("constraint_message", item.constraint_message, langs))
    row.update(extra)
    row.update(_extensions(item, ITEM_EXTENSIONS, langs))
    sheet.add(row)
    if item.kind in ("group", "repeat"):
        for child in item.items:
            _add_item(sheet, child, langs)
        sheet.add({"type": f"end_{item.kind}", "name": item.name})


def _add_section(sheet: _Sheet, section: Section, langs: list[str]) -> None:
    row: Row = {"type": "begin_group", "name": section.name}
    row.update(_texts("label", section.title, langs))
    row.update(_extensions(section, SECTION_EXTENSIONS, langs))
    sheet.add(row)
    for item in section.items:
        _add_item(sheet, item, langs)
    sheet.add({"type": "end_group", "name": section.name})


def _choice_row(list_name: str, choice: Choice, langs: list[str]) -> Row:
    row: Row = {"list_name": list_name, "name": choice.value}
    row.update(_texts("label", choice.label, langs))
    row.update(_extensions(choice, CHOICE_EXTENSIONS, langs, choices=True))
    return row


def build_sheets(q: Questionnaire) -> dict[str, list[list[str]]]:
    """The three sheets as tables (header row first), ready to write."""
    langs = list(q.languages)
    label_columns = [f"label::{language_name(lang)}" for lang in langs]
    survey = _Sheet(["type", "name", *label_columns])
    for section in q.sections:
        _add_section(survey, section, langs)
    # The non-answers (don't know, declined, not applicable) of an exported interview.
    survey.add({"type": "hidden", "name": STATES_FIELD})

    choices = _Sheet(["list_name", "name", *label_columns])
    for list_name, entries in q.choices.items():
        for choice in entries:
            choices.add(_choice_row(list_name, choice, langs))
    if any(item.kind == "yes_no" for _s, item, _p in q.walk()):
        for value, index in ((YES, 0), (NO, 1)):
            row: Row = {"list_name": YES_NO_LIST, "name": value}
            for lang in langs:
                row[f"label::{language_name(lang)}"] = _yes_no_labels(lang)[index]
            choices.add(row)

    settings = _Sheet(["form_title", "form_id", "version", "default_language"])
    row = {
        "form_title": q.text(q.title, q.default_language),
        "form_id": q.id,
        "version": q.version,
        "default_language": language_name(q.default_language),
    }
    row.update(_extensions(q, QUESTIONNAIRE_EXTENSIONS, langs))
    if q.consent is not None:
        for part in CONSENT_PARTS:
            row.update(_texts(consent_column(part), getattr(q.consent, part), langs))
    settings.add(row)
    return {"survey": survey.table(), "choices": choices.table(), "settings": settings.table()}


def _inserts_answer(texts: dict[str, str]) -> bool:
    return any("${" in text for text in texts.values())


def check_exportable(q: Questionnaire) -> None:
    """Reserved names are not used, and no label or hint holds '${', which XLSForm would read
    as another answer to show."""
    for _section, item, _parent in q.walk():
        if _inserts_answer(item.label) or _inserts_answer(item.hint):
            raise ExportError(
                _(
                    "The label or hint of '{name}' contains '${{'; XLSForm would show another "
                    "answer there. Rephrase it first."
                ).format(name=item.name)
            )
    names = {item.name for _s, item, _p in q.walk()} | {s.name for s in q.sections}
    taken = sorted(names & {STATES_FIELD}) + sorted(set(q.choices) & {YES_NO_LIST})
    if taken:
        raise ExportError(
            _("The name '{name}' is reserved for the XLSForm export; rename it first.").format(
                name=taken[0]
            )
        )


def write_workbook(q: Questionnaire, path: Path) -> None:
    """Write ``q`` as an .xlsx workbook at ``path`` (atomically)."""
    check_exportable(q)
    openpyxl = require("openpyxl")
    from io import BytesIO

    from screener.files import atomic_write

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, table in build_sheets(q).items():
        sheet = workbook.create_sheet(title)
        for values in table:
            try:
                sheet.append(values)
                for cell in sheet[sheet.max_row]:
                    if cell.data_type == "f":  # '=...' is text here, never a formula
                        cell.data_type = "s"
            except openpyxl.utils.exceptions.IllegalCharacterError:
                raise ExportError(
                    _(
                        "The {sheet} row {row} ({name}) has a control character that a workbook "
                        "cannot hold; remove it from the questionnaire."
                    ).format(sheet=title, row=sheet.max_row + 1, name=values[1])
                ) from None
        sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    atomic_write(path, buffer.getvalue())
