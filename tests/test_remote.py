"""Embedded and remote backends answer every stored query identically (real Oxigraph server)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import urllib.parse
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


def _select_json(url: str, query: str) -> list[dict[str, dict[str, str]]]:
    req = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        bindings: list[dict[str, dict[str, str]]] = json.load(resp)["results"]["bindings"]
    return bindings


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_cli_serve_answers_over_http_and_stops_its_server() -> None:
    """`spinekg serve` prints its URL, answers SPARQL over HTTP, and SIGTERM stops the server."""
    from spinekg.server import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "spinekg", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    killer = threading.Timer(90, proc.kill)  # never hang the suite
    killer.start()
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in line, (line, proc.stderr)
        url = line.split()[3]
        rows = _select_json(
            url,
            "PREFIX skg: <https://w3id.org/spinekg/vocab/> PREFIX rdfs: "
            "<http://www.w3.org/2000/01/rdf-schema#> "
            'SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }',
        )
        assert [r["l"]["value"] for r in rows] == ["fifth lumbar spinal nerve"]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
        with pytest.raises(OSError):  # the Oxigraph child stopped with it
            _select_json(url, COUNT)
    finally:
        killer.cancel()
        if proc.poll() is None:
            proc.kill()


def test_cli_load_pushes_the_release_into_a_graph_store(tmp_path: Path, kg: KnowledgeGraph) -> None:
    """`spinekg load --endpoint URL` (alias of --store) posts the release; the store then
    holds every triple."""
    proc, base = start(tmp_path, read_only=False)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "spinekg", "load", "--endpoint", f"{base}/store"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "loaded 2 file(s)" in done.stdout
        remote_count = int(_select_json(f"{base}/query", COUNT)[0]["n"]["value"])
        assert remote_count == int(kg.sparql(COUNT)[0]["n"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cli_load_refused_is_one_line_error(tmp_path: Path) -> None:
    from spinekg.server import free_port

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "spinekg",
            "load",
            "--store",
            f"http://127.0.0.1:{free_port()}/store",
            "--timeout",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("spinekg: error: cannot reach") and done.stderr.count("\n") == 1
