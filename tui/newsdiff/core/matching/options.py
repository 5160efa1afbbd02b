"""The aligner's knobs, in one frozen object passed keyword-only to ``align``.

Each default says what it was chosen on and what changes if it moves; tests
and callers pass an ``AlignOptions`` instead of patching module constants.
"""

from __future__ import annotations

from dataclasses import dataclass

# Chosen on the seed fixture (tests/fixtures/seed_pairs.json, see tests/test_align.py).
THRESHOLD = 0.35  # a pair of passages scoring this much tells the same claim
CLUSTER_FLOOR = 0.25  # every cross-report pair inside a claim cluster scores at least this
# A candidate's exact overlap must reach this share of the floor: variants and
# figures add to it, but never enough to lift a pair from below.
MIN_OVERLAP = 0.4
MIN_SHARED = 2  # lemmas, other than topic words, a pair must share
# Competitive linking: below the threshold, by up to this much, a pair
# still stands when the two passages are each other's best partner in the
# other report and share MUTUAL_EVIDENCE lemmas (see scoring.PairScorer.evidence):
# a report tells a claim once, so its best match in another report of the same
# story likely tells it too, in other words. Two reports are of one story when
# they already share STORY_PAIRS pairs above the threshold (without that gate,
# aligning 300 unrelated gnad articles made 289 more pairs, nearly all wrong;
# with it, 12). Chosen on the tuning part of the seed fixture (tests/seed_quality.py).
MUTUAL_MARGIN = 0.14  # (0.6 of the default threshold)
MUTUAL_EVIDENCE = 3
STORY_PAIRS = 2
VARIANT_EVIDENCE = 80.0  # rapidfuzz ratio from which a variant counts as a shared lemma
VARIANT_MIN_LENGTH = 5  # ... and is this long: short words look alike by chance
# A total of one measure given by both passages (similarity's measure features)
# is a claim slot in itself: it counts as this many shared lemmas.
MEASURE_EVIDENCE = 2
MAX_REPEATS = 100  # identical passages of two reports paired all with all up to this many pairs
PER_PASSAGE = 10  # candidates kept per passage, the largest overlap first (candidates.py)
# The semantic signal (meaning_links.py), chosen on the seed fixture's tuning
# part and the ECB+ tuning topics (tests/benchmarks/tune_meaning.py): every
# context 0-1 and floor 0.25-0.4 gives seeds tuning F1 0.792 (lexical 0.766);
# ECB+ F1 0.162-0.168 (lexical 0.122), best at context 1.0, floor 0.3 the
# best with at most 17 wrong pairs (0.25: 0.168 with 19). Without the context
# the "siegreich abgeschlossen" pair is missed (its "Die Einsätze" needs the
# sentence before it). Since only lexical stories are embedded (align._components)
# ECB+ F1 was 0.157 at these knobs, before the margin and headline rule below.
SEMANTIC_CONTEXT = 1.0  # weight of the previous passage's vector in a passage's own
SEMANTIC_FLOOR = 0.3  # centred cosine from which two mutual best partners pair
STORY_COSINE = 0.7  # raw cosine of a translation (STS dev de-en pairs judged 5: median 0.86)
# Which semantic links stand (meaning_links.stand), chosen by one rule on the
# tuning data only: the best F1 whose precision is not below shared words
# alone, on both the ECB+ tuning pairs and the seeds' tuning part; among
# equals, the strictest. All links: ECB+ P 0.959 F1 0.157 (17 wrong, lexical
# P 0.983 F1 0.120 with 5), seeds tuning P 0.952 F1 0.816. Refusing links
# between the first passages (headlines) of two reports of one language:
# ECB+ P 0.984 F1 0.126 (5 wrong), seeds tuning unchanged; requiring instead
# a lexical score of 0.1 / 0.2 / 0.3 for them: P 0.979 / 0.975 / 0.974. The
# margin is flat from 0 to 0.08 on both (0.09 loses "siegreich abgeschlossen",
# margin 0.085), so 0.08, the strictest that costs nothing on tuning data.
SEMANTIC_MARGIN = 0.08
# The leads of a story of short reports (chosen on the ECB+ tuning subtopics and
# the seeds, aligned story by story with shared words alone, /tmp grid runs; the
# figures with the semantic signal are in by_story.py). A short report tells the
# story's event in its headline and first sentences, in the story's topic
# words ("Lohan", "Betty Ford"), which the story's own counts weigh at
# nothing; so two lead passages are scored with the language's background
# weights too (LEAD_BLEND: 1.0 -> ECB+ F1 0.682, 2.0: 0.654 lead 4 floor 0.15,
# 3.0: 0.633 lead 3), they stand from LEAD_THRESHOLD without competing (0.3:
# F1 0.673), and clusters of leads merge when their cross pairs score
# LEAD_FLOOR on average instead of each (complete linkage: recall 0.31; mean
# 0.1: P 0.769 R 0.677 with 15,800 pairs; 0.15: P 0.824 R 0.581). Leads: the
# first four passages (3: F1 0.637, 5: 0.687 with 7% more pairs). Only a
# story whose median report has at most LEAD_LONGEST passages has leads: the
# seeds (median 27) are long reports each from its own angle, and their
# headlines tell different claims ("Nordkorea bestätigt" / "USA bestätigen");
# with leads their precision fell 0.903 -> 0.765; 32 of the 40 ECB+
# subtopics have a median of 20 or less.
LEAD_BLEND = 1.0
LEAD_THRESHOLD = 0.25
LEAD_FLOOR = 0.15
LEAD_LONGEST = 20
# Every two leads of a story are compared: a story of more reports has none, so
# the cost stays bounded (2,000 two-line reports of one story: 8,000 leads, 32
# million pairs). The largest ECB+ tuning story as detected has 30 reports.
LEAD_REPORTS = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignOptions:
    """Every knob of ``align``; the defaults are the measured ones above.

    ``floor`` never rises above ``threshold`` (see ``cluster_floor``);
    ``measures=False`` leaves out the measure slots ("troops"), so two
    totals of one measure are no shared claim slot; ``semantic=False`` leaves
    out the sentence embeddings (``meaning_links.py``): shared words alone;
    ``semantic_margin`` and ``semantic_leads`` say which semantic links stand.

    >>> AlignOptions(threshold=0.6).low
    0.45999999999999996
    """

    threshold: float = THRESHOLD
    floor: float = CLUSTER_FLOOR
    min_overlap: float = MIN_OVERLAP
    min_shared: int = MIN_SHARED
    mutual_margin: float = MUTUAL_MARGIN
    mutual_evidence: int = MUTUAL_EVIDENCE
    story_pairs: int = STORY_PAIRS
    variant_evidence: float = VARIANT_EVIDENCE
    variant_min_length: int = VARIANT_MIN_LENGTH
    measure_evidence: int = MEASURE_EVIDENCE
    max_repeats: int = MAX_REPEATS
    per_passage: int = PER_PASSAGE
    measures: bool = True
    semantic: bool = True
    semantic_context: float = SEMANTIC_CONTEXT
    semantic_floor: float = SEMANTIC_FLOOR
    story_cosine: float = STORY_COSINE
    semantic_margin: float = SEMANTIC_MARGIN
    semantic_leads: bool = False  # may two first passages of one language pair by meaning?
    # may a passage with a partner by shared words pair by meaning too? False: the gate of
    # meaning_gate.py, 5.6x less semantic time at scale, but it loses right wire-copy pairs
    semantic_partnered: bool = True
    # Within one known story only (by_story.STORY_OPTIONS turns them on; see there):
    # the caller knows the reports tell one story: the measures count from the start and
    # the reports are one story whether or not two of them share strong pairs
    one_story: bool = False
    lead: int = 0  # passages of each report scored as its lead; 0: no leads
    lead_blend: float = LEAD_BLEND
    lead_longest: int | None = LEAD_LONGEST
    lead_reports: int | None = LEAD_REPORTS
    lead_threshold: float = LEAD_THRESHOLD
    lead_floor: float = LEAD_FLOOR
    second_partner: bool = False  # a passage telling two claims joins two clusters

    @property
    def lead_story(self) -> tuple[int | None, int | None]:
        """The longest median report and the most reports of a story that has leads."""
        return self.lead_longest, self.lead_reports

    @property
    def cluster_floor(self) -> float:
        """What every cross-report pair in a cluster scores: ``floor``, at most the threshold."""
        return min(self.threshold, self.floor)

    @property
    def low(self) -> float:
        """The lowest score a mutual best match may have (competitive linking)."""
        return max(0.0, self.threshold - self.mutual_margin)

    @property
    def cutoff(self) -> float:
        """Below both floors a score only needs to be known as "too low"."""
        return min(self.cluster_floor, self.low)
