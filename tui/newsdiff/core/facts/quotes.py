"""Quotations and who spoke them: a quote changed between two reports is a finding.

German and English reports use „…“, »…«, “…” and "…"; the speaker is the
phrase after a verb of saying next to the quote (", sagte Selenski").
A title in quotation marks ('the film "American Pie"', 'der ARD-Krimi „Tatort“') is
no speaker's words, so it is no quote.
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
# what names a work right before its title, up to three words between ("the 1999 movie",
# "ihr neues Album", "HBO's drama series"); compounds too ("ARD-Krimi", "Kurzfilm")
_WORK = (
    r"\w*(?:film|movie|serie|series|show|buch|book|song|album|lied|roman|novel|krimi|"
    r"sendung|musical|opera|oper|documentary|dokumentation|sitcom|drama|single|play|"
    r"theaterstück|stück)s?"
    r"|starred\s+in|stars\s+in|star\s+of|role\s+(?:in|on)|credits\s+include"
)
# ("Facebook:" is no book)
_TITLE_CUE = re.compile(
    rf"(?i:\b(?!facebook)(?:{_WORK}))[\s,:]+(?:(?!(?i:said|sagte)\b)[\w'’.-]+\s+){{0,3}}$"
)
# a title named by who made it or by a preposition, with no work word: 'director of "A
# Beautiful Mind"', 'Besides "American Pie"', 'Regisseur von „Tatort“' (a German
# preposition alone does not do: 'gegen „Bürgerwehren“' marks a word, no title)
_ROLES = (
    r"director|producer|writer|author|creator|co-creator|screenwriter|playwright|composer|"
    r"star|co-star|host|singer|songwriter|maker|cast|sequel|prequel|remake|premiere|"
    r"regisseur|regisseurin|autor|autorin|produzent|produzentin|sänger|sängerin|"
    r"drehbuchautor|drehbuchautorin|komponist|komponistin|fortsetzung"
)
_TITLE_SLOT = {
    "en": re.compile(
        rf"(?i:\b(?:(?:{_ROLES})s?(?:\s+(?:of|to|on))?|besides|like|including|in|of|from|"
        r"with|for|after|than|since|as|on|about))\s+$"
    ),
    "de": re.compile(rf"(?i:\b(?:{_ROLES})(?:en|s)?(?:\s+(?:von|des|der|zu|zum|zur))?)\s+$"),
}
# a title joined to one before it: '"Van Wilder" and "The Big Bounce"', '"Ted," "Paul"'
_NEXT_TITLE = re.compile(r"\s*(?:,|,?\s+(?:and|or|und|oder|sowie))?\s*")
# words an English title leaves lowercase ("The Boy from Oz")
_TITLE_SMALL = {
    "a", "an", "the", "and", "or", "of", "from", "to", "in", "on", "at", "for", "with",
    "by", "me", "out", "is", "as", "vs", "vs.",
}  # fmt: skip
_TITLE_WORDS = 8  # "Take Me Out to the Ball Game"; a longer quote is someone's words


def extract_quotes(text: str, *, language: str = "de") -> tuple[Fact, ...]:
    """The quoted words in ``text`` (span without the marks) and their speaker if named.

    >>> q = extract_quotes("„Das müssen wir noch herausfinden“, sagt Austin.")[0]
    >>> q.text, q.speaker
    ('Das müssen wir noch herausfinden', 'Austin')
    """
    facts = []
    title_end = -1  # where the last title's closing mark ends
    for match in _QUOTE.finditer(text):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        inner_start, inner_end = match.span(group)
        while inner_end > inner_start and text[inner_end - 1] in " ,":
            inner_end -= 1
        inner = text[inner_start:inner_end]
        joined = title_end >= 0 and _NEXT_TITLE.fullmatch(text, title_end, match.start())
        slot = _TITLE_SLOT["en" if language == "en" else "de"]
        cued = joined or search_before(_TITLE_CUE, text, match.start(), width=80)
        cued = cued or search_before(slot, text, match.start(), width=40)
        if cued and _title_cased(inner, language) and not _AFTER.match(text, match.end()):
            title_end = match.end()
            continue
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


def _title_cased(inner: str, language: str) -> bool:
    """Whether ``inner`` is written as a short title: "American Pie", "The Boy from Oz.",
    "Alles wird gut" (not "a terrible experience", nor a sentence someone said).

    >>> _title_cased("The Boy from Oz.", "en"), _title_cased("we will win", "en")
    (True, False)
    """
    words = inner.rstrip(".,!?").split()
    if not words or len(words) > _TITLE_WORDS or not (inner[0].isupper() or inner[0].isdigit()):
        return False
    if language != "en":
        return len(words) <= 4 and not re.search(r"[.!?]\s", inner)
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)
