"""Quotations and who spoke them: a quote changed between two reports is a finding.

German and English reports use „…“, »…«, “…” and "…"; the speaker is the
phrase after a verb of saying next to the quote (", sagte Selenski").
"""

from __future__ import annotations

import re

from newsdiff.core.facts.phrases import phrase_after
from newsdiff.core.facts.window import search_before, skip_blanks_back
from newsdiff.core.model import Fact

_QUOTE = re.compile(r"„([^„“”\"]+)[“”\"]|»([^»«]+)«|«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\"")
_SAYING = (
    r"sagte|sagt|schrieb|schreibt|forderte|fordert|erklärte|erklärt|betonte|betont|meinte|"
    r"warnte|fügte|so|sagten|said|says|wrote|told|added|warned|asked"
)
_AFTER = re.compile(rf"\s*[,.]?\s*(?:{_SAYING})\s+", re.IGNORECASE)
_SUBJECT_SAYS = re.compile(
    r"\s*,?\s*((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+"
    r"(?:said|says|told|wrote|added|warned|sagte|sagt|schrieb)\b"
)
_BEFORE = re.compile(rf"(?:{_SAYING})\s+([^.:„“\"»]{{2,60}}?)\s*:\s*$", re.IGNORECASE)


def extract_quotes(text: str, *, language: str = "de") -> tuple[Fact, ...]:
    """The quoted words in ``text`` (span without the marks) and their speaker if named.

    >>> q = extract_quotes("„Das müssen wir noch herausfinden“, sagt Austin.")[0]
    >>> q.text, q.speaker
    ('Das müssen wir noch herausfinden', 'Austin')
    """
    facts = []
    for match in _QUOTE.finditer(text):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        inner_start, inner_end = match.span(group)
        while inner_end > inner_start and text[inner_end - 1] in " ,":
            inner_end -= 1
        inner = text[inner_start:inner_end]
        speaker = None
        after = _AFTER.match(text, match.end())
        if after:
            span = phrase_after(text, after.end(), language=language)
            speaker = text[span[0] : span[1]] if span else None
        elif subject := _SUBJECT_SAYS.match(text, match.end()):
            speaker = subject.group(1)  # English: '"...," Austin told reporters'
        else:
            last = skip_blanks_back(text, match.start())  # "sagte er:" ends in a colon
            colon = last > 0 and text[last - 1] == ":"
            before = search_before(_BEFORE, text, match.start()) if colon else None
            speaker = before.group(1).strip() if before else None
        value = re.sub(r"\s+", " ", inner).strip()
        facts.append(Fact("quote", inner, inner_start, inner_end, value, speaker=speaker))
    return tuple(facts)
