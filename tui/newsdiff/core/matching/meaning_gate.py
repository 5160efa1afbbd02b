"""Where a link by meaning could still stand, known before anything is embedded.

Shared words pair more precisely than meaning (on the ECB+ tuning pairs P
0.983 against 0.959 for the semantic links, options.py), so meaning pairs
what they left alone. A passage with a partner by shared words in a report
is not paired by meaning with another passage of that report: a report tells
a claim once. Within one language, two reports are compared by meaning only
when they are of one story (``story_pairs`` shared pairs, as
``meaning_links.stand`` asks) and each holds a passage that shared words left
without any partner in its language: between wire copies of one report every
passage has its twin, so such a story is never embedded (on a 1,000-report
mix of gnad, ECB+ and wire copies, 903 passages embedded instead of
3,902). Reports of two languages share few words: they are always compared.

That gate is off by default (``AlignOptions.semantic_partnered``): on that
sample it made 4,529 fewer pairs of 79,986, and among them right ones: a
wire copy whose figure was changed ("600.000" / "600.100 Flüchtlinge") shares
only the story's topic words with the original, so shared words do not pair
it and the original holds no passage without a partner; by meaning they pair.
With the gate off every passage may pair by meaning, as before; only report
pairs of one language outside one story are skipped (no link stands there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.matching.scoring import ScoredPair


@dataclass(frozen=True, slots=True)
class Partners:
    """Who has a partner by shared words: ``(passage, report)`` and passages, within a language."""

    in_report: frozenset[tuple[int, int]] = frozenset()
    in_language: frozenset[int] = frozenset()

    @classmethod
    def of(
        cls,
        lexical: Sequence[ScoredPair],
        groups: Sequence[int],
        languages: Sequence[str],
        *,
        options: AlignOptions,
    ) -> Partners:
        """The partners of the ``lexical`` pairs; none when ``options.semantic_partnered``.

        >>> gate = AlignOptions(semantic_partnered=False)
        >>> p = Partners.of([ScoredPair(0.5, 0, 2)], (0, 0, 1), "dd", options=gate)
        >>> sorted(p.in_report), sorted(p.in_language)
        ([(0, 1), (2, 0)], [0, 2])
        """
        if options.semantic_partnered:
            return cls()
        in_report = {(p.left, groups[p.right]) for p in lexical}
        in_report |= {(p.right, groups[p.left]) for p in lexical}
        same = [p for p in lexical if languages[groups[p.left]] == languages[groups[p.right]]]
        in_language = {p.left for p in same} | {p.right for p in same}
        return cls(frozenset(in_report), frozenset(in_language))

    def free(self, i: int, h: int) -> bool:
        """Whether passage ``i`` may pair by meaning with a passage of report ``h``."""
        return (i, h) not in self.in_report

    def loose(self, i: int) -> bool:
        """Whether shared words left passage ``i`` without a partner in its language."""
        return i not in self.in_language


def open_reports(
    reports: Sequence[int],
    members: dict[int, list[int]],
    languages: Sequence[str],
    partners: Partners,
    shared: Counter[tuple[int, int]] | None,
    *,
    options: AlignOptions,
) -> list[tuple[int, int]]:
    """The report pairs ``(g, h)``, ``g < h``, between which a link by meaning could stand.

    Every pair of two languages (translations make their story, counted from
    the vectors); within one language, reports of one story each holding a
    passage without a partner (``Partners.loose``). ``shared`` None: every pair.

    >>> members = {0: [0, 1], 1: [2, 3], 2: [4, 5]}
    >>> story = Counter({(0, 1): 2, (0, 2): 1, (1, 2): 2})
    >>> partners = Partners(frozenset(), frozenset({0, 1, 2}))
    >>> open_reports([0, 1, 2], members, "ddd", partners, story, options=AlignOptions())
    [(1, 2)]
    """
    out = []
    for x, g in enumerate(reports):
        for h in reports[x + 1 :]:
            same = languages[g] == languages[h]
            if shared is None or not same:
                out.append((g, h))
            elif max(shared[g, h], shared[h, g]) < options.story_pairs:
                continue  # not of one story
            elif any(map(partners.loose, members[g])) and any(map(partners.loose, members[h])):
                out.append((g, h))
    return out
