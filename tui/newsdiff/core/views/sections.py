"""A report story by story: each story's reports, agreement and claims under its own heading.

A folder of several stories gives one report whose agreement table and claims
would otherwise run through every story in one list. A reader of a shared
report wants what ``newsdiff facts`` and the app show: a heading per story
(its label, its reports, its dates), its pairs of sources and its claims
under it, and the reports with nothing related gathered at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff.core.model import Alignment
from newsdiff.core.views.clusters import ClusterView, letter
from newsdiff.core.views.summary import PairSummary

if TYPE_CHECKING:
    from newsdiff.core.stories.detect import Story

LABEL_CHARS = 80  # a title standing in for a label: one line of a heading


@dataclass(frozen=True, slots=True)
class StorySection:
    """One story of two or more reports; ``members`` are article indices, in input order."""

    number: int
    label: str
    members: tuple[int, ...]
    first_date: str | None
    last_date: str | None
    agreement: tuple[PairSummary, ...]
    claims: tuple[ClusterView, ...]
    size: int = 0  # the story's reports in the folder, when more than ``members``


@dataclass(frozen=True, slots=True)
class Sections:
    """The stories of two or more reports, numbered as ``newsdiff stories`` numbers them,
    the reports alone, and every claim numbered in the order the report tells them."""

    stories: tuple[StorySection, ...]
    alone: tuple[int, ...]
    claims: tuple[ClusterView, ...] = ()

    @property
    def several(self) -> bool:
        """Whether the report holds more than one story, so its sections need headings."""
        return len(self.stories) + len(self.alone) > 1


def report_sections(
    alignment: Alignment,
    claims: Sequence[ClusterView],
    agreement: Sequence[PairSummary],
    *,
    stories: Sequence[Story] = (),
) -> Sections:
    """``claims`` and ``agreement`` of ``alignment`` put under the story they belong to.

    ``stories`` give the labels, the dates and the order (as ``newsdiff stories``
    and ``newsdiff facts`` print them, so "Story 2" is one story in all three); a
    story they do not name is labelled by its first report's title, dated by its
    reports' dates, and comes after them by its first report. An alignment of no
    stories is one story of all its reports. The claims are numbered again in
    the order the sections tell them.
    A report of a story of several that is alone here (a comparison of two stories
    written from the app) keeps its story's heading: it is not "no related report".

    >>> from newsdiff.core.model import Article
    >>> from newsdiff.core.stories.detect import Story
    >>> a, b, c = (Article(x, x, "", f"Title {x}", None, "de", (), 0) for x in "abc")
    >>> told = report_sections(Alignment((a, b, c), (), (), stories=(("a", "c"), ("b",))), [], [])
    >>> [(s.label, s.members) for s in told.stories], told.alone, told.several
    ([('Title a', (0, 2))], (1,), True)
    >>> two = Alignment((a, b), (), (), stories=(("a",), ("b",)))
    >>> told = report_sections(two, [], [], stories=[Story(("a", "x"), "Kursk")])
    >>> [(s.label, s.members, s.size) for s in told.stories], told.alone
    ([('Kursk', (0,), 2)], (1,))
    """
    articles = alignment.articles
    index = {article.id: i for i, article in enumerate(articles)}
    groups = alignment.stories or ((tuple(a.id for a in articles),) if articles else ())
    known = {member: story for story in stories for member in story.members}
    story_of: dict[int, int] = {}
    told: list[tuple[tuple[str, ...], tuple[int, ...]]] = []
    alone: list[int] = []
    for group in groups:
        members = tuple(sorted(index[m] for m in group if m in index))
        found = known.get(group[0]) if group else None
        if len(members) == 1 and (found is None or found.alone):
            alone.append(members[0])
        elif members:
            told.append((group, members))
    # in the order of the stories given (largest first, as `stories` and `facts` list them),
    # a story they do not name after them by its first report
    rank = {story.members: k for k, story in enumerate(stories)}

    def place(story: tuple[tuple[str, ...], tuple[int, ...]]) -> tuple[int, int]:
        named = known.get(story[0][0])
        return (rank.get(named.members, len(rank)) if named else len(rank), story[1][0])

    told.sort(key=place)
    for number, (_, members) in enumerate(told):
        story_of.update(dict.fromkeys(members, number))
    by_story_claims: list[list[ClusterView]] = [[] for _ in told]
    for view in claims:
        if view.voices and view.voices[0].article in story_of:
            by_story_claims[story_of[view.voices[0].article]].append(view)
    by_story_pairs: list[list[PairSummary]] = [[] for _ in told]
    for summary in agreement:
        if summary.left in story_of:
            by_story_pairs[story_of[summary.left]].append(summary)
    sections = []
    for number, (group, members) in enumerate(told, start=1):
        story = known.get(group[0])
        dates = sorted(d for m in members if (d := articles[m].date))
        label = story.label if story and story.label else _title(articles[members[0]].title)
        # the story's dates when all of it is here, else those of its reports here
        whole = story is not None and len(story.members) == len(members)
        first = story.first_date if story and whole else (dates[0] if dates else None)
        last = story.last_date if story and whole else (dates[-1] if dates else None)
        sections.append(
            StorySection(
                number,
                label,
                members,
                first,
                last,
                tuple(by_story_pairs[number - 1]),
                tuple(by_story_claims[number - 1]),
                len(story.members) if story else len(members),
            )
        )
    return _numbered(sections, claims, tuple(sorted(alone)))


def _numbered(
    sections: list[StorySection], claims: Sequence[ClusterView], alone: tuple[int, ...]
) -> Sections:
    """The sections with their claims numbered 1, 2, ... in the order the report tells them."""
    renumbered: dict[int, ClusterView] = {}
    for section in sections:
        for view in section.claims:
            renumbered[view.number] = replace(view, number=len(renumbered) + 1)
    for view in claims:  # a claim of no section, should there be one: after them all
        if view.number not in renumbered:
            renumbered[view.number] = replace(view, number=len(renumbered) + 1)
    told = tuple(
        replace(section, claims=tuple(renumbered[v.number] for v in section.claims))
        for section in sections
    )
    return Sections(told, alone, tuple(renumbered.values()))


NO_CLAIMS = "No claim told by two of these reports."


def story_line(section: StorySection, count: int) -> str:
    """What a story's heading says under it: its reports by letter, and its dates.

    >>> s = StorySection(1, "x", (0, 1), "2024-10-01", "2024-11-02", (), ())
    >>> story_line(s, 3)
    '2 reports (A, B) · 2024-10-01 – 2024-11-02'
    >>> story_line(StorySection(1, "x", (2,), None, None, (), (), 23), 3)
    '1 of 23 reports (C)'
    """
    tags = ", ".join(letter(i, count) for i in section.members)
    shown = len(section.members)
    of = f"{shown} of {section.size}" if section.size > shown else str(shown)
    noun = "report" if max(shown, section.size) == 1 else "reports"
    about = [f"{of} {noun} ({tags})", _dates(section)]
    return " · ".join(part for part in about if part)


def _dates(section: StorySection) -> str:
    """One day, a span, or nothing."""
    if not section.first_date:
        return ""
    if section.last_date and section.last_date != section.first_date:
        return f"{section.first_date} – {section.last_date}"
    return section.first_date


def _title(title: str) -> str:
    line = " ".join(title.split())
    return line if len(line) <= LABEL_CHARS else line[: LABEL_CHARS - 1].rstrip() + "…"
