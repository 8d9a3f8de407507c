"""localize() on sourced clinical vignettes (tests/data/vignettes.tsv).

Each vignette is one source's description of one lesion; see tests/vignettes.py. The issue's
targets are top-1 >= 85% (asserted) and top-3 = 100% (not reached: the floor asserted is the level
reached and recorded in docs/localization.md, so that a regression fails loudly).
"""

from __future__ import annotations

import pytest

import spinekg

from .vignettes import Outcome, Vignette, load, run

VIGNETTES = load()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    return {v.id: run(v) for v in VIGNETTES}


def test_at_least_40_sourced_vignettes_across_regions() -> None:
    assert len(VIGNETTES) >= 40
    assert len({v.id for v in VIGNETTES}) == len(VIGNETTES)
    assert {v.region for v in VIGNETTES} >= {"upper_limb", "lower_limb"}
    for v in VIGNETTES:
        assert v.source_url.startswith("http"), v.id
        assert v.weak or v.numb or v.spared or v.reflexes, v.id


@pytest.mark.parametrize("v", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_every_finding_resolves(v: Vignette) -> None:
    spinekg.get_term(v.expected)
    loc = spinekg.localize(weak=v.weak, spared=v.spared, sensory_loss=v.numb, reflexes=v.reflexes)
    assert loc.candidates


def test_rank_rates_do_not_regress(outcomes: dict[str, Outcome]) -> None:
    n = len(outcomes)
    top1 = sum(o.rank == 1 and o.top1_alone for o in outcomes.values())
    top3 = sum(bool(o.rank and o.rank <= 3) for o in outcomes.values())
    assert top1 / n >= 0.85, f"top-1 {top1}/{n}"
    missed = [o.vignette.id for o in outcomes.values() if not (o.rank and o.rank <= 3)]
    assert top3 == n, f"top-3 {top3}/{n}; not in the top three: {missed}"


def test_explanations_name_the_findings_used(outcomes: dict[str, Outcome]) -> None:
    for o in outcomes.values():
        v = o.vignette
        given = {spinekg.get_term(x).label for x in (*v.weak, *v.numb)}
        given |= {
            f"{spinekg.default_graph().resolve_reflex(k).label} {s}" for k, s in v.reflexes.items()
        }
        if o.rank is not None:
            assert set(o.explained_by_expected) <= given, v.id


# (vignette, its lesion, the rival it must beat, findings that rule the rival out per the source)
PAIRS = [
    (
        "l5_radiculopathy_deductmd",
        "L5",
        "common fibular nerve",
        {"ankle inversion", "hip abduction"},
    ),
    ("cfn_palsy_deductmd", "common fibular nerve", "L5", {"ankle inversion"}),
    ("ulnar_neuropathy_medicowesome", "ulnar nerve", "C8", {"triceps brachii"}),
    (
        "c8_radiculopathy_ualberta",
        "C8",
        "ulnar nerve",
        {"abductor pollicis brevis", "flexor pollicis longus", "medial forearm"},
    ),
    (
        "c6_radiculopathy_kang2020",
        "C6",
        "C7",
        {"biceps reflex reduced", "brachioradialis reflex reduced"},
    ),
    ("c7_radiculopathy_upstate", "C7", "C6", {"middle finger"}),
    ("l4_radiculopathy_harrison", "L4", "femoral nerve", {"hip adduction"}),
    ("femoral_medscape", "femoral nerve", "L4", {"hip adduction"}),
    (
        "c5_radiculopathy_upstate",
        "C5",
        "axillary nerve",
        {"supraspinatus", "biceps reflex reduced"},
    ),
    ("axillary_physiopedia", "axillary nerve", "C5", {"biceps reflex normal"}),
    ("s1_radiculopathy_upstate", "S1", "tibial nerve", {"gluteus maximus", "fibularis longus"}),
]


@pytest.mark.parametrize(("vid", "lesion", "rival", "discriminating"), PAIRS)
def test_classic_pairs_are_separated_by_the_right_finding(
    vid: str, lesion: str, rival: str, discriminating: set[str]
) -> None:
    v = next(x for x in VIGNETTES if x.id == vid)
    loc = spinekg.localize(
        weak=v.weak, spared=v.spared, sensory_loss=v.numb, reflexes=v.reflexes, limit=100
    )
    by_iri = {c.lesion.iri: c for c in loc.candidates}
    expected = spinekg.get_term(lesion).iri
    # the lesion itself or that nerve at a named site (as the vignette runner counts it)
    win = next(
        c for c in loc.candidates if expected in (c.lesion.iri, c.nerve.iri if c.nerve else "")
    )
    lose = by_iri.get(spinekg.get_term(rival).iri)
    assert win.rank <= 2  # the ulnar case ranks its own deep branch first (motor-only findings)
    if lose is not None:
        assert lose.score < win.score
        assert discriminating & (set(lose.unexplained) | set(lose.contradicts)), (
            lose.unexplained,
            lose.contradicts,
        )
