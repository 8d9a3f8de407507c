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
    ("What is controlled by the L5 nerve?", ("dermatome L5", "muscles-tested L5")),
    ("What is L5-S1 spinal motion?", ("describe 'lumbosacral joint'",)),
    (
        "Which muscles are innervated by the L5 nerve root?",
        ("innervation-of 'fibularis longus'", "innervation-of 'medial head of gastrocnemius'"),
    ),
    ("What is the L5 myotome?", ("muscles-tested L5", "movement 'great toe extension'")),
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


#: Worked localizations for docs/localization.md: (title, explanation, command).
LOCALIZATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "Foot drop with tibialis posterior and gluteus medius spared",
        "Weak ankle dorsiflexion and great-toe extension point at the L5 root or the fibular "
        "nerves. Tibialis posterior (tibial nerve) and gluteus medius (superior gluteal nerve) "
        "share the L5 root but not the fibular nerve, so sparing them argues for a fibular lesion.",
        'localize --weak "tibialis anterior" --weak "extensor hallucis longus" '
        '--spared "tibialis posterior" --spared "gluteus medius"',
    ),
    (
        "Foot drop with tibialis posterior and gluteus medius weak",
        "The same foot drop, but the muscles that share only the root are weak too: a root "
        "lesion explains every finding, a fibular nerve lesion cannot.",
        'localize --weak "tibialis anterior" --weak "extensor hallucis longus" '
        '--weak "tibialis posterior" --weak "gluteus medius"',
    ),
    (
        "Hip abductor and extensor weakness",
        "Gluteus medius and gluteus maximus weakness with a normal tibialis anterior: the "
        "candidates are the roots both muscles share and the nerves of each; the ranking shows "
        "which single lesion explains both and what to test next.",
        'localize --weak "gluteus medius" --weak "gluteus maximus" --spared "tibialis anterior"',
    ),
)


def localization_markdown() -> str:
    """``docs/localization.md``: three worked localizations with real outputs."""
    lines = [
        "# From examination to lesion: three worked localizations",
        "",
        "`spinekg localize` ranks single lesions (a root, a plexus part or a nerve) by how well "
        "they explain the findings. Each candidate lists what it explains, what it "
        "contradicts (a spared muscle it predicts to be weak), what it cannot explain, and "
        "which findings rest on root claims the sources disagree about. Ties are reported as "
        "ties. The outputs below are real (regenerated by `python -m spinekg._docs`, checked "
        "by a test).",
        "",
        "> Educational reference, not medical advice.",
        "",
    ]
    for i, (title, text, cmd) in enumerate(LOCALIZATIONS, start=1):
        _code, out = run_cli(cmd)
        lines += [
            f"## {i}. {title}",
            "",
            text,
            "",
            "```console",
            f"$ spinekg {cmd}",
            out.rstrip(),
            "```",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    Path("docs/queries.md").write_text(queries_markdown(), encoding="utf-8")
    Path("docs/faq.md").write_text(faq_markdown(), encoding="utf-8")
    Path("docs/localization.md").write_text(localization_markdown(), encoding="utf-8")
    print("wrote docs/queries.md, docs/faq.md and docs/localization.md")  # noqa: T201
