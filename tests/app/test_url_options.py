"""``newsdiff --refresh URL`` and ``--timeout`` reach the reader's fetcher, as they do
for every other reading command: a URL opened in the app honours them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from newsdiff.cli import build_parser
from newsdiff.commands.open import app_for

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Troops sent | Example News</title></head>
<body><article><h1>Troops sent</h1>
<p>North Korea has sent about 11,000 soldiers to Russia, South Korea's intelligence service
said on Wednesday.</p><p>The troops are being trained in the east of Russia.</p>
</article></body></html>"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("NEWSDIFF_NO_CACHE", raising=False)
    return folder


async def open_app(settle, *argv: str):  # type: ignore[no-untyped-def]
    app = app_for(build_parser("open").parse_args(list(argv)))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    return app


async def test_refresh_fetches_a_kept_page_again(httpserver: HTTPServer, cache, settle):
    httpserver.expect_request("/troops.html").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/troops.html")
    app = await open_app(settle, url)
    assert [a.title for a in app.corpus.articles] == ["Troops sent"]
    await open_app(settle, url)
    assert len(httpserver.log) == 1  # the kept copy, as `newsdiff list URL` reads it
    app = await open_app(settle, "--refresh", url)
    assert len(httpserver.log) == 2 and app.corpus.articles[0].title == "Troops sent"


async def test_timeout_gives_up_on_a_silent_server(silent_url: str, cache, settle):
    url = silent_url
    start = time.perf_counter()
    app = await open_app(settle, "--timeout", "0.5", url)
    assert time.perf_counter() - start < 2.5  # not the fetcher's default of 15 s
    (problem,) = app.corpus.problems
    assert problem.path == url and problem.message.startswith("no answer")
