"""``NamedTuple`` for the result classes, without importing :mod:`typing` at run time.

Type checkers see :class:`typing.NamedTuple` itself. At run time a class statement
``class X(NamedTuple): ...`` builds the same thing :class:`typing.NamedTuple` builds (a
:func:`collections.namedtuple` with the annotated fields, their defaults, the class's docstring,
methods and properties), without importing :mod:`typing` and without compiling each field's
string annotation into a ``ForwardRef``: together those were a visible share of a one-shot CLI
answer's start-up (see docs/performance.md).

>>> class Point(NamedTuple):
...     '''A point.'''
...     x: int
...     y: int = 0
...     def norm1(self) -> int:
...         return abs(self.x) + abs(self.y)
>>> p = Point(3, -4)
>>> p, p.norm1(), Point(1), Point._fields, Point.__doc__
(Point(x=3, y=-4), 7, Point(x=1, y=0), ('x', 'y'), 'A point.')
>>> class Bad(NamedTuple):
...     x: int = 0
...     y: int
Traceback (most recent call last):
...
TypeError: Non-default namedtuple field y cannot follow default field x
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # class-body names that namedtuple itself provides or that describe the class statement
    _OWN = frozenset(("__module__", "__qualname__", "__annotations__", "__doc__"))

    class _NamedTupleMeta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], ns: dict[str, object]) -> type:
            if ns.get("_is_base"):
                return super().__new__(mcls, name, bases, ns)
            if "__classcell__" in ns:
                raise TypeError(f"{name}: super() is not supported in a NamedTuple")
            fields = dict(ns.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in ns:
                    defaults.append(ns[field])
                elif defaults:
                    with_default = next(f for f in fields if f in ns)
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default field "
                        f"{with_default}"
                    )
            cls = namedtuple(name, fields, defaults=defaults, module=str(ns["__module__"]))
            cls.__annotations__ = fields
            cls.__qualname__ = str(ns.get("__qualname__", name))
            if ns.get("__doc__") is not None:
                cls.__doc__ = ns["__doc__"]
            for key, value in ns.items():
                if key not in _OWN and key not in fields:
                    setattr(cls, key, value)
            return cls

    class NamedTuple(metaclass=_NamedTupleMeta):
        """Base of the result classes (see the module docstring)."""

        _is_base = True
