"""A hand-made corpus and alignment for the article list's snapshots.

Built from the model dataclasses alone, so the list's snapshots move only when
the list does, not when the reader's or the aligner's tuning does (the Pilot
tests run the real core on the seeds). The titles carry what must show as it
is: markup-like brackets and one very long title.
"""

from __future__ import annotations

from newsdiff.core.model import (
    Alignment,
    Article,
    Corpus,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,
)

# id, title, date, source, passages
REPORTS = [
    (
        "ard",
        "Nordkorea bestätigt Truppenentsendung nach Russland",
        "2025-04-28T03:32",
        "tagesschau.de",
        27,
    ),
    ("zdf", "Pjöngjang räumt Einsatz in Kursk ein", "2025-04-28T09:10", "ZDF", 22),
    (
        "dlf",
        "Nordkoreas Soldaten in Kursk: was Seoul, Kiew und Washington über den Einsatz "
        "wissen und was sie nur vermuten",
        None,
        None,
        16,
    ),
    ("rp", "Kim lobt [bold]Helden[/bold] von Kursk", "2025-04-29", "RP Online", 31),
    ("nyt", "Erste Gefechte mit Truppen Nordkoreas", "2024-11-06T12:01", None, 39),
]

# (left, right, how many pairs, differing facts in the first)
LINKS = [
    ("ard", "zdf", 9, 2),
    ("ard", "dlf", 4, 1),
    ("zdf", "rp", 6, 0),
    ("ard", "rp", 3, 0),
    ("dlf", "nyt", 2, 1),
]


def _article(article_id: str, title: str, date: str | None, source: str | None, count: int):
    sentences = tuple(Sentence(i, f"Satz {i} von {article_id}.", 0, 0) for i in range(count))
    return Article(
        article_id,
        f"reports/{article_id}.txt",
        "",
        title,
        date,
        "de",
        sentences,
        count * 12,
        source=source,
    )


def sample_corpus(count: int = len(REPORTS)) -> Corpus:
    """The first ``count`` reports, read without a problem."""
    return Corpus(tuple(_article(*report) for report in REPORTS[:count]))


def sample_alignment(corpus: Corpus) -> Alignment:
    """Pairs between the corpus's reports as LINKS says, a differing number in some."""
    present = {article.id for article in corpus.articles}
    pairs = []
    for left, right, count, differing in LINKS:
        if not {left, right} <= present:
            continue
        for index in range(count):
            facts = tuple(
                FactComparison("number", "differ", "4000", "4700", 4000, 4700)
                for _ in range(differing if index == 0 else 0)
            )
            relation = "facts-differ" if facts else "reworded"
            pairs.append(
                Pair(
                    SentenceRef(left, index + 1),
                    SentenceRef(right, index + 1),
                    0.8,
                    relation,
                    facts=facts,
                )
            )
    return Alignment(corpus.articles, tuple(pairs), ())
