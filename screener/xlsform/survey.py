"""The survey sheet, row by row, into sections and items; every refusal keeps its row number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from screener.errors import ExpressionError
from screener.i18n import _
from screener.questionnaire.expressions import parse
from screener.questionnaire.model import Item, Section
from screener.xlsform.cells import (
    Collector,
    Languages,
    extension_values,
    is_text_column,
    parse_bool,
    texts,
    validate,
)
from screener.xlsform.mapping import (
    ITEM_EXTENSIONS,
    PREFIX,
    SECTION_EXTENSIONS,
    STATES_FIELD,
    TYPE_COLUMN,
    YES_NO_LIST,
)
from screener.xlsform.reader import Sheet, SheetRow
from screener.xlsform.rules import (
    DISPLAY_APPEARANCES,
    MEDIA_TYPES,
    METADATA_TYPES,
    PLAIN_TYPES,
    REASON_CALCULATE,
    REASON_MEDIA,
    REASON_TYPE,
    SELECT_TYPES,
    SURVEY_COLUMNS,
    UNSUPPORTED_COLUMNS,
)

SHEET = "survey"
_TEXT_BASES = ("label", "hint", "constraint_message")


@dataclass
class _Open:
    """A begin_group / begin_repeat waiting for its end, or a section."""

    kind: str  # "section", "group" or "repeat"
    data: dict[str, Any]
    row: int
    children: list[dict[str, Any]] = field(default_factory=list)


class SurveyReader:
    def __init__(self, sheet: Sheet, langs: Languages, out: Collector, lists: set[str]) -> None:
        self.sheet = sheet
        self.langs = langs
        self.out = out
        self.lists = lists
        self.rows: dict[str, int] = {}  # name -> row, for messages
        self.stack: list[_Open] = []
        self.top: list[tuple[str, Any]] = []  # ("section", _Open) or ("item", dict)
        self.uses_choices = False

    def add(self, row: SheetRow, message: str) -> None:
        self.out.add(SHEET, row.number, message, row.get("name"))

    # --- the walk ---------------------------------------------------------------------

    def read(self) -> None:
        for row in self.sheet.rows:
            self.row(row)
        for still_open in self.stack:
            self.out.add(
                SHEET,
                still_open.row,
                _("begin_{kind} '{name}' has no end_{kind}").format(
                    kind="repeat" if still_open.kind == "repeat" else "group",
                    name=still_open.data.get("name", ""),
                ),
            )

    def row(self, row: SheetRow) -> None:
        raw_type = row.get("type")
        if not raw_type:
            self.add(row, _("the row has no type"))
            return
        words = raw_type.split()
        keyword = words[0].lower()
        if keyword in ("begin", "end") and len(words) > 1:  # "begin group", "end repeat"
            keyword, words = f"{keyword}_{words[1].lower()}", [f"{keyword}_{words[1]}", *words[2:]]
        if keyword in ("end_group", "end_repeat"):
            self.end(row, keyword[4:])
            return
        if keyword in METADATA_TYPES:
            self.out.notice(
                SHEET,
                row.number,
                _("skipped the metadata field '{type}'; this product records its own times").format(
                    type=keyword
                ),
            )
            return
        if keyword == "hidden" and row.get("name") == STATES_FIELD:
            return  # this product's own field for the non-answers of exported data
        self.check_columns(row, keyword)
        name = row.get("name")
        if not name:
            self.add(row, _("the row has no name"))
            return
        if name in self.rows:
            self.add(
                row,
                _("the name '{name}' is already used in survey row {row}").format(
                    name=name, row=self.rows[name]
                ),
            )
            return
        self.rows[name] = row.number
        if keyword in ("begin_group", "begin_repeat"):
            self.begin(row, keyword[6:])
            return
        item = self.item(row, keyword, words)
        if item is not None:
            self.place(item)

    def begin(self, row: SheetRow, kind: str) -> None:
        if kind == "group" and not self.stack:
            if row.get("relevant"):
                self.add(
                    row,
                    _(
                        "a top-level group becomes a section, and a section cannot have "
                        "'relevant'; put the condition on an inner group or on its questions"
                    ),
                )
            data: dict[str, Any] = {
                "name": row.get("name"),
                "title": texts(row, "label", self.langs),
            }
            extra, _used = extension_values(
                row, Section, SECTION_EXTENSIONS, self.langs, self.out, SHEET
            )
            data.update(extra)
            validate(Section, data, self.out, SHEET, row.number)
            self.stack.append(_Open("section", data, row.number))
            return
        item = self.item(row, kind, [kind])
        self.stack.append(_Open(kind, item or {"name": row.get("name")}, row.number))

    def end(self, row: SheetRow, kind: str) -> None:
        if not self.stack:
            self.add(row, _("end_{kind} without a begin_{kind}").format(kind=kind))
            return
        closing = self.stack[-1]
        closing_kind = "repeat" if closing.kind == "repeat" else "group"
        if closing_kind != kind:
            self.add(
                row,
                _("end_{kind} closes begin_{other} of survey row {row}").format(
                    kind=kind, other=closing_kind, row=closing.row
                ),
            )
            return
        self.stack.pop()
        if closing.kind == "section":
            closing.data["items"] = closing.children
            self.top.append(("section", closing))
            return
        closing.data["items"] = closing.children
        self.place(closing.data)

    def place(self, item: dict[str, Any]) -> None:
        if self.stack:
            self.stack[-1].children.append(item)
        else:
            self.top.append(("item", item))

    # --- one question -----------------------------------------------------------------

    def item(self, row: SheetRow, keyword: str, words: list[str]) -> dict[str, Any] | None:
        kind = self.kind(row, keyword, words)
        if kind is None:
            return None
        data: dict[str, Any] = {
            "type": kind,
            "name": row.get("name"),
            "label": texts(row, "label", self.langs),
        }
        for base in ("hint", "constraint_message"):
            found = texts(row, base, self.langs)
            if found:
                data[base] = found
        for base in ("label", "hint"):
            if any("${" in text for text in texts(row, base, self.langs).values()):
                self.add(
                    row,
                    _("the {column} shows another answer (${{...}}); this is not supported").format(
                        column=base
                    ),
                )
        required = parse_bool(row.get("required"))
        if required is None:
            self.add(row, _("'required' must be yes or no; conditions are not supported"))
        elif required:
            data["required"] = True
        for key in ("relevant", "constraint"):
            if row.get(key):
                data[key] = row.get(key)
                self.check_expression(row, key)
        if len(words) > 2 and words[2] == "or_other":
            data["other"] = True
        if kind == "scale":
            self.scale(row, data)
        extra, _used = extension_values(row, Item, ITEM_EXTENSIONS, self.langs, self.out, SHEET)
        data.update(extra)
        validate(Item, {**data, "items": []}, self.out, SHEET, row.number)
        return data

    def kind(self, row: SheetRow, keyword: str, words: list[str]) -> str | None:
        """The product's type for an XLSForm type, or None after reporting why not."""
        if keyword in ("group", "repeat"):
            return keyword
        if keyword in PLAIN_TYPES:
            if keyword == "text" and row.get("appearance").lower() == "multiline":
                return "long_text"
            return keyword
        if keyword == "range":
            return "scale"
        if keyword in SELECT_TYPES:
            self.uses_choices = True
            if len(words) < 2 or len(words) > 3 or (len(words) == 3 and words[2] != "or_other"):
                self.add(
                    row,
                    _("type '{type}' must be '{kind} LIST' or '{kind} LIST or_other'").format(
                        type=" ".join(words), kind=keyword
                    ),
                )
                return None
            if words[1] not in self.lists:
                self.add(
                    row,
                    _("the choice list '{name}' is not in the choices sheet").format(name=words[1]),
                )
                return None
            if row.get(TYPE_COLUMN) == "yes_no" and words[1] == YES_NO_LIST:
                return "yes_no"
            return f"{keyword} {words[1]}"
        if keyword == "calculate":
            self.add(row, _(REASON_CALCULATE))
        elif keyword in MEDIA_TYPES:
            self.add(row, _(REASON_MEDIA).format(what=keyword))
        else:
            self.add(row, _(REASON_TYPE).format(type=keyword))
        return None

    def scale(self, row: SheetRow, data: dict[str, Any]) -> None:
        params: dict[str, str] = {}
        for part in row.get("parameters").replace(";", " ").split():
            key, _sep, value = part.partition("=")
            params[key.strip().lower()] = value.strip()
        try:
            start, end = int(params.get("start", "1")), int(params.get("end", "10"))
            step = float(params.get("step", "1"))
        except ValueError:
            self.add(row, _("a range needs whole-number start and end (e.g. start=1 end=5)"))
            return
        if step != 1:
            self.add(
                row,
                _("a range with step {step} is not supported; use step=1").format(
                    step=params.get("step")
                ),
            )
            return
        if (start, end) != (1, 5):
            data["min"], data["max"] = start, end

    def check_expression(self, row: SheetRow, key: str) -> None:
        try:
            parse(row.get(key))
        except ExpressionError as error:
            self.add(
                row,
                _("'{key}' is outside the supported expression subset: {error}").format(
                    key=key, error=error
                ),
            )

    def check_columns(self, row: SheetRow, keyword: str) -> None:
        section = keyword == "begin_group" and not self.stack
        fields = SECTION_EXTENSIONS if section else ITEM_EXTENSIONS
        for column in row.cells:
            base = column.partition("::")[0]
            if column.startswith("$"):
                continue
            if column == TYPE_COLUMN:
                if row.get(TYPE_COLUMN) != "yes_no" or row.get("type").split()[1:2] != [
                    YES_NO_LIST
                ]:
                    self.add(
                        row,
                        _("'{column}' = yes_no only goes with 'select_one {name}'").format(
                            column=TYPE_COLUMN, name=YES_NO_LIST
                        ),
                    )
                continue
            if column.startswith(PREFIX):
                if not any(
                    column == PREFIX + f or is_text_column(column, PREFIX + f) for f in fields
                ):
                    what = _("a section") if section else _("a question")
                    self.add(
                        row,
                        _("extension column '{column}' does not apply to {what}").format(
                            column=column, what=what
                        ),
                    )
                continue
            if section and base in ("hint", "required", "constraint", "constraint_message"):
                self.add(
                    row,
                    _("a top-level group becomes a section, which has no '{column}'").format(
                        column=base
                    ),
                )
                continue
            if base in _TEXT_BASES or base in SURVEY_COLUMNS:
                if base == "appearance":
                    self.appearance(row, keyword)
                elif base == "parameters" and keyword != "range":
                    self.add(row, _("'parameters' is only supported on a range"))
                continue
            if base == "calculation" and keyword == "calculate":
                continue  # the type is refused already
            reason = UNSUPPORTED_COLUMNS.get(base)
            if reason is None and base.startswith("media"):
                reason = UNSUPPORTED_COLUMNS["media"]
            if reason is not None:
                self.add(row, _(reason).format(what=column))
            else:
                self.add(row, _("column '{column}' is not supported").format(column=column))

    def appearance(self, row: SheetRow, keyword: str) -> None:
        for word in row.get("appearance").lower().split():
            if (word == "multiline" and keyword == "text") or (
                word == "field-list" and keyword == "begin_group"
            ):
                continue
            if word in DISPLAY_APPEARANCES:
                self.out.notice(
                    SHEET,
                    row.number,
                    _(
                        "skipped the appearance '{word}'; it only changes how a phone shows "
                        "the question"
                    ).format(word=word),
                )
            else:
                self.add(row, _("appearance '{word}' is not supported").format(word=word))

    # --- the result -------------------------------------------------------------------

    def sections(self, title: dict[str, str]) -> list[dict[str, Any]]:
        """Sections in order; questions outside any top-level group share a section."""
        result: list[dict[str, Any]] = []
        loose: list[dict[str, Any]] = []

        def flush() -> None:
            if loose:
                name = f"section_{len(result) + 1}"
                while name in self.rows:
                    name += "_"
                result.append({"name": name, "title": dict(title), "items": list(loose)})
                loose.clear()

        for kind, entry in self.top:
            if kind == "section":
                flush()
                result.append(entry.data)
            else:
                loose.append(entry)
        flush()
        return result
