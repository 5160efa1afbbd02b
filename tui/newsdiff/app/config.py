"""The user's settings for the reader: a theme and key remappings.

Read from ``$XDG_CONFIG_HOME/newsdiff/config.toml`` (``~/.config`` by default)::

    theme = "textual-light"
    lexical = true          # pair by shared words alone (as --lexical)

    [keymap]
    "articles.filter" = "f"
    "app.help" = "f1,question_mark"

Keymap keys are the binding ids the help screen (``?``) lists. A broken file
never stops the reader: it starts with the defaults and says what was wrong.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from newsdiff.core.storage.atomic import write_atomically

_MAX_BYTES = 1024 * 1024  # a settings file is a few lines; a stray dump is no config


@dataclass(frozen=True, slots=True)
class Settings:
    """What the config file asked for, and a one-line problem if it was unreadable."""

    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    lexical: bool = False
    problem: str | None = None


def config_path() -> Path:
    """Where the reader looks for its settings.

    >>> config_path().name
    'config.toml'
    """
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsdiff" / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (the default location when None); defaults when absent.

    >>> load_settings(Path("/nonexistent/config.toml"))
    Settings(theme=None, keymap={}, lexical=False, problem=None)
    """
    path = config_path() if path is None else path
    try:
        text = _read_config(path)
    except NotAConfig as error:
        return Settings(problem=f"{path}: {error}; using the defaults")
    except (OSError, UnicodeDecodeError) as error:
        return Settings(problem=f"{path}: {error}")
    if text is None:
        return Settings()
    # the parser only when there is a file: most starts have none, and they paint sooner
    try:  # Python 3.11+
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10 reads the same file with tomli
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(problem=f"{path}: {error}")
    except RecursionError:  # tomllib recurses once per level of [[[...
        return Settings(problem=f"{path}: nested too deeply to read; using the defaults")
    # one wrong entry is named and left out; the rest of the file still applies
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("theme must be a name in quotes")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        problems.append("[keymap] must map binding ids to key strings")
        keymap = {}
    wrong = [key for key, value in keymap.items() if not isinstance(value, str)]
    if wrong:
        named = ", ".join(repr(key) for key in wrong)
        problems.append(f"[keymap] {named}: a key must be a string in quotes, not applied")
    lexical = data.get("lexical", False)
    if not isinstance(lexical, bool):
        problems.append("lexical must be true or false")
    return Settings(
        theme=theme if isinstance(theme, str) else None,
        keymap={key: value for key, value in keymap.items() if key not in wrong},
        lexical=lexical if isinstance(lexical, bool) else False,
        problem=f"{path}: {'; '.join(problems)}" if problems else None,
    )


_THEME_LINE = re.compile(r"^theme\s*=.*$", re.M)
_TABLE_LINE = re.compile(r"^\s*\[", re.M)


def save_theme(theme: str, path: Path | None = None) -> str | None:
    """Keep ``theme`` in the config file, the rest of the file as it was.

    Returns a one-line problem when the file could not be written, else None.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "config.toml"
    >>> save_theme("nord", target), load_settings(target).theme
    (None, 'nord')
    """
    path = config_path() if path is None else path
    line = f"theme = {_toml_string(theme)}"
    try:
        # a FIFO or device in its place is never opened, nor replaced by a file
        text = _read_config(path) or ""
        # the top-level keys end where the first [table] begins
        table = _TABLE_LINE.search(text)
        head, tail = (text[: table.start()], text[table.start() :]) if table else (text, "")
        if _THEME_LINE.search(head):
            head = _THEME_LINE.sub(lambda _: line, head, count=1)
        else:
            head = f"{line}\n{head}"
        # a config.toml linked into a dotfiles folder is written where the link leads:
        # renamed over, the link became a file of its own (mode 600) and the user's
        # file never saw the theme. The one atomic writer keeps the file's mode.
        target = path.resolve() if path.is_symlink() else path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, (head + tail).encode("utf-8"))
    except NotAConfig as error:
        return f"{path}: {error}; the theme was not saved"
    except (OSError, UnicodeDecodeError, RuntimeError) as error:  # RuntimeError: a link loop
        return f"{path}: {error}"
    return None


class NotAConfig(ValueError):
    """The config path holds something that is not a settings file (a FIFO, a folder)."""


def _read_config(path: Path) -> str | None:
    """The text of the config file at ``path``; None when there is none.

    A FIFO, a folder or a device there is never opened (a FIFO would block the
    start until a writer came): NotAConfig says what it is. OSError and
    UnicodeDecodeError pass through.

    >>> _read_config(Path("/nonexistent/config.toml")) is None
    True
    >>> try:
    ...     _read_config(Path("/dev/null"))
    ... except NotAConfig as error:
    ...     print(error)
    not a regular file (a device)
    """
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # a dangling link counts as none
        return None
    _check_regular(mode)
    # without blocking, checked again on the descriptor: a file swapped for a FIFO
    # since the stat must not hang the start
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(descriptor).st_mode)
        data = handle.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise NotAConfig(f"over {_MAX_BYTES // (1024 * 1024)} MB, too large for a settings file")
    return data.decode("utf-8")


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        # only now: the reader's first paint imports none of the reading engine
        from newsdiff.core.reading.loader import special_kind

        what = "a folder" if stat.S_ISDIR(mode) else special_kind(mode) or "of no known kind"
        raise NotAConfig(f"not a regular file ({what})")


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
