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


def _site_effects() -> dict[str, set[str]]:
    """Labels each nerve-at-site lesion and its whole nerve affect, from the forward model."""
    from spinekg._localize import Model

    kg = spinekg.default_graph()
    model = Model(kg)
    out = {}
    for site, nerve in model.site_nerve.items():
        out[model.terms[site].label] = {model.terms[i].label for i in model.effects[site]}
        out[model.terms[nerve].label] = {model.terms[i].label for i in model.effects[nerve]}
    return out


@pytest.mark.parametrize(
    ("site", "nerve", "spared", "affected"),
    [
        # StatPearls (hand nerve compression): forearm branches leave the median nerve above
        # the carpal tunnel; Medscape: so does the palmar cutaneous branch (thenar eminence)
        (
            "median nerve at carpal tunnel",
            "median nerve",
            {
                "pronator teres",
                "flexor digitorum superficialis",
                "flexor pollicis longus",
                "thenar eminence",
            },
            {"abductor pollicis brevis", "opponens pollicis"},
        ),
        # Medscape / Katirji and Wilbourn 1994: the short head of biceps femoris is supplied in
        # the thigh, so a lesion at the fibular head spares it
        (
            "common fibular nerve at fibular head",
            "common fibular nerve",
            {"short head of biceps femoris"},
            {"tibialis anterior", "fibularis longus"},
        ),
        # Hanna 2015 / Acland: the calf muscles are supplied in the leg, above the tarsal
        # tunnel; their reflex survives
        (
            "tibial nerve at tarsal tunnel",
            "tibial nerve",
            {"gastrocnemius", "soleus", "tibialis posterior", "Achilles reflex"},
            {"abductor hallucis", "sole of foot"},
        ),
        # StatPearls (ulnar neuropathy): FCU, FDP and the palmar cutaneous branch leave the
        # ulnar nerve in the forearm; RCEM: so does the dorsal cutaneous branch (9 cm above)
        (
            "ulnar nerve at Guyon canal",
            "ulnar nerve",
            {
                "flexor carpi ulnaris",
                "ulnar part of flexor digitorum profundus",
                "ulnar side of dorsum of hand",
                "hypothenar eminence",
            },
            {"dorsal interossei of hand", "adductor pollicis", "little finger"},
        ),
        # 1996 dissections: the branch to the long head of triceps arises in the axilla
        (
            "radial nerve at spiral groove of humerus",
            "radial nerve",
            {"long head of triceps brachii", "posterior arm"},
            {"brachioradialis", "extensor carpi radialis longus"},
        ),
    ],
)
def test_site_lesions_spare_what_leaves_the_nerve_above_the_site(
    site: str, nerve: str, spared: set[str], affected: set[str]
) -> None:
    effects = _site_effects()
    assert spared <= effects[nerve], spared - effects[nerve]  # the whole nerve does affect them
    assert not spared & effects[site], spared & effects[site]
    assert affected <= effects[site], affected - effects[site]


def test_fibular_head_lesion_ranks_above_the_whole_nerve_for_foot_drop() -> None:
    """With the short head of biceps femoris spared at the fibular head, the site lesion
    predicts fewer unobserved deficits than the whole common fibular nerve."""
    loc = spinekg.localize(weak=["tibialis anterior", "extensor hallucis longus"])
    order = [c.lesion.label for c in loc.candidates]
    assert order.index("common fibular nerve at fibular head") < order.index("common fibular nerve")


def test_ulnar_lesion_at_wrist_is_told_from_elbow_by_a_normal_flexor_carpi_ulnaris() -> None:
    """RCEM / StatPearls: FCU is supplied in the forearm, so it is normal in a wrist lesion and
    weak in an elbow lesion."""
    loc = spinekg.localize(
        weak=["dorsal interossei of hand", "adductor pollicis"],
        spared=["flexor carpi ulnaris"],
        sensory_loss=["little finger"],
    )
    top = loc.candidates[0]
    assert top.lesion.label == "ulnar nerve at Guyon canal"
    elbow = next(c for c in loc.candidates if c.lesion.label == "ulnar nerve at cubital tunnel")
    assert "flexor carpi ulnaris" in elbow.contradicts


def test_fit_scores_the_findings_alone_and_score_adds_the_stated_assumptions() -> None:
    import math

    from spinekg._localize import BREADTH_PENALTY, PLEXUS_PRIOR

    loc = spinekg.localize(
        weak=["tibialis anterior", "extensor hallucis longus"],
        spared=["tibialis posterior", "gluteus medius"],
    )
    for c in loc.candidates:
        assumed = BREADTH_PENALTY * math.log2(1 + c.predicted_size)
        assumed += PLEXUS_PRIOR.get(c.lesion.kind, 0.0)
        assert c.fit - c.score == pytest.approx(assumed)
        assert c.as_dict()["fit"] == round(c.fit, 3)
    # the three fibular candidates explain both weak muscles and contradict nothing: equal fit
    fibular = [c for c in loc.candidates if "fibular" in c.lesion.label]
    assert len({c.fit for c in fibular}) == 1


def test_every_explanation_is_traced_to_sources() -> None:
    """A candidate's sources are those of the claims behind the findings it explains: the
    root's segmental claims for a root, the innervation links for a nerve."""
    loc = spinekg.localize(
        weak=["tibialis anterior", "extensor hallucis longus"], sensory_loss=["dorsum of foot"]
    )
    by_label = {c.lesion.label: c for c in loc.candidates}
    for c in loc.candidates:
        assert c.sources, c.lesion.label
        assert c.as_dict()["sources"] == list(c.sources)
    l5 = by_label["fifth lumbar spinal nerve"]
    subjects = {"tibialis anterior", "extensor hallucis longus", "dorsum of foot"}
    claims = {
        cl.source
        for s in spinekg.innervated_by("L5")
        if s.target.label in subjects
        for cl in s.claims
    }
    radiculopathy = {
        src
        for cond in ("L5 radiculopathy", "lumbar radiculopathy", "radiculopathy")
        for f in spinekg.findings_of(cond)
        if {a.label for a in f.about} & subjects
        for src in f.sources
    }
    assert set(l5.sources) & claims
    assert set(l5.sources) <= claims | radiculopathy, set(l5.sources) - claims - radiculopathy


def test_next_test_for_foot_drop_is_a_muscle_that_splits_l5_from_the_fibular_nerve() -> None:
    """Medscape (peroneal mononeuropathy, EMG): 'In an L5 radiculopathy, the tibialis posterior,
    which is a foot inverter, and the lumbosacral paraspinous muscles are involved'. The next
    test prefers a muscle whose root claims the sources agree on."""
    loc = spinekg.localize(
        weak=["ankle dorsiflexion", "extensor hallucis longus"], sensory_loss=["dorsum of foot"]
    )
    assert loc.next_test is not None
    assert loc.next_test.label in {"tibialis posterior", "gluteus medius"}, loc.next_test
    assert "fifth lumbar spinal nerve" in loc.next_test_reason.split(";")[0]


def test_a_skin_area_is_explained_by_the_share_of_its_parts_a_nerve_supplies() -> None:
    """The ulnar nerve supplies the parts of the ulnar side of the hand (its dorsal cutaneous
    and superficial branches, Hanna 2015) but no source names it for the whole area: it
    explains numbness there by the share of the parts it supplies (all of them); a lesion at
    Guyon's canal, which spares the dorsal and palmar cutaneous branches
    (site_sparing_core.tsv), by a smaller share."""
    loc = spinekg.localize(sensory_loss=["ulnar side of the hand"], limit=60)
    by = {c.lesion.label: c for c in loc.candidates}
    assert "medial hand" in by["ulnar nerve"].explains
    kg = spinekg.default_graph()
    model = kg._model
    assert model is not None
    hand, ulnar = kg.get_term("medial hand").iri, kg.get_term("ulnar nerve").iri
    guyon = by["ulnar nerve at Guyon canal"].lesion.iri
    # the rest of the area beyond its named parts counts as one more part
    parts = len(model.region_parts[hand])
    assert model.affects(ulnar, hand) == parts / (parts + 1)
    assert 0.0 < model.affects(guyon, hand) < model.affects(ulnar, hand)
    assert "hanna_2015_ulnar_nerve" in by["ulnar nerve"].sources
    median = kg.get_term("median nerve").iri
    assert model.affects(median, hand) == 0.0


def test_a_plexus_root_numbs_only_areas_sources_give_its_root() -> None:
    """Sources name C8, not T1, for the little finger (ISNCSCI key point; AccessNeurology):
    the T1 root does not numb it through the ulnar nerve, though its fibres run in the
    lower trunk; C8 does."""
    spinekg.localize(weak=["deltoid"])
    kg = spinekg.default_graph()
    model = kg._model
    assert model is not None
    little = kg.get_term("little finger").iri
    roots = {
        row["root"] for row in kg.query("roots_of_area", area="little finger") if "root" in row
    }
    assert "C8" in roots and "T1" not in roots
    assert model.affects(kg.get_term("C8").iri, little) == 1.0
    assert model.affects(kg.get_term("T1").iri, little) == 0.0


def test_meralgia_paresthetica_pattern_points_at_the_lateral_femoral_cutaneous_nerve() -> None:
    """Medscape: numbness of the anterolateral thigh with normal motor strength; the nerve is
    purely sensory (DocCheck), so normal knee extension and patellar reflex rule out the
    lumbar plexus and the femoral nerve, not the lateral femoral cutaneous nerve."""
    loc = spinekg.localize(
        sensory_loss=["anterolateral thigh"],
        spared=["knee extension"],
        reflexes={"patellar reflex": "normal"},
    )
    assert loc.candidates[0].lesion.label == "lateral femoral cutaneous nerve"
    assert not loc.candidates[0].contradicts


def test_a_root_numbs_only_its_sourced_dermatome_a_cord_its_nerves_territory() -> None:
    """No source gives roots for the hypothenar eminence: the medial cord, whose ulnar nerve
    supplies it (Boneschool; Hanna 2015), numbs it; the T1 root, whose fibres also run
    there, is not credited with it, since which root's fibres reach it is not sourced."""
    spinekg.localize(weak=["deltoid"])
    kg = spinekg.default_graph()
    model = kg._model
    assert model is not None
    hypothenar = kg.get_term("hypothenar eminence").iri
    assert not [r for r in kg.query("roots_of_area", area="hypothenar eminence") if "root" in r]
    assert model.affects(kg.get_term("medial cord of brachial plexus").iri, hypothenar) == 1.0
    assert model.affects(kg.get_term("T1").iri, hypothenar) == 0.0


def test_lesions_with_identical_predictions_are_listed_once() -> None:
    """The anterior division of the lower trunk continues as the medial cord and gives no
    branch of its own (IMAIOS; VH Dissector): the two predict exactly the same deficits, so
    the ranking lists the cord once and names the division beside it, not as a tie."""
    loc = spinekg.localize(weak=["intrinsic muscles of hand"], limit=60)
    labels = [c.lesion.label for c in loc.candidates]
    assert "medial cord of brachial plexus" in labels
    assert "anterior division of lower trunk of brachial plexus" not in labels
    cord = loc.candidates[labels.index("medial cord of brachial plexus")]
    assert [t.label for t in cord.same_as] == [
        "anterior division of lower trunk of brachial plexus"
    ]
    model = spinekg.default_graph()._model
    assert model is not None
    division = cord.same_as[0].iri
    assert model.effects[division] == model.effects[cord.lesion.iri]
    # lesions whose predictions differ are never merged
    for c in loc.candidates:
        for other in c.same_as:
            assert model.effects[other.iri] == model.effects[c.lesion.iri]
