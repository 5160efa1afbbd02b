"""The passage view: one passage and what every other report says about its claim.

Each other report that tells the passage gets its lines: the passages paired
with this one (with score and the same word and fact highlights as the
comparison), or a passage of the same claim cluster that is not paired
directly. The reports that say nothing about it follow, named in one line,
since an omission is a finding too. What is shown is decided by
``core.views.passage``; this screen paints it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.screen import Screen
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsdiff.app.messages import OpenComparison
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.passage_text import (
    component_classes,
    highlight_css,
    marked_content,
    passage_content,
    relation_mark,
    resolve_styles,
    visible,
)
from newsdiff.app.widgets.search_bar import SearchBar
from newsdiff.core.model import Alignment, Article
from newsdiff.core.views.header import shown_date
from newsdiff.core.views.notes import fact_notes
from newsdiff.core.views.passage import (
    Entry,
    PassageView,
    claim_passages,
    passage_view,
    silent_line,
)
from newsdiff.core.views.rows import position, row_of_passage, side_by_side
from newsdiff.core.views.search import find_in

_PREFIX = "passage-list"


class PassageList(OptionList, inherit_bindings=False):
    """The other reports' lines; carries the highlight styles as component classes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | component_classes(
        _PREFIX
    )
    DEFAULT_CSS = """
    PassageList { height: 1fr; padding: 0 1; }
    """ + highlight_css("PassageList", _PREFIX)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="passage.cursor_down", show=False),
        Binding("k,up", "cursor_up", "Up", id="passage.cursor_up", show=False),
        Binding("home,g", "first", "First", id="passage.first", show=False),
        Binding("end,G", "last", "Last", id="passage.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="passage.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="passage.page_up", show=False),
        Binding("enter", "select", "Compare", id="passage.open_comparison"),
    ]


class PassageScreen(Screen[None]):
    """Passage ``sentence`` of ``article_id`` beside its claim in the other reports."""

    CSS_PATH = "passage.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_claim", "Next claim", id="passage.next_claim"),
        Binding("N", "previous_claim", "Prev claim", id="passage.previous_claim"),
        Binding("slash,ctrl+f", "search", "Search", id="passage.search", priority=True),
        Binding("f,f3", "next_match", "Next found", id="passage.next_match", show=False),
        Binding(
            "F,shift+f3", "previous_match", "Prev found", id="passage.previous_match", show=False
        ),
        Binding("q,escape", "back", "Back", id="passage.back"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and SearchBar.typing_here(self):
            return None  # "/" typed into the search bar is text
        return super().check_action(action, parameters)

    def __init__(self, alignment: Alignment, article_id: str, sentence: int) -> None:
        super().__init__()
        self.alignment = alignment
        self.article_id = article_id
        self.sentence = sentence
        self.query_text = ""
        self._targets: dict[str, tuple[str, int]] = {}
        self._claims = claim_passages(alignment, article_id)
        self.view_data: PassageView = passage_view(
            alignment, article_id, sentence, claims=self._claims
        )

    @property
    def article(self) -> Article:
        return self.view_data.article

    def compose(self) -> ComposeResult:
        yield Static(id="passage-meta")
        yield Static(id="passage-text")
        yield Static(id="passage-notes")
        yield Static("What the other reports say", id="passage-others-title")
        yield PassageList(id="passage-others")
        yield SearchBar(id="passage-search")
        yield KeyLine()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self._show(), init=False)
        self._show()
        self.query_one(PassageList).focus()

    def show_alignment(self, alignment: Alignment) -> None:
        """The same passage with new pairs (the second pass)."""
        self.alignment = alignment
        self._claims = claim_passages(alignment, self.article_id)
        if self.is_mounted:
            self._show()

    # -- content ---------------------------------------------------------

    def _styles(self) -> dict[str, Style]:
        return resolve_styles(self.query_one(PassageList), _PREFIX)

    def _found(self, content: Content, styles: dict[str, Style]) -> Content:
        """``content`` with the search matches marked."""
        if not self.query_text:
            return content
        spans = [Span(s, e, styles["match"]) for s, e in find_in(content.plain, self.query_text)]
        return Content(content.plain, [*content.spans, *spans]) if spans else content

    def _show(self) -> None:
        view = self.view_data = passage_view(
            self.alignment, self.article_id, self.sentence, claims=self._claims
        )
        article, passage = view.article, view.passage
        claim = (
            f"claim {view.claim} of {view.claims}"
            if view.claim is not None
            else "no other report tells this"
        )
        date = shown_date(article.date)  # as the list and the comparison write it
        # as `align` says it: what shows is not byte for byte the file (a bidi override
        # can make "000.11" read as "11.000")
        cleaned = "control characters removed" if passage.cleaned else ""
        parts = (article.source or article.id, date, str(position(passage)), claim, cleaned)
        self.query_one("#passage-meta", Static).update(
            Content.assemble(
                (visible(article.title), "bold"),
                "\n",
                (visible(" · ".join(x for x in parts if x)), "dim"),
            )
        )
        option_list = self.query_one(PassageList)
        styles = self._styles()
        self.query_one("#passage-text", Static).update(
            self._found(marked_content(passage, view.marks, styles), styles)
        )
        notes = [
            note
            for other in view.others
            for entry in other.entries
            if entry.kind == "paired" and entry.pair is not None
            for note in fact_notes(
                entry.pair.facts, left="here", right=other.article.source or other.article.id
            )
            if not note.startswith("only here")  # one line per report is enough for those
        ]
        notes_widget = self.query_one("#passage-notes", Static)
        notes_widget.display = bool(notes)
        notes = list(dict.fromkeys(notes))
        shown = [visible(note) for note in notes[:4]]
        if len(notes) > len(shown):
            shown[-1] += f"  (+{len(notes) - len(shown)} more)"
        notes_widget.update(Content("\n".join(shown)))
        option_list.clear_options()
        self._targets.clear()
        for other in view.telling:
            if option_list.option_count:
                option_list.add_option(None)  # a rule between reports
            for option in self._options_for(other.article, other.entries, styles):
                option_list.add_option(option)
        if view.silent:  # one line for them all, after the reports that tell it
            if option_list.option_count:
                option_list.add_option(None)
            # names from the files: plain text in Content, never markup
            silent = Content.assemble(("∅", "bold"), " ", visible(silent_line(view.silent)))
            option_list.add_option(Option(silent, disabled=True))
        if not view.others:  # the passage view keeps to the story: an empty box said nothing
            alone = "This report is alone in its story: no other report to set beside it."
            option_list.add_option(Option(Content(alone), disabled=True))
        enabled = [
            i
            for i in range(option_list.option_count)
            if not option_list.get_option_at_index(i).disabled
        ]
        option_list.highlighted = enabled[0] if enabled else None

    def _options_for(
        self, other: Article, entries: tuple[Entry, ...], styles: dict[str, Style]
    ) -> list[Option]:
        date = shown_date(other.date)
        source = visible(" · ".join(x for x in (other.source or other.id, date) if x))
        options = []
        for entry in entries:
            theirs = entry.passage
            if entry.kind == "paired" and entry.pair is not None:
                mark, what = relation_mark(entry.pair), f" {entry.pair.score:.2f}  {source}  "
                body = passage_content(
                    theirs,
                    entry.pair,
                    side="right",
                    styles=styles,
                    other=self.view_data.passage.text,
                )
            else:  # in the claim's cluster through other passages; a weak pair says its score
                score = f" {entry.pair.score:.2f}" if entry.pair is not None else ""
                mark, what = "~", f"{score} same claim, not paired directly  {source}  "
                body = passage_content(theirs, None)
            head = Content.assemble(
                (mark, styles["mark"]), what, (str(position(theirs)), styles["position"]), "\n"
            )
            option_id = f"{other.id}#{theirs.index}#{len(self._targets)}"
            self._targets[option_id] = (other.id, theirs.index)
            options.append(Option(head + self._found(body, styles), id=option_id))
        return options

    # -- actions ---------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self._targets.get(event.option.id or "")
        if target is None:
            return
        other_id, _ = target
        rows = side_by_side(self.alignment, self.article_id, other_id)
        row = row_of_passage(rows, self.sentence, side="left")
        self.post_message(OpenComparison(self.article_id, other_id, row))

    def _step(self, step: int) -> None:
        later = [i for i in self._claims if (i - self.sentence) * step > 0]
        if not later:
            self.notify("No further claim" if step > 0 else "No earlier claim", timeout=2)
            return
        self.sentence = min(later) if step > 0 else max(later)
        self._show()

    def action_next_claim(self) -> None:
        self._step(1)

    def action_previous_claim(self) -> None:
        self._step(-1)

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    @on(SearchBar.Searched)
    def _searched(self, event: SearchBar.Searched) -> None:
        self.query_text = event.query.strip()
        self._show()
        self.query_one(PassageList).focus()
        if self.query_text:
            self._jump_to_match(1, start=-1)

    def _matching_options(self) -> list[int]:
        options = self.query_one(PassageList)
        return [
            i
            for i in range(options.option_count)
            if find_in(str(options.get_option_at_index(i).prompt), self.query_text)
        ]

    def _jump_to_match(self, step: int, *, start: int | None = None) -> None:
        if not self.query_text:
            self.notify("Search with / first", timeout=2)
            return
        options = self.query_one(PassageList)
        found = self._matching_options()
        in_passage = bool(find_in(self.view_data.passage.text, self.query_text))
        if not found:
            where = "only in this passage" if in_passage else "not found here"
            self.notify(f"“{visible(self.query_text)}”: {where}", timeout=3, markup=False)
            return
        here = options.highlighted if start is None else start
        here = -1 if here is None else here
        after = [i for i in found if (i - here) * step > 0]
        options.highlighted = (
            (min(after) if step > 0 else max(after)) if after else found[0 if step > 0 else -1]
        )

    def action_next_match(self) -> None:
        self._jump_to_match(1)

    def action_previous_match(self) -> None:
        self._jump_to_match(-1)

    def action_back(self) -> None:
        self.dismiss()
