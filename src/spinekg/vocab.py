"""IRIs and prefixes used across spinekg (the one place they are spelled out)."""

from __future__ import annotations

BASE = "https://w3id.org/spinekg/"
SPINEKG = BASE + "SPINEKG_"
SKG = BASE + "vocab/"
SOURCE_NS = BASE + "source/"
CLAIM_NS = BASE + "claim/"
ONTOLOGY_IRI = BASE + "spinekg.owl"

OBO = "http://purl.obolibrary.org/obo/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OIO = "http://www.geneontology.org/formats/oboInOwl#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
UBERON_CORE = OBO + "uberon/core#"

IAO_DEFINITION = OBO + "IAO_0000115"
INNERVATED_BY = OBO + "RO_0002005"
BRANCHING_PART_OF = OBO + "RO_0002380"
PART_OF = OBO + "BFO_0000050"
OVERLAPS = OBO + "RO_0002131"
CONTRIBUTES_TO_MORPHOLOGY_OF = OBO + "RO_0002433"
EXTENDS_FIBERS_INTO = UBERON_CORE + "extends_fibers_into"
HAS_LOCATION = OBO + "RO_0004026"
HAS_FEATURE = OBO + "RO_0004029"

#: Prefixes shared by the writers, the SPARQL prelude and CURIE handling.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("oboInOwl", OIO),
    ("dcterms", DCTERMS),
    ("skos", SKOS),
    ("obo", OBO),
    ("uberon", UBERON_CORE),
    ("SPINEKG", SPINEKG),
    ("skg", SKG),
    ("src", SOURCE_NS),
    ("claim", CLAIM_NS),
)

#: CURIE prefixes for external identifiers (xrefs) and our own terms.
CURIE_PREFIXES: dict[str, str] = {
    "SPINEKG": SPINEKG,
    "UBERON": OBO + "UBERON_",
    "FMA": OBO + "FMA_",
    "HP": OBO + "HP_",
    "MONDO": OBO + "MONDO_",
    "RO": OBO + "RO_",
    "BFO": OBO + "BFO_",
    "IAO": OBO + "IAO_",
}

#: SPARQL prefixes predeclared for ad-hoc queries.
SPARQL_PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "oboInOwl": OIO,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "obo": OBO,
    "skg": SKG,
    "src": SOURCE_NS,
    **CURIE_PREFIXES,
}


def curie(iri: str) -> str:
    """Compress an IRI to a CURIE when a known prefix matches, else return it unchanged.

    >>> curie("https://w3id.org/spinekg/SPINEKG_0000001")
    'SPINEKG:0000001'
    >>> curie("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, ns in CURIE_PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def expand(value: str) -> str | None:
    """Expand a CURIE with a known prefix to its IRI, or return ``None``.

    >>> expand("SPINEKG:0000001")
    'https://w3id.org/spinekg/SPINEKG_0000001'
    >>> expand("nope") is None
    True
    """
    prefix, sep, local = value.partition(":")
    if not sep or prefix not in CURIE_PREFIXES or not local.isalnum():
        return None
    return CURIE_PREFIXES[prefix] + local
