"""Reading one row's cells into model fields: texts per language, extension columns, yes/no.

Every problem is collected on the ``Collector`` with its sheet and row number, so the importer
can report all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from screener.errors import Problem
from screener.i18n import _
from screener.xlsform.mapping import (
    FALSE_WORDS,
    PREFIX,
    TRUE_WORDS,
    choice_text_column,
    field_kind,
    parse_language,
)
from screener.xlsform.reader import SheetRow


@dataclass
class Collector:
    """Problems (refusals) and notices (skipped with a word) of one import."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def add(self, sheet: str, row: int, message: str, name: str = "") -> None:
        where = _("{sheet} row {row}").format(sheet=sheet, row=row)
        if name:
            where += f" ({name})"
        self.problems.append(Problem(self.source, where, message))

    def notice(self, sheet: str, row: int, message: str) -> None:
        where = _("{sheet} row {row}").format(sheet=sheet, row=row)
        self.notices.append(f"{self.source}: {where}: {message}")


@dataclass
class Languages:
    """Which language each text column is in; ``plain`` is the language of 'label' without one."""

    codes: list[str]
    plain: str | None

    def of(self, column: str, base: str) -> str | None:
        """The language of ``column`` if it is a text column of ``base``, else None."""
        if column == base:
            return self.plain
        prefix = base + "::"
        if column.startswith(prefix):
            return parse_language(column[len(prefix) :])
        return None


def texts(row: SheetRow, base: str, langs: Languages) -> dict[str, str]:
    """``label``, ``label::English (en)`` ... of one row as {code: text}."""
    result: dict[str, str] = {}
    for column, value in row.cells.items():
        lang = langs.of(column, base)
        if lang is not None:
            result[lang] = value
    return result


def is_text_column(column: str, base: str) -> bool:
    return column == base or column.startswith(base + "::")


def parse_bool(text: str) -> bool | None:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def extension_values(
    row: SheetRow,
    model: type[BaseModel],
    fields: list[str],
    langs: Languages,
    out: Collector,
    sheet: str,
    choices: bool = False,
) -> tuple[dict[str, Any], set[str]]:
    """The ``screener_*`` fields of ``row`` and the columns they used."""
    values: dict[str, Any] = {}
    used: set[str] = set()
    for name in fields:
        column = PREFIX + name
        kind = field_kind(model, name)
        if kind == "text":
            found: dict[str, str] = {}
            for key, value in row.cells.items():
                lang = langs.of(key, column)
                if lang is None and choices and key.startswith(column + "_"):
                    lang = key[len(column) + 1 :]
                    if key != choice_text_column(name, lang):
                        lang = None
                if lang is not None:
                    found[lang] = value
                    used.add(key)
            if found:
                values[name] = found
            continue
        if column not in row.cells:
            continue
        used.add(column)
        text = row.cells[column]
        if kind == "bool":
            flag = parse_bool(text)
            if flag is None:
                out.add(
                    sheet,
                    row.number,
                    _("column '{column}' must be yes or no, not '{value}'").format(
                        column=column, value=text
                    ),
                    row.get("name"),
                )
            else:
                values[name] = flag
        elif kind == "list":
            values[name] = text.split()
        else:
            values[name] = text
    return values, used


def validate(
    model: type[BaseModel], data: dict[str, Any], out: Collector, sheet: str, row: int
) -> bool:
    """Check one row's fields against the model; each error names the row and the field."""
    try:
        model.model_validate(data)
    except ValidationError as error:
        for err in error.errors():
            loc = ".".join(str(part) for part in err["loc"])
            out.add(
                sheet,
                row,
                _("'{field}': {problem}").format(field=loc, problem=err["msg"]),
                str(data.get("name") or data.get("value") or ""),
            )
        return False
    return True
