"""Embedded and remote backends answer every stored query identically (real Oxigraph server)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from spinekg import EndpointError, KnowledgeGraph
from spinekg.queries import registry
from spinekg.server import load_location, start


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    location = tmp_path_factory.mktemp("oxigraph")
    load_location(Path(location))
    proc, base = start(Path(location))
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def remote(endpoint: str) -> KnowledgeGraph:
    return KnowledgeGraph.connect(f"{endpoint}/query", timeout=20)


def _canon(rows: list[dict[str, str]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


@pytest.mark.parametrize("name", sorted(registry()))
def test_stored_query_parity(name: str, kg: KnowledgeGraph, remote: KnowledgeGraph) -> None:
    params = dict(registry()[name].examples)
    assert _canon(kg.query(name, **params)) == _canon(remote.query(name, **params))


def test_api_parity(kg: KnowledgeGraph, remote: KnowledgeGraph) -> None:
    assert kg.innervated_by("L5") == remote.innervated_by("L5")
    assert kg.get_term("fifth lumbar spinal nerve") == remote.get_term("L5 nerve root")


def test_server_is_read_only(endpoint: str) -> None:
    req = urllib.request.Request(
        f"{endpoint}/update",
        data=b"update=DROP%20ALL",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req, timeout=5)


def test_refused_connection_is_endpoint_error() -> None:
    from spinekg.server import free_port

    kg = KnowledgeGraph.connect(f"http://127.0.0.1:{free_port()}/query", timeout=2)
    with pytest.raises(EndpointError):
        kg.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
