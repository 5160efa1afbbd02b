"""The annotate stage of the aligner: each pair inside a cluster as a ``Pair`` a reader sees.

A pair carries its word-level edit script, how the two passages agree on
their facts and a relation (identical, reworded, facts differ). These depend
only on the two texts, their language and the reports' dates, so repeated
boilerplate is compared once. The facts of each passage are extracted once,
however many pairs it is in, and handed on in ``Alignment.facts`` for the
claim table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from newsdiff.core.language.text import Token, fold, normalize_number, tokenize
from newsdiff.core.matching.clusters import Cluster
from newsdiff.core.matching.scoring import Passages, Signal
from newsdiff.core.model import (
    Alignment,
    Article,
    Fact,
    FactComparison,
    Pair,
    Relation,
    SentenceRef,
    WordChange,
)

if TYPE_CHECKING:
    from newsdiff.core.facts.passages import PassageFacts

_Key = tuple[str, str, str, str, str | None, str | None]  # texts, languages, dates
_Found = tuple[tuple[WordChange, ...], tuple[FactComparison, ...], Relation]


def annotate(
    articles: Sequence[Article],
    passages: Passages,
    clusters: Sequence[Cluster],
    signal: Signal,
    *,
    facts: PassageFacts | None = None,
) -> Alignment:
    """The alignment: every cross-report pair inside each cluster, and the clusters as refs.

    In each pair ``left`` is the passage of the article that comes first in
    ``articles``; pairs and clusters are sorted by that order too.
    """
    refs, groups = passages.refs, passages.groups
    pairs = []
    memo: dict[_Key, _Found] = {}
    # one ref per passage, shared by all its pairs: wire copies put a passage in
    # hundreds of pairs, and 665,000 pairs at 10,000 reports held two refs each
    ref_of: dict[int, SentenceRef] = {}
    for members in clusters:
        for i in members:
            if i not in ref_of:
                ref_of[i] = SentenceRef(articles[refs[i][0]].id, refs[i][1])
    if facts is None:
        from newsdiff.core.facts.passages import PassageFacts  # loaded on the first pair

        facts = PassageFacts(articles)
    seen: set[tuple[int, int]] = set()  # a passage telling two claims is in two clusters
    for members in clusters:
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if groups[i] != groups[j] and (i, j) not in seen:
                    seen.add((i, j))
                    pair = _pair(articles, passages, i, j, signal(i, j), memo, facts, ref_of)
                    pairs.append(pair)
    position = {a.id: k for k, a in enumerate(articles)}
    pairs.sort(key=partial(pair_order, position))
    claims = [
        tuple(sorted((ref_of[i] for i in m), key=lambda r: (position[r.article], r.sentence)))
        for m in clusters
    ]
    claims.sort(key=lambda c: (position[c[0].article], c[0].sentence))
    return Alignment(tuple(articles), tuple(pairs), tuple(claims), dict(facts.extracted))


def _pair(
    articles: Sequence[Article],
    passages: Passages,
    i: int,
    j: int,
    score: float,
    memo: dict[_Key, _Found],
    facts: PassageFacts,
    ref_of: Mapping[int, SentenceRef],
) -> Pair:
    """The Pair of passages ``i`` and ``j``, left being the earlier article in the input."""
    refs = passages.refs
    if refs[j] < refs[i]:
        i, j = j, i
    left, right = articles[refs[i][0]], articles[refs[j][0]]
    left_ref, right_ref = ref_of[i], ref_of[j]
    key = (
        passages.texts[i],
        passages.texts[j],
        left.language,
        right.language,
        left.date,
        right.date,
    )
    if key not in memo:
        # both passages read in the left one's language, as a pair is compared in
        # one; a passage of another language (cross-language pair) in its own
        across = left.language != right.language
        left_facts = facts.of(left_ref)
        right_facts = facts.of(right_ref, language=None if across else left.language)
        memo[key] = compare(key[0], key[1], left_facts, right_facts, cross_language=across)
    changes, found, relation = memo[key]
    return Pair(
        left_ref,
        right_ref,
        round(score, 4),
        relation,
        changes,
        found,
        left.language != right.language,
    )


def compare(
    left_text: str,
    right_text: str,
    left_facts: Sequence[Fact],
    right_facts: Sequence[Fact],
    *,
    cross_language: bool = False,
) -> _Found:
    """Word changes, fact comparisons and the relation of two paired passages.

    Passages in two languages (``cross_language``) have no word changes (they
    would be noise), only their facts, each read in its own language.

    >>> from newsdiff.core.facts import extract_facts
    >>> left, right = "rund 11.000 Soldaten", "3000 Soldaten"
    >>> found = compare(left, right, extract_facts(left), extract_facts(right))
    >>> found[2], [f.status for f in found[1]]
    ('facts-differ', ['differ'])
    >>> same = "Am Montag kamen 3000 Soldaten."
    >>> week, next_week = (extract_facts(same, published=d) for d in ("2024-10-09", "2024-10-16"))
    >>> compare(same, same, week, next_week)[2]  # same words, other Monday
    'facts-differ'
    """
    from newsdiff.core.facts.compare import compare_fact_lists  # loaded on the first pair

    facts = compare_fact_lists(left_facts, right_facts)
    # A differing fact decides first: the same words can state other facts
    # ("am Montag" in reports of other weeks), and the gutter must agree with
    # the fact marks and the counts.
    relation: Relation = "reworded"
    across = cross_language
    if any(f.status == "differ" for f in facts):
        relation = "facts-differ"
    elif not across and _read(left_text)[1] == _read(right_text)[1]:
        relation = "identical"
    return (() if across else word_changes(left_text, right_text)), facts, relation


def pair_order(position: Mapping[str, int], pair: Pair) -> tuple[int, int, int, int]:
    """The order of pairs in an Alignment: by the reports' input order, then by passage."""
    return (
        position[pair.left.article],
        position[pair.right.article],
        pair.left.sentence,
        pair.right.sentence,
    )


def _words(tokens: Sequence[Token]) -> list[str]:
    return [normalize_number(t.text) if t.number else fold(t.text) for t in tokens]


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """The tokens of a passage and its words as compared: a passage is in many pairs."""
    tokens = tokenize(text)
    return tokens, tuple(_words(tokens))


def word_changes(left: str, right: str) -> tuple[WordChange, ...]:
    """The word-level edit script from ``left`` to ``right`` as character spans.

    Words compare folded, numbers normalised, so "10.000" and "10000" are equal.

    >>> [c.tag for c in word_changes("rund 11.000 Soldaten", "etwa 11000 Soldaten")]
    ['replace', 'equal']
    """
    (lt, lw), (rt, rw) = _read(left), _read(right)
    out = []
    for op in Levenshtein.opcodes(lw, rw):
        ls, le = _span(lt, op.src_start, op.src_end)
        rs, re_ = _span(rt, op.dest_start, op.dest_end)
        out.append(WordChange(op.tag, ls, le, rs, re_))  # type: ignore[arg-type]  # rapidfuzz's tags are the four WordChange names
    return tuple(out)


def _span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    if start < end:
        return tokens[start].start, tokens[end - 1].end
    at = tokens[start].start if start < len(tokens) else (tokens[-1].end if tokens else 0)
    return at, at
