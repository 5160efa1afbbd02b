"""A story's label as a reader wants it: whole names, in the spelling the reports use.

Story detection labels a story with its heaviest single words, one per stem
("Reid · Tara · Ketsoyan", "Teixeira · Sox · Red", "Comeaux · Prison ·
ESCAPE"). Shown as is, names come apart and a shouted headline sets the
case. This joins a label word with the capitalised words the reports write
beside it most of the time ("Tara Reid", "Red Sox", "Mark Teixeira"),
drops the label words a joined name already holds, writes each word as
most reports do ("escape"), drops a possessive "'s", and starts with a capital
as a heading does.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsdiff.core.language.function_words import STOPWORDS
from newsdiff.core.language.text import fold, has_marks, marked

if TYPE_CHECKING:
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story

SEPARATOR = " · "
LEAD = 600  # names are in the title and the lead: enough text, and fast on a big folder
MAX_NAME = 3  # words in a joined name ("Arcade Joseph Comeaux", "Kim Jong Un")
_BREAK = re.compile(r"[^\w’'. \t-]+")  # what ends a run of words: punctuation, line breaks
_BREAK_MARKED = r"[^\w’'. \t<M><J>-]+"  # the same where marks or joiners are words' letters
_POSSESSIVE = re.compile(r"[’']s$")


def telling_label(label: str, texts: Sequence[str], *, languages: Iterable[str] = ()) -> str:
    """``label`` (words joined by " · ") with its names made whole from ``texts``.

    A word grows by a capitalised neighbour (not a function word of
    ``languages``, all languages when none are given) when at least half of
    the texts that have it, and two at least, write the two together.

    >>> texts = ["Tara Reid checked into rehab, Jack Ketsoyan said.",
    ...          "Actress Tara Reid is in REHAB.", "Tara Reid: a rehab stay"]
    >>> telling_label("Reid · Tara · rehab", texts)
    'Tara Reid · rehab'
    >>> telling_label("Iran's · Quake", ["Iran's quake", "A quake hit Iran's south"])
    'Iran · quake'
    >>> telling_label("Urteil · rechtskraftig", ["Das Urteil ist rechtskräftig."])
    'Urteil · rechtskräftig'
    >>> telling_label("", texts)
    ''
    """
    stop = _stopwords(languages)
    # "er", "The": no word of two letters or a function word tells a story
    words = [w for w in label.split(SEPARATOR) if len(w) > 2 and fold(w) not in stop]
    if not words or not texts:
        return label
    found = _Found([_runs(text[:LEAD]) for text in texts])
    phrases: list[str] = []
    for word in words:
        word = _POSSESSIVE.sub("", word)
        phrase = " ".join(found.grown((found.usual(word),), stop)) if word else word
        if phrase and not any(_holds(p, phrase) for p in phrases):
            # a joined name holds an earlier word ("Lohan" before "Lindsay Lohan"): replace it
            phrases = [p for p in phrases if not _holds(phrase, p)] + [phrase]
    told = SEPARATOR.join(phrases)
    return told[:1].upper() + told[1:]  # a heading: "Nordkoreanische · Soldaten"


def relabel(stories: Sequence[Story], articles: Sequence[Article]) -> tuple[Story, ...]:
    """``stories`` with telling labels (see ``telling_label``); lone stories as they are.

    >>> from newsdiff.core.model import Article
    >>> from newsdiff.core.stories.detect import Story
    >>> a, b = (Article(x, x, t, t, None, "en", (), 0) for x, t in
    ...         (("a", "Police say Tara Reid is in rehab."), ("b", "Tara Reid enters rehab")))
    >>> relabel([Story(("a", "b"), "Reid · Tara · rehab")], [a, b])[0].label
    'Tara Reid · rehab'
    """
    by_id = {article.id: article for article in articles}
    told: list[Story] = []
    for story in stories:
        members = [by_id[m] for m in story.members if m in by_id]
        if story.alone or not members:
            told.append(story)
            continue
        texts = [f"{a.title}\n{a.text}" for a in members]
        label = telling_label(story.label, texts, languages={a.language for a in members})
        told.append(replace(story, label=label))
    return tuple(told)


def _holds(phrase: str, part: str) -> bool:
    """Whether every word of ``part`` is a word of ``phrase`` (case and accents aside)."""
    return set(fold(part).split()) <= set(fold(phrase).split())


def _stopwords(languages: Iterable[str]) -> frozenset[str]:
    chosen = [STOPWORDS[code] for code in set(languages) if code in STOPWORDS]
    return frozenset().union(*(chosen or STOPWORDS.values()))


def _runs(text: str) -> list[list[str]]:
    """The text's runs of words written with only spaces between them: punctuation,
    a line break or a word ending a sentence ends a run. Runs in headline case
    are left out."""
    runs: list[list[str]] = []
    for chunk in (marked(_BREAK_MARKED) if has_marks(text) else _BREAK).split(text):
        run: list[str] = []
        for word in chunk.split():
            run.append(_bare(word))
            if word.endswith("."):
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return [run for run in runs if not _headline_case(run)]


def _headline_case(run: list[str]) -> bool:
    """A Title Case Headline capitalises every word: it says nothing about names."""
    capitals = sum(1 for word in run if word[:1].isupper())
    return len(run) >= 4 and capitals >= 0.7 * len(run)


class _Found:
    """Where each word stands in the texts' runs: (text, run, position) by word."""

    def __init__(self, texts: list[list[list[str]]]) -> None:
        self.texts = texts
        self.where: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self.folded: dict[str, Counter[str]] = defaultdict(Counter)
        for t, runs in enumerate(texts):
            seen: set[str] = set()
            for r, run in enumerate(runs):
                for i, word in enumerate(run):
                    self.where[word].append((t, r, i))
                    if word not in seen:
                        seen.add(word)
                        # story detection gives words folded ("rechtskraftig"): find them
                        self.folded[fold(word)][word] += 1

    def usual(self, word: str) -> str:
        """The spelling most texts use ("escape" over "ESCAPE", "rechtskräftig" over
        the folded "rechtskraftig"); ties keep a capital."""
        forms = self.folded.get(fold(word))
        if not forms:
            return word
        return max(forms, key=lambda form: (forms[form], not form.isupper(), form[:1].isupper()))

    def grown(self, phrase: tuple[str, ...], stop: frozenset[str]) -> tuple[str, ...]:
        """``phrase`` joined with the capitalised words written beside it in most texts."""
        forms = self.folded.get(fold(phrase[0]), Counter())
        lower = sum(n for form, n in forms.items() if not form[:1].isupper())
        if not phrase[0][:1].isupper() or 2 * lower >= sum(forms.values()) - lower:
            return phrase  # a common noun ("rehab", "deputy" before a name) names no one
        while len(phrase) < MAX_NAME:
            having: set[int] = set()
            sides: dict[tuple[str, ...], set[int]] = defaultdict(set)
            for t, r, i in self.where.get(phrase[0], ()):
                run = self.texts[t][r]
                if tuple(run[i : i + len(phrase)]) != phrase:
                    continue
                having.add(t)
                if i > 0 and _joins(run[i - 1], stop):
                    before = (run[i - 1], *phrase)  # not in the subscript: Python 3.10
                    sides[before].add(t)
                if i + len(phrase) < len(run) and _joins(run[i + len(phrase)], stop):
                    after = (*phrase, run[i + len(phrase)])
                    sides[after].add(t)
            best = max(sides, key=lambda side: (len(sides[side]), side), default=None)
            # two texts at least: one sentence's "Actress Tara Reid" is not her name
            if best is None or len(sides[best]) < 2 or 2 * len(sides[best]) < len(having):
                return phrase
            phrase = best
        return phrase


def _bare(word: str) -> str:
    """A word without the full stop that ends its sentence ("City." but "Jr.")."""
    return word[:-1] if word.endswith(".") and len(word) > 4 else word


def _joins(word: str, stop: frozenset[str]) -> bool:
    """Whether ``word`` may join a name: capitalised, not a function word, a shout
    or a possessive."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and fold(word) not in stop
        and not _POSSESSIVE.search(word)
    )
