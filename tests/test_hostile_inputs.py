"""Whatever is in a downloads folder: newsdiff never crashes, hangs or loses a good report
because of a bad one. Each case goes through the command line (as a user runs it) and
through the core (as the app calls it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdiff.core.reading.loader import read_articles

GOOD = (
    "Nordkorea schickt Soldaten nach Russland\n\n"
    "Nordkorea hat nach Angaben aus Seoul mehr als 3000 Soldaten nach Russland geschickt. "
    "Die Truppen sollen in der Region Kursk eingesetzt werden.\n"
)
GERMAN = "Grüße aus Köln\n\nDie Straße ist 3 € teurer geworden. „Das ist zu viel“, sagte Müller.\n"
LATIN = "Grüße aus Köln\n\nDie Straße ist 3 EUR teurer geworden. «Das ist zu viel», sagte Müller.\n"
MARKUP = (
    "Markup [bold]fett[/] im Titel\n\n"
    "Ein [link=https://e.vil]Klick[/link] und [red]rot[/] stehen hier wörtlich. "
    "Auch [/] und [b] und <script>alert(1)</script> bleiben Text.\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def newsdiff(*args: str, cache: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the CLI as a user would; the cache goes to a folder of the test's own."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True, text=True, env=env, timeout=timeout,
    )  # fmt: skip
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    return result


def listed(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["articles"]


def stems(corpus) -> list[str]:
    return [Path(article.path).stem for article in corpus.articles]


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


# --- binary files ---------------------------------------------------------------------------


def test_binary_files_named_txt_are_skipped_and_named_the_rest_read(folder, cache):
    (folder / "photo.txt").write_bytes(PNG)
    (folder / "noise.txt").write_bytes(bytes((i * 7919) % 256 for i in range(20000)))
    (folder / "report.pdf.md").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    corpus = read_articles([folder], cache=False)
    assert stems(corpus) == ["good"]
    assert sorted(Path(p.path).name for p in corpus.problems) == [
        "noise.txt",
        "photo.txt",
        "report.pdf.md",
    ]
    result = newsdiff("list", "--json", str(folder), cache=cache)
    assert [Path(a["path"]).stem for a in listed(result)] == ["good"]
    warnings = result.stderr.strip().splitlines()
    for name in ("photo.txt", "noise.txt", "report.pdf.md"):
        assert sum(name in line for line in warnings) == 1, result.stderr


def test_compressed_or_encrypted_data_named_txt_is_skipped(tmp_path):
    import random
    import zlib

    for seed in range(20):
        (tmp_path / f"random{seed:02d}.txt").write_bytes(random.Random(seed).randbytes(20000))
    (tmp_path / "deflated.txt").write_bytes(zlib.compress(GOOD.encode() * 400, 9) * 3)
    corpus = read_articles([tmp_path], cache=False)
    assert [Path(a.path).name for a in corpus.articles] == []
    assert len(corpus.problems) == 21


def test_nothing_readable_exits_1_and_names_the_file(tmp_path, cache):
    (tmp_path / "photo.txt").write_bytes(PNG)
    result = newsdiff("list", str(tmp_path / "photo.txt"), cache=cache)
    assert result.returncode == 1
    assert "photo.txt" in result.stderr


def test_missing_path_and_bad_usage_exit_2(folder, cache):
    missing = newsdiff("list", str(folder / "nowhere.txt"), cache=cache)
    assert missing.returncode == 2
    assert "nowhere.txt" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    assert newsdiff("list", "--no-such-option", cache=cache).returncode == 2
    assert newsdiff("report", "--format", "pdf", cache=cache).returncode == 2


@pytest.mark.parametrize("command", ["list", "align", "facts", "report"])
def test_every_command_exits_with_what_happened(folder, cache, command):
    (folder / "photo.txt").write_bytes(PNG)
    missing = newsdiff(command, str(folder / "nowhere.md"), cache=cache)
    assert missing.returncode == 2 and "nowhere.md" in missing.stderr
    nothing = newsdiff(command, str(folder / "photo.txt"), cache=cache)
    assert nothing.returncode == 1 and "photo.txt" in nothing.stderr
    mixed = newsdiff(command, str(folder), cache=cache)
    assert mixed.returncode == 0 and "photo.txt" in mixed.stderr and mixed.stdout.strip()


def test_a_missing_path_beside_good_ones_still_exits_2_naming_it(folder, cache):
    result = newsdiff("list", str(folder / "good.txt"), str(folder / "gone.md"), cache=cache)
    assert result.returncode == 2 and "gone.md" in result.stderr


# --- empty files and HTML -----------------------------------------------------------------


def test_empty_and_whitespace_only_files_are_skipped_with_a_warning(folder, cache):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b" \n\t\r\n  \n\x00\n")
    corpus = read_articles([folder], cache=False)
    assert stems(corpus) == ["good"]
    assert sorted(Path(p.path).name for p in corpus.problems) == ["blank.md", "empty.txt"]
    result = newsdiff("list", "--json", str(folder), cache=cache)
    assert len(listed(result)) == 1
    assert "empty.txt" in result.stderr and "blank.md" in result.stderr
    alone = newsdiff("list", str(folder / "empty.txt"), cache=cache)
    assert alone.returncode == 1 and "empty.txt" in alone.stderr


@pytest.mark.parametrize(
    "data",
    [
        b"\x01\x02\x1b\x7f",
        bytes(range(32)) * 4,  # more controls than a text may hold: still not a binary format
        b"\x1b[31m\x1b[0m\n\x07",
        "\u202e\u2066\x9b1m".encode(),
    ],
    ids=["c0", "every-c0", "escapes", "bidi-c1"],
)
def test_a_file_of_nothing_but_control_characters_is_named_as_such(folder, cache, data):
    # 'printf "\x01\x02\x1b\x7f" > f.txt' was called an empty file: it is not, and the
    # user looking at its size was told wrong
    path = folder / "f.txt"
    path.write_bytes(data)
    alone = newsdiff("list", str(path), cache=cache)
    assert alone.returncode == 1
    assert alone.stderr.strip().splitlines() == [
        f"newsdiff: cannot read {path}: no readable text: only control characters"
    ]
    corpus = read_articles([folder], cache=False)  # as the app reads it: the rest still read
    assert stems(corpus) == ["good"]
    assert [(Path(p.path).name, p.message) for p in corpus.problems] == [
        ("f.txt", "no readable text: only control characters")
    ]
    (folder / "f.txt").write_bytes(b" \n\t\n")  # whitespace alone is still an empty file
    assert read_articles([folder / "f.txt"], cache=False).problems[0].message == "empty file"


HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Nordkorea</title><script>track()</script></head>"
    "<body><nav>Menü</nav><article><p>Nordkorea schickt Soldaten.</p><p>Die Truppen sollen in "
    "der Region Kursk eingesetzt werden, sagt der Geheimdienst.</p></article></body></html>\n"
)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved-page.txt"])
def test_html_is_read_as_its_article_without_script_or_navigation(tmp_path, cache, name):
    path = tmp_path / name
    path.write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    corpus = read_articles([path, tmp_path / "good.txt"], cache=False)
    assert stems(corpus) == [Path(name).stem, "good"] and corpus.problems == ()
    texts = [s.text for s in corpus.articles[0].sentences]
    assert "Nordkorea schickt Soldaten." in texts
    assert not any("track" in t or "Menü" in t for t in texts)
    result = newsdiff("list", str(path), str(tmp_path / "good.txt"), cache=cache)
    assert result.returncode == 0 and result.stderr == ""


def test_a_report_that_mentions_html_tags_is_still_read(tmp_path):
    path = tmp_path / "about-html.txt"
    path.write_text("Über <html> und <p>\n\nDer Artikel erklärt <html>-Tags.\n", encoding="utf-8")
    (article,) = read_articles([path], cache=False).articles
    assert article.title == "Über <html> und <p>"


# --- encodings and control characters -------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("cp1252", GERMAN),
        ("latin-1", LATIN),
        ("utf-16", GERMAN),  # with BOM
        ("utf-16-le", GERMAN),  # without BOM, as some tools write
        ("utf-16-be", GERMAN),
        ("utf-8-sig", GERMAN),
    ],
)
def test_legacy_and_utf16_files_are_decoded(tmp_path, cache, encoding, expected):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(expected.encode(encoding))
    (article,) = read_articles([path], cache=False).articles
    assert article.text.strip() == expected.strip()
    assert article.title == "Grüße aus Köln"
    (shown,) = listed(newsdiff("list", "--json", str(path), cache=cache))
    assert shown["title"] == "Grüße aus Köln"


def test_nul_bytes_and_terminal_escapes_are_stripped(tmp_path, cache):
    path = tmp_path / "escapes.txt"
    path.write_bytes(
        b"Titel mit \x1b[31mFarbe\x1b[0m\n\n"
        b"Ein Satz\x00 mit NUL.\x1b]0;gekapert\x07 Noch ein \x1b[2JSatz mit \x9b1mC1.\n"
    )
    (article,) = read_articles([path], cache=False).articles
    for text in [article.text, article.title, *(s.text for s in article.sentences)]:
        assert not set(text) & {"\x00", "\x1b", "\x07", "\x9b"}, repr(text)
    assert article.title == "Titel mit Farbe"
    assert "gekapert" not in article.text
    for args in (("list", str(path)), ("list", "--json", str(path))):
        result = newsdiff(*args, cache=cache)
        assert result.returncode == 0 and "\x1b" not in result.stdout + result.stderr


@pytest.mark.parametrize("stray", ["\x1b]8;;https://e.vil/", "\x1bP", "\x1b_", "\x1b]0;Tite"])
def test_an_escape_string_left_open_costs_its_line_not_the_rest_of_the_report(
    tmp_path, cache, stray
):
    # an OSC (or DCS, APC) string has no end but BEL or ST: one left open took every
    # paragraph after it, the report read as its first sentence
    path = tmp_path / "open.txt"
    first, rest = GOOD.split("\n\n")
    path.write_text(f"{first}{stray}\n\n{rest}", encoding="utf-8")
    (article,) = read_articles([path], cache=False).articles
    assert article.title == "Nordkorea schickt Soldaten nach Russland"
    assert "Die Truppen sollen in der Region Kursk eingesetzt werden." in article.text
    assert not set(article.text) & {"\x1b", "\x07"}
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    (shown,) = listed(newsdiff("list", "--json", str(path), cache=cache))
    (clean,) = listed(newsdiff("list", "--json", str(good), cache=cache))
    assert (shown["sentences"], shown["words"]) == (clean["sentences"], clean["words"])


def test_crlf_and_lf_files_read_the_same(tmp_path):
    (tmp_path / "lf.txt").write_bytes(GOOD.encode())
    (tmp_path / "crlf.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    lf, crlf = read_articles([tmp_path / "lf.txt", tmp_path / "crlf.txt"], cache=False).articles
    assert "\r" not in crlf.text
    assert [s.text for s in crlf.sentences] == [s.text for s in lf.sentences]
    assert crlf.title == lf.title


# --- size -----------------------------------------------------------------------------------


def test_a_200000_character_line_without_punctuation_loads_and_aligns(tmp_path, cache):
    from newsdiff.core.matching.align import align

    words = [f"wort{i % 997}" for i in range(200_000 // 8)]
    line = " ".join(words)[:200_000]
    path = tmp_path / "endless.txt"
    path.write_text(line, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    corpus = read_articles([path, tmp_path / "good.txt"], cache=False)
    alignment = align(corpus.articles)
    assert time.perf_counter() - started < 30
    assert len(corpus.articles) == 2 and alignment.articles == corpus.articles
    result = newsdiff("list", "--json", str(tmp_path), cache=cache, timeout=60)
    assert len(listed(result)) == 2


def test_a_200000_character_line_full_of_numbers_aligns_with_a_near_copy(tmp_path, cache):
    line = " ".join(f"Soldaten {1000 + i % 97} Kursk" for i in range(12_000))[:200_000]
    (tmp_path / "a.txt").write_text("Titel eins\n\n" + line + "\n", encoding="utf-8")
    copy = line.replace("Kursk", "Kursk-Region", 1)
    (tmp_path / "b.txt").write_text("Titel zwei\n\n" + copy + "\n", encoding="utf-8")
    # the subprocess is killed at the timeout: the suite never waits long for a hang
    result = newsdiff("align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), cache=cache,
                      timeout=30)  # fmt: skip
    assert result.returncode == 0


def test_a_7_mb_file_is_read_in_reasonable_time(tmp_path, cache):
    paragraph = GOOD.split("\n\n", 1)[1].strip()
    blocks = [paragraph.replace("3000", str(1000 + n)) for n in range(7_000_000 // len(paragraph))]
    path = tmp_path / "huge.txt"
    path.write_text("Ein sehr langer Bericht\n\n" + "\n\n".join(blocks), encoding="utf-8")
    assert path.stat().st_size > 7_000_000
    started = time.perf_counter()
    (article,) = read_articles([path], cache=False).articles
    assert time.perf_counter() - started < 60
    assert len(article.sentences) > 2 * len(blocks)
    result = newsdiff("list", "--json", str(path), cache=cache, timeout=120)
    assert listed(result)[0]["title"] == "Ein sehr langer Bericht"


def test_a_file_over_the_size_limit_is_refused_naming_the_limit_and_how_to_lift_it(
    tmp_path, cache, monkeypatch
):
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: refused before a byte is read
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = newsdiff("list", "--json", str(huge), str(tmp_path / "good.txt"), cache=cache)
    assert len(listed(result)) == 1
    (warning,) = result.stderr.strip().splitlines()
    assert "dump.txt" in warning and "20 MB" in warning and "NEWSDIFF_MAX_MB=21" in warning
    two_mb = tmp_path / "long.txt"
    two_mb.write_text("Lang\n\n" + GOOD * (2 * 1024 * 1024 // len(GOOD) + 1), encoding="utf-8")
    monkeypatch.setenv("NEWSDIFF_MAX_MB", "1")
    assert not read_articles([two_mb], cache=False).articles
    monkeypatch.setenv("NEWSDIFF_MAX_MB", "3")
    assert read_articles([two_mb], cache=False).articles


def test_a_fifo_and_a_file_name_with_escapes_neither_hang_nor_drive_the_terminal(folder, cache):
    os.mkfifo(folder / "pipe.txt")
    (folder / "evil\x1b[2J\x1b]0;title\x07.txt").write_bytes(PNG)
    (folder / "other.txt").write_text(GOOD.replace("3000", "4000"), encoding="utf-8")
    result = newsdiff("report", str(folder), cache=cache, timeout=60)
    assert result.returncode == 0 and "# newsdiff report" in result.stdout
    assert "pipe.txt" in result.stderr and "evil" in result.stderr
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr


def test_a_pipe_a_socket_or_a_device_is_named_for_what_it_is_and_never_opened(
    folder, cache, monkeypatch
):
    # opening a FIFO blocks until a writer comes, opening a device may act on it: they
    # were opened (without blocking) and then refused as "not a regular file", a
    # socket as "no such device or address"
    import socket

    monkeypatch.chdir(folder)  # a socket's path must be short: bound by a relative name
    os.mkfifo("pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock.md")
        said = {
            "pipe.txt": "not a regular file (a named pipe)",
            "sock.md": "not a regular file (a socket)",
            "/dev/null": "not a regular file (a device)",
        }
        for name, message in said.items():
            alone = newsdiff("list", name, cache=cache, timeout=30)
            assert alone.returncode == 1
            assert alone.stderr.strip().splitlines() == [f"newsdiff: cannot read {name}: {message}"]
        mixed = newsdiff("list", ".", "/dev/zero", cache=cache, timeout=30)
        assert mixed.returncode == 0 and "good" in mixed.stdout
        assert mixed.stderr.strip().splitlines() == [
            "newsdiff: warning: skipped pipe.txt: not a regular file (a named pipe)",
            "newsdiff: warning: skipped sock.md: not a regular file (a socket)",
            "newsdiff: warning: skipped /dev/zero: not a regular file (a device)",
        ]
        opened: list[str] = []  # as the app reads: the same reader, and nothing opened
        real_open = os.open
        monkeypatch.setattr(
            os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k)
        )
        corpus = read_articles([folder, "/dev/zero"], cache=False)
    assert stems(corpus) == ["good"]
    assert {Path(p.path).name: p.message for p in corpus.problems} == {
        "pipe.txt": "not a regular file (a named pipe)",
        "sock.md": "not a regular file (a socket)",
        "zero": "not a regular file (a device)",
    }
    assert not {Path(p).name for p in opened} & {"pipe.txt", "sock.md", "zero"}


def test_a_file_of_one_short_sentence_repeated_aligns_in_seconds(tmp_path):
    from newsdiff.core.matching.align import align

    path = tmp_path / "repeated.txt"
    path.write_text("Kurz\n\n" + "Ja. Nein. Kursk. " * 20_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    corpus = read_articles([path, tmp_path / "good.txt"], cache=False)
    align(corpus.articles[1:] * 2)  # the lemmatizer's first load is not what is measured
    started = time.perf_counter()
    align(corpus.articles)
    assert time.perf_counter() - started < 6


# --- folders --------------------------------------------------------------------------------


def test_symlink_loops_are_not_followed_forever(folder, cache):
    inner = folder / "inner"
    inner.mkdir()
    (inner / "loop").symlink_to(folder, target_is_directory=True)
    (inner / "self").symlink_to(inner, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    corpus = read_articles([folder], cache=False)
    assert stems(corpus).count("good") == 1
    result = newsdiff("list", "--json", str(folder), cache=cache, timeout=60)
    assert [Path(a["path"]).stem for a in listed(result)].count("good") == 1


def test_a_folder_nested_deeper_than_the_recursion_limit_is_walked(folder, cache):
    handle = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1100):  # Python's recursion limit is 1,000
            os.mkdir("d", dir_fd=handle)
            deeper = os.open("d", os.O_RDONLY, dir_fd=handle)
            os.close(handle)
            handle = deeper
        bottom = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handle)
        os.write(bottom, GOOD.replace("3000", "5000").encode())
        os.close(bottom)
    finally:
        os.close(handle)
    try:
        started = time.perf_counter()
        assert stems(read_articles([folder], cache=False)) == ["deep", "good"]
        assert time.perf_counter() - started < 20
        result = newsdiff("list", "--json", str(folder), cache=cache, timeout=60)
        assert [Path(a["path"]).name for a in listed(result)] == ["deep.txt", "good.txt"]
    finally:
        _flatten_and_remove(folder / "d")


def _flatten_and_remove(top: Path) -> None:
    """Remove a deep chain of folders level by level (Python 3.11's rmtree recurses,
    so pytest's own clean-up of old temporary folders would fail on it)."""
    level = 0
    while top.exists():
        for child in top.iterdir():
            if child.is_dir():
                level += 1
                child.rename(top.parent / f"level{level}")
            else:
                child.unlink()
        top.rmdir()
        top = top.parent / f"level{level}"


def test_unreadable_files_are_skipped_and_named(folder, cache):
    secret = folder / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.geteuid() == 0:
            pytest.skip("root reads a chmod 000 file; see the simulated test below")
        corpus = read_articles([folder], cache=False)
        assert stems(corpus) == ["good"]
        assert [Path(p.path).name for p in corpus.problems] == ["secret.txt"]
        result = newsdiff("list", "--json", str(folder), cache=cache)
        assert len(listed(result)) == 1 and "secret.txt" in result.stderr
    finally:
        secret.chmod(0o644)


def test_a_read_error_is_a_problem_not_a_crash(folder, monkeypatch):
    """Simulates an unreadable file where chmod cannot (tests running as root)."""
    secret = folder / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    real_open, real_read = open, Path.read_bytes

    def refuse(path):
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))

    def fake_open(path, *args, **kwargs):
        if isinstance(path, (str, Path)):
            refuse(path)
        return real_open(path, *args, **kwargs)

    def fake_read_bytes(self):
        refuse(self)
        return real_read(self)

    real_os_open = os.open

    def fake_os_open(path, *args, **kwargs):
        refuse(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    monkeypatch.setattr(Path, "read_bytes", fake_read_bytes)
    monkeypatch.setattr(os, "open", fake_os_open)
    corpus = read_articles([folder], cache=False)
    assert stems(corpus) == ["good"]
    assert [Path(p.path).name for p in corpus.problems] == ["secret.txt"]
    assert "ermission" in corpus.problems[0].message


def test_three_thousand_files_load_in_reasonable_time(tmp_path, cache):
    folder = tmp_path / "many"
    for number in range(30):
        sub = folder / f"sub{number:02d}"
        sub.mkdir(parents=True)
        for item in range(100):
            (sub / f"n{item:03d}.txt").write_text(
                f"Meldung {number}-{item}\n\nIn Ort {item} geschah am Montag Ereignis {number}.\n",
                encoding="utf-8",
            )
    started = time.perf_counter()
    corpus = read_articles([folder], cache=False)
    assert time.perf_counter() - started < 60
    assert len(corpus.articles) == 3000 and not corpus.problems
    result = newsdiff("list", "--json", str(folder), cache=cache, timeout=180)
    assert len(listed(result)) == 3000


# --- markup in article text -----------------------------------------------------------------


def test_markup_in_article_text_is_listed_literally(tmp_path, cache):
    path = tmp_path / "markup.txt"
    path.write_text(MARKUP, encoding="utf-8")
    (article,) = read_articles([path], cache=False).articles
    assert article.title == "Markup [bold]fett[/] im Titel"
    assert "[link=https://e.vil]Klick[/link]" in article.text
    result = newsdiff("list", str(path), cache=cache)
    assert result.returncode == 0 and "[bold]fett[/]" in result.stdout


@pytest.mark.parametrize("format_", ["markdown", "html", "json"])
def test_markup_in_article_text_is_literal_in_every_export(tmp_path, cache, format_):
    (tmp_path / "a.txt").write_text(MARKUP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MARKUP.replace("hier", "dort"), encoding="utf-8")
    result = newsdiff("report", "--format", format_, str(tmp_path), cache=cache)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if format_ == "json":
        text = json.dumps(json.loads(out), ensure_ascii=False)
        assert "[link=https://e.vil]Klick[/link]" in text and "<script>alert(1)</script>" in text
    elif format_ == "html":
        assert "[link=https://e.vil]Klick[/link]" in out and "[bold]fett[/]" in out
        assert "<script" not in out.lower() and "&lt;script&gt;" in out
    else:
        assert r"\[link=https://e.vil\]Klick\[/link\]" in out and r"\[bold\]fett\[/\]" in out
        assert r"\<script\>" in out


@pytest.mark.parametrize("format_", ["markdown", "html", "json"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path, cache, format_):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    try:
        with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as stream:
            stream.write(GOOD.replace("3000", "4000").encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    target = tmp_path / f"report.{format_}"
    result = newsdiff("report", "-f", format_, "-o", str(target), str(folder), cache=cache)
    assert result.returncode == 0, result.stderr
    report = target.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    assert "caf" in report and "good.txt" in report
    if format_ == "json":
        paths = [source["path"] for source in json.loads(report)["sources"]]
        assert os.fsencode(paths[0]).endswith(b"caf\xe9.txt")  # reads back to the same file


def test_a_file_of_marks_joiners_and_punctuation_alone_is_skipped_naming_it(folder, cache):
    # it was listed as a report of 0 words titled with a bare joiner and accents,
    # which no other report can pair with
    (folder / "marks.txt").write_text("\u200d\u200c\u202e\u0301\u0301\n\n\u0301 \u200d\n")
    (folder / "dots.md").write_text("!!! ??? ...\n\n---\n")
    corpus = read_articles([folder], cache=False)
    assert stems(corpus) == ["good"]
    messages = {Path(p.path).name: p.message for p in corpus.problems}
    assert messages == dict.fromkeys(
        ("marks.txt", "dots.md"), "no words in it (only punctuation, symbols or marks)"
    )
    result = newsdiff("list", str(folder), cache=cache)
    assert "skipped" in result.stderr and "marks.txt: no words in it" in result.stderr


def test_a_link_back_to_a_folder_already_read_is_named_as_left_out(folder, cache):
    # the loop was not followed, and not said either: -v named every other file left out
    inner = folder / "inner"
    inner.mkdir()
    (inner / "loop").symlink_to(folder, target_is_directory=True)
    corpus = read_articles([folder], cache=False)
    assert stems(corpus) == ["good"]
    assert [(Path(s.path).name, s.reason) for s in corpus.skipped] == [
        ("loop", "symbolic link to a folder already read; not followed again")
    ]
    result = newsdiff("list", "-v", str(folder), cache=cache)
    assert f"left out {inner / 'loop'}: symbolic link to a folder already read" in result.stderr
