"""Loading questionnaire files: every broken file gives one clear list of problems, never a
traceback (checked against the expected output kept beside each broken file)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener import cli
from screener.errors import QuestionnaireError
from screener.questionnaire.loader import (
    load_default,
    load_from_text,
    load_questionnaire,
)
from screener.questionnaire.model import Questionnaire

pytestmark = pytest.mark.usefixtures("english")


ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "questionnaires" / "bad"
VALID = Path(__file__).parent / "questionnaires" / "valid"
CASES = sorted(path.name.removesuffix(".expected") for path in BAD.glob("*.expected"))


def test_there_are_enough_broken_files() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES)
def test_check_prints_the_expected_problems(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["check", "--lang", "en", f"{case}.toml"])
    if os.environ.get("SCREENER_REGENERATE_EXPECTED"):
        (BAD / f"{case}.expected").write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == (BAD / f"{case}.expected").read_text(encoding="utf-8")
    assert code == 1
    assert "Traceback" not in out.getvalue()


@pytest.mark.parametrize("case", CASES)
def test_load_raises_only_questionnaire_error(case: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(BAD / f"{case}.toml")
    assert caught.value.problems
    assert all(problem.file.endswith(f"{case}.toml") for problem in caught.value.problems)


def test_check_in_a_subprocess_has_no_traceback() -> None:
    files = [f"{case}.toml" for case in CASES]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "screener", "check", "--lang", "en", *files],
        cwd=BAD,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    expected = "".join((BAD / f"{case}.expected").read_text(encoding="utf-8") for case in CASES)
    assert result.stdout == expected


def test_valid_file_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    q = load_questionnaire(VALID / "small.toml")
    assert q.id == "small"
    assert q.item("spouse_name").label["en"] == "Spouse's name"
    monkeypatch.chdir(VALID)
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["check", "--lang", "en", "small.toml"]) == 0
    assert out.getvalue().startswith("OK small.toml: 2 sections, 17 items (da, en); ")


def test_snapshot_round_trip() -> None:
    """The store pins a questionnaire as JSON and reads it back with ``model_validate_json``."""
    q = load_questionnaire(VALID / "small.toml")
    again = Questionnaire.model_validate_json(q.model_dump_json())
    assert again == q
    assert again.content_hash() == q.content_hash()


def test_load_default(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="no questionnaire"):
        load_default(tmp_path)
    (tmp_path / "a.toml").write_text("broken = ", encoding="utf-8")
    with pytest.raises(QuestionnaireError):
        load_default(tmp_path)
    (tmp_path / "b.toml").write_text(
        (VALID / "small.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert load_default(tmp_path).id == "small"
    (tmp_path / "tm-screening.toml").write_text("", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="empty"):
        load_default(tmp_path)


def test_shipped_questionnaire_is_the_default() -> None:
    assert load_default(ROOT / "questionnaires").id == "tm-screening"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (VALID / "small.toml").read_bytes())
    assert load_questionnaire(path).id == "small"


def test_deep_nesting_is_a_questionnaire_error() -> None:
    for text in ("x = " + "[" * 5000 + "]" * 5000, "x = " + "{a = " * 3000 + "1" + "}" * 3000):
        with pytest.raises(QuestionnaireError):
            load_from_text(text, "deep.toml")


# --- property tests --------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_only_raises_questionnaire_error(text: str) -> None:
    try:
        load_from_text(text, "random.toml")
    except QuestionnaireError as error:
        assert error.problems


def _toml_key(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_key(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(part) for part in value) + "]"
    return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


def dump_toml(data: dict[str, Any]) -> str:
    """A tiny TOML writer: top-level keys, everything else inline."""
    return "".join(f"{_toml_key(key)} = {_toml_value(value)}\n" for key, value in data.items())


_KEYS = st.sampled_from(
    [
        "id",
        "version",
        "title",
        "languages",
        "default_language",
        "sections",
        "choices",
        "name",
        "type",
        "label",
        "items",
        "da",
        "en",
        "relevant",
        "constraint",
        "required",
        "min",
        "max",
        "minutes",
        "value",
        "suggests",
        "role",
        "lable",
    ]
)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-5, max_value=50),
    st.sampled_from(["text", "group", "repeat", "select_one x", "scale", "da", "${a} = 1", "."]),
    st.text(max_size=8),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(_KEYS, children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_KEYS, _VALUES, max_size=8))
def test_arbitrary_toml_data_only_raises_questionnaire_error(data: dict[str, Any]) -> None:
    try:
        load_from_text(dump_toml(data), "generated.toml")
    except QuestionnaireError as error:
        assert error.problems
