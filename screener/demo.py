"""One complete, invented interview, so a new user (or a test) can see the app and report filled in.

The data is in ``demo.toml`` beside this module (shipped in the package): the person,
consultant, interpreter and place are all invented. The answers follow the shipped questionnaire
(``questionnaires/tm-screening.toml``); names the given questionnaire lacks are skipped, so an
organisation's edited copy still gets a demo.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, JsonValue, PositiveInt, ValidationError

from screener.errors import Problem, ScreenerError
from screener.questionnaire.model import Questionnaire
from screener.store.records import AnswerState, Consent, InterviewInfo

if TYPE_CHECKING:
    from screener.store.repository import Repository

DATA_FILE = Path(__file__).resolve().with_name("demo.toml")
# The branches of pydantic's JsonValue, which it puts in an error's location: not keys of the file.
_JSON_BRANCHES = frozenset({"list", "dict", "str", "int", "float", "bool"})


class Demo(BaseModel):
    """The demo file's shape; a key it does not know is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: str  # as chosen on the new-interview form
    info: InterviewInfo
    consent: Consent
    answers: dict[str, JsonValue]  # item name -> answered value, as the store keeps it
    extra_effort: list[str]  # effort elements added to the typology's suggestions
    non_responses: dict[str, AnswerState]
    notes: dict[str, str]
    flags: list[str]
    minutes: dict[str, PositiveInt]  # per section


def load_demo(path: Path = DATA_FILE) -> Demo:
    """The demo data in ``path``; ScreenerError naming the file, the key and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Demo.model_validate(data)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ScreenerError(str(Problem(str(path), "", str(error)))) from None
    except ValidationError as error:
        problems = [Problem(str(path), _where(err["loc"]), err["msg"]) for err in error.errors()]
        raise ScreenerError("\n".join(str(problem) for problem in problems)) from None


def _where(loc: tuple[int | str, ...]) -> str:
    """``answers.children.0.child_age`` for the key a problem is at."""
    return ".".join(str(part) for part in loc if part not in _JSON_BRANCHES)


def demo_answers(questionnaire: Questionnaire, demo: Demo | None = None) -> dict[str, Any]:
    """The form's facts, the demo answers, and the effort elements the chosen typology suggests
    for this candidate's status and profile (as the consultant would confirm them)."""
    from screener.prefill import prefill_answers
    from screener.questionnaire.effort import suggested_efforts

    demo = demo or load_demo()
    answers = prefill_answers(questionnaire, demo.info, demo.status)
    answers.update(demo.answers)
    suggested = suggested_efforts(questionnaire, answers["typology"], answers, demo.consent)
    answers["effort_elements"] = suggested + [v for v in demo.extra_effort if v not in suggested]
    return answers


def create_demo(repo: Repository, questionnaire: Questionnaire) -> int:
    """Create the invented interview (a draft, not finalized) and return its id."""
    demo = load_demo()
    top_level = {
        item.name
        for _section, item, parent in questionnaire.walk()
        if item.answerable and (parent is None or parent.kind == "group")
    }
    every_item = {item.name for _section, item, _parent in questionnaire.walk()}
    sections = {section.name for section in questionnaire.sections}

    interview_id = repo.create_interview(demo.info, questionnaire, consent=demo.consent)
    for name, value in demo_answers(questionnaire, demo).items():
        if name in top_level:
            repo.set_answer(interview_id, name, value)
    for name, state in demo.non_responses.items():
        if name in top_level:
            repo.mark(interview_id, name, state)
    for name, text in demo.notes.items():
        if name in every_item:
            repo.set_note(interview_id, name, text)
    for name in demo.flags:
        if name in every_item:
            repo.set_flag(interview_id, name, True)
    for section, minutes in demo.minutes.items():
        if section in sections:
            repo.add_elapsed(interview_id, section, minutes * 60.0)
    closing = questionnaire.by_role("looking_forward")
    if closing is not None:
        repo.set_position(interview_id, questionnaire.section_of(closing.name).name, closing.name)
    return interview_id
