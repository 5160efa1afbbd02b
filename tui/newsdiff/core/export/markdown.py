"""The report as Markdown, for pasting into a ticket, a chat or a wiki.

Article text is data: every character Markdown could read as markup is
backslash-escaped, so a report quoting ``[link](x)``, ``*`` or ``|`` shows
them literally. Marks use plain Markdown so they survive without colour:
**bold** a differing fact, *italic* words changed against the compared
source, ~~strike~~ that source's words this one lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.core.model import Alignment
from newsdiff.core.views.clusters import (
    ClusterView,
    Run,
    byline,
    cluster_views,
    headline,
    how_compared,
    letter,
    plain,
    source_labels,
)
from newsdiff.core.views.sections import NO_CLAIMS, StorySection, report_sections, story_line
from newsdiff.core.views.summary import (
    PairSummary,
    omitted_note,
    overview,
    stories_note,
    summarize,
)

if TYPE_CHECKING:
    from newsdiff.core.stories.detect import Story

# Inline markup characters of CommonMark and GFM (tables, strikethrough); the
# text always sits after a prefix, so line-start markers (#, -, 1.) are inert.
# ("!" matters only before "[", "&" only where it starts an entity like "&amp;")
_MARKUP = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)
_CLOSING = tuple(".,;:!?)]}…")  # what follows a word with no space between

LEGEND = (
    "Marks: **bold** a fact the sources state differently, *italic* words changed against "
    "the compared source, ~~strike~~ that source's words missing here."
)


def escape(text: str) -> str:
    r"""Article text as literal Markdown, on one line.

    >>> escape("[link](x) *a* | b")
    '\\[link\\](x) \\*a\\* \\| b'
    """
    return _MARKUP.sub(r"\\\1", plain(text))


def _wrap(text: str, marker: str) -> str:
    # emphasis must not start or end on a space, so spaces stay outside
    edges = _EDGES.match(plain(text))
    assert edges is not None  # the pattern matches every string
    lead, core, trail = edges.groups()
    return f"{lead}{marker}{escape(core)}{marker}{trail}" if core else plain(text)


def _emphasised(run: Run) -> bool:
    return bool(run.marks) and "removed" not in run.marks


def _marker(run: Run) -> str:
    """The Markdown a run is wrapped in: "~~", "**", "*" or "" (plain)."""
    if "removed" in run.marks:
        return "~~"
    if "fact" in run.marks:
        return "**"
    return "*" if "changed" in run.marks else ""


def _merge(runs: tuple[Run, ...]) -> list[Run]:
    """Join touching fact/changed runs (`*a***b**` would not parse as two marks), and
    changed runs with only a space between (`*a* *b*` reads as two changes; two facts
    side by side stay two)."""
    merged: list[Run] = []
    for run in runs:
        if (
            merged
            and _emphasised(run)
            and _emphasised(merged[-1])
            and not run.text[:1].isspace()
            and not merged[-1].text[-1:].isspace()
        ):
            merged[-1] = Run(merged[-1].text + run.text, merged[-1].marks | run.marks)
        elif (
            len(merged) > 1
            and _emphasised(run)
            and not merged[-1].marks
            and merged[-1].text.isspace()
            and _marker(merged[-2]) == _marker(run) == "*"  # two facts stay two
        ):
            gap = merged.pop()
            merged[-1] = Run(merged[-1].text + gap.text + run.text, merged[-1].marks | run.marks)
        else:
            merged.append(run)
    return merged


def render_runs(runs: tuple[Run, ...]) -> str:
    """One passage's runs as Markdown.

    >>> render_runs((Run("rund "), Run("3000", frozenset({"fact"})), Run(" Soldaten")))
    'rund **3000** Soldaten'
    >>> gone = frozenset({"removed"})
    >>> render_runs((Run("Er kam"), Run("gestern", gone), Run(". Dann")))
    'Er kam ~~gestern~~. Dann'
    """
    parts: list[str] = []
    for run in _merge(runs):
        marker = _marker(run)
        if (
            parts
            and parts[-1].endswith("~~ ")
            and (run.text[:1] in _CLOSING or run.text[:1].isspace())
        ):
            parts[-1] = parts[-1][:-1]  # struck words take no space before a full stop or a space
        if marker == "~~":
            space = " " if parts and not parts[-1][-1:].isspace() else ""
            parts.append(space + _wrap(run.text, marker) + " ")
        elif marker:
            parts.append(_wrap(run.text, marker))
        else:
            parts.append(escape(run.text))
    return "".join(parts).strip()


def _cluster(view: ClusterView, alignment: Alignment, level: str = "###") -> list[str]:
    count = len(alignment.articles)
    said = headline(view)
    lines = [f"{level} Claim {view.number}" + (f" — {said}" if said else ""), ""]
    for voice in view.voices:
        tag = letter(voice.article, count)
        other = letter(voice.compared_with, count) if voice.compared_with is not None else ""
        how = how_compared(voice, other)
        notes = [escape(byline(alignment.articles[voice.article])), how]
        about = "; ".join(note for note in notes if note)
        lines.append(f"- **{tag}**{f' ({about})' if about else ''}: {render_runs(voice.runs)}")
    if view.facts:
        lines += ["", "Facts that differ:", ""]
        for fact in view.facts:
            left = escape(fact.left) if fact.left else "—"
            right = escape(fact.right) if fact.right else "—"
            note = f" ({escape(fact.note)})" if fact.note else ""
            lines.append(
                f"- {fact.kind}: {letter(fact.left_article, count)} „{left}“ ≠ "
                f"{letter(fact.right_article, count)} „{right}“{note}"
            )
    return [*lines, ""]


def render_markdown(alignment: Alignment, *, stories: Sequence[Story] = ()) -> str:
    """The whole report: sources, agreement per pair of sources, then each claim cluster.

    With several stories, the agreement and the claims come story by story,
    under a heading each (``stories`` give their labels and dates), and the
    reports alone last.

    >>> from newsdiff.core.model import Alignment
    >>> render_markdown(Alignment((), (), ())).splitlines()[0]
    '# newsdiff report'
    """
    count = len(alignment.articles)
    names = source_labels(alignment.articles)
    views = cluster_views(alignment)
    lines = [
        "# newsdiff report",
        "",
        f"{overview(count, len(views))}",
        "",
        "## Sources",
        "",
        "| | Source | Title | Date |",
        "|---|---|---|---|",
    ]
    for i, article in enumerate(alignment.articles):
        lines.append(
            f"| {letter(i, count)} | {escape(names[i])} | {escape(article.title)} "
            f"| {escape(article.date or '—')} |"
        )
    note = stories_note(alignment, stories=stories)
    lines += ["", note] if note else []
    agreement = summarize(alignment)
    sections = report_sections(alignment, views, agreement, stories=stories)
    if not sections.several:
        lines += ["", "## Agreement", "", *_agreement(agreement, count)]
        lines += omitted_note(alignment)
        lines += ["", "## Claims", "", LEGEND, ""]
        for view in sections.claims:
            lines += _cluster(view, alignment)
        return "\n".join(lines).rstrip() + "\n"
    lines += omitted_note(alignment)
    lines += ["", LEGEND, ""]
    for section in sections.stories:
        lines += _story(section, alignment)
    if sections.alone:
        lines += ["## No related report", ""]
        for i in sections.alone:
            article = alignment.articles[i]
            lines.append(f"- **{letter(i, count)}** {escape(names[i])}: {escape(article.title)}")
    return "\n".join(lines).rstrip() + "\n"


def _agreement(summaries: Sequence[PairSummary], count: int) -> list[str]:
    lines = [
        "| Reports | Pairs | Identical | Reworded | Facts differ | Passages paired |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for s in summaries:
        lines.append(
            f"| {letter(s.left, count)} – {letter(s.right, count)} | {s.pairs} | {s.identical} "
            f"| {s.reworded} | {s.facts_differ} | {s.paired_share:.0%} |"
        )
    return lines


def _story(section: StorySection, alignment: Alignment) -> list[str]:
    count = len(alignment.articles)
    lines = [f"## Story {section.number}: {escape(section.label)}", ""]
    lines += [story_line(section, count), ""]
    if section.agreement:
        lines += ["### Agreement", "", *_agreement(section.agreement, count), ""]
    lines += ["### Claims", ""]
    if not section.claims:
        lines += [NO_CLAIMS, ""]
    for view in section.claims:
        lines += _cluster(view, alignment, "####")
    return lines
