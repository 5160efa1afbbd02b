"""A small hand-made alignment of three reports for the reader's screen tests.

Built from the model dataclasses alone, so the screen tests and snapshots do
not move when the aligner's tuning does. Word changes come from difflib over
words, facts are placed by hand, and the texts carry what must show literally:
markup-like brackets, an escape sequence and a very long word.
"""

from __future__ import annotations

import difflib
import re

from newsdiff.core.model import (
    Alignment,
    Article,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,
    WordChange,
)

ARD = [
    ("heading", "Nordkorea bestätigt Truppenentsendung"),
    (
        "sentence",
        "Nordkorea hat erstmals die Entsendung von Truppen nach Russland bestätigt, meldete KCNA.",
    ),
    ("sentence", "Nach Angaben aus Seoul wurden 4000 Soldaten verletzt."),
    ("sentence", "Die Einsätze seien „siegreich abgeschlossen“ worden."),
    ("sentence", "Kim Jong Un sprach von [bold]Helden[/bold] und lobte die Truppe."),
    (
        "sentence",
        "Das längste Wort: "
        "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt.",
    ),
    ("sentence", "Südkorea verurteilte den Einsatz scharf."),
]
ZDF = [
    ("heading", "Pjöngjang räumt Einsatz in Kursk ein"),
    ("sentence", "Erstmals hat Nordkorea bestätigt, Truppen nach Russland entsandt zu haben."),
    ("sentence", "Laut Seoul wurden rund 4700 Soldaten verletzt."),
    ("sentence", "Moskau dankte Pjöngjang \x1b[31mfür die Hilfe."),
    ("sentence", "Die Einsätze seien „siegreich abgeschlossen“ worden."),
    ("sentence", "Südkorea verurteilte den Einsatz."),
]
DLF = [
    ("heading", "Nordkoreas Soldaten in Kursk"),
    ("sentence", "Nordkorea bestätigt die Entsendung von Truppen."),
    ("sentence", "4000 Soldaten seien verletzt worden, hieß es aus Seoul."),
]


def _article(article_id: str, source: str, date: str, passages) -> Article:
    sentences = []
    offset = 0
    for index, (kind, text) in enumerate(passages):
        sentences.append(Sentence(index, text, offset, offset + len(text), kind, index // 2))
        offset += len(text) + 2
    body = "\n\n".join(text for _, text in passages)
    return Article(
        article_id,
        f"{article_id}.txt",
        body,
        passages[0][1],
        date,
        "de",
        tuple(sentences),
        len(body.split()),
        source=source,
    )


def word_changes(left: str, right: str) -> tuple[WordChange, ...]:
    """difflib opcodes over words, as character spans (what the aligner gives)."""
    lw = [m.span() for m in re.finditer(r"\S+", left)]
    rw = [m.span() for m in re.finditer(r"\S+", right)]
    matcher = difflib.SequenceMatcher(
        a=[left[s:e] for s, e in lw], b=[right[s:e] for s, e in rw], autojunk=False
    )
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ls, le = (lw[i1][0], lw[i2 - 1][1]) if i2 > i1 else (0, 0)
        rs, re_ = (rw[j1][0], rw[j2 - 1][1]) if j2 > j1 else (0, 0)
        out.append(WordChange(tag, ls, le, rs, re_))
    return tuple(out)


def _fact(kind, status, left_text, right_text, left_word, right_word) -> FactComparison:
    def span(text, word):
        if word is None:
            return None
        start = text.index(word)
        return (start, start + len(word))

    return FactComparison(
        kind,
        status,
        left_word,
        right_word,
        left_word,
        right_word,
        span(left_text, left_word),
        span(right_text, right_word),
    )


def _pair(a: Article, i: int, b: Article, j: int, score: float, relation, facts=()) -> Pair:
    lt, rt = a.sentences[i].text, b.sentences[j].text
    built = tuple(_fact(kind, status, lt, rt, lw, rw) for kind, status, lw, rw in facts)
    return Pair(
        SentenceRef(a.id, i), SentenceRef(b.id, j), score, relation, word_changes(lt, rt), built
    )


def sample_alignment() -> Alignment:
    """Three reports: ard and zdf disagree on a figure, dlf agrees with ard."""
    ard = _article("ard", "tagesschau.de", "2025-04-28", ARD)
    zdf = _article("zdf", "zdf.de", "2025-04-28", ZDF)
    dlf = _article("dlf", "deutschlandfunk.de", "2025-04-27", DLF)
    seoul = ("name", "same", "Seoul", "Seoul")
    pairs = (
        _pair(ard, 0, zdf, 0, 0.41, "reworded"),
        _pair(
            ard,
            1,
            zdf,
            1,
            0.78,
            "reworded",
            [
                ("name", "same", "Russland", "Russland"),
                ("source", "left-only", "KCNA", None),
            ],
        ),
        _pair(ard, 2, zdf, 2, 0.70, "facts-differ", [seoul, ("number", "differ", "4000", "4700")]),
        _pair(ard, 3, zdf, 4, 1.0, "identical"),
        _pair(ard, 6, zdf, 5, 0.85, "reworded"),
        _pair(ard, 1, dlf, 1, 0.66, "reworded"),
        _pair(ard, 2, dlf, 2, 0.74, "reworded", [seoul, ("number", "same", "4000", "4000")]),
        _pair(zdf, 2, dlf, 2, 0.60, "facts-differ", [seoul, ("number", "differ", "4700", "4000")]),
    )
    clusters = (
        (SentenceRef("ard", 0), SentenceRef("zdf", 0)),
        (SentenceRef("ard", 1), SentenceRef("zdf", 1), SentenceRef("dlf", 1)),
        (SentenceRef("ard", 2), SentenceRef("zdf", 2), SentenceRef("dlf", 2)),
        (SentenceRef("ard", 3), SentenceRef("zdf", 4)),
        (SentenceRef("ard", 6), SentenceRef("zdf", 5)),
    )
    return Alignment((ard, zdf, dlf), pairs, clusters)
