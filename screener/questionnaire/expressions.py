"""The XLSForm condition subset used by ``relevant`` and ``constraint``: our own parser, no eval.

Grammar (lowest precedence first)::

    expr     := and_expr ("or" and_expr)*
    and_expr := cmp ("and" cmp)*
    cmp      := primary (("=" | "!=" | "<" | "<=" | ">" | ">=") primary)?
    primary  := "${" name "}" | "." | string | number | "(" expr ")"
              | "not(" expr ")" | "selected(" expr "," expr ")" | "count-selected(" expr ")"

Evaluation follows XLSForm's forgiving rules: an unanswered item reads as the empty string, a
number and a numeric string compare as numbers, and ordering against an empty value is false.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from screener.errors import ExpressionError
from screener.i18n import _
from screener.interview.values import is_empty
from screener.questionnaire.expr_syntax import (
    NAME_RE,
    BoolOp,
    Compare,
    CountSelected,
    Current,
    Expr,
    Literal,
    Not,
    Ref,
    Selected,
    Token,
    _error,
    tokenize,
)

__all__ = [
    "NAME_RE",
    "BoolOp",
    "Compare",
    "CountSelected",
    "Current",
    "Expr",
    "Literal",
    "Not",
    "Ref",
    "Selected",
    "condition_holds",
    "evaluate",
    "holds",
    "parse",
    "references",
    "truthy",
    "uses_current",
]

MAX_DEPTH = 40  # nesting deeper than this is an authoring mistake; it also guards the stack
MAX_LENGTH = 2000
FUNCTIONS = ("not", "selected", "count-selected")


# --- parser ---------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind != "end":
            self.pos += 1
        return token

    def is_word(self, word: str) -> bool:
        return self.token.kind == "word" and self.token.text == word

    def expect(self, kind: str, what: str) -> Token:
        if self.token.kind != kind:
            raise _error(
                _("expected {what} but found {found}").format(what=what, found=self.describe()),
                self.token.column,
            )
        return self.advance()

    def describe(self) -> str:
        return _("the end") if self.token.kind == "end" else f"'{self.token.text}'"

    def parse(self) -> Expr:
        if self.token.kind == "end":
            raise _error(_("the condition is empty"), 1)
        expr = self.or_expr()
        if self.token.kind != "end":
            raise _error(
                _("unexpected {found}; join conditions with 'and' or 'or'").format(
                    found=self.describe()
                ),
                self.token.column,
            )
        return expr

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _error(_("the condition is nested too deeply"), self.token.column)

    def or_expr(self) -> Expr:
        self.nested()
        operands = [self.and_expr()]
        while self.is_word("or"):
            self.advance()
            operands.append(self.and_expr())
        self.depth -= 1
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def and_expr(self) -> Expr:
        operands = [self.comparison()]
        while self.is_word("and"):
            self.advance()
            operands.append(self.comparison())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def comparison(self) -> Expr:
        left = self.primary()
        if self.token.kind != "op":
            return left
        op = self.advance().text
        right = self.primary()
        if self.token.kind == "op":
            raise _error(
                _("comparisons cannot be chained; join them with 'and'"), self.token.column
            )
        return Compare(op, left, right)

    def primary(self) -> Expr:
        token = self.token
        if token.kind == "ref":
            self.advance()
            return Ref(str(token.value))
        if token.kind == "dot":
            self.advance()
            return Current()
        if token.kind in ("str", "num"):
            self.advance()
            return Literal(token.value)
        if token.kind == "lparen":
            self.advance()
            inner = self.or_expr()
            self.expect("rparen", "')'")
            return inner
        if token.kind == "word":
            return self.function()
        raise _error(
            _("expected a value, ${{name}}, '.' or '(' but found {found}").format(
                found=self.describe()
            ),
            token.column,
        )

    def function(self) -> Expr:
        token = self.advance()
        name = token.text
        if self.token.kind != "lparen":
            if name in ("and", "or"):
                raise _error(
                    _("'{word}' needs a condition before it").format(word=name), token.column
                )
            raise _error(
                _(
                    "unknown word '{word}'; write ${{{word}}} to use an item's answer, "
                    "or quote text: '{word}'"
                ).format(word=name),
                token.column,
            )
        if name not in FUNCTIONS:
            raise _error(
                _("unknown function '{name}'; known: {known}").format(
                    name=name, known=", ".join(FUNCTIONS)
                ),
                token.column,
            )
        self.advance()
        if name == "not":
            result: Expr = Not(self.or_expr())
        elif name == "selected":
            target = self.or_expr()
            self.expect("comma", _("',' between the arguments of selected()"))
            result = Selected(target, self.or_expr())
        else:
            result = CountSelected(self.or_expr())
        self.expect("rparen", "')'")
        return result


@lru_cache(maxsize=1024)
def parse(text: str) -> Expr:
    """Parse ``text`` into a tree; raises ExpressionError naming the column of the mistake."""
    if not isinstance(text, str):
        raise ExpressionError(_("a condition must be text"))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(_("the condition is too long"))
    return _Parser(text).parse()


# --- evaluation -----------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            number = float(stripped)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(part) for part in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and not (isinstance(value, float) and math.isnan(value))
    return not is_empty(value)


def _compare(op: str, left: Any, right: Any) -> bool:
    if op in ("=", "!="):
        lnum, rnum = _number(left), _number(right)
        if lnum is not None and rnum is not None:
            equal = lnum == rnum
        else:
            equal = _as_text(left) == _as_text(right)
        return equal if op == "=" else not equal
    if is_empty(left) or is_empty(right):
        return False
    lnum, rnum = _number(left), _number(right)
    if lnum is not None and rnum is not None:
        a: Any = lnum
        b: Any = rnum
    elif lnum is None and rnum is None:
        a, b = _as_text(left), _as_text(right)  # ISO dates order correctly as text
    else:
        return False
    if op == "<":
        return bool(a < b)
    if op == "<=":
        return bool(a <= b)
    if op == ">":
        return bool(a > b)
    return bool(a >= b)


def _selection(value: Any) -> list[str]:
    if is_empty(value):
        return []
    if isinstance(value, list | tuple):
        return [_as_text(part) for part in value]
    return _as_text(value).split()


def evaluate(expr: Expr, values: Mapping[str, Any], current: Any = None) -> Any:
    """The value of ``expr``; never raises for any answers (unanswered reads as "")."""
    if isinstance(expr, Literal):
        return expr.value
    if isinstance(expr, Ref):
        value = values.get(expr.name)
        return "" if value is None else value
    if isinstance(expr, Current):
        return "" if current is None else current
    if isinstance(expr, Compare):
        left = evaluate(expr.left, values, current)
        right = evaluate(expr.right, values, current)
        return _compare(expr.op, left, right)
    if isinstance(expr, BoolOp):
        if expr.op == "and":
            return all(truthy(evaluate(part, values, current)) for part in expr.operands)
        return any(truthy(evaluate(part, values, current)) for part in expr.operands)
    if isinstance(expr, Not):
        return not truthy(evaluate(expr.operand, values, current))
    if isinstance(expr, Selected):
        target = evaluate(expr.target, values, current)
        wanted = _as_text(evaluate(expr.value, values, current))
        if isinstance(target, str) and target == wanted and wanted:
            return True
        return wanted in _selection(target)
    if isinstance(expr, CountSelected):
        return len(_selection(evaluate(expr.target, values, current)))
    raise TypeError(f"not an expression: {expr!r}")  # pragma: no cover


def holds(expr: Expr, values: Mapping[str, Any], current: Any = None) -> bool:
    """Whether ``expr`` is true for these answers."""
    return truthy(evaluate(expr, values, current))


def references(expr: Expr) -> set[str]:
    """Every item name the expression reads."""
    if isinstance(expr, Ref):
        return {expr.name}
    if isinstance(expr, Compare):
        return references(expr.left) | references(expr.right)
    if isinstance(expr, BoolOp):
        return set().union(*(references(part) for part in expr.operands))
    if isinstance(expr, Not):
        return references(expr.operand)
    if isinstance(expr, Selected):
        return references(expr.target) | references(expr.value)
    if isinstance(expr, CountSelected):
        return references(expr.target)
    return set()


def uses_current(expr: Expr) -> bool:
    """Whether ``.`` appears (only meaningful in a constraint)."""
    if isinstance(expr, Current):
        return True
    if isinstance(expr, Compare):
        return uses_current(expr.left) or uses_current(expr.right)
    if isinstance(expr, BoolOp):
        return any(uses_current(part) for part in expr.operands)
    if isinstance(expr, Not):
        return uses_current(expr.operand)
    if isinstance(expr, Selected):
        return uses_current(expr.target) or uses_current(expr.value)
    if isinstance(expr, CountSelected):
        return uses_current(expr.target)
    return False


def condition_holds(text: str | None, values: Mapping[str, Any], current: Any = None) -> bool:
    """``text`` parsed (cached) and evaluated; no condition, or one that does not parse, holds.

    A broken condition is the linter's to report; during an interview it must never hide a
    question or block an answer.
    """
    if not text or not text.strip():
        return True
    try:
        expr = parse(text)
    except ExpressionError:
        return True
    return holds(expr, values, current)
