"""Quantities: qualifier, range and counted noun, in German and English, never dates."""

from __future__ import annotations

import doctest
import importlib

import pytest

from newsdiff.core.facts.numbers import extract_numbers, parse_number
from newsdiff.core.model import Quantity


def one(text: str, language: str = "de") -> Quantity:
    facts = extract_numbers(text, language=language)
    assert len(facts) == 1, [f.text for f in facts]
    fact = facts[0]
    assert text[fact.start : fact.end] == fact.text
    return fact.quantity


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "noun"),
    [
        ("etwa 10.000 bis 12.000 Soldaten", 10000, 12000, "~", "Soldaten"),
        ("mehr als 3000 Soldaten", 3000, None, ">", "Soldaten"),
        ("bis zu 15.000 Mann", None, 15000, "<=", "Mann"),
        ("rund 4.000 Verluste", 4000, 4000, "~", "Verluste"),
        ("den Einsatz von 4000 weiteren nordkoreanischen Soldaten", 4000, 4000, None, "Soldaten"),
        ("einige Millionen Artillerie-Geschosse", 1_000_000, None, "~>=", "Artillerie-Geschosse"),
        ("schickt tausende weitere Soldaten", 1000, None, "~>=", "Soldaten"),
        ("zwischen 2 und 3 Millionen Granaten", 2_000_000, 3_000_000, None, "Granaten"),
        ("Verletzte: 4000", 4000, 4000, None, "Verletzte"),
        ("ein Anteil von 2,5 Prozent", 2.5, 2.5, None, "Prozent"),
    ],
)
def test_german_quantities(text, low, high, qualifier, noun):
    value = one(text)
    assert (value.low, value.high, value.qualifier, value.noun) == (
        low,
        high,
        qualifier,
        noun,
    )


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "noun"),
    [
        ("10,000 to 12,000 troops", 10000, 12000, None, "troops"),
        ("more than 3,000 North Korean soldiers", 3000, None, ">", "soldiers"),
        ("up to 15,000 troops", None, 15000, "<=", "troops"),
        ("about 2.5 million shells", 2_500_000, 2_500_000, "~", "shells"),
    ],
)
def test_english_quantities(text, low, high, qualifier, noun):
    value = one(text, "en")
    assert (value.low, value.high, value.qualifier, value.noun) == (
        low,
        high,
        qualifier,
        noun,
    )


def test_number_words_and_each():
    facts = extract_numbers("Vielleicht sogar zwei Brigaden mit jeweils 6.000 Mann")
    assert [(f.quantity.low, f.noun) for f in facts] == [(2, "Brigaden"), (6000, "Mann")]
    assert facts[1].quantity.per_unit and not facts[0].quantity.per_unit


def test_killed_is_a_measure_of_its_own():
    text = "Bei den Gefechten wurden laut Lee etwa 600 nordkoreanische Soldaten getötet."
    assert one(text).measure == "killed"
    assert one("rund 4.000 Verluste").measure == "casualties"
    assert one("11.000 Mann").measure == one("3000 Soldaten").measure == "troops"


def test_an_english_measure_word_counts_only_as_a_whole_word():
    """ "20 firefighters" and "5 women" are no troops (the claim table named them so); German
    compounds still end in their measure ("Bodentruppen"), and German words that end in an
    English one are no troops either ("1.000 Unternehmen", "300 Stimmen": "men")."""

    def measure(text: str) -> str | None:
        (fact,) = extract_numbers(text, language="en")
        return fact.quantity.measure

    assert measure("More than 20 firefighters fought the blaze.") == "firefighter"
    assert measure("Police said 5 women were inside.") == "woman"
    assert measure("Russia has sent 5,000 men to the front.") == "troops"
    assert measure("About 3,000 fighters crossed the border.") == "troops"
    assert one("weitere 2.000 Bodentruppen").measure == "troops"
    assert one("Rund 1.000 Unternehmen sind betroffen.").measure == "unternehmen"
    assert one("Es gab 300 Stimmen dagegen.").measure == "stimme"


def test_additional_troops_are_marked():
    assert one("4000 weiteren nordkoreanischen Soldaten").additional
    assert one("weitere 3.000 Soldaten").additional
    assert not one("11.000 Mann").additional


@pytest.mark.parametrize(
    "text",
    [
        "Stand: 28.04.2025 03:32 Uhr",
        "Die Sitzung begann um 20.15 Uhr",  # was a figure 20
        "Revision 2.1 des Chips, Windows 8.1",  # was 2 and 8: a part of a figure is none
        "Bis 19.30 DOKUREIHE",  # a time without "Uhr" in a TV listing: not 19
        "im August 2024 dort eine Offensive",
        "Zu Beginn des Jahres 2025 berichtet der ZDF",
        "date 2024-11 Krieg",
        "bis zum Frühjahr 2025 teilweise",
        "am 3. Oktober",
        "On April 28, 2025 the agency said",
    ],
)
def test_dates_times_and_years_are_not_quantities(text):
    language = "en" if text.startswith("On") else "de"
    assert extract_numbers(text, language=language) == ()


@pytest.mark.parametrize(
    "text",
    [
        "an affair with Mr Mugabe in the early 1990s as his first wife was dying",
        "since the 1980's",
        "a hit in the ‘90s",
        "a song of the '70s",
    ],
)
def test_a_decade_counts_nothing(text):
    # "the 1990s" was the figure 1990 of a noun "s": a claim "s" in the claim table
    assert extract_numbers(text, language="en") == ()


def test_more_before_the_noun_leaves_the_noun_counted():
    # "Around 20 more people" counted a noun "more": the claim table's row "more",
    # its figure "+~20 more more", never beside the other reports' people
    quantity = one("Around 20 more people had to be ushered to safety", language="en")
    assert (quantity.noun, quantity.measure, quantity.additional) == ("people", "people", True)
    assert one("and three more", language="en").additional


def test_german_and_english_separators():
    assert parse_number("3.000") == 3000
    assert parse_number("3,5") == 3.5
    assert parse_number("3,000", language="en") == 3000
    assert parse_number("3.5", language="en") == 3.5


def test_seed_sentence_offsets():
    text = (
        "Nach Angaben von Geheimdienstmitarbeitern aus den USA, Südkorea und der Ukraine hat "
        "Nordkorea im vergangenen Herbst etwa 10.000 bis 12.000 Soldaten nach Russland entsandt."
    )
    (fact,) = extract_numbers(text)
    assert fact.text == "etwa 10.000 bis 12.000"
    assert text[fact.start : fact.end] == fact.text


@pytest.mark.parametrize(
    "text",
    ["Hosiner (76.) traf", "1869 wird der Kriegsveteran geboren", "Artikel 50 des EU-Vertrags"],
)
def test_ordinals_old_years_and_labels_are_not_counts(text):
    assert extract_numbers(text) == ()


def test_a_figure_at_the_end_of_a_sentence_is_still_a_figure():
    assert [f.text for f in extract_numbers("Es waren mehr als 3000.")] == ["mehr als 3000"]


def test_english_number_words_and_plural_thousands():
    facts = extract_numbers("Two brigades of 6,000 men each; thousands of troops.", language="en")
    assert [(f.text, f.quantity.low, f.noun) for f in facts] == [
        ("Two", 2, "brigades"),
        ("6,000", 6000, "men"),
        ("thousands", 1000, "troops"),
    ]


def test_a_quantity_is_typed_and_exports_as_the_schema_has_always_named_it():
    quantity = one("jeweils 6.000 Mann")
    assert (quantity.low, quantity.measure, quantity.per_unit) == (6000, "troops", True)
    assert one("jeweils 6.000 Mann") == quantity  # frozen values compare by value
    assert list(quantity.to_json()) == [
        *("low", "high", "qualifier", "noun", "measure", "additional", "each")
    ]
    assert quantity.to_json()["each"] is True
    assert one("mehr als 3000 Soldaten").short() == ">3000"
    assert one("tausende Soldaten").short() == "1000+"


@pytest.mark.parametrize(
    ("text", "language", "low", "measure"),
    [
        ("The museum received $1 million from a banker.", "en", 1_000_000, "dollar"),
        ("A banker gave the museum a million dollars.", "en", 1_000_000, "dollar"),
        ("The museum was given 1 million dollars.", "en", 1_000_000, "dollar"),
        ("A banker donated $1m to the museum.", "en", 1_000_000, "dollar"),
        ("The deal is worth US$2.5bn.", "en", 2_500_000_000, "dollar"),
        ("It cost 1.5 billion U.S. dollars.", "en", 1_500_000_000, "dollar"),
        ("Das Museum erhält 1 Million Dollar.", "de", 1_000_000, "dollar"),
        ("Ein Bankier spendet eine Million US-Dollar.", "de", 1_000_000, "dollar"),
        ("Das Museum bekommt 1 Mio. Dollar vom Bankier.", "de", 1_000_000, "dollar"),
        ("Er zahlte 1,5 Mio. € Strafe.", "de", 1_500_000, "euro"),
        ("Es kostet 2,5 Millionen Euro.", "de", 2_500_000, "euro"),
        ("It costs £5m.", "en", 5_000_000, "pound"),
        ("Sie zahlte 5 Millionen Pfund Sterling.", "de", 5_000_000, "pound"),
    ],
)
def test_an_amount_is_one_figure_in_its_currency_however_it_is_written(
    text: str, language: str, low: int, measure: str
) -> None:
    # "$1 million" had no measure and "$1m" counted "m", so reports giving one
    # amount in two spellings were two claims in the claim table
    value = one(text, language)
    assert (value.low, value.high, value.measure) == (low, low, measure)


@pytest.mark.parametrize(
    ("text", "language", "low", "measure"),
    [
        ("The US debt passed $36 trillion this year.", "en", 36 * 10**12, "dollar"),
        ("Die Staatsschulden liegen bei 2,5 Billionen Euro.", "de", 25 * 10**11, "euro"),
        ("Der Fonds verwaltet eine Billion Euro.", "de", 10**12, "euro"),
        ("Der Fonds verwaltet 1,2 Bio. Euro.", "de", 12 * 10**11, "euro"),
        ("The fund manages one billion euros.", "en", 10**9, "euro"),
    ],
)
def test_a_trillion_is_a_million_millions_in_either_language(
    text: str, language: str, low: int, measure: str
) -> None:
    # "$36 trillion" was 36 dollars and "2,5 Billionen Euro" 2.5 "billion" (no currency):
    # the claim table showed "36 $" for a figure of thirty-six trillion
    value = one(text, language)
    assert (value.low, value.high, value.measure) == (low, low, measure)


@pytest.mark.parametrize(
    "text",
    [
        "It cost $999999999999999999999 trillion.",
        "It cost $999999999999999999999.",
        "Es kostet " + "9" * 400 + " Euro.",
        "Es kostet " + "9" * 5000 + " Euro.",
    ],
    ids=["21 digits trillion", "21 digits", "400 digits", "5000 digits"],
)
def test_a_figure_past_any_real_amount_makes_no_claim(text: str) -> None:
    # read as floats they became 10**21 (a figure the report does not state) or
    # infinity, which `newsdiff facts --json` wrote as the invalid JSON "Infinity"
    language = "en" if text.startswith("It") else "de"
    assert extract_numbers(text, language=language) == ()


def test_a_whole_number_is_read_exactly() -> None:
    value = one("The fund lost $123,456,789,123,456,789.", "en")
    assert value.low == 123_456_789_123_456_789 and value.short() == "123456789123456789"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The bill could reach $5-7bn, the office said.", 5 * 10**9, 7 * 10**9),
        ("Repairs will cost £2-3m.", 2 * 10**6, 3 * 10**6),
        ("Estimates range from $5 to $7bn.", 5 * 10**9, 7 * 10**9),
        ("Fines run from $500 to $2m.", 500, 2 * 10**6),
    ],
)
def test_a_short_scale_after_a_range_scales_both_ends(text: str, low: int, high: int) -> None:
    # "$5-7bn" was read as five to seven dollars, "$5 to $7bn" as five dollars to
    # seven billion: the claim table showed "$5-7" against another report's "$6bn"
    value = one(text, "en")
    assert (value.low, value.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 1.500.000 people fled the city.", "en"),
        ("Rund 1,500,000 Menschen flohen aus der Stadt.", "de"),
    ],
)
def test_thousands_grouped_the_other_language_s_way_are_not_a_fraction(
    text: str, language: str
) -> None:
    # a German figure quoted in an English report was read as "about 1.5 people"
    assert one(text, language).low == 1_500_000


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "measure"),
    [
        ("Pyongyang sent 11.000 Soldaten to Russia.", "en", 11_000, 11_000, "troops"),
        ("Some 10.000 bis 12.000 Soldaten were sent.", "en", 10_000, 12_000, "troops"),
        ("The fund holds 2,5 Milliarden Euro.", "en", 25 * 10**8, 25 * 10**8, "euro"),
        ("It costs 1,2 Mio. Euro a year.", "en", 12 * 10**5, 12 * 10**5, "euro"),
        ("Der Deal ist $2.5bn wert.", "de", 25 * 10**8, 25 * 10**8, "dollar"),
        ("Der Fonds verwaltet 2.5m Dollar.", "de", 25 * 10**5, 25 * 10**5, "dollar"),
        ("Es kostet rund $1.2 billion.", "de", 12 * 10**8, 12 * 10**8, "dollar"),
        ("Es kostet $1 billion.", "de", 10**9, 10**9, "dollar"),  # English: a thousand millions
        ("Die Kosten: $2.5-3.5bn.", "de", 25 * 10**8, 35 * 10**8, "dollar"),
        ("Ein Hummer kostet $16.99 am Markt.", "de", 16.99, 16.99, "dollar"),
        # a comma before groups of three after "$": thousands, not decimals ($300)
        ("Die Kaution betrug $300,000.", "de", 300_000, 300_000, "dollar"),
        ("Er zahlte £12,500 Strafe.", "de", 12_500, 12_500, "pound"),
        ("Sie spendeten 1,200 dollars.", "de", 1_200, 1_200, "dollar"),
    ],
)
def test_a_figure_quoted_in_the_other_language_s_notation_is_read_that_way(
    text: str, language: str, low: float, high: float, measure: str
) -> None:
    # "11.000 Soldaten" in an English report was 11, "2,5 Milliarden Euro" no figure at
    # all; "$2.5bn" in a German one $2 and "rund $1.2 billion" $1: the claim table set a
    # quoted figure against another report's same figure as a difference
    value = one(text, language)
    assert (value.low, value.high, value.measure) == (low, high, measure)


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("The rate rose to 4.125% in May.", "en", 4.125),  # a rate keeps its decimals
        ("The yuan strengthened to 6.168 against the dollar.", "en", 6.168),
        ("It costs 1.500 billion euros.", "en", 15 * 10**8),  # an English scale: a decimal
        ("Es kostet $2.500 im Monat.", "de", 2_500),  # a point before three digits: German
        ("Er lief die 1.500m in Rekordzeit.", "de", 1_500),
        ("Der Euro kostete 1,125 Dollar.", "de", 1.125),  # a rate, in German
        ("Es kostet $1,5 Milliarden.", "de", 15 * 10**8),  # a German decimal after "$"
    ],
)
def test_a_figure_that_tells_no_other_notation_keeps_the_report_s(
    text: str, language: str, low: float
) -> None:
    assert one(text, language).low == low


@pytest.mark.parametrize(
    ("text", "low", "high", "measure"),
    [
        ("Der Anteil stieg auf 3.5 Prozent.", 3.5, 3.5, "prozent"),
        ("Der Schaden beträgt 2.5 Millionen Euro.", 25 * 10**5, 25 * 10**5, "euro"),
        ("Es kostet 2.5 Mrd. Euro.", 25 * 10**8, 25 * 10**8, "euro"),
        ("Zwischen 1.5 und 2 Millionen Menschen flohen.", 15 * 10**5, 2 * 10**6, "mensch"),
        ("Er lief 2.5 Kilometer.", 2.5, 2.5, "length"),
        ("Ein Kaffee kostet 4.20 Franken.", 4.2, 4.2, "franc"),
        ("Es kamen 1.500 Menschen.", 1500, 1500, "mensch"),  # three digits: thousands
    ],
)
def test_a_german_figure_with_a_decimal_point_before_what_it_measures(
    text: str, low: float, high: float, measure: str
) -> None:
    # "3.5 Prozent" was 3 and "2.5 Millionen Euro" a bare 2 beside "Millionen": a German
    # report writing 3.5 % against another's 3.7 % showed only reworded
    value = one(text)
    assert (value.low, value.high, value.measure) == (low, high, measure)


@pytest.mark.parametrize(
    ("text", "language", "low", "noun"),
    [
        ("Es kamen 10'000 Menschen.", "de", 10_000, "Menschen"),
        ("Es kamen 10’000 Menschen.", "de", 10_000, "Menschen"),
        ("Das Ticket kostet 1'234.50 Franken.", "de", 1234.5, "Franken"),
        ("Seit 2009 wurden mindestens 14 000 Menschen getötet.", "de", 14_000, "Menschen"),
        ("Es kamen 1 200 000 Menschen.", "de", 1_200_000, "Menschen"),
        ("Some 14\u202f000 people fled.", "en", 14_000, "people"),
    ],
)
def test_thousands_grouped_by_an_apostrophe_or_a_space(
    text: str, language: str, low: float, noun: str
) -> None:
    # Swiss "10'000 Menschen" was 10 and 0 Menschen: against "10.000" of a German
    # report a difference that is none
    value = one(text, language)
    assert (value.low, value.noun) == (low, noun)


def test_a_phone_number_is_no_figure_of_thousands() -> None:
    facts = extract_numbers("Hinweise bitte unter 0845 125 222 an die Polizei.", language="de")
    assert [f.text for f in facts if "125" in f.text] == ["125"]  # not 125,222


def test_a_short_scale_or_pound_without_a_currency_is_no_amount() -> None:
    assert one("The wall is 5m high.", "en").low == 5  # "m" is a scale only after a sign
    assert one("Der Sack wiegt 5 Pfund.").measure == "mass"  # Pfund alone is a weight


@pytest.mark.parametrize(
    ("text", "language", "age", "noun"),
    [
        ("The 37-year-old will appear in court.", "en", 37, None),
        ("52-year-old Grace Smith was killed.", "en", 52, "Smith"),
        ("The 37-year-old actor was arrested.", "en", 37, "actor"),
        ("The actor, 37, was arrested.", "en", 37, "actor"),
        ("Grace Smith, 37, was arrested.", "en", 37, "Smith"),
        ("A man aged 37 was arrested.", "en", 37, "man"),
        ("He is 37 years old.", "en", 37, None),
        ("Bettie Page died on Thursday at age 85.", "en", 85, None),
        ("a vigil for Kimani (Kiki) Gray, 16, killed by police", "en", 16, "Gray"),
        ("a five-year-old girl", "en", 5, "girl"),
        ("the 40-year-old law", "en", 40, "law"),
        # a verb after the figure is no person: the figure is the person itself
        ("The 16-year-old shot a man.", "en", 16, None),
        ("a vigil for a 16-year-old shot by cops", "en", 16, None),
        ("the 16-year old began to run", "en", 16, None),
        # a place or a people before the noun is its modifier
        ("in signing the 28-year-old Maryland native.", "en", 28, "native"),
        ("A 61-year-old Vancouver man was charged.", "en", 61, "man"),
        ("the 40-year-old American never recovered", "en", 40, "American"),
        ("the 32-year-old Klitschko's third win", "en", 32, "Klitschko's"),
        ("52-year-old Grace Smith admits charges.", "en", 52, "Smith"),
        ("Der 37-Jährige wurde festgenommen.", "de", 37, None),
        ("Der 37-jährige Schauspieler wurde festgenommen.", "de", 37, "Schauspieler"),
        ("Ein 37 Jahre alter Mann wurde festgenommen.", "de", 37, "Mann"),
        ("Er ist 37 Jahre alt.", "de", 37, None),
        ("Max Müller (37) wurde festgenommen.", "de", 37, "Müller"),
        ("Prinz William (32) enthüllte am Montag eine Tafel.", "de", 32, "William"),
        ("Stürmer David Villa (32) traf doppelt.", "de", 32, "Villa"),
        ("Sie starb im Alter von 37 Jahren.", "de", 37, None),
        # German fuses the figure: the subject's age, a word number's too
        ("Er starb 64-jährig in Wien.", "de", 64, None),
        # English sets it off after the name too
        ("Carter, age 33, was arrested.", "en", 33, "Carter"),
        ("Sharron Diane Crawford Smith, age 61, was charged.", "en", 61, "Smith"),
        ("Smith, who is 33, was held.", "en", 33, "Smith"),
        ("Bettie Page has died in Los Angeles, aged 85.", "en", 85, None),
        ("Die zehnjährige Tochter weinte.", "de", 10, "Tochter"),
        ("Der Zehnjährige wurde gerettet.", "de", 10, None),
    ],
)
def test_an_age_is_an_age_with_its_person_noun(text, language, age, noun):
    # the person: a role noun, or the last word of a name, whichever way the age is written
    value = one(text, language)
    assert (value.low, value.high, value.measure, value.noun) == (age, age, "age", noun)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He served for 20 years.", "en"),
        ("a 10-year plan", "en"),
        ("a three-year term", "en"),
        ("Er kam vor 20 Jahren.", "de"),
        ("eine 3-jährige Haftstrafe", "de"),
        ("anlässlich des 100-jährigen Bestehens des Verbands", "de"),
        ("nach zehnjähriger Reise der Sonde", "de"),
        ("Smith, who is 33 points behind, won.", "en"),
        ("Am Montag, 3, kamen sie.", "de"),
        ("Max Müller (120.000 Euro) zahlte.", "de"),
        ("Nordrhein-Westfalen (17), Baden-Württemberg (10) und Bayern (8).", "de"),
        ("Der Portugiese trifft mit dem FC Porto (10) auf Benfica.", "de"),
        # points after a club: clubs, companies and bodies are no people
        ("Arsenal hat 67 Punkte und ist vor Manchester City (64).", "de"),
        ("ein Erfolg von Dynamo Kiew (8) gegen Maccabi", "de"),
        ("Stadtkonkurrent Atlético Madrid (26) nach zwölf Spieltagen", "de"),
        ("vor Red Bull Salzburg (20) und Rapid", "de"),
        ("Leicester City, 76, lead the table.", "en"),
        ("Billy Wilders One, Two, Three läuft.", "de"),
    ],
)
def test_a_duration_or_another_figure_is_no_age(text, language):
    assert all(f.quantity.measure != "age" for f in extract_numbers(text, language=language))


def test_a_name_joined_to_one_with_an_age_has_an_age_too():
    # "Marianne (63) und Michael (66)": the second bracket follows a lone first name
    facts = extract_numbers("sagte das Schunkelduo Marianne (63) und Michael (66) dem Blatt.")
    ages = [(f.quantity.low, f.quantity.measure, f.noun) for f in facts]
    assert ages == [(63, "age", "Marianne"), (66, "age", "Michael")]


@pytest.mark.parametrize(
    "text",
    [
        "sagte das Duo Anna und Michael (66) dem Blatt.",
        "Anna und Michael (66) sind seit 40 Jahren verheiratet.",
    ],
)
def test_the_last_of_two_lone_first_names_has_the_bracketed_age(text: str) -> None:
    # "Anna und Michael (66)": the 66 was a bare figure, no age of Michael
    (age,) = [f for f in extract_numbers(text) if f.quantity.low == 66]
    assert (age.quantity.measure, age.noun) == ("age", "Michael")


@pytest.mark.parametrize(
    "text",
    [
        "Es gewannen Rapid und Sturm (66) gegen die Austria.",
        "sowie Wien und Graz (12) stimmten zu.",
    ],
)
def test_two_words_joined_without_a_role_before_are_no_person(text: str) -> None:
    assert all(f.quantity.measure != "age" for f in extract_numbers(text))


def test_a_year_in_brackets_after_a_name_is_no_age():
    assert extract_numbers("Max Müller (2019) wurde festgenommen.") == ()


@pytest.mark.parametrize("name", ["notation", "numbers", "money", "durations", "ages"])
def test_the_examples_in_the_figure_modules_hold(name: str) -> None:
    module = importlib.import_module(f"newsdiff.core.facts.{name}")
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("text", "language", "measures"),
    [
        ("Bei dem Hochwasser waren 12 Menschen ums Leben gekommen.", "de", ["killed"]),
        ("Nach Polizeiangaben starben mindestens 41 Menschen.", "de", ["killed"]),
        ("Three people died in a burning bank.", "en", ["killed"]),
        ("The quake killed 12 people and injured 30.", "en", ["killed", "wounded"]),
        ("Gunman kills 1, wounds 2 at accounting office", "en", ["killed", "wounded"]),
    ],
)
def test_a_verb_beside_a_figure_says_it_counts_the_dead_or_wounded(
    text: str, language: str, measures: list[str]
) -> None:
    # "12 Menschen ums Leben gekommen" counted "mensch", so against "14 Tote" of another
    # report no difference showed; "killed 12 people and injured 30" made both wounded
    assert [f.quantity.measure for f in extract_numbers(text, language=language)] == measures


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A deputy, father of two sons — died after a shooting.", "en"),
        ("The mother of two died when a drunken driver struck her.", "en"),
        ("Leonard Nimoy ist mit 83 Jahren gestorben.", "de"),
        ("One crewman was found alive after six days adrift, and one is dead.", "en"),
    ],
)
def test_a_verb_about_someone_else_leaves_the_figure_s_own_measure(
    text: str, language: str
) -> None:
    assert "killed" not in [f.quantity.measure for f in extract_numbers(text, language=language)]


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Fifteen people died.", "en", 15, 15),
        ("Dreizehn Menschen starben.", "de", 13, 13),
        ("Sixty-five people were hurt.", "en", 65, 65),
        ("Einundzwanzig Menschen wurden verletzt.", "de", 21, 21),
        ("Twenty-three personnel were aboard.", "en", 23, 23),  # was a range 20 to 3
        ("More than two dozen pieces were sold.", "en", 24, None),  # was "more than two"
        ("A dozen people were hurt.", "en", 12, 12),
        ("Mehr als ein Dutzend Menschen wurden verletzt.", "de", 12, None),
        ("Nearly half a million people are homeless.", "en", 500_000, 500_000),  # was a million
        ("Rund eine halbe Million Menschen flohen.", "de", 500_000, 500_000),
        ("Eineinhalb Millionen Menschen flohen.", "de", 1_500_000, 1_500_000),
        ("The gunman killed one person.", "en", 1, 1),
    ],
)
def test_figures_written_in_words(text: str, language: str, low: float, high: float) -> None:
    # news writes a figure that opens a sentence in words: "Fifteen people died" was no
    # figure, so against "15 people died" nothing agreed or differed
    value = one(text, language)
    assert (value.low, value.high) == (low, high)


def test_a_decade_in_words_is_no_count() -> None:
    assert extract_numbers("It was popular in the nineteen sixties.", language="en") == ()


def test_one_without_a_person_after_it_is_no_count() -> None:
    assert extract_numbers("One of them left one day later.", language="en") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Die Elf hat gestern in Wien gewonnen.",
        "Die Zwölf trafen sich am Montag.",
        "Er bekam eine Eins in Mathematik und eine Zwei in Latein.",
        "Der Weg der türkischen Elf in die EM war eine Zitterpartie.",
        # a name after it says whose team: "Salzburgs" is no noun the eleven count
        "Die Elf Salzburgs gewann das Derby.",
        "Die Elf Bayern Münchens siegte in Wien.",
        "Im Trikot der Three Lions hatte er getroffen.",
    ],
)
def test_a_german_number_word_used_as_a_noun_is_no_figure(text: str) -> None:
    # "Die Elf" is the team, "eine Zwei" a mark: each was a count of 11 or 2 of nothing
    assert extract_numbers(text) == ()


@pytest.mark.parametrize(
    ("text", "low", "noun"),
    [
        ("Die Elf Toten wurden geborgen.", 11, "Toten"),
        ("Elf Menschen starben bei dem Unglück.", 11, "Menschen"),
        ("Berlin – Zwei Männer wurden festgenommen.", 2, "Männer"),
        ("Er sagte: „Elf sind tot.“", 11, None),
        ("Ein Fünf-Sterne-Hotel", 5, "Sterne-Hotel"),  # as "5-Sterne-Hotel" is read
        ("mehrere Hundert Personen", 100, "Personen"),
        ("Die Elf Freunde trafen sich.", 11, "Freunde"),
    ],
)
def test_a_capitalised_number_word_opening_a_sentence_or_counting_a_noun_is_a_figure(
    text: str, low: int, noun: str | None
) -> None:
    value = one(text)
    assert (value.low, value.noun) == (low, noun)


def test_an_age_shared_by_the_people_named_before_is_no_count_of_the_dead() -> None:
    # "both 51" was read as 51 dead against the story's two
    text = "Capt. Tom Tennant and Senior Trooper William Hakim, both 51, died at the scene."
    value = one(text, "en")
    assert (value.low, value.measure, value.noun) == (51, "age", "Hakim")
    assert one("Die Brüder, beide 51, starben.").measure == "age"


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("He said two helicopters were evacuating injured from Qeshm.", "helicopter"),
        ("Two helicopters began moving the injured to the hospital.", "helicopter"),
        ("The governor said four villages had been destroyed and three killed.", "village"),
        # people, and a noun before people, still take the verb's measure
        ("Two managers were wounded.", "wounded"),
        ("Three bank workers died in a petrol bomb attack.", "killed"),
        ("At least 70 people have been hurt in the protests.", "wounded"),
    ],
)
def test_a_figure_counts_the_things_named_after_it_not_the_people_a_later_verb_hurts(
    text: str, measure: str
) -> None:
    assert extract_numbers(text, language="en")[0].quantity.measure == measure


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # the countries were counted as infected, the four as nothing
        (
            "Zwölf Arten aus vier von insgesamt fünf Ländern waren potenziell mit dem Virus "
            "infiziert.",
            [("Zwölf", "Arten", "art"), ("vier", "Ländern", "land"), ("fünf", "Ländern", "land")],
        ),
        (
            "Zwei Rettungshubschrauber flogen Menschen aus, die beim Unfall verletzt wurden.",
            [("Zwei", "Rettungshubschrauber", "rettungshubschrauber")],
        ),
        # people named after a land are people: what befell them is what they count
        ("Bei dem Anschlag starben vier Ausländer.", [("vier", "Ausländer", "killed")]),
        (
            "Dabei sind drei Menschen aus dem Dorf verletzt worden.",
            [("drei", "Menschen", "wounded")],
        ),
    ],
)
def test_a_german_figure_counts_the_things_it_names_and_a_part_its_whole(
    text: str, measures: list[tuple[str, str, str]]
) -> None:
    found = [(f.text, f.noun, f.quantity.measure) for f in extract_numbers(text)]
    assert found == measures


@pytest.mark.parametrize(
    ("text", "language", "noun"),
    [
        ("Nur sechs von zehn Schülern können sinnerfassend lesen.", "de", "Schülern"),
        ("Sie hätten 60 der 100 Stimmen benötigt.", "de", "Stimmen"),
        ("Gray was hit in the back by three of the seven bullets.", "en", "bullets"),
        ("He said 30 of the 80 wounded remained in hospital.", "en", "wounded"),
    ],
)
def test_a_part_before_its_whole_counts_the_whole_s_noun(
    text: str, language: str, noun: str
) -> None:
    # the part was a bare figure with no noun, so "six of ten pupils" and "six pupils"
    # in another report were no claim about the same thing
    part = extract_numbers(text, language=language)[0]
    assert part.noun == noun


@pytest.mark.parametrize(
    ("text", "written", "low", "measure"),
    [
        ("Die dreitägige Konferenz begann.", "dreitägige", 3, "tag"),
        ("Es gilt eine 14-tägige Frist.", "14-tägige", 14, "tag"),
        ("Die zweiwöchige Reise endete.", "zweiwöchige", 2, "woche"),
        ("Nach einer sechsmonatigen Pause kehrte er zurück.", "sechsmonatigen", 6, "monat"),
        ("Er erhielt zehnjährige Haft.", "zehnjährige", 10, "jahr"),
        ("eine 3-jährige Haftstrafe", "3-jährige", 3, "jahr"),
    ],
)
def test_a_german_duration_adjective_counts_its_span_of_time(text, written, low, measure):
    # "dreitägige" was no figure, "14-tägige Frist" counted the "Frist"
    (fact,) = extract_numbers(text)
    assert (fact.text, fact.quantity.low, fact.quantity.high) == (written, low, low)
    assert fact.quantity.measure == measure


def test_a_duration_adjective_agrees_with_the_span_written_out():
    from newsdiff.core.facts import compare_facts

    found = compare_facts("Die dreitägige Konferenz begann.", "Die Konferenz dauerte drei Tage.")
    assert [(c.kind, c.status, c.note) for c in found if c.kind == "number"] == [
        ("number", "same", None)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "1000 Menschen infizierten sich, von denen 800 starben.",
            "de",
            [(1000, "infected"), (800, "killed")],
        ),
        (
            "1000 people were infected, of whom 800 died.",
            "en",
            [(1000, "infected"), (800, "killed")],
        ),
        (
            "The virus infected 1000 people, 800 of whom died.",
            "en",
            [(1000, "infected"), (800, "killed")],
        ),
        # the whole is not the part: the 1000 did not all die
        (
            "1000 Menschen, von denen 800 starben, lebten dort.",
            "de",
            [(1000, "mensch"), (800, "killed")],
        ),
        ("Es gab 800 Infizierte.", "de", [(800, "infected")]),
        # a part named in passing leaves the whole its verb
        ("12 Menschen, darunter 5 Kinder, starben.", "de", [(12, "killed"), (5, "killed")]),
    ],
)
def test_a_part_of_the_whole_counts_what_befell_it(text, language, expected):
    facts = extract_numbers(text, language=language)
    assert [(f.quantity.low, f.quantity.measure) for f in facts] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He will be 29 in the opening week of the 2009 season.", "en"),
        ("She was struck by a gray 2013 Toyota Camry.", "en"),
        ("He has been charged in the 1967 slayings of two women.", "en"),
        ("Ellen DeGeneres to host 2014 Oscars", "en"),
        ("Neu im Landtag ist der 1972 geborene Bürgermeister von St. Pölten.", "de"),
        ("Angesichts der 2017 stattfindenden Präsidentenwahl sei das wichtig.", "de"),
    ],
)
def test_a_year_before_a_noun_is_no_figure(text: str, language: str) -> None:
    # "the 2009 season" was a figure 2009 counting seasons: a claim no other report makes
    years = [f.text for f in extract_numbers(text, language=language) if len(f.text) == 4]
    assert years == []


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("The ministry said 2000 troops were sent to the border.", "en", 2000),
        ("In the region 1500 people were evacuated.", "en", 1500),
        ("Officials said 1500 homes were destroyed.", "en", 1500),
        ("Im Fahrzeugbau fielen 2000 Stellen weg.", "de", 2000),
        ("Die 2000 verletzten Menschen wurden versorgt.", "de", 2000),
        # "the 2009 season" is a year, but a dated plural counts unless it names events
        ("The flood reached the 2000 homes of the village.", "en", 2000),
        ("Its 1500 cars were recalled last week.", "en", 1500),
    ],
)
def test_a_count_written_like_a_year_stays_a_figure(text: str, language: str, low: int) -> None:
    assert [f.quantity.low for f in extract_numbers(text, language=language)] == [low]


@pytest.mark.parametrize(
    "text",
    [
        "I dated a million guys, but I'm so happy with where I'm at right now.",
        "Her hairstyle launched a thousand girls to slice off their bangs.",
    ],
)
def test_a_million_said_loosely_is_no_figure(text: str) -> None:
    # "a million guys" made a claim of a million in the claim table
    assert extract_numbers(text, language="en") == ()


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("The church has had a million dollars damage done to it.", 1000000),
        ("About a million people marched through the city.", 1000000),
        ("Police said more than a thousand people joined the vigil.", 1000),
        ("A few thousand protesters set up barricades.", 1000),
    ],
)
def test_a_million_of_money_or_qualified_stays_a_figure(text: str, low: int) -> None:
    assert [f.quantity.low for f in extract_numbers(text, language="en")] == [low]


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("Mehrere hundert Rebellen sollen eingesickert sein.", "de", 100),
        ("Die Bildschirme kosten mehrere tausend Dollar.", "de", 1000),
        ("Das Boot kenterte wenige hundert Meter vor der Küste.", "de", 100),
        ("Several hundred protesters set up burning barricades.", "en", 100),
        ("Riots broke out when a few hundred youths attacked.", "en", 100),
    ],
)
def test_several_hundred_is_some_hundreds_not_a_hundred(text: str, language: str, low: int) -> None:
    # "Several hundred protesters" was exactly 100, so "300 protesters" differed from it
    value = one(text, language)
    assert (value.low, value.high, value.vague) == (low, None, True)


def test_some_hundred_is_about_a_hundred() -> None:
    value = one("Some hundred people gathered.", "en")
    assert (value.low, value.high, value.qualifier) == (100, 100, "~")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The storm cost $5 billion in 2006 dollars.", 5_000_000_000),
        ("Spending rose to $40 billion in constant 2010 dollars.", 40_000_000_000),
    ],
)
def test_the_year_money_is_valued_in_counts_nothing(text: str, amount: int) -> None:
    # "in 2006 dollars" was a figure 2006 counting dollars beside the real amount
    assert [f.quantity.low for f in extract_numbers(text, language="en")] == [amount]


def test_a_german_year_of_money_counts_nothing() -> None:
    # "in 2010 Dollar" read 2010 as dollars beside the real amount
    found = extract_numbers("Der Schaden betrug 5 Millionen in 2010 Dollar.", language="de")
    assert [f.quantity.low for f in found] == [5_000_000]


def test_dollars_paid_in_a_year_like_figure_are_the_amount() -> None:
    # "paid in 2000 dollars" was taken for the year the money is valued in: no figure at all
    found = extract_numbers("He was paid in 2000 dollars.", language="en")
    assert [(f.text, f.quantity.low, f.quantity.measure) for f in found] == [
        ("2000", 2000, "dollar")
    ]


def test_dollars_counted_after_a_year_like_figure_stay_money() -> None:
    found = extract_numbers("He paid 2000 dollars in cash.", language="en")
    assert [(f.quantity.low, f.quantity.measure) for f in found] == [(2000, "dollar")]


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Die Villa kostete zwischen $300,000 und $400,000.", "de", 300_000, 400_000),
        ("He was offered between $140 and $150 million.", "en", 140_000_000, 150_000_000),
        ("It cost between $5m and $7m.", "en", 5_000_000, 7_000_000),
    ],
)
def test_a_range_between_two_signed_amounts_is_one_amount(
    text: str, language: str, low: int, high: int
) -> None:
    # "zwischen $300,000 und $400,000" was two figures, the first "inside" the other
    # report's range and the second unmatched; "between $140 and $150 million" was $140
    found = extract_numbers(text, language=language)
    assert [(f.quantity.low, f.quantity.high, f.quantity.measure) for f in found] == [
        (low, high, "dollar")
    ]
