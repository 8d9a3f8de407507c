"""Injection payloads, concurrency and fuzzed input on the public API and CLI."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spinekg
from spinekg import KnowledgeGraph, SpineKGError
from spinekg.queries import registry

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "data" / "injection_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


def _size(kg: KnowledgeGraph) -> int:
    return int(kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])


def test_corpus_is_large_enough() -> None:
    assert len(PAYLOADS) >= 50


def test_injection_through_every_parameter(mini_kg: KnowledgeGraph) -> None:
    """Every payload through every parameter of every stored query: unknown term, nothing else."""
    before = _size(mini_kg)
    for name, q in registry().items():
        for p in q.params:
            for payload in PAYLOADS:
                with pytest.raises(SpineKGError) as info:
                    mini_kg.query(name, **{p.name: payload})
                assert isinstance(
                    info.value, (spinekg.UnknownTermError, spinekg.AmbiguousTermError)
                ), (name, payload)
    assert _size(mini_kg) == before


def test_updates_never_run(mini_kg: KnowledgeGraph) -> None:
    before = _size(mini_kg)
    for payload in PAYLOADS:
        try:
            mini_kg.sparql(payload)
        except SpineKGError:
            pass
    assert _size(mini_kg) == before


def test_concurrent_calls_match_sequential(mini_kg: KnowledgeGraph) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: mini_kg.innervated_by("L5"),
        lambda: mini_kg.innervated_by("sciatic nerve"),
        lambda: mini_kg.innervation_of("tibialis anterior"),
        lambda: mini_kg.innervation_of("medial head of gastrocnemius"),
        lambda: mini_kg.get_term("L5 nerve root"),
        lambda: mini_kg.search_terms("fibular"),
        lambda: mini_kg.segmental_claims("tibialis anterior"),
        lambda: mini_kg.dermatome("L5"),
    ]
    expected = [c() for c in calls]
    errors: list[str] = []

    def worker(seed: int) -> None:
        for i in range(1000):
            k = (seed * 7 + i) % len(calls)
            if calls[k]() != expected[k]:
                errors.append(f"thread {seed} call {k}")

    threads = [threading.Thread(target=worker, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


TEXT_FUNCTIONS = [
    "get_term",
    "search_terms",
    "describe",
    "innervated_by",
    "innervation_of",
    "segmental_claims",
    "reflex",
    "dermatome",
    "roots_of_area",
    "movement",
    "key_muscles",
    "muscles_tested",
    "plexus",
    "exiting_root",
    "conditions_of",
    "findings_of",
    "conditions_with",
    "treatments_of",
]
EXAMPLES = int(os.environ.get("SPINEKG_FUZZ_EXAMPLES", "60"))

hostile = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.sampled_from(PAYLOADS),
    st.builds(lambda n: "L" * n, st.integers(0, 2000)),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\n\t",
            "UBERON:0001385",
            "HP:0001324",
            "MONDO:0005693",
            "SPINEKG:",
            "SPINEKG:9999999",
            "<http://example.org/x>",
            "https://w3id.org/spinekg/SPINEKG_0000001",
            "x" * 1_000_000,
        ]
    ),
)


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=hostile)
def test_public_functions_raise_only_documented_errors(name: str, text: str) -> None:
    try:
        getattr(spinekg, name)(text)
    except (SpineKGError, ValueError):
        pass  # documented: SpineKGError subclasses (some are also ValueError/KeyError)


@settings(max_examples=EXAMPLES, deadline=None)
@given(disc=hostile, kind=hostile)
def test_compressed_root_fuzz(disc: str, kind: str) -> None:
    try:
        spinekg.compressed_root(disc, kind)
    except SpineKGError:
        pass


@settings(max_examples=max(10, EXAMPLES // 4), deadline=None)
@given(text=st.one_of(st.text(max_size=100), st.sampled_from(PAYLOADS)))
def test_cli_never_tracebacks(text: str) -> None:
    from spinekg._docs import run_cli

    for cmd in ("innervated-by", "innervation-of", "get-term", "conditions-of", "sparql"):
        code, out = run_cli(f"{cmd} {__import__('shlex').quote(text)}")
        assert code in (0, 1, 2), out  # 2: argparse usage error (e.g. a term starting "-")
        assert "Traceback" not in out
