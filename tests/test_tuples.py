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


def test_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="Non-default"):

        class Bad(NamedTuple):
            a: int = 0
            b: int


def test_results_pickle_and_type_hints() -> None:
    supply = innervated_by("L5")[0]
    assert pickle.loads(pickle.dumps(supply)) == supply
    assert typing.get_type_hints(Supply)["target"] is Term
