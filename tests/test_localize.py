"""Localization on the fixture tier: explanations, contradictions, ties, next test."""

from __future__ import annotations

import pytest

import spinekg
from spinekg import InvalidQueryError, KnowledgeGraph, UnknownTermError


def test_spared_muscle_rules_out_the_root(mini_kg: KnowledgeGraph) -> None:
    loc = mini_kg.localize(weak=["tibialis anterior"], spared=["gastrocnemius"])
    top = loc.candidates[0]
    assert top.lesion.label in ("deep fibular nerve", "common fibular nerve")
    assert "tibialis anterior" in top.explains and not top.contradicts
    sciatic = next(c for c in loc.candidates if c.lesion.label == "sciatic nerve")
    assert "gastrocnemius" in sciatic.contradicts


def test_ties_are_reported(mini_kg: KnowledgeGraph) -> None:
    loc = mini_kg.localize(weak=["tibialis anterior"], spared=["gastrocnemius"])
    leaders = [c for c in loc.candidates if c.rank == 1]
    assert len(leaders) > 1 and all(c.tied for c in leaders)
    assert "deep fibular nerve" in {c.lesion.label for c in leaders}
    # equal evidence: the lesion predicting more deficits (L5) ranks just below, by the small
    # parsimony term only (it explains and contradicts the same findings)
    by = {c.lesion.label: c for c in loc.candidates}
    l5, dfn = by["fifth lumbar spinal nerve"], by["deep fibular nerve"]
    assert l5.explains == dfn.explains and l5.contradicts == dfn.contradicts
    assert l5.predicted_size > dfn.predicted_size
    assert 0 < dfn.score - l5.score < 0.2


def test_disputed_root_claims_are_flagged(mini_kg: KnowledgeGraph) -> None:
    loc = mini_kg.localize(weak=["medial head of gastrocnemius"])
    roots = {c.lesion.label: c for c in loc.candidates}
    assert "medial head of gastrocnemius" in roots["fifth lumbar spinal nerve"].uncertain


def test_next_test_separates_the_leaders(mini_kg: KnowledgeGraph) -> None:
    loc = mini_kg.localize(weak=["tibialis anterior"])
    assert loc.next_test is not None


def test_bad_input(mini_kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownTermError):
        mini_kg.localize(weak=["no such muscle"])
    with pytest.raises(InvalidQueryError):
        mini_kg.localize()


def test_localize_stays_callable_after_first_use() -> None:
    """Regression: importing the engine module once must not shadow ``spinekg.localize``."""
    first = spinekg.localize(weak=["tibialis anterior"])
    second = spinekg.localize(weak=["tibialis anterior"])
    assert callable(spinekg.localize)
    assert first.candidates[0].lesion == second.candidates[0].lesion


def test_nerve_at_a_named_site_spares_what_the_source_says() -> None:
    """usf_radial_nerve_palsy / ditki: a radial lesion at the spiral groove spares triceps
    (preserved elbow extension), so it beats the whole radial nerve when triceps is normal."""
    loc = spinekg.localize(weak=["wrist extension", "brachioradialis"], spared=["triceps brachii"])
    top = loc.candidates[0]
    assert top.lesion.kind == "nerve_at_site"
    assert top.nerve is not None and top.nerve.label == "radial nerve"
    assert "triceps brachii" not in top.contradicts
