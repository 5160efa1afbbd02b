"""A person's age, as news copy writes it: "the 37-year-old actor", "Der 37-Jährige".

Wires and papers differ on ages ("37-year-old" / "38-year-old"), yet the word
after such a figure is no noun it counts: "The 37-year-old will appear" would
count "will", "Der 37-Jährige" the word "jährige", "Max Müller (37)" nothing.
Here a figure written as an age is told apart from other figures, with the
person noun when there is one ("actor", "Schauspieler"), so the comparer meets
age with age. Durations are no ages: "for 20 years", "vor 20 Jahren", "a
three-year term" and "10-year plan" are left alone.
"""

from __future__ import annotations

import re

from newsdiff.core.facts.window import search_before

AGE = "age"  # the measure of an age, as the claim table and the notes show it
OLDEST = 130  # a bracketed or comma-set figure above this is no age ("Müller (2019)")

# right after the figure
_EN_SUFFIX = re.compile(r"(?:-|\s)years?(?:-|\s)olds?\b", re.IGNORECASE)
_DE_NOUN = re.compile(r"-?Jährige[nrms]?\b")  # "der 37-Jährige": the figure is the person
_DE_ADJECTIVE = re.compile(r"-?jährige[nrms]?\b")  # "der 37-jährige Schauspieler"
_DE_PREDICATIVE = re.compile(r"-?jährig\b")  # "starb 64-jährig": the subject's age
_DE_OLD = re.compile(r"\s+Jahre\s+alte?[nrms]?\b")  # "37 Jahre alt", "ein 37 Jahre alter Mann"
_DE_AT_AGE = re.compile(r"\s+Jahren\b")  # after "im Alter von"
# right before the figure
_EN_AGED = re.compile(r"(?:\b([a-z]+)\s+)?\baged\s+$")  # "a man aged 37"
_EN_AT_AGE = re.compile(r"\b(?:(?:at\s+)?the\s+age\s+of|at\s+age)\s+$", re.IGNORECASE)
_DE_AT_AGE_BEFORE = re.compile(r"\bim\s+Alter\s+von\s+$")
# "Carter, age 33," / "Carter, aged 33,": the age of the name before
_EN_COMMA_AGE = re.compile(r"\b([A-Z][\w'-]*),\s+aged?\s+$")
# "Smith, who is 33," / "the man, who was 33.": the age of the one before "who"
_EN_WHO_IS = re.compile(r"\b([A-Za-z][\w'-]*),?\s+who\s+(?:is|was|turned|turns)\s+$")
# "died in Los Angeles, aged 85": a place before the comma, no person
_EN_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|of|to|outside)\s+(?:[A-Z][\w'-]*\s+)*$")
_EN_WHO_IS_END = re.compile(r"\s*(?:[,.;)!?]|$|\s+and\b)")
# "The actor, 37, was" / "Max Müller, 37, wurde": a name or a role noun, then ", N,"
_COMMA_BEFORE = re.compile(
    r"(?:\b(the|a|an|his|her|their|der|die|das|ein|eine|einer|des|dem|den)\s+)?"
    r"\b([A-Za-zÄÖÜäöüß][\w'-]*),\s+$",
    re.IGNORECASE,
)
# "Smith and Jones, both 51, died": the age of the two named before, no count of the dead
_BOTH_BEFORE = re.compile(r"\b([A-Za-zÄÖÜäöüß][\w'-]*),\s+(?:both|beide)\s+$", re.IGNORECASE)
# "Max Müller (37)": a first name and a surname, so "Baden-Württemberg (10)",
# "dieses Haus (1)" and "FC Porto (10)" (a count, an episode, points) are no ages
_BRACKET_BEFORE = re.compile(
    r"(?<![\w-])(?P<first>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+"
    r"(?P<last>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+\($"
)
# "Marianne (63) und Michael (66)": a lone first name is a person when it joins one
# whose bracketed figure is an age (so "Baden-Württemberg (10) und Bayern (8)" is not)
_JOINED_BRACKET_BEFORE = re.compile(
    r"\((?P<age>\d{1,3})\)(?:,|\s+(?:und|and|sowie|&))\s+"
    r"(?P<last>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+\($"
)
# "das Duo Anna und Michael (66)", "Anna und Michael (66) sind": two lone first names, the
# age the last one's, as "Max Müller (37)" pairs two capitalised words (a role or a group
# noun before, or the sentence's start); "sowie Wien und Graz (12)" has neither
_PAIR_BRACKET_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<before>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+|^|[.!?:;]\s+)"
    r"(?P<first>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+(?:und|and|&)\s+"
    r"(?P<last>[A-ZÄÖÜ][a-zäöüß][^\W\d_]*)\s+\($"
)
# the word before those two: "Red Bull Salzburg (20)"
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_][\w-]*)\s+$")
# Words that make capitalised words a club, a company or a body, not a person: the
# points, goals or rank in "Manchester City (64)", "Dynamo Kiew (8)", "Atlético Madrid
# (26)" (10kGNAD's sports pages) are no ages. Only words that are no common surname:
# "David Villa (32)" or "Felix Sturm (37)" are people.
_NOT_A_PERSON = {
    "City", "United", "Town", "County", "Rovers", "Wanderers", "Athletic", "Albion",
    "Hotspur", "Palace", "Forest", "Atlético", "Atletico", "Athletico", "Real", "Sporting",
    "Deportivo", "Racing", "Olympique", "Inter", "Juventus", "Ajax", "Benfica", "Celtic",
    "Rangers", "Galatasaray", "Fenerbahce", "Fenerbahçe", "Dynamo", "Dinamo", "Spartak",
    "Lokomotive", "Lokomotiv", "Zenit", "Schachtar", "Borussia", "Eintracht", "Fortuna",
    "Hertha", "Werder", "Schalke", "Bayern", "Bayer", "Arminia", "Alemannia", "Kickers",
    "Austria", "Admira", "Wacker", "Bull", "VfB", "VfL",
    "Bank", "Group", "Gruppe", "Holding", "Airlines", "Motors", "Partei", "Party",
    "Universität", "University", "Institut", "Institute", "Stiftung", "Foundation",
}  # fmt: skip
_NOUN = re.compile(r"\s+([^\W\d_][\w-]*)")
# "Grace Smith admits": after a name, a word in -s (not "actress") is a verb, not a noun
_VERB_S = re.compile(r"[^s]s$")
# capitalised words in a row, a nickname in brackets among them: "Kimani (Kiki) Gray"
_NAME_RUN = re.compile(r"(?:[A-ZÄÖÜ][\w'-]*\s+(?:\([^()\n]{1,20}\)\s+)?)*(?P<last>[A-ZÄÖÜ][\w'-]*)")
# What follows an English "N-year-old" that is no person noun, by kind, so "The 37-year-old
# will appear", "the 16-year-old shot by police" stand alone: words that are no noun at
# all, then verbs that do not end in -ed (those that do are told by their ending).
_EN_FUNCTION_WORDS = {
    "who", "whose", "whom", "which", "that", "and", "or", "but", "nor", "from", "in", "of",
    "on", "at", "to", "for", "with", "by", "as", "into", "after", "before", "when", "while",
    "the", "a", "an", "his", "her", "their", "its", "he", "she", "they", "it",
}  # fmt: skip
_EN_ADVERBS = {"also", "then", "now", "just", "still", "never", "not", "again", "once", "soon"}
_EN_VERBS = {
    "will", "would", "shall", "can", "could", "may", "might", "must", "should",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "says", "remains", "faces", "admits", "denies", "dies", "lives", "appears",
    # irregular past forms, which the -ed ending misses: "the 16-year-old shot a man"
    "said", "told", "went", "shot", "began", "became", "came", "got", "gave", "made",
    "took", "ran", "fell", "left", "hit", "held", "kept", "met", "paid", "put", "saw",
    "sat", "stood", "stole", "struck", "threw", "won", "wrote", "fought", "caught", "brought",
    "bought", "sold", "sent", "spent", "lost", "led", "drove", "broke", "hid", "beat",
    "knew", "thought", "felt", "heard", "found", "fled", "slept", "woke", "spoke", "swam",
}  # fmt: skip
_EN_NOT_NOUN = _EN_FUNCTION_WORDS | _EN_ADVERBS | _EN_VERBS
# a word right before one of these takes an object, so it is a verb: "shot a man"
_EN_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|him|them|it|its|this|these)\b")
# German nouns after "N-jährige" that make it a duration: "die 3-jährige Haftstrafe",
# in the genitive too: "des 100-jährigen Bestehens"
_DE_DURATION = re.compile(
    r"(?:zeit|strafe|haft|vertrag|pause|plan|programm|frist|geschichte|tradition|krieg|"
    r"bestehen|jubiläum|ausbildung|studium|karriere|phase|periode|dauer|lauf|amt|reise|"
    r"mission|suche)(?:e?s)?$",
    re.IGNORECASE,
)
_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "januar", "februar", "märz", "mai", "juni", "juli",
    "oktober", "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "jahr", "year", "jahre", "years",
}  # fmt: skip


def _noun_at(text: str, end: int, language: str) -> tuple[str | None, int]:
    """The person right after an age phrase ending at ``end``: a role noun ("actor"), or
    the last word of a name ("52-year-old Grace Smith": "Smith", as "Smith, 52," gives)."""
    found = _NOUN.match(text, end)
    if not found:
        return None, end
    word = found.group(1)
    if word[0].isupper() and not word.isupper():
        if language == "de" and _DE_DURATION.search(word):
            return None, end
        name = _NAME_RUN.match(text, found.start(1))
        assert name  # the run matches at least the capitalised word found
        last = name.group("last")
        after = _NOUN.match(text, name.end()) if language == "en" else None
        # "the 28-year-old Maryland native": a place or a people before a noun; but
        # "Klitschko's third" is his, "Grace Smith admits" a verb
        possessive = last.endswith(("'s", "’s"))
        verb_s = after is not None and _VERB_S.search(after.group(1))
        if after and not possessive and not verb_s and _en_person_noun(text, after):
            return after.group(1), after.end()
        return last, name.end()
    if language == "de" or not _en_person_noun(text, found):
        return None, end  # a verb, an adverb: the age stands alone
    return word, found.end()


def _en_person_noun(text: str, found: re.Match[str]) -> bool:
    """Whether the English word ``found`` can be a noun: lowercase, no verb or adverb
    ("will", "shot", "arrested", "allegedly") and no verb taking its object ("hit a")."""
    word = found.group(1)
    if not word[0].islower() or word in _EN_NOT_NOUN or word.endswith(("ed", "ly")):
        return False
    return not _EN_OBJECT.match(text, found.end())


def age_of(
    text: str, start: int, end: int, value: float, *, language: str = "de"
) -> tuple[str | None, int] | None:
    """Whether the figure at ``text[start:end]`` is an age: its person noun and where
    the age's words end, else None.

    >>> age_of("The 37-year-old actor was held.", 4, 6, 37, language="en")
    ('actor', 21)
    >>> age_of("The 37-year-old will appear.", 4, 6, 37, language="en")
    (None, 15)
    >>> age_of("for 20 years", 4, 6, 20, language="en") is None
    True
    """
    if value != int(value) or not 0 < value <= OLDEST:
        return None
    if language == "en":
        suffix = _EN_SUFFIX.match(text, end)
        if suffix:
            return _noun_at(text, suffix.end(), "en")
        comma_age = search_before(_EN_COMMA_AGE, text, start)
        if comma_age:
            name = comma_age.group(1)
            place = search_before(_EN_PLACE_BEFORE, text, comma_age.start(1))
            if place or name.lower() in _MONTHS_AND_DAYS:
                return None, end
            return name, end
        who = search_before(_EN_WHO_IS, text, start)
        if who and _EN_WHO_IS_END.match(text, end):
            word = who.group(1)
            return (word if word[0].isupper() or word not in _EN_NOT_NOUN else None), end
        aged = search_before(_EN_AGED, text, start)
        if aged:
            word = aged.group(1)
            noun = word if word and word not in _EN_NOT_NOUN else None
            return noun, end
        if search_before(_EN_AT_AGE, text, start):
            return None, end
    else:
        person = _DE_NOUN.match(text, end)
        if person:
            return None, person.end()
        predicative = _DE_PREDICATIVE.match(text, end)
        if predicative:
            return None, predicative.end()
        adjective = _DE_ADJECTIVE.match(text, end)
        if adjective:
            following = _NOUN.match(text, adjective.end())
            if following and _DE_DURATION.search(following.group(1)):
                return None  # "eine 3-jährige Haftstrafe": a duration
            noun, noun_end = _noun_at(text, adjective.end(), "de")
            return noun, noun_end if noun else adjective.end()
        old = _DE_OLD.match(text, end)
        if old:
            return _noun_at(text, old.end(), "de")
        if search_before(_DE_AT_AGE_BEFORE, text, start) and _DE_AT_AGE.match(text, end):
            return None, end
    if not text[start:end].isdigit():
        return None  # "One, Two, Three" is a title, not Two's age
    bracket = search_before(_BRACKET_BEFORE, text, start) if text[end : end + 1] == ")" else None
    if bracket:
        words = {bracket.group("first"), bracket.group("last"), _word_before(text, bracket)}
        return None if words & _NOT_A_PERSON else (bracket.group("last"), end)
    closed = text[end : end + 1] == ")"
    joined = search_before(_JOINED_BRACKET_BEFORE, text, start) if closed else None
    if joined and joined.group("last") not in _NOT_A_PERSON:
        first, first_end = joined.span("age")
        if age_of(text, first, first_end, int(joined.group("age")), language=language):
            return joined.group("last"), end
    pair = search_before(_PAIR_BRACKET_BEFORE, text, start) if closed else None
    if pair and not {pair.group("before"), pair.group("first"), pair.group("last")} & _NOT_A_PERSON:
        return pair.group("last"), end
    both = search_before(_BOTH_BEFORE, text, start) if text[end : end + 1] in ",;)" else None
    named = both.group(1) if both else ""
    if both and named.lower() not in _MONTHS_AND_DAYS and named not in _NOT_A_PERSON:
        return named, end  # the last of those named: "Jones"
    if text[end : end + 1] == ",":
        before = search_before(_COMMA_BEFORE, text, start)
        if before and before.group(2).lower() not in _MONTHS_AND_DAYS:
            if {before.group(2), _word_before(text, before, 2)} & _NOT_A_PERSON:
                return None  # "Leicester City, 76, ..." are points
            article, word = before.group(1), before.group(2)
            if article:
                return word, end  # "the actor, 37,": the role noun
            if word[0].isupper():
                return word, end  # "Grace Smith, 37,": a name, by its last word
    return None


def _word_before(text: str, found: re.Match[str], group: int | str = 0) -> str | None:
    """The word right before ``found``'s ``group``: "Red" before "Bull Salzburg ("."""
    before = search_before(_WORD_BEFORE, text, found.start(group), width=40)
    return before.group(1) if before else None
