"""Lexical pairs first, then the pairs by meaning: the reader's two passes as a user sees them."""

from __future__ import annotations

import threading

from waiting import held, wait_for

from newsdiff.app.engine import Engine, Pass, align_articles, find_stories
from newsdiff.app.messages import OpenComparison
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.widgets.busy_line import BusyLine

LEFT, RIGHT = "000_27ce5f7eeda19fb8", "002_344335e8705db148"
SIEGREICH = "Die Einsätze seien"  # ~ "spricht von einer erfolgreichen „Befreiung der Region Kursk“"
BEFREIUNG = "Die nordkoreanische Militärführung spricht"


def held_semantic_pass(release: threading.Event) -> Engine:
    """The default engine, but the semantic pass waits until ``release`` is set."""
    return Engine(then=Pass(find_stories, held(release, align_articles)))


def index_of(app, article_id: str, start: str) -> int:  # type: ignore[no-untyped-def]
    article = next(a for a in app.corpus.articles if a.id == article_id)
    return next(s.index for s in article.sentences if s.text.startswith(start))


def paired(app, left: int, right: int) -> bool:  # type: ignore[no-untyped-def]
    return any(
        {(p.left.article, p.left.sentence), (p.right.article, p.right.sentence)}
        == {(LEFT, left), (RIGHT, right)}
        for p in app.alignment.pairs
    )


async def test_the_paraphrase_pair_joins_the_open_comparison_without_a_key(build_app):
    release = threading.Event()
    app = build_app(engine=held_semantic_pass(release))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Adding paraphrase pairs" in app.busy)
        siegreich, befreiung = index_of(app, LEFT, SIEGREICH), index_of(app, RIGHT, BEFREIUNG)
        # the pairs by shared words are there, and usable, before the model is done
        assert app.alignment is not None and app.alignment.pairs
        assert not paired(app, siegreich, befreiung)
        app.post_message(OpenComparison(LEFT, RIGHT))
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        screen = app.screen
        row = next(k for k, r in enumerate(screen.rows) if r.left and r.left.index == siegreich)
        assert screen.rows[row].pair is None and not screen.rows[row].others  # unpaired, for now
        screen.view.move_to(row)
        release.set()
        await wait_for(pilot, lambda: app.busy == "")
        await pilot.pause()
        assert paired(app, siegreich, befreiung)
        assert screen.rows is not None and app.screen is screen
        current = screen.view.current_row
        assert current is not None and current.left is not None
        assert current.left.index == siegreich  # the cursor kept its passage
        # now paired: beside it, or (its partner pairs a neighbour too) on another row
        partners = [p.right.sentence for p in (current.pair, *current.others) if p is not None]
        assert befreiung in partners
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlesScreen))
        status = app.screen.query_one(BusyLine).text
        assert status.endswith("paraphrase pairs added") and not status.startswith("0 ")


async def test_enter_while_the_paraphrase_pairs_are_added_opens_at_once(build_app):
    release = threading.Event()
    app = build_app(engine=held_semantic_pass(release))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Adding paraphrase pairs" in app.busy)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), seconds=10)
        assert app.pending is None and "opens when ready" not in app.busy
        release.set()
        await wait_for(pilot, lambda: app.busy == "")


async def test_lexical_makes_one_pass(build_app, settle):
    app = build_app(lexical=True)
    async with app.run_test(size=(120, 40)) as pilot:
        seen: list[str] = []
        for _ in range(3000):
            seen.append(app.busy)
            if app.alignment is not None and not app.busy:
                break
            await pilot.pause(0.02)
        await settle(pilot)
        assert not any("paraphrase" in stage for stage in seen)
        assert app.note == ""


async def test_a_meaning_pass_that_adds_no_pair_leaves_the_status_line_empty(build_app, settle):
    # "0 paraphrase pairs added" stood on the line: news of nothing
    from newsdiff.app.engine import align_lexical, find_stories_lexical

    app = build_app(engine=Engine(then=Pass(find_stories_lexical, align_lexical)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.note == ""
        assert not app.screen.query_one(BusyLine).display
