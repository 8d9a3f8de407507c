"""Compact JSON output without importing :mod:`json`.

``import json`` also imports its decoder, and with it :mod:`re` and :mod:`enum`: together a
visible share of a one-shot ``spinekg ... --format json`` answer that only writes JSON. This
writes exactly what ``json.dumps(obj, ensure_ascii=False)`` writes: with the C encoder
:mod:`json` itself uses (``_json.make_encoder``, set up as ``json.dumps`` sets it up), or where
that is missing or refuses its arguments, with a small writer for JSON-shaped data (dicts with
string keys, lists, tuples, strings, numbers, booleans and None) that escapes strings with the
same function; anything else is handed to :mod:`json`.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

try:
    from _json import encode_basestring as _string  # what json.dumps(ensure_ascii=False) uses
    from _json import make_encoder as _c_make_encoder
except ImportError:  # pragma: no cover - interpreters without the C accelerator
    from json.encoder import py_encode_basestring as _string

    _c_make_encoder = None  # type: ignore[misc, assignment]

_INF = float("inf")


class _UnsupportedError(Exception):
    pass


def dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)``, without importing :mod:`json` for plain data.

    >>> dumps([{"root": "L5", "strength": None, "n": 3, "ok": True, "x": 0.5}, ("a\\tb", "é")])
    '[{"root": "L5", "strength": null, "n": 3, "ok": true, "x": 0.5}, ["a\\\\tb", "é"]]'
    """
    if _c_make_encoder is not None:
        try:  # the arguments json.dumps(obj, ensure_ascii=False) gives it
            encoder = _c_make_encoder(
                {}, _unsupported, _string, None, ": ", ", ", False, False, True
            )
            return "".join(encoder(obj, 0))
        except _UnsupportedError:
            import json

            return json.dumps(obj, ensure_ascii=False)
        except TypeError:  # pragma: no cover - another interpreter's signature: the writer below
            pass
    return _write(obj)


def _unsupported(o: Any) -> Any:
    raise _UnsupportedError


def _write(obj: Any) -> str:
    """The small writer (used where the C encoder is missing).

    >>> _write([{"root": "L5", "strength": None, "n": 3, "ok": True, "x": 0.5}, ("a\\tb", "é")])
    '[{"root": "L5", "strength": null, "n": 3, "ok": true, "x": 0.5}, ["a\\\\tb", "é"]]'
    """
    parts: list[str] = []
    try:
        _encode(obj, parts.append)
    except (_UnsupportedError, RecursionError):
        import json

        return json.dumps(obj, ensure_ascii=False)
    return "".join(parts)


def _encode(o: Any, out: Callable[[str], object]) -> None:
    if isinstance(o, str):
        out(_string(o))
    elif o is None:
        out("null")
    elif o is True:
        out("true")
    elif o is False:
        out("false")
    elif isinstance(o, int):
        out(int.__repr__(o))
    elif isinstance(o, float):
        if o != o:
            out("NaN")
        elif o in (_INF, -_INF):
            out("Infinity" if o > 0 else "-Infinity")
        else:
            out(float.__repr__(o))
    elif isinstance(o, dict):
        out("{")
        first = True
        for k, v in o.items():
            if not isinstance(k, str):
                raise _UnsupportedError  # json converts some key types; leave that to it
            if not first:
                out(", ")
            first = False
            out(_string(k))
            out(": ")
            _encode(v, out)
        out("}")
    elif isinstance(o, list | tuple):
        out("[")
        for i, v in enumerate(o):
            if i:
                out(", ")
            _encode(v, out)
        out("]")
    else:
        raise _UnsupportedError
