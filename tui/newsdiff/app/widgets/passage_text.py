"""A passage as highlighted ``Content``: changed words and facts as styled spans.

Article text is data: it never goes through a markup parser. Control
characters (an escape sequence pasted into a report) are swapped one-for-one
for their visible Unicode pictures, so the terminal shows them and every
character offset from the core still points at the same character.

The highlight kinds are named once here; each widget that shows passages
declares them as ``COMPONENT_CLASSES`` (``<prefix>--<kind>``) so colours come
from the theme, and passes the resolved styles in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

from newsdiff.core.language.sanitize import pictured
from newsdiff.core.model import Pair, Sentence
from newsdiff.core.views.marks import Mark, passage_marks

HIGHLIGHTS = (
    "changed",
    "fact-same",
    "fact-differ",
    "fact-one-sided",
    "heading",
    "position",
    "mark",
    "match",
)

# Colour carries the meaning only together with a text style, so a 16-colour
# or monochrome terminal still tells the kinds apart.
_HIGHLIGHT_CSS = {
    "changed": "text-style: underline; background: $primary 20%;",
    "fact-same": "text-style: bold; background: $success 30%;",
    "fact-differ": "text-style: bold underline; background: $error 30%;",
    "fact-one-sided": "text-style: bold italic; background: $warning 30%;",
    "heading": "text-style: bold; color: $text-accent;",
    "position": "color: $foreground 90%;",
    "mark": "text-style: bold; color: $text-secondary;",
    "match": "text-style: bold reverse;",
}

# C0 controls and DEL -> their visible pictures (U+2400..U+2421), one char each.
# Highlighting a pathological passage (a whole article without full stops)
# costs more than it helps; past this many spans we show it plain.
MAX_SPANS = 400


def component_classes(prefix: str) -> set[str]:
    """The component class names a widget declares for the highlight kinds.

    >>> sorted(component_classes("x"))[:2]
    ['x--changed', 'x--fact-differ']
    """
    return {f"{prefix}--{kind}" for kind in HIGHLIGHTS}


def highlight_css(selector: str, prefix: str) -> str:
    """DEFAULT_CSS rules giving each highlight kind its theme-based style.

    >>> "x--fact-same" in highlight_css("X", "x")
    True
    """
    return "\n".join(
        f"{selector} > .{prefix}--{kind} {{ {css} }}" for kind, css in _HIGHLIGHT_CSS.items()
    )


def resolve_styles(widget: Widget, prefix: str) -> dict[str, Style]:
    """The widget's current style for each highlight kind (follows the theme)."""
    return {kind: widget.get_visual_style(f"{prefix}--{kind}", partial=True) for kind in HIGHLIGHTS}


def visible(text: str) -> str:
    """The text with control characters shown as symbols, same length.

    >>> visible("a\\x1b[1mb")
    'a␛[1mb'
    """
    return pictured(text)


def passage_content(
    sentence: Sentence,
    pair: Pair | None,
    *,
    side: str = "left",
    styles: Mapping[str, Style | str] | None = None,
    other: str = "",
) -> Content:
    """The passage with its pair's changed words and facts highlighted.

    ``pair`` must be oriented so that ``side`` names this passage's end of it;
    ``other`` is the partner's text (a pair reworded throughout gets no word
    marks). The marks come from ``core.views.marks``.

    >>> s = Sentence(0, "[bold]x[/bold] 3", 0, 16)
    >>> passage_content(s, None).plain
    '[bold]x[/bold] 3'
    """
    return marked_content(sentence, passage_marks(pair, side, sentence.text, other), styles)


def marked_content(
    sentence: Sentence, marks: Iterable[Mark], styles: Mapping[str, Style | str] | None = None
) -> Content:
    """The passage as Content with ``marks`` painted in the theme's styles.

    >>> marked_content(Sentence(0, "4000 Soldaten", 0, 13), [Mark(0, 4, "fact-differ")]).plain
    '4000 Soldaten'
    """
    styles = styles or {}
    text = visible(sentence.text)
    spans: list[Span] = []
    if sentence.kind == "heading" and "heading" in styles:
        spans.append(Span(0, len(text), styles["heading"]))
    for mark in marks:
        if mark.kind in styles and 0 <= mark.start < mark.end <= len(text):
            spans.append(Span(mark.start, mark.end, styles[mark.kind]))
    if len(spans) > MAX_SPANS:
        spans = spans[:1] if sentence.kind == "heading" else []
    return Content(text, spans)


def relation_mark(pair: Pair | None) -> str:
    """The gutter symbol of a row: ≡ identical, ≈ reworded, ≠ facts differ.

    >>> relation_mark(None)
    ' '
    """
    if pair is None:
        return " "
    return {"identical": "≡", "reworded": "≈", "facts-differ": "≠"}.get(pair.relation, "?")


GUTTER_LEGEND = (
    ("≡", "identical"),
    ("≈", "reworded, no fact differs"),
    ("≠", "a fact differs"),
    ("~", "same claim, not paired directly"),
    ("↔", "paired on another row (p jumps)"),
)
MARK_LEGEND = (
    ("changed", "changed words"),
    ("fact-same", "same fact"),
    ("fact-differ", "differing fact"),
    ("fact-one-sided", "fact on one side only"),
    ("match", "search match"),
)


def legend_content(styles: Mapping[str, Style | str]) -> Content:
    """Every mark of the comparison in its own style, with what it means: two lines.

    >>> legend_content({}).plain.splitlines()[0].startswith("≡ identical")
    True
    """
    gutter = Content("  ").join(
        Content.assemble((mark, styles.get("mark", "")), f" {meaning}")
        for mark, meaning in GUTTER_LEGEND
    )
    marks = Content("  ").join(
        Content.styled(meaning, styles.get(kind, "")) for kind, meaning in MARK_LEGEND
    )
    return Content.assemble(gutter, "\n", marks)
