"""Tell the stories of a folder apart: which reports tell the same event.

Every report belongs to exactly one story; a story of one report means
"nothing related here". Two reports are linked when their telling words
(``newsdiff.core.stories.profile``: rare names, places, figures, content
lemmas, weighted by the language's background frequency and the lead) are
close by cosine; stories are the linked groups. Candidates come from an
inverted index over the words of each profile (``candidates``), so the work
grows with the number of reports, not with its square.

Everything runs in the order of the article ids, so the stories do not
depend on the order the reports were given in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsdiff.core.model import Article
from newsdiff.core.stories import stories_cache
from newsdiff.core.stories.candidates import Rows, Vectors, dot_products, rows, shared_pairs
from newsdiff.core.stories.graph import Adjacency
from newsdiff.core.stories.profile import StoryProfile
from newsdiff.core.stories.profile_cache import cached_profiles
from newsdiff.core.stories.split import (
    SplitOptions,
    adjacency,
    connected,
    copy_pairs,
    split_events,
)
from newsdiff.core.stories.stories_cache import stories_key

Signal = Callable[[Article, Article], float]


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """The knobs of story detection, chosen on ECB+ tuning topics + gnad + the seeds.

    ``signal`` is a seam for another similarity of two reports (sentence
    embeddings from ``newsdiff.core.meaning``, across languages): for every
    candidate pair the larger of the two scores counts. ``signal_key`` names
    what the signal answers (model version and threshold), so stories found
    with it can be kept in the stories cache; a signal without one is never cached.
    """

    threshold: float = 0.3  # cosine of two profiles from which they tell one story
    candidates: int = 30  # partners scored per report, the largest shared weight first
    max_postings: int = 60  # a word in more reports than this links only neighbours
    window: int = 4  # ... this many on either side in its list
    split: SplitOptions = field(default_factory=SplitOptions)  # how a group is cut into events
    signal: Signal | None = None
    signal_key: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Reports that tell one event: member ids (in id order), a label and the dates."""

    members: tuple[str, ...]
    label: str
    first_date: str | None = None
    last_date: str | None = None

    @property
    def alone(self) -> bool:
        """A story of one report: nothing related was found."""
        return len(self.members) == 1


def detect_stories(
    articles: Sequence[Article], *, options: StoryOptions | None = None
) -> tuple[Story, ...]:
    """The stories of ``articles``: each article in exactly one, largest stories first.

    >>> from newsdiff.core.model import Sentence
    >>> def article(id_, text):
    ...     return Article(id_, id_, text, text, None, "en", (Sentence(0, text, 0, len(text)),), 9)
    >>> stories = detect_stories([
    ...     article("a", "Lindsay Lohan checks into Betty Ford Center for rehab."),
    ...     article("b", "Tara Reid checked into Promises Treatment Center."),
    ...     article("c", "Lohan enters Betty Ford clinic for a 90-day rehab stay."),
    ... ])
    >>> [(s.members, s.label) for s in stories]
    [(('a', 'c'), 'Lohan · rehab · Betty'), (('b',), 'Tara · Reid · Promises')]
    """
    options = options or StoryOptions()
    ordered = sorted(articles, key=lambda a: (a.id, a.path))
    # a callable has no key of its own: only a named signal lets the stories be kept
    cacheable = options.signal is None or options.signal_key is not None
    key = stories_key(ordered, replace(options, signal=None)) if cacheable else None
    found = (
        stories_cache.load(key, [a.id for a in ordered], dates={a.id: a.date for a in ordered})
        if key
        else None
    )
    if found is not None:
        return tuple(Story(*row) for row in found)
    vectors, surfaces = _compact(cached_profiles(ordered))
    table = rows(vectors)  # the vectors as arrays, for the candidates and their cosines
    pairs = candidate_pairs(table, options=options)
    sums = dot_products(table, pairs)
    del table
    if sums is None:  # a vector not in name order: summed here, in its own order
        scores = [_cosine(vectors[i], vectors[j]) for i, j in pairs]
    else:  # rounded as _cosine rounds
        scores = [round(s, 9) for s in sums]
    links: list[tuple[int, int]] = []
    by_words: list[tuple[int, int]] = []  # the links the profiles' words make on their own
    for (i, j), score in zip(pairs, scores, strict=True):
        if score >= options.threshold:
            by_words.append((i, j))
        elif options.signal is not None:
            score = max(score, options.signal(ordered[i], ordered[j]))
        if score >= options.threshold:
            links.append((i, j))
    parts = settle(range(len(ordered)), links, vectors, options=options, by_words=by_words)
    stories = [
        _story([ordered[k] for k in g], [vectors[k] for k in g], [surfaces[k] for k in g])
        for g in parts
    ]
    stories.sort(key=lambda s: (-len(s.members), s.members))
    if key:
        stories_cache.store(key, [(s.members, s.label, s.first_date, s.last_date) for s in stories])
    return tuple(stories)


def settle(
    members: Iterable[int],
    links: Sequence[tuple[int, int]],
    vectors: Sequence[dict[str, float]],
    *,
    options: StoryOptions,
    by_words: Sequence[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """The stories among ``members``: linked groups, split into events until nothing splits.

    Each story that comes out is connected by links among its own members and
    does not split again, so detecting it alone gives it back unchanged: its
    alignment is the same in any folder. ``by_words`` are the links shared
    words make (default: all ``links``), the ones that bring a report left
    alone by a cut back to its story (``_strays_home``).

    >>> settle(range(4), [(0, 1), (2, 3)], [{}] * 4, options=StoryOptions())
    [[0, 1], [2, 3]]
    """
    done: list[list[int]] = []
    linked = adjacency(links)
    copies = copy_pairs(links, vectors, options=options.split)
    todo = [sorted(members)]
    while todo:
        part = todo.pop()
        for group in connected(part, linked):
            pieces = split_events(group, vectors, copies, options=options.split)
            if len(pieces) == 1:
                done.append(group)
            else:
                todo.extend(pieces)
    anchors = linked if by_words is None else adjacency(by_words)
    return sorted(_strays_home(done, anchors, vectors, copies, options=options))


def _strays_home(
    done: list[list[int]],
    linked: Adjacency,
    vectors: Sequence[dict[str, float]],
    copies: Adjacency,
    *,
    options: StoryOptions,
) -> list[list[int]]:
    """The stories, each report a cut left alone joined to the story most of its links are in.

    A cut goes by words weighed within its group, and one cut inside another
    can leave a report with none of its links on its side: a Tara Reid
    rehab report, put with the Lohan reports by the first cut, is left alone
    when the second cuts those, though most of its links are to the Reid story.
    It joins that story when the story with it still does not split, so
    detecting the story alone gives it back. Only links of shared words count
    here: a link by meaning alone (another language) is too weak to undo a
    cut (a German NBA round-up was linked so to a 76ers coach's firing).
    """
    story_of = {k: n for n, group in enumerate(done) for k in group}
    for k in sorted(k for group in done if len(group) == 1 for k in group):
        homes = Counter(story_of[j] for j in linked.get(k, ()) if j in story_of)
        ranked = homes.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            continue  # linked to nothing, or as much to two stories
        home = ranked[0][0]
        joined = sorted([*done[home], k])
        if len(split_events(joined, vectors, copies, options=options.split)) == 1:
            done[story_of[k]] = []
            done[home] = joined
            story_of[k] = home
    return [group for group in done if group]


def candidate_pairs(vectors: Vectors | Rows, *, options: StoryOptions) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth scoring: they share telling words.

    >>> vs = [{"lohan": 0.9, "rehab": 0.4}, {"reid": 1.0}, {"lohan": 0.7, "ford": 0.7}]
    >>> candidate_pairs(vs, options=StoryOptions())
    [(0, 2)]
    """
    return shared_pairs(
        vectors,
        keep=options.candidates,
        max_postings=options.max_postings,
        window=options.window,
    )


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if len(right) < len(left):
        left, right = right, left
    # rounded: sums over dicts may differ in the last bit with insertion order
    return round(sum([w * right[f] for f, w in left.items() if f in right]), 9)


LABEL_WORDS = 3


def _compact(
    profiles: list[StoryProfile],
) -> tuple[list[dict[str, float]], list[tuple[tuple[str, str], ...]]]:
    """Each profile as its vector and its surface forms, every word one shared string.

    The profiles are let go: at 10,000 reports their weight tuples and the
    copies of each word read back from the profile store held about 100 MB
    while detection ran. The vector keeps the weights in the profile's order.
    """
    words: dict[str, str] = {}
    one = words.setdefault
    vectors, surfaces = [], []
    while profiles:
        p = profiles.pop()  # the list empties as it goes, so each profile is freed at once
        vectors.append({one(f, f): w for f, w in p.weights})
        surfaces.append(tuple((one(f, f), one(s, s)) for f, s in p.surface))
    vectors.reverse()
    surfaces.reverse()
    return vectors, surfaces


def _shared_weight(
    vectors: Sequence[dict[str, float]], surfaces: Sequence[tuple[tuple[str, str], ...]]
) -> tuple[dict[str, float], dict[str, str]]:
    """Minus the summed weight of each word most members share, and its first written form
    (the first capitalised one, where a member writes it so)."""
    total: dict[str, float] = defaultdict(float)
    present: dict[str, int] = defaultdict(int)
    written: dict[str, str] = {}
    for vector, forms in zip(vectors, surfaces, strict=True):
        for f, w in vector.items():
            total[f] += w
            present[f] += 1
        for f, s in forms:
            # a capitalised form from any member before a lower-case one ("Sheriff")
            if f not in written or (s[0].isupper() and not written[f][0].isupper()):
                written[f] = s
    need = max(1, (len(vectors) + 1) // 2)
    heaviest = {
        f: -round(w, 9) for f, w in total.items() if present[f] >= need and f[0] not in "#@"
    }
    return heaviest, written


def _story(
    members: Sequence[Article],
    vectors: Sequence[dict[str, float]],
    surfaces: Sequence[tuple[tuple[str, str], ...]],
) -> Story:
    """The Story of ``members``: its label is the words that weigh most across them.

    A word counts for the label only when most members share it (all of a
    story of two), so one report's aside does not name the story.
    """
    if len(vectors) == 1:  # a report alone, most stories: its weights are rounded already
        heaviest = {f: -w for f, w in vectors[0].items() if f[0] not in "#@"}
        written = dict(surfaces[0])
    else:
        heaviest, written = _shared_weight(vectors, surfaces)
    # heaviest first, equals by name: a stable sort of the names, by weight
    ranked = sorted(sorted(heaviest), key=heaviest.__getitem__)
    chosen: list[str] = []
    shown: set[str] = set()
    for f in ranked:  # one word per stem: not "Nordkorea · Nordkoreanische"
        surface = written.get(f)
        if surface is None:
            continue  # no report writes it as a word of its own: "ers" of "76ers"
        # nor one written word twice: "Mikl-Leitner" is the surface of "mikl" and "leitner"
        if surface not in shown and not any(f[:6] == c[:6] for c in chosen):
            chosen.append(f)
            shown.add(surface)
            if len(chosen) == LABEL_WORDS:
                break
    label = " · ".join(written[f] for f in chosen)
    dates = sorted(a.date for a in members if a.date)
    return Story(
        tuple(a.id for a in members),
        label,
        dates[0] if dates else None,
        dates[-1] if dates else None,
    )
