"""The measure vocabulary: which words say what a figure counts, and which measures are one claim.

"600 Soldaten getötet" counts the dead, "11.000 Mann" troops. The fact
extractor names a figure's measure from these words; the comparer treats the
measures that count people in a war as one claim told two ways; the aligner
gives two reports' totals of one claim slot a shared feature; the claim table
groups figures by measure. All of them read this module.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdiff.core.model import Quantity

# words that turn a noun into a measure: "600 Soldaten getötet" counts the dead;
# German words end a compound, English ones stand whole
_GERMAN = {
    "troops": r"soldat(?:en)?|mann|truppen?|kämpfer[n]?|streitkräften?",
    "casualties": r"verluste?n?|opfern?",
    "killed": r"getötet|tote?n?|gefallene?n?",
    "wounded": r"verletzte?n?|verwundete?n?",
    "infected": r"infizierte?n?",
}
_ENGLISH = {
    "troops": r"troops?|soldiers?|men|fighters?|forces?",
    "casualties": r"casualt(?:y|ies)|loss(?:es)?",
    "killed": r"killed|dead|deaths?",
    "wounded": r"wounded|injur(?:ed|y|ies)",
    "infected": r"infected",
}
MEASURES = {measure: f"{_GERMAN[measure]}|{_ENGLISH[measure]}" for measure in _GERMAN}
# a German measure word ends the noun, any compound before it counting the same
# ("Bodentruppen"); an English one is the whole word, or "20 firefighters" and
# "5 women" would count troops
MEASURE_WORDS = {
    measure: re.compile(rf"(?:{_GERMAN[measure]})$|^(?:{_ENGLISH[measure]})$")
    for measure in _GERMAN
}
# the verb after a figure that says what it counts: "600 Soldaten getötet", "12
# Menschen kamen ums Leben", "12 people died"
PARTICIPLES = re.compile(
    r"\b(getötet|verletzt|verwundet|gefallen|starben|gestorben|ums\s+Leben|infiziert|"
    r"infizierten|killed|wounded|injured|hurt|dead|died|infected)\b",
    re.IGNORECASE,
)
# the verb right before one: "starben mindestens 41 Menschen", "the quake killed 12"
VERB_BEFORE = re.compile(
    r"\b(starben|töteten?|verletzte[nt]?|infizierte[nt]?|killed|killing|kills|injured|"
    r"injuring|injures|wounded|wounding|wounds|infected|infecting|infects)\s+$",
    re.IGNORECASE,
)
# what those verbs count; verbs, not nouns: "two sons died" counts sons
_VERB_MEASURES = {
    "killed": re.compile(
        r"getötet|gefallen|starben|gestorben|ums\s+leben|töteten?|kill\w*|dead|died"
    ),
    "wounded": re.compile(r"verletzt\w*|verwundet|wound\w*|injur\w*|hurt"),
    "infected": re.compile(r"infiziert\w*|infect\w*"),
}

# English words for people, whom a later verb may count: "two managers were wounded".
# Agent nouns in -er/-or are people but for the things so named ("two helicopters were
# evacuating injured" counts helicopters, not the wounded)
_PEOPLE_EN = re.compile(
    r"(?:people|persons?|(?:wo)?m[ae]n|\w+(?:m[ae]n|ists?|ians?)|children|child|kids?|boys?|"
    r"girls?|bab(?:y|ies)|infants?|adults?|teens?|youths?|students?|pupils?|residents?|"
    r"inhabitants?|civilians?|victims?|patients?|migrants?|immigrants?|refugees?|evacuees?|"
    r"employees?|nominees?|police|cops?|suspects?|hostages?|inmates?|tourists?|pilgrims?|"
    r"crews?|members?|relatives?|famil(?:y|ies)|others|them|those|survivors?|bodies|"
    r"casualties|pirates?|guards?|militants?|rebels?|insurgents?|deputies|sheriffs?|"
    r"veterans?|witnesses|citizens|candidates|holdouts|delegates|personnel|guys|sons?|"
    r"daughters?|husbands?|wives|wife|parents?|grandchildren|grandkids|fans|homeless|"
    r"\w+(?:er|or)s?|\w+is|greeks?|somalis?|turkmens?|arabs?|afghans?|britons?|\w+ans)",
    re.IGNORECASE,
)
_THINGS_EN = re.compile(
    r"(?:helicopter|chopper|tanker|trailer|container|computer|number|letter|homer|quarter|"
    r"center|centre|meter|metre|liter|litre|tower|water|paper|order|border|matter|layer|"
    r"chamber|corner|chapter|river|power|marker|poster|flyer|booster|bomber|finger|"
    r"door|floor|motor|reactor|sector|factor|error|mirror|colou?r|tractor|generator|"
    r"elevator|monitor|corridor|indicator|detector|processor|taxi|ski|plan|van|loan|"
    r"can|scan|ban|pan)s?",
    re.IGNORECASE,
)

# German nouns for places and things, ending a compound ("Bundesländern", "Rettungshubschrauber"):
# a verb of harm later in the clause tells of others ("aus fünf Ländern ... infiziert")
_THINGS_DE = re.compile(
    r"(?:land|länder|staat|stadt|städte|gemeinde|bezirk|region|provinz|kanton|dorf|dörfer|"
    r"hubschrauber|flugzeug|fahrzeug|auto|bus|schiff|boot|haus|häuser|gebäude|spital|"
    r"spitäler|klinik|schule|krieg|kampf)(?:e|en|n|s|se|sen)?$",
    re.IGNORECASE,
)
# people named after a land: "vier Ausländer starben"
_LANDERS_DE = re.compile(r"(?:aus|in|eng|hol|is|grön|see|hinter)länder(?:n|in|innen)?$", re.I)


def names_things(word: str, *, language: str = "de") -> bool:
    """Whether a figure's noun names things or places, not people: then a verb of harm
    further on does not say what the figure counts.

    >>> names_things("helicopters", language="en"), names_things("Ländern")
    (True, True)
    >>> names_things("managers", language="en"), names_things("Ausländer")
    (False, False)
    """
    if language == "en":
        return not is_person_word(word)
    return _THINGS_DE.search(word) is not None and _LANDERS_DE.search(word) is None


def is_person_word(word: str) -> bool:
    """Whether an English word names people, so a verb after it tells what befell them.

    >>> is_person_word("managers"), is_person_word("Somali"), is_person_word("helicopters")
    (True, True, False)
    """
    return bool(_PEOPLE_EN.fullmatch(word)) and not _THINGS_EN.fullmatch(word)


def measure_of_verb(verb: str) -> str | None:
    """The measure a verb around a figure says it counts.

    >>> measure_of_verb("starben"), measure_of_verb("injuring"), measure_of_verb("said")
    ('killed', 'wounded', None)
    """
    lower = verb.lower()
    for measure, pattern in _VERB_MEASURES.items():
        if pattern.fullmatch(lower):
            return measure
    return None


# measures that count people in a war; a pair of them is one claim told two ways
PEOPLE = frozenset({"troops", "casualties", "killed", "wounded"})
# The claim slot a total of a measure answers, for the aligner: losses count as
# one slot, "rund 4.000 Verluste" and "600 getötet und tausende verletzt" are two
# answers to one question.
SLOTS = {"troops": "troops", "casualties": "losses", "killed": "losses", "wounded": "losses"}


def measure_of_word(word: str) -> str | None:
    """The measure a word names, if any ("Bodentruppen" -> "troops").

    >>> measure_of_word("Bodentruppen"), measure_of_word("Jahren")
    ('troops', None)
    >>> measure_of_word("fighters"), measure_of_word("firefighters"), measure_of_word("women")
    ('troops', None, None)
    """
    lower = word.lower()
    for measure, pattern in MEASURE_WORDS.items():
        if pattern.search(lower):
            return measure
    return None


@lru_cache(maxsize=1)
def measure_hint() -> re.Pattern[str]:
    """Any measure word, anywhere: a cheap test before running the extractor.

    >>> bool(measure_hint().search("3000 Soldaten")), bool(measure_hint().search("3 Äpfel"))
    (True, False)
    """
    return re.compile("|".join(MEASURES.values()), re.IGNORECASE)


def claim_measure(quantity: Quantity) -> str:
    """What a figure counts, as the claim table groups it: its measure, else its noun.

    >>> claim_measure(Quantity(3, 3, noun="Brigaden", measure="brigade"))
    'brigade'
    >>> claim_measure(Quantity(3, 3))
    'figure'
    """
    return quantity.measure or quantity.noun or "figure"
