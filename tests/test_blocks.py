"""Blocks of plain text and markdown: paragraphs, subheadings, list items, table rows."""

from __future__ import annotations

from newsdiff.core.reading.blocks import Block, is_heading_line, parse
from newsdiff.core.reading.decode import decode
from newsdiff.core.reading.seeds import seed_paths


def kinds_and_texts(blocks: tuple[Block, ...]) -> list[tuple[str, str]]:
    return [(block.kind, " ".join(block.text.split())) for block in blocks]


def seed_text(number: str) -> str:
    path = next(p for p in seed_paths() if p.name.startswith(number))
    return decode(path.read_bytes()).text


def test_the_table_of_seed_002_becomes_rows_without_header_rule_or_empty_row() -> None:
    blocks = parse(seed_text("002")).blocks
    rows = [block.text for block in blocks if block.kind == "table-row"]
    assert rows == ["Vorfall: Krieg", "Ort: Kursk, Russland", "Verletzte: 4000"]
    assert not any("|" in block.text or "---" in block.text for block in blocks)
    assert blocks[-1].kind == "table-row"


def test_seed_002_one_paragraph_per_line_with_subheadings() -> None:
    blocks = parse(seed_text("002")).blocks
    headings = [block.text for block in blocks if block.kind == "heading"]
    assert headings == [
        "Einsatz und Verluste",
        "Internationale Reaktionen und geopolitische Bedeutung",
    ]
    assert blocks[1].kind == "paragraph"
    assert blocks[1].text.startswith("Kursk, Russland - Nordkorea hat erstmals")
    assert blocks[1].text.endswith("Eskalation in dem Konflikt darstellt.")


def test_blank_line_paragraphs_and_a_short_line_standing_alone_as_subheading() -> None:
    text = (
        "Titel der Meldung\n\nErster Absatz. Noch ein Satz.\n\nUSA besorgt über Beteiligung\n\n"
        "Zweiter Absatz, der\nüber zwei Zeilen geht.\n"
    )
    assert kinds_and_texts(parse(text).blocks) == [
        ("heading", "Titel der Meldung"),
        ("paragraph", "Erster Absatz. Noch ein Satz."),
        ("heading", "USA besorgt über Beteiligung"),
        ("paragraph", "Zweiter Absatz, der über zwei Zeilen geht."),
    ]


def test_hard_wrapped_prose_is_one_paragraph_not_many_headings() -> None:
    text = (
        "Nordkorea hat nach Angaben aus Seoul weitere Soldaten nach Russland\n"
        "geschickt und liefert zudem Artilleriegeschosse und Raketen an die\n"
        "russische Armee, wie der Geheimdienst in einer Sitzung des Parlaments\n"
        "berichtete.\n"
        "\n"
        "Zwischentitel\n"
    )
    blocks = parse(text).blocks
    assert [block.kind for block in blocks] == ["paragraph", "heading"]
    assert blocks[0].text.endswith("berichtete.")


def test_subheadings_are_short_and_lack_closing_punctuation() -> None:
    assert is_heading_line("Einsatz und Verluste")
    assert is_heading_line("„Russlands Angriff war das Beste, was Kim passieren konnte“")
    assert is_heading_line('"Sofortige militärische Hilfe"')
    assert not is_heading_line("Seitdem dauern die Kämpfe in der Region an.")
    assert not is_heading_line("„Es ist klar, dass Pjöngjang Menschen nicht zählt.“")
    assert not is_heading_line("Das Abkommen gilt. (afp/red)")
    assert not is_heading_line(" ".join(["Wort"] * 30))


def test_plain_text_blocks_point_at_their_text() -> None:
    text = seed_text("000")
    for block in parse(text).blocks:
        assert text[block.start : block.end] == block.text


def test_markdown_headings_paragraphs_lists_tables_and_front_matter() -> None:
    source = (
        "---\ntitle: Nordkorea bestätigt Einsatz\nsource: tagesschau.de\ndate: 2025-04-28\n---\n"
        "# Nordkorea bestätigt Einsatz\n\n"
        "Ein **fetter** Satz mit [Link](https://example.org). Zweiter Satz.\n\n"
        "## Zahlen\n\n"
        "- 10.000 Soldaten\n- 4.000 Verluste\n\n"
        "| Details | |\n|---|---|\n| Verletzte | 4000 |\n| Quellen | |\n\n"
        "```\ncode bleibt draußen\n```\n"
    )
    doc = parse(source, markdown=True)
    assert doc.front_matter == {
        "title": "Nordkorea bestätigt Einsatz",
        "source": "tagesschau.de",
        "date": "2025-04-28",
    }
    assert kinds_and_texts(doc.blocks) == [
        ("heading", "Nordkorea bestätigt Einsatz"),
        ("paragraph", "Ein fetter Satz mit Link. Zweiter Satz."),
        ("heading", "Zahlen"),
        ("list-item", "10.000 Soldaten"),
        ("list-item", "4.000 Verluste"),
        ("table-row", "Verletzte: 4000"),
    ]


def test_markdown_plain_text_maps_back_into_the_source() -> None:
    source = "Ein **fetter** Satz mit [Link](https://example.org) und \\*Stern\\* &amp; mehr.\n"
    block = parse(source, markdown=True).blocks[0]
    assert block.text == "Ein fetter Satz mit Link und *Stern* & mehr."
    start, end = block.source_span(block.text.index("fetter"), block.text.index("fetter") + 6)
    assert source[start:end] == "fetter"
    start, end = block.source_span(block.text.index("Link"), block.text.index("Link") + 4)
    assert source[start:end] == "Link"
    start, end = block.source_span(0, len(block.text))
    assert source[start:end] == source.rstrip("\n")


def test_cutting_a_block_keeps_its_offsets() -> None:
    source = "Vorwort\n\nDüsseldorf. Soldaten sind eingetroffen.\n"
    block = parse(source).blocks[1]
    cut = block.cut(len("Düsseldorf. "), len(block.text))
    assert cut.text == "Soldaten sind eingetroffen."
    assert source[cut.start : cut.end] == cut.text
