"""Pages named by URL on the command line: fetched once, kept, and read offline after that.

newsdiff reaches the network only for a URL the user gave. A fetch has a time
limit for the whole answer (not only per read: a server that sends a byte a
second must not hold the reader), a size limit, follows redirects (to http and
https only), and checks the content type. The bytes are kept in the cache with
the time they were fetched, so a second run reads them without the network;
``refresh`` fetches again (and keeps the old copy if that fails). Only the
standard library is used: a reader of a few pages needs no HTTP client stack.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.core.reading import cache as article_cache

if TYPE_CHECKING:
    import urllib.request

# content types newsdiff reads, and as what
_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "multipart/related": "mhtml",
    "application/x-mimearchive": "mhtml",
    "message/rfc822": "mhtml",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
_CHUNK = 64 * 1024
_USER_AGENT = "newsdiff (a news comparison reader; one page per URL the user gave)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How pages are fetched: the time limit for a whole answer (seconds), the
    size limit (bytes), whether to fetch again what the cache holds, whether
    to use the cache at all."""

    timeout: float = 15.0
    max_bytes: int = 20 * 1024 * 1024
    refresh: bool = False
    cache: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its bytes, as what to read them, the address it ended at, when."""

    url: str
    final_url: str
    data: bytes
    kind: str  # "html", "mhtml", "text" or "markdown"
    fetched: str  # ISO 8601, UTC
    from_cache: bool = False
    note: str | None = None  # why an older copy was used


class FetchError(Exception):
    """A page that could not be fetched, with a one-line reason.

    The reason may quote the server (its status text, a Location or
    Content-Type header): the server's words are data, so they are kept on
    one line with their control characters shown escaped, as a file name is.
    """

    def __init__(self, reason: str) -> None:
        from newsdiff.core.language.sanitize import plain

        super().__init__(plain(reason))


def is_url(text: str) -> bool:
    """Whether a command-line input names a page on the web rather than a file.

    >>> is_url("https://example.org/a"), is_url("http://x.org"), is_url("notes/http.txt")
    (True, True, False)
    """
    lowered = text[:8].lower()
    return (lowered.startswith("http://") and len(text) > 7) or (
        lowered.startswith("https://") and len(text) > 8
    )


def fetch_page(url: str, *, options: FetchOptions | None = None) -> Fetched:
    """The page at ``url``, from the cache when it holds it, else from the network.

    Raises FetchError with a one-line reason when the page cannot be had.

    >>> fetch_page("https://example.invalid/", options=FetchOptions(cache=False, timeout=2))
    Traceback (most recent call last):
    ...
    newsdiff.core.reading.fetch.FetchError: cannot reach example.invalid (name not known)
    """
    options = options or FetchOptions()
    use_cache = article_cache.enabled(options.cache)
    kept = _load(url) if use_cache else None
    if kept is not None and not options.refresh:
        return kept
    try:
        page = _download(url, options)
    except FetchError as error:
        if kept is None:
            raise
        note = f"fetching again failed ({error}); read the copy fetched {kept.fetched}"
        return Fetched(kept.url, kept.final_url, kept.data, kept.kind, kept.fetched, True, note)
    if use_cache:
        _store(page)
    return page


def _download(url: str, options: FetchOptions) -> Fetched:
    # urllib only when the user named a URL: reading files never loads a network client
    import urllib.error
    import urllib.parse
    import urllib.request

    try:  # "https://[::1" is refused by the parser, before any connection
        host = urllib.parse.urlparse(url).hostname or url
        request = urllib.request.Request(
            url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html, */*;q=0.5"}
        )
    except ValueError as error:
        raise FetchError(f"not a web address newsdiff can read ({error})") from None
    deadline = time.monotonic() + options.timeout
    opener = urllib.request.build_opener(_redirect_handler())
    try:
        with opener.open(request, timeout=options.timeout) as response:
            kind = _kind(response.headers.get_content_type())
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > options.max_bytes:
                raise FetchError(_too_large(int(length), options.max_bytes))
            data = _read_within(response, deadline, options)
            final = response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib refused the target (file://, ...): say where
            target = str(error.headers.get("Location", ""))[:60]
            raise FetchError(f"redirected to a non-web address ({target})") from None
        raise FetchError(f"the server answered {error.code} {error.reason}".rstrip()) from None
    except urllib.error.URLError as error:
        raise FetchError(_unreachable(host, error.reason)) from None
    except TimeoutError:
        raise FetchError(f"no answer from {host} within {options.timeout:g} s") from None
    except (OSError, ValueError) as error:  # a broken connection, a malformed answer
        raise FetchError(f"fetching failed: {error}") from None
    moment = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Fetched(url, final, data, kind, moment)


def _redirect_handler() -> urllib.request.BaseHandler:
    import urllib.request

    class WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
        """Follows redirects to http and https only (never to ftp or a local file)."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if not is_url(newurl):
                raise FetchError(f"redirected to a non-web address ({newurl[:60]})")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return WebOnlyRedirects()


def _kind(content_type: str) -> str:
    kind = _TYPES.get(content_type.lower())
    if kind is None:
        raise FetchError(f"not a web page (content type {content_type})")
    return kind


def _read_within(response: object, deadline: float, options: FetchOptions) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"the page did not arrive within {options.timeout:g} s")
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(_too_large(size, options.max_bytes, at_least=True))
        chunks.append(chunk)


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    mb = -(-size // (1024 * 1024))
    over = "over " if at_least else ""
    return f"too large for a report ({over}{mb} MB, the limit is {limit // (1024 * 1024)} MB)"


def _unreachable(host: str, reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer from {host} (timed out)"
    if isinstance(reason, socket.gaierror):
        return f"cannot reach {host} (name not known)"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot reach {host} (connection refused)"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot reach {host} ({str(text).lower()})"


# --- the kept copies: cache/pages/<key>.bin with <key>.json beside it -------------


def _paths(url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    folder = article_cache.cache_dir() / "pages" / key[:2]
    return folder / f"{key}.bin", folder / f"{key}.json"


def _load(url: str) -> Fetched | None:
    data_path, info_path = _paths(url)
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        data = data_path.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("url") != url or info.get("size") != len(data):
        return None  # half written, or not ours: fetch again
    kind, final, fetched = info.get("kind"), info.get("final_url"), info.get("fetched")
    if not isinstance(kind, str) or kind not in _TYPES.values():
        return None
    if not isinstance(final, str) or not isinstance(fetched, str):
        return None
    return Fetched(url, final, data, kind, fetched, from_cache=True)


def _store(page: Fetched) -> None:
    data_path, info_path = _paths(page.url)
    info = {
        "url": page.url,
        "final_url": page.final_url,
        "kind": page.kind,
        "fetched": page.fetched,
        "size": len(page.data),
    }
    with contextlib.suppress(OSError):
        data_path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(data_path, page.data)
        _write_atomic(info_path, json.dumps(info).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
