"""One story's alignment as a compact record: what the story cache keeps and memory holds.

A story of wire copies holds the same few claims hundreds of times: at 10,000
reports, 702,695 pairs held 320 bytes each as the aligner made them (a float,
a changes tuple and fact comparisons of their own), and read back from a
pickle of those objects they cost 1 s per 80,000 pairs. Here a story is
written as tables of distinct values (scores, edit scripts, fact comparisons,
facts) and one row of table indices per pair; decoding builds each distinct
value once and every pair shares it, so a pair costs its own ``Pair`` object
and little else, and the 80,000 pairs come back in a tenth of the time.

The tables are JSON (it builds data, never code) and the pair rows an array
of unsigned 32-bit integers, both under a digest; ``decode`` checks every
index it follows. ``encode`` refuses what JSON would not give back exactly
(a tuple inside a value, a key that is not text): such a story is kept as the
aligner made it and never cached.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from array import array
from collections.abc import Callable, Sequence
from itertools import chain
from operator import lt
from typing import Any

from newsdiff.core.model import (
    Alignment,
    Article,
    Fact,
    FactComparison,
    Pair,
    Quantity,
    SentenceRef,
    WordChange,
)

MAGIC = b"NDSTORY\x02"  # a record of this module; the pickles of format 1 never start so
_TAGS = ("equal", "replace", "delete", "insert")
_RELATIONS = ("identical", "reworded", "facts-differ")
_COLUMNS = 6  # per pair: left ref, right ref, score, relation and language, changes, facts
_HEAD = struct.Struct("<32sQ")  # the digest, then the length of the JSON tables
_U32 = next(code for code in "IL" if array(code).itemsize == 4)  # "I" on every usual platform


class Shared:
    """The values several stories' pairs hold alike, shared across the stories of one run.

    >>> shared = Shared()
    >>> shared.score(float("0.5")) is shared.score(float("0.5"))
    True
    """

    def __init__(self) -> None:
        self._scores: dict[str, float] = {}
        self._changes: dict[tuple[WordChange, ...], tuple[WordChange, ...]] = {}
        self._texts: dict[str | None, str | None] = {}

    @property
    def text(self) -> Callable[[Any, Any], Any]:
        """``text(s, s)``: a string (or None) as the one object every record of the run gives it.

        Only for fields that hold text or None: a dict would take 1 for True.
        """
        return self._texts.setdefault

    def score(self, value: float) -> float:
        return self._scores.setdefault(repr(value), value)

    def changes(self, value: tuple[WordChange, ...]) -> tuple[WordChange, ...]:
        return self._changes.setdefault(value, value)


class Unfit(ValueError):
    """A value the record cannot give back exactly: the story is not encoded."""


def encode(key: str, alignment: Alignment, members: Sequence[Article]) -> bytes:
    """The record of one story's alignment (``members`` in the order its refs index them).

    >>> from newsdiff.core.model import Sentence
    >>> a = Article("a", "a", "x", "x", None, "de", (Sentence(0, "x", 0, 1),), 1)
    >>> encode("k", Alignment((a,), (), ()), [a]).startswith(MAGIC)
    True
    """
    member = {a.id: k for k, a in enumerate(members)}
    tables = _Tables(member)
    rows = array(_U32)
    for p in alignment.pairs:
        kind = _RELATIONS.index(p.relation) * 2 + (1 if p.cross_language else 0)
        rows.extend(
            (
                tables.ref(p.left),
                tables.ref(p.right),
                tables.score(p.score),
                kind,
                tables.changes(p.changes),
                tables.findings(p.facts),
            )
        )
    clusters = [[tables.ref(r) for r in c] for c in alignment.clusters]
    facts_of = [(tables.ref(r), tables.fact_set(fs)) for r, fs in alignment.facts.items()]
    body = {
        "pairs": len(alignment.pairs),
        "refs": tables.refs,
        "scores": tables.score_rows,
        "changes": tables.change_rows,
        "comparisons": tables.comparison_rows,
        "findings": tables.finding_rows,
        "facts": tables.fact_rows,
        "fact_sets": tables.fact_set_rows,
        "clusters": clusters,
        "facts_of": list(chain.from_iterable(facts_of)),
    }
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    data = text.encode("utf-8", "surrogatepass")
    if sys.byteorder != "little":
        rows.byteswap()
    columns = rows.tobytes()
    return MAGIC + _HEAD.pack(_digest(key, data, columns), len(data)) + data + columns


def decode(
    key: str, record: bytes, members: Sequence[Article], shared: Shared | None = None
) -> Alignment:
    """The alignment a record holds; ``ValueError`` (or another) for anything amiss.

    >>> from newsdiff.core.model import Sentence
    >>> a = Article("a", "a", "x", "x", None, "de", (Sentence(0, "x", 0, 1),), 1)
    >>> decode("k", encode("k", Alignment((a,), (), ()), [a]), [a]).pairs
    ()
    """
    shared = shared or Shared()
    if not record.startswith(MAGIC):
        raise ValueError("not a story record")
    digest, size = _HEAD.unpack_from(record, len(MAGIC))
    start = len(MAGIC) + _HEAD.size
    data, columns = record[start : start + size], record[start + size :]
    if len(data) != size or digest != _digest(key, data, columns):
        raise ValueError("a damaged story record")
    body = json.loads(data.decode("utf-8", "surrogatepass"))
    refs = _refs(body["refs"], members)
    scores = [shared.score(_float(v)) for v in body["scores"]]
    changes = [shared.changes(_word_changes(v)) for v in body["changes"]]
    text = shared.text
    comparisons = [_comparison(v, text) for v in body["comparisons"]]
    findings = [tuple(comparisons[i] for i in _indices(v)) for v in body["findings"]]
    facts = [_fact(v, text) for v in body["facts"]]
    fact_sets = [tuple(facts[i] for i in _indices(v)) for v in body["fact_sets"]]
    rows = array(_U32)
    rows.frombytes(columns)
    if sys.byteorder != "little":
        rows.byteswap()
    n = body["pairs"]
    if len(rows) != n * _COLUMNS:
        raise ValueError("pair rows do not match their count")
    kinds = [(_RELATIONS[k // 2], bool(k % 2)) for k in range(2 * len(_RELATIONS))]
    pairs = tuple(
        Pair(refs[lr], refs[rr], scores[s], kinds[k][0], changes[c], findings[f], kinds[k][1])
        for lr, rr, s, k, c, f in zip(*(rows[i::_COLUMNS] for i in range(_COLUMNS)), strict=True)
    )
    clusters = tuple(tuple(refs[i] for i in _indices(c)) for c in body["clusters"])
    flat = _indices(body["facts_of"])
    facts_of = {refs[flat[k]]: fact_sets[flat[k + 1]] for k in range(0, len(flat), 2)}
    return Alignment(tuple(members), pairs, clusters, facts_of)


class _Tables:
    """The distinct values of one story, each with its index, as ``encode`` meets them."""

    def __init__(self, member: dict[str, int]) -> None:
        self.member = member
        self.refs: list[int] = []
        self._ref: dict[SentenceRef, int] = {}
        self._score: dict[str, int] = {}
        self.score_rows: list[float] = []
        self._changes: dict[int, tuple[tuple[WordChange, ...], int]] = {}
        self._change: dict[str, int] = {}
        self.change_rows: list[list[Any]] = []
        self._comparison: dict[str, int] = {}
        self.comparison_rows: list[list[Any]] = []
        self._findings: dict[int, tuple[tuple[FactComparison, ...], int]] = {}
        self.finding_rows: list[list[int]] = []
        self._fact: dict[str, int] = {}
        self.fact_rows: list[list[Any]] = []
        self._fact_sets: dict[int, tuple[tuple[Fact, ...], int]] = {}
        self.fact_set_rows: list[list[int]] = []

    def ref(self, ref: SentenceRef) -> int:
        found = self._ref.get(ref)
        if found is None:
            if not isinstance(ref.sentence, int) or isinstance(ref.sentence, bool):
                raise Unfit("a passage index that is not an int")
            found = self._ref[ref] = len(self._ref)
            self.refs += (self.member[ref.article], ref.sentence)
        return found

    def score(self, value: float) -> int:
        # keyed by the float's repr, which tells 0.0 from -0.0 (== would not)
        key = repr(_score(value))
        found = self._score.get(key)
        if found is None:
            found = self._score[key] = len(self.score_rows)
            self.score_rows.append(value)
        return found

    def changes(self, changes: tuple[WordChange, ...]) -> int:
        # the aligner shares one edit script among the pairs of one pair of texts
        found = self._changes.get(id(changes))
        if found is None:
            index = self._row(self._change, self.change_rows, _changes(changes))
            found = self._changes[id(changes)] = (changes, index)
        return found[1]

    def findings(self, facts: tuple[FactComparison, ...]) -> int:
        # the aligner shares one tuple among the pairs of one pair of texts: read it once
        found = self._findings.get(id(facts))
        if found is None:
            rows = self.comparison_rows
            row = [self._row(self._comparison, rows, _comparison_row(f)) for f in facts]
            found = self._findings[id(facts)] = (facts, len(self.finding_rows))
            self.finding_rows.append(row)
        return found[1]

    def fact_set(self, facts: tuple[Fact, ...]) -> int:
        found = self._fact_sets.get(id(facts))
        if found is None:
            row = [self._row(self._fact, self.fact_rows, _fact_row(f)) for f in facts]
            found = self._fact_sets[id(facts)] = (facts, len(self.fact_set_rows))
            self.fact_set_rows.append(row)
        return found[1]

    @staticmethod
    def _row(index: dict[str, int], rows: list[list[Any]], row: list[Any]) -> int:
        # keyed by the JSON row, which tells 1 from 1.0 and True (the values would not)
        key = json.dumps(row, ensure_ascii=False)
        found = index.get(key)
        if found is None:
            found = index[key] = len(rows)
            rows.append(row)
        return found


def _digest(key: str, data: bytes, columns: bytes) -> bytes:
    digest = hashlib.blake2b(key.encode(), digest_size=32)
    digest.update(struct.pack("<Q", len(data)))
    digest.update(data)
    digest.update(columns)
    return digest.digest()


def _score(value: float) -> float:
    if type(value) is not float:
        raise Unfit("a score that is not a float")
    return value


def _changes(changes: tuple[WordChange, ...]) -> list[Any]:
    if type(changes) is not tuple:
        raise Unfit("changes that are not a tuple")
    out: list[Any] = []
    for c in changes:
        out += (_TAGS.index(c.tag), c.left_start, c.left_end, c.right_start, c.right_end)
    if not all(type(v) is int for v in out):
        raise Unfit("a change span that is not an int")
    return out


def _comparison_row(f: FactComparison) -> list[Any]:
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


def _fact_row(f: Fact) -> list[Any]:
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


# -- decoding: the digest vouches for the bytes; the shapes are checked as they are read


def _indices(value: Any) -> list[int]:
    # min() also refuses text among the numbers (TypeError); a float fails as an index
    if type(value) is not list or (value and min(value) < 0):
        raise ValueError("a list of indices expected")
    return value  # type: ignore[no-any-return]  # checked just above


def _refs(flat: object, members: Sequence[Article]) -> list[SentenceRef]:
    values = _indices(flat)
    reports, sentences = values[0::2], values[1::2]
    if len(reports) != len(sentences):
        raise ValueError("a ref has two fields")
    sizes = [len(a.sentences) for a in members]
    if not all(map(lt, sentences, map(sizes.__getitem__, reports))):
        raise ValueError("a passage the report does not have")
    ids = [a.id for a in members]
    return list(map(SentenceRef, map(ids.__getitem__, reports), sentences))


def _float(value: object) -> float:
    if type(value) is not float:
        raise ValueError("a score expected")
    return value  # type: ignore[return-value]  # checked just above


def _word_changes(value: object) -> tuple[WordChange, ...]:
    flat = _indices(value)
    if len(flat) % 5:
        raise ValueError("a change has five fields")
    return tuple(
        WordChange(_TAGS[flat[k]], flat[k + 1], flat[k + 2], flat[k + 3], flat[k + 4])  # type: ignore[arg-type]  # a tag of _TAGS
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


def _comparison(value: Any, text: Callable[[Any, Any], Any]) -> FactComparison:
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


def _fact(value: Any, text: Callable[[Any, Any], Any]) -> Fact:
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
