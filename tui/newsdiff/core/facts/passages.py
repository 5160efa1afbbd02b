"""The facts of each passage of a set of reports, extracted once however many stages ask.

The aligner compares the facts of every pair it makes, and the claim table
reads the figures, names and sources of the same passages; both read them
here, and an ``Alignment`` hands on the ones the aligner extracted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsdiff.core.facts import extract_facts
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.names import fold_name
from newsdiff.core.model import Article, Fact, SentenceRef


class PassageFacts:
    """Every fact of a passage, by its ref; a memo of a pure function, so order never matters.

    >>> from newsdiff.core.model import Sentence
    >>> text = "Kim schickte mehr als 3000 Soldaten, meldete Yonhap."
    >>> a = Article("a", "a", text, text, None, "de", (Sentence(0, text, 0, len(text)),), 8)
    >>> facts = PassageFacts([a])
    >>> [f.text for f in facts.numbers(SentenceRef("a", 0))], facts.source(SentenceRef("a", 0))
    (['mehr als 3000'], 'Yonhap')
    """

    def __init__(
        self,
        articles: Iterable[Article],
        known: Mapping[SentenceRef, tuple[Fact, ...]] | None = None,
    ) -> None:
        self._articles = {article.id: article for article in articles}
        self._found: dict[SentenceRef, tuple[Fact, ...]] = dict(known or {})

    @property
    def extracted(self) -> Mapping[SentenceRef, tuple[Fact, ...]]:
        """The facts worked out so far, by passage."""
        return self._found

    def text(self, ref: SentenceRef) -> str:
        return self._articles[ref.article].sentences[ref.sentence].text

    def of(self, ref: SentenceRef, *, language: str | None = None) -> tuple[Fact, ...]:
        """The facts of passage ``ref``, read in its article's language unless told another."""
        article = self._articles[ref.article]
        if language is not None and language != article.language:
            return extract_facts(self.text(ref), language=language, published=article.date)
        found = self._found.get(ref)
        if found is None:
            found = extract_facts(self.text(ref), language=article.language, published=article.date)
            self._found[ref] = found
        return found

    def dates(self, ref: SentenceRef) -> tuple[Fact, ...]:
        """The dates of passage ``ref``; only the date extractor runs if nothing else was asked."""
        found = self._found.get(ref)
        if found is not None:
            return tuple(fact for fact in found if fact.kind == "date")
        article = self._articles[ref.article]
        return extract_dates(self.text(ref), language=article.language, published=article.date)

    def numbers(self, ref: SentenceRef) -> tuple[Fact, ...]:
        """The figures of passage ``ref``, in reading order."""
        return tuple(fact for fact in self.of(ref) if fact.kind == "number")

    def names(self, ref: SentenceRef) -> set[str]:
        """The entities passage ``ref`` names, folded ("Kim Jong-un" = "Kim Jong Un")."""
        return {fold_name(str(fact.value)) for fact in self.of(ref) if fact.kind == "name"}

    def source(self, ref: SentenceRef) -> str | None:
        """Whom passage ``ref`` credits first, as written."""
        return next((fact.text for fact in self.of(ref) if fact.kind == "source"), None)
