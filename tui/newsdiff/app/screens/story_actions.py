"""What the article list does with stories: labels made whole, Enter on a story's
header, and the claim table of a story (asking which when the cursor names none).

The list screen builds on this; it keeps the rows, the cursor and the filter.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual import work
from textual.screen import Screen

from newsdiff.app.messages import OpenClaims, OpenComparison
from newsdiff.core.views.listing import printable
from newsdiff.core.views.stories import StoryGroup, closest_two, story_choices

if TYPE_CHECKING:
    from newsdiff.app.state import ReaderState
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview


class StoryActions(Screen[None]):
    """The story half of the list screen; the list screen gives the rows and the cursor."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    overviews: dict[str, ArticleOverview]

    @property
    def reader(self) -> ReaderState:
        """The app, typed: it holds the corpus and alignment this screen shows."""
        return cast("ReaderState", self.app)

    if TYPE_CHECKING:  # the list screen's own, which these actions read and rebuild

        def refresh_rows(self) -> None: ...
        def current_article_id(self) -> str | None: ...
        def current_group(self) -> StoryGroup | None: ...
        def on_first_report(self) -> bool: ...
        def to_first_report(self) -> None: ...

    def _show_stories(self, stories: tuple[Story, ...]) -> None:
        # on the first row before the groups came, the cursor starts on the first row
        # after: following the oldest report into its group opened the list half-way
        # down (or on its last row, the stories out of sight)
        first = self.on_first_report() and not any(not story.alone for story in self.stories)
        self.stories = stories
        if self.articles:
            self.refresh_rows()
            if first:
                self.to_first_report()
        if any(not story.alone for story in stories):
            self._relabel(stories, self.articles)

    @work(thread=True, exclusive=True, group="labels", exit_on_error=False)
    def _relabel(self, stories: tuple[Story, ...], articles: tuple[Article, ...]) -> None:
        """Whole names in the story labels ("Tara Reid", not "Reid · Tara"), off the UI thread:
        it reads the lead of every report in a story."""
        from newsdiff.core.views.labels import relabel

        told = relabel(stories, articles)
        self.app.call_from_thread(self._relabelled, stories, told)

    def _relabelled(self, found: tuple[Story, ...], told: tuple[Story, ...]) -> None:
        if self.stories is found:  # not stories of an older reading
            self.stories = told
            self.refresh_rows()

    def open_story(self, group: StoryGroup) -> None:
        """Enter on a header: compare the story's two reports that share the most."""
        if group.story is None:
            # Enter opens nothing for a lone report: say what does
            self.notify(
                "These reports are each alone in their story. Mark one and another "
                "with space, then c, to read them side by side."
            )
            return
        if self.reader.alignment is None:
            # queued by the app like any Enter while pairing: the story's first report
            # beside its closest, as soon as the pairs are known
            self.post_message(OpenComparison(group.story.members[0], None))
            return
        two = closest_two(group.story.members, self.overviews)
        if two is None:
            self.notify("No two reports of this story share a passage.")
            return
        self.post_message(OpenComparison(*two))

    def action_claims(self) -> None:
        """The claim table of the story under the cursor; asks which story when the
        cursor names none (the lone reports' header, an empty filter). Pressed while
        the reports are read or paired, the app waits for the pairs and opens the
        story of the row ``t`` was pressed on (as enter does); on a row that names
        none (no row read yet), it asks ``claims_request`` which story the cursor
        is on then."""
        if self.reader.alignment is None and self.reader.busy:
            article_id = self._story_article()
            self.post_message(OpenClaims(article_id) if article_id else OpenClaims(at_cursor=True))
            return
        request = self.claims_request()
        if request is not None:
            self.post_message(request)

    def claims_request(self) -> OpenClaims | None:
        """The claim table the cursor asks for now; None when it names none (this
        says why, or asks which story)."""
        if len(self.articles) < 2:
            self.notify("The claim table needs two or more reports.")
            return None
        article_id = self._story_article()
        if article_id is None and self.stories:
            self._ask_story()  # even of one story: the user sees which it is
            return None
        # the claim table of that story (the app narrows to it)
        return OpenClaims(article_id)

    def _story_article(self) -> str | None:
        """A report of the story under the cursor: its row's, or a story header's first."""
        article_id = self.current_article_id()
        group = self.current_group()
        if article_id is None and group is not None and group.story is not None:
            article_id = group.story.members[0]
        return article_id

    def comparison_request(self) -> OpenComparison | None:
        """The comparison enter asks for on the row under the cursor now (None: no
        report there; the reader then says so)."""
        article_id = self._story_article()
        return OpenComparison(article_id, None) if article_id is not None else None

    def _ask_story(self) -> None:
        choices = story_choices(self.stories)
        if not choices:
            self.notify("Every report is alone in its story: no claims to compare.")
            return
        from textual.command import SimpleCommand
        from textual.markup import escape

        # the palette reads a command's name as markup: a label is data, escaped for it
        commands = [
            SimpleCommand(escape(printable(heading)), partial(self.post_message, OpenClaims(first)))
            for heading, first in choices
        ]
        self.app.search_commands(commands, placeholder="Claim table of which story?")
