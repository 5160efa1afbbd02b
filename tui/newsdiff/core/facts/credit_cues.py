"""Credits newsroom German and English give without "laut" or a comma after the verb.

"Die Polizei meldete 41 Tote", "…, teilte das Ministerium mit", "wie die Polizei
mitteilte", "…, so ein Sprecher", "nach Polizeiangaben", "…, police said": the
commonest ways a wire report names its source. Each finder yields the span of
the credited phrase and its cue; ``attributions`` turns them into facts. The
rules lean to missing a credit rather than crediting an object, a place or a
count ("Die stärksten Rückgänge meldeten Spanien …"), as a wrong "credited to"
misleads more than an empty one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsdiff.core.facts.names import is_common_noun
from newsdiff.core.facts.phrases import phrase_after
from newsdiff.core.facts.window import search_before
from newsdiff.core.language.dictionaries import dictionary

Span = tuple[int, int, str]  # start, end, cue

# where a sentence starts: after its stop, or after a dateline "Wien – "
_START = r"(?:^|(?<=[.!?:])\s+|\s[–—-]\s+)"
_ADJECTIVE = r"(?:[a-zäöü][\w-]*(?:e|en|er|es)\s+)"
_NOUN = r"[A-ZÄÖÜ][\w-]*"
# "Die Stadt Klagenfurt", "Das Außenministerium in Moskau", "Der US-Sender NBC": an
# article, adjectives, nouns and one attached part; a clause ("…, die …") never fits
_NP = (
    rf"(?:(?:Der|Die|Das|Ein|Eine)\s+{_ADJECTIVE}{{0,2}}{_NOUN}(?:\s+{_NOUN}){{0,3}}"
    rf"(?:\s+(?:der|des|von|vom|in|aus)\s+(?:(?:der|des|dem|den)\s+)?{_ADJECTIVE}?{_NOUN}"
    rf"(?:\s+{_NOUN}){{0,2}})?"
    rf"|{_NOUN}(?:\s+{_NOUN}){{0,2}})"
)
# sentence openers that are no one: pronouns, adverbs, prepositions, days
_NO_ONE = {
    "das", "dies", "dieses", "diese", "dieser", "es", "er", "sie", "wir", "ich", "man",
    "ihr", "heute", "gestern", "morgen", "dann", "nun", "jetzt", "damals", "zudem",
    "außerdem", "auch", "so", "hier", "dort", "später", "zuvor", "zuletzt", "bisher",
    "inzwischen", "zuerst", "erst", "dabei", "danach", "daraufhin", "deshalb", "daher",
    "trotzdem", "dennoch", "allerdings", "insgesamt", "bereits", "schon", "noch", "am",
    "im", "in", "bei", "nach", "vor", "seit", "mittlerweile", "unterdessen", "indes",
    "derzeit", "kürzlich", "wie", "was", "wer", "wo", "warum", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "jeder", "jede", "alle",
    "viele", "einige", "beide", "niemand", "keiner", "keine", "wenige",
}  # fmt: skip
_ARTICLES = {"Der", "Die", "Das", "Ein", "Eine"}
# heads that are counted, not counting: "Die Zahl der Toten", "Die stärksten Rückgänge"
_COUNTED = re.compile(
    r"\b(?:Zahl|Zahlen|Anzahl|Rückgang|Rückgänge|Anstieg|Plus|Minus|Quote|Quoten|Wert|Werte|"
    r"Umsatz|Gewinn|Verlust|Summe|Höhe|Anteil|Mehrheit|Hälfte|Drittel|Viertel|Prozent|Teil)\b"
    r"|\b[a-zäöü]\w+sten?\b"  # a superlative, not "Journalisten"
)
# "sprach am Freitag in Berlin von": lower-case words and short prepositional parts
_ASIDE = r"(?:(?:am|im|in|auf|bei|vor|nach)\s+(?:[a-zäöü]\w*\s+)?[\w-]+\s+|[a-zäöü][\w-]*\s+){0,3}?"
# a verb of reporting whose object may be the figure itself: "meldete 41 Tote"
_BARE_VERB = re.compile(
    rf"{_START}({_NP})\s+(?:meldeten?|meldet|berichteten?|berichtet|bestätigten?|"
    rf"bezifferten?|sprach(?:en)?\s+{_ASIDE}von)\b"
)
# the verb's own subject follows it: "Am Montag meldete die Polizei", "meldeten Spanien"
_SUBJECT_AFTER = re.compile(r"\s+(?:(?:der|die|das|ein|eine)\s+)?[A-ZÄÖÜ]|\s+sich\b")
# a verb whose particle ends its clause is another verb: "meldete … an" a filing,
# "sprach … frei" a verdict, "sagte … zu" a promise, "schreibt … fest" a rule
FILED = re.compile(r"[^,.;:–—]*\s(?:an|frei|zu|fest|ab)\s*(?:[,.;:]|$|\s+und\b)")
# separable verbs end their clause with the particle: "teilte … mit", "gab … bekannt"
_PARTICLE_END = r"(?=\s*(?:[,.;:!?]|$)|\s+dass\b)"
_SUBJECT_PARTICLE = re.compile(
    rf"{_START}({_NP})\s+(?:teilten?|gab(?:en)?)\s+(?:[^.;!?]{{0,60}}?\s)?(mit|bekannt|an){_PARTICLE_END}"
)
_VERB_PARTICLE = re.compile(
    r"\b(?:(teilten?)|(gab(?:en)?))\s+(?:(?:dann|nun|jetzt|heute|gestern|zudem|außerdem|weiter|"
    r"ferner|indes|auch|ebenfalls|zuletzt|später|bereits)\s+)?"
    r"(?=(?:der|die|das|ein|eine)\s+\w|[A-ZÄÖÜ])"
)
# "wie die Polizei mitteilte,": the verb closes a clause that names the source
_AS = re.compile(r"\b(?i:wie)\s+(?=(?:der|die|das|ein|eine)\s+\w|[A-ZÄÖÜ])")
_AS_VERB = re.compile(
    r"(?:\s+[^,.;:!?()]{0,50}?)??\s+(?:mitteilten?|mitteilt|berichteten?|berichtet|meldeten?|"
    r"meldet|sagten?|sagt|erklärten?|erklärt|bestätigten?|bestätigt|bekanntgab|bekanntgaben|"
    r"bekannt\s+gab|schrieb|schreibt|verlautete|angab|angaben)(?=\s*(?:[,.;:!?]|$))"
)
# ", so ein Sprecher.": "so" names the speaker after a clause or a quote
_SO = re.compile(r"(?:[,–—]|[“”\"»«])\s*so\s+(?=(?:der|die|das|ein|eine)\s+\w|[A-ZÄÖÜ])")
# "so das Konzept", "so der Übername": what a sentence says it follows, not who said it
_SO_NOT_SOURCE = {
    "konzept", "verdikt", "übername", "name", "motto", "devise", "tenor", "grundtenor",
    "hoffnung", "kritik", "idee", "plan", "ziel", "logik", "theorie", "vermutung", "annahme",
    "befürchtung", "argument", "argumentation", "rechnung", "begründung", "vorwurf", "fazit",
    "credo", "prinzip", "überlegung", "forderung", "botschaft", "kalkül", "absicht", "vorgabe",
    "regel", "sorge", "angst", "erwartung", "gott", "version", "ergebnis", "weit", "lange",
    "viel", "dass", "meinung", "ansicht", "auffassung", "lesart",
}  # fmt: skip
# "…, hieß es aus dem Ministerium", "Seitens der Polizei hieß es": the source is where it came from
_IT_WAS_SAID = re.compile(
    r"\bhieß\s+es\s+(?:(?:am\s+\w+|dazu|weiter|damals|zuletzt|auf\s+Nachfrage|etwa|auch)\s+){0,2}"
    r"(?:aus|von|vonseiten|seitens)\s+"
)
_FROM = re.compile(r"\b(?i:aus|vonseiten|seitens)\s+(?=(?:der|des|dem|den)\s+\w|[A-ZÄÖÜ])")
_THEN_IT_WAS_SAID = re.compile(r"\s+hieß\s+es\b")
# "nach Polizeiangaben", "laut Regierungsangaben": the source is the compound's head
_COMPOUND = re.compile(
    r"\b(?i:nach|laut)\s+(?:(?:ersten|jüngsten|neuesten|offiziellen|vorläufigen|inoffiziellen)\s+)?"
    r"([A-ZÄÖÜ][\w-]*?(?:angaben|informationen|berichten|schätzungen))\b"
)
# English speakers written in lower case: "police said", "a company spokeswoman said"
_SPEAKERS = (
    r"police|officials|authorities|investigators|prosecutors|witnesses|sources|officers|"
    r"firefighters|spokes(?:man|woman|person|people)|coroner|doctors|experts|analysts|"
    r"researchers|scientists|organi[sz]ers|troopers|deputies|detectives|paramedics|rescuers"
)
_LOWER_SAID = re.compile(
    rf"(?:^|[,;:(\"“”]\s*|\b(?:and|but|as|while)\s+)"
    rf"((?:(?:a|an|the|his|her|their|its)\s+)?(?:(?!(?:and|but|as|while|then|so|when|that)\b)"
    rf"[a-z][\w'’-]*\s+){{0,2}}?(?:{_SPEAKERS}))\s+(said|says|told|reported|announced|stated|confirmed)\b"
)
# '"…," said a senior officer.': after a quote the speaker follows the verb; after a
# bare comma "said a call came in" is what was said
_SAID_LOWER = re.compile(
    rf"(?:[,.]?[\"”’]|[\"”’][,.]?)\s*(said|says)\s+(?=(?:a|an)\s+\w|(?:{_SPEAKERS})\b)"
)


def _no_one(word: str) -> bool:
    """An opener that names no one: "Dagegen", "Zu Mittag", "Heute", "Diese Zahl"."""
    lemma = dictionary("de").get(word.lower())  # adverbs, pronouns, adjectives: lower case
    return word.lower() in _NO_ONE or (lemma is not None and lemma[:1].islower())


def _subject(text: str, match: re.Match[str], verb_end: int) -> Span | None:
    """The sentence's opening noun phrase, if it names someone and the verb has no other subject."""
    words = match.group(1).split()
    if (len(words) == 1 or words[0] not in _ARTICLES) and _no_one(words[0]):
        return None
    if _COUNTED.search(match.group(1)) or _SUBJECT_AFTER.match(text, verb_end):
        return None
    return match.start(1), match.end(1), "berichtet"


def bare_subjects(text: str) -> Iterator[Span]:
    """'Die Polizei meldete 41 Tote': the subject of a verb of reporting with no comma after it.

    >>> text = "Die Polizei meldete 41 Tote."
    >>> [text[s:e] for s, e, _ in bare_subjects(text)]
    ['Die Polizei']
    """
    for match in _BARE_VERB.finditer(text):
        if FILED.match(text, match.end()):
            continue
        if span := _subject(text, match, match.end()):
            yield span


def particle_subjects(text: str) -> Iterator[Span]:
    """'Das Ministerium teilte mit, …': the subject of "teilte … mit", "gab … bekannt".

    >>> text = "Das Innenministerium teilte am Montag mit, 41 Menschen seien tot."
    >>> [text[s:e] for s, e, _ in particle_subjects(text)]
    ['Das Innenministerium']
    """
    for match in _SUBJECT_PARTICLE.finditer(text):
        verb_end = text.index(" ", match.end(1) + 1)
        if span := _subject(text, match, verb_end):
            yield span[0], span[1], "mitteilte"


_WHEN = re.compile(r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*")
# what may close a "so"-credit; another lower-case word ends a clause "so X … verläuft":
# "so" was "if" there
_SO_CLOSE = {
    "weiter", "abschließend", "gestern", "heute", "zuletzt", "zudem", "ebenfalls", "auch",
    "damals", "jüngst", "bereits", "nun", "kürzlich", "erneut", "sinngemäß", "wörtlich",
}  # fmt: skip
_CLAUSE_REST = re.compile(r"[^,.;:!?()]*")


def _without_object(text: str, span: tuple[int, int], *, nouns: bool) -> tuple[int, int]:
    """The subject of "gab der Konzern Sicherheitsbedenken an" without the object that
    follows it: from "den"/"dem" on, or (``nouns``) a last noun after a noun."""
    start, end = span
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and _WHEN.fullmatch(words[-1].group()):  # "Foglar Freitagabend"
        words.pop()
        end = start + words[-1].end()
        span = start, end
    for index, word in enumerate(words[1:], 1):
        if word.group() in ("den", "dem"):
            return start, start + words[index - 1].end()
    last, before = words[-1].group(), words[-2].group() if len(words) > 1 else ""
    if (
        nouns
        and before[:1].isupper()
        and not _no_one(before)
        and is_common_noun(before)
        and is_common_noun(last)
    ):
        return start, start + words[-2].end()
    return span


def particle_credits(text: str) -> Iterator[Span]:
    """'…, teilte das Ministerium am Montag mit.': the subject between verb and particle.

    >>> text = "41 Menschen starben, teilte das Ministerium mit."
    >>> [text[s:e] for s, e, _ in particle_credits(text)]
    ['das Ministerium']
    """
    for match in _VERB_PARTICLE.finditer(text):
        span = phrase_after(text, match.end())
        particle = "mit" if match.group(1) else r"(?:bekannt|an)"
        tail = rf"[^.;!?]{{0,80}}?\s{particle}{_PARTICLE_END}"
        if (
            span
            and re.match(tail, text[span[1] :])
            and not _COUNTED.search(text[span[0] : span[1]])
        ):
            start, end = _without_object(text, span, nouns=True)
            yield start, end, "mitteilte"


def as_credits(text: str) -> Iterator[Span]:
    """'wie die Polizei mitteilte': the source of a closing "wie …"-clause.

    >>> text = "Es gab 41 Tote, wie die Polizei am Montag mitteilte."
    >>> [text[s:e] for s, e, _ in as_credits(text)]
    ['die Polizei']
    """
    for match in _AS.finditer(text):
        span = phrase_after(text, match.end())
        if span and _AS_VERB.match(text, span[1]):
            start, end = _without_object(text, span, nouns=False)
            yield start, end, "wie"


def so_credits(text: str) -> Iterator[Span]:
    """'…, so ein Sprecher.': the speaker named after "so".

    >>> text = "Es gab 41 Tote, so ein Sprecher der Polizei."
    >>> [text[s:e] for s, e, _ in so_credits(text)]
    ['ein Sprecher der Polizei']
    """
    for match in _SO.finditer(text):
        span = phrase_after(text, match.end())
        if not span:
            continue
        nouns = [w for w in text[span[0] : span[1]].split() if w[:1].isupper()]
        tail = _CLAUSE_REST.match(text, span[1])
        words = tail.group().split() if tail else []
        if words and words[-1][:1].islower() and words[-1] not in _SO_CLOSE:
            continue
        if nouns and nouns[0].lower() not in _SO_NOT_SOURCE:
            start, end = _without_object(text, span, nouns=False)
            yield start, end, "so"


def said_from_credits(text: str) -> Iterator[Span]:
    """'…, hieß es aus dem Ministerium.': where an unnamed statement came from.

    >>> text = "Es gab 41 Tote, hieß es vonseiten der slowenischen Polizei."
    >>> [text[s:e] for s, e, _ in said_from_credits(text)]
    ['der slowenischen Polizei']
    """
    for match in _IT_WAS_SAID.finditer(text):
        if span := phrase_after(text, match.end()):
            yield span[0], span[1], "hieß es"
    for match in _FROM.finditer(text):
        span = phrase_after(text, match.end())
        if span and _THEN_IT_WAS_SAID.match(text, span[1]):
            yield span[0], span[1], "hieß es"


def compound_credits(text: str) -> Iterator[Span]:
    """'nach Polizeiangaben': a source joined to "Angaben" in one word.

    >>> text = "Nach Polizeiangaben starben 41 Menschen."
    >>> [text[s:e] for s, e, _ in compound_credits(text)]
    ['Polizeiangaben']
    """
    for match in _COMPOUND.finditer(text):
        yield match.start(1), match.end(1), "nach Angaben"


def lower_case_speakers(text: str) -> Iterator[Span]:
    """'…, police said.': English speakers that are common nouns, before or after the verb.

    >>> text = "Two people died, a police spokesman said."
    >>> [text[s:e] for s, e, _ in lower_case_speakers(text)]
    ['a police spokesman']
    """
    for match in _LOWER_SAID.finditer(text):
        yield match.start(1), match.end(1), match.group(2).lower()
    for match in _SAID_LOWER.finditer(text):
        span = phrase_after(text, match.end(), language="en")
        if span:
            yield span[0], span[1], match.group(1).lower()


_OPENER = re.compile(rf"{_START}({_NP})\s+$")


def opening_subject(text: str, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence right before its verb of saying, when it
    names someone: "Der Minister sagte der Zeitung" (the paper is whom he told),
    "Die Polizei meldete die Festnahme" (the arrest is what she reported).

    >>> text = "Der Minister sagte der Zeitung, es gebe vier Tote."
    >>> start, end = opening_subject(text, text.index("sagte"))
    >>> text[start:end]
    'Der Minister'
    >>> opening_subject("Am Montag meldete KCNA 41 Tote.", 10) is None
    True
    """
    found = search_before(_OPENER, text, verb_start)
    if found is None:
        return None
    words = found.group(1).split()
    if (len(words) == 1 or words[0] not in _ARTICLES) and _no_one(words[0]):
        return None
    if _COUNTED.search(found.group(1)):
        return None
    return found.start(1), found.end(1)


# who tells the news, by gender, so the article after a verb says its case: "schrieb die
# Sportzeitung Ole" names the writer (nominative), "sagte der Zeitung" whom he told (dative)
_TELLERS = {
    "die": r"\w*(?:zeitung|zeitschrift|agentur|polizei|regierung|behörde|sprecherin|"
    r"staatsanwaltschaft|kommission|organisation|partei|gewerkschaft|armee|ministerin|"
    r"website|webseite|plattform|presse)",
    "der": r"\w*(?:sender|sprecher|minister|konzern|verband|rundfunk|dienst|kanzler|"
    r"präsident|verein|anwalt|kommentator|reporter|korrespondent)",
    "das": r"\w*(?:ministerium|blatt|magazin|portal|amt|institut|unternehmen|gericht|"
    r"fernsehen|büro)",
}
_TELLERS["eine"] = _TELLERS["die"]
_TELLERS["ein"] = rf"(?:{_TELLERS['der']}|{_TELLERS['das']})"
_TELLER_AFTER = re.compile(
    "|".join(
        rf"(?:(?i:{article})\s+{_ADJECTIVE}{{0,2}}(?i:{heads})\b)"
        for article, heads in _TELLERS.items()
    )
)
# "Filzmaier erklärt die Welt der Politik": "erklären" with its object after it explains
_EXPLAINS = re.compile(r"erklärt|erklärte|erklärten|erklären", re.IGNORECASE)
_OBJECT_AFTER = re.compile(rf"(?:die|das|den|eine[nm]?)\s+{_ADJECTIVE}{{0,2}}{_NOUN}")


def teller_after(text: str, position: int) -> bool:
    """Whether the verb of saying before ``position`` has its subject after it, a
    newsroom or a spokesman named in the nominative ("schrieb die Sportzeitung Ole").

    >>> text = "Albtraum II schrieb die argentinische Sportzeitung Ole."
    >>> teller_after(text, text.index("die")), teller_after("sagte der Zeitung", 6)
    (True, False)
    """
    return _TELLER_AFTER.match(text, position) is not None


def explains(verb: str, text: str, position: int) -> bool:
    """Whether ``verb`` (a form of "erklären") takes the object at ``position``: the
    opener explains something ("erklärt die Welt der Politik"), credits no claim.

    >>> text = "Filzmaier erklärt die Welt der Politik."
    >>> explains("erklärt", text, text.index("die"))
    True
    """
    return (
        _EXPLAINS.fullmatch(verb) is not None
        and _OBJECT_AFTER.match(text, position) is not None
        and not teller_after(text, position)
    )


# each finder and a word it cannot match without: most passages credit no one, and a
# substring test costs a fraction of the finder's scan (fact extraction was 2x slower)
_FINDERS: tuple[tuple[Callable[[str], Iterator[Span]], tuple[str, ...]], ...] = (
    (compound_credits, ("angaben", "informationen", "berichten", "schätzungen")),
    (said_from_credits, ("hieß",)),
    (particle_credits, ("teilte", "gab")),
    (as_credits, ("wie",)),
    (so_credits, ("so ", "so\u00a0", "so\n")),
    (bare_subjects, ("meldet", "berichtet", "bestätigt", "beziffert", "sprach")),
    (particle_subjects, ("teilte", "gab")),
)


def german_credits(text: str) -> Iterator[Span]:
    """Every span the German finders above credit, in no particular order."""
    lower = text.lower()
    for finder, needs in _FINDERS:
        if any(word in lower for word in needs):
            yield from finder(text)
