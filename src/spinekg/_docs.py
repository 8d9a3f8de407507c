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


#: The seed page's 16 questions, each answered by spinekg commands (docs/faq.md).
FAQ: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What muscles are affected by L5?", ("innervated-by L5",)),
    (
        "Which part of the spine affects the leg muscles?",
        ("statements --topic anatomy", "plexus 'lumbar plexus'"),
    ),
    ("Can L5 S1 cause leg weakness?", ("conditions-of L5", "findings-of 'cauda equina syndrome'")),
    ("Can L5 cause leg pain?", ("findings-of 'L5 radiculopathy'",)),
    ("What are the symptoms of L5 nerve damage?", ("findings-of 'L5 radiculopathy'",)),
    ("What muscles are innervated by the L5 nerve?", ("muscles-tested L5",)),
    ("What spinal nerves affect the legs?", ("segmental-claims 'sciatic nerve'",)),
    ("How should I sleep with L5-S1 pain?", ("statements --topic sleep",)),
    ("How do you fix L5 nerve pain?", ("treatments-of 'lumbar disc herniation'",)),
    ("How do you fix L5 nerve damage?", ("treatments-of 'L5 radiculopathy'",)),
    ("How long does it take for an L5 nerve to heal?", ("statements --topic course",)),
    ("What is controlled by the L5 nerve?", ("dermatome L5", "key-muscles L5")),
    ("What is L5-S1 spinal motion?", ("describe 'lumbosacral joint'",)),
    (
        "Which muscles are innervated by the L5 nerve root?",
        ("innervation-of 'fibularis longus'", "innervation-of 'medial head of gastrocnemius'"),
    ),
    ("What is the L5 myotome?", ("key-muscles L5", "movement 'great toe extension'")),
    (
        "Can an L5-S1 disc herniated cause leg pain?",
        ("compressed-root --disc L5-S1 --type paracentral", "conditions-of 'L5-S1 disc'"),
    ),
)


def run_cli(command: str) -> tuple[int, str]:
    """Run one spinekg CLI command line in-process; return (exit code, stdout + stderr)."""
    import contextlib
    import io
    import shlex

    from .cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(shlex.split(command))
    return code, out.getvalue()


def faq_markdown() -> str:
    """``docs/faq.md``: every seed question with the spinekg command that answers it and the
    command's real output."""
    lines = [
        "# The seed FAQ, answered by spinekg",
        "",
        "The questions our first users brought (`shared/seed/`), each answered by spinekg "
        "commands. The outputs below are real: `python -m spinekg._docs` regenerates this page "
        "and a test fails when it is stale. Every answer carries its sources (see "
        "`spinekg query sources`).",
        "",
        "> Educational reference, not medical advice.",
        "",
    ]
    for i, (question, commands) in enumerate(FAQ, start=1):
        lines += [f"## {i}. {question}", ""]
        for cmd in commands:
            code, text = run_cli(cmd)
            lines += ["```console", f"$ spinekg {cmd}", text.rstrip(), "```", ""]
            if code != 0:
                lines += [f"(exit code {code})", ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    Path("docs/queries.md").write_text(queries_markdown(), encoding="utf-8")
    Path("docs/faq.md").write_text(faq_markdown(), encoding="utf-8")
    print("wrote docs/queries.md and docs/faq.md")  # noqa: T201
