"""The Python API on the fixture tier: resolution, errors, typed results, disagreement."""

from __future__ import annotations

import pytest

from spinekg import (
    AmbiguousTermError,
    InvalidQueryError,
    KnowledgeGraph,
    SpineKGError,
    Supply,
    Term,
    UnknownTermError,
)


@pytest.mark.parametrize(
    "text",
    [
        "L5",
        "l5",
        "L-5",
        " L5 ",
        "L5 nerve root",
        "L5 root",
        "fifth lumbar spinal nerve",
        "Fifth Lumbar Spinal Nerve",
    ],
)
def test_root_names_resolve_to_one_term(mini_kg: KnowledgeGraph, text: str) -> None:
    term = mini_kg.get_term(text, ["spinal_nerve"])
    assert term.label == "fifth lumbar spinal nerve"
    assert term.kind == "spinal_nerve"
    assert term.curie.startswith("SPINEKG:")


def test_curie_and_iri_resolve(mini_kg: KnowledgeGraph) -> None:
    term = mini_kg.get_term("tibialis anterior")
    assert mini_kg.get_term(term.curie) == term
    assert mini_kg.get_term(term.iri) == term


def test_suffix_muscle_is_tolerated(mini_kg: KnowledgeGraph) -> None:
    assert mini_kg.get_term("Tibialis anterior muscle").label == "tibialis anterior"


def test_unknown_term_raises_with_suggestions(mini_kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownTermError) as info:
        mini_kg.innervated_by("L5x")
    err = info.value
    assert isinstance(err, KeyError) and isinstance(err, SpineKGError)
    assert err.query == "L5x"
    assert "fifth lumbar spinal nerve" in err.suggestions
    assert "did you mean" in str(err)


def test_wrong_kind_is_unknown_not_empty(mini_kg: KnowledgeGraph) -> None:
    """A muscle is not something that innervates: an error, never an empty answer."""
    with pytest.raises(UnknownTermError):
        mini_kg.innervated_by("tibialis anterior")


def test_ambiguous_term_lists_candidates() -> None:
    extra = """
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skg: <https://w3id.org/spinekg/vocab/> .
    @prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
    <https://w3id.org/spinekg/SPINEKG_0000001> skg:kind "muscle" ; rdfs:label "a" ;
        oboInOwl:hasExactSynonym "TA" .
    <https://w3id.org/spinekg/SPINEKG_0000002> skg:kind "muscle" ; rdfs:label "b" ;
        oboInOwl:hasExactSynonym "TA" .
    """
    kg = KnowledgeGraph.from_turtle(extra)
    with pytest.raises(AmbiguousTermError) as info:
        kg.get_term("ta")
    assert {c[1] for c in info.value.candidates} == {"a", "b"}
    assert kg.get_term("a").curie == "SPINEKG:0000001"  # a label outranks nothing else


def test_innervated_by_root_keeps_each_source(mini_kg: KnowledgeGraph) -> None:
    result = {s.target.label: s for s in mini_kg.innervated_by("L5")}
    ta = result["tibialis anterior"]
    assert isinstance(ta, Supply)
    assert ta.sources == ("fixture_a", "fixture_b")
    assert {(c.source, c.strength) for c in ta.claims} == {
        ("fixture_a", "unspecified"),
        ("fixture_b", "major"),
    }
    # the dermatome area comes back as a skin area with its source
    assert result["dorsum of foot"].sources == ("fixture_a",)
    # L5 appears only in fixture_b's claim about the medial head
    assert result["medial head of gastrocnemius"].sources == ("fixture_b",)


def test_innervated_by_nerve_is_transitive(mini_kg: KnowledgeGraph) -> None:
    labels = {s.target.label: s for s in mini_kg.innervated_by("sciatic nerve")}
    assert set(labels) == {"tibialis anterior", "gastrocnemius"}
    assert [v.label for v in labels["tibialis anterior"].via] == ["deep fibular nerve"]
    assert {s.target.label for s in mini_kg.innervated_by("common peroneal nerve")} == {
        "tibialis anterior"
    }


def test_innervation_of_head_inherits_nerve_and_keeps_disagreement(mini_kg: KnowledgeGraph) -> None:
    inn = mini_kg.innervation_of("gastrocnemius medial head")
    assert [t.label for t in inn.paths[0]] == ["tibial nerve", "sciatic nerve", "sacral plexus"]
    assert inn.any_roots == ("L5", "S1")
    assert inn.consensus_roots == ()  # the two sources disagree
    assert inn.disputed_roots == ("L5", "S1")
    assert {(c.root, c.source) for c in inn.claims} == {("L5", "fixture_b"), ("S1", "fixture_a")}


def test_consensus_is_computed_not_typed(mini_kg: KnowledgeGraph) -> None:
    inn = mini_kg.innervation_of("tibialis anterior")
    assert inn.any_roots == ("L4", "L5")
    assert inn.consensus_roots == ("L4", "L5")  # both sources name L4 and L5


def test_results_are_immutable_and_json_ready(mini_kg: KnowledgeGraph) -> None:
    s = mini_kg.innervated_by("L5")[0]
    with pytest.raises(AttributeError):
        s.target = Term("x", "y")  # type: ignore[misc]
    d = s.as_dict()
    assert {"curie", "label", "sources", "roots"} <= set(d)


def test_sparql_is_read_only(mini_kg: KnowledgeGraph) -> None:
    for update in (
        "INSERT DATA { <a:b> <a:c> <a:d> }",
        "DROP ALL",
        "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
    ):
        with pytest.raises(InvalidQueryError):
            mini_kg.sparql(update)
    rows = mini_kg.sparql('SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }')
    assert rows == [{"l": "fifth lumbar spinal nerve"}]


def test_stored_query_binds_resolved_terms_only(mini_kg: KnowledgeGraph) -> None:
    rows = mini_kg.query("innervated_by_root", root="l5 nerve root")
    assert {r["root"] for r in rows} == {"L5"}
    with pytest.raises(UnknownTermError):
        mini_kg.query("innervated_by_root", root='L5" } UNION { ?s ?p ?o')
    with pytest.raises(InvalidQueryError):
        mini_kg.query("no_such_query")


def test_search_terms(mini_kg: KnowledgeGraph) -> None:
    hits = mini_kg.search_terms("fibular")
    assert {t.label for t in hits} >= {"common fibular nerve", "deep fibular nerve"}
    assert mini_kg.search_terms("") == ()


def test_quick_name_lookups_give_way_to_the_full_index() -> None:
    """Whole-file name look-ups (the one-shot path) stop once they have cost about as much as
    building the full index; the answers are the same either way."""
    from spinekg import KnowledgeGraph

    quick = KnowledgeGraph()
    quick.FULL_INDEX_AFTER_S = 60.0  # never switch
    names = ["L5", "tibialis anterior", "fifth lumbar spinal nerve", "achilles reflex"]
    first = [quick.resolve(n) for n in names]
    assert quick._index is None

    switching = KnowledgeGraph()
    switching.FULL_INDEX_AFTER_S = 1e-9  # switch after the first look-up
    assert switching.resolve(names[0]) == first[0] and switching._index is None
    assert [switching.resolve(n) for n in names] == first
    assert switching._index is not None


def test_every_public_name_resolves_and_is_listed() -> None:
    """Names in ``spinekg.__all__`` are loaded on first use; each one must resolve (a public
    name that is neither defined in the package nor a result class would not)."""
    import spinekg
    from spinekg import results

    for name in spinekg.__all__:
        value = getattr(spinekg, name)
        if isinstance(value, type) and issubclass(value, tuple):
            assert value is getattr(results, name)
    assert set(spinekg.__all__) <= set(dir(spinekg))
    with pytest.raises(AttributeError):
        spinekg.no_such_name  # noqa: B018
