"""The tree and the tokens of a condition; the parser and evaluation are in ``expressions``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from screener.errors import ExpressionError
from screener.i18n import _

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
# ASCII digits only: "²" passes str.isdigit and "٣" matches \d, neither is a number here.
_NUMBER_RE = re.compile(r"[0-9]+(\.[0-9]+)?|\.[0-9]+")
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")

# --- the tree -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Current:
    """``.``: the value being checked by a constraint."""


@dataclass(frozen=True)
class Literal:
    value: str | int | float


@dataclass(frozen=True)
class Compare:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    operand: Expr


@dataclass(frozen=True)
class Selected:
    target: Expr
    value: Expr


@dataclass(frozen=True)
class CountSelected:
    target: Expr


Expr = Ref | Current | Literal | Compare | BoolOp | Not | Selected | CountSelected


# --- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # ref, dot, str, num, op, word, lparen, rparen, comma, end
    text: str
    column: int  # 1-based
    value: Any = None


def _error(message: str, column: int) -> ExpressionError:
    return ExpressionError(_("{message} (column {column})").format(message=message, column=column))


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        col = i + 1
        if ch.isspace():
            i += 1
        elif text.startswith("${", i):
            end = text.find("}", i + 2)
            if end < 0:
                raise _error(_("'${' without a closing '}'"), col)
            name = text[i + 2 : end].strip()
            if not NAME_RE.fullmatch(name):
                raise _error(_("'{name}' is not a valid item name").format(name=name), col)
            tokens.append(Token("ref", text[i : end + 1], col, name))
            i = end + 1
        elif ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise _error(_("text starting with {quote} is not closed").format(quote=ch), col)
            tokens.append(Token("str", text[i : end + 1], col, text[i + 1 : end]))
            i = end + 1
        elif match := _NUMBER_RE.match(text, i):
            raw = match.group()
            number: int | float = float(raw) if "." in raw else int(raw)
            tokens.append(Token("num", raw, col, number))
            i = match.end()
        elif ch == ".":
            tokens.append(Token("dot", ".", col))
            i += 1
        elif text.startswith(("!=", "<=", ">="), i):
            tokens.append(Token("op", text[i : i + 2], col))
            i += 2
        elif text.startswith("==", i):
            raise _error(_("write '=' rather than '=='"), col)
        elif ch in "=<>":
            tokens.append(Token("op", ch, col))
            i += 1
        elif ch == "(":
            tokens.append(Token("lparen", ch, col))
            i += 1
        elif ch == ")":
            tokens.append(Token("rparen", ch, col))
            i += 1
        elif ch == ",":
            tokens.append(Token("comma", ch, col))
            i += 1
        elif ch == "-" and i + 1 < n and text[i + 1].isascii() and text[i + 1].isdigit():
            match = _NUMBER_RE.match(text, i + 1)
            assert match is not None
            raw = match.group()
            negative: int | float = -(float(raw) if "." in raw else int(raw))
            tokens.append(Token("num", "-" + raw, col, negative))
            i = match.end()
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            match = _WORD_RE.match(text, i)
            assert match is not None
            tokens.append(Token("word", match.group(), col, match.group()))
            i = match.end()
        else:
            raise _error(_("unexpected character '{char}'").format(char=ch), col)
    tokens.append(Token("end", "", n + 1))
    return tokens
