"""Content spot checks on the real ontology, each against a source that was read.

The expected values come from the cited pages (see ontology/src/sources*.tsv), never from the
code's own output.
"""

from __future__ import annotations

import pytest

import spinekg
from spinekg import KnowledgeGraph


def test_31_spinal_nerve_pairs(kg: KnowledgeGraph) -> None:
    """elsevier_spinal_nerves: 8 cervical, 12 thoracic, 5 lumbar, 5 sacral, 1 coccygeal."""
    assert kg.stats()["spinal_nerve"] == 31
    rows = kg.sparql(
        "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?s skg:short_name ?x ; "
        "skg:spinal_region ?r } GROUP BY ?r"
    )
    assert {r["r"]: int(r["n"]) for r in rows} == {
        "cervical": 8,
        "thoracic": 12,
        "lumbar": 5,
        "sacral": 5,
        "coccygeal": 1,
    }


@pytest.mark.parametrize(
    ("muscle", "nerve"),
    [
        ("tibialis anterior", "deep fibular nerve"),  # stedman_deep_fibular_nerve
        ("extensor digitorum brevis", "deep fibular nerve"),  # downstate lab step 5, QUT
        ("fibularis longus", "superficial fibular nerve"),  # orthobullets superficial peroneal
        ("gluteus medius", "superior gluteal nerve"),  # orthofixar hip abduction table
        ("gluteus maximus", "inferior gluteal nerve"),  # orthofixar hip extension table
        ("soleus", "tibial nerve"),  # doctorsacademy, UBERON extract
    ],
)
def test_nerve_of_muscle(muscle: str, nerve: str) -> None:
    assert nerve in {n.label for n in spinekg.innervation_of(muscle).nerves}


def test_tibialis_anterior_path_runs_up_the_sciatic() -> None:
    """StatPearls foot nerves: sciatic -> common fibular -> deep fibular."""
    path = [t.label for t in spinekg.innervation_of("tibialis anterior").paths[0]]
    assert path[:3] == ["deep fibular nerve", "common fibular nerve", "sciatic nerve"]


def test_sciatic_roots_l4_to_s3() -> None:
    """StatPearls foot nerves and the seed: the sciatic nerve is made up of L4 to S3."""
    claims = spinekg.segmental_claims("sciatic nerve")
    by_source = {c.source for c in claims}
    assert {"statpearls_foot_nerves", "seed_faq"} <= by_source
    assert {c.root for c in claims if c.source == "statpearls_foot_nerves"} == {
        "L4",
        "L5",
        "S1",
        "S2",
        "S3",
    }


def test_seed_l5_muscles_are_supplied_by_l5_with_sources() -> None:
    """The backbone issue's check: the L5 root supplies these, each with sources."""
    supply = {s.target.label: s for s in spinekg.innervated_by("L5")}
    for muscle in (
        "tibialis anterior",
        "extensor hallucis longus",
        "extensor digitorum brevis",
        "gluteus medius",
        "tibialis posterior",
    ):
        assert muscle in supply and supply[muscle].sources, muscle


def test_medial_gastrocnemius_keeps_s1_and_l5_claims_side_by_side() -> None:
    """The seed says S1 for the medial head, and L5 contributes to the calf muscles."""
    inn = spinekg.innervation_of("medial head of gastrocnemius")
    roots = {(c.root, c.source) for c in inn.claims}
    assert ("S1", "seed_faq") in roots
    assert any(root == "L5" for root, _ in roots)
    assert "L5" in inn.disputed_roots or "L5" not in inn.consensus_roots


def test_peer_reviewed_claims_can_be_filtered() -> None:
    """Hashimoto 2024 (Spine): L5 stimulation elicited tibialis anterior in 93.2 %."""
    ta = spinekg.innervation_of("tibialis anterior")
    peer = {c.root for c in ta.claims if c.source_kind == "peer_reviewed"}
    assert "L5" in peer


@pytest.mark.parametrize(
    ("root", "point"),
    [
        ("L4", "medial malleolus"),
        ("L5", "dorsum of the foot at the third metatarsophalangeal joint"),
        ("S1", "lateral heel"),
    ],
)
def test_isncsci_key_points(root: str, point: str) -> None:
    """Spinal Cord 2017 (sc2016167) states the ISNCSCI-2011 key points for L4, L5, S1."""
    assert any(point in p for p in spinekg.dermatome(root).key_points)


def test_every_claim_cites_a_declared_source_with_date(kg: KnowledgeGraph) -> None:
    rows = kg.sparql(
        "SELECT ?c WHERE { ?c a skg:SegmentalClaim . FILTER NOT EXISTS { "
        "?c dcterms:source ?s . ?s a skg:Source ; skg:url ?u ; skg:accessed ?d } }"
    )
    assert rows == []


def test_no_dermatome_is_mapped_to_embryonic_uberon_dermatome(kg: KnowledgeGraph) -> None:
    rows = kg.sparql('SELECT ?d WHERE { ?d skg:kind "dermatome" ; oboInOwl:hasDbXref ?x }')
    assert rows == []
