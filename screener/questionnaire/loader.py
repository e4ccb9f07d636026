"""Reads questionnaire files into models; any problem becomes one QuestionnaireError listing all.

Nothing but QuestionnaireError leaves the ``load_*`` functions: a consultant in the field must get
a message that names the file, the item and what is wrong, never a traceback.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from screener.errors import Problem, QuestionnaireError
from screener.i18n import _
from screener.questionnaire.lint import lint
from screener.questionnaire.model import Choice, Item, Questionnaire, Section
from screener.questionnaire.source_lines import Loc, SourceLines

DEFAULT_FILE = "tm-screening.toml"
_TEXT_FIELDS = {
    "label",
    "hint",
    "title",
    "guidance",
    "description",
    "constraint_message",
    "low",
    "high",
}
_TOML_POSITION = re.compile(r"^(.*?)\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def load_questionnaire(path: Path) -> Questionnaire:
    """Load and check one file; raises QuestionnaireError with every problem found."""
    source = str(path)
    try:
        if not path.exists():
            raise _single(source, _("file not found"))
        if path.is_dir():
            raise _single(source, _("is a folder, not a questionnaire file"))
        data = path.read_bytes()
    except QuestionnaireError:
        raise
    except OSError as error:
        raise _single(
            source,
            _("cannot be read: {reason}").format(reason=error.strerror or type(error).__name__),
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise QuestionnaireError(
            [
                Problem(
                    source,
                    "",
                    _(
                        "is not UTF-8 text (byte 0x{byte:02x} cannot be read); "
                        "save the file as UTF-8"
                    ).format(byte=data[error.start]),
                    line,
                )
            ]
        ) from None
    return load_from_text(text, source)


def load_from_text(text: str, source: str) -> Questionnaire:
    """Parse TOML ``text``; ``source`` names it in messages."""
    try:
        return _load(text, source)
    except QuestionnaireError:
        raise
    except RecursionError:
        raise _single(source, _("the file is nested too deeply")) from None
    except Exception as error:  # a last guard: the user gets a message, never a traceback
        raise _single(
            source, _("cannot be read ({reason})").format(reason=type(error).__name__)
        ) from None


def load_default(directory: Path) -> Questionnaire:
    """The Talent Management screening if present, else the first usable ``*.toml``."""
    preferred = directory / DEFAULT_FILE
    if preferred.is_file():
        return load_questionnaire(preferred)
    try:
        candidates = sorted(directory.glob("*.toml"))
    except OSError:
        candidates = []
    first_error: QuestionnaireError | None = None
    for candidate in candidates:
        try:
            return load_questionnaire(candidate)
        except QuestionnaireError as error:
            first_error = first_error or error
    if first_error is not None:
        raise first_error
    raise _single(str(directory), _("no questionnaire (*.toml) found in this folder"))


# --- internals ------------------------------------------------------------------------------


def _single(source: str, message: str, line: int | None = None) -> QuestionnaireError:
    return QuestionnaireError([Problem(source, "", message, line)])


def _load(text: str, source: str) -> Questionnaire:
    if not text.strip():
        raise _single(source, _("the file is empty"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_problem(error, source) from None
    lines = SourceLines(text)
    try:
        questionnaire = Questionnaire.model_validate(data, strict=True)
    except ValidationError as error:
        errors = error.errors()
        problems = [_problem(err, data, source, lines) for err in errors]
        # Unknown keys (typos) are the commonest mistake; drop them and check the rest too, so
        # the author sees every problem at once.
        repaired = _without_unknown_keys(data, errors)
        if repaired is not None:
            with contextlib.suppress(ValidationError):
                problems += lint(Questionnaire.model_validate(repaired, strict=True), source, text)
        problems.sort(key=lambda problem: problem.line or 0)
        raise QuestionnaireError(problems) from None
    problems = lint(questionnaire, source, text)
    if problems:
        raise QuestionnaireError(problems)
    return questionnaire


def _toml_problem(error: tomllib.TOMLDecodeError, source: str) -> QuestionnaireError:
    message = str(error)
    line: int | None = None
    match = _TOML_POSITION.match(message)
    if match:
        message = match.group(1)
        if match.group(2):
            line = int(match.group(2))
            message += _(" (column {column})").format(column=match.group(3))
    return _single(source, _("not valid TOML: {message}").format(message=message), line)


def _without_unknown_keys(data: dict[str, Any], errors: Any) -> dict[str, Any] | None:
    if any(err["type"] != "extra_forbidden" for err in errors):
        return None
    repaired = copy.deepcopy(data)
    for err in errors:
        *path, key = err["loc"]
        node: Any = repaired
        for part in path:
            node = node[part]
        node.pop(key, None)
    return repaired


def _model_at(loc: Loc) -> type[BaseModel]:
    """Which model the table at ``loc`` is validated as."""
    if loc[:1] == ("choices",):
        return Choice
    if len(loc) == 2 and loc[0] == "sections":
        return Section
    if len(loc) > 2:
        return Item
    return Questionnaire


def _describe(data: Any, loc: Loc) -> tuple[str, Loc, Loc, str | None]:
    """(where, loc of the table, the rest of the loc, name of the item) for an error's loc."""
    parts: list[str] = []
    node: Any = data
    name: str | None = None

    def child(container: Any, key: str | int) -> Any:
        try:
            return container[key]
        except (KeyError, IndexError, TypeError):
            return None

    index = 0
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        node = child(child(node, "sections"), loc[1])
        name = _name_of(node, "name")
        parts.append(name or _("section {number}").format(number=loc[1] + 1))
        index = 2
        while index + 1 < len(loc) and loc[index] == "items" and isinstance(loc[index + 1], int):
            number = loc[index + 1]
            assert isinstance(number, int)
            node = child(child(node, "items"), number)
            name = _name_of(node, "name") or name
            parts.append(_name_of(node, "name") or _("item {number}").format(number=number + 1))
            index += 2
    elif len(loc) >= 2 and loc[0] == "choices" and isinstance(loc[1], str):
        parts += ["choices", loc[1]]
        index = 2
        if len(loc) >= 3 and isinstance(loc[2], int):
            node = child(child(child(data, "choices"), loc[1]), loc[2])
            parts.append(_name_of(node, "value") or _("choice {number}").format(number=loc[2] + 1))
            index = 3
    return "/".join(parts), loc[:index], loc[index:], name


def _name_of(node: Any, key: str) -> str | None:
    if isinstance(node, dict) and isinstance(node.get(key), str) and node[key].strip():
        return str(node[key])
    return None


def _field_text(rest: Loc) -> str:
    text = ""
    for part in rest:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


def _problem(err: Any, data: Any, source: str, lines: SourceLines) -> Problem:
    loc: Loc = tuple(part for part in err["loc"] if isinstance(part, str | int))
    where, table, rest, name = _describe(data, loc)
    field = _field_text(rest)
    kind = err["type"]
    first = next((part for part in rest if isinstance(part, str)), "")
    if not field:
        message = _("must be a table") if kind in ("model_type", "dict_type") else str(err["msg"])
    elif kind == "extra_forbidden":
        known = list(_model_at(table).model_fields)
        close = difflib.get_close_matches(str(rest[-1]), known, n=1) if len(rest) == 1 else []
        hint = _(" (did you mean '{word}'?)").format(word=close[0]) if close else ""
        message = _("unknown key '{key}'{hint}").format(key=field, hint=hint)
    elif kind == "missing":
        message = _("missing '{key}'").format(key=field)
    elif kind.startswith("bool"):
        message = _("'{key}' must be true or false").format(key=field)
    elif kind.startswith("int"):
        message = _("'{key}' must be a whole number").format(key=field)
    elif kind == "string_type":
        message = _("'{key}' must be text in quotes").format(key=field)
    elif kind == "list_type":
        message = _("'{key}' must be a list").format(key=field)
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        if first in _TEXT_FIELDS and len(rest) == 1:
            message = _("'{key}' must be texts by language, e.g. {key}.da = \"...\"").format(
                key=field
            )
        else:
            message = _("'{key}' must be a table").format(key=field)
    elif kind == "literal_error":
        message = _("'{key}' cannot be '{value}'; allowed: {allowed}").format(
            key=field, value=err.get("input"), allowed=err.get("ctx", {}).get("expected", "")
        )
    else:
        message = f"'{field}': {err['msg']}"
    return Problem(source, where, message, lines.line_of(loc, name))
