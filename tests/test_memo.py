"""Answers over the immutable embedded release are memoized: the engine is asked once, every
caller gets the same rows, and no caller can change what the next one gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinekg import InvalidQueryError, KnowledgeGraph
from spinekg.backends import Row

Q = 'SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }'


class Counting:
    """Wraps a backend and counts the queries that reach it."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.immutable = getattr(inner, "immutable", False)
        self.sent: list[str] = []

    def select(self, query: str) -> list[Row]:
        self.sent.append(query)
        return self.inner.select(query)  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
def counted(mini_root: Path) -> tuple[KnowledgeGraph, Counting]:
    onto = mini_root / "ontology"
    plain = KnowledgeGraph(paths=[onto / "spinekg.ttl", onto / "spinekg-relations.ttl"])
    backend = Counting(plain.backend)
    return KnowledgeGraph(backend), backend  # type: ignore[arg-type]


def test_adhoc_sparql_reaches_the_engine_once_and_hands_out_copies(
    counted: tuple[KnowledgeGraph, Counting],
) -> None:
    kg, backend = counted
    first = kg.sparql(Q)
    assert first and backend.sent.count(backend.sent[0]) == 1
    first[0]["l"] = "changed by the caller"
    first.append({"l": "added by the caller"})
    again = kg.sparql(Q)
    assert len(backend.sent) == 1
    assert again == kg.sparql(Q) and again[0]["l"] != "changed by the caller"
    assert len(again) == len(first) - 1


def test_large_adhoc_answers_are_not_kept(counted: tuple[KnowledgeGraph, Counting]) -> None:
    kg, backend = counted
    kg._MEMO_MAX_ROWS = 0  # type: ignore[misc]  # every answer is "large" here
    kg.sparql(Q)
    kg.sparql(Q)
    assert len(backend.sent) == 2


def test_updates_are_refused_every_time(counted: tuple[KnowledgeGraph, Counting]) -> None:
    kg, backend = counted
    for _ in range(2):
        with pytest.raises(InvalidQueryError):
            kg.sparql("DELETE WHERE { ?s ?p ?o }")
    assert backend.sent == []


def test_stored_queries_reach_the_engine_once(counted: tuple[KnowledgeGraph, Counting]) -> None:
    kg, backend = counted
    first = kg.innervated_by("L5")
    sent = len(backend.sent)
    assert sent > 0 and kg.innervated_by("L5") == first and len(backend.sent) == sent
    rows = kg.query("innervated_by_root", root="L5")
    rows[0]["target"] = "changed by the caller"
    assert kg.query("innervated_by_root", root="L5")[0]["target"] != "changed by the caller"


def test_memo_is_bounded(counted: tuple[KnowledgeGraph, Counting]) -> None:
    kg, _ = counted
    kg._MEMO_SIZE = 3  # type: ignore[misc]
    for i in range(10):
        kg.sparql(f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {i + 1}")
    assert kg._memo is not None and len(kg._memo) <= 3


def test_remote_answers_are_never_memoized(counted: tuple[KnowledgeGraph, Counting]) -> None:
    _, backend = counted
    backend.immutable = False  # as a remote endpoint says: its data may change
    remote = KnowledgeGraph(backend)  # type: ignore[arg-type]
    remote.sparql(Q)
    remote.sparql(Q)
    assert len(backend.sent) == 2


def test_describe_is_derived_once_per_term(counted: tuple[KnowledgeGraph, Counting]) -> None:
    kg, backend = counted
    first = kg.describe("L5")
    sent = len(backend.sent)
    assert kg.describe("L5 nerve root") is first and len(backend.sent) == sent
    backend.immutable = False
    remote = KnowledgeGraph(backend)  # type: ignore[arg-type]
    assert remote.describe("L5") == first and remote.describe("L5") is not first
