"""The alignment as a plain JSON-ready document: the ``newsdiff align --json`` schema.

Kept apart from the aligner so the schema is stated once, in one place, and
stays stable: fields may be added, none renamed or removed. README documents it.
"""

from __future__ import annotations

from typing import Any

from newsdiff.core.model import Alignment, Article, FactComparison, Pair, SentenceRef, WordChange

SCHEMA_VERSION = 1


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    """The alignment as nested dicts and lists of plain values.

    >>> from newsdiff.core.model import Alignment
    >>> alignment_to_dict(Alignment((), (), ()))
    {'schema': 1, 'articles': [], 'pairs': [], 'clusters': [], 'stories': []}
    """
    # one story of all the articles when they were aligned as one
    stories = alignment.stories or (
        (tuple(a.id for a in alignment.articles),) if alignment.articles else ()
    )
    return {
        "schema": SCHEMA_VERSION,
        "articles": [_article(a) for a in alignment.articles],
        "pairs": [_pair(p) for p in alignment.pairs],
        "clusters": [[_ref(r) for r in cluster] for cluster in alignment.clusters],
        "stories": [list(members) for members in stories],
    }


def article_metadata(article: Article) -> dict[str, Any]:
    """What newsdiff found about a report, as every JSON document shows it.

    >>> from newsdiff.core.reading.loader import read_articles
    >>> from newsdiff.core.reading.seeds import seed_paths
    >>> article_metadata(read_articles(seed_paths()[:1]).articles[0])["date"]
    '2025-04-28T03:32'
    """
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "language": article.language,
        "source": article.source,
        "url": article.url,
        "dateline": article.dateline,
        "credit": article.credit,
        "author": article.author,
        "modified": article.modified,
        "date_note": article.date_note,
        "fetched": article.fetched,
    }


def _article(article: Article) -> dict[str, Any]:
    return {
        **article_metadata(article),
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "kind": s.kind}
            | ({"cleaned": True} if s.cleaned else {})
            for s in article.sentences
        ],
    }


def _ref(ref: SentenceRef) -> dict[str, Any]:
    return {"article": ref.article, "sentence": ref.sentence}


def _pair(pair: Pair) -> dict[str, Any]:
    return {
        "left": _ref(pair.left),
        "right": _ref(pair.right),
        "score": pair.score,
        "relation": pair.relation,
        "changes": [_change(c) for c in pair.changes],
        "facts": [_fact(f) for f in pair.facts],
    }


def _change(change: WordChange) -> dict[str, Any]:
    return {
        "tag": change.tag,
        "left": [change.left_start, change.left_end],
        "right": [change.right_start, change.right_end],
    }


def _fact(fact: FactComparison) -> dict[str, Any]:
    return {
        "kind": fact.kind,
        "status": fact.status,
        "left": fact.left,
        "right": fact.right,
        "left_value": _plain(fact.left_value),
        "right_value": _plain(fact.right_value),
        "left_span": list(fact.left_span) if fact.left_span else None,
        "right_span": list(fact.right_span) if fact.right_span else None,
        "note": fact.note,
    }


def _plain(value: object) -> object:
    """JSON has lists, not tuples or sets; anything else exotic becomes its text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
