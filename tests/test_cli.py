"""The CLI: one command per API function, formats, exit codes, help with examples."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import pytest

from spinekg.cli import COMMANDS, DISCLAIMER

Cli = Callable[..., tuple[int, str, str]]


def test_innervated_by_json(cli: Cli) -> None:
    code, out, err = cli("innervated-by", "L5", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert row["curie"].startswith("SPINEKG:") and row["label"]
        assert "sources" in row
    labels = {r["label"] for r in rows}
    assert "tibialis anterior" in labels


@pytest.mark.parametrize("fmt", ["table", "tsv"])
def test_other_formats(cli: Cli, fmt: str) -> None:
    code, out, _ = cli("innervated-by", "L5", "--format", fmt)
    assert code == 0 and "tibialis anterior" in out


def test_unknown_term_is_one_line_exit_1(cli: Cli) -> None:
    code, out, err = cli("innervated-by", "L9")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("spinekg: error: unknown term")
    assert "Traceback" not in err


def test_usage_error_exit_2(cli: Cli) -> None:
    code, _, err = cli("innervated-by")
    assert code == 2 and "usage" in err


@pytest.mark.parametrize("name", [c[0] for c in COMMANDS])
def test_every_command_has_help_with_example(cli: Cli, name: str) -> None:
    code, out, _ = cli(name, "--help")
    assert code == 0
    assert "Example:" in out and "spinekg " in out
    assert "not medical advice" in out


def test_main_help_has_disclaimer(cli: Cli) -> None:
    code, out, _ = cli("--help")
    assert code == 0 and DISCLAIMER.split(":")[0] in out


def test_innervation_of_table(cli: Cli) -> None:
    code, out, err = cli("innervation-of", "tibialis anterior")
    assert code == 0, err
    assert "nerve path: deep fibular nerve" in out


def test_sparql_update_rejected(cli: Cli) -> None:
    code, _, err = cli("sparql", "DROP ALL")
    assert code == 1 and "read-only" in err


def test_entry_point_runs_in_fresh_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "spinekg", "get-term", "L5 nerve root", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["label"] == "fifth lumbar spinal nerve"


def test_fresh_process_output_is_complete_and_exit_codes_kept(cli: Cli) -> None:
    """The console command exits without teardown after read-only commands: its piped output
    must still be complete and its exit codes those of ``main``."""
    code, expected, _ = cli("innervated-by", "L5", "--format", "json")
    assert code == 0
    proc = subprocess.run(
        [sys.executable, "-m", "spinekg", "innervated-by", "L5", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout == expected
    bad = subprocess.run(
        [sys.executable, "-m", "spinekg", "innervated-by", "L9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and bad.stderr.startswith("spinekg: error: unknown term")


def test_closed_pipe_is_not_an_error() -> None:
    """A reader that stops early (``| head``) gets no traceback and exit status 0 (the output,
    every triple, is far larger than a pipe's buffer)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "spinekg", "sparql", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err and "Exception" not in err


@pytest.mark.parametrize("fmt", ["json", "tsv", "table"])
def test_one_shot_answer_imports_nothing_heavy(fmt: str) -> None:
    """The query path of a one-shot answer leaves out the build-time libraries (rdflib, pyshacl,
    owlready2), the remote client and the stdlib modules it was trimmed of: typing, pathlib,
    and re, json and argparse (with enum, which re imports)."""
    heavy = ("rdflib", "pyshacl", "owlready2", "SPARQLWrapper", "typing", "pathlib", "shutil")
    heavy += ("re", "json", "argparse", "enum", "gettext", "locale")
    code = (
        "import sys\n"
        "from spinekg.cli import main\n"
        f"assert main(['innervated-by', 'L5', '--format', {fmt!r}]) == 0\n"
        f"print([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "[]"
    assert "tibialis anterior" in proc.stdout
    if fmt == "json":
        assert json.loads(proc.stdout)
