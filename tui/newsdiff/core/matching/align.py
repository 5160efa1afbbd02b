"""Pair the passages that tell the same claim across reports, and group them into claims.

Reports reorder facts and split or merge sentences, so alignment is neither
monotonic nor one-to-one: any passage may pair with any passage of another
report. Candidates come from rare shared lemmas (``newsdiff.core.matching.candidates``),
each is scored with ``newsdiff.core.matching.similarity``, and pairs above the threshold
join claim clusters; somewhat below it, two passages that are each other's best
match between their two reports join too (competitive linking). A cluster only
grows when every cross-report pair in it still scores above a floor (or is such
a mutual best match), so a chain of loose links cannot glue unrelated claims
together, and every pair inside a cluster is known and reported. Between
reports of one story, two passages giving a total of one measure ("etwa
10.000 bis 12.000 Soldaten" / "bis zu 15.000 Mann") are scored with that
shared claim slot (``similarity.MEASURE_FEATURES``).
Everything is computed in the order of the article ids, so the result does not
depend on the order the reports were given in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from newsdiff.core.language.text import Token, fold, normalize_number, tokenize
from newsdiff.core.matching.candidates import candidate_pairs
from newsdiff.core.matching.similarity import (
    Frequencies,
    Profile,
    profile,
    score_profiles,
    variants,
)
from newsdiff.core.model import Alignment, Article, Pair, Relation, SentenceRef, WordChange

# Chosen on the seed fixture (tests/fixtures/seed_pairs.json, see tests/test_align.py).
THRESHOLD = 0.35  # a pair of passages scoring this much tells the same claim
CLUSTER_FLOOR = 0.25  # every cross-report pair inside a claim cluster scores at least this
# A candidate's exact overlap must reach this share of the floor: variants and
# figures add to it, but never enough to lift a pair from below.
MIN_OVERLAP = 0.4
MIN_SHARED = 2  # lemmas, other than topic words, a pair must share
# Competitive linking: below the threshold, by up to this much, a pair
# still stands when the two passages are each other's best partner in the
# other report and share MUTUAL_EVIDENCE lemmas (see _evidence): a report tells
# a claim once, so its best match in another report of the same story likely
# tells it too, in other words. Two reports are of one story when they already
# share STORY_PAIRS pairs above the threshold (without that gate, aligning 300
# unrelated gnad articles made 289 more pairs, nearly all wrong; with it, 12).
# Chosen on the tuning part of the seed fixture (tests/seed_quality.py).
MUTUAL_MARGIN = 0.14  # (0.6 of the default threshold)
MUTUAL_EVIDENCE = 3
STORY_PAIRS = 2
VARIANT_EVIDENCE = 80.0  # rapidfuzz ratio from which a variant counts as a shared lemma
VARIANT_MIN_LENGTH = 5  # ... and is this long: short words look alike by chance
# A total of one measure given by both passages (similarity.MEASURE_FEATURES)
# is a claim slot in itself: it counts as this many shared lemmas.
MEASURE_EVIDENCE = 2
MAX_REPEATS = 100  # identical passages of two reports paired all with all up to this many pairs


def align(
    articles: Sequence[Article],
    *,
    threshold: float | None = None,
    floor: float | None = None,
) -> Alignment:
    """The pairs of passages that tell the same claim, between every two articles.

    ``threshold`` (default ``THRESHOLD``) is the score from which two passages
    pair; ``floor`` (default ``CLUSTER_FLOOR``, never above the threshold) the
    score every pair inside a claim cluster must keep. In each pair, ``left``
    is the passage of the article that comes first in ``articles``.

    >>> from newsdiff.core.model import Sentence
    >>> def article(id_, *texts):
    ...     sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    ...     return Article(id_, id_, " ".join(texts), texts[0], None, "de", sentences, 9)
    >>> a = article("a", "Nordkorea bestätigt Truppenentsendung nach Russland.", "Kim lacht.")
    >>> b = article("b", "Wetter heute.", "Nordkorea hat die Entsendung von Truppen bestätigt.")
    >>> [(p.left.sentence, p.right.sentence, p.relation) for p in align([a, b]).pairs]
    [(0, 1, 'reworded')]
    """
    threshold = THRESHOLD if threshold is None else threshold
    floor = min(threshold, CLUSTER_FLOOR if floor is None else floor)
    low = max(0.0, threshold - MUTUAL_MARGIN)
    order = sorted(range(len(articles)), key=lambda k: (articles[k].id, articles[k].path))
    refs: list[tuple[int, int]] = []  # (position in ``articles``, passage index)
    profiles: list[Profile] = []
    texts: list[str] = []
    for k in order:
        article = articles[k]
        for sentence in article.sentences:
            refs.append((k, sentence.index))
            texts.append(sentence.text)
            profiles.append(profile(sentence.text, language=article.language))
    groups = [k for k, _ in refs]
    frequencies = Frequencies.from_profiles(profiles)
    scores: dict[tuple[int, int], float] = {}
    topic: dict[int, int] = {}  # report -> its story (see _stories); set once scored

    def measured(i: int, j: int) -> bool:
        """Whether the measure features count: only between reports of one story."""
        same = topic.get(groups[i], -1) == topic.get(groups[j], -2)
        return same and _share_measure(profiles[i], profiles[j])

    def score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in scores:
            # below both floors a score only needs to be known as "too low"
            cut = min(floor, low)
            scores[key] = score_profiles(
                profiles[key[0]], profiles[key[1]], frequencies, cutoff=cut, measures=measured(*key)
            )
        return scores[key]

    def evidence(i: int, j: int) -> int:
        return _evidence(profiles[i], profiles[j], frequencies, measures=measured(i, j))

    edges = _identical_pairs(profiles, groups)
    edges.update(candidate_pairs(profiles, groups, min_overlap=MIN_OVERLAP * min(floor, low)))
    edges_sorted = sorted(edges)
    # Two reports are of one story when they share STORY_PAIRS pairs above the
    # threshold without the measures; the measures then count between them, so
    # "71 Tote" and "145 Tote" from two unrelated stories stay apart.
    story = Counter(
        (groups[i], groups[j])
        for i, j in edges_sorted
        if score(i, j) >= threshold and evidence(i, j) >= MIN_SHARED
    )
    # only now: every pair above was scored without the measures
    topic.update(_stories(k for k, n in story.items() if n >= STORY_PAIRS))
    for i, j in edges_sorted:
        if measured(i, j):
            del scores[i, j]  # scored again with the measures
    scored = [(score(i, j), i, j) for i, j in edges_sorted]
    strong = [(s, i, j) for s, i, j in scored if s >= threshold and evidence(i, j) >= MIN_SHARED]
    # Competitive linking only between two reports of one story: unrelated
    # reports have best matches too.
    best = _best_partners(scored, groups)
    strong += [
        (s, i, j)
        for s, i, j in scored
        if low <= s < threshold
        and story[groups[i], groups[j]] >= STORY_PAIRS
        and best.get((i, groups[j])) == best.get((j, groups[i])) == s
        and evidence(i, j) >= MUTUAL_EVIDENCE
    ]
    strong.sort(key=lambda e: -e[0])  # stable: ties stay in index order
    clusters = _cluster(strong, groups, score, floor)
    pairs = []
    memo: dict[tuple, tuple] = {}  # type: ignore[type-arg]
    for members in clusters:
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if groups[i] != groups[j]:
                    pairs.append(_pair(articles, refs, texts, i, j, score(i, j), memo))
    position = {a.id: k for k, a in enumerate(articles)}
    pairs.sort(
        key=lambda p: (
            position[p.left.article],
            position[p.right.article],
            p.left.sentence,
            p.right.sentence,
        )
    )
    ref_of = {i: SentenceRef(articles[refs[i][0]].id, refs[i][1]) for m in clusters for i in m}
    claims = [
        tuple(sorted((ref_of[i] for i in m), key=lambda r: (position[r.article], r.sentence)))
        for m in clusters
    ]
    claims.sort(key=lambda c: (position[c[0].article], c[0].sentence))
    return Alignment(tuple(articles), tuple(pairs), tuple(claims))


def _stories(links: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Each linked report's story: the smallest report linked to it, directly or in a chain.

    >>> _stories([(3, 4), (0, 3), (7, 8)])
    {0: 0, 3: 0, 4: 0, 7: 7, 8: 7}
    """
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in sorted(parent)}


def _share_measure(left: Profile, right: Profile) -> bool:
    return any(f[0] == "@" for f in left.features & right.features)


def _evidence(
    left: Profile, right: Profile, frequencies: Frequencies, *, measures: bool = False
) -> int:
    """How many lemmas two passages share that are not the story's topic words.

    One shared word makes two short passages look alike ("Es ist eine super
    Sache." / "Die Sache wurde interessanter."); a claim repeated in another
    report shares more than that. Identically worded passages need no evidence.
    A shared measure (with ``measures``) counts as ``MEASURE_EVIDENCE`` lemmas.
    """
    if left.folded == right.folded:
        return MIN_SHARED
    common = left.features & right.features
    value = MEASURE_EVIDENCE if measures else 0
    shared = sum((value if f[0] == "@" else 1) for f in common if not frequencies.is_topic(f))
    if shared >= MIN_SHARED:
        return shared
    # close spelling variants count too ("Verletzte" / "verletzt", "Tote" / "Toten")
    for f in left.features - common:
        if len(f) >= VARIANT_MIN_LENGTH and not frequencies.is_topic(f) and f[0] not in "#@":
            best = process.extractOne(
                f, variants(f, right, common), scorer=fuzz.ratio, score_cutoff=VARIANT_EVIDENCE
            )
            shared += best is not None
    return shared


def _best_partners(scored, groups) -> dict[tuple[int, int], float]:  # type: ignore[no-untyped-def]
    """``(i, g)``: the best score of passage ``i`` with any passage of report ``g``."""
    best: dict[tuple[int, int], float] = {}
    for s, i, j in scored:
        for a, b in ((i, j), (j, i)):
            key = (a, groups[b])
            if s > best.get(key, -1.0):
                best[key] = s
    return best


def _identical_pairs(profiles: Sequence[Profile], groups: Sequence[int]) -> set[tuple[int, int]]:
    """Passages worded identically always pair, even when made of topic words only.

    Bucketed by article first, so a text that repeats one line thousands of
    times ("Ja.") costs nothing unless another report repeats it too.
    """
    seen: dict[str, dict[int, list[int]]] = {}
    for i, p in enumerate(profiles):
        if p.folded:
            seen.setdefault(p.folded, {}).setdefault(groups[i], []).append(i)
    pairs: set[tuple[int, int]] = set()
    for by_group in seen.values():
        if len(by_group) < 2:
            continue
        owners = sorted(by_group)
        for x, g in enumerate(owners):
            for h in owners[x + 1 :]:
                left, right = by_group[g], by_group[h]
                if len(left) * len(right) <= MAX_REPEATS:
                    pairs.update((min(i, j), max(i, j)) for i in left for j in right)
                else:  # boilerplate repeated in both: the k-th copy meets the k-th copy
                    pairs.update((min(i, j), max(i, j)) for i, j in zip(left, right, strict=False))
    return pairs


def _cluster(strong, groups, score, floor) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Merge along the strongest pairs first while every cross-report pair stays above ``floor``.

    A pair accepted as a mutual best match counts as above the floor itself.
    """
    accepted = {(i, j) for _, i, j in strong}
    cluster_of: dict[int, list[int]] = {}
    for _, i, j in strong:
        a = cluster_of.get(i, [i])
        b = cluster_of.get(j, [j])
        if a is b:
            continue
        if all(
            score(x, y) >= floor or (min(x, y), max(x, y)) in accepted
            for x in a
            for y in b
            if groups[x] != groups[y]
        ):
            merged = sorted(a + b)
            for member in merged:
                cluster_of[member] = merged
    unique = {id(c): c for c in cluster_of.values()}
    return sorted(unique.values())


def _pair(articles: Sequence[Article], refs, texts, i: int, j: int, score: float, memo) -> Pair:  # type: ignore[no-untyped-def]
    """The Pair of passages ``i`` and ``j``, left being the earlier article in the input.

    Word changes, facts and relation depend only on the two texts (and dates),
    so repeated boilerplate is compared once (``memo``).
    """
    if refs[j] < refs[i]:
        i, j = j, i
    (ka, sa), (kb, sb) = refs[i], refs[j]
    left, right = articles[ka], articles[kb]
    key = (texts[i], texts[j], left.language, left.date, right.date)
    if key not in memo:
        memo[key] = _compare(*key)
    changes, facts, relation = memo[key]
    return Pair(
        SentenceRef(left.id, sa),
        SentenceRef(right.id, sb),
        round(score, 4),
        relation,
        changes,
        facts,
    )


def _compare(left_text: str, right_text: str, language: str, left_date, right_date):  # type: ignore[no-untyped-def]
    from newsdiff.core.facts import compare_facts  # written alongside; loaded on use

    facts = compare_facts(
        left_text,
        right_text,
        language=language,
        left_published=left_date,
        right_published=right_date,
    )
    relation: Relation = "reworded"
    if _words(tokenize(left_text)) == _words(tokenize(right_text)):
        relation = "identical"
    elif any(f.status == "differ" for f in facts):
        relation = "facts-differ"
    return word_changes(left_text, right_text), facts, relation


def _words(tokens: Sequence[Token]) -> list[str]:
    return [normalize_number(t.text) if t.number else fold(t.text) for t in tokens]


def word_changes(left: str, right: str) -> tuple[WordChange, ...]:
    """The word-level edit script from ``left`` to ``right`` as character spans.

    Words compare folded, numbers normalised, so "10.000" and "10000" are equal.

    >>> [c.tag for c in word_changes("rund 11.000 Soldaten", "etwa 11000 Soldaten")]
    ['replace', 'equal']
    """
    lt, rt = tokenize(left), tokenize(right)
    out = []
    for op in Levenshtein.opcodes(_words(lt), _words(rt)):
        ls, le = _span(lt, op.src_start, op.src_end)
        rs, re_ = _span(rt, op.dest_start, op.dest_end)
        out.append(WordChange(op.tag, ls, le, rs, re_))  # type: ignore[arg-type]  # rapidfuzz's tags are the four WordChange names
    return tuple(out)


def _span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    if start < end:
        return tokens[start].start, tokens[end - 1].end
    at = tokens[start].start if start < len(tokens) else (tokens[-1].end if tokens else 0)
    return at, at
