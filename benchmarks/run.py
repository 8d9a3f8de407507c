"""spinekg benchmarks: one command, ratios against baselines measured in the same run."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ONTO = ROOT / "ontology"
PY = sys.executable


def fresh(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time (s) of a command in a fresh process."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fresh_interleaved(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time (s) of each command in fresh processes, run round-robin so that drift
    in the machine's speed affects every command alike."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(ts) for name, ts in times.items()}


def warm(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 (s) of an in-process call, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


NAIVE = """
import sys, rdflib
g = rdflib.Graph()
for f in sys.argv[2:]:
    g.parse(f, format="turtle")
queries = open(sys.argv[1], encoding="utf-8").read().split("\\n#---\\n")
print(sum(len(list(g.query(q))) for q in queries))
"""

#: the engine alone: open the prebuilt store, run the same bound queries, print JSON rows, and
#: exit as the spinekg command does after a read-only answer (flush, then no teardown)
BARE = """
import os, sys, json, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[2])
rows = []
for q in open(sys.argv[1], encoding="utf-8").read().split("\\n#---\\n"):
    result = store.query(q)
    names = [v.value for v in result.variables]
    rows += [{n: s[n].value for n in names if s[n] is not None} for s in result]
sys.stdout.write(json.dumps(rows) + "\\n")
sys.stdout.flush()
os._exit(0)
"""


def cli_queries(iri: str) -> str:
    """The SPARQL the CLI runs for ``innervated-by L5`` (both stored queries, bound, without
    their ORDER BY: the API sorts the rows itself)."""
    from spinekg.queries import get_query

    return "\n#---\n".join(
        (
            get_query("innervated_by_root").bind({"root": iri}, ordered=False),
            get_query("innervated_by_nerve").bind({"nerve": iri}, ordered=False),
        )
    )


def enlarge(factor: int, out: Path) -> list[Path]:
    """Write ``factor`` renamed copies of the release (every spinekg IRI suffixed per copy)."""
    import pyoxigraph as ox

    paths = []
    for name in ("spinekg.ttl", "spinekg-relations.ttl"):
        text = (ONTO / name).read_text()
        dest = out / f"x{factor}-{name}"
        with dest.open("w") as fh:
            fh.write(text)
            body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))
            for i in range(1, factor):
                fh.write(
                    "\n"
                    + body.replace("SPINEKG_", f"SPINEKG_{i}x")
                    .replace("claim:", f"claim:{i}x")
                    .replace("src:", f"src:{i}x")
                )
        ox.parse(path=str(dest), format=ox.RdfFormat.TURTLE)  # validate it parses
        paths.append(dest)
    return paths


def peak_rss_of(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MB) of running ``code`` in a fresh interpreter."""
    proc = subprocess.run(
        [
            PY,
            "-c",
            "import resource,time,sys;t=time.perf_counter();"
            + code
            + ";print(time.perf_counter()-t, resource.getrusage("
            "resource.RUSAGE_SELF).ru_maxrss/1024)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    secs, mb = proc.stdout.split()[-2:]
    return float(secs), float(mb)


L5_LABELS = 'SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }'

#: every public API function with an example call: (label, call on a KnowledgeGraph)
PUBLIC_CALLS: list[tuple[str, Callable[[Any], object]]] = [
    ("innervated_by('L5')", lambda k: k.innervated_by("L5")),
    ("innervation_of('tibialis anterior')", lambda k: k.innervation_of("tibialis anterior")),
    ("segmental_claims('tibialis anterior')", lambda k: k.segmental_claims("tibialis anterior")),
    ("get_term('L5 nerve root')", lambda k: k.get_term("L5 nerve root")),
    ("search_terms('fibular')", lambda k: k.search_terms("fibular")),
    ("describe('L5')", lambda k: k.describe("L5")),
    ("reflex('achilles')", lambda k: k.reflex("achilles")),
    ("dermatome('L5')", lambda k: k.dermatome("L5")),
    ("roots_of_area('dorsum of foot')", lambda k: k.roots_of_area("dorsum of foot")),
    ("movement('ankle dorsiflexion')", lambda k: k.movement("ankle dorsiflexion")),
    ("key_muscles('L5')", lambda k: k.key_muscles("L5")),
    ("muscles_tested('L5')", lambda k: k.muscles_tested("L5")),
    ("plexus('upper trunk')", lambda k: k.plexus("upper trunk")),
    ("compressed_root('L4-L5')", lambda k: k.compressed_root("L4-L5")),
    ("exiting_root('L4-L5')", lambda k: k.exiting_root("L4-L5")),
    ("conditions_of('L5')", lambda k: k.conditions_of("L5")),
    ("findings_of('L5 radiculopathy')", lambda k: k.findings_of("L5 radiculopathy")),
    ("conditions_with('saddle anaesthesia')", lambda k: k.conditions_with("saddle anaesthesia")),
    ("red_flags()", lambda k: k.red_flags()),
    ("treatments_of('cauda equina syndrome')", lambda k: k.treatments_of("cauda equina syndrome")),
    ("statements(topic='course')", lambda k: k.statements("course")),
    ("disputed()", lambda k: k.disputed()),
    ("stats()", lambda k: k.stats()),
    (
        "localize(foot drop: 2 weak, 2 spared)",
        lambda k: k.localize(
            weak=["tibialis anterior", "extensor hallucis longus"],
            spared=["tibialis posterior", "gluteus medius"],
        ),
    ),
    ("sparql(labels of L5)", lambda k: k.sparql(L5_LABELS)),
]


def queries_sent(kg: Any, call: Callable[[Any], object]) -> list[str]:
    """The SPARQL texts one warm call sends to the engine (memo off)."""
    call(kg)  # first call: builds what a process builds once (index, model)
    backend = kg.backend
    sent: list[str] = []
    original = backend.select

    def spy(query: str) -> list[dict[str, str]]:
        sent.append(query)
        result: list[dict[str, str]] = original(query)
        return result

    backend.select = spy
    try:
        call(kg)
    finally:
        del backend.select
    return sent


def rdflib_runs(g: Any, prepared: list[Any]) -> int:
    """How many times to time rdflib: 20, or 3 when one run takes over half a second."""
    t = time.perf_counter()
    for q in prepared:
        list(g.query(q))
    return 3 if time.perf_counter() - t > 0.5 else 20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", type=Path, help="also write results as JSON here")
    args = ap.parse_args()
    runs = 5 if args.quick else 15
    calls = 200
    results: dict[str, object] = {}
    env = dict(os.environ)

    print("## One-shot CLI (fresh processes, run round-robin; median of", runs, "runs)")
    subprocess.run(
        ["spinekg", "innervated-by", "L5", "--format", "json"], check=True, capture_output=True
    )  # prime the store cache once
    from spinekg.backends import _release_key
    from spinekg.graph import default_graph
    from spinekg.resources import cache_dir

    l5 = default_graph().get_term("L5").iri
    store = cache_dir() / f"store-{_release_key(ONTO)[0]}"
    with tempfile.TemporaryDirectory() as tmp:
        qfile = Path(tmp) / "queries.rq"
        qfile.write_text(cli_queries(l5), encoding="utf-8")
        (Path(tmp) / "naive.py").write_text(NAIVE)
        (Path(tmp) / "bare.py").write_text(BARE)
        import pyoxigraph as ox

        empty_dir = str(Path(tmp) / "empty-store")
        one = ox.Store(empty_dir)  # one triple: what opening any store costs, data aside
        one.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o")))
        one.flush()
        del one
        one_shot = fresh_interleaved(
            {
                "floor": [PY, "-c", "import pyoxigraph"],
                "empty": [PY, "-c", f"import pyoxigraph as o; o.Store.read_only({empty_dir!r})"],
                "bare": [PY, str(Path(tmp) / "bare.py"), str(qfile), str(store)],
                "cli": ["spinekg", "innervated-by", "L5", "--format", "json"],
            },
            runs,
        )
        floor, empty, bare, cli = (one_shot[k] for k in ("floor", "empty", "bare", "cli"))
        naive = fresh(
            [
                PY,
                str(Path(tmp) / "naive.py"),
                str(qfile),
                str(ONTO / "spinekg.ttl"),
                str(ONTO / "spinekg-relations.ttl"),
            ],
            max(3, runs // 3),
        )
    print(
        f"| path | seconds | ratio |\n|---|---|---|\n| floor: import pyoxigraph | "
        f"{floor:.3f} | 1.0x |\n"
        f"| engine: open a one-triple read-only store, no query | {empty:.3f} | "
        f"{empty / floor:.1f}x floor |\n"
        f"| engine alone: open the prebuilt store, run the same two queries, print JSON, "
        f"exit as spinekg does | "
        f"{bare:.3f} | {bare / floor:.1f}x floor |\n"
        f"| spinekg CLI | {cli:.3f} | {cli / floor:.1f}x floor ({cli / bare:.2f}x the engine "
        "alone) |\n"
        f"| naive rdflib, same two queries | {naive:.3f} | {naive / cli:.0f}x slower than "
        "spinekg |"
    )
    results["cli"] = {
        "floor": floor,
        "empty_store": empty,
        "bare": bare,
        "cli": cli,
        "naive": naive,
    }

    print("\n## Warm API (in process; median and p95 over", calls, "calls)")
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    from spinekg.queries import get_query

    kg = default_graph()
    g = rdflib.Graph()
    for name in ("spinekg.ttl", "spinekg-relations.ttl"):
        g.parse(ONTO / name, format="turtle")
    l5 = kg.get_term("L5").iri
    from spinekg import KnowledgeGraph

    raw = KnowledgeGraph()
    raw._memo = None  # every call goes to the engine: the honest lower bound of a first call
    print(
        "| call | median ms | p95 ms | memo off: median ms | SPARQL sent | rdflib, same SPARQL: "
        "ms | rdflib / median | rdflib / memo off |\n|---|---|---|---|---|---|---|---|"
    )
    warm_res = {}
    for label, call in PUBLIC_CALLS:
        sent = queries_sent(raw, call)
        med, p95 = warm(lambda c=call: c(kg), calls)
        off, _ = warm(lambda c=call: c(raw), calls)
        if sent:
            prepared = [prepareQuery(q) for q in sent]
            base, _ = warm(
                lambda p=prepared: [list(g.query(q)) for q in p], rdflib_runs(g, prepared)
            )
            cells = f"{base * 1e3:.1f} | {base / med:.0f}x | {base / off:.0f}x"
        else:
            base = None
            cells = "- | no query: answered from memory | -"
        print(
            f"| {label} | {med * 1e3:.2f} | {p95 * 1e3:.2f} | {off * 1e3:.2f} | {len(sent)} "
            f"| {cells} |"
        )
        warm_res[label] = {"median": med, "p95": p95, "memo_off": off, "rdflib": base}
    results["warm"] = warm_res

    print("\n## Scaling: load time and peak memory, cold one-shot and warm query")
    print(
        "| data | triples | build prebuilt store s (first use) | its peak MB "
        "| parse into memory s (no cache dir) | its peak MB "
        "| prebuilt store open+query s (median of 5) | warm query ms |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    scale = {}
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10, 100):
            files = enlarge(factor, Path(tmp))
            load_code = "import pyoxigraph as ox;s=ox.Store();" + ";".join(
                f"s.bulk_load(path={str(f)!r}, format=ox.RdfFormat.TURTLE)" for f in files
            )
            secs, mb = peak_rss_of(load_code, env)
            store_dir = Path(tmp) / f"store{factor}"
            build_secs, build_mb = peak_rss_of(
                load_code.replace("ox.Store()", f"ox.Store({str(store_dir)!r})")
                + ";s.flush();s.optimize()",
                env,
            )
            q = get_query("innervated_by_root").bind({"root": l5})
            open_code = (
                f"import pyoxigraph as ox;s=ox.Store.read_only({str(store_dir)!r});"
                f"r=list(s.query({q!r}))"
            )
            # median of five fresh processes: one run is at the mercy of the machine's noise
            open_secs = statistics.median(peak_rss_of(open_code, env)[0] for _ in range(5))
            import pyoxigraph as ox

            st = ox.Store.read_only(str(store_dir))
            n = len(st)
            med, _ = warm(lambda st=st, q=q: list(st.query(q)), 50)
            del st
            scale[factor] = {
                "triples": n,
                "build_store_s": build_secs,
                "build_store_peak_mb": build_mb,
                "parse_s": secs,
                "peak_mb": mb,
                "open_query_s": open_secs,
                "warm_ms": med * 1e3,
            }
            print(
                f"| {factor}x | {n} | {build_secs:.2f} | {build_mb:.0f} | {secs:.2f} | {mb:.0f} "
                f"| {open_secs:.3f} | {med * 1e3:.2f} |"
            )
    results["scaling"] = scale
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
