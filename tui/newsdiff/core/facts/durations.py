"""German durations written as one adjective: "dreitägig", "14-tägige", "zehnjährige Haft".

German fuses a span of time to its figure ("die zweiwöchige Reise", "eine
sechsmonatige Pause"): the figure counts days, weeks or months as "zwei Wochen"
does, whatever noun follows. "-jährig" is an age unless a duration noun follows
("der zehnjährige Bub" / "zehnjährige Haft", decided in ``ages``); the other
units are always spans. A word number fused to its unit ("dreitägig") is found
by ``FUSED``, which the figure pattern of ``numbers`` tries before its words.
"""

from __future__ import annotations

import re

# the unit's stem -> the noun "drei Tage" gives the figure, so both count one measure
_NOUNS = {"täg": "Tage", "wöch": "Wochen", "monat": "Monate", "jähr": "Jahre", "stünd": "Stunden"}
_SUFFIX = r"-?(?P<unit>täg|wöch|monat|jähr|stünd)ige?[nrms]?\b"
DURATION_AFTER = re.compile(_SUFFIX, re.IGNORECASE)
# after a number word, in the figure pattern: "drei" of "dreitägig", "ein" of "einjährig"
FUSED = r"(?=-?(?:täg|wöch|monat|jähr|stünd)ig)"


def duration_after(text: str, end: int) -> tuple[str, int] | None:
    """The span of time fused to the figure ending at ``end``: its noun and where it ends.

    >>> duration_after("eine 14-tägige Frist", 7)
    ('Tage', 14)
    >>> duration_after("dreitägig", 4), duration_after("14 Tage", 2)
    (('Tage', 9), None)
    """
    found = DURATION_AFTER.match(text, end)
    if found is None:
        return None
    return _NOUNS[found.group("unit").lower()], found.end()
