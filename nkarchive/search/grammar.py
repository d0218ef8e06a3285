"""The search language: words, "phrases", field:value, and/or/not/-, parentheses → a syntax tree.

Errors are `QuerySyntaxError(message, column)`, the column counted from 1 in the query as typed.
The grammar (docs/search.md has it for users):

    query  := or
    or     := and ("or" and)*
    and    := unary (["and"] unary)*
    unary  := ("not" | "-") unary | "(" or ")" | term
    term   := [field ":"] (word | "phrase")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from nkarchive.model import vocab
from nkarchive.model.vocab import Vocabulary
from nkarchive.search.dates import FIRST_YEAR, LAST_YEAR


class QuerySyntaxError(ValueError):
    """A query the grammar does not accept; `column` (from 1) says where."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} (at column {column})")
        self.message = message
        self.column = column


# -- the syntax tree ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """Words to find: free (field None) or in one field; a phrase keeps its words together."""

    field: str | None
    text: str
    phrase: bool
    column: int
    prefix: bool = False  # the last word while typing: also matches longer words


@dataclass(frozen=True)
class Years:
    """year:…, an inclusive range of ISO days (either end may be open)."""

    lower: str | None
    upper: str | None
    column: int


@dataclass(frozen=True)
class Codes:
    """A field whose value is a code from a vocabulary (event type, source class, ...)."""

    field: str
    codes: tuple[str, ...]
    column: int


@dataclass(frozen=True)
class Fact:
    """has:fact (present=True) or missing:fact (present=False)."""

    fact: str
    present: bool
    column: int


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Leaf = Words | Years | Codes | Fact
Node = Words | Years | Codes | Fact | And | Or | Not

# -- fields ------------------------------------------------------------------------------------

ValueKind = Literal["words", "year", "codes", "country", "fact"]

TEXT_FIELDS: dict[str, str] = {
    "title": "a title, in any script or romanization",
    "person": "anyone credited on a work (or a person's name, or a source's author)",
    "studio": "a studio or other company credited on a work",
    "place": "where an event happened, or where a source was published",
    "source": "a source's title, author or container; other records: cited by such a source",
    "tag": "a work's genre or subject",
    "notes": "notes, synopses, abstracts",
    "excerpt": "the excerpt, translation or note of a citation",
}
ROLE_ALIASES: dict[str, str] = {"writer": "screenwriter", "actor": "cast", "music": "composer"}
FIELD_KINDS: dict[str, ValueKind] = {
    **dict.fromkeys(TEXT_FIELDS, "words"),
    **dict.fromkeys(vocab.ROLES.codes(), "words"),
    **dict.fromkeys(ROLE_ALIASES, "words"),
    "year": "year", "event": "codes", "class": "codes", "confidence": "codes",
    "country": "country", "has": "fact", "missing": "fact",
}  # fmt: skip
CODE_VOCABULARIES: dict[str, Vocabulary] = {
    "event": vocab.EVENT_TYPES, "class": vocab.SOURCE_CLASSES, "confidence": vocab.CONFIDENCES,
}  # fmt: skip
FACTS: dict[str, str] = {
    "citation": "at least one citation backs the record (also has:source)",
    "source": "the same as citation",
    "hangul": "a title or name written in Hangul",
    "year": "a date (production year, event date, source date)",
    "title": "a work with at least one title",
    "credit": "a work with at least one credit",
    "director": "a work with a director credited",
    "place": "an event with a place or venue",
    "attachment": "a work or source with an attached file",
}

KEYWORDS = {"and", "or", "not"}
_FIELD = re.compile(r"([A-Za-z_]+):")
_YEAR = re.compile(r"^\d{1,4}$")
_BREAK = set(' \t\n\r\f\v()"')


# -- lexing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: Literal["(", ")", "and", "or", "not", "-", "term"]
    column: int
    field: str | None = None
    field_column: int = 0
    text: str = ""
    quoted: bool = False
    at_end: bool = False  # the last thing typed, with nothing after it


def _lex(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            tokens.append(_Token(ch, i + 1))  # type: ignore[arg-type]
            i += 1
            continue
        if ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] not in "()-":
            tokens.append(_Token("-", i + 1))
            i += 1
            continue
        field: str | None = None
        field_column = 0
        match = _FIELD.match(query, i)
        if match and (i == 0 or query[i - 1] in _BREAK or query[i - 1] == "-"):
            name = match.group(1).lower()
            if name not in FIELD_KINDS:
                known = ", ".join(sorted(FIELD_KINDS))
                raise QuerySyntaxError(
                    f"unknown field “{match.group(1)}:” (known fields: {known})", i + 1
                )
            field, field_column = name, i + 1
            i = match.end()
            if i >= n or query[i].isspace() or query[i] in "()":
                raise QuerySyntaxError(f"“{name}:” needs a value after the colon", field_column)
        start = i
        if query[i] == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError('unclosed quote: a phrase needs a closing "', i + 1)
            tokens.append(
                _Token(
                    "term",
                    start + 1,
                    field,
                    field_column or start + 1,
                    query[i + 1 : end],
                    True,
                    end + 1 == n,
                )
            )
            i = end + 1
            continue
        while i < n and query[i] not in _BREAK:
            i += 1
        word = query[start:i]
        if field is None and word.lower() in KEYWORDS:
            tokens.append(_Token(word.lower(), start + 1))  # type: ignore[arg-type]
            continue
        tokens.append(
            _Token("term", start + 1, field, field_column or start + 1, word, False, i == n)
        )
    return tokens


# -- parsing -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token], end_column: int, while_typing: bool) -> None:
        self.tokens = tokens
        self.position = 0
        self.end_column = end_column
        self.while_typing = while_typing

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise QuerySyntaxError("“)” has no “(” to close", extra.column)
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            self._need_term_after(token, "or")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            if token.kind == "and":
                self.take()
                self._need_term_after(token, "and")
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def _need_term_after(self, token: _Token, word: str) -> None:
        following = self.peek()
        if following is None or following.kind in (")", "and", "or"):
            raise QuerySyntaxError(f"“{word}” needs something to search for after it", token.column)

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError(
                "the query ends where a search term was expected", self.end_column
            )
        if token.kind in ("not", "-"):
            self.take()
            following = self.peek()
            if following is None or following.kind in (")", "and", "or"):
                raise QuerySyntaxError(
                    f"“{'not' if token.kind == 'not' else '-'}” needs a term after it", token.column
                )
            return Not(self.parse_unary())
        if token.kind == "(":
            self.take()
            if (following := self.peek()) is not None and following.kind == ")":
                raise QuerySyntaxError("empty parentheses", token.column)
            if following is None:
                raise QuerySyntaxError(
                    "unclosed parenthesis: “(” needs a closing “)”", token.column
                )
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError(
                    "unclosed parenthesis: “(” needs a closing “)”", token.column
                )
            self.take()
            return node
        if token.kind == ")":
            raise QuerySyntaxError("“)” has no “(” to close", token.column)
        if token.kind in ("and", "or"):
            raise QuerySyntaxError(
                f"“{token.kind}” needs something to search for before it", token.column
            )
        self.take()
        return _leaf(token, prefix=self.while_typing and token.at_end and not token.quoted)


def _leaf(token: _Token, *, prefix: bool) -> Leaf:
    field = token.field
    if field is None:
        return Words(None, token.text, token.quoted, token.column, prefix)
    value, column = token.text.strip(), token.column
    if not value:
        raise QuerySyntaxError(f"“{field}:” needs a value", token.field_column)
    match FIELD_KINDS[field]:
        case "words":
            return Words(ROLE_ALIASES.get(field, field), token.text, token.quoted, column, prefix)
        case "year":
            return _years(value, column)
        case "country":
            if not re.fullmatch(r"[A-Za-z]{2}", value):
                raise QuerySyntaxError(
                    f"“{value}” is not a two-letter country code such as KP or CS", column
                )
            return Codes("country", (value.upper(),), column)
        case "codes":
            return Codes(field, _codes(field, value, column), column)
        case "fact":
            fact = value.lower()
            if fact not in FACTS:
                raise QuerySyntaxError(
                    f"“{field}:{value}” is not something nkarchive can look for "
                    f"(one of: {', '.join(FACTS)})",
                    column,
                )
            return Fact("citation" if fact == "source" else fact, field == "has", column)
    raise AssertionError(field)


def _codes(field: str, value: str, column: int) -> tuple[str, ...]:
    """The vocabulary codes a value names: the code itself, or codes or labels it begins."""
    vocabulary = CODE_VOCABULARIES[field]
    wanted = " ".join(re.split(r"[\s_\-]+", value.casefold())).strip()
    found = tuple(
        code for code in vocabulary
        if any(form.startswith(wanted) or f" {wanted}" in f" {form}"
               for form in (code.replace("_", " ").replace("-", " "), vocabulary.label(code).casefold()))
    )  # fmt: skip
    if not found:
        raise QuerySyntaxError(
            f"“{value}” is not a known {vocabulary.name} (one of: {', '.join(vocabulary.codes())})",
            column,
        )
    return found


def _years(value: str, column: int) -> Years:
    hint = "a year is written 1985, 1980..1989, 1980.., ..1989, >1980, >=1980, <1990 or <=1990"
    comparison = re.fullmatch(r"(>=|<=|>|<)(\d{1,4})", value)
    if comparison:
        operator, year = comparison.group(1), int(comparison.group(2))
        if operator == ">":
            return _within_years(year + 1, None, value, column)
        if operator == ">=":
            return _within_years(year, None, value, column)
        if operator == "<":
            return _within_years(None, year - 1, value, column)
        return _within_years(None, year, value, column)
    span = re.fullmatch(r"(\d{1,4})?(?:\.\.|-)(\d{1,4})?", value)
    if span and (span.group(1) or span.group(2)):
        low, high = span.group(1), span.group(2)
        if low and high and int(low) > int(high):
            raise QuerySyntaxError(f"the range {value} ends before it starts", column)
        return _within_years(int(low) if low else None, int(high) if high else None, value, column)
    if _YEAR.match(value):
        return _within_years(int(value), int(value), value, column)
    raise QuerySyntaxError(f"“year:{value}”: {hint}", column)


def _within_years(low: int | None, high: int | None, value: str, column: int) -> Years:
    """The years low..high (None: open) as far as dates reach; a range beyond them, which no
    date can meet (`year:0`, `year:>9999`), is an error that says so."""
    if (low is not None and low > LAST_YEAR) or (high is not None and high < FIRST_YEAR):
        raise QuerySyntaxError(
            f"“year:{value}”: dates run from the year {FIRST_YEAR} to {LAST_YEAR}", column
        )
    return Years(
        None if low is None else f"{max(low, FIRST_YEAR):04d}-01-01",
        None if high is None else f"{min(high, LAST_YEAR):04d}-12-31",
        column,
    )


def parse(query: str, *, while_typing: bool = False) -> Node | None:
    """The syntax tree of `query`, or None for an empty query. With `while_typing`, the last
    unquoted word at the very end also matches longer words (as the search box wants)."""
    if not isinstance(query, str):
        raise TypeError("a query is text")
    tokens = _lex(query)
    return _Parser(tokens, len(query) + 1, while_typing).parse()


def leaves(node: Node | None) -> list[Leaf]:
    """Every leaf of a tree, in order."""
    if node is None:
        return []
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in leaves(item)]
    if isinstance(node, Not):
        return leaves(node.item)
    return [node]
