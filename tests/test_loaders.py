"""The release loads in rdflib, pyoxigraph, owlready2 (HermiT) and the OWL API."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from spinekg.resources import ONTOLOGY_DIR, OWL_PATH
from spinekg.validate import reason

ROOT = Path(__file__).resolve().parents[1]
TTL = ONTOLOGY_DIR / "spinekg.ttl"


def test_rdflib_and_pyoxigraph_agree() -> None:
    import pyoxigraph
    import rdflib

    g = rdflib.Graph().parse(TTL, format="turtle")
    g_xml = rdflib.Graph().parse(OWL_PATH, format="xml")
    store = pyoxigraph.Store()
    store.load(path=str(TTL), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(g_xml) == len(store) > 1000
    # Full isomorphism is too slow with thousands of blank nodes; compare what matters:
    # identical ground triples, and the same number of blank-node triples per predicate.
    from collections import Counter

    def ground(graph: rdflib.Graph) -> set[tuple[object, object, object]]:
        return {t for t in graph if not any(isinstance(x, rdflib.BNode) for x in t)}

    def shape(graph: rdflib.Graph) -> Counter[object]:
        return Counter(
            p for s, p, o in graph if isinstance(s, rdflib.BNode) or isinstance(o, rdflib.BNode)
        )

    assert ground(g) == ground(g_xml)
    assert shape(g) == shape(g_xml)


def test_hermit_consistent_no_unsatisfiable_classes() -> None:
    ok, text = reason(OWL_PATH)
    assert ok, text


def _owlapi_classpath() -> str | None:
    jars = sorted(Path("/usr/share/java").glob("*.jar"))
    if not shutil.which("java") or not any("owlapi" in j.name for j in jars):
        return None
    return ":".join(str(j) for j in jars)


def test_owl_api_sees_no_unparsed_triples_and_dl_profile() -> None:
    cp = _owlapi_classpath()
    if cp is None:
        pytest.skip(
            "Java or Debian's libowlapi-java is not installed (apt-get install libowlapi-java)"
        )
    tool = ROOT / "tests" / "tools" / "OwlApiCheck.java"
    proc = subprocess.run(
        ["java", "-cp", cp, str(tool), str(TTL), str(OWL_PATH)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "unparsed_triples=0" in proc.stdout and "dl_violations=0" in proc.stdout


def test_pronto_reads_the_rdfxml_release() -> None:
    """pronto (OBO-style term access) reads spinekg.owl: labels, definitions and synonyms."""
    import warnings

    import pronto

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        onto = pronto.Ontology(str(OWL_PATH))
    terms = {t.name: t for t in onto.terms()}
    assert len(terms) > 300
    ta = terms["tibialis anterior"]
    assert ta.definition and any(s.description == "tibialis anticus" for s in ta.synonyms)


def _class_count() -> int:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(TTL), format=pyoxigraph.RdfFormat.TURTLE)
    q = (
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> "
        'FILTER(STRSTARTS(STR(?c), "https://w3id.org/spinekg/SPINEKG_")) }'
    )
    return int(next(iter(store.query(q)))["n"].value)


@pytest.mark.parametrize("name", ["spinekg.obo", "spinekg.json"])
def test_obo_and_obographs_releases_match_the_owl_classes(name: str) -> None:
    """fastobo parses the OBO file strictly; pronto reads both; same classes as the Turtle."""
    import warnings

    import fastobo
    import pronto

    path = ONTOLOGY_DIR / name
    if name.endswith(".obo"):
        doc = fastobo.load(str(path))  # raises on any syntax error
        assert sum(1 for f in doc if isinstance(f, fastobo.term.TermFrame)) == _class_count()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        onto = pronto.Ontology(str(path))
    terms = {t.name: t for t in onto.terms()}
    assert len(onto.terms()) == _class_count()
    ta = terms["tibialis anterior"]
    assert {s.name for s in ta.superclasses(distance=1, with_self=False)} == {"skeletal muscle"}
    if name.endswith(".obo"):
        rel = {r.name: {t.name for t in v} for r, v in ta.relationships.items()}
        assert rel["innervated by"] == {"deep fibular nerve"}
        assert "fifth lumbar spinal nerve" in rel["has segmental supply"]


def test_sssom_files_parse_without_dropping_a_mapping() -> None:
    """sssom-py reads every mapping set and keeps every row (malformed rows would be dropped)."""
    from sssom.parsers import parse_sssom_table

    files = sorted((ONTOLOGY_DIR / "mappings").glob("*.sssom.tsv"))
    assert files
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [line for line in lines if line and not line.startswith("#")][1:]  # no header
        msdf = parse_sssom_table(str(path))
        assert len(msdf.df) == len(rows), path.name
        assert set(msdf.df["predicate_id"]) <= {
            "skos:exactMatch",
            "skos:closeMatch",
            "skos:broadMatch",
            "skos:narrowMatch",
            "skos:relatedMatch",
        }
        assert msdf.metadata["license"].startswith("https://creativecommons.org/")
