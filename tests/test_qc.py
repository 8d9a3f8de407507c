"""QC queries: none fires on the real ontology, and each fires on a fixture that breaks it."""
# ruff: noqa: E501

from __future__ import annotations

import pytest

from spinekg.queries import qc_queries
from spinekg.resources import ONTOLOGY_DIR
from spinekg.validate import qc

P = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skg: <https://w3id.org/spinekg/vocab/> .
@prefix : <https://w3id.org/spinekg/SPINEKG_> .
"""

BROKEN = {
    "missing-label-violation": ":1 a owl:Class .",
    "multiple-labels-violation": ':1 a owl:Class ; rdfs:label "a", "b" .',
    "duplicate-label-violation": ':1 a owl:Class ; rdfs:label "x" . :2 a owl:Class ; rdfs:label "X" .',
    "missing-definition-violation": ':1 a owl:Class ; rdfs:label "a" .',
    "label-whitespace-violation": ':1 rdfs:label "a  b" .',
    "claim-without-source-violation": ":c a skg:SegmentalClaim .",
    "muscle-without-nerve-violation": ':1 skg:kind "muscle" ; rdfs:label "m" .',
    "muscle-without-root-claim-violation": ':1 skg:kind "muscle" ; rdfs:label "m" .',
    "ontology-metadata-violation": "<https://w3id.org/spinekg/x.owl> a owl:Ontology .",
    "xref-syntax-violation": ':1 oboInOwl:hasDbXref "UBERON 12" .',
    "restriction-relation-parity-violation": ":1 rdfs:subClassOf [ owl:onProperty obo:RO_0002005 ; owl:someValuesFrom :2 ] .",
    "deprecated-reference-violation": ":2 owl:deprecated true . :1 rdfs:subClassOf [ owl:someValuesFrom :2 ] .",
    "condition-without-finding-violation": ':1 skg:kind "condition" ; rdfs:label "c" .',
}


@pytest.fixture(scope="module")
def real_results() -> dict[str, list[dict[str, str]]]:
    texts = [(ONTOLOGY_DIR / n).read_text() for n in ("spinekg.ttl", "spinekg-relations.ttl")]
    return dict(qc(texts))


@pytest.mark.parametrize("name", sorted(qc_queries()))
def test_real_ontology_has_no_violation(
    name: str, real_results: dict[str, list[dict[str, str]]]
) -> None:
    assert real_results[name] == [], f"{name}: {real_results[name][:10]}"


@pytest.mark.parametrize("name", sorted(qc_queries()))
def test_each_check_fires_on_broken_fixture(name: str) -> None:
    assert name in BROKEN, f"add a broken fixture for {name}"
    results = dict(qc([P + BROKEN[name]]))
    assert results[name], f"{name} did not fire"
