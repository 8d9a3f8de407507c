"""The ``spinekg`` command line: one command per API function, thin over the public API."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any, TypeAlias

    #: parsed arguments: argparse's, or the quick parser's (see :func:`quick_parse`)
    Args: TypeAlias = "argparse.Namespace | Parsed"
    Handler = Callable[[Args], Any]

DISCLAIMER = (
    "Educational reference, not medical advice: do not use spinekg to diagnose or treat anyone."
)


#: set by :func:`run`: this process answers one command and exits
_one_shot = False


def _graph(args: Args) -> Any:
    from .backends import EmbeddedBackend
    from .graph import KnowledgeGraph, default_graph

    if getattr(args, "endpoint", None):
        return KnowledgeGraph.connect(args.endpoint, timeout=args.timeout)
    kg = default_graph()
    if _one_shot and isinstance(kg.backend, EmbeddedBackend):
        kg.backend.promote_after_s = None  # copying the store into memory would not pay off
    return kg


# --------------------------------------------------------------------------- output


def _as_dicts(result: Any) -> list[dict[str, Any]]:
    if hasattr(result, "as_dict"):  # one typed result (results are NamedTuples: test first)
        return [result.as_dict()]
    if isinstance(result, list | tuple):
        return [r.as_dict() if hasattr(r, "as_dict") else dict(r) for r in result]
    return [dict(result)]


def _cell(value: Any) -> str:
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict):
                if "root" in v and "source" in v:
                    parts.append(f"{v['root']}:{v.get('strength', '')}@{v['source']}")
                else:
                    parts.append(str(v.get("label", v)))
            elif isinstance(v, list):
                parts.append(" > ".join(map(str, v)))
            else:
                parts.append(str(v))
        return "; ".join(parts)
    if isinstance(value, dict):
        return str(value.get("label", value))
    return "" if value is None else str(value)


def emit(result: Any, fmt: str, columns: Sequence[str] | None = None) -> None:
    """Print ``result`` as a table, TSV or JSON (a list of objects)."""
    rows = _as_dicts(result)
    if fmt == "json":
        # indented for a person at a terminal; compact in a pipe, written without importing
        # json (and with it re): the same text as json.dumps(rows, ensure_ascii=False)
        if sys.stdout.isatty():
            import json

            sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        else:
            from ._jsonout import dumps

            sys.stdout.write(dumps(rows) + "\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    table = [[_cell(r.get(c)) for c in cols] for r in rows]
    if fmt == "tsv":
        print("\t".join(cols))
        for line in table:
            print("\t".join(c.replace("\t", " ").replace("\n", " ") for c in line))
        return
    if not rows:
        print("(no results)")
        return
    widths = [min(60, max(len(c), *(len(line[i]) for line in table))) for i, c in enumerate(cols)]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for line in table:
        print(
            "  ".join(
                (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
                for v, w in zip(line, widths, strict=True)
            ).rstrip()
        )


# --------------------------------------------------------------------------- commands


def _innervated_by(a: Args) -> None:
    emit(
        _graph(a).innervated_by(a.term),
        a.format,
        ["label", "curie", "kind", "basis", "roots", "support", "via", "claims"],
    )


def _innervation_of(a: Args) -> None:
    inn = _graph(a).innervation_of(a.term)
    if a.format != "table":
        emit(inn, a.format)
        return
    print(f"{inn.target.label} ({inn.target.curie})")
    for path in inn.paths:
        print("  nerve path: " + " > ".join(t.label for t in path))
    print(f"  roots named by every source: {', '.join(inn.consensus_roots) or '-'}")
    print(f"  roots named by most sources: {', '.join(inn.majority_roots) or '-'}")
    support = ", ".join(f"{r} {k}" for r, k in inn.root_support.items())
    n = len(inn.sources)
    print(f"  roots named by some source:  {', '.join(inn.any_roots) or '-'}")
    print(f"  sources naming each root:    {support or '-'} (of {n})")
    emit(
        [c.as_dict() for c in inn.claims],
        "table",
        ["root", "strength", "source", "source_kind", "about", "locator", "note"],
    )


def _get_term(a: Args) -> None:
    emit(_graph(a).get_term(a.term, a.kind or None), a.format)


def _describe(a: Args) -> None:
    emit(_graph(a).describe(a.term), a.format)


def _search(a: Args) -> None:
    emit(_graph(a).search_terms(a.text, a.kind or None, a.limit), a.format)


def _claims(a: Args) -> None:
    emit(_graph(a).segmental_claims(a.term), a.format)


def _simple(method: str, *argnames: str) -> Handler:
    def handler(a: Args) -> None:
        emit(getattr(_graph(a), method)(*(getattr(a, n) for n in argnames)), a.format)

    handler.__name__ = f"_{method}"
    return handler


def _stats(a: Args) -> None:
    emit([{"kind": k, "count": v} for k, v in _graph(a).stats().items()], a.format)


def _compressed_root(a: Args) -> None:
    from .errors import SpineKGError

    disc = a.disc or a.disc_pos
    if not disc:
        raise SpineKGError(
            "compressed-root needs a disc level, e.g. `spinekg compressed-root L4-L5`"
        )
    emit(_graph(a).compressed_root(disc, a.type), a.format)


def _serve(a: Args) -> None:
    from .server import serve

    serve(a.bind, a.port)


def _load(a: Args) -> None:
    from .server import push

    n = push(a.store, timeout=a.timeout)
    print(f"loaded {n} file(s) into {a.store}")


def _statements(a: Args) -> None:
    emit(
        _graph(a).statements(a.topic, a.condition),
        a.format,
        ["topic", "condition", "statement", "sources", "source_kind", "locator"],
    )


def _chart(a: Args) -> None:
    from .chart import chart_as_rows, render_chart, segmental_chart

    data = segmental_chart(_graph(a), a.region)
    if a.output:
        path = render_chart(data, a.output)
        print(f"wrote {path} ({len(data.rows)} muscles x {len(data.roots)} roots)")
        return
    emit(chart_as_rows(data), a.format)


def _dermatomes(a: Args) -> None:
    emit(_graph(a).dermatomes(), a.format)


def _localize(a: Args) -> None:
    from .errors import InvalidQueryError

    reflexes = {}
    for item in a.reflex or []:
        name, sep, state = item.rpartition("=")
        if not sep:
            raise InvalidQueryError(f"--reflex must look like NAME=STATE, got {item!r}")
        reflexes[name] = state
    loc = _graph(a).localize(
        weak=a.weak or [],
        spared=a.spared or [],
        sensory_loss=a.numb or [],
        reflexes=reflexes,
        limit=a.limit,
    )
    if a.format == "json":
        import json

        json.dump(loc.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    emit(
        list(loc.candidates),
        a.format,
        [
            "rank",
            "label",
            "kind",
            "score",
            "fit",
            "tied",
            "explains",
            "contradicts",
            "unexplained",
            "uncertain",
            "same_as",
            "sources",
        ],
    )
    if a.format == "table":
        nxt = loc.next_test.label if loc.next_test else "-"
        print(f"next test: {nxt} ({loc.next_test_reason})")


def _queries(a: Args) -> None:
    from .queries import registry

    emit(
        [
            {
                "name": q.name,
                "summary": q.summary,
                "params": ", ".join(f"{p.name} ({'|'.join(p.kinds)})" for p in q.params),
            }
            for q in registry().values()
        ],
        a.format,
    )


def _query(a: Args) -> None:
    params = {}
    for item in a.param or []:
        key, sep, value = item.partition("=")
        if not sep:
            from .errors import InvalidQueryError

            raise InvalidQueryError(f"--param must look like NAME=VALUE, got {item!r}")
        params[key] = value
    emit(_graph(a).query(a.name, **params), a.format)


def _sparql(a: Args) -> None:
    emit(_graph(a).sparql(a.text), a.format)


def _build(a: Args) -> None:
    from .builder import build
    from .resources import project_root

    root = project_root()
    stale = build(root, check=a.check)
    if a.check and stale:
        print(
            f"stale generated files (run `spinekg build`): "
            f"{', '.join(str(p.relative_to(root)) for p in stale)}",
            file=sys.stderr,
        )
        raise SystemExit(1)
    print("up to date" if not stale else f"wrote {len(stale)} file(s)")


def _validate(a: Args) -> None:
    from .validate import validate

    report = validate(reasoner=not a.no_reasoner)
    print(report.text())
    if not report.ok:
        raise SystemExit(1)


COMMANDS: list[tuple[str, Handler, str, str, list[tuple[tuple[str, ...], dict[str, Any]]]]] = [
    (
        "innervated-by",
        _innervated_by,
        "muscles and skin areas a root, plexus part or nerve supplies, with sources",
        "spinekg innervated-by L5 --format json",
        [(("term",), {"help": "a root (L5), plexus part or nerve"})],
    ),
    (
        "innervation-of",
        _innervation_of,
        "nerve path and every source's root claims for a muscle or skin area",
        'spinekg innervation-of "medial head of gastrocnemius"',
        [(("term",), {"help": "a muscle or skin area"})],
    ),
    (
        "get-term",
        _get_term,
        "resolve a label, synonym or CURIE to a term",
        'spinekg get-term "L5 nerve root"',
        [(("term",), {}), (("--kind",), {"action": "append", "help": "accepted kind(s)"})],
    ),
    (
        "describe",
        _describe,
        "definition, synonyms, xrefs and sources of a term",
        "spinekg describe L5",
        [(("term",), {})],
    ),
    (
        "search",
        _search,
        "find terms by label or synonym",
        "spinekg search fibular",
        [
            (("text",), {}),
            (("--kind",), {"action": "append"}),
            (("--limit",), {"type": int, "default": 10}),
        ],
    ),
    (
        "segmental-claims",
        _claims,
        "every source's root claim about a muscle, nerve, movement or reflex",
        'spinekg segmental-claims "tibialis anterior"',
        [(("term",), {})],
    ),
    (
        "reflex",
        _simple("reflex", "term"),
        "roots, afferent and efferent nerves and muscles of a reflex",
        'spinekg reflex "patellar reflex"',
        [(("term",), {})],
    ),
    (
        "dermatome",
        _simple("dermatome", "term"),
        "skin areas and ISNCSCI key point of a root's dermatome",
        "spinekg dermatome L5",
        [(("term",), {"help": "a root"})],
    ),
    (
        "roots-of-area",
        _simple("roots_of_area", "term"),
        "roots and cutaneous nerves that supply a skin area",
        'spinekg roots-of-area "dorsum of foot"',
        [(("term",), {})],
    ),
    (
        "movement",
        _simple("movement", "term"),
        "muscles, nerves and roots of a movement",
        'spinekg movement "ankle dorsiflexion"',
        [(("term",), {})],
    ),
    (
        "key-muscles",
        _simple("key_muscles", "term"),
        "ISNCSCI key movement and muscles of a root",
        "spinekg key-muscles C5",
        [(("term",), {"help": "a root"})],
    ),
    (
        "muscles-tested",
        _simple("muscles_tested", "term"),
        "muscles a root supplies, key muscles first",
        "spinekg muscles-tested L5",
        [(("term",), {"help": "a root"})],
    ),
    (
        "disputed",
        _simple("disputed"),
        "claims where sources name different roots, side by side",
        "spinekg disputed --format json",
        [],
    ),
    (
        "plexus",
        _simple("plexus", "term"),
        "parts and branches of a plexus with the roots forming each",
        'spinekg plexus "brachial plexus"',
        [(("term",), {})],
    ),
    ("stats", _stats, "counts of terms, claims and sources", "spinekg stats", []),
    (
        "compressed-root",
        _compressed_root,
        "which root a disc herniation compresses",
        "spinekg compressed-root --disc L4-L5 --type paracentral",
        [
            (("disc_pos",), {"nargs": "?", "metavar": "DISC", "help": "disc level, e.g. L4-L5"}),
            (("--disc",), {"help": "disc level (same as the positional DISC)"}),
            (
                ("--type",),
                {
                    "default": "paracentral",
                    "help": "paracentral (posterolateral), foraminal (far lateral), central or all",
                },
            ),
        ],
    ),
    (
        "exiting-root",
        _simple("exiting_root", "term"),
        "root(s) leaving the canal at a foramen, disc level or vertebra",
        "spinekg exiting-root L4-L5",
        [(("term",), {})],
    ),
    (
        "conditions-of",
        _simple("conditions_of", "term"),
        "conditions affecting a root, nerve, disc or region",
        "spinekg conditions-of L5",
        [(("term",), {})],
    ),
    (
        "findings-of",
        _simple("findings_of", "term"),
        "sourced findings of a condition",
        'spinekg findings-of "L5 radiculopathy"',
        [(("term",), {})],
    ),
    (
        "conditions-with",
        _simple("conditions_with", "term"),
        "conditions that produce a finding",
        'spinekg conditions-with "saddle anaesthesia"',
        [(("term",), {})],
    ),
    (
        "red-flags",
        _simple("red_flags"),
        "emergency conditions and red-flag findings",
        "spinekg red-flags",
        [],
    ),
    (
        "treatments-of",
        _simple("treatments_of", "term"),
        "sourced educational statements on managing a condition (not advice)",
        'spinekg treatments-of "lumbar disc herniation"',
        [(("term",), {})],
    ),
    (
        "statements",
        _statements,
        "sourced educational statements (anatomy, course, sleep...); not advice",
        "spinekg statements --topic course",
        [(("--topic",), {}), (("--condition",), {})],
    ),
    (
        "localize",
        _localize,
        "rank single lesions that explain weak and spared muscles, numb areas and reflexes",
        'spinekg localize --weak "tibialis anterior" --weak '
        '"extensor hallucis longus" --spared "tibialis posterior" '
        '--reflex "achilles reflex=normal"',
        [
            (("--weak",), {"action": "append", "help": "weak muscle, movement or muscle group"}),
            (("--spared",), {"action": "append", "help": "muscle or movement of normal strength"}),
            (("--numb",), {"action": "append", "help": "numb skin area or dermatome"}),
            (("--reflex",), {"action": "append", "help": "NAME=normal|reduced|absent|increased"}),
            (("--limit",), {"type": int, "default": 10}),
        ],
    ),
    (
        "chart",
        _chart,
        "segmental chart of a region: muscles by nerve against roots (svg, png or html)",
        "spinekg chart --region lower-limb -o chart.svg",
        [
            (("--region",), {"default": "lower-limb", "help": "upper-limb, lower-limb or trunk"}),
            (("-o", "--output"), {"help": "file to write (.svg, .png or .html); else print"}),
        ],
    ),
    (
        "dermatomes",
        _dermatomes,
        "every dermatome with its ISNCSCI key sensory point and skin areas",
        "spinekg dermatomes --format json",
        [],
    ),
    ("queries", _queries, "list the stored queries", "spinekg queries", []),
    (
        "query",
        _query,
        "run a stored query by name",
        "spinekg query innervated_by_root --param root=L5",
        [(("name",), {}), (("--param",), {"action": "append", "help": "NAME=VALUE"})],
    ),
    (
        "sparql",
        _sparql,
        "run a read-only SPARQL SELECT (prefixes predeclared)",
        "spinekg sparql 'SELECT ?l WHERE { ?s skg:short_name \"L5\" ; rdfs:label ?l }'",
        [(("text",), {})],
    ),
    (
        "serve",
        _serve,
        "serve the release as a read-only SPARQL endpoint with a query UI (needs oxigraph)",
        "spinekg serve --port 7878",
        [
            (("--bind",), {"default": "127.0.0.1", "help": "address to listen on"}),
            (("--port",), {"type": int, "default": 7878, "help": "port to listen on"}),
        ],
    ),
    (
        "load",
        _load,
        "push the release into a store that accepts the SPARQL Graph Store Protocol",
        "spinekg load --store http://127.0.0.1:7878/store",
        [
            (
                ("--store", "--endpoint"),
                {
                    "dest": "store",
                    "required": True,
                    "metavar": "URL",
                    "help": "the store's Graph Store Protocol URL (Oxigraph: http://HOST/store)",
                },
            ),
            (("--timeout",), {"type": float, "default": 60.0, "help": "seconds per file"}),
        ],
    ),
    (
        "build",
        _build,
        "build the ontology from ontology/src/*.tsv (developers)",
        "spinekg build --check",
        [(("--check",), {"action": "store_true", "help": "fail if generated files are stale"})],
    ),
    (
        "validate",
        _validate,
        "SHACL shapes, QC queries and the OWL reasoner (developers)",
        "spinekg validate",
        [(("--no-reasoner",), {"action": "store_true"})],
    ),
]


#: options every query command takes
_QUERY_OPTIONS: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (("--format",), {"choices": ("table", "json", "tsv"), "default": "table"}),
    (
        ("--endpoint",),
        {"metavar": "URL", "help": "query this SPARQL endpoint instead of the embedded graph"},
    ),
    (("--timeout",), {"type": float, "default": 10.0, "help": "endpoint timeout (s)"}),
]
#: commands that do not query the graph: no --format, --endpoint or endpoint --timeout
_NOT_QUERIES = frozenset(("serve", "load", "build", "validate"))
#: commands that only read and print (they may exit without the interpreter's teardown)
_READ_ONLY = frozenset(c[0] for c in COMMANDS) - {"build", "validate", "serve", "load", "chart"}


def _formatter() -> type[argparse.RawDescriptionHelpFormatter]:
    """argparse's formatter without its ``shutil`` import (a visible share of start-up: argparse
    builds a formatter for every argument it adds). The width comes from ``$COLUMNS`` or the
    terminal, as in ``shutil.get_terminal_size``."""
    import argparse

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def __init__(
            self, prog: str, indent_increment: int = 2, max_help_position: int = 24
        ) -> None:
            import os

            try:
                columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size().columns
            except (ValueError, OSError):
                columns = 80
            super().__init__(prog, indent_increment, max_help_position, max(columns - 2, 20))

    return Formatter


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser (every command has help and an example).

    With ``only`` naming a command, just that command's sub-parser is built: a one-shot answer
    then pays for one sub-parser instead of all of them (argparse set-up is a visible share of
    the CLI's start-up). Help and unknown commands use the full parser.
    """
    import argparse

    formatter = _formatter()
    parser = argparse.ArgumentParser(
        prog="spinekg",
        description=f"spinekg: a sourced knowledge graph of the human spinal nerves. {DISCLAIMER}",
        epilog="Example:\n  spinekg innervated-by L5",
        formatter_class=formatter,
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"spinekg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, handler, summary, example, arguments in COMMANDS:
        if only is not None and name != only:
            continue
        p = sub.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}. {DISCLAIMER}",
            epilog=f"Example:\n  {example}",
            formatter_class=formatter,
        )
        for flags, kwargs in arguments:
            p.add_argument(*flags, **kwargs)
        p.set_defaults(handler=handler)
        if name in _NOT_QUERIES:
            continue
        for flags, kwargs in _QUERY_OPTIONS:
            p.add_argument(*flags, **kwargs)
    return parser


class Parsed:
    """Arguments :func:`quick_parse` parsed, as attributes (like ``argparse.Namespace``)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...


#: the argument settings :func:`quick_parse` understands (as argparse does)
_QUICK_KEYS = frozenset(
    ("help", "metavar", "default", "type", "choices", "action", "nargs", "dest")
)


def quick_parse(argv: Sequence[str]) -> Parsed | None:
    """Parse the common forms of a read-only command's arguments without argparse, or return
    None to leave them to argparse (help, errors, abbreviations, ``--``, values starting with
    ``-``, anything unusual).

    Importing argparse and building even one sub-parser is a visible share of a one-shot
    answer. Where this parses, it gives exactly the values argparse would (a test compares
    the two on generated command lines); it reads the same :data:`COMMANDS` table.

    >>> ns = quick_parse(["innervated-by", "L5", "--format=json"])
    >>> ns.term, ns.format, ns.endpoint, ns.timeout
    ('L5', 'json', None, 10.0)
    >>> quick_parse(["innervated-by", "--help"]) is None
    True
    """
    if not argv or argv[0] not in _READ_ONLY:
        return None
    name, handler, _, _, arguments = next(c for c in COMMANDS if c[0] == argv[0])
    values: dict[str, Any] = {"command": name, "handler": handler}
    positionals: list[tuple[str, dict[str, Any]]] = []
    options: dict[str, tuple[str, dict[str, Any]]] = {}
    for flags, kw in [*arguments, *_QUERY_OPTIONS]:
        if not kw.keys() <= _QUICK_KEYS or kw.get("action") not in (None, "append", "store_true"):
            return None
        default = kw.get("default")
        if isinstance(default, str) and "type" in kw:
            default = kw["type"](default)  # argparse converts string defaults
        if not flags[0].startswith("-"):
            positionals.append((flags[0], kw))
            values[flags[0]] = default
            continue
        long = next((f for f in flags if f.startswith("--")), flags[0])
        dest = kw.get("dest") or long.lstrip("-").replace("-", "_")
        options.update(dict.fromkeys(flags, (dest, kw)))
        values[dest] = False if kw.get("action") == "store_true" else default
    optional_positional = any(kw.get("nargs") == "?" for _, kw in positionals)
    given: list[str] = []
    seen_option = False
    i = 1
    while i < len(argv):
        token = argv[i]
        i += 1
        if not token.startswith("-"):
            if seen_option and optional_positional:
                return None  # argparse may fill an optional positional early: leave it that
            given.append(token)
            continue
        seen_option = True
        flag, eq, value = token.partition("=")
        if flag not in options:
            return None
        dest, kw = options[flag]
        if kw.get("action") == "store_true":
            if eq:
                return None
            values[dest] = True
            continue
        if not eq:
            if i >= len(argv) or argv[i].startswith("-"):
                return None
            value = argv[i]
            i += 1
        converted: Any = value
        if "type" in kw:
            try:
                converted = kw["type"](value)
            except (TypeError, ValueError):
                return None
        if "choices" in kw and converted not in kw["choices"]:
            return None
        if kw.get("action") == "append":
            values[dest] = [*(values[dest] or ()), converted]
        else:
            values[dest] = converted
    required = sum(1 for _, kw in positionals if kw.get("nargs") is None)
    if not required <= len(given) <= len(positionals):
        return None
    for (dest, _), value in zip(positionals, given, strict=False):
        values[dest] = value
    return Parsed(**values)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; user errors print one line to stderr and return 1."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    args: Args | None = quick_parse(args_list)
    if args is None:
        first = args_list[0] if args_list else None
        known = first is not None and any(first == c[0] for c in COMMANDS)
        parser = make_parser(first if known else None)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # usage errors (argparse printed them) and --help/--version
            return exc.code if isinstance(exc.code, int) else 2
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
    from .errors import SpineKGError

    try:
        args.handler(args)
    except SpineKGError as exc:
        text = str(exc)
        if "\n" in text and args.command in ("build", "validate"):
            print(f"spinekg: error: {text}", file=sys.stderr)
        else:
            print(f"spinekg: error: {text.splitlines()[0]}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


def run() -> None:
    """The ``spinekg`` console command: :func:`main`, then exit.

    Commands that only read the graph exit without the interpreter's teardown (``os._exit``
    after flushing the output): nothing is left to write, and tearing down the store and every
    module is a visible share of a one-shot answer. Commands that write files or run a server
    (``build``, ``validate``, ``serve``, ``load``, ``chart``) exit normally.
    """
    global _one_shot
    _one_shot = True
    code = main()
    args = sys.argv[1:2]
    if not args or args[0] not in _READ_ONLY:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: as in main, not an error
        pass
    try:
        sys.stderr.flush()
    except OSError:
        pass
    import os

    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
