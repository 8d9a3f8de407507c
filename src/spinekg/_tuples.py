"""``NamedTuple`` for the result classes, without importing :mod:`typing` at run time.

Type checkers see :class:`typing.NamedTuple` itself. At run time a class statement
``class X(NamedTuple): ...`` builds what :class:`typing.NamedTuple` builds (a tuple class as
:func:`collections.namedtuple` makes it, with the annotated fields, their defaults, the class's
docstring, methods and properties), without importing :mod:`typing` or :mod:`collections`,
without compiling each field's string annotation into a ``ForwardRef`` and without compiling a
``__new__`` per class: together those were a visible share of a one-shot CLI answer's start-up
(see docs/performance.md). ``tests/test_tuples.py`` compares the two.

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
    try:
        from _collections import _tuplegetter  # the C field accessor namedtuple uses
    except ImportError:  # pragma: no cover - interpreters without it: what namedtuple does then
        from operator import itemgetter

        def _tuplegetter(index, doc):
            return property(itemgetter(index), doc=doc)

    # class-body names that the class gets anyway or that describe the class statement
    _OWN = frozenset(("__module__", "__qualname__", "__annotations__", "__doc__"))
    _tuple_new = tuple.__new__

    class _Signature:
        """``__signature__`` built on first use (``inspect`` is not imported until then)."""

        def __get__(self, obj: object, cls: type) -> object:
            import inspect

            p = inspect.Parameter
            defaults = cls._field_defaults
            return inspect.Signature(
                [
                    p(f, p.POSITIONAL_OR_KEYWORD, default=defaults.get(f, p.empty))
                    for f in cls._fields
                ]
            )

    # One plain __new__ per number of fields (compiled once, with this module): a class's
    # __new__ is one of these with its parameters renamed to the fields, so it binds
    # arguments, defaults and errors exactly as namedtuple's per-class compiled one does.
    # fmt: off
    def _new1(_cls, a0): return _tuple_new(_cls, (a0,))
    def _new2(_cls, a0, a1): return _tuple_new(_cls, (a0, a1))
    def _new3(_cls, a0, a1, a2): return _tuple_new(_cls, (a0, a1, a2))
    def _new4(_cls, a0, a1, a2, a3): return _tuple_new(_cls, (a0, a1, a2, a3))
    def _new5(_cls, a0, a1, a2, a3, a4): return _tuple_new(_cls, (a0, a1, a2, a3, a4))
    def _new6(_cls, a0, a1, a2, a3, a4, a5): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5))
    def _new7(_cls, a0, a1, a2, a3, a4, a5, a6): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6))  # noqa: E501
    def _new8(_cls, a0, a1, a2, a3, a4, a5, a6, a7): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7))  # noqa: E501
    def _new9(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8))  # noqa: E501
    def _new10(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9))  # noqa: E501
    def _new11(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10))  # noqa: E501
    def _new12(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11))  # noqa: E501
    def _new13(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12))  # noqa: E501
    def _new14(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13))  # noqa: E501
    def _new15(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14))  # noqa: E501
    def _new16(_cls, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15): return _tuple_new(_cls, (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15))  # noqa: E501
    # fmt: on
    _NEW = {i: globals()[f"_new{i}"] for i in range(1, 17)}

    def _fast_new(name, fields, defaults):
        """A copy of the template for ``len(fields)`` with the fields as parameter names."""
        template = _NEW.get(len(fields))
        if template is None:
            return None
        try:
            code = template.__code__.replace(
                co_varnames=("_cls", *fields), co_name="__new__", co_qualname=f"{name}.__new__"
            )
        except (TypeError, ValueError):  # pragma: no cover - another code object layout
            return None
        return type(template)(code, template.__globals__, "__new__", defaults or None)

    def _namedtuple(name, fields, defaults, module):
        """A tuple class as :func:`collections.namedtuple` builds it (fields, defaults, ``_make``,
        ``_replace``, ``_asdict``, repr, pickling), without importing :mod:`collections` or
        compiling a ``__new__`` per class: both a visible share of a one-shot answer."""
        n = len(fields)
        field_defaults = dict(zip(fields[n - len(defaults) :], defaults, strict=True))
        index = {f: i for i, f in enumerate(fields)}
        arg_list = ", ".join(fields)

        n_required = n - len(defaults)

        def new(_cls, *args, **kwargs):
            k = len(args)
            if not kwargs:
                if k == n:
                    return _tuple_new(_cls, args)
                if n_required <= k < n:
                    return _tuple_new(_cls, args + defaults[k - n_required :])
            if k > n:
                raise TypeError(
                    f"{name}.__new__() takes {n + 1} positional arguments but {k + 1} were given"
                )
            values = list(args)
            for f in fields[k:]:
                if f in kwargs:
                    values.append(kwargs.pop(f))
                elif f in field_defaults:
                    values.append(field_defaults[f])
                else:
                    raise TypeError(f"{name}.__new__() missing required argument: {f!r}")
            for key in kwargs:
                if key in index:
                    raise TypeError(f"{name}.__new__() got multiple values for argument {key!r}")
                raise TypeError(f"{name}.__new__() got an unexpected keyword argument {key!r}")
            return _tuple_new(_cls, values)

        new = _fast_new(name, fields, defaults) or new
        new.__doc__ = f"Create new instance of {name}({arg_list})"

        def _make(cls, iterable):
            result = _tuple_new(cls, iterable)
            if len(result) != n:
                raise TypeError(f"Expected {n} arguments, got {len(result)}")
            return result

        def _replace(self, /, **kwargs):
            result = self._make(map(kwargs.pop, fields, self))
            if kwargs:
                raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
            return result

        repr_fmt = "(" + ", ".join(f"{f}=%r" for f in fields) + ")"

        def repr_(self):
            return self.__class__.__name__ + repr_fmt % self

        def _asdict(self):
            return dict(zip(self._fields, self, strict=True))

        def getnewargs(self):
            return tuple(self)

        namespace = {
            "__doc__": f"{name}({arg_list})",
            "__slots__": (),
            "_fields": tuple(fields),
            "_field_defaults": field_defaults,
            "__new__": new,
            "_make": classmethod(_make),
            "_replace": _replace,
            "__repr__": repr_,
            "_asdict": _asdict,
            "__getnewargs__": getnewargs,
            "__match_args__": tuple(fields),
            "__module__": module,
            "__signature__": _Signature(),
        }
        for key in ("__new__", "__repr__", "__getnewargs__"):
            namespace[key].__name__ = key
            namespace[key].__qualname__ = f"{name}.{key}"
        for i, f in enumerate(fields):
            namespace[f] = _tuplegetter(i, f"Alias for field number {i}")
        return type(name, (tuple,), namespace)

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
            cls = _namedtuple(name, tuple(fields), tuple(defaults), str(ns["__module__"]))
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
