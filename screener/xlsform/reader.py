"""Reads the raw sheets of an XLSForm workbook with openpyxl, keeping each row's number.

pyxform's converted JSON is not used: it adds generated questions (``or_other``) and drops the
row numbers an author needs to find a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from screener.errors import Problem, QuestionnaireError
from screener.i18n import _
from screener.xlsform import require
from screener.xlsform.mapping import cell_text

# pyxform accepts these spellings of a column; they are read as the name on the right.
_ALIASES = {
    "list name": "list_name",
    "constraint message": "constraint_message",
    "required message": "required_message",
    "choice filter": "choice_filter",
    "repeat count": "repeat_count",
    "value": "name",
    "caption": "label",
}


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    cells: dict[str, str]  # normalised column -> text, empty cells left out

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass
class Sheet:
    name: str
    columns: list[str]  # normalised, in order
    rows: list[SheetRow] = field(default_factory=list)


def normalise_column(header: str) -> str:
    """'Label :: English (en)' -> 'label::English (en)': the key part lower-cased and aliased."""
    key, sep, lang = header.strip().partition("::")
    key = key.strip().lower()
    key = _ALIASES.get(key, key)
    return f"{key}::{lang.strip()}" if sep else key


def read_workbook(path: Path) -> dict[str, Sheet]:
    """Every sheet by lower-case name; QuestionnaireError if the file is not a readable .xlsx."""
    openpyxl = require("openpyxl")
    source = str(path)
    if not path.is_file():
        raise QuestionnaireError([Problem(source, "", _("file not found"))])
    if path.suffix.lower() != ".xlsx":
        raise QuestionnaireError(
            [Problem(source, "", _("only .xlsx workbooks can be read; save the file as .xlsx"))]
        )
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zip, XML or OS errors: one message, never a traceback
        raise QuestionnaireError(
            [
                Problem(
                    source,
                    "",
                    _("cannot be read as an .xlsx workbook ({reason})").format(
                        reason=type(error).__name__
                    ),
                )
            ]
        ) from None
    sheets: dict[str, Sheet] = {}
    try:
        for worksheet in workbook.worksheets:
            sheets[worksheet.title.strip().lower()] = _read_sheet(worksheet)
    finally:
        workbook.close()
    return sheets


def _read_sheet(worksheet: object) -> Sheet:
    rows = iter(worksheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    header = next(rows, None) or ()
    columns = [normalise_column(cell_text(value)) for value in header]
    sheet = Sheet(str(worksheet.title), [c for c in columns if c])  # type: ignore[attr-defined]
    for number, values in enumerate(rows, start=2):
        cells = {}
        for column, value in zip(columns, values, strict=False):
            text = cell_text(value)
            if column and text:
                cells[column] = text
        if cells:
            sheet.rows.append(SheetRow(number, cells))
    return sheet
