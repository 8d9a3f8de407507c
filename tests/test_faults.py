"""A misbehaving SPARQL endpoint: every fault is one clear EndpointError within timeout + 1 s."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from spinekg import EndpointError, KnowledgeGraph
from spinekg.server import free_port

TIMEOUT = 1.5
GOOD = (
    b'{"head": {"vars": ["x"]}, '
    b'"results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'
)


class Handler(BaseHTTPRequestHandler):
    calls: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        mode = self.path.strip("/").split("/")[0]
        Handler.calls[mode] = Handler.calls.get(mode, 0) + 1
        if mode == "slow":
            time.sleep(TIMEOUT + 2)
            self._send(200, "application/sparql-results+json", GOOD)
        elif mode == "e500":
            self._send(500, "text/plain", b"boom")
        elif mode == "e404":
            self._send(404, "text/plain", b"nope")
        elif mode == "malformed":
            self._send(200, "application/sparql-results+json", b'{"head": {"vars": [')
        elif mode == "wrongtype":
            self._send(200, "text/html", b"<html>hello</html>")
        elif mode == "notresults":
            self._send(200, "application/sparql-results+json", b'{"boolean": true}')
        elif mode == "partial":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(GOOD) + 100))
            self.end_headers()
            self.wfile.write(GOOD[:20])
            self.wfile.flush()
        else:
            self._send(200, "application/sparql-results+json", GOOD)

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.mark.parametrize(
    "mode", ["slow", "e500", "e404", "malformed", "wrongtype", "notresults", "partial"]
)
def test_fault_gives_one_endpoint_error_in_time(server: str, mode: str) -> None:
    kg = KnowledgeGraph.connect(f"{server}/{mode}/query", timeout=TIMEOUT)
    start = time.monotonic()
    with pytest.raises(EndpointError) as info:
        kg.sparql("SELECT ?x WHERE { ?x ?p ?o }")
    assert time.monotonic() - start < TIMEOUT + 1
    assert str(info.value).count("\n") == 0


def test_retries_are_bounded_and_only_for_transient_errors(server: str) -> None:
    Handler.calls.clear()
    for mode in ("e500", "e404", "malformed"):
        kg = KnowledgeGraph.connect(f"{server}/{mode}/query", timeout=TIMEOUT)
        with pytest.raises(EndpointError):
            kg.sparql("SELECT ?x WHERE { ?x ?p ?o }")
    assert Handler.calls["e500"] == 2  # one retry after a 5xx
    assert Handler.calls["e404"] == 1  # never for a client error
    assert Handler.calls["malformed"] == 1


def test_good_endpoint_answers(server: str) -> None:
    kg = KnowledgeGraph.connect(f"{server}/ok/query", timeout=TIMEOUT)
    assert kg.sparql("SELECT ?x WHERE { ?x ?p ?o }") == [{"x": "1"}]


@pytest.mark.parametrize("url", ["ftp://x", "not a url", "", "http://"])
def test_bad_endpoint_url(url: str) -> None:
    with pytest.raises(EndpointError):
        KnowledgeGraph.connect(url)


def test_old_prebuilt_stores_are_pruned_but_the_current_one_kept(tmp_path: Path) -> None:
    import os
    import time

    from spinekg.backends import prune_stores

    old, recent, keep = (tmp_path / f"store-{n}" for n in ("old", "recent", "keep"))
    for d in (old, recent, keep):
        d.mkdir()
        (d / "SPINEKG_COMPLETE").write_text("x")
    past = time.time() - 40 * 86400
    os.utime(old / "SPINEKG_COMPLETE", (past, past))
    os.utime(keep / "SPINEKG_COMPLETE", (past, past))
    (tmp_path / "other").mkdir()
    removed = prune_stores(tmp_path, keep=keep)
    assert removed == [old]
    assert recent.exists() and keep.exists() and (tmp_path / "other").exists()


def test_on_disk_store_copied_into_memory_gives_the_same_answers(tmp_path: Path) -> None:
    """A long-running process copies the read-only store into memory after a few queries; the
    answers stay the same. With ``promote_after_s = None`` (the one-shot CLI) it never does."""
    from spinekg import KnowledgeGraph
    from spinekg.backends import open_release
    from spinekg.resources import ONTOLOGY

    q = 'SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }'
    # each text differs (a comment), so every call reaches the store past the answer memo
    kg = KnowledgeGraph(open_release(ONTOLOGY, str(tmp_path)))
    kg.backend.promote_after_s = 1e-9  # type: ignore[attr-defined]  # copy after one query
    before = kg.sparql(q)
    assert kg.backend._on_disk  # type: ignore[attr-defined]
    kg.sparql(q + " # 1")
    assert not kg.backend._on_disk  # type: ignore[attr-defined]
    assert kg.sparql(q + " # 2") == before == [{"l": "fifth lumbar spinal nerve"}]

    stays = KnowledgeGraph(open_release(ONTOLOGY, str(tmp_path)))
    stays.backend.promote_after_s = None  # type: ignore[attr-defined]
    for i in range(10):
        assert stays.sparql(f"{q} # {i}") == before
    assert stays.backend._on_disk  # type: ignore[attr-defined]
