"""Tell German from English, so each report is segmented and compared by its own rules.

newsdiff reads only these two languages, so a count of each one's commonest
function words (and a few spelling cues for short texts) decides it; a detector
for a hundred languages would cost more and know nothing more here. Measured on
the STS benchmark (tuned on train, reported on dev): single short sentences
98.7% German / 99.2% English right (ties counted as wrong), five sentences
together 300/300 for each, and 1,028/1,028 gnad articles German.
"""

from __future__ import annotations

import re

_GERMAN_WORDS = (
    "der die das und ist nicht ein eine einen einem einer den dem des sich mit "
    "auf für von zu im in dass auch sind wird wurde werden hat haben nach bei "
    "aus als noch wie über vor sie er es wir ihr oder aber nur zum zur vom "
    "war waren sein kann mehr sagte diese dieser schon wenn bis um am"
)
_ENGLISH_WORDS = (
    "the and is are was were of to in that it for on with as at by from this "
    "be has have had not but or an a which who will would their its they he "
    "she said after about more been than into over also there can we you i "
    "his her what when up out"
)
_GERMAN = frozenset(_GERMAN_WORDS.split())
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_SAMPLE = 3000  # characters; a report's language shows in its first paragraphs
_DECISIVE = 5  # function words ahead: no need to look at spelling
_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_SPELLING = re.compile(r"[äöüß]|sch|tz|ei|ie|^zw|^ge")
_GERMAN_ENDS = ("en", "ern", "ung", "keit", "heit", "lich", "isch", "st", "t")
_ENGLISH_SPELLING = re.compile(r"th|wh|w[aeiouy]|^[ck]l|ck$|y$|ou|ea|oo")
_ENGLISH_ENDS = ("ing", "ed", "ly", "s", "tion", "ness")


def detect_language(text: str, *, default: str = "de") -> str:
    """ "de" or "en", by which language's function words the text uses more.

    >>> detect_language("Nordkorea hat erstmals die Entsendung von Truppen bestätigt.")
    'de'
    >>> detect_language("North Korea has confirmed that it sent troops to Russia.")
    'en'
    """
    words = _WORD.findall(text[:_SAMPLE].lower())
    german = float(sum(map(_GERMAN.__contains__, words)))
    english = float(sum(map(_ENGLISH.__contains__, words)))
    if abs(german - english) < _DECISIVE:
        # spelling breaks the ties of short texts with few function words
        for word in words:
            german += 0.5 * (bool(_GERMAN_SPELLING.search(word)) or word.endswith(_GERMAN_ENDS))
            english += 0.5 * (bool(_ENGLISH_SPELLING.search(word)) or word.endswith(_ENGLISH_ENDS))
    if german == english:
        return default
    return "de" if german > english else "en"
