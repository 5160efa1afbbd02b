"""What a report shows of each claim cluster, independent of the output format.

Every format (Markdown, HTML, JSON) renders the same thing: each source's
passage split into runs of text carrying marks ("fact" for a fact the sources
state differently, "changed" for words this source words differently,
"removed" for the compared passage's words it lacks). Computing the runs once
keeps the three formats saying the same and keeps the escaping in the
renderers simple: they only ever escape a run's text and wrap it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from newsdiff.core.language import sanitize
from newsdiff.core.model import Alignment, Article, Pair, SentenceRef
from newsdiff.core.views.same_claim import SAME_CLAIM, is_weak

Mark = str  # "fact" | "changed" | "removed"
MAX_REMOVED_WORDS = 4  # longer runs of the compared passage's words are not quoted inline


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of passage text and the marks it carries (empty: plain text)."""

    text: str
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Voice:
    """What one source says in a cluster.

    ``compared_with`` is the index of the article whose passage the word marks
    are relative to (None for the cluster's first passage, the reference).
    A pair too weak to stand by itself is not ``direct``: the same claim, no marks.
    """

    article: int
    sentence: int
    text: str
    runs: tuple[Run, ...]
    compared_with: int | None = None
    relation: str | None = None
    score: float | None = None
    direct: bool = True  # False: too weak to stand by itself, the same claim only


@dataclass(frozen=True, slots=True)
class FactDifference:
    """A fact two sources of a cluster state differently (or only one states)."""

    kind: str
    status: str
    left_article: int
    left: str | None
    right_article: int
    right: str | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterView:
    """One claim cluster as a report shows it."""

    number: int
    voices: tuple[Voice, ...]
    facts: tuple[FactDifference, ...]


def byline(article: Article) -> str:
    """The outlet (when the file names one) and the day, to stand beside a quoted passage.

    >>> from newsdiff.core.model import Article
    >>> byline(Article("a", "a.txt", "", "T", "2025-04-28T03:32", "de", (), 0, source="taz"))
    'taz, 2025-04-28'
    """
    return ", ".join(part for part in (article.source, (article.date or "")[:10]) if part)


def source_label(article: Article) -> str:
    """A short name for a source: its outlet when known, else its file name.

    >>> from newsdiff.core.model import Article
    >>> source_label(Article("a", "/tmp/taz.txt", "", "T", None, "de", (), 0))
    'taz.txt'
    """
    return article.source or Path(article.path).name or article.id


def source_labels(articles: Sequence[Article]) -> tuple[str, ...]:
    """``source_label`` of each article, a name two files share told apart by their folders.

    Two "report.txt" from two folders are one name twice in a report's sources;
    such files are named by their paths below the folder they have in common.

    >>> from newsdiff.core.model import Article
    >>> def at(path): return Article(path, path, "", "T", None, "de", (), 0)
    >>> source_labels([at("/in/a/report.txt"), at("/in/b/report.txt"), at("/in/taz.txt")])
    ('a/report.txt', 'b/report.txt', 'taz.txt')
    """
    labels = [source_label(article) for article in articles]
    # an outlet's name is no file's: two reports of "taz" stay "taz"
    files = [None if article.source else article.path for article in articles]
    return _told_apart(labels, files)


def file_labels(articles: Sequence[Article]) -> dict[str, str]:
    """The file of each article whose file shares its stem with another's, by article id.

    Their ids ("report", "report-2") do not say which file is which: each is
    named by its file name, or, where the names are the same too, by its path
    below the folder the files have in common.

    >>> from newsdiff.core.model import Article
    >>> def at(id, path): return Article(id, path, "", "T", None, "de", (), 0)
    >>> file_labels([at("report", "/in/a/report.txt"), at("report-2", "/in/b/report.txt"),
    ...              at("report-3", "/in/report.md"), at("taz", "/in/taz.txt")])
    {'report': 'a/report.txt', 'report-2': 'b/report.txt', 'report-3': 'report.md'}
    """
    stems = Counter(PurePath(article.path).stem for article in articles)
    shared = [article for article in articles if stems[PurePath(article.path).stem] > 1]
    names = [PurePath(article.path).name or article.path for article in shared]
    labels = _told_apart(names, [article.path for article in shared])
    return {article.id: label for article, label in zip(shared, labels, strict=True)}


def _told_apart(labels: Sequence[str], files: Sequence[str | None]) -> tuple[str, ...]:
    """``labels``, each one that several files share replaced by the file's path below the
    folder those files have in common (a ``None`` file keeps its label)."""
    told = list(labels)
    count = Counter(told)
    for label in [label for label, n in count.items() if n > 1]:
        shared = [k for k, other in enumerate(told) if other == label and files[k] is not None]
        paths = [PurePath(str(files[k])) for k in shared]
        if len(paths) < 2 or len(set(paths)) < len(paths):
            continue  # an outlet's name, or one path twice: nothing tells them apart
        try:
            root = PurePath(os.path.commonpath([str(p.parent) for p in paths]))
        except ValueError:  # absolute and relative paths, or two drives
            continue
        for k, path in zip(shared, paths, strict=True):
            told[k] = path.relative_to(root).as_posix()
    return tuple(told)


def _lookup(
    alignment: Alignment,
) -> tuple[dict[str, int], dict[tuple[SentenceRef, SentenceRef], Pair]]:
    index = {article.id: i for i, article in enumerate(alignment.articles)}
    pairs: dict[tuple[SentenceRef, SentenceRef], Pair] = {}
    for pair in alignment.pairs:
        pairs[(pair.left, pair.right)] = pair
        pairs.setdefault((pair.right, pair.left), pair)
    return index, pairs


def _passage(alignment: Alignment, index: dict[str, int], ref: SentenceRef) -> str:
    sentences = alignment.articles[index[ref.article]].sentences
    if 0 <= ref.sentence < len(sentences):
        return sentences[ref.sentence].text
    return ""


def _runs(text: str, chars: dict[int, set[str]], removed: dict[int, list[str]]) -> tuple[Run, ...]:
    """Split ``text`` where its marks change; ``removed`` text goes before its position."""
    runs: list[Run] = []
    start = 0
    for i in range(len(text) + 1):
        cut = i == len(text) or i in removed or chars.get(i) != chars.get(start)
        if cut and i > start:
            runs.append(Run(text[start:i], frozenset(chars.get(start, ()))))
            start = i
        runs.extend(Run(gone, frozenset({"removed"})) for gone in removed.get(i, ()))
    return tuple(runs)


def _marked(
    text: str, marks: list[tuple[int, int, str]], removed: dict[int, list[str]]
) -> tuple[Run, ...]:
    chars: dict[int, set[str]] = {}
    for start, end, mark in marks:
        for i in range(max(0, start), min(end, len(text))):
            chars.setdefault(i, set()).add(mark)
    return _runs(text, chars, removed)


def _side(pair: Pair, ref: SentenceRef) -> bool:
    """True when ``ref`` is the pair's left passage."""
    return pair.left == ref


def _fact_marks(pair: Pair, left_side: bool) -> list[tuple[int, int, str]]:
    """The spans of the facts the two passages state differently.

    A fact only one of them gives is no contradiction: marked as one, a
    "reworded" claim read as a disagreement the legend and the list of
    differing facts below it do not name.
    """
    marks = []
    for fact in pair.facts:
        if fact.status != "differ":
            continue
        span = fact.left_span if left_side else fact.right_span
        if span is not None:
            marks.append((span[0], span[1], "fact"))
    return marks


def _word_marks(
    pair: Pair, left_side: bool, other_text: str
) -> tuple[list[tuple[int, int, str]], dict[int, list[str]]]:
    marks: list[tuple[int, int, str]] = []
    removed: dict[int, list[str]] = {}
    for change in pair.changes:
        if change.tag == "equal":
            continue
        mine = (
            (change.left_start, change.left_end)
            if left_side
            else (change.right_start, change.right_end)
        )
        theirs = (
            (change.right_start, change.right_end)
            if left_side
            else (change.left_start, change.left_end)
        )
        gone = other_text[theirs[0] : theirs[1]]
        # a short swap ("3000" for "10000") reads well inline; a rewritten
        # clause does not, and the compared passage stands just above anyway
        if gone.strip() and len(gone.split()) <= MAX_REMOVED_WORDS:
            removed.setdefault(mine[0], []).append(gone)
        if mine[1] > mine[0]:
            marks.append((mine[0], mine[1], "changed"))
    return marks, removed


def _partner(members: tuple[SentenceRef, ...], member: SentenceRef, pairs: dict) -> Pair | None:
    """The pair comparing ``member`` with the reference, else its best pair in the cluster."""
    direct = pairs.get((member, members[0]))
    if direct is not None:
        return direct
    candidates = [pairs[(member, other)] for other in members if (member, other) in pairs]
    return max(candidates, key=lambda pair: pair.score, default=None)


def cluster_views(alignment: Alignment) -> tuple[ClusterView, ...]:
    """Each claim cluster with every source's passage split into marked runs.

    >>> from newsdiff.core.model import Alignment
    >>> cluster_views(Alignment((), (), ()))
    ()
    """
    index, pairs = _lookup(alignment)
    views = []
    for number, members in enumerate(alignment.clusters, start=1):
        members = tuple(m for m in members if m.article in index)
        if not members:
            continue
        voices = []
        for position, member in enumerate(members):
            text = _passage(alignment, index, member)
            if position == 0:
                own = [
                    pairs[(member, o)]
                    for o in members[1:]
                    if (member, o) in pairs and not is_weak(pairs[(member, o)])
                ]
                marks = [m for p in own for m in _fact_marks(p, _side(p, member))]
                voices.append(
                    Voice(index[member.article], member.sentence, text, _marked(text, marks, {}))
                )
                continue
            pair = _partner(members, member, pairs)
            if pair is None:
                voices.append(Voice(index[member.article], member.sentence, text, (Run(text),)))
                continue
            left_side = _side(pair, member)
            other = pair.right if left_side else pair.left
            weak = is_weak(pair)  # as the passage view shows it: no marks
            words, removed = _word_marks(pair, left_side, _passage(alignment, index, other))
            marks = [] if weak else words + _fact_marks(pair, left_side)
            voices.append(
                Voice(
                    index[member.article],
                    member.sentence,
                    text,
                    _marked(text, marks, {} if weak else removed),
                    compared_with=index[other.article],
                    relation=pair.relation,
                    score=pair.score,
                    direct=not weak,
                )
            )
        views.append(ClusterView(number, tuple(voices), _differences(members, pairs, index)))
    return tuple(views)


def headline(view: ClusterView) -> str:
    """What a claim's heading says of it: "facts differ", else its relations; a voice
    only the same claim (not paired directly) says so only when all are.

    >>> weak = Voice(1, 0, "y", (), 0, "reworded", 0.1, direct=False)
    >>> headline(ClusterView(1, (Voice(0, 0, "x", ()), weak), ()))
    'same claim, not paired directly'
    """
    relations = {v.relation for v in view.voices if v.relation and v.direct}
    if "facts-differ" in relations:
        return "facts differ"
    if not relations and any(v.relation for v in view.voices):
        return SAME_CLAIM
    return ", ".join(sorted(relations))


def how_compared(voice: Voice, other: str) -> str:
    """How a voice was compared with the passage ``other`` names ("" for the reference).

    >>> how_compared(Voice(1, 0, "y", (), 0, "reworded", 0.1, direct=False), "A")
    'against A: ~ 0.10 same claim, not paired directly'
    >>> how_compared(Voice(1, 0, "y", (), 0, "reworded", 0.74), "A")
    'against A, reworded, 0.74'
    """
    if voice.compared_with is None:
        return ""
    score = f"{voice.score:.2f}" if voice.score is not None else ""
    if not voice.direct:  # as the passage view says it
        return f"against {other}: ~ {score} {SAME_CLAIM}"
    return f"against {other}, {voice.relation}, {score}"


def _differences(
    members: tuple[SentenceRef, ...], pairs: dict, index: dict[str, int]
) -> tuple[FactDifference, ...]:
    seen: set[tuple] = set()
    found = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            pair = pairs.get((a, b))
            if pair is None or is_weak(pair):  # its facts are not compared
                continue
            for fact in pair.facts:
                if fact.status != "differ":
                    continue
                key = (fact.kind, pair.left.article, fact.left, pair.right.article, fact.right)
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    FactDifference(
                        fact.kind,
                        fact.status,
                        index[pair.left.article],
                        fact.left,
                        index[pair.right.article],
                        fact.right,
                        fact.note,
                    )
                )
    return tuple(found)


def plain(text: str) -> str:
    """Article text made safe to lay out: whitespace folded, unsafe characters escaped.

    Bidirectional overrides are shown escaped too: they would reorder what a
    reader sees (one sanitiser family, language.sanitize).

    >>> plain("a\\n\\tb\\x1b[31m c\\u202e")
    'a b\\\\x1b[31m c\\\\u202e'
    >>> plain("caf\\udce9.txt")  # undecodable bytes of a file name, shown escaped
    'caf\\\\udce9.txt'
    """
    return sanitize.plain(text)


def letter(index: int, count: int) -> str:
    """The short tag of a source in a report: A, B, ... or 1, 2, ... past 26 sources.

    >>> letter(0, 5), letter(27, 30)
    ('A', '28')
    """
    return chr(ord("A") + index) if count <= 26 else str(index + 1)
