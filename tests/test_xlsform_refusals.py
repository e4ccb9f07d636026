"""Hand-made workbooks that cannot be imported as they are: each refusal names its row and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from screener.errors import QuestionnaireError
from screener.xlsform.importer import ImportResult, import_workbook

LABELS = ["label::English (en)", "label::Dansk (da)"]
LABELS_HEADER = ["type", "name", *LABELS, "relevant", "screener_minutes"]
SETTINGS = [
    ["form_title", "form_id", "version", "default_language"],
    ["Test form", "test_form", "3", "English (en)"],
]
CHOICES = [
    ["list_name", "name", *LABELS],
    ["colours", "red", "Red", "Rød"],
    ["colours", "blue", "Blue", "Blå"],
]


pytestmark = pytest.mark.usefixtures("english")


def book(
    tmp_path: Path,
    survey: list[list[Any]] | None,
    choices: list[list[Any]] | None = CHOICES,
    settings: list[list[Any]] | None = SETTINGS,
    name: str = "form.xlsx",
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        if rows is None:
            continue
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def section(*rows: list[Any], header: list[str] | None = None) -> list[list[Any]]:
    """A survey: one section 'main' (10 minutes) around ``rows``."""
    head = header or ["type", "name", *LABELS, "relevant", "screener_minutes"]
    width = len(head)

    def pad(row: list[Any]) -> list[Any]:
        return row + [None] * (width - len(row))

    return [
        head,
        pad(["begin_group", "main", "Main", "Hoved", None, 10]),
        *[pad(row) for row in rows],
        pad(["end_group", "main"]),
    ]


def refusals(path: Path) -> list[str]:
    with pytest.raises(QuestionnaireError) as info:
        import_workbook(path)
    return [str(problem) for problem in info.value.problems]


def imported(path: Path) -> ImportResult:
    return import_workbook(path)


def imported_with(path: Path, language: str) -> ImportResult:
    return import_workbook(path, language)


def test_a_clean_hand_made_workbook_imports(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        section(
            ["text", "city", "City", "By"],
            ["select_one colours", "colour", "Colour", "Farve", "${city} != ''"],
        ),
    )
    result = imported(path)
    assert result.problems == []
    q = result.questionnaire
    assert (q.id, q.version, q.languages, q.default_language) == (
        "test_form",
        "3",
        ["en", "da"],
        "en",
    )
    assert q.item("colour").relevant == "${city} != ''"
    assert [c.value for c in q.choices["colours"]] == ["red", "blue"]


def test_every_unsupported_feature_is_refused_at_once_with_its_row(tmp_path: Path) -> None:
    header = [
        "type",
        "name",
        *LABELS,
        "relevant",
        "screener_minutes",
        "choice_filter",
        "repeat_count",
        "calculation",
        "media::image",
    ]
    path = book(
        tmp_path,
        section(
            ["integer", "age", "Age", "Alder"],  # row 3
            ["calculate", "age_months", None, None, None, None, None, None, "${age} * 12"],
            ["select_one colours", "colour", "Colour", "Farve", None, None, "name != 'red'"],
            ["begin_repeat", "kids", "Kids", "Børn", None, None, None, "${age}"],  # row 6
            ["text", "kid_name", "Name", "Navn"],
            ["end_repeat", "kids"],
            ["note", "picture", "Look", "Se", None, None, None, None, None, "map.png"],  # row 9
            ["image", "photo", "Photo", "Foto"],  # row 10
            ["text", "later", "Later", "Senere", "today() > ${age}"],  # row 11
            header=header,
        ),
    )
    messages = refusals(path)
    text = "\n".join(messages)
    assert "survey row 4 (age_months)" in text and "calculat" in text
    assert "survey row 5 (colour)" in text and "choice_filter" in text
    assert "survey row 6 (kids)" in text and "repeat_count" in text
    assert "survey row 9 (picture)" in text and "media" in text
    assert "survey row 10 (photo)" in text
    assert "survey row 11 (later)" in text and "unknown function 'today'" in text
    assert len(messages) == 6  # everything at once, nothing twice


def test_or_other_becomes_the_other_flag_without_a_generated_question(tmp_path: Path) -> None:
    path = book(tmp_path, section(["select_multiple colours or_other", "colours", "C", "F"]))
    q = imported(path).questionnaire
    item = q.item("colours")
    assert (item.type, item.other) == ("select_multiple colours", True)
    assert [i.name for _s, i, _p in q.walk()] == ["colours"]  # no colours_other


def test_missing_survey_sheet(tmp_path: Path) -> None:
    assert refusals(book(tmp_path, None)) == [
        f"{tmp_path / 'form.xlsx'}: the workbook has no 'survey' sheet"
    ]


def test_missing_choices_sheet_when_a_question_needs_a_list(tmp_path: Path) -> None:
    path = book(tmp_path, section(["select_one colours", "colour", "C", "F"]), choices=None)
    text = "\n".join(refusals(path))
    assert "survey row 3 (colour): the choice list 'colours' is not in the choices sheet" in text
    assert "no 'choices' sheet" in text


def test_duplicate_names(tmp_path: Path) -> None:
    path = book(tmp_path, section(["text", "city", "City", "By"], ["integer", "city", "N", "N"]))
    assert refusals(path) == [
        f"{path}: survey row 4 (city): the name 'city' is already used in survey row 3"
    ]


def test_unknown_type(tmp_path: Path) -> None:
    path = book(tmp_path, section(["geopoint", "where", "Where", "Hvor"]))
    assert refusals(path) == [
        f"{path}: survey row 3 (where): type 'geopoint' has no equivalent here"
    ]


def test_broken_relevant(tmp_path: Path) -> None:
    path = book(tmp_path, section(["text", "a", "A", "A"], ["text", "b", "B", "B", "${a} = = 2"]))
    (message,) = refusals(path)
    assert "survey row 4 (b): 'relevant' is outside the supported expression subset" in message
    assert "column" in message


def test_untranslated_label_is_reported_at_its_row(tmp_path: Path) -> None:
    path = book(tmp_path, section(["text", "city", "City"], ["text", "street", "Street", "Vej"]))
    result = imported(path)
    assert [str(p) for p in result.problems] == [f"{path}: survey row 3 (city): missing label.da"]


def test_untranslated_choice_label_is_reported_at_its_row(tmp_path: Path) -> None:
    choices = [*CHOICES, ["colours", "green", "Green"]]
    path = book(tmp_path, section(["select_one colours", "c", "C", "F"]), choices=choices)
    result = imported(path)
    assert [str(p) for p in result.problems] == [
        f"{path}: choices row 4 (colours/green): missing label.da"
    ]


def test_unsupported_column(tmp_path: Path) -> None:
    header = ["type", "name", *LABELS, "relevant", "screener_minutes", "bind::odk:length"]
    path = book(tmp_path, section(["text", "a", "A", "A", None, None, "10"], header=header))
    assert refusals(path) == [
        f"{path}: survey row 3 (a): column 'bind::odk:length' is not supported"
    ]


def test_unknown_extension_column(tmp_path: Path) -> None:
    header = ["type", "name", *LABELS, "relevant", "screener_minutes", "screener_colour"]
    path = book(tmp_path, section(["text", "a", "A", "A", None, None, "red"], header=header))
    expected = (
        f"{path}: survey row 3 (a): extension column 'screener_colour' does not apply to a question"
    )
    assert refusals(path) == [expected]


def test_bad_extension_value(tmp_path: Path) -> None:
    header = [
        "type",
        "name",
        *LABELS,
        "relevant",
        "screener_minutes",
        "screener_sensitive",
        "screener_role",
    ]
    path = book(
        tmp_path,
        section(
            ["text", "a", "A", "A", None, None, "maybe"],
            ["text", "b", "B", "B", None, None, None, "boss"],
            header=header,
        ),
    )
    text = "\n".join(refusals(path))
    assert "survey row 3 (a): column 'screener_sensitive' must be yes or no, not 'maybe'" in text
    assert "survey row 4 (b): 'role':" in text


def test_label_without_a_language(tmp_path: Path) -> None:
    survey = [["type", "name", "label"], ["text", "a", "A"]]
    settings = [["form_title", "form_id"], ["T", "t"]]
    path = book(tmp_path, survey, choices=None, settings=settings)
    assert refusals(path) == [
        f"{path}: survey row 1: column 'label' has no language; name it e.g. "
        "'label::English (en)', set default_language, or import with --language CODE"
    ]
    assert imported_with(path, "en").questionnaire.item("a").label == {"en": "A"}


def test_plain_label_takes_the_default_language(tmp_path: Path) -> None:
    survey = [["type", "name", "label"], ["text", "a", "A"]]
    settings = [["form_title", "form_id", "default_language"], ["T", "t", "English (en)"]]
    result = imported(book(tmp_path, survey, choices=None, settings=settings))
    q = result.questionnaire
    assert q.item("a").label == {"en": "A"}
    assert q.sections[0].title == {"en": "T"}  # loose questions share one section
    # A Kobo form carries no time budget: the linter says so, by row.
    assert any("time budgets" in str(p) for p in result.problems)


def test_groups_that_do_not_close(tmp_path: Path) -> None:
    survey = [
        ["type", "name", *LABELS],
        ["begin_group", "s", "S", "S"],
        ["begin_repeat", "r", "R", "R"],
        ["text", "a", "A", "A"],
        ["end_group", "r"],
    ]
    text = "\n".join(refusals(book(tmp_path, survey)))
    assert "survey row 5 (r): end_group closes begin_repeat of survey row 3" in text
    assert "survey row 2: begin_group 's' has no end_group" in text


def test_a_section_cannot_have_a_condition(tmp_path: Path) -> None:
    survey = [
        ["type", "name", *LABELS, "relevant"],
        ["begin_group", "s", "S", "S", "1 = 1"],
        ["text", "a", "A", "A"],
        ["end_group", "s"],
    ]
    (message,) = refusals(book(tmp_path, survey))
    assert "survey row 2 (s): a top-level group becomes a section" in message


def test_metadata_and_display_hints_are_skipped_with_a_notice(tmp_path: Path) -> None:
    header = ["type", "name", *LABELS, "relevant", "screener_minutes", "appearance"]
    path = book(
        tmp_path,
        [
            header,
            ["start", "start"],
            *section(["select_one colours", "c", "C", "F", None, None, "minimal"], header=header)[
                1:
            ],
        ],
    )
    result = imported(path)
    assert result.problems == []
    assert [n.split(": ", 1)[1] for n in result.notices] == [
        "survey row 2: skipped the metadata field 'start'; this product records its own times",
        "survey row 4: skipped the appearance 'minimal'; it only changes how a phone shows "
        "the question",
    ]


def test_ranges_become_scales(tmp_path: Path) -> None:
    header = ["type", "name", *LABELS, "relevant", "screener_minutes", "parameters"]
    path = book(
        tmp_path,
        section(
            ["range", "s1", "S", "S", None, None, "start=0 end=4 step=1"],
            ["range", "s2", "S", "S", None, None, "start=1 end=5"],
            ["range", "s3", "S", "S", None, None, "start=0 end=1 step=0.1"],
            header=header,
        ),
    )
    (message,) = refusals(path)
    assert "survey row 5 (s3): a range with step 0.1 is not supported" in message


def test_not_an_xlsx_file(tmp_path: Path) -> None:
    old = tmp_path / "form.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "only .xlsx workbooks" in refusals(old)[0]
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a zip", encoding="utf-8")
    assert "cannot be read as an .xlsx workbook" in refusals(broken)[0]


def test_extension_columns_on_the_wrong_row(tmp_path: Path) -> None:
    header = [*LABELS_HEADER, "screener_role", "hint::English (en)", "screener_type"]
    survey = [
        header,
        ["begin_group", "main", "Main", "Hoved", None, 10, "status", "A hint"],
        ["text", "a", "A", "A", None, 4],
        ["select_one colours", "b", "B", "B", None, None, None, None, "yes_no"],
        ["end_group", "main"],
    ]
    text = "\n".join(refusals(book(tmp_path, survey)))
    assert (
        "survey row 2 (main): extension column 'screener_role' does not apply to a section" in text
    )
    assert "survey row 2 (main): a top-level group becomes a section, which has no 'hint'" in text
    assert (
        "survey row 3 (a): extension column 'screener_minutes' does not apply to a question" in text
    )
    assert "survey row 4 (b): 'screener_type' = yes_no only goes with" in text
