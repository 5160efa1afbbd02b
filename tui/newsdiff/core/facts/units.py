"""Units of measurement in news figures, and when two figures in two units say the same.

"193 km/h" and "120 mph" are one speed (120 mph = 193.1 km/h): a report
converted by its writer is no contradiction. A figure's unit is read right
after it, in German or English spelling ("Stundenkilometer", "miles per
hour", "°C", "Grad Fahrenheit"); the figure's measure is then the unit's
dimension ("speed"), so figures in two units of one dimension meet, and they
agree when they are equal within the rounding of the less precise one: "193"
stands for 192.5-193.5, "120" for 119.5-120.5, so 193 km/h agrees with
120 mph (193.1 km/h) and 200 km/h does not. A figure said to be approximate
("rund 190 km/h") is rounded to its trailing zeros as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdiff.core.model import Fact, Quantity


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: ``value * factor + offset`` is the value in its dimension's base unit."""

    key: str
    dimension: str
    factor: float
    offset: float = 0.0

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_base(self, value: float) -> float:
        return (value - self.offset) / self.factor


_F_FACTOR = 5 / 9
UNITS = {
    unit.key: unit
    for unit in (
        Unit("km/h", "speed", 1.0),  # base: km/h
        Unit("mph", "speed", 1.609344),
        Unit("kn", "speed", 1.852),
        Unit("km", "length", 1000.0),  # base: metres
        Unit("m", "length", 1.0),
        Unit("mi", "length", 1609.344),
        Unit("ft", "length", 0.3048),
        Unit("nmi", "length", 1852.0),
        Unit("kg", "mass", 1.0),  # base: kilograms
        Unit("t", "mass", 1000.0),
        Unit("lb", "mass", 0.45359237),
        Unit("°C", "temperature", 1.0),  # base: degrees Celsius
        Unit("°F", "temperature", _F_FACTOR, -32 * _F_FACTOR),
        Unit("l", "volume", 1.0),  # base: litres
        Unit("gal", "volume", 3.785411784),  # US gallons
        Unit("bbl", "volume", 158.987294928),  # barrels of oil
        Unit("ha", "area", 1.0),  # base: hectares
        Unit("acre", "area", 0.40468564224),
        Unit("km²", "area", 100.0),
        Unit("sq mi", "area", 258.9988110336),
    )
}

# spellings as written after a figure -> unit key; matched longest first, as whole words
_SYMBOLS = {  # case as written: "m" is metres, "M" is not
    "km/h": "km/h", "km / h": "km/h", "km/std": "km/h", "kph": "km/h", "mph": "mph",
    "km": "km", "ft": "ft", "kg": "kg", "lbs": "lb", "lb": "lb", "gal": "gal",
    "°C": "°C", "° C": "°C", "°F": "°F", "° F": "°F", "ha": "ha", "km²": "km²", "km2": "km²",
    "l": "l",
}  # fmt: skip
_WORDS = {  # any case: "Stundenkilometer", "stundenkilometer"
    "stundenkilometer": "km/h", "stundenkilometern": "km/h",
    "kilometer pro stunde": "km/h", "kilometern pro stunde": "km/h",
    "kilometer in der stunde": "km/h", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "kilometre per hour": "km/h", "km per hour": "km/h",
    "meilen pro stunde": "mph", "miles per hour": "mph", "mile per hour": "mph",
    "knoten": "kn", "knots": "kn",
    "kilometer": "km", "kilometern": "km", "kilometres": "km", "kilometers": "km",
    "kilometre": "km",
    "meter": "m", "metern": "m", "metres": "m", "meters": "m", "metre": "m",
    "meilen": "mi", "meile": "mi", "miles": "mi", "mile": "mi",
    "seemeilen": "nmi", "seemeile": "nmi", "nautical miles": "nmi",
    "fuß": "ft", "feet": "ft", "foot": "ft",
    "kilogramm": "kg", "kilogram": "kg", "kilograms": "kg", "kilogrammes": "kg",
    "kilo": "kg", "kilos": "kg",
    "tonnen": "t", "tonne": "t", "tonnes": "t",
    "pfund": "lb", "pounds": "lb", "pound": "lb",
    "grad celsius": "°C", "degrees celsius": "°C", "degree celsius": "°C", "celsius": "°C",
    "grad": "°C",  # a German figure in Grad is Celsius: the weather, a fever
    "grad fahrenheit": "°F", "degrees fahrenheit": "°F", "fahrenheit": "°F",
    "liter": "l", "litern": "l", "litres": "l", "liters": "l", "litre": "l",
    "gallonen": "gal", "gallone": "gal", "gallons": "gal", "gallon": "gal",
    "barrel": "bbl", "barrels": "bbl",
    "hektar": "ha", "hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre",
    "quadratkilometer": "km²", "quadratkilometern": "km²", "square kilometres": "km²",
    "square kilometers": "km²", "sq km": "km²",
    "quadratmeilen": "sq mi", "square miles": "sq mi", "sq mi": "sq mi",
}  # fmt: skip


def _alternatives(spellings: dict[str, str]) -> str:
    ordered = sorted(spellings, key=len, reverse=True)
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered)


# a unit right after a figure, as a pattern others may join (notation.py)
UNIT_PATTERN = (
    rf"\s?(?:{_alternatives(_SYMBOLS)}|(?i:{_alternatives(_WORDS)}))"
    r"(?![\w²])"
)
_UNIT_AFTER = re.compile(UNIT_PATTERN)


def unit_after(text: str, end: int) -> tuple[Unit, int] | None:
    """The unit written right after a figure that ends at ``end``, and where it ends.

    >>> unit, stop = unit_after("Böen mit 193km / h an der Küste", 12)
    >>> unit.key, stop
    ('km/h', 18)
    >>> unit_after("3000 Soldaten", 4) is None
    True
    """
    found = _UNIT_AFTER.match(text, end)
    if found is None:
        return None
    return UNITS[_key(found.group())], found.end()


def unit_of(noun: str | None) -> Unit | None:
    """The unit a figure's noun names, as ``unit_after`` wrote it down.

    >>> unit_of("Stundenkilometer").key, unit_of("km / h").key, unit_of("Soldaten")
    ('km/h', 'km/h', None)
    """
    if not noun or _UNIT_AFTER.fullmatch(" " + noun) is None:
        return None
    return UNITS[_key(noun)]


@lru_cache(maxsize=256)
def _key(written: str) -> str:
    spelled = " ".join(written.split())
    return _SYMBOLS.get(spelled) or _WORDS[spelled.lower()]


def in_other_units(left: Quantity, right: Quantity) -> tuple[Unit, Unit] | None:
    """The two units when the figures are in different units of one dimension.

    >>> in_other_units(Quantity(193, 193, noun="km/h"), Quantity(120, 120, noun="mph"))[1].key
    'mph'
    """
    a, b = unit_of(left.noun), unit_of(right.noun)
    if a is None or b is None or a.key == b.key or a.dimension != b.dimension:
        return None
    return a, b


def _step(fact: Fact, value: float) -> float:
    """The rounding a figure was written with: 1 for "193", 0.1 for "193,1", 1000 for
    "rund 3000" (approximate figures count their trailing zeros as rounding too)."""
    digits = re.findall(r"\d+", fact.text)
    if not digits:
        return 1.0
    scale = value / float(digits[0]) if len(digits) == 1 and float(digits[0]) else 1.0
    written = f"{value / scale:.10g}" if scale else str(value)
    decimals = len(written.partition(".")[2]) if "." in written else 0
    step = 10.0**-decimals * abs(scale or 1.0)
    if decimals == 0 and fact.quantity.qualifier == "~":
        whole = written.rstrip("0")
        step *= 10.0 ** (len(written) - len(whole)) if whole else 1.0
    return step


def _bounds_agree(left: Fact, right: Fact, a: Unit, b: Unit) -> bool:
    lv, rv = left.quantity, right.quantity
    for x, y in ((lv.low, rv.low), (lv.high, rv.high)):
        if x is None or y is None:
            if x is not y:
                return False
            continue
        # the rounding of the less precise figure, in base units
        tolerance = max(_step(left, x) * a.factor, _step(right, y) * b.factor) / 2
        if abs(a.to_base(x) - b.to_base(y)) > tolerance * (1 + 1e-9):
            return False
    return True


def agree_in_units(left: Fact, right: Fact) -> bool:
    """Whether two figures in different units of one dimension state the same value.

    >>> from newsdiff.core.facts.numbers import extract_numbers
    >>> kmh = extract_numbers("193 km/h")[0]
    >>> mph = extract_numbers("120 mph", language="en")[0]
    >>> agree_in_units(kmh, mph), agree_in_units(extract_numbers("200 km/h")[0], mph)
    (True, False)
    """
    units = in_other_units(left.quantity, right.quantity)
    return units is not None and _bounds_agree(left, right, *units)


def converted_note(left: Fact, right: Fact) -> str | None:
    """The right figure in the left figure's unit, for the reader: "120 mph = 193.1 km/h".

    >>> from newsdiff.core.facts.numbers import extract_numbers
    >>> converted_note(extract_numbers("193 km/h")[0], extract_numbers("120 mph")[0])
    '120 mph = 193.1 km/h'
    """
    units = in_other_units(left.quantity, right.quantity)
    if units is None:
        return None
    a, b = units
    low, high = right.quantity.low, right.quantity.high
    values = [v for v in dict.fromkeys((low, high)) if v is not None]
    shown = "-".join(_short(a.from_base(b.to_base(value))) for value in values)
    return f"{right.text} {b.key} = {shown} {a.key}"


def _short(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".")
