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

from collections.abc import Mapping

from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

from newsdiff.core.language.sanitize import pictured
from newsdiff.core.model import Pair, Sentence

HIGHLIGHTS = (
    "changed",
    "fact-same",
    "fact-differ",
    "fact-one-sided",
    "heading",
    "position",
    "mark",
)

# Colour carries the meaning only together with a text style, so a 16-colour
# or monochrome terminal still tells the kinds apart.
_HIGHLIGHT_CSS = {
    "changed": "text-style: underline; background: $primary 20%;",
    "fact-same": "text-style: bold; background: $success 30%;",
    "fact-differ": "text-style: bold underline; background: $error 30%;",
    "fact-one-sided": "text-style: bold italic; background: $warning 30%;",
    "heading": "text-style: bold; color: $text-accent;",
    "position": "color: $text-muted;",
    "mark": "text-style: bold; color: $text-secondary;",
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
) -> Content:
    """The passage with its pair's changed words and facts highlighted.

    ``pair`` must be oriented so that ``side`` names this passage's end of it.

    >>> s = Sentence(0, "[bold]x[/bold] 3", 0, 16)
    >>> passage_content(s, None).plain
    '[bold]x[/bold] 3'
    """
    styles = styles or {}
    text = visible(sentence.text)
    spans: list[Span] = []
    if sentence.kind == "heading" and "heading" in styles:
        spans.append(Span(0, len(text), styles["heading"]))
    if pair is not None:
        spans.extend(_change_spans(pair, side, styles, len(text)))
        spans.extend(_fact_spans(pair, side, styles, len(text)))
    if len(spans) > MAX_SPANS:
        spans = spans[:1] if sentence.kind == "heading" else []
    return Content(text, spans)


def _change_spans(pair: Pair, side: str, styles: Mapping, size: int) -> list[Span]:
    style = styles.get("changed")
    if style is None:
        return []
    own = ("replace", "delete") if side == "left" else ("replace", "insert")
    out = []
    for change in pair.changes:
        if change.tag not in own:
            continue
        start, end = (
            (change.left_start, change.left_end)
            if side == "left"
            else (change.right_start, change.right_end)
        )
        if 0 <= start < end <= size:
            out.append(Span(start, end, style))
    return out


def _fact_spans(pair: Pair, side: str, styles: Mapping, size: int) -> list[Span]:
    one_sided = "left-only" if side == "left" else "right-only"
    out = []
    for fact in pair.facts:
        span = fact.left_span if side == "left" else fact.right_span
        if span is None:
            continue
        if fact.status == "same":
            kind = "fact-same"
        elif fact.status == "differ":
            kind = "fact-differ"
        elif fact.status == one_sided:
            kind = "fact-one-sided"
        else:
            continue
        start, end = span
        if kind in styles and 0 <= start < end <= size:
            out.append(Span(start, end, styles[kind]))
    return out


def relation_mark(pair: Pair | None) -> str:
    """The gutter symbol of a row: ≡ identical, ≈ reworded, ≠ facts differ.

    >>> relation_mark(None)
    ' '
    """
    if pair is None:
        return " "
    return {"identical": "≡", "reworded": "≈", "facts-differ": "≠"}.get(pair.relation, "?")
