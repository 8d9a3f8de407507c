"""The run-time NamedTuple behind the result classes acts as typing.NamedTuple does."""

from __future__ import annotations

import pickle
import typing

import pytest

from spinekg import Supply, Term, innervated_by
from spinekg._tuples import NamedTuple


class Mine(NamedTuple):
    """Doc."""

    a: int
    b: tuple[str, ...] = ()
    c: str = "x"

    @property
    def double(self) -> int:
        return 2 * self.a


class Theirs(typing.NamedTuple):
    """Doc."""

    a: int
    b: tuple[str, ...] = ()
    c: str = "x"

    @property
    def double(self) -> int:
        return 2 * self.a


def test_same_behaviour_as_typing_namedtuple() -> None:
    for cls in (Mine, Theirs):
        v = cls(2, ("p",))
        assert cls._fields == ("a", "b", "c")
        assert cls._field_defaults == {"b": (), "c": "x"}
        assert v == (2, ("p",), "x") and v.double == 4 and v._replace(c="y").c == "y"
        assert v._asdict() == {"a": 2, "b": ("p",), "c": "x"}
        assert cls.__doc__ == "Doc." and cls.__qualname__ == cls.__name__
        assert repr(v) == f"{cls.__name__}(a=2, b=('p',), c='x')"
        assert typing.get_type_hints(cls) == {"a": int, "b": tuple[str, ...], "c": str}


class MineBare(NamedTuple):
    a: int
    b: int = 1


class TheirsBare(typing.NamedTuple):
    a: int
    b: int = 1


def _outcome(call: typing.Callable[[], object]) -> object:
    try:
        return ("ok", call())
    except (TypeError, ValueError) as exc:
        return (type(exc).__name__,)


def test_construction_errors_and_helpers_as_typing_namedtuple() -> None:
    import copy
    import inspect

    mine, theirs = Mine, Theirs
    for make in (
        lambda c: c(1),
        lambda c: c(a=1, c="z"),
        lambda c: c(1, c="z"),
        lambda c: c(),
        lambda c: c(1, 2, 3, 4),
        lambda c: c(1, a=2),
        lambda c: c(1, d=2),
        lambda c: c._make([1, (), "q"]),
        lambda c: c._make([1]),
        lambda c: c(1)._replace(a=5, c="w"),
        lambda c: c(1)._replace(z=1),
        lambda c: c(1).__getnewargs__(),
        lambda c: tuple(copy.deepcopy(c(1, ("u",)))),
        lambda c: c.__match_args__,
        lambda c: hash(c(1)) == hash((1, (), "x")),
    ):
        assert _outcome(lambda m=make: m(mine)) == _outcome(lambda m=make: m(theirs))

    def params(cls: type) -> list[tuple[str, object, object]]:  # annotations aside
        return [(p.name, p.default, p.kind) for p in inspect.signature(cls).parameters.values()]

    assert params(Mine) == params(Theirs) and params(MineBare) == params(TheirsBare)
    assert (MineBare.__doc__, TheirsBare.__doc__) == ("MineBare(a, b)", "TheirsBare(a, b)")
    assert Mine.a.__doc__ == Theirs.a.__doc__
    assert not hasattr(Mine(1), "__dict__")  # __slots__ = ()
    match Mine(7, ("p",)):
        case Mine(a, b):
            assert (a, b) == (7, ("p",))
    assert pickle.loads(pickle.dumps(Mine(1, ("p",), "y"))) == Mine(1, ("p",), "y")


def test_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="Non-default"):

        class Bad(NamedTuple):
            a: int = 0
            b: int


def test_results_pickle_and_type_hints() -> None:
    supply = innervated_by("L5")[0]
    assert pickle.loads(pickle.dumps(supply)) == supply
    assert typing.get_type_hints(Supply)["target"] is Term


def test_wide_classes_use_the_general_constructor_with_the_same_results() -> None:
    """Classes of more than 16 fields get a general __new__ instead of a renamed template."""
    import collections

    names = [f"f{i}" for i in range(18)]
    wide = NamedTuple.__class__("Wide", (NamedTuple,), {
        "__module__": __name__, "__annotations__": dict.fromkeys(names, "int"), "f17": 0,
    })  # fmt: skip
    ref = collections.namedtuple("Wide", names, defaults=(0,))
    for make in (
        lambda c: c(*range(18)),
        lambda c: c(*range(17)),
        lambda c: c(*range(16), f16=5),
        lambda c: c(*range(19)),
        lambda c: c(*range(17), f0=1),
        lambda c: c(*range(17), zz=1),
        lambda c: c(*range(10)),
        lambda c: c(*range(18))._replace(f3=-1),
    ):
        assert _outcome(lambda m=make: m(wide)) == _outcome(lambda m=make: m(ref))
