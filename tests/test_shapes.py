"""Every SHACL shape, tested both ways: a conforming world, and one violation per shape."""
# ruff: noqa: E501

from __future__ import annotations

import pytest

from spinekg.validate import shacl

PREFIXES = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skg: <https://w3id.org/spinekg/vocab/> .
@prefix : <https://w3id.org/spinekg/SPINEKG_> .
@prefix src: <https://w3id.org/spinekg/source/> .
@prefix claim: <https://w3id.org/spinekg/claim/> .
"""


def entity(iri: str, kind: str, label: str, extra: str = "") -> str:
    return (
        f'{iri} skg:kind "{kind}" ; rdfs:label "{label}" ; '
        f'obo:IAO_0000115 "A test {kind} called {label}." ; dcterms:source src:s1 {extra} .\n'
    )


WORLD = (
    PREFIXES
    + """
src:s1 a skg:Source ; dcterms:title "A source" ; skg:url "https://example.org" ;
    skg:accessed "2026-11-24"^^xsd:date ; skg:source_kind "textbook" .
"""
    + "".join(
        [
            entity(
                ":L5",
                "spinal_nerve",
                "fifth lumbar spinal nerve",
                '; skg:short_name "L5" ; skg:ordinal "25"',
            ),
            entity(
                ":plex",
                "plexus",
                "sacral plexus",
                '; skg:plexus_part_kind "plexus" ; skg:formed_from_root :L5',
            ),
            entity(
                ":nerve",
                "nerve",
                "deep fibular nerve",
                '; skg:nerve_kind "mixed" ; obo:RO_0002380 :plex ; skg:has_segmental_supply :L5',
            ),
            entity(
                ":ta",
                "muscle",
                "tibialis anterior",
                "; obo:RO_0002005 :nerve ; skg:has_segmental_supply :L5",
            ),
            entity(":head", "muscle", "head of tibialis anterior", "; obo:BFO_0000050 :ta"),
            entity(":foot", "region", "dorsum of foot", ""),
            entity(
                ":derm",
                "dermatome",
                "L5 dermatome",
                "; skg:dermatome_of :L5 ; obo:RO_0002131 :foot",
            ),
            entity(
                ":reflex",
                "reflex",
                "test reflex",
                "; skg:reflex_muscle :ta ; skg:afferent_nerve :nerve ; skg:efferent_nerve :nerve",
            ),
            entity(
                ":move",
                "movement",
                "ankle dorsiflexion",
                "; skg:performed_by :ta ; skg:key_movement_of :L5",
            ),
            entity(
                ":grp",
                "muscle_group",
                "anterior leg muscles",
                "; skg:has_member_muscle :ta ; skg:has_member_muscle :head",
            ),
            entity(
                ":finding", "finding", "weak ankle dorsiflexion", '; skg:finding_kind "weakness"'
            ),
            entity(":treat", "treatment", "rest", '; skg:treatment_kind "self_care"'),
            entity(
                ":cond",
                "condition",
                "L5 radiculopathy",
                "; obo:RO_0004026 :L5 ; obo:RO_0004029 :finding ; skg:has_management_option :treat ;"
                ' skg:is_emergency "false"^^xsd:boolean',
            ),
            entity(":disc", "intervertebral_disc", "L4-L5 intervertebral disc", ""),
        ]
    )
    + """
claim:c1 a skg:SegmentalClaim ; skg:claim_subject :ta ; skg:claim_root :L5 ;
    skg:claim_strength "major" ; dcterms:source src:s1 .
claim:c2 a skg:InnervationClaim ; skg:claim_subject :foot ; skg:claim_nerve :nerve ;
    dcterms:source src:s1 .
claim:c3 a skg:CompressionRule ; skg:rule_disc :disc ; skg:compressed_root :L5 ;
    skg:herniation_type "paracentral" ; dcterms:source src:s1 .
claim:c4 a skg:FindingLink ; skg:finding_link_condition :cond ; skg:finding_link_finding :finding ;
    dcterms:source src:s1 .
claim:c5 a skg:ManagementStatement ; skg:statement "Most people improve." ; dcterms:source src:s1 .
"""
)

# shape -> (focus node, Turtle that makes exactly that node violate the shape)
VIOLATIONS = {
    "EntityShape": (":x", ':x skg:kind "muscle" .'),  # no label, no definition
    "SpinalNerveShape": (":L5", ':L5 skg:short_name "L55" .'),
    "MuscleShape": (":m2", entity(":m2", "muscle", "orphan muscle")),  # no nerve
    "NerveShape": (":nerve", ":nerve obo:RO_0002380 :ta ."),  # branch of a muscle
    "PlexusPartShape": (":plex", ":plex skg:formed_from_root :ta ."),
    "RegionShape": (":foot", ":foot obo:BFO_0000050 :nerve ."),
    "DermatomeShape": (":derm", ':derm oboInOwl:hasDbXref "UBERON:0004016" .'),
    "ReflexShape": (":reflex", ":reflex skg:reflex_muscle :nerve ."),
    "MovementShape": (":move", ":move skg:performed_by :foot ."),
    "ConditionShape": (
        ":c2",
        entity(
            ":c2",
            "condition",
            "no findings",
            '; skg:is_emergency "true"^^xsd:boolean ; obo:RO_0004026 :L5',
        ),
    ),
    "FindingShape": (":finding", ':finding skg:finding_kind "mood" .'),
    "TreatmentShape": (":treat", ':treat skg:treatment_kind "magic" .'),
    "SegmentalClaimShape": (
        "claim:c9",
        "claim:c9 a skg:SegmentalClaim ; skg:claim_subject :ta ;"
        ' skg:claim_root :L5 ; skg:claim_strength "major" .',
    ),  # no source
    "MuscleGroupShape": (
        ":grp2",
        entity(":grp2", "muscle_group", "a group of one", "; skg:has_member_muscle :ta"),
    ),
    "ClaimRootSubjectShape": (
        "claim:c9",
        "claim:c9 a skg:InnervationClaim ; skg:claim_subject :ta ; skg:claim_nerve :nerve ;"
        " dcterms:source src:s1 ; skg:claim_root :L5 .",
    ),
    "ClaimNerveSubjectShape": (
        "claim:c9",
        "claim:c9 a skg:SegmentalClaim ; skg:claim_subject :ta ; skg:claim_root :L5 ;"
        ' skg:claim_strength "major" ; dcterms:source src:s1 ; skg:claim_nerve :nerve .',
    ),
    "InnervationClaimShape": (
        "claim:c8",
        "claim:c8 a skg:InnervationClaim ; skg:claim_subject :foot ; dcterms:source src:s1 .",
    ),
    "CompressionRuleShape": ("claim:c3", 'claim:c3 skg:herniation_type "sideways" .'),
    "FindingLinkShape": ("claim:c4", "claim:c4 skg:finding_link_finding :treat ."),
    "ManagementStatementShape": (
        "claim:c7",
        "claim:c7 a skg:ManagementStatement ; dcterms:source src:s1 .",
    ),
    "SourceShape": ("src:s2", 'src:s2 a skg:Source ; dcterms:title "No url or date" .'),
}


def test_world_conforms() -> None:
    """The conforming example has an instance of every shape and passes them all."""
    ok, text = shacl([WORLD])
    assert ok, text


@pytest.mark.parametrize("shape", sorted(VIOLATIONS))
def test_each_shape_catches_its_violation(shape: str) -> None:
    focus, extra = VIOLATIONS[shape]
    ok, text = shacl([WORLD + PREFIXES + extra])
    assert not ok
    iri = (
        focus.replace(":", "https://w3id.org/spinekg/SPINEKG_", 1)
        if focus.startswith(":")
        else focus.replace("claim:", "https://w3id.org/spinekg/claim/").replace(
            "src:", "https://w3id.org/spinekg/source/"
        )
    )
    assert iri in text or f"Focus Node: {focus}" in text, text
    assert shape in text or "Shape" in text


def test_every_shape_in_the_file_is_tested() -> None:
    from spinekg.resources import SHAPES_DIR

    text = (SHAPES_DIR / "spinekg-shapes.ttl").read_text()
    declared = {
        line.split()[0].removeprefix("shp:")
        for line in text.splitlines()
        if line.startswith("shp:") and "sh:NodeShape" in line
    }
    assert declared == set(VIOLATIONS)
