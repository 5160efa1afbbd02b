"""The app's half of "screens talk by messages": which screen each message opens.

``ScreenRouter`` is mixed into the App (and into the small apps of the screen
tests): it alone imports the comparison, passage and claim screens, lazily,
so no screen imports another and the first paint pays for none of them.

Each screen gets the alignment narrowed to the story of the reports it shows
(``Alignment.stories``), so "next report", the passage view's other reports
and the claim table stay within one story; two reports of different stories
may still be compared on purpose, with a note that nothing pairs across.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsdiff.app.messages import (
    OpenClaims,
    OpenComparison,
    OpenLeftOut,
    OpenPassage,
    WorkFailed,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsdiff.core.model import Alignment
    from newsdiff.core.stories.detect import Story


class ScreenRouter:
    """Mix into an App that has an ``alignment``: opens the screens messages ask for."""

    alignment: Alignment | None

    def open_now(self, message: OpenComparison | OpenPassage | OpenClaims) -> None:
        """Push the screen ``message`` asks for; the alignment must be ready."""
        app: Any = self
        alignment = self.alignment
        assert alignment is not None
        if isinstance(message, OpenComparison):
            right = message.right
            if right is None:
                from newsdiff.core.views.overview import overview

                right = overview(alignment)[message.left].best_partner
                if right is None:
                    alone = len(_story(alignment, message.left)) == 1
                    note = (
                        "No related report: this one is alone in its story. Mark it and "
                        "another with space, then c, to read them side by side."
                        if alone
                        else "No other report shares a passage with this one."
                    )
                    if len(alignment.articles) == 1:  # "mark another" named none there is
                        note = (
                            "This is the only report open: open it with another report "
                            "of its story to compare them."
                        )
                    app.notify(note, markup=False)
                    return
            left_story, right_story = (_story(alignment, a) for a in (message.left, right))
            if left_story != right_story:
                app.notify(
                    "These two reports are in different stories: no passage pairs across them.",
                    title="Different stories",
                    markup=False,
                )
            narrowed = _within(alignment, left_story + right_story)
            from newsdiff.app.screens.compare import CompareScreen

            app.push_screen(CompareScreen(narrowed, message.left, right, row=message.row))
        elif isinstance(message, OpenPassage):
            from newsdiff.app.screens.passage import PassageScreen

            narrowed = _within(alignment, _story(alignment, message.article))
            app.push_screen(PassageScreen(narrowed, message.article, message.sentence))
        else:
            heading = None
            if message.article is not None:
                members = _story(alignment, message.article)
                if len(members) < 2:
                    app.notify(
                        "This report is alone in its story: no claims to compare.", markup=False
                    )
                    return
                alignment = _within(alignment, members)
                heading = _heading(getattr(app, "stories", ()), alignment)
            from newsdiff.app.screens.claims import ClaimsScreen

            app.push_screen(ClaimsScreen(alignment, heading=heading))

    def show_alignment(self, alignment: Alignment) -> None:
        """Hand every open screen that shows pairs ``alignment``, narrowed to its reports."""
        app: Any = self
        for screen in app.screen_stack:
            show = getattr(screen, "show_alignment", None)
            shown = getattr(screen, "alignment", None)
            if show is not None and shown is not None:
                show(_within(alignment, tuple(a.id for a in shown.articles)))

    def route(self, message: OpenComparison | OpenPassage | OpenClaims) -> None:
        """Open now, or (an App that overrides this) once the alignment is ready."""
        if self.alignment is None:
            self.notify("Still pairing passages — a moment, please.")  # type: ignore[attr-defined]
            return
        self.open_now(message)

    def on_open_comparison(self, message: OpenComparison) -> None:
        self.route(message)

    def on_open_passage(self, message: OpenPassage) -> None:
        self.route(message)

    def on_open_claims(self, message: OpenClaims) -> None:
        self.route(message)

    def on_open_left_out(self, message: OpenLeftOut) -> None:
        # what reading left out is known before any pairing: no need to wait
        corpus = getattr(self, "corpus", None)
        if corpus is not None:
            from newsdiff.app.screens.left_out import LeftOutScreen

            self.push_screen(LeftOutScreen(corpus))  # type: ignore[attr-defined]

    def on_work_failed(self, message: WorkFailed) -> None:
        # The one place a failed worker is worded: the app stays open.
        error = message.error
        self.notify(  # type: ignore[attr-defined]
            f"{type(error).__name__}: {error}",
            title=message.what,
            severity="error",
            timeout=15,
            markup=False,
        )


def _story(alignment: Alignment, article_id: str) -> tuple[str, ...]:
    """The members of ``article_id``'s story; every report when none were told apart."""
    if not alignment.stories:
        return tuple(a.id for a in alignment.articles)
    return next((s for s in alignment.stories if article_id in s), (article_id,))


def _within(alignment: Alignment, members: tuple[str, ...]) -> Alignment:
    if not alignment.stories or len(set(members)) == len(alignment.articles):
        return alignment  # one story: nothing to narrow
    from newsdiff.core.views.subset import restrict

    return restrict(alignment, members)


def _heading(stories: Sequence[Story], alignment: Alignment) -> str | None:
    """The heading the list gives the story ``alignment`` holds ("Tara Reid · rehab ·
    18 reports"), when the folder has more than one story (else None)."""
    if len(stories) < 2 or not alignment.articles:
        return None
    from newsdiff.core.views.labels import relabel
    from newsdiff.core.views.stories import StoryGroup, story_of

    story = story_of(stories, alignment.articles[0].id)
    if story is None:
        return None
    (told,) = relabel((story,), alignment.articles)  # the list's whole names
    return StoryGroup("", told, (), len(story.members)).heading
