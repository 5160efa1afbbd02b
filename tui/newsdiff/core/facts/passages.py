"""The facts of each passage of a set of reports, extracted once however many stages ask.

The aligner's profile reads the figures of a passage that may give a total,
the aligner compares the facts of every pair it makes, and the claim table
reads the figures, names and sources of the same passages; all read them
here, and an ``Alignment`` hands on the ones the aligner extracted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsdiff.core.facts import complete_facts, extract_facts
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.names import fold_name
from newsdiff.core.facts.numbers import extract_numbers
from newsdiff.core.model import Article, Fact, SentenceRef

_Key = tuple[str, str, "str | None"]  # text, language, publication date: all facts depend on


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
        self._found: dict[_Key, tuple[Fact, ...]] = {}
        self._figures: dict[tuple[str, str], tuple[Fact, ...]] = {}  # the figures only
        self._extracted: dict[SentenceRef, tuple[Fact, ...]] = {}
        for ref, facts in (known or {}).items():
            self._found[self._key(ref)] = facts
            self._extracted[ref] = facts

    @property
    def extracted(self) -> Mapping[SentenceRef, tuple[Fact, ...]]:
        """The passages whose every fact was worked out, with their facts."""
        return self._extracted

    def text(self, ref: SentenceRef) -> str:
        return self._articles[ref.article].sentences[ref.sentence].text

    def _key(self, ref: SentenceRef, language: str | None = None) -> _Key:
        article = self._articles[ref.article]
        return (self.text(ref), language or article.language, article.date)

    def of(self, ref: SentenceRef, *, language: str | None = None) -> tuple[Fact, ...]:
        """The facts of passage ``ref``, read in its article's language unless told another."""
        key = self._key(ref, language)
        found = self._found.get(key)
        if found is None:
            text, lang, published = key
            figures = self._figures.get((text, lang))
            if figures is None:
                found = extract_facts(text, language=lang, published=published)
            else:  # the aligner's profile read the figures: only the other kinds are left
                found = complete_facts(text, figures, language=lang, published=published)
            self._found[key] = found
        if language is None or language == self._articles[ref.article].language:
            self._extracted[ref] = found
        return found

    def figures(self, text: str, *, language: str) -> tuple[Fact, ...]:
        """The figures of ``text``; only the number extractor runs (they need no date)."""
        found = self._figures.get((text, language))
        if found is None:
            found = extract_numbers(text, language=language)
            self._figures[(text, language)] = found
        return found

    def numbers(self, ref: SentenceRef) -> tuple[Fact, ...]:
        """The figures of passage ``ref``, in reading order."""
        found = self._found.get(self._key(ref))
        if found is not None:
            return tuple(fact for fact in found if fact.kind == "number")
        return self.figures(self.text(ref), language=self._articles[ref.article].language)

    def dates(self, ref: SentenceRef) -> tuple[Fact, ...]:
        """The dates of passage ``ref``; only the date extractor runs if nothing else was asked."""
        found = self._found.get(self._key(ref))
        if found is not None:
            return tuple(fact for fact in found if fact.kind == "date")
        article = self._articles[ref.article]
        return extract_dates(self.text(ref), language=article.language, published=article.date)

    def names(self, ref: SentenceRef) -> set[str]:
        """The entities passage ``ref`` names, folded ("Kim Jong-un" = "Kim Jong Un")."""
        return {fold_name(str(fact.value)) for fact in self.of(ref) if fact.kind == "name"}

    def source(self, ref: SentenceRef) -> str | None:
        """Whom passage ``ref`` credits first, as written."""
        return next((fact.text for fact in self.of(ref) if fact.kind == "source"), None)
