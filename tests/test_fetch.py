"""URLs on the command line: fetched with a time limit, a size limit, redirects followed and the
content type checked; kept in the cache so a second run works offline; a page that cannot be
had is one line naming its URL while the other inputs are still read. Every server here is a
local one on 127.0.0.1 (pytest-httpserver); nothing leaves the machine."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsdiff.cli import main
from newsdiff.core.reading.fetch import FetchOptions
from newsdiff.core.reading.loader import read_articles

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Troops sent | Example News</title>
<meta property="article:published_time" content="2024-11-06T12:01:00+01:00">
<meta name="author" content="Jane Doe"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Troops sent</h1>
<p>North Korea has sent about 11,000 soldiers to Russia, South Korea's intelligence service said
on Wednesday, in the clearest sign yet of the alliance between the two countries.</p>
<p>The troops are being trained in the east of Russia, officials in Seoul told reporters.</p>
</article></body></html>"""
GOOD = "Kursk\n\nNordkorea hat nach Angaben aus Seoul 3000 Soldaten nach Russland geschickt.\n"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("NEWSDIFF_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def serve_page(server: HTTPServer, path: str = "/world/troops-sent.html") -> str:
    server.expect_request(path).respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    return server.url_for(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_url_is_fetched_and_read_as_its_article(httpserver, cache, capsys):
    url = serve_page(httpserver)
    code, out, err = run(capsys, "list", "--json", url)
    assert code == 0, err
    (article,) = json.loads(out)["articles"]
    assert article["title"] == "Troops sent"
    assert article["id"] == "troops-sent"
    assert article["path"] == url and article["url"] == url
    assert article["author"] == "Jane Doe"
    assert article["fetched"].endswith("Z")  # when, in UTC
    assert err == ""


def test_a_second_run_reads_the_kept_copy_offline_and_refresh_fetches_again(
    httpserver, cache, capsys
):
    url = serve_page(httpserver)
    assert run(capsys, "list", url)[0] == 0
    first = json.loads(run(capsys, "list", "--json", url)[1])["articles"][0]["fetched"]
    assert len(httpserver.log) == 1  # the second run did not ask the server
    httpserver.stop()  # the network is gone
    code, out, err = run(capsys, "list", "--json", url)
    assert code == 0 and err == ""
    assert json.loads(out)["articles"][0]["fetched"] == first
    # --refresh without the network: says so, and reads the kept copy
    code, out, err = run(capsys, "list", "--json", "--refresh", "--timeout", "2", url)
    assert code == 0
    assert f"read part of {url}: fetching again failed" in err
    assert json.loads(out)["articles"][0]["title"] == "Troops sent"
    httpserver.start()
    time.sleep(1.1)  # a later fetch time, to the second
    code, out, _ = run(capsys, "list", "--json", "--refresh", url)
    assert code == 0 and len(httpserver.log) == 2
    assert json.loads(out)["articles"][0]["fetched"] > first


def test_a_redirect_is_followed(httpserver, cache):
    target = serve_page(httpserver, "/new/troops-sent.html")
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": target})
    )
    (article,) = read_articles([httpserver.url_for("/old")]).articles
    assert article.title == "Troops sent" and article.url == target


def test_a_redirect_to_a_local_file_is_refused(httpserver, cache, good):
    httpserver.expect_request("/evil").respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    url = httpserver.url_for("/evil")
    corpus = read_articles([url, good])
    assert [a.id for a in corpus.articles] == ["good"]
    (problem,) = corpus.problems
    assert problem.path == url and "non-web address" in problem.message


def test_a_404_is_one_line_naming_the_url_and_the_other_inputs_are_read(
    httpserver, cache, capsys, good
):
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    url = httpserver.url_for("/gone")
    code, out, err = run(capsys, "list", url, str(good))
    assert code == 0
    assert err.strip() == f"newsdiff: warning: skipped {url}: the server answered 404 NOT FOUND"
    assert "Kursk" in out


def test_a_server_that_never_answers_costs_the_time_limit_only(silent_url, cache, capsys, good):
    url = silent_url
    start = time.perf_counter()
    code, out, err = run(capsys, "list", "--timeout", "0.5", url, str(good))
    assert time.perf_counter() - start < 2.5
    assert code == 0 and "Kursk" in out
    (line,) = err.strip().splitlines()
    assert line.startswith(f"newsdiff: warning: skipped {url}: no answer")


def test_a_page_that_trickles_in_is_cut_off_at_the_time_limit(httpserver, cache):
    def trickle(request: Request) -> Response:
        def chunks():
            yield b"<html><body><p>"
            for _ in range(20):
                time.sleep(0.1)
                yield b"word " * 10

        return Response(chunks(), content_type="text/html")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    url = httpserver.url_for("/trickle")
    start = time.perf_counter()
    corpus = read_articles([url], fetch=FetchOptions(timeout=0.5))
    assert time.perf_counter() - start < 1.8
    (problem,) = corpus.problems
    assert "did not arrive within 0.5 s" in problem.message or "no answer" in problem.message


def test_a_huge_body_is_refused_with_the_limit(httpserver, cache):
    big = b"<html><body>" + b"<p>word word word.</p>" * 60_000  # 1.3 MB
    httpserver.expect_request("/big").respond_with_data(big, content_type="text/html")
    url = httpserver.url_for("/big")
    corpus = read_articles([url], fetch=FetchOptions(max_bytes=1024 * 1024))
    (problem,) = corpus.problems
    assert problem.message == "too large for a report (2 MB, the limit is 1 MB)"


def test_a_huge_body_without_a_length_is_cut_off_at_the_limit(httpserver, cache):
    def endless(request: Request) -> Response:
        def chunks():
            for _ in range(200):
                yield b"<p>word word word.</p>" * 1000

        return Response(chunks(), content_type="text/html")  # chunked: no Content-Length

    httpserver.expect_request("/endless").respond_with_handler(endless)
    corpus = read_articles(
        [httpserver.url_for("/endless")], fetch=FetchOptions(max_bytes=1024 * 1024)
    )
    (problem,) = corpus.problems
    assert problem.message.startswith("too large for a report (over ")


def test_a_wrong_content_type_is_refused(httpserver, cache, good):
    httpserver.expect_request("/photo").respond_with_data(b"\x89PNG....", content_type="image/png")
    url = httpserver.url_for("/photo")
    corpus = read_articles([url, good])
    assert [a.id for a in corpus.articles] == ["good"]
    assert corpus.problems[0].message == "not a web page (content type image/png)"


def test_no_network_is_one_line_naming_the_url(cache, capsys, good):
    url = "http://127.0.0.1:9/troops"  # the discard port: nothing listens
    code, out, err = run(capsys, "list", url, str(good))
    assert code == 0 and "Kursk" in out
    assert err.strip() == (
        f"newsdiff: warning: skipped {url}: cannot reach 127.0.0.1 (connection refused)"
    )


def test_a_malformed_url_is_one_line_naming_it_and_the_other_inputs_are_read(cache, capsys, good):
    # "https://[::1" ended the whole command in "internal error: ValueError"
    url = "https://[::1/troops"
    code, out, err = run(capsys, "list", url, str(good))
    assert code == 0 and "Kursk" in out
    assert err.strip() == (
        f"newsdiff: warning: skipped {url}: not a web address newsdiff can read (Invalid IPv6 URL)"
    )


def test_only_urls_fail_when_all_inputs_are_urls(cache, capsys):
    code, _, err = run(capsys, "list", "http://127.0.0.1:9/a", "http://127.0.0.1:9/b")
    assert code == 1 and "nothing readable" in err


def test_one_url_that_cannot_be_reached_is_one_line(cache, capsys):
    url = "http://127.0.0.1:9/a"
    code, _, err = run(capsys, "align", url)
    assert code == 1
    assert (
        err.strip() == f"newsdiff: cannot read {url}: cannot reach 127.0.0.1 (connection refused)"
    )


def test_a_plain_text_url_is_read_as_text(httpserver, cache):
    httpserver.expect_request("/a.txt").respond_with_data(GOOD, content_type="text/plain")
    (article,) = read_articles([httpserver.url_for("/a.txt")]).articles
    assert article.title == "Kursk"


def test_nothing_is_fetched_unless_a_url_is_given(tmp_path, good):
    (tmp_path / "links.txt").write_text(
        "Links\n\nSiehe https://example.org/a und http://127.0.0.1:9/b für mehr Details.\n"
    )
    code = (
        "import sys; from newsdiff.core.reading.loader import read_articles;"
        f"c = read_articles([{str(tmp_path)!r}], cache=False); assert len(c.articles) == 2;"
        "print(','.join(m for m in ('urllib.request', 'http.client') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def raw_url(answer: bytes) -> str:
    """A URL on a local server that sends ``answer`` as it is to every request: werkzeug
    would percent-encode a Location header, a hostile server need not."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with listener:
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                with connection:
                    connection.recv(65536)
                    connection.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/evil"


@pytest.mark.parametrize(
    "head",
    [
        b"404 \x1b]0;PWNED\x07\x1b[2JGone\r\n",
        b"302 Found\r\nLocation: file:///\x1b]0;PWNED\x07\r\n",
        b"200 OK\r\nContent-Type: application/x-\x1b[2Jdata\r\n",
    ],
    ids=["status text", "location", "content type"],
)
def test_what_a_server_says_about_a_failure_is_printed_as_data(cache, capsys, good, head):
    # the status text and the headers are the server's words: an escape sequence
    # in them set the terminal's title and cleared the screen under the warning
    url = raw_url(b"HTTP/1.1 " + head + b"Content-Length: 2\r\nConnection: close\r\n\r\nno")
    code, out, err = run(capsys, "list", url, str(good))
    assert code == 0 and "Kursk" in out
    (line,) = err.strip().splitlines()
    assert line.startswith(f"newsdiff: warning: skipped {url}: ")
    assert "\x1b" not in line and "\x07" not in line and "\\x1b" in line
    corpus = read_articles([url, good])
    assert "\x1b" not in corpus.problems[0].message  # the app's notices and --json too
