"""The report as JSON, for scripts: the same claims and marks as the readable forms.

It carries the ``newsdiff align --json`` document under ``"alignment"`` and,
beside it, what the readable reports show: the sources, the agreement per pair
of sources and each claim with every source's passage as marked runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

from newsdiff.core.language.sanitize import json_escaped
from newsdiff.core.model import Alignment
from newsdiff.core.views.clusters import cluster_views, letter, source_labels
from newsdiff.core.views.sections import report_sections
from newsdiff.core.views.summary import summarize

if TYPE_CHECKING:
    from newsdiff.core.stories.detect import Story


def report_to_dict(alignment: Alignment, *, stories: Sequence[Story] = ()) -> dict:
    """The report as plain JSON-ready data; ``stories`` give the stories' labels and dates.

    Each claim names its story by number; ``stories`` lists them, those of two
    or more reports first, then each report alone (``"alone": true``).

    >>> from newsdiff.core.model import Alignment
    >>> sorted(report_to_dict(Alignment((), (), ())))
    ['agreement', 'alignment', 'claims', 'format', 'sources', 'stories']
    """
    from newsdiff.core.export.schema import alignment_to_dict, article_metadata  # loaded on use

    count = len(alignment.articles)
    names = source_labels(alignment.articles)
    sources = [
        # the same metadata as every JSON document, the source as the report names it
        {"tag": letter(i, count), **article_metadata(article), "source": names[i]}
        for i, article in enumerate(alignment.articles)
    ]
    views = cluster_views(alignment)
    agreement = summarize(alignment)
    sections = report_sections(alignment, views, agreement, stories=stories)
    story_of = {v.number: section.number for section in sections.stories for v in section.claims}
    told = [
        {
            "number": section.number,
            "label": section.label,
            "articles": [alignment.articles[i].id for i in section.members],
            "tags": [letter(i, count) for i in section.members],
            "first_date": section.first_date,
            "last_date": section.last_date,
            "alone": False,
        }
        for section in sections.stories
    ]
    for number, i in enumerate(sections.alone, start=len(told) + 1):
        article = alignment.articles[i]
        told.append(
            {
                "number": number,
                "label": article.title,
                "articles": [article.id],
                "tags": [letter(i, count)],
                "first_date": article.date,
                "last_date": article.date,
                "alone": True,
            }
        )
    claims = [
        {
            "number": view.number,
            "story": story_of.get(view.number),
            "voices": [
                {
                    "article": voice.article,
                    "tag": letter(voice.article, count),
                    "sentence": voice.sentence,
                    "text": voice.text,
                    "compared_with": voice.compared_with,
                    "relation": voice.relation,
                    "score": voice.score,
                    "direct": voice.direct,
                    "runs": [{"text": run.text, "marks": sorted(run.marks)} for run in voice.runs],
                }
                for voice in view.voices
            ],
            "facts": [asdict(fact) for fact in view.facts],
        }
        for view in sections.claims
    ]
    return {
        "format": "newsdiff-report/1",
        "sources": sources,
        "stories": told,
        "agreement": [asdict(summary) for summary in agreement],
        "claims": claims,
        "alignment": alignment_to_dict(alignment),
    }


def render_json(alignment: Alignment, *, stories: Sequence[Story] = ()) -> str:
    """The report as a JSON document (UTF-8 text, indented, non-ASCII kept).

    >>> from newsdiff.core.model import Alignment
    >>> json.loads(render_json(Alignment((), (), ())))["claims"]
    []
    """
    return dumps(report_to_dict(alignment, stories=stories), indent=2) + "\n"


def dumps(document: object, *, indent: int = 2) -> str:
    """JSON text that always encodes as valid UTF-8 (non-ASCII kept, lone surrogates escaped).

    >>> dumps({"path": "caf\\udce9.txt"}, indent=0)
    '{\\n"path": "caf\\\\udce9.txt"\\n}'
    """
    text = json.dumps(document, ensure_ascii=False, indent=indent, default=str)
    # a file name that was not UTF-8 on disk holds lone surrogates, one with an RLO
    # would reorder a terminal: as \\u escapes the document stays valid UTF-8, safe to
    # print, and still reads back to the same path
    return json_escaped(text)
