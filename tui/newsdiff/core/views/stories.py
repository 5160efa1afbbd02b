"""What the article list says about stories: groups, their headers, a story's closest two.

The list shows one group per story of two or more reports, largest first as
``detect_stories`` orders them, then one group of the reports alone ("no
related report"). Sorting and filtering act within each group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.core.views.cells import cell_width, fit_words

if TYPE_CHECKING:  # the list paints before the core model is needed
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview

ALONE = "no related report"
NO_LABEL = "(no telling words)"  # a story of figures or function words only


def story_name(story: Story) -> str:
    """A story's label, or what stands for it when it has none (the same on every screen).

    >>> from newsdiff.core.stories.detect import Story
    >>> story_name(Story(("a", "b"), "Kursk")), story_name(Story(("a", "b"), ""))
    ('Kursk', '(no telling words)')
    """
    return story.label or NO_LABEL


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One group of the list: ``story`` None gathers the reports alone."""

    key: str
    story: Story | None
    articles: tuple[Article, ...]
    size: int  # the reports of the group before any filter

    @property
    def heading(self) -> str:
        """The header row's text: label, count and date range.

        >>> from newsdiff.core.stories.detect import Story
        >>> StoryGroup("story:0", Story(("a", "b"), "Kursk · Soldaten",
        ...     "2024-10-28", "2024-10-30"), (), 2).heading
        'Kursk · Soldaten · 2 reports · 2024-10-28–30'
        """
        parts = [self.name, self.count]
        if self.span:
            parts.append(self.span)
        return " · ".join(parts)

    @property
    def name(self) -> str:
        """The story's label, or "No related report" for the reports alone."""
        if self.story is None:
            return f"{ALONE[0].upper()}{ALONE[1:]}"
        return story_name(self.story)

    @property
    def count(self) -> str:
        """How many reports the story has, in words: "5 reports", "2 of 5 reports" when
        the filter keeps only some.

        >>> StoryGroup("s", None, (), 5).count
        '5 reports'
        """
        return f"{self._number} report{'' if self.size == 1 else 's'}"

    @property
    def _number(self) -> str:
        shown = len(self.articles)
        return f"{shown} of {self.size}" if 0 < shown < self.size else str(self.size)

    def title_within(self, width: int | None) -> str:
        """The header row's title in ``width`` cells: the count, then the label. When
        the label would be cut, the count keeps only its number: the label is what
        tells the stories apart (two "Lindsay Lohan · …" stories), and the detail
        line under the list says "23 reports".

        >>> alone = StoryGroup("alone", None, (), 56)
        >>> alone.title_within(None), alone.title_within(26), alone.title_within(19)
        ('56 reports · No related report', '56 · No related report', '56 · No related …')
        """
        whole = f"{self.count} · {self.name}"
        if width is None or cell_width(whole) <= width:
            return whole
        # cut after a whole word of the label, not mid-word ("Wasilla Bible Chu…")
        return fit_words(f"{self._number} · {self.name}", width, keep=len(self._number) + 2)

    @property
    def span(self) -> str:
        """The story's date range (empty when no report is dated, and for the lone ones)."""
        return self.span_within(None)

    def span_within(self, width: int | None) -> str:
        """The date range in at most ``width`` characters where it can be (see ``date_span``)."""
        if self.story is None:
            return ""
        return date_span(self.story.first_date, self.story.last_date, width)


def date_span(first: str | None, last: str | None, width: int | None = None) -> str:
    """A short date range: the shared year and month written once.

    With ``width``, the most precise form that fits: days, else months,
    else years (a story over two years in a narrow column reads "2024–2025").

    >>> date_span("2024-10-28T09:00", "2024-11-02")
    '2024-10-28–11-02'
    >>> date_span("2024-10-28", "2024-10-28"), date_span(None, None)
    ('2024-10-28', '')
    >>> date_span("2024-11-06", "2025-04-28", 13), date_span("2013-05-02", "2013-06-14", 10)
    ('2024–2025', '2013-05–06')
    """
    if not first:
        return ""
    first, last = first[:10], (last or first)[:10]
    forms = [_span(first, last), _span(first[:7], last[:7]), _span(first[:4], last[:4])]
    if width is None:
        return forms[0]
    return next((form for form in forms if len(form) <= width), forms[-1])


def _span(first: str, last: str) -> str:
    """``first``–``last`` with the leading parts they share written once."""
    if first == last:
        return first
    for cut in (8, 5):  # same month, same year (only where both have the part)
        if len(first) > cut and first[:cut] == last[:cut]:
            return f"{first}–{last[cut:]}"
    return f"{first}–{last}"


def group_articles(
    stories: Sequence[Story],
    articles: Sequence[Article],
    arrange: Callable[[Iterable[Article]], list[Article]],
) -> list[StoryGroup]:
    """The list's groups: ``arrange`` (filter and sort) applied within each story.

    Groups the filter empties are left out; reports no story names go with
    the reports alone.

    >>> from newsdiff.core.model import Article
    >>> from newsdiff.core.stories.detect import Story
    >>> a, b, c = (Article(x, x, "", x, None, "de", (), 0) for x in "abc")
    >>> groups = group_articles([Story(("a", "c"), "L"), Story(("b",), "")], [a, b, c], list)
    >>> [(g.key, [x.id for x in g.articles]) for g in groups]
    [('story:0', ['a', 'c']), ('alone', ['b'])]
    """
    by_id = {article.id: article for article in articles}
    groups: list[StoryGroup] = []
    placed: set[str] = set()
    for number, story in enumerate(stories):
        if story.alone:
            continue
        members = [by_id[m] for m in story.members if m in by_id]
        placed.update(a.id for a in members)
        shown = tuple(arrange(members))
        if shown:
            groups.append(StoryGroup(f"story:{number}", story, shown, len(members)))
    rest = [article for article in articles if article.id not in placed]
    shown = tuple(arrange(rest))
    if shown:
        groups.append(StoryGroup("alone", None, shown, len(rest)))
    return groups


def story_choices(stories: Iterable[Story]) -> list[tuple[str, str]]:
    """Each story of two or more reports as (its heading, its first member), for a
    "which story?" question.

    >>> from newsdiff.core.stories.detect import Story
    >>> story_choices([Story(("a", "b"), "Kursk"), Story(("c",), "")])
    [('Kursk · 2 reports', 'a')]
    """
    return [
        (StoryGroup("", story, (), len(story.members)).heading, story.members[0])
        for story in stories
        if not story.alone
    ]


def story_of(stories: Sequence[Story], article_id: str) -> Story | None:
    """The story ``article_id`` belongs to, or None when no story names it.

    >>> from newsdiff.core.stories.detect import Story
    >>> story_of([Story(("a", "b"), "L")], "b").members, story_of([], "b")
    (('a', 'b'), None)
    """
    return next((s for s in stories if article_id in s.members), None)


def closest_two(
    members: Iterable[str], overviews: Mapping[str, ArticleOverview]
) -> tuple[str, str] | None:
    """The two members that share the most pairs, or None when no two share one.

    >>> from newsdiff.core.views.overview import ArticleOverview
    >>> views = {"a": ArticleOverview("a", 3, 1, 0, (("c", 1),)),
    ...          "b": ArticleOverview("b", 3, 2, 0, (("c", 2),)),
    ...          "c": ArticleOverview("c", 3, 2, 0, (("b", 2), ("a", 1)))}
    >>> closest_two(["a", "b", "c"], views)
    ('b', 'c')
    """
    keep = list(members)
    inside = set(keep)
    best: tuple[int, str, str] | None = None
    for member in keep:
        view = overviews.get(member)
        for partner, shared in view.partners if view else ():
            if partner in inside and (best is None or shared > best[0]):
                best = (shared, member, partner)
    return (best[1], best[2]) if best else None
