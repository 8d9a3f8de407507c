"""The one-shot path avoids ``re``, ``json`` and ``argparse`` (each a visible share of a
``spinekg`` answer) with small str-method replacements. Each must behave exactly like the
standard-library code it replaces: checked here against that code on generated input."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from spinekg.queries import _param_spans, _without_order_by, registry
from spinekg.resources import ONTOLOGY
from spinekg.terms import normalize
from tests.conftest import CliResult

# ---------------------------------------------------------------- reference implementations

_SEP = re.compile(r"[\s_\-\u2010-\u2015/.,;:()'\"`\u2019]+")
_LEVEL = re.compile(r"\b(co|c|t|l|s)\s+(\d{1,2})\b")
_PARAM = re.compile(r"\?_([A-Za-z][A-Za-z0-9_]*)")
_ORDER_BY = re.compile(r"\nORDER BY [^\n]*\s*$")


def normalize_with_re(text: str) -> str:
    """normalize() as it was written with regular expressions."""
    if text.isascii():
        s = "".join(ch for ch in text.casefold() if (ch >= " " and ch != "\x7f") or ch in "\t\n")
    else:
        s = unicodedata.normalize("NFKC", text).casefold()
        s = "".join(ch for ch in s if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    s = _SEP.sub(" ", s).strip()
    return _LEVEL.sub(r"\1\2", s)


# characters that matter to the separators, the level codes and word boundaries
_TRICKY = (
    "coltsCOLTS0123456789 \t\n_-/.,;:()'\"`+&x\u2010\u2013\u2019\u00a0\u2003\u0663\u00b2"
    "\u017f\u212a\u00e9\u1680\x1c"
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=24) | st.text(max_size=24))
def test_normalize_matches_the_regular_expressions(text: str) -> None:
    assert normalize(text) == normalize_with_re(text)


def test_normalize_matches_on_every_indexed_name() -> None:
    with open(f"{ONTOLOGY}/spinekg-index.tsv", encoding="utf-8") as fh:
        labels = {line.split("\t")[3] for line in fh if line.strip()}
    assert len(labels) > 1000
    for label in labels:
        assert normalize(label) == normalize_with_re(label), label


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="?_aZ9 x{}\n#", max_size=30))
def test_parameters_are_found_as_the_pattern_finds_them(text: str) -> None:
    expected = [(m.start(), m.end(), m.group(1)) for m in _PARAM.finditer(text)]
    assert _param_spans(text) == expected


def test_stored_queries_bind_as_with_the_pattern() -> None:
    for q in registry().values():
        values = {p.name: f"https://example.org/{p.name}" for p in q.params}
        terms = {k: f"<{v}>" for k, v in values.items()}
        for ordered in (True, False):
            text = q.text if ordered else _ORDER_BY.sub("\n", q.text)
            assert q.bind(values, ordered=ordered) == _PARAM.sub(
                lambda m, t=terms: t[m.group(1)], text
            )


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["SELECT * { ?s ?p ?o }", "ORDER BY ?s", "ORDER BY ", "ORDER BY", "LIMIT 2", "", " "]
        ),
        max_size=5,
    ).map("\n".join),
    st.sampled_from(["", "\n", " \n\n", "\t"]),
)
def test_final_order_by_is_dropped_as_the_pattern_drops_it(body: str, tail: str) -> None:
    text = body + tail
    assert _without_order_by(text) == _ORDER_BY.sub("\n", text)


# ---------------------------------------------------------------- JSON output


_json_leaf = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_json_value = st.recursive(
    _json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(st.integers() | st.none(), inner, max_size=2)
    ),  # json converts these keys
    max_leaves=20,
)


@settings(max_examples=1500, deadline=None)
@given(_json_value)
def test_json_writer_writes_what_json_dumps_writes(value: object) -> None:
    import json

    from spinekg._jsonout import dumps

    assert dumps(value) == json.dumps(value, ensure_ascii=False)


def test_cli_json_in_a_pipe_is_what_json_dumps_writes(cli: Callable[..., CliResult]) -> None:
    import json

    for argv in (
        ["innervated-by", "L5"],
        ["innervation-of", "tibialis anterior"],
        ["describe", "L5"],
        ["findings-of", "L5 radiculopathy"],
        ["red-flags"],
    ):
        code, out, _ = cli(*argv, "--format", "json")
        assert code == 0, argv
        assert out.endswith("\n")
        assert json.dumps(json.loads(out), ensure_ascii=False) + "\n" == out, argv


# ---------------------------------------------------------------- argument parsing

_TOKENS = [
    "L5", "tibialis anterior", "", "-", "--", "-1", "x=y", "json", "tsv", "table", "xml", "3",
    "2.5", "abc", "muscle", "L4-L5", "central", "course", "root=L5", "achilles reflex=normal",
    "--format", "--format=json", "--format=", "--form", "--endpoint", "--endpoint=http://h/q",
    "--timeout", "--timeout=2", "--timeout=x", "--limit", "--limit=4", "--kind", "--weak",
    "--spared", "--numb", "--reflex", "--disc", "--type", "--topic", "--condition", "--param",
    "--help", "-h", "--version", "--check", "--region", "-o", "--no-reasoner",
]  # fmt: skip


def _argparse(argv: list[str]) -> dict[str, object] | None:
    import contextlib
    import io

    from spinekg.cli import COMMANDS, make_parser

    known = bool(argv) and any(argv[0] == c[0] for c in COMMANDS)
    parser = make_parser(argv[0] if known else None)
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(parser.parse_args(argv))
    except SystemExit:
        return None


_COMMAND_NAMES = [c[0] for c in __import__("spinekg.cli", fromlist=["COMMANDS"]).COMMANDS]


@settings(max_examples=4000, deadline=None)
@given(st.sampled_from(_COMMAND_NAMES), st.lists(st.sampled_from(_TOKENS), max_size=5))
def test_quick_parse_agrees_with_argparse(command: str, rest: list[str]) -> None:
    from spinekg.cli import quick_parse

    argv = [command, *rest]
    quick = quick_parse(argv)
    if quick is not None:
        assert vars(quick) == _argparse(argv), argv


def test_quick_parse_takes_the_common_command_lines() -> None:
    """The forms in the README and the help examples are parsed without argparse."""
    from spinekg.cli import _READ_ONLY, COMMANDS, quick_parse

    examples = [
        ["innervated-by", "L5", "--format", "json"],
        ["innervated-by", "--format", "json", "L5"],
        ["innervation-of", "tibialis anterior", "--format=tsv"],
        ["search", "fibular", "--kind", "nerve", "--kind", "muscle", "--limit", "3"],
        ["compressed-root", "L4-L5", "--type", "foraminal"],
        ["localize", "--weak", "tibialis anterior", "--reflex", "achilles reflex=normal"],
        ["red-flags", "--endpoint", "http://127.0.0.1:7878/query", "--timeout", "2"],
    ]
    import shlex

    for name, _, _, example, _ in COMMANDS:
        if name in _READ_ONLY:
            examples.append(shlex.split(example)[1:])
    for argv in examples:
        quick = quick_parse(argv)
        assert quick is not None, argv
        assert vars(quick) == _argparse(argv), argv
