"""One story's alignment as a compact record: what the story cache keeps and memory holds.

A story of wire copies holds the same few claims hundreds of times, and the
aligner gives each pair a float, an edit script and fact comparisons of its
own: at 10,000 reports 702,695 pairs took about 320 bytes each, and read back
from a pickle of those objects 80,000 pairs cost about 1 s. Here a story is
written as tables of distinct values (scores, edit scripts, fact comparisons,
facts) and one row of table indices per pair; decoding builds each distinct
value once and every pair shares it, so a pair costs its own ``Pair`` object
and little else. bench_memory_scale.py, against bcae08e (pickles): the warm
alignment of the 10,000-report mix peaks at 314 MB instead of 465 and takes
0.47x the time, its cold run 674 MB instead of 788; same pairs, clusters and
facts.

The tables are JSON (it builds data, never code) and the pair rows an array
of unsigned 32-bit integers, both under a digest; ``decode`` follows only
indices into its own tables and the members' passages. Writing refuses what
JSON would not give back exactly (``story_rows.Unfit``): such a story is
kept as the aligner made it and never cached. The digest is no secret, so a
record is data, not trust, as the article cache's entries are: every text in
it must be clean (``language.sanitize``) and every fact's words the words its
span covers in the members' passage; a record that fails is recomputed.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from array import array
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

from newsdiff.core.language.sanitize import is_clean
from newsdiff.core.matching.story_rows import (
    Unfit,
    changes_row,
    comparison_of,
    comparison_row,
    fact_of,
    fact_row,
    indices,
    refs_of,
    score_of,
    score_row,
    word_changes_of,
)
from newsdiff.core.model import (
    Alignment,
    Article,
    Fact,
    FactComparison,
    Pair,
    SentenceRef,
    WordChange,
)

MAGIC = b"NDSTORY\x02"  # a record of this module; the pickles of format 1 never start so
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
    refs = refs_of(body["refs"], members)
    scores = [shared.score(score_of(v)) for v in body["scores"]]
    changes = [shared.changes(word_changes_of(v)) for v in body["changes"]]
    text = _clean_text(shared.text)
    comparisons = [comparison_of(v, text) for v in body["comparisons"]]
    findings = [tuple(comparisons[i] for i in indices(v)) for v in body["findings"]]
    facts = [fact_of(v, text) for v in body["facts"]]
    fact_sets = [tuple(facts[i] for i in indices(v)) for v in body["fact_sets"]]
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
    clusters = tuple(tuple(refs[i] for i in indices(c)) for c in body["clusters"])
    flat = indices(body["facts_of"])
    facts_of = {refs[flat[k]]: fact_sets[flat[k + 1]] for k in range(0, len(flat), 2)}
    _check_words(members, refs, rows, findings, facts_of)
    return Alignment(tuple(members), pairs, clusters, facts_of)


def _clean_text(text: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``text`` refusing a string the sanitiser would change (an escape, an RLO)."""

    def checked(value: Any, default: Any) -> Any:
        if type(value) is str and not is_clean(value):
            raise ValueError("a text that is not clean")
        return text(value, default)

    return checked


def _check_words(
    members: Sequence[Article],
    refs: Sequence[SentenceRef],
    rows: array[int],
    findings: Sequence[tuple[FactComparison, ...]],
    facts_of: dict[SentenceRef, tuple[Fact, ...]],
) -> None:
    """``ValueError`` unless each fact's words are what its span covers in its passage.

    A pair's fact comparisons are checked once per passage and comparison set
    (wire copies share them), each passage's facts once.
    """
    passages = {a.id: a.sentences for a in members}

    def words(ref: SentenceRef, span: tuple[int, int]) -> str:
        return passages[ref.article][ref.sentence].text[span[0] : span[1]]

    for ref, facts in facts_of.items():
        if any(words(ref, (f.start, f.end)) != f.text for f in facts):
            raise ValueError("a fact the passage does not hold")
    seen: set[tuple[int, int, bool]] = set()
    columns = (rows[0::_COLUMNS], rows[1::_COLUMNS], rows[5::_COLUMNS])
    for left, right, found in zip(*columns, strict=True):
        for side, left_side in ((left, True), (right, False)):
            if (side, found, left_side) in seen:
                continue
            seen.add((side, found, left_side))
            for c in findings[found]:
                said, span = (c.left, c.left_span) if left_side else (c.right, c.right_span)
                if said is not None and (span is None or words(refs[side], span) != said):
                    raise ValueError("a fact the passage does not hold")


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
        key = repr(score_row(value))
        found = self._score.get(key)
        if found is None:
            found = self._score[key] = len(self.score_rows)
            self.score_rows.append(value)
        return found

    def changes(self, changes: tuple[WordChange, ...]) -> int:
        # the aligner shares one edit script among the pairs of one pair of texts
        found = self._changes.get(id(changes))
        if found is None:
            index = self._row(self._change, self.change_rows, changes_row(changes))
            found = self._changes[id(changes)] = (changes, index)
        return found[1]

    def findings(self, facts: tuple[FactComparison, ...]) -> int:
        # the aligner shares one tuple among the pairs of one pair of texts: read it once
        found = self._findings.get(id(facts))
        if found is None:
            rows = self.comparison_rows
            row = [self._row(self._comparison, rows, comparison_row(f)) for f in facts]
            found = self._findings[id(facts)] = (facts, len(self.finding_rows))
            self.finding_rows.append(row)
        return found[1]

    def fact_set(self, facts: tuple[Fact, ...]) -> int:
        found = self._fact_sets.get(id(facts))
        if found is None:
            row = [self._row(self._fact, self.fact_rows, fact_row(f)) for f in facts]
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
