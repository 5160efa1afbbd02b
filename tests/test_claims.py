"""The claim table: each source's figure for a claim, oldest report first."""

from __future__ import annotations

import dataclasses
import json

import pytest

from newsdiff.core.matching.align import align
from newsdiff.core.model import Alignment, Pair, SentenceRef
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths
from newsdiff.core.views.claims import claim_table, claim_table_to_dict

# the dates the seeds' own text does not carry, as their publishers gave them
DATES = {"001": "2025-06", "003": "2024-10"}


@pytest.fixture(scope="module")
def seeds():
    articles = read_articles(seed_paths(), cache=False).articles
    return tuple(dataclasses.replace(a, date=a.date or DATES.get(a.id[:3])) for a in articles)


def ref(seeds, snippet: str) -> SentenceRef:
    found = [SentenceRef(a.id, s.index) for a in seeds for s in a.sentences if snippet in s.text]
    assert len(found) == 1, snippet
    return found[0]


def troop_alignment(seeds, *, split: bool = False) -> Alignment:
    refs = [
        ref(seeds, "etwa 10.000 bis 12.000 Soldaten"),
        ref(seeds, "bereits 11.000 Mann entsandt"),
        ref(seeds, "mehr als 3000 Soldaten"),
        ref(seeds, "Bis zu 15.000 nordkoreanische Soldaten"),
    ]
    pairs = tuple(
        Pair(*sorted((a, b), key=lambda r: r.article), 0.6, "facts-differ")
        for i, a in enumerate(refs)
        for b in refs[i + 1 :]
    )
    clusters = (tuple(refs[:2]), tuple(refs[2:])) if split else (tuple(refs),)
    return Alignment(seeds, pairs, clusters)


OFF = 2.0  # no attaching: the claims are exactly the alignment's clusters


def test_troop_figures_move_over_time(seeds):
    (claim,) = claim_table(troop_alignment(seeds), attach=OFF).claims
    assert claim.measure == "troops" and claim.sources == 4
    assert [(v.article[:3], v.date[:7], v.display) for v in claim.values] == [
        ("003", "2024-10", ">3000 Soldaten"),
        ("004", "2024-11", "<=15000 Soldaten"),
        ("000", "2025-04", "~10000-12000 Soldaten"),
        ("001", "2025-06", "11000 Mann"),
        ("001", "2025-06", "+4000 more Soldaten"),
    ]


def test_clusters_that_pair_on_the_same_measure_are_one_claim(seeds):
    table = claim_table(troop_alignment(seeds, split=True), attach=OFF)
    assert len(table.claims) == 1 and table.claims[0].sources == 4


def test_unrelated_clusters_stay_apart(seeds):
    troops = troop_alignment(seeds)
    casualties = (ref(seeds, "rund 4.000 Verluste, was"), ref(seeds, "bislang rund 4.000 Verluste"))
    alignment = Alignment(seeds, troops.pairs, (*troops.clusters, casualties))
    measures = [claim.measure for claim in claim_table(alignment, attach=OFF).claims]
    assert measures == ["troops", "casualties"]


def test_undated_reports_come_last(seeds):
    undated = tuple(
        dataclasses.replace(a, date=None) if a.id.startswith("000") else a for a in seeds
    )
    alignment = dataclasses.replace(troop_alignment(seeds), articles=undated)
    (claim,) = claim_table(alignment, attach=OFF).claims
    assert claim.values[-1].article.startswith("000") and claim.values[-1].date is None


def test_json_document(seeds):
    document = claim_table_to_dict(claim_table(troop_alignment(seeds), attach=OFF))
    first = json.loads(json.dumps(document, ensure_ascii=False))["claims"][0]["values"][0]
    assert first["value"]["low"] == 3000
    assert first["credited"] == "Der südkoreanische Geheimdienst"


def test_real_alignment_gives_dated_claims_of_several_reports(seeds):
    table = claim_table(align(seeds))
    for claim in table.claims:
        assert claim.sources >= 2
        dated = [v.date for v in claim.values if v.date]
        assert dated == sorted(dated)


def test_an_undated_report_sorts_by_the_latest_date_it_mentions(seeds):
    undated = tuple(
        dataclasses.replace(a, date=None) if a.id.startswith("001") else a for a in seeds
    )
    alignment = dataclasses.replace(troop_alignment(seeds), articles=undated)
    (claim,) = claim_table(alignment, attach=OFF).claims
    # 001 mentions "bis zum Frühjahr 2025": published in 2025 at the earliest
    order = [(v.article[:3], v.date or f">={v.not_before}") for v in claim.values]
    assert [article for article, _ in order] == ["003", "004", "001", "001", "000"]
    assert order[2][1] == ">=2025"


def test_close_lone_passages_of_the_same_measure_join_the_claim(seeds):
    alignment = troop_alignment(seeds)
    (claim,) = claim_table(alignment).claims
    texts = {(v.article[:3], v.text) for v in claim.values}
    # "rund 11.000 Soldaten" (002) was in no cluster, but tells the same figure
    assert ("002", "rund 11.000") in texts
    # "zwei Brigaden mit jeweils 6.000 Mann" counts troops too, but is another claim
    assert ("003", "6.000") not in texts
    # the clustered figures are all still there
    assert {("003", "mehr als 3000"), ("000", "etwa 10.000 bis 12.000")} <= texts


def test_a_lone_passage_joins_only_with_a_name_in_common():
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, *texts: str) -> Article:
        sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
        return Article(
            id_, id_, " ".join(texts), texts[0], "2025-01-0" + id_[-1], "de", sentences, 9
        )

    a = article("a1", "In Wien kostet das Betteln nun eine Strafe von 20 Euro.")
    b = article("b2", "In Wien kostet das Betteln künftig eine Strafe von 25 Euro.")
    c = article("c3", "Das Betteln kostet in Wien nun eine Strafe von 30 Euro.")
    d = article("d4", "Das Betteln kostet in Graz nun eine Strafe von 30 Euro.")
    refs = (SentenceRef("a1", 0), SentenceRef("b2", 0))
    alignment = Alignment((a, b, c, d), (Pair(*refs, 0.9, "facts-differ"),), (refs,))
    (claim,) = claim_table(alignment).claims
    assert [v.article for v in claim.values] == ["a1", "b2", "c3"]
    (alone,) = claim_table(alignment, attach=OFF).claims
    assert [v.article for v in alone.values] == ["a1", "b2"]


def test_a_cluster_with_two_measures_gives_one_claim_each():
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, text: str) -> Article:
        return Article(id_, id_, text, text, None, "de", (Sentence(0, text, 0, len(text)),), 9)

    a = article("a", "Nordkorea schickte 11.000 Soldaten und erlitt rund 4.000 Verluste.")
    b = article("b", "Nordkorea schickte 12.000 Soldaten und erlitt etwa 3.000 Verluste.")
    refs = (SentenceRef("a", 0), SentenceRef("b", 0))
    alignment = Alignment((a, b), (Pair(*refs, 0.9, "facts-differ"),), (refs,))
    claims = claim_table(alignment).claims
    assert sorted((c.measure, len(c.values)) for c in claims) == [("casualties", 2), ("troops", 2)]


def test_the_table_reads_the_facts_the_aligner_extracted(seeds, monkeypatch):
    alignment = align(seeds)
    paired = {ref for pair in alignment.pairs for ref in (pair.left, pair.right)}
    assert paired <= set(alignment.facts)  # every paired passage's facts travel with it
    table = claim_table(alignment)
    # the same table when the facts must be extracted again ...
    assert claim_table(dataclasses.replace(alignment, facts={})) == table
    # ... and none extracted again for a passage the aligner already read
    import newsdiff.core.facts.passages as passages

    asked: list[str] = []
    for name in ("extract_facts", "complete_facts", "extract_numbers"):
        real = getattr(passages, name)

        def counting(text, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return _real(text, *args, **kwargs)

        monkeypatch.setattr(passages, name, counting)
    assert claim_table(alignment) == table
    texts = {a.id: a for a in seeds}
    known = {texts[r.article].sentences[r.sentence].text for r in alignment.facts}
    assert asked and not known & set(asked)


def test_a_passage_in_two_clusters_gives_its_figures_once():
    # A passage telling two claims may join two clusters (seed 001's "11.000 Mann
    # ... 4000 weiteren"); when both clusters are one claim, its figures were
    # listed twice: "11000 Mann plus 4000 more plus 11000 Mann plus 4000 more".
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, text: str) -> Article:
        return Article(id_, id_, text, text, None, "de", (Sentence(0, text, 0, len(text)),), 9)

    a = article("a", "Nordkorea schickte 11.000 Soldaten und 4000 weitere Soldaten.")
    b = article("b", "Nordkorea schickte rund 11.000 Soldaten nach Russland.")
    c = article("c", "Nordkorea schickte weitere 3.000 Soldaten nach Russland.")
    ra, rb, rc = (SentenceRef(x, 0) for x in "abc")
    pairs = (Pair(ra, rb, 0.9, "facts-differ"), Pair(ra, rc, 0.9, "facts-differ"))
    alignment = Alignment((a, b, c), pairs, ((ra, rb), (ra, rc)))
    (claim,) = claim_table(alignment).claims
    shown = [(v.article, v.sentence, v.text) for v in claim.values]
    assert len(shown) == len(set(shown))
    assert sorted(v.article for v in claim.values) == ["a", "a", "b", "c"]


def test_a_figure_of_an_earlier_event_is_no_figure_of_this_story_s_event():
    # "In December 2003 ... 31,000 people" in the 2005 quake's reports joined the claim of
    # its dead, as if the reports told 10 and 31,000 killed of one quake
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, date: str | None, *texts: str) -> Article:
        sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
        return Article(id_, id_, " ".join(texts), id_, date, "en", sentences, 9)

    a = article(
        "a",
        "2005-11-27",
        "An earthquake in southern Iran killed 10 people on Sunday.",
        "In December 2003, an earthquake in Bam killed more than 31,000 people.",
    )
    b = article(
        "b",
        None,  # undated: the latest date it mentions, November 2005, dates it
        "An earthquake in southern Iran killed at least 10 people on Nov. 27, 2005.",
        "In 2003 an earthquake in Bam killed 26,000 people.",
        "Since 2003 earthquakes in Iran have killed 40,000 people.",  # a count up to now
        "Until last December, earthquakes in Iran had killed 39,000 people.",
    )
    refs = [
        SentenceRef(x, i) for x, i in (("a", 0), ("a", 1), ("b", 0), ("b", 1), ("b", 2), ("b", 3))
    ]
    pairs = tuple(Pair(x, y, 0.9, "facts-differ") for x in refs[:2] for y in refs[2:])
    alignment = Alignment((a, b), pairs, (tuple(refs),))
    claims = {c.earlier: [v.text for v in c.values] for c in claim_table(alignment).claims}
    # b's floor, "2005-11", sorts before a's day
    assert claims == {
        None: ["at least 10", "40,000", "39,000", "10"],
        "2003": ["26,000", "more than 31,000"],
    }
    document = claim_table_to_dict(claim_table(alignment))
    assert [c["earlier"] for c in document["claims"]] == [None, "2003"]


def test_reports_dating_one_earlier_event_apart_still_make_one_claim_of_it():
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, text: str) -> Article:
        return Article(
            id_, id_, text, id_, "2013-01-10", "en", (Sentence(0, text, 0, len(text)),), 9
        )

    a = article("a", "Palmer voters in 2009 approved a $3 million bond for the property.")
    b = article("b", "Palmer voters in 2010 approved a $3 million bond for the property.")
    refs = (SentenceRef("a", 0), SentenceRef("b", 0))
    alignment = Alignment((a, b), (Pair(*refs, 0.9, "facts-differ"),), (refs,))
    (claim,) = claim_table(alignment).claims
    assert (claim.earlier, claim.sources) == ("2009, 2010", 2)


def _english_story(*reports: tuple[str, ...]) -> Alignment:
    """Reports whose first passages pair (one story), the others in no cluster."""
    from newsdiff.core.model import Article, Sentence

    articles = []
    for k, texts in enumerate(reports):
        sentences, start = [], 0
        for i, text in enumerate(texts):
            sentences.append(Sentence(i, text, start, start + len(text)))
            start += len(text) + 1
        id_ = f"r{k}"
        articles.append(
            Article(
                id_, id_, " ".join(texts), texts[0], f"2008-12-0{k + 1}", "en", tuple(sentences), 9
            )
        )
    firsts = [SentenceRef(a.id, 0) for a in articles]
    pairs = tuple(
        Pair(a, b, 0.9, "reworded") for i, a in enumerate(firsts) for b in firsts[i + 1 :]
    )
    return Alignment(tuple(articles), pairs, (tuple(firsts),))


def _ages(alignment: Alignment) -> list[list[tuple[str, str]]]:
    return [
        [(v.article, v.display) for v in claim.values]
        for claim in claim_table(alignment).claims
        if claim.measure == "age"
    ]


def test_an_age_told_two_ways_across_reports_is_one_claim():
    # ECB+ 1_ecb: eleven reports give Tara Reid's age, in sentences telling other things;
    # the table showed one claim of three ("Reid, 33," in one cluster) and lost the rest
    alignment = _english_story(
        ("Tara Reid has entered rehab.", "The 33-year-old actress checked in on Tuesday."),
        ("Tara Reid entered a rehab center.", "Reid, 33, was photographed on a red carpet."),
        ("Actress Tara Reid is in rehab.", "Carter said Tara Reid, age 33, was well."),
    )
    assert _ages(alignment) == [[("r0", "33 actress"), ("r1", "33 Reid"), ("r2", "33 Reid")]]


def test_the_ages_of_two_people_are_two_claims():
    # "Klitschko, 36" and "the 40-year-old Thompson" were one age claim, marked ≠
    alignment = _english_story(
        ("Klitschko, 36, beat Thompson, 40, in Bern.",),
        ("Klitschko, 36, stopped the 40-year-old Thompson.",),
    )
    assert _ages(alignment) == [
        [("r0", "36 Klitschko"), ("r1", "36 Klitschko")],
        [("r0", "40 Thompson"), ("r1", "40 Thompson")],
    ]


def test_a_role_far_from_the_named_age_or_a_relative_is_someone_else():
    # "a 13-year-old girl" beside "Cheeks, 48", "his son, 16": no age of Cheeks
    alignment = _english_story(
        ("Cheeks, 48, was fired.", "He once helped a 13-year-old girl sing."),
        ("Cheeks, 48, lost his job.", "His son, 16, was there."),
    )
    assert _ages(alignment) == [[("r0", "48 Cheeks"), ("r1", "48 Cheeks")]]


def _weakly_clustered(weak_score: float) -> Alignment:
    """Two reports pairing on 11.000 soldiers, a third in their cluster only through
    pairs of ``weak_score`` (a lead cluster merged on the average of its links)."""
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, text: str) -> Article:
        return Article(id_, id_, text, text, None, "de", (Sentence(0, text, 0, len(text)),), 9)

    a = article("a", "Nordkorea schickte 11.000 Soldaten nach Kursk.")
    b = article("b", "Nordkorea entsandte 11.000 Soldaten nach Kursk.")
    c = article("c", "In Wonsan wurden am Montag 500 Soldaten auf Schiffe verladen.")
    refs = tuple(SentenceRef(x, 0) for x in "abc")
    pairs = (
        Pair(refs[0], refs[1], 0.9, "reworded"),
        Pair(refs[0], refs[2], weak_score, "facts-differ"),
        Pair(refs[1], refs[2], weak_score, "facts-differ"),
    )
    return Alignment((a, b, c), pairs, (refs,))


@pytest.mark.parametrize("attach", [OFF, 0.30])
def test_a_figure_only_weakly_paired_is_no_figure_of_the_claim(attach):
    # the comparison and the passage view show c's pairs as "same claim, not paired
    # directly", their facts unmarked and uncounted; the table listed c's 500 beside
    # the 11.000 of the claim, and the grid marked it ≠
    claims = claim_table(_weakly_clustered(0.10), attach=attach).claims
    assert [sorted(v.article for v in claim.values) for claim in claims] == [["a", "b"]]


def test_a_figure_paired_directly_stays_in_the_claim():
    claims = claim_table(_weakly_clustered(0.5)).claims
    assert [sorted(v.article for v in claim.values) for claim in claims] == [["a", "b", "c"]]


def test_a_weak_pair_does_not_make_two_clusters_one_claim():
    from newsdiff.core.model import Article, Sentence

    def article(id_: str, text: str) -> Article:
        return Article(id_, id_, text, text, None, "de", (Sentence(0, text, 0, len(text)),), 9)

    texts = {
        "a": "Nordkorea schickte 11.000 Soldaten nach Kursk.",
        "b": "Nordkorea entsandte 11.000 Soldaten nach Kursk.",
        "c": "In Wonsan wurden am Montag 500 Soldaten auf Schiffe verladen.",
        "d": "Am Montag verlud man in Wonsan 500 Soldaten auf Schiffe.",
    }
    refs = {x: SentenceRef(x, 0) for x in texts}
    pairs = (
        Pair(refs["a"], refs["b"], 0.9, "reworded"),
        Pair(refs["c"], refs["d"], 0.9, "reworded"),
        Pair(refs["b"], refs["c"], 0.10, "facts-differ"),
    )
    clusters = ((refs["a"], refs["b"]), (refs["c"], refs["d"]))
    alignment = Alignment(tuple(article(x, t) for x, t in texts.items()), pairs, clusters)
    claims = claim_table(alignment, attach=OFF).claims
    assert sorted(sorted(v.article for v in c.values) for c in claims) == [["a", "b"], ["c", "d"]]


def test_two_boxers_ages_in_one_passage_are_two_claims():
    # ECB+ 7_plus: "36 champion" and "40 southpaw" stayed one mixed age claim
    told = (
        "The 36-year-old champion Klitschko floored Thompson, and the 40-year-old American "
        "never recovered."
    )
    alignment = _english_story(
        ("Klitschko beat Thompson in Bern.", told),
        ("Klitschko won in Bern.", "Klitschko, 36, stopped the 40-year-old Thompson."),
        (
            "Klitschko stopped Thompson.",
            "Klitschko put Thompson down, and the 40-year-old southpaw never recovered.",
        ),
    )
    assert _ages(alignment) == [
        [("r0", "40 American"), ("r1", "40 Thompson"), ("r2", "40 southpaw")],
        [("r0", "36 champion"), ("r1", "36 Klitschko")],
    ]


def test_a_son_with_the_surname_and_another_first_name_is_someone_else():
    # ECB+ 16_plus: "17-year-old Jeremy Ortiz", the deputy's son, joined his age claim
    alignment = _english_story(
        ("Deputy Jerry Ortiz was shot.", "Deputy Jerry Ortiz, 35, died."),
        ("Ortiz was shot dead.", "Ortiz, 35, was a 15-year member of the department."),
        ("Deputy Ortiz died.", "Deputy Jerry Ortiz, 35, knocked on a door."),
        ("Ortiz was killed.", '"I am relieved," said 17-year-old Jeremy Ortiz, his son.'),
    )
    assert _ages(alignment) == [[("r0", "35 Ortiz"), ("r1", "35 Ortiz"), ("r2", "35 Ortiz")]]


def test_one_person_written_with_two_first_names_stays_one_claim():
    # ECB+ 19_ecb writes "Alexandros" and "Alexis Grigoropoulos", 15, of one boy
    alignment = _english_story(
        ("Police shot a boy.", "Alexandros Grigoropoulos, 15, died."),
        ("A boy was shot.", "Alexandros Grigoropoulos, 15, was hit."),
        ("Riots followed.", "Alexis Grigoropoulos, 15, was killed."),
    )
    assert _ages(alignment) == [
        [("r0", "15 Grigoropoulos"), ("r1", "15 Grigoropoulos"), ("r2", "15 Grigoropoulos")]
    ]
