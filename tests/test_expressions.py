"""The condition language: parsing, errors with columns, XLSForm-like evaluation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.errors import ExpressionError
from screener.questionnaire.expressions import (
    Compare,
    Current,
    Literal,
    Ref,
    evaluate,
    holds,
    parse,
    references,
)

pytestmark = pytest.mark.usefixtures("english")


def check(text: str, values: dict[str, object] | None = None, current: object = None) -> bool:
    return holds(parse(text), values or {}, current)


def test_parse_tree() -> None:
    assert parse("${age} >= 18") == Compare(">=", Ref("age"), Literal(18))
    assert parse(". < 2.5") == Compare("<", Current(), Literal(2.5))
    assert parse("'a' = \"a\"") == Compare("=", Literal("a"), Literal("a"))


def test_parse_is_cached() -> None:
    assert parse("${x} = 1") is parse("${x} = 1")


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("${a} = 'yes'", {"a": "yes"}, True),
        ("${a} = 'yes'", {"a": "no"}, False),
        ("${a} = 'yes'", {}, False),
        ("${a} != 'yes'", {}, True),
        ("${a} = ''", {"a": None}, True),
        ("${n} = 5", {"n": "5"}, True),
        ("${n} = '5'", {"n": 5}, True),
        ("${n} > 10", {"n": "9"}, False),  # numerically, not as text
        ("${n} > 10", {"n": 11}, True),
        ("${n} < 10", {}, False),  # empty never orders
        ("${n} >= 0", {"n": ""}, False),
        ("${d} < '2024-01-01'", {"d": "2023-12-31"}, True),
        ("${x} > 3", {"x": "abc"}, False),
        ("${a} = 1 and ${b} = 2", {"a": 1, "b": 2}, True),
        ("${a} = 1 and ${b} = 2", {"a": 1, "b": 3}, False),
        ("${a} = 1 or ${b} = 2", {"a": 0, "b": 2}, True),
        ("not(${a} = 1)", {"a": 2}, True),
        ("not(${a})", {}, True),
        ("(${a} = 1 or ${a} = 2) and not(${b} = 'x')", {"a": 2, "b": "y"}, True),
        ("selected(${m}, 'ar')", {"m": ["ar", "fa"]}, True),
        ("selected(${m}, 'ku')", {"m": ["ar", "fa"]}, False),
        ("selected(${m}, 'ar')", {}, False),
        ("selected(${s}, 'ar')", {"s": "ar"}, True),
        ("selected(${s}, 'a')", {"s": "ar"}, False),
        ("count-selected(${m}) >= 2", {"m": ["ar", "fa"]}, True),
        ("count-selected(${m}) = 0", {}, True),
        ("${a} = -1", {"a": -1}, True),
    ],
)
def test_evaluate(text: str, values: dict[str, object], expected: bool) -> None:
    assert check(text, values) is expected


def test_current_value() -> None:
    assert check(". >= 0 and . <= 40", {}, 12)
    assert not check(". >= 0 and . <= 40", {}, 41)
    assert not check(". > 0", {}, None)
    assert check("count-selected(.) >= 2", {}, ["a", "b"])


def test_evaluate_values() -> None:
    assert evaluate(parse("count-selected(${m})"), {"m": ["a", "b", "c"]}) == 3
    assert evaluate(parse("${missing}"), {}) == ""


def test_references() -> None:
    expr = parse("selected(${a}, 'x') and (${b} = 1 or count-selected(${c}) > 0) and . > 1")
    assert references(expr) == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("text", "fragment", "column"),
    [
        ("", "empty", 1),
        ("${a} == 1", "'='", 6),
        ("${a", "closing", 1),
        ("(${a} = 1", "')'", 10),
        ("${a} = 'x", "not closed", 8),
        ("age > 3", "${age}", 1),
        ("${a} = 1 ${b} = 2", "'and' or 'or'", 10),
        ("${a} < 1 < 2", "chained", 10),
        ("foo(1)", "unknown function", 1),
        ("${a} = 1 and", "found the end", 13),
        ("${a} # 1", "unexpected character", 6),
        ("selected(${a} 'x')", "','", 15),
        ("${my item} = 1", "not a valid item name", 1),
    ],
)
def test_parse_errors(text: str, fragment: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    message = str(caught.value)
    assert fragment in message
    assert f"(column {column})" in message


def test_digits_other_than_ascii_are_not_numbers() -> None:
    """A superscript two passes ``str.isdigit``: it reached the number reader and failed."""
    for text in (".²", "²", "1²", "${a} = ٣"):
        with pytest.raises(ExpressionError):
            parse(text)


def test_deep_nesting_is_an_expression_error() -> None:
    for depth in (10, 39):
        assert check("not(" * depth + "1 = 1" + ")" * depth) is (depth % 2 == 0)
    for text in ("not(" * 300 + "1" + ")" * 300, "(" * 900 + "1" + ")" * 900):
        with pytest.raises(ExpressionError, match="nested too deeply"):
            parse(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_only_raises_expression_error(text: str) -> None:
    try:
        expr = parse(text)
    except ExpressionError:
        return
    holds(expr, {}, None)


_ATOMS = st.sampled_from(["${a}", "${b}", ".", "'x'", "1", "2.5", "''", "-3"])


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, st.sampled_from(["=", "!=", "<", "<=", ">", ">="]), children).map(
            " ".join
        ),
        st.tuples(children, st.sampled_from(["and", "or"]), children).map(" ".join),
        children.map(lambda inner: f"not({inner})"),
        children.map(lambda inner: f"({inner})"),
        children.map(lambda inner: f"count-selected({inner})"),
        st.tuples(children, children).map(lambda pair: f"selected({pair[0]}, {pair[1]})"),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(_ATOMS, _combine, max_leaves=30),
    st.integers(min_value=0, max_value=80),
    st.dictionaries(
        st.sampled_from(["a", "b"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.text(max_size=3))),
    ),
)
def test_generated_expressions_parse_or_fail_cleanly(
    text: str, wrap: int, values: dict[str, object]
) -> None:
    text = "not(" * wrap + text + ")" * wrap
    try:
        expr = parse(text)
    except ExpressionError:
        return
    assert isinstance(holds(expr, values, current=values.get("a")), bool)
