"""The semantic link stage: claims told in other words, or in another language, pair too.

Within one story nearly every passage is on topic, so a raw embedding cosine
is high for almost every pair. Here a passage's vector is its own plus its
predecessor's (``context``: "Die Einsätze seien siegreich abgeschlossen
worden" means little without the sentence before it), the story's topic is
taken out (the vectors are centred on the mean of all the passages aligned),
and between two reports a pair stands when the two passages are each other's
best partner by that centred cosine and it reaches ``semantic_floor``. Such
links join the clusters after the lexical ones, the pair most above its
nearest neighbours first (the margin over the mean of each passage's three
best partners in the other report), so a passage close to everything does
not take a partner from a pair that is close only to each other. A link
stands only with a margin of ``semantic_margin``, and never between the
first passages (headlines) of two reports of one language: those are close
by topic alone, and when they say the same thing they share its words.

Semantic links stand only between reports of one story: ones sharing
``story_pairs`` lexical pairs, or as many mutual partners whose raw cosine
reaches ``story_cosine`` (translations: a German and an English report of one
story share no words; within one language only shared words make a story).
All of it was chosen on the seed fixture's tuning part and the ECB+ tuning
topics (tests/benchmarks/tune_meaning.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdiff.core.matching.meaning_gate import Partners, open_reports
from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.matching.scoring import Passages, ScoredPair

if TYPE_CHECKING:
    import numpy as np

# Reports of two languages are compared all at once up to this many passages
# (a matrix of their square); beyond, and always within one language, only
# the reports of each lexical story of 2+ reports are (align._components).
MAX_PASSAGES = 4000


@dataclass(frozen=True, slots=True)
class MeaningLinks:
    """Mutual best partners by meaning, and how many translations two reports share.

    ``links`` ``(margin, i, j)`` with ``i < j``, largest margin first;
    ``cosine[(i, j)]`` their centred cosine, the score a semantic pair shows.
    """

    links: tuple[tuple[float, int, int], ...] = ()
    cosine: dict[tuple[int, int], float] = field(default_factory=dict)
    translations: Counter[tuple[int, int]] = field(default_factory=Counter)


def meaning_links(
    passages: Passages,
    components: Sequence[Sequence[int]],
    languages: Sequence[str],
    *,
    options: AlignOptions,
    lexical: Sequence[ScoredPair] = (),
    shared: Counter[tuple[int, int]] | None = None,
) -> MeaningLinks:
    """The semantic links within each component (a list of reports compared together).

    ``languages[g]`` is the language of report ``g``; translations are only
    counted between reports of two languages (within one, shared words count).
    ``lexical`` (the pairs made by shared words) and ``shared`` (how many strong
    pairs each two reports share) say where no link could stand
    (``meaning_gate``): a component with none is never embedded.
    """
    from newsdiff.core.meaning.embedder import available

    if not options.semantic or not available():
        return MeaningLinks()

    from newsdiff.core.meaning.vectors import centred, embed

    groups = passages.groups
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    partners = Partners.of(lexical, groups, languages, options=options)
    links: list[tuple[float, int, int]] = []
    cosine: dict[tuple[int, int], float] = {}
    translations: Counter[tuple[int, int]] = Counter()
    for component in components:
        reports = sorted(g for g in component if g in members)
        if len(reports) < 2:
            continue
        chances = open_reports(reports, members, languages, partners, shared, options=options)
        if not chances:
            continue  # no link could stand here: nothing to embed
        index = [i for g in reports for i in members[g]]
        raw = embed([passages.texts[i] for i in index])
        context = raw.copy()
        for k in range(1, len(index)):
            if groups[index[k]] == groups[index[k - 1]]:
                context[k] += options.semantic_context * raw[k - 1]
        own, within = centred(raw), centred(context)
        at = {i: k for k, i in enumerate(index)}
        # each report's rows taken out once, not once per other report: a story of
        # 192 wire copies has 18,000 report pairs (same operands, same products)
        rows_of = {g: [at[i] for i in members[g]] for g in reports}
        parts = [{g: vectors[rows_of[g]] for g in reports} for vectors in (own, within)]
        transposed = [{g: m.T for g, m in part.items()} for part in parts]
        best: dict[tuple[int, int], tuple[float, float]] = {}  # pair -> (margin, cosine)
        for g, h in chances:
            # a passage means what it says, or what it says after its predecessor
            for vectors, part, part_t in zip((own, within), parts, transposed, strict=True):
                block = part[g] @ part_t[h]
                for r, c, cos, margin in _mutual(block):
                    i, j = members[g][r], members[h][c]
                    key = (min(i, j), max(i, j))
                    if (
                        vectors is own
                        and languages[g] != languages[h]
                        and raw[at[i]] @ raw[at[j]] >= options.story_cosine
                    ):
                        translations[g, h] += 1
                    if not (partners.free(i, h) and partners.free(j, g)):
                        continue  # shared words found its claim there already (meaning_gate)
                    if cos >= options.semantic_floor and margin > best.get(key, (-9.0,))[0]:
                        best[key] = (margin, cos)
        for key, (margin, cos) in best.items():
            links.append((round(margin, 9), *key))
            cosine[key] = max(cosine.get(key, 0.0), round(cos, 4))
    links.sort(key=lambda e: (-e[0], e[1], e[2]))
    return MeaningLinks(tuple(links), cosine, translations)


def _mutual(block: np.ndarray) -> list[tuple[int, int, float, float]]:
    """Row, column, cosine and margin of each pair of mutual best partners in ``block``.

    The margin is the cosine minus the mean of both passages' three best
    cosines in the other report: a passage close to everything scores low.

    >>> import numpy as np
    >>> [(r, c) for r, c, _, _ in _mutual(np.array([[0.9, 0.1], [0.2, 0.8]]))]
    [(0, 0), (1, 1)]
    """
    import numpy as np

    across, down = block.argmax(1), block.argmax(0)
    n = min(3, *block.shape)
    near_row = np.sort(block, 1)[:, -n:].mean(1)
    near_col = np.sort(block, 0)[-n:, :].mean(0)
    out = []
    for r, c in enumerate(across):
        if down[c] == r:
            cos = float(block[r, c])
            out.append((r, int(c), cos, cos - float(near_row[r] + near_col[c]) / 2))
    return out


def stand(
    found: MeaningLinks,
    lexical: Sequence[ScoredPair],
    shared: Counter[tuple[int, int]],
    passages: Passages,
    languages: Sequence[str],
    *,
    options: AlignOptions,
) -> tuple[ScoredPair, ...]:
    """The semantic links that stand beside the ``lexical`` ones, to be clustered after them.

    A link stands between two reports of one story when its margin reaches
    ``options.semantic_margin`` and, within one language, it does not join
    the first passages of two reports: two headlines of one story are close
    by topic alone, and where they tell the same claim in one language shared
    words pair them already (see ``SEMANTIC_MARGIN`` for the measurement).

    >>> found = MeaningLinks(((0.1, 1, 2),), {(1, 2): 0.4}, Counter({(0, 1): 2}))
    >>> p = Passages(((0, 0), (0, 1), (1, 0)), (), (), (0, 0, 1))
    >>> stand(found, (), Counter(), p, ["de", "en"], options=AlignOptions())
    (ScoredPair(score=0.4, left=1, right=2),)
    """
    groups = passages.groups
    have = {(p.left, p.right) for p in lexical}
    out = []
    for margin, i, j in found.links:
        g, h = groups[i], groups[j]
        story = max(shared[g, h], shared[h, g], found.translations[min(g, h), max(g, h)])
        if (i, j) in have or story < options.story_pairs or margin < options.semantic_margin:
            continue
        leads = passages.refs[i][1] == 0 and passages.refs[j][1] == 0
        if leads and languages[g] == languages[h] and not options.semantic_leads:
            continue
        out.append(ScoredPair(found.cosine[i, j], i, j))
    return tuple(out)
