"""The stored-query registry: every file parses, declares its parameters and runs."""

from __future__ import annotations

import pytest

from spinekg import KnowledgeGraph
from spinekg.errors import InvalidQueryError
from spinekg.queries import parse_query_file, registry
from spinekg.resources import QUERIES_DIR

KNOWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_GAPS[n], strict=True))
        if n in KNOWN_GAPS
        else n
        for n in sorted(registry())
    ],
)
def test_query_header_and_example(name: str, kg: KnowledgeGraph) -> None:
    q = registry()[name]
    assert q.summary
    declared = {p.name for p in q.params}
    assert {k for k, _ in q.examples} == declared
    rows = kg.query(name, **dict(q.examples))
    if q.params:
        assert rows, f"{name} returned nothing for its example {q.examples}"
    for row in rows[:5]:
        assert set(row) <= set(q.returns) | {"term"}


def test_header_must_declare_parameters(tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "bad.rq"
    p.write_text("#+ summary: x\nSELECT * WHERE { ?_undeclared ?p ?o }\n")
    with pytest.raises(InvalidQueryError):
        parse_query_file(p)


def test_qc_and_api_queries_are_separate() -> None:
    assert all(not n.endswith("-violation") for n in registry())
    assert (QUERIES_DIR / "qc").is_dir()


@pytest.mark.parametrize("name", ["innervated_by_root", "innervated_by_nerve", "segmental_claims"])
def test_unordered_text_drops_only_the_order(name: str, kg: KnowledgeGraph) -> None:
    """The API runs these without ORDER BY (it sorts in Python): same rows, any order."""
    q = registry()[name]
    iris = {p.name: kg.resolve(v).iri for p, (_, v) in zip(q.params, q.examples, strict=True)}
    ordered, unordered = q.bind(iris), q.bind(iris, ordered=False)
    assert "ORDER BY" in ordered and "ORDER BY" not in unordered
    key = lambda r: sorted(r.items())  # noqa: E731
    a = sorted(kg.backend.select(ordered), key=key)
    b = sorted(kg.backend.select(unordered), key=key)
    assert a and a == b
