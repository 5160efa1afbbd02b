"""How two paired passages agree on their facts: same, differ, or told by one side only.

Facts are matched kind by kind, best match first, so "rund 11.000 Soldaten"
meets "etwa 10.000 bis 12.000 Soldaten" and not the "24 Jahren" beside it. The
notes say what a reader should know about a difference: that one figure lies
inside the other's range, that the two count different things, that a name is
spelled two ways, which words of a quote changed. Figures in two units of one
dimension ("193 km/h", "120 mph") are compared converted (``units``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from newsdiff.core.facts.ages import AGE
from newsdiff.core.facts.measures import PEOPLE
from newsdiff.core.facts.names import same_entity
from newsdiff.core.facts.pairing import match_facts
from newsdiff.core.facts.units import agree_in_units, converted_note, in_other_units, unit_of
from newsdiff.core.model import Fact, FactComparison, Quantity

Verdict = tuple[str, str | None]  # (status, note)


def _number_score(left: Fact, right: Fact) -> float:
    lv, rv = left.quantity, right.quantity
    same_measure = lv.measure == rv.measure and lv.measure is not None
    people = {lv.measure, rv.measure} <= PEOPLE
    same_value = (lv.low, lv.high) == (rv.low, rv.high) or _bound_met_either(lv, rv)
    if in_other_units(lv, rv):  # "10 km" is not "10 miles"; "193 km/h" is "120 mph"
        same_value = agree_in_units(left, right)
    bare = lv.measure is None and rv.measure is None
    if not (same_measure or people or (bare and same_value)):
        return 0.0  # bare figures only meet their equal: "24" is not "3000"
    if lv.measure == AGE and not same_value and not _one_person(lv, rv):
        return 0.0  # "Klitschko, 36" and "the 40-year-old Thompson": two people's ages
    score = 2.0 if same_measure else 1.0
    if same_value:
        score += 3.0
    else:
        (l1, h1), (l2, h2) = lv.bounds, rv.bounds
        if l1 <= h2 and l2 <= h1:
            score += 1.0
    if lv.additional == rv.additional:
        score += 0.5
    if lv.vague != rv.vague:
        score -= 1.0  # "tausende" is a weak partner for a precise figure
    return max(score, 0.1)


def _one_person(left: Quantity, right: Quantity) -> bool:
    """Whether two ages may be one person's: the same person word, or one without any.

    >>> _one_person(Quantity(36, 36, noun="Klitschko"), Quantity(40, 40, noun="Thompson"))
    False
    >>> _one_person(Quantity(37, 37), Quantity(38, 38, noun="actor"))
    True
    """
    if not (left.noun and right.noun):
        return True
    return left.noun.casefold() == right.noun.casefold()


def bound_met(bound: Quantity, exact: Quantity) -> bool:
    """Whether ``bound`` ("at least 10", "bis zu 15") has the exact figure ``exact`` as its
    own end: both true of one toll, so no contradiction. "mehr als 10" excludes 10, and
    "at least 10" against 12 is a difference a reader should see.

    >>> bound_met(Quantity(10, None, ">="), Quantity(10, 10))
    True
    >>> more_than, at_least = Quantity(10, None, ">"), Quantity(10, None, ">=")
    >>> bound_met(more_than, Quantity(10, 10)), bound_met(at_least, Quantity(12, 12))
    (False, False)
    """
    if exact.qualifier is not None or exact.low is None or exact.low != exact.high:
        return False
    if bound.qualifier == ">=" and bound.high is None:
        return bound.low == exact.low
    if bound.qualifier == "<=" and bound.low is None:
        return bound.high == exact.low
    return False


def _bound_met_either(left: Quantity, right: Quantity) -> bool:
    return bound_met(left, right) or bound_met(right, left)


def _measure_label(value: Quantity) -> str:
    measure, noun = value.measure, value.noun
    if noun and measure and measure != noun.lower():
        return f"{measure} ({noun})"
    return str(noun or measure or "?")


def _number_verdict(left: Fact, right: Fact) -> Verdict:
    lv, rv = left.quantity, right.quantity
    if in_other_units(lv, rv):
        return _converted_verdict(left, right)
    notes = []
    if lv.measure != rv.measure:
        notes.append(f"different measure: {_measure_label(lv)} vs {_measure_label(rv)}")
    same_value = (lv.low, lv.high) == (rv.low, rv.high)
    if same_value:
        qualifiers = {lv.qualifier, rv.qualifier}
        if len(qualifiers) > 1:
            loose = qualifiers <= {None, "~"}
            notes.append("approximate on one side" if loose else "qualifier differs")
            if not loose:
                return "differ", "; ".join(notes)
        measure_differs = lv.measure != rv.measure
        return ("differ" if measure_differs else "same"), "; ".join(notes) or None
    if _bound_met_either(lv, rv):
        bound = lv if lv.qualifier else rv
        notes.append(f"{'at least' if bound.qualifier == '>=' else 'at most'} on one side")
        return ("differ" if lv.measure != rv.measure else "same"), "; ".join(notes)
    for inner, outer in ((lv, rv), (rv, lv)):
        point, low, high = inner.low, outer.low, outer.high
        if point is None or point != inner.high or low is None or high is None:
            continue
        if low <= point <= high and low != high:
            notes.append(f"{point} inside {low}-{high}")
            break
    else:
        for inner, outer in ((lv, rv), (rv, lv)):
            # "mehr als 3000" and "10.000 bis 12.000" differ, yet both can be true
            if None in (outer.low, outer.high) and _within(inner, outer):
                notes.append(f"{inner.short()} fits {outer.short()}")
                break
    return "differ", "; ".join(notes) or None


def _converted_verdict(left: Fact, right: Fact) -> Verdict:
    """Two figures in two units of one dimension: the same value within their rounding?"""
    lv, rv = left.quantity, right.quantity
    note = str(converted_note(left, right))
    if not agree_in_units(left, right):
        return "differ", note
    qualifiers = {lv.qualifier, rv.qualifier}
    if len(qualifiers) > 1:
        if not qualifiers <= {None, "~"}:
            return "differ", f"qualifier differs; {note}"
        return "same", f"approximate on one side; {note}"
    return "same", note


def _within(inner: Quantity, outer: Quantity) -> bool:
    (l1, h1), (l2, h2) = inner.bounds, outer.bounds
    if (outer.qualifier == ">" and l1 <= l2) or (outer.qualifier == "<" and h1 >= h2):
        return False  # "10" does not fit "mehr als 10"
    return l2 <= l1 and h1 <= h2 and (l1, h1) != (l2, h2)


@lru_cache(maxsize=4096)  # a fact is folded once, however many partners it meets
def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _text_score(left: Fact, right: Fact) -> float:
    a, b = _fold(str(left.value)), _fold(str(right.value))
    if a == b:
        return 100.0
    score = max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b) if min(len(a), len(b)) > 3 else 0)
    return score if score >= 75 else 0.0


def _name_score(left: Fact, right: Fact) -> float:
    if _fold(str(left.value)) == _fold(str(right.value)):
        return 100.0
    return 90.0 if same_entity(left.text, right.text) else 0.0


def _name_verdict(left: Fact, right: Fact) -> Verdict:
    a, b = sorted((_fold(left.text), _fold(right.text)), key=len)
    if a == b or b == a + "s":  # "Russland" / "Russlands" is grammar, not spelling
        return "same", None
    short, long = a.split(), b.split()
    if len(short) < len(long) and short in (long[: len(short)], long[-len(short) :]):
        return "same", "short form"  # "Kim" for "Kim Jong Un"
    return "same", "spelling variant"


def _quote_score(left: Fact, right: Fact) -> float:
    score = fuzz.ratio(_fold(left.text), _fold(right.text))
    return score if score >= 60 else 0.0


# word pairs difflib may look at for one quote pair (its matcher grows with their product);
# a longer quote, a whole article in quotation marks, is diffed by its changed middle
QUOTE_WORD_PAIRS = 250_000


def _quote_verdict(left: Fact, right: Fact) -> Verdict:
    a, b = left.text.split(), right.text.split()  # the value is folded to lower case
    if [_fold(w) for w in a] == [_fold(w) for w in b]:
        return "same", None
    return "differ", "changed: " + "; ".join(
        f"{' '.join(a[i1:i2]) or '∅'} → {' '.join(b[j1:j2]) or '∅'}"
        for i1, i2, j1, j2 in _word_changes(a, b)
    )


def _word_changes(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The spans of words that differ between two quotes, as difflib's opcodes."""
    head = tail = 0
    if len(a) * len(b) > QUOTE_WORD_PAIRS:
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(middle_a) * len(middle_b) > QUOTE_WORD_PAIRS:
        return [(head, len(a) - tail, head, len(b) - tail)]  # one long change, told whole
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    return [
        (i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


_RESOLVED = re.compile(r"(?:X{4}|\d{4})(?:-|$)|T\d")


def _date_relation(left: Fact, right: Fact) -> tuple[str, str | None]:
    """ "equal", "within" or "other", with a note; unresolved dates compare by their words."""
    a, b = str(left.value), str(right.value)
    resolved = bool(_RESOLVED.match(a)), bool(_RESOLVED.match(b))
    if not all(resolved):
        # a report without a date keeps "last week" as words; the dated one's
        # words are what it wrote, so the same words are not a contradiction
        written = (left.text if resolved[0] else a, right.text if resolved[1] else b)
        if _date_words(written[0]) != _date_words(written[1]):
            return "other", None
        return "equal", ("same words, one report undated" if any(resolved) else None)
    if a == b:
        return "equal", None
    if "XXXX" in a or "XXXX" in b:  # a year one report leaves open
        pattern = re.escape(min(a, b, key=lambda x: "XXXX" not in x)).replace("XXXX", r"\d{4}")
        dated = max(a, b, key=lambda x: "XXXX" not in x)
        if re.fullmatch(pattern, dated):
            return "equal", "year not given on one side"
        if re.match(pattern + r"-", dated):
            # "im April" beside "am Samstag", 2025-04-26: that day is in that April
            return "within", "year not given on one side"
    short, long = sorted((a, b), key=len)
    if long.startswith(short):
        return "within", f"{long} within {short}"
    if _date_words(left.text) == _date_words(right.text):
        # "today" in reports of two days: without the days the "≠" has no reason
        return "other", f"{a} vs {b}: the reports' own dates differ"
    return "other", None


def _date_words(text: str) -> str:
    return re.sub(r"^(?:im|am|in|on|at)\s+", "", _fold(text))


def _date_score(left: Fact, right: Fact) -> float:
    relation = _date_relation(left, right)[0]
    return {"equal": 3.0, "within": 2.0}.get(relation, 0.5)


def _date_verdict(left: Fact, right: Fact) -> Verdict:
    relation, note = _date_relation(left, right)
    return ("differ", note) if relation == "other" else ("same", note)


def _source_score(left: Fact, right: Fact) -> float:
    return 1.0 + _text_score(left, right) / 100


_FILLER = {"aus", "von", "vom", "der", "des", "den", "dem", "für", "the", "of", "from"}


def _stems(value: object) -> set[str]:
    words = _fold(str(value)).split()
    return {word[:6] for word in words if len(word) > 2 and word not in _FILLER}


def _two_people(left: Fact, right: Fact) -> bool:
    """Two full names that end differently: "John Smith" and "John Brown", "Kim Jong Un"
    and "Kim Yo Jong" share a word but are two people."""
    a, b = left.text.split(), right.text.split()  # the value is folded to lower case
    names = all(w[:1].isupper() for w in a + b) and len(a) > 1 and len(b) > 1
    return names and _fold(a[-1]) != _fold(b[-1])


def _source_verdict(left: Fact, right: Fact) -> Verdict:
    if _fold(str(left.value)) == _fold(str(right.value)):
        return "same", None
    if _two_people(left, right):
        return "differ", "credited to a different source"
    if _text_score(left, right) >= 75 or _stems(left.value) & _stems(right.value):
        # "südkoreanischen Informationen" / "südkoreanischer Militärquellen": one origin
        return "same", "worded differently"
    return "differ", "credited to a different source"


def _number_key(fact: Fact) -> Hashable:
    value = fact.quantity
    unit = unit_of(value.noun)  # equal figures in two units are not equal
    return (value.low, value.high, value.qualifier, value.measure, unit and unit.key)


def _value_key(fact: Fact) -> Hashable:
    return _fold(str(fact.value))


def _text_key(fact: Fact) -> Hashable:
    return _fold(fact.text)


_Score = Callable[[Fact, Fact], float]
_Verdict = Callable[[Fact, Fact], Verdict]
# per kind: how well two facts match, what the matched pair says, what "equal" means
_RULES: dict[str, tuple[_Score, _Verdict, Callable[[Fact], Hashable]]] = {
    "number": (_number_score, _number_verdict, _number_key),
    "date": (_date_score, _date_verdict, _value_key),
    "name": (_name_score, _name_verdict, _value_key),
    "quote": (_quote_score, _quote_verdict, _text_key),
    "source": (_source_score, _source_verdict, _value_key),
}


def compare_fact_lists(left: Sequence[Fact], right: Sequence[Fact]) -> tuple[FactComparison, ...]:
    """Compare two passages' extracted facts kind by kind.

    >>> from newsdiff.core.model import Fact
    >>> a = Fact("name", "Selenskyj", 0, 9, "Selenskyj")
    >>> b = Fact("name", "Selenski", 0, 8, "Selenski")
    >>> compare_fact_lists([a], [b])[0].note
    'spelling variant'
    """
    result: list[FactComparison] = []
    for kind, (score, verdict, key) in _RULES.items():
        lefts = [f for f in left if f.kind == kind]
        rights = [f for f in right if f.kind == kind]
        for a, b in match_facts(lefts, rights, score, key=key):
            if a is not None and b is not None:
                status, note = verdict(a, b)
            else:
                status, note = ("left-only" if b is None else "right-only"), None
            result.append(
                FactComparison(
                    kind=kind,  # type: ignore[arg-type]
                    status=status,  # type: ignore[arg-type]
                    left=a.text if a else None,
                    right=b.text if b else None,
                    left_value=a.to_json() if a else None,
                    right_value=b.to_json() if b else None,
                    left_span=(a.start, a.end) if a else None,
                    right_span=(b.start, b.end) if b else None,
                    note=note,
                )
            )
    return tuple(result)
