"""Generated documentation pages (kept in step with the code by tests)."""

from __future__ import annotations

from .queries import registry


def queries_markdown() -> str:
    """``docs/queries.md``: every stored query with its summary, parameters and columns."""
    lines = [
        "# Stored queries",
        "",
        "Generated from the headers of `queries/*.rq` by `python -m spinekg._docs` "
        "(a test checks it is current). Run any of them with "
        "`spinekg query NAME --param NAME=VALUE`; parameters are resolved as terms of the "
        "listed kinds and bound as IRIs, never pasted as text.",
        "",
        "| query | question | parameters | example | returns |",
        "|---|---|---|---|---|",
    ]
    for q in registry().values():
        params = "<br>".join(f"`{p.name}` ({' or '.join(p.kinds)})" for p in q.params) or "-"
        example = " ".join(
            f"--param {k}={v!r}" if " " in v else f"--param {k}={v}" for k, v in q.examples
        )
        cmd = f"`spinekg query {q.name} {example}`".replace(" `", "`") if example else "-"
        lines.append(f"| `{q.name}` | {q.summary} | {params} | {cmd} | {', '.join(q.returns)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    out = Path("docs/queries.md")
    out.write_text(queries_markdown(), encoding="utf-8")
    print(f"wrote {out}")  # noqa: T201
