"""The passage view: one passage and what every other report says about its claim.

Each other report gets its lines: the passages paired with this one (with
score and the same word and fact highlights as the comparison), a passage of
the same claim cluster that is not paired directly, or a plain note that the
report says nothing about it, since an omission is a finding too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from newsdiff.app.widgets.passage_text import (
    component_classes,
    highlight_css,
    passage_content,
    relation_mark,
    resolve_styles,
)
from newsdiff.core.model import Alignment, Article, Pair, SentenceRef
from newsdiff.core.views.rows import (
    article_by_id,
    pairs_between,
    position,
    row_of_passage,
    side_by_side,
)

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
        Binding("home", "first", "First", id="passage.first", show=False),
        Binding("end", "last", "Last", id="passage.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="passage.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="passage.page_up", show=False),
        Binding("enter", "select", "Open comparison", id="passage.open_comparison"),
    ]


class PassageScreen(Screen[None]):
    """Passage ``sentence`` of ``article_id`` beside its claim in the other reports."""

    CSS_PATH = "passage.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_claim", "Next claim", id="passage.next_claim"),
        Binding("N", "previous_claim", "Prev claim", id="passage.previous_claim"),
        Binding("q,escape", "back", "Back", id="passage.back"),
    ]

    def __init__(self, alignment: Alignment, article_id: str, sentence: int) -> None:
        super().__init__()
        self.alignment = alignment
        self.article_id = article_id
        self.sentence = sentence
        self._targets: dict[str, tuple[str, int]] = {}
        self._claims = self._claim_passages()

    @property
    def article(self) -> Article:
        return article_by_id(self.alignment, self.article_id)

    def _claim_passages(self) -> list[int]:
        """This report's passages that share a claim with another report."""
        shared = {
            ref.sentence
            for cluster in self.alignment.clusters
            if len({r.article for r in cluster}) > 1
            for ref in cluster
            if ref.article == self.article_id
        }
        for pair in self.alignment.pairs:
            for ref in (pair.left, pair.right):
                if ref.article == self.article_id:
                    shared.add(ref.sentence)
        return sorted(shared)

    def compose(self) -> ComposeResult:
        yield Static(id="passage-meta")
        yield Static(id="passage-text")
        yield Static("What the other reports say", id="passage-others-title")
        yield PassageList(id="passage-others")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self._show(), init=False)
        self._show()
        self.query_one(PassageList).focus()

    # -- content ---------------------------------------------------------

    def _pairs(self) -> dict[str, list[Pair]]:
        """This passage's pairs with each other report, oriented from this side."""
        out: dict[str, list[Pair]] = {}
        for other in self.alignment.articles:
            if other.id == self.article_id:
                continue
            pairs = [
                p
                for p in pairs_between(self.alignment, self.article_id, other.id)
                if p.left.sentence == self.sentence
            ]
            out[other.id] = sorted(pairs, key=lambda p: -p.score)
        return out

    def _cluster(self) -> tuple[SentenceRef, ...]:
        me = SentenceRef(self.article_id, self.sentence)
        for cluster in self.alignment.clusters:
            if me in cluster:
                return cluster
        return ()

    def _show(self) -> None:
        article = self.article
        passage = article.sentences[self.sentence]
        pairs = self._pairs()
        claim = (
            f"claim {self._claims.index(self.sentence) + 1} of {len(self._claims)}"
            if self.sentence in self._claims
            else "no other report tells this"
        )
        meta = " · ".join(
            x
            for x in (article.source or article.id, article.date, str(position(passage)), claim)
            if x
        )
        self.query_one("#passage-meta", Static).update(
            Content.assemble((article.title, "bold"), "\n", (meta, "dim"))
        )
        option_list = self.query_one(PassageList)
        styles = resolve_styles(option_list, _PREFIX)
        facts = [f for p in pairs.values() for pair in p for f in pair.facts]
        facts.sort(key=lambda f: f.status == "differ")  # a contradiction wins the overlap
        own = Pair(
            SentenceRef(self.article_id, self.sentence),
            SentenceRef("", 0),
            1.0,
            "reworded",
            (),
            tuple(facts),
        )
        self.query_one("#passage-text", Static).update(
            passage_content(passage, own if facts else None, side="left", styles=styles)
        )
        option_list.clear_options()
        self._targets.clear()
        cluster = self._cluster()
        for other in self.alignment.articles:
            if other.id == self.article_id:
                continue
            if option_list.option_count:
                option_list.add_option(None)  # a rule between reports
            for option in self._options_for(other, pairs[other.id], cluster, styles):
                option_list.add_option(option)
        enabled = [
            i
            for i in range(option_list.option_count)
            if not option_list.get_option_at_index(i).disabled
        ]
        option_list.highlighted = enabled[0] if enabled else None

    def _options_for(self, other: Article, pairs: list[Pair], cluster, styles) -> list[Option]:
        source = " · ".join(x for x in (other.source or other.id, other.date) if x)
        options = []
        for pair in pairs:
            theirs = other.sentences[pair.right.sentence]
            head = Content.assemble(
                (relation_mark(pair), styles["mark"]),
                f" {pair.score:.2f}  {source}  ",
                (str(position(theirs)), styles["position"]),
                "\n",
            )
            body = passage_content(theirs, pair, side="right", styles=styles)
            option_id = f"{other.id}#{theirs.index}#{len(self._targets)}"
            self._targets[option_id] = (other.id, theirs.index)
            options.append(Option(head + body, id=option_id))
        if not pairs:
            related = [ref for ref in cluster if ref.article == other.id]
            for ref in related:
                theirs = other.sentences[ref.sentence]
                head = Content.assemble(
                    ("~", styles["mark"]),
                    f" same claim, not paired directly  {source}  ",
                    (str(position(theirs)), styles["position"]),
                    "\n",
                )
                option_id = f"{other.id}#{theirs.index}#{len(self._targets)}"
                self._targets[option_id] = (other.id, theirs.index)
                options.append(Option(head + passage_content(theirs, None), id=option_id))
            if not related:
                options.append(
                    Option(
                        Content.assemble(("∅", "bold"), f"  {source}: says nothing about this"),
                        disabled=True,
                    )
                )
        return options

    # -- actions ---------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self._targets.get(event.option.id or "")
        if target is None:
            return
        from newsdiff.app.screens.compare import CompareScreen

        other_id, _ = target
        rows = side_by_side(self.alignment, self.article_id, other_id)
        row = row_of_passage(rows, self.sentence, side="left")
        self.app.push_screen(CompareScreen(self.alignment, self.article_id, other_id, row=row))

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

    def action_back(self) -> None:
        self.dismiss()
