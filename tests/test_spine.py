"""Spine and condition answers checked against the sources cited in the tables.

Expected values are transcribed from the pages named in each comment (see
ontology/src/sources_spine_*.tsv), never from the code's own output.
"""

from __future__ import annotations

import pytest

import spinekg
from spinekg.errors import InvalidQueryError, UnknownTermError

# upstate_herniated_disc_roots ("Nerve Root Involvement from Herniated Disc", SUNY Upstate):
# root C5 / disc C4-5, C6 / C5-6, C7 / C6-7, C8 / C7-T1, T1 / T1-2, L3 / L2-3, L4 / L3-4,
# L5 / L4-5, S1 / L5-S1. spinehealth_cervical_herniated_disc: cervical herniations impinge on
# the exiting root at the lower level (C6 at C5-C6), applied to C2-C3 and C3-C4.
PARACENTRAL = {
    "C2-C3": "C3",
    "C3-C4": "C4",
    "C4-C5": "C5",
    "C5-C6": "C6",
    "C6-C7": "C7",
    "C7-T1": "C8",
    "T1-T2": "T1",
    "L1-L2": "L2",
    "L2-L3": "L3",
    "L3-L4": "L4",
    "L4-L5": "L5",
    "L5-S1": "S1",
}


@pytest.mark.parametrize(("disc", "root"), sorted(PARACENTRAL.items()))
def test_paracentral_herniation_compresses_the_sourced_root(disc: str, root: str) -> None:
    roots = {c.root for c in spinekg.compressed_root(disc)}
    assert roots == {root}


@pytest.mark.parametrize(
    ("disc", "root"),
    [
        # coconote lecture: far-lateral herniations compress the exiting root (L3 at L3-4)
        ("L3-L4", "L3"),
        ("L4-L5", "L4"),
        ("L5-S1", "L5"),
        # chirurgie_rachis_cervical_herniation: the root exiting through the foramen
        ("C2-C3", "C3"),
        ("C3-C4", "C4"),
        ("C4-C5", "C5"),
        ("C5-C6", "C6"),
        ("C6-C7", "C7"),
        ("C7-T1", "C8"),
    ],
)
def test_foraminal_herniation_compresses_the_exiting_root(disc: str, root: str) -> None:
    roots = {c.root for c in spinekg.compressed_root(disc, "foraminal")}
    assert roots == {root}


def test_all_types_list_each_rule_once_per_type() -> None:
    hits = spinekg.compressed_root("L5-S1", "all")
    pairs = {(c.herniation_type, c.root) for c in hits}
    assert ("paracentral", "S1") in pairs and ("foraminal", "L5") in pairs
    assert len(pairs) == len(hits)


def test_every_rule_has_a_source() -> None:
    for disc in PARACENTRAL:
        for hit in spinekg.compressed_root(disc, "all"):
            assert hit.sources, (disc, hit)


def test_unknown_disc_and_type_raise_specific_errors() -> None:
    with pytest.raises(UnknownTermError):
        spinekg.compressed_root("Z9-Z10")
    with pytest.raises(InvalidQueryError):
        spinekg.compressed_root("L4-L5", "sideways")


@pytest.mark.parametrize(
    ("level", "root"),
    [
        # valorspine_cervical_root: C2-C7 exit above their vertebra; C8 below C7
        ("C5-C6", "C6"),
        ("C7-T1", "C8"),
        # lumbar roots exit below their vertebra (exit_rules_core sources)
        ("L4-L5", "L4"),
        ("L5-S1", "L5"),
    ],
)
def test_exiting_root(level: str, root: str) -> None:
    assert root in {r.root_short_name for r in spinekg.exiting_root(level)}


def test_conditions_of_l5_include_the_seed_conditions() -> None:
    hits = {h.condition.label: h for h in spinekg.conditions_of("L5")}
    assert "L5 radiculopathy" in hits
    assert "paracentral disc herniation at L4-L5" in hits
    assert "far-lateral disc herniation at L5-S1" in hits
    ces = hits["cauda equina syndrome"]
    assert ces.emergency
    assert ces.via.label == "cauda equina"


def test_conus_medullaris_syndrome_is_an_emergency_with_sphincter_red_flags() -> None:
    # medicowesome_conus_vs_cauda: "Both of these are orthopedic/neurosurgical emergencies";
    # sphincter dysfunction early, urinary and fecal incontinence; perianal anaesthesia common
    flags = {r.condition.label: r for r in spinekg.red_flags()}
    assert "conus medullaris syndrome" in flags and "cauda equina syndrome" in flags
    findings = {f.term.label: f for f in spinekg.findings_of("conus medullaris syndrome")}
    assert findings["urinary incontinence"].red_flag
    assert findings["perianal numbness"].red_flag


def test_lumbar_stenosis_presents_with_neurogenic_claudication() -> None:
    # msd_lumbar_spinal_stenosis: walking-induced pain "is referred to as neurogenic claudication"
    labels = {f.term.label for f in spinekg.findings_of("lumbar spinal stenosis")}
    assert "neurogenic claudication" in labels


def test_l5_s1_spondylolisthesis_involves_the_l5_root() -> None:
    # spine_secrets_l5s1_isthmic_compression: L5 root compression is the commonest pattern
    hits = {h.condition.label for h in spinekg.conditions_of("L5")}
    assert "spondylolisthesis at L5-S1" in hits


def test_every_hp_and_mondo_xref_is_in_the_reference_list() -> None:
    """Every HP/MONDO cross-reference names an ID listed in shared/reference/clinical_xrefs.tsv
    (copied as IDs only into tests/data/clinical_xref_ids.txt)."""
    from pathlib import Path

    listed = {
        line.strip()
        for line in (Path(__file__).parent / "data" / "clinical_xref_ids.txt")
        .read_text()
        .splitlines()
        if line.strip() and not line.startswith("#")
    }
    used = {
        r["x"]
        for r in spinekg.sparql(
            "SELECT DISTINCT ?x WHERE { ?s oboInOwl:hasDbXref ?x "
            'FILTER(STRSTARTS(?x, "HP:") || STRSTARTS(?x, "MONDO:")) }'
        )
    }
    assert used, "no clinical xrefs at all"
    assert used <= listed, sorted(used - listed)


def test_conditions_of_carries_each_conditions_sources() -> None:
    hits = {h.condition.label: h for h in spinekg.conditions_of("ulnar nerve")}
    wrist = hits["ulnar neuropathy at the wrist"]
    assert "orthobullets_ulnar_tunnel" in wrist.sources
    assert wrist.as_dict()["sources"] == list(wrist.sources)
    assert all(h.sources for h in hits.values())
