"""The report as one HTML file to mail, archive or print.

One self-contained file: the style sheet is inline, there are no scripts, no
fonts, no images, nothing fetched. All article text goes through
``html.escape`` (a report about ``<script>`` must show it, not run it). Marks
never rely on colour alone: a differing fact is ``<mark>`` with "≠", a changed
word ``<ins>`` with "+", a missing word ``<del>`` with "−", so a grey-scale
print still reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from newsdiff.core.model import Alignment, Article
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

_CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --fact: #ffe08a; --ins: #d7f5dd;
  --del: #fbdada; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); max-width: 52rem;
  margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h3 { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .6rem; text-align: left;
  vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.legend, .how { color: var(--muted); font-size: .9em; }
.voice { margin: .6rem 0; }
.tag { font: bold .85em system-ui, sans-serif; border: 1px solid var(--ink); border-radius: 3px;
  padding: 0 .3em; margin-right: .4em; }
mark { background: var(--fact); font-weight: bold; }
ins { background: var(--ins); text-decoration: underline; }
del { background: var(--del); text-decoration: line-through; }
.sym { font: bold .8em system-ui, sans-serif; }
.facts { margin: .5rem 0 0 1.2rem; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; color: #000; hyphens: auto; }
  h2, h3, h4 { break-after: avoid; }
  .claim { break-inside: avoid; }
  table { break-inside: avoid; }
  mark, ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 2cm 1.8cm; }
}
"""

_SYMBOL = {"fact": "≠", "changed": "+", "removed": "−"}
_LEGEND = (
    '<p class="legend">Marks: <mark><span class="sym">≠</span>fact</mark> stated differently '
    'by the sources, <ins><span class="sym">+</span>words</ins> changed against the compared '
    'source, <del><span class="sym">−</span>words</del> of that source missing here.</p>'
)


def text(value: str) -> str:
    """Article text as HTML character data.

    >>> text('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return escape(plain(value), quote=True)


def render_runs(runs: tuple[Run, ...]) -> str:
    """One passage's runs as HTML; a symbol opens each stretch of one mark.

    >>> render_runs((Run("rund "), Run("3000", frozenset({"fact"}))))
    'rund <mark><span class="sym">≠</span>3000</mark>'
    """
    parts = []
    previous = Run("")
    for run in runs:
        body = text(run.text)
        if "removed" in run.marks:
            space = " " if previous.text and not previous.text[-1:].isspace() else ""
            parts.append(f'{space}<del><span class="sym">−</span>{body}</del> ')
            previous = Run(" ")
            continue
        if "fact" in run.marks:
            inner = f"<ins>{body}</ins>" if "changed" in run.marks else body
            body = f"<mark>{_symbol(run, previous, 'fact')}{inner}</mark>"
        elif "changed" in run.marks:
            body = f"<ins>{_symbol(run, previous, 'changed')}{body}</ins>"
        parts.append(body)
        previous = run
    return "".join(parts)


def _symbol(run: Run, previous: Run, mark: str) -> str:
    # one symbol per stretch: not again after a run of the same mark, nor on a bare space
    if mark in previous.marks or not run.text.strip():
        return ""
    return f'<span class="sym">{_SYMBOL[mark]}</span>'


def _byline(article: Article) -> str:
    by = byline(article)
    return f'<span class="how">{text(by)}</span> ' if by else ""


def _cluster(view: ClusterView, alignment: Alignment, level: int = 3) -> str:
    count = len(alignment.articles)
    said = headline(view)
    out = [
        f'<section class="claim"><h{level}>Claim {view.number}',
        f" — {escape(said)}" if said else "",
        f"</h{level}>",
    ]
    for voice in view.voices:
        how = ""
        if voice.compared_with is not None:
            compared = how_compared(voice, letter(voice.compared_with, count))
            how = f' <span class="how">({escape(compared)})</span>'
        out.append(
            f'<p class="voice" lang="{escape(alignment.articles[voice.article].language)}">'
            f'<span class="tag">{letter(voice.article, count)}</span>'
            f"{_byline(alignment.articles[voice.article])}"
            f"{render_runs(voice.runs)}{how}</p>"
        )
    if view.facts:
        out.append('<p class="how">Facts that differ:</p><ul class="facts">')
        for fact in view.facts:
            note = f" ({text(fact.note)})" if fact.note else ""
            left, right = text(fact.left or "—"), text(fact.right or "—")
            out.append(
                f"<li>{escape(fact.kind)}: {letter(fact.left_article, count)} „{left}“ "
                f"≠ {letter(fact.right_article, count)} „{right}“{note}</li>"
            )
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def render_html(alignment: Alignment, *, stories: Sequence[Story] = ()) -> str:
    """The whole report as one HTML document; with several stories, story by story.

    >>> from newsdiff.core.model import Alignment, Article
    >>> "<script" in render_html(Alignment((), (), ()))
    False
    """
    count = len(alignment.articles)
    names = source_labels(alignment.articles)
    views = cluster_views(alignment)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>newsdiff report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>newsdiff report</h1>",
        f"<p>{overview(count, len(views))}</p>",
        "<h2>Sources</h2><table><tr><th></th><th>Source</th><th>Title</th><th>Date</th></tr>",
    ]
    for i, article in enumerate(alignment.articles):
        out.append(
            f"<tr><td>{letter(i, count)}</td><td>{text(names[i])}</td>"
            f"<td>{text(article.title)}</td><td>{text(article.date or '—')}</td></tr>"
        )
    note = stories_note(alignment, stories=stories)
    out.append(f'</table><p class="how">{escape(note)}</p>' if note else "</table>")
    agreement = summarize(alignment)
    sections = report_sections(alignment, views, agreement, stories=stories)
    omitted = [f'<p class="how">{escape(line)}</p>' for line in omitted_note(alignment) if line]
    if not sections.several:
        out += ["<h2>Agreement</h2>", _agreement(agreement, count), *omitted]
        out += ["<h2>Claims</h2>", _LEGEND]
        out += [_cluster(view, alignment) for view in sections.claims]
    else:
        out += [*omitted, _LEGEND]
        out += [_story(section, alignment) for section in sections.stories]
        if sections.alone:
            out.append('<section class="story"><h2>No related report</h2><ul>')
            for i in sections.alone:
                article = alignment.articles[i]
                out.append(
                    f'<li><span class="tag">{letter(i, count)}</span>'
                    f"{text(names[i])}: {text(article.title)}</li>"
                )
            out.append("</ul></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _agreement(summaries: Sequence[PairSummary], count: int) -> str:
    out = [
        "<table><tr><th>Reports</th><th>Pairs</th><th>Identical</th>"
        "<th>Reworded</th><th>Facts differ</th><th>Passages paired</th></tr>"
    ]
    for s in summaries:
        cells = (s.pairs, s.identical, s.reworded, s.facts_differ, f"{s.paired_share:.0%}")
        out.append(
            f"<tr><td>{letter(s.left, count)} – {letter(s.right, count)}</td>"
            + "".join(f'<td class="n">{c}</td>' for c in cells)
            + "</tr>"
        )
    out.append("</table>")
    return "".join(out)


def _story(section: StorySection, alignment: Alignment) -> str:
    count = len(alignment.articles)
    out = [
        f'<section class="story"><h2>Story {section.number}: {text(section.label)}</h2>',
        f'<p class="how">{escape(story_line(section, count))}</p>',
    ]
    if section.agreement:
        out += ["<h3>Agreement</h3>", _agreement(section.agreement, count)]
    out.append("<h3>Claims</h3>")
    if not section.claims:
        out.append(f'<p class="how">{NO_CLAIMS}</p>')
    out += [_cluster(view, alignment, 4) for view in section.claims]
    out.append("</section>")
    return "\n".join(out)
