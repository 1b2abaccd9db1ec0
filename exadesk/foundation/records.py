"""ExaDesk's ``dataclass``: the standard library's declarations, without compiling code at every start.

Python 3.11's ``dataclasses.dataclass`` writes ``__init__``, ``__repr__`` and ``__eq__`` of each class (for a
frozen class also ``__hash__``, ``__setattr__`` and ``__delattr__``) as source text and compiles it when the module
loads. With about 95 declared classes that compiling was the largest single part of ExaDesk's start-up: about 40 % of
what ``exadesk check`` runs beyond ``import requests``, and a tenth of the window's first paint beyond a bare one
(docs/performance.md has the figures). This ``dataclass`` lets the standard library process the class (fields, defaults,
``field(...)``, inheritance; ``fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as before) and gives
it methods built from shared code instead:

* ``__init__(self, *args, **kwargs)`` takes the fields in order, as the generated one does, fills in defaults
  and factories, assigns through normal attribute setting (a descriptor field's ``__set__`` runs) or, when frozen,
  ``object.__setattr__``, then calls ``__post_init__`` when the class has one;
* ``__repr__`` (fields with ``repr=True``), ``__eq__`` (same class, fields with ``compare=True``) and, for a frozen
  class, ``__hash__`` of the compared fields, as ``dataclass`` has them;
* a frozen class refuses assignment and deletion with ``dataclasses.FrozenInstanceError``.

ExaDesk's modules import it as ``from exadesk.foundation.records import dataclass`` and declare classes as
usual. A method the class defines itself is kept. Type checkers read it as the standard ``dataclass``
(``typing.dataclass_transform``). Not supported, because ExaDesk declares none: ``InitVar``, ``kw_only``,
``slots``, ``order`` and ``field(init=False)``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import Callable, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: T | None = None, /, *, frozen: bool = False, repr: bool = True,  # noqa: A002 - dataclass's own
              eq: bool = True) -> T | Callable[[T], T]:
    """Declare a data class: ``@dataclass`` or ``@dataclass(frozen=True)``, as with the standard library's."""

    def wrap(cls: T) -> T:
        return _declare(cls, frozen=frozen, repr_=repr, eq=eq)

    return wrap if cls is None else wrap(cls)


def _declare(cls: T, *, frozen: bool, repr_: bool, eq: bool) -> T:
    own = dict(cls.__dict__)  # what the class body defined, before the standard library adds anything
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    for f in fields:
        if not f.init:
            raise TypeError(f"{cls.__qualname__}.{f.name}: field(init=False) is not supported here")
    if "__init__" not in own:
        cls.__init__ = _init_for(cls, fields, frozen)
    if repr_ and "__repr__" not in own:
        cls.__repr__ = _repr_for(tuple(f.name for f in fields if f.repr))
    if eq:
        compared = tuple(f.name for f in fields if f.compare)
        if "__eq__" not in own:
            cls.__eq__ = _eq_for(compared)
        # As dataclass decides: a __hash__ the class wrote counts; the None Python sets beside an __eq__ does not.
        written_hash = own.get("__hash__", MISSING)
        if written_hash is MISSING or (written_hash is None and "__eq__" in own):
            hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
            cls.__hash__ = _hash_for(hashed) if frozen else None
    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if name in own:
                raise TypeError(f"cannot overwrite attribute {name} in class {cls.__qualname__}")
        names = frozenset(f.name for f in fields)
        cls.__setattr__, cls.__delattr__ = _frozen_setattr(cls, names), _frozen_delattr(cls, names)
    return cls


def _init_for(cls: type, fields: tuple[dataclasses.Field, ...], frozen: bool) -> Callable:
    names = tuple(f.name for f in fields)
    table = tuple((f.name, f.default, f.default_factory) for f in fields)
    count = len(names)
    assign = object.__setattr__ if frozen else setattr
    post_init = hasattr(cls, "__post_init__")
    qualname = f"{cls.__qualname__}.__init__()"

    def __init__(self, *args, **kwargs) -> None:
        if args:  # positional values name the first fields, as in the generated __init__
            if len(args) > count:
                raise TypeError(f"{qualname} takes at most {count + 1} positional arguments but {len(args) + 1} "
                                "were given")
            for name, value in zip(names, args):
                if name in kwargs:
                    raise TypeError(f"{qualname} got multiple values for argument '{name}'")
                kwargs[name] = value
        take = kwargs.pop
        for name, default, factory in table:
            value = take(name, MISSING)
            if value is MISSING:
                if default is not MISSING:
                    value = default
                elif factory is not MISSING:
                    value = factory()
                else:
                    raise TypeError(f"{qualname} missing 1 required positional argument: '{name}'")
            assign(self, name, value)
        if kwargs:
            raise TypeError(f"{qualname} got an unexpected keyword argument '{next(iter(kwargs))}'")
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _values_of(names: tuple[str, ...]) -> Callable:
    """A function giving an instance's values of ``names`` as a tuple."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda self: (get(self),)
    return attrgetter(*names)


def _repr_for(shown: tuple[str, ...]) -> Callable:
    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({values})"

    return __repr__


def _eq_for(compared: tuple[str, ...]) -> Callable:
    values = _values_of(compared)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)  # tuples, as dataclass compares them (an object equals itself)

    return __eq__


def _hash_for(hashed: tuple[str, ...]) -> Callable:
    values = _values_of(hashed)

    def __hash__(self) -> int:
        return hash(values(self))

    return __hash__


def _frozen_setattr(cls: type, names: frozenset[str]) -> Callable:
    def __setattr__(self, name: str, value) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr(cls: type, names: frozenset[str]) -> Callable:
    def __delattr__(self, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
