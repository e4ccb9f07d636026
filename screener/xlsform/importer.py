"""An XLSForm workbook to a questionnaire in this product's model, or every reason it cannot be.

Top-level groups become sections; inner groups and repeats keep their structure. What cannot be
mapped is refused with the sheet, the row number and the reason, all at once (``rules.py``).
The result is then checked by the usual linter, its problems pointed at workbook rows too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from screener.errors import Problem, QuestionnaireError
from screener.i18n import _
from screener.questionnaire.lint import lint
from screener.questionnaire.model import Choice, Questionnaire
from screener.xlsform.cells import (
    Collector,
    Languages,
    extension_values,
    is_text_column,
    texts,
    validate,
)
from screener.xlsform.mapping import (
    CHOICE_EXTENSIONS,
    CONSENT_PARTS,
    PREFIX,
    QUESTIONNAIRE_EXTENSIONS,
    STATES_FIELD,
    YES_NO_LIST,
    consent_column,
    parse_language,
)
from screener.xlsform.reader import Sheet, read_workbook
from screener.xlsform.rules import CHOICE_COLUMNS, SETTINGS_COLUMNS
from screener.xlsform.survey import SurveyReader

_TEXT_KEYS = ("label", "hint", "constraint_message", "required_message", "guidance_hint")


@dataclass
class ImportResult:
    """The questionnaire, what was skipped with a notice, and the linter's findings by row."""

    questionnaire: Questionnaire
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def import_workbook(path: Path, language: str | None = None) -> ImportResult:
    """Read ``path``; raises QuestionnaireError listing every refusal with its row.

    ``language`` is the code of columns without one ('label'), when the settings sheet has no
    default_language (single-language Kobo forms).
    """
    source = str(path)
    sheets = read_workbook(path)
    out = Collector(source)
    survey = sheets.get("survey")
    if survey is None:
        raise QuestionnaireError([Problem(source, "", _("the workbook has no 'survey' sheet"))])
    settings = _settings_row(sheets.get("settings"))
    if language and not parse_language(settings.get("default_language", "")):
        settings["default_language"] = language
    langs = _languages(sheets, settings, out)
    choices, choice_rows = _read_choices(sheets.get("choices"), langs, out)
    reader = SurveyReader(survey, langs, out, set(choices))
    reader.read()
    if reader.uses_choices and "choices" not in sheets:
        out.add("survey", 1, _("the workbook has no 'choices' sheet, but questions use lists"))
    data = _questionnaire_data(path, sheets.get("settings"), settings, langs, out)
    if out.problems:
        raise QuestionnaireError(out.problems)
    data["sections"] = reader.sections(data["title"])
    data["choices"] = {name: entries for name, entries in choices.items() if name != YES_NO_LIST}
    try:
        questionnaire = Questionnaire.model_validate(data)
    except ValidationError as error:  # each row was checked; this is a last guard
        raise QuestionnaireError(
            [Problem(source, "", str(err["msg"])) for err in error.errors()]
        ) from None
    problems = [
        _at_row(problem, reader.rows, choice_rows, source)
        for problem in lint(questionnaire, source)
    ]
    return ImportResult(questionnaire, out.notices, problems)


# --- settings and languages -----------------------------------------------------------------


def _settings_row(sheet: Sheet | None) -> dict[str, str]:
    return dict(sheet.rows[0].cells) if sheet and sheet.rows else {}


def _languages(sheets: dict[str, Sheet], settings: dict[str, str], out: Collector) -> Languages:
    """Languages in the order of the survey's label columns; 'label' alone needs a default."""
    codes: list[str] = []
    plain: str | None = None
    default = parse_language(settings.get("default_language", ""))
    for sheet_name in ("survey", "choices", "settings"):
        sheet = sheets.get(sheet_name)
        if sheet is None:
            continue
        for column in sheet.columns:
            key, sep, suffix = column.partition("::")
            if sep and not (key in _TEXT_KEYS or key.startswith(PREFIX)):
                continue  # media::image, bind::...: not a language; the survey reader judges it
            if not sep:
                if column in ("label", "hint", "constraint_message") and sheet_name != "settings":
                    if default is None:
                        out.add(
                            sheet_name,
                            1,
                            _(
                                "column '{column}' has no language; name it e.g. "
                                "'{column}::English (en)', set default_language, "
                                "or import with --language CODE"
                            ).format(column=column),
                        )
                    else:
                        plain = default
                        if default not in codes:
                            codes.append(default)
                continue
            code = parse_language(suffix)
            if code is None:
                out.add(
                    sheet_name,
                    1,
                    _(
                        "column '{column}' names no language code; write e.g. '{key}::English (en)'"
                    ).format(column=column, key=key),
                )
            elif code not in codes:
                codes.append(code)
    return Languages(codes, plain)


def _questionnaire_data(
    path: Path,
    sheet: Sheet | None,
    settings: dict[str, str],
    langs: Languages,
    out: Collector,
) -> dict[str, Any]:
    row_number = sheet.rows[0].number if sheet and sheet.rows else 2
    for column in settings:
        known = (
            column in SETTINGS_COLUMNS
            or any(is_text_column(column, PREFIX + name) for name in QUESTIONNAIRE_EXTENSIONS)
            or any(is_text_column(column, consent_column(part)) for part in CONSENT_PARTS)
        )
        if not known and not column.startswith("$"):
            out.add(
                "settings",
                row_number,
                _("setting '{column}' has no equivalent here").format(column=column),
            )
    default = parse_language(settings.get("default_language", "")) or (
        langs.codes[0] if langs.codes else "en"
    )
    form_id = settings.get("form_id") or re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-")
    data: dict[str, Any] = {
        "id": form_id or "questionnaire",
        "version": settings.get("version") or "1",
        "languages": langs.codes or [default],
        "default_language": default,
    }
    row = sheet.rows[0] if sheet and sheet.rows else None
    if row is not None:
        extra, _used = extension_values(
            row, Questionnaire, QUESTIONNAIRE_EXTENSIONS, langs, out, "settings"
        )
        data.update(extra)
        consent = {
            part: {
                lang: value
                for key, value in row.cells.items()
                if (lang := langs.of(key, consent_column(part))) is not None
            }
            for part in CONSENT_PARTS
        }
        if any(consent.values()):
            data["consent"] = consent
    if "title" not in data:  # XLSForm has one title: it stands for every language
        title = settings.get("form_title") or data["id"]
        data["title"] = {lang: title for lang in data["languages"]}
    return data


# --- choices --------------------------------------------------------------------------------


def _read_choices(
    sheet: Sheet | None, langs: Languages, out: Collector
) -> tuple[dict[str, list[dict[str, Any]]], dict[tuple[str, str], int]]:
    lists: dict[str, list[dict[str, Any]]] = {}
    rows: dict[tuple[str, str], int] = {}
    if sheet is None:
        return lists, rows
    for row in sheet.rows:
        list_name, value = row.get("list_name"), row.get("name")
        if not list_name or not value:
            out.add("choices", row.number, _("a choice needs both 'list_name' and 'name'"))
            continue
        choice: dict[str, Any] = {"value": value, "label": texts(row, "label", langs)}
        extra, used = extension_values(
            row, Choice, CHOICE_EXTENSIONS, langs, out, "choices", choices=True
        )
        choice.update(extra)
        for column in row.cells:
            if column in used or column in CHOICE_COLUMNS or is_text_column(column, "label"):
                continue
            if column.startswith("$"):
                continue
            reason = (
                _("media in choices are not supported")
                if column.startswith(("media", "image", "audio", "video"))
                else _(
                    "column '{column}' is not supported (extra choice columns serve "
                    "choice_filter, which is not supported)"
                ).format(column=column)
            )
            out.add("choices", row.number, reason, value)
        validate(Choice, choice, out, "choices", row.number)
        lists.setdefault(list_name, []).append(choice)
        rows[(list_name, value)] = row.number
    return lists, rows


# --- the linter's problems, pointed at rows -------------------------------------------------


def _at_row(
    problem: Problem,
    item_rows: dict[str, int],
    choice_rows: dict[tuple[str, str], int],
    source: str,
) -> Problem:
    parts = problem.where.split("/") if problem.where else []
    if len(parts) >= 3 and parts[0] == "choices":
        row = choice_rows.get((parts[1], "/".join(parts[2:])))
        if row is not None:
            where = _("{sheet} row {row}").format(sheet="choices", row=row)
            return Problem(source, f"{where} ({parts[1]}/{parts[2]})", problem.message)
    elif len(parts) == 2 and parts[0] == "choices":
        rows = [r for (name, _v), r in choice_rows.items() if name == parts[1]]
        if rows:
            where = _("{sheet} row {row}").format(sheet="choices", row=min(rows))
            return Problem(source, f"{where} ({parts[1]})", problem.message)
    elif parts and parts[-1] in item_rows:
        where = _("{sheet} row {row}").format(sheet="survey", row=item_rows[parts[-1]])
        return Problem(source, f"{where} ({parts[-1]})", problem.message)
    elif not parts:
        return Problem(source, "settings", problem.message)
    return Problem(source, problem.where, problem.message)


__all__ = ["STATES_FIELD", "ImportResult", "import_workbook"]
