"""Checking a user's key remappings before they are applied.

Textual's ``set_keymap`` accepts any id and any key without a word, so a
typo does nothing and a key another binding already uses silently takes its
place ("compare.swap" = "n" removed "Next pair"). Here each remap is checked
against the bindings active together on each screen: an unknown id or a
collision gets one warning naming the key and both actions, and a collision
is not applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.binding import Binding

from newsdiff.core.language.sanitize import shown


def _bindings(classes: Iterable[type]) -> list[Binding]:
    found: list[Binding] = []
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding):
                found.extend(Binding.make_bindings([binding]))
    return found


def scopes(app_class: type) -> list[list[Binding]]:
    """The bindings active together on each of the reader's screens (widget, screen, app).

    The app passes its own class, so this module never imports the app (no circle).
    """
    from newsdiff.app.screens.articles import ArticlesScreen
    from newsdiff.app.screens.claims import ClaimGrid, ClaimsScreen
    from newsdiff.app.screens.compare import CompareScreen
    from newsdiff.app.screens.help import HelpScreen
    from newsdiff.app.screens.passage import PassageList, PassageScreen
    from newsdiff.app.widgets.article_table import ArticleTable
    from newsdiff.app.widgets.comparison_view import ComparisonView

    groups: list[Sequence[type]] = [
        (ArticleTable, ArticlesScreen),
        (ComparisonView, CompareScreen),
        (PassageList, PassageScreen),
        (ClaimGrid, ClaimsScreen),
        (HelpScreen,),
    ]
    return [_bindings([*group, app_class]) for group in groups]


def _keys(spec: str) -> list[str]:
    return [key.strip() for key in spec.split(",") if key.strip()]


def check_keymap(
    keymap: Mapping[str, str], groups: list[list[Binding]]
) -> tuple[dict[str, str], list[str]]:
    """The remaps that are safe to apply, and one warning per one that is not.

    >>> a = Binding("n", "next", "Next pair", id="x.next")
    >>> b = Binding("s", "swap", "Swap", id="x.swap")
    >>> applied, warnings = check_keymap({"x.swap": "n", "x.nope": "z"}, [[a, b]])
    >>> applied
    {}
    >>> for warning in warnings: print(warning)
    Key n for "Swap" (x.swap) is already "Next pair" (x.next); not remapped.
    Unknown binding id "x.nope" (for key z); ? lists the ids.
    >>> print(*check_keymap({"x.swap": "\x1b[2J"}, [[a, b]])[1])
    Key "\\x1b[2J" for x.swap is no key name; not remapped.
    """
    known = {b.id for group in groups for b in group if b.id}
    applied: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, spec in keymap.items():
        if binding_id not in known:
            warnings.append(f'Unknown binding id "{binding_id}" (for key {spec}); ? lists the ids.')
            continue
        if not all(key.isprintable() for key in _keys(spec)):
            # no key is named with a control or bidi character, and the footer and the
            # help paint the name as written: an escape sequence in it drove the terminal
            warnings.append(f'Key "{shown(spec)}" for {binding_id} is no key name; not remapped.')
            continue
        clash = _collision(binding_id, _keys(spec), keymap, groups)
        if clash is None:
            applied[binding_id] = spec
            continue
        key, mine, theirs = clash
        warnings.append(
            f'Key {key} for "{mine.description}" ({mine.id}) is already '
            f'"{theirs.description}" ({theirs.id}); not remapped.'
        )
    return applied, warnings


def _collision(
    binding_id: str, keys: list[str], keymap: Mapping[str, str], groups: list[list[Binding]]
) -> tuple[str, Binding, Binding] | None:
    for group in groups:
        mine = next((b for b in group if b.id == binding_id), None)
        if mine is None:
            continue
        for other in group:
            if other.id == binding_id or other.action == mine.action:
                continue
            # the other binding's keys after the user's own remaps
            theirs = _keys(keymap[other.id]) if other.id and other.id in keymap else [other.key]
            for key in keys:
                if key in theirs:
                    return key, mine, other
    return None
