"""Figures in two units: converted, they agree within the rounding of the less precise one."""

from __future__ import annotations

import json

import pytest

from newsdiff.cli import main
from newsdiff.core.facts import compare_facts, extract_facts


def _figures(left: str, right: str, right_language: str = "en") -> list[tuple[str, str | None]]:
    found = compare_facts(left, right, language="de", right_language=right_language)
    return [(fact.status, fact.note) for fact in found if fact.kind == "number"]


def test_a_speed_in_kmh_and_in_mph_is_one_fact():
    assert _figures("Böen mit 193 km/h", "gusts of 120 mph") == [("same", "120 mph = 193.1 km/h")]


def test_a_speed_off_by_more_than_its_rounding_differs():
    assert _figures("Böen mit 200 km/h", "gusts of 120 mph") == [("differ", "120 mph = 193.1 km/h")]


def test_a_unit_written_apart_is_one_unit():
    (fact,) = extract_facts("Winde mit 193km / h an der Küste")
    assert (fact.text, fact.noun, fact.quantity.measure) == ("193", "km / h", "speed")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Böen mit 193 Stundenkilometern", "gusts of 120 miles per hour"),
        ("193 Kilometer pro Stunde", "120 Meilen pro Stunde"),
        ("eine Strecke von 16 Kilometern", "a distance of 10 miles"),
        ("ein Wal von 2000 Kilogramm", "a whale of 4409 pounds"),
        ("ein Wal von 2000 kg", "ein Wal von 4409 Pfund"),
        ("eine Welle von 30 Metern", "a wave of 98 feet"),
        ("bei 30 Grad Celsius", "at 86 degrees Fahrenheit"),
        ("bei 30 °C", "at 86°F"),
        ("bei 30 Grad", "at 86 Fahrenheit"),
        ("100 Liter Wasser", "26.4 gallons of water"),
        ("500 Hektar Wald", "1235 acres of forest"),
    ],
)
def test_german_and_english_spellings_convert(left, right):
    language = "de" if right.split()[1][0].isupper() else "en"
    ((status, note),) = _figures(left, right, right_language=language)
    assert status == "same", note


def test_the_same_number_in_two_units_is_not_the_same_figure():
    assert _figures("eine Strecke von 10 Kilometern", "a distance of 10 miles") == [
        ("differ", "10 mi = 16.1 km")
    ]


def test_a_figure_given_as_approximate_rounds_to_its_zeros():
    # "rund 190" stands for 185-195 km/h; 120 mph is 193.1 km/h
    assert _figures("Böen mit rund 190 km/h", "gusts of 120 mph") == [
        ("same", "approximate on one side; 120 mph = 193.1 km/h")
    ]
    # without "rund", 190 is 189.5-190.5: three km/h short
    assert _figures("Böen mit 190 km/h", "gusts of 120 mph")[0][0] == "differ"


def test_a_temperature_converts_with_its_offset():
    assert _figures("bei 30 Grad", "at 90 degrees Fahrenheit") == [("differ", "90 °F = 32.2 °C")]


def test_units_of_two_dimensions_are_two_measures():
    # a speed and a distance are two facts, each told by one side
    assert _figures("193 km/h", "193 km", right_language="de") == [
        ("left-only", None),
        ("right-only", None),
    ]


@pytest.mark.parametrize(("speed", "differ"), [("120 mph", 0), ("200 km/h", 1)])
def test_newsdiff_report_counts_a_converted_speed_as_no_difference(speed, differ, tmp_path, capsys):
    line = "The storm brought winds of {} to the coast, officials said."
    for name, said in (("a.txt", "193 km/h"), ("b.txt", speed)):
        (tmp_path / name).write_text(f"Storm hits coast.\n\n{line.format(said)}\n")
    assert main(["report", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (agreement,) = report["agreement"]
    assert (agreement["pairs"], agreement["facts_differ"]) == (2, differ)
    claims = report["claims"]
    (claim,) = [claim for claim in claims if "storm brought" in claim["voices"][0]["text"]]
    assert bool(claim["facts"]) == bool(differ)  # a converted speed is listed as no difference
