"""The model's values as the JSON rows of a story record, and back (``story_format``).

Writing refuses what JSON would not give back exactly (``Unfit``: a tuple
inside a value, a key that is not text); reading trusts the bytes the
record's digest vouches for and checks the shapes as it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import lt
from typing import Any

from newsdiff.core.model import Article, Fact, FactComparison, Quantity, SentenceRef, WordChange

TAGS = ("equal", "replace", "delete", "insert")


class Unfit(ValueError):
    """A value the record cannot give back exactly: the story is not encoded."""


def score_row(value: float) -> float:
    if type(value) is not float:
        raise Unfit("a score that is not a float")
    return value


def changes_row(changes: tuple[WordChange, ...]) -> list[Any]:
    if type(changes) is not tuple:
        raise Unfit("changes that are not a tuple")
    out: list[Any] = []
    for c in changes:
        out += (TAGS.index(c.tag), c.left_start, c.left_end, c.right_start, c.right_end)
    if not all(type(v) is int for v in out):
        raise Unfit("a change span that is not an int")
    return out


def comparison_row(f: FactComparison) -> list[Any]:
    return [
        f.kind,
        f.status,
        _scalar(f.left),
        _scalar(f.right),
        _value(f.left_value),
        _value(f.right_value),
        _span(f.left_span),
        _span(f.right_span),
        _scalar(f.note),
    ]


def fact_row(f: Fact) -> list[Any]:
    return [
        f.kind,
        _scalar(f.text),
        _int(f.start),
        _int(f.end),
        _value(f.value),
        _scalar(f.qualifier),
        _scalar(f.noun),
        _scalar(f.speaker),
    ]


def _scalar(value: object) -> object:
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise Unfit(f"a {type(value).__name__} where a scalar was expected")


def _int(value: object) -> int:
    if type(value) is not int:
        raise Unfit("an offset that is not an int")
    return value  # type: ignore[return-value]  # checked just above


def _span(span: object) -> object:
    if span is None:
        return None
    if type(span) is tuple and len(span) == 2:
        return [_int(span[0]), _int(span[1])]
    raise Unfit("a span that is not two ints")


def _value(value: object) -> object:
    """A fact's value: a scalar as itself, a mapping as {"d": ...}, a quantity as {"q": [...]}."""
    if isinstance(value, Quantity):
        q = value
        fields = (q.low, q.high, q.qualifier, q.noun, q.measure, q.additional, q.per_unit)
        return {"q": [_scalar(v) for v in fields]}
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise Unfit("a mapping with keys that are not text")
        return {"d": {k: _scalar(v) for k, v in value.items()}}
    return _scalar(value)


# -- reading: the digest vouches for the bytes; the shapes are checked as they are read


def indices(value: Any) -> list[int]:
    # min() also refuses text among the numbers (TypeError); a float fails as an index
    if type(value) is not list or (value and min(value) < 0):
        raise ValueError("a list of indices expected")
    return value  # type: ignore[no-any-return]  # checked just above


def refs_of(flat: object, members: Sequence[Article]) -> list[SentenceRef]:
    values = indices(flat)
    reports, sentences = values[0::2], values[1::2]
    if len(reports) != len(sentences):
        raise ValueError("a ref has two fields")
    sizes = [len(a.sentences) for a in members]
    if not all(map(lt, sentences, map(sizes.__getitem__, reports))):
        raise ValueError("a passage the report does not have")
    ids = [a.id for a in members]
    return list(map(SentenceRef, map(ids.__getitem__, reports), sentences))


def score_of(value: object) -> float:
    if type(value) is not float:
        raise ValueError("a score expected")
    return value  # type: ignore[return-value]  # checked just above


def word_changes_of(value: object) -> tuple[WordChange, ...]:
    flat = indices(value)
    if len(flat) % 5:
        raise ValueError("a change has five fields")
    return tuple(
        WordChange(TAGS[flat[k]], flat[k + 1], flat[k + 2], flat[k + 3], flat[k + 4])  # type: ignore[arg-type]  # a tag of TAGS
        for k in range(0, len(flat), 5)
    )


def _decoded_value(value: Any, text: Callable[[Any, Any], Any]) -> object:
    if type(value) is str:
        return text(value, value)
    if type(value) is not dict:
        return value
    if "q" in value:
        low, high, qualifier, noun, measure, additional, per_unit = value["q"]
        return Quantity(
            low, high, text(qualifier, qualifier), text(noun, noun), text(measure, measure),
            additional, per_unit,
        )  # fmt: skip
    return {k: text(v, v) if type(v) is str else v for k, v in value["d"].items()}


def comparison_of(value: Any, text: Callable[[Any, Any], Any]) -> FactComparison:
    kind, status, left, right, lv, rv, ls, rs, note = value
    return FactComparison(
        text(kind, kind),
        text(status, status),
        text(left, left),
        text(right, right),
        _decoded_value(lv, text),
        _decoded_value(rv, text),
        None if ls is None else (ls[0], ls[1]),
        None if rs is None else (rs[0], rs[1]),
        text(note, note),
    )


def fact_of(value: Any, text: Callable[[Any, Any], Any]) -> Fact:
    kind, words, start, end, fact_value, qualifier, noun, speaker = value
    return Fact(
        text(kind, kind),
        text(words, words),
        start,
        end,
        _decoded_value(fact_value, text),
        text(qualifier, qualifier),
        text(noun, noun),
        text(speaker, speaker),
    )
