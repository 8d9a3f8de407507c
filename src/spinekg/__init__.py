"""spinekg: an open, sourced knowledge graph of the human spinal nerves.

Only the names importable from ``spinekg`` itself (listed in ``__all__``) are the stable public
API; submodules and underscore names may change. Medical content is educational reference, not
medical advice.

>>> import spinekg
>>> "tibialis anterior" in {s.target.label for s in spinekg.innervated_by("L5")}
True
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import (
    AmbiguousTermError,
    BuildError,
    EndpointError,
    InvalidQueryError,
    SpineKGError,
    UnknownTermError,
    ValidationError,
)
from .graph import KnowledgeGraph, default_graph
from .results import Innervation, RootClaim, Supply, Term, TermDetails

__version__ = "0.1.0"

__all__ = [
    "AmbiguousTermError",
    "BuildError",
    "EndpointError",
    "Innervation",
    "InvalidQueryError",
    "KnowledgeGraph",
    "RootClaim",
    "SpineKGError",
    "Supply",
    "Term",
    "TermDetails",
    "UnknownTermError",
    "ValidationError",
    "__version__",
    "connect",
    "describe",
    "get_term",
    "innervated_by",
    "innervation_of",
    "search_terms",
    "segmental_claims",
    "sparql",
]


def connect(url: str, *, timeout: float = 10.0) -> KnowledgeGraph:
    """Return a :class:`KnowledgeGraph` that runs the stored queries on a SPARQL endpoint.

    :param url: the endpoint's query URL (e.g. ``http://127.0.0.1:7878/query``)
    :param timeout: seconds before a request fails with :class:`EndpointError`
    :raises EndpointError: the URL is not an http(s) URL
    """
    return KnowledgeGraph.connect(url, timeout=timeout)


def get_term(text: str, kinds: Sequence[str] | None = None) -> Term:
    """Resolve a label, synonym or CURIE to a term.

    >>> get_term("fifth lumbar spinal nerve") == get_term("L5 nerve root") == get_term("l5")
    True
    >>> get_term("tibialis anterior muscle").label
    'tibialis anterior'

    :raises UnknownTermError: nothing has that name (the error suggests close names)
    :raises AmbiguousTermError: several terms share the name
    """
    return default_graph().get_term(text, kinds)


def search_terms(
    text: str, kinds: Sequence[str] | None = None, limit: int = 10
) -> tuple[Term, ...]:
    """Find terms whose label or synonym matches ``text``.

    >>> any(t.label == "tibialis anterior" for t in search_terms("tibialis"))
    True
    """
    return default_graph().search_terms(text, kinds, limit)


def describe(text: str) -> TermDetails:
    """Definition, synonyms, cross-references and sources of a term.

    >>> "L5 nerve root" in describe("L5").exact_synonyms
    True
    """
    return default_graph().describe(text)


def innervated_by(text: str) -> tuple[Supply, ...]:
    """Muscles and skin areas a root, plexus part or nerve supplies, each with its sources.

    >>> supply = {s.target.label: s for s in innervated_by("L5")}
    >>> "extensor hallucis longus" in supply and bool(supply["extensor hallucis longus"].sources)
    True

    :raises UnknownTermError: the text names no root, nerve or plexus part
    """
    return default_graph().innervated_by(text)


def innervation_of(text: str) -> Innervation:
    """The nerve path and each source's root claims for a muscle or skin area.

    >>> inn = innervation_of("tibialis anterior")
    >>> inn.nerves[0].label
    'deep fibular nerve'
    >>> "L4" in inn.any_roots and "L5" in inn.any_roots
    True

    :raises UnknownTermError: the text names no muscle or skin area
    """
    return default_graph().innervation_of(text)


def segmental_claims(text: str) -> tuple[RootClaim, ...]:
    """Every source's root-level claim about a muscle, nerve, movement or reflex.

    >>> {c.root for c in segmental_claims("tibialis anterior")} >= {"L4", "L5"}
    True
    """
    return default_graph().segmental_claims(text)


def sparql(text: str) -> list[dict[str, str]]:
    """Run a read-only SPARQL SELECT on the packaged graph (prefixes predeclared).

    >>> sparql('SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }')
    [{'l': 'fifth lumbar spinal nerve'}]

    :raises InvalidQueryError: an update, or malformed SPARQL
    """
    return default_graph().sparql(text)
