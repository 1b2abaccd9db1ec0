"""ExaDesk's dataclass (exadesk/foundation/records.py) behaves as the standard one for what ExaDesk declares.

Each case declares the same class twice, with the standard library's ``dataclass`` and with ExaDesk's, and compares what
people and code see: construction, defaults and factories, __post_init__, repr, equality, hashing, frozen
instances, inheritance, and the standard library's helpers.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from exadesk.foundation import records


def _both(frozen: bool = False, repr: bool = True):  # noqa: A002 - the flag's name in dataclass
    """The same class declared by the standard library's dataclass and by ExaDesk's."""

    def declare(decorator):
        @decorator
        class Item:
            """An item."""

            name: str
            count: int = 0
            tags: list[str] = field(default_factory=list)
            note: str = field(default="", repr=False, compare=False)

            def label(self) -> str:
                return f"{self.name} x{self.count}"

        return Item

    return declare(dataclass(frozen=frozen, repr=repr)), declare(records.dataclass(frozen=frozen, repr=repr))


@pytest.mark.parametrize("frozen", [False, True])
def test_construction_defaults_factories_and_repr_match_dataclass(frozen):
    std, rec = _both(frozen)
    for args, kwargs in [(("a",), {}), (("a", 3), {}), (("a",), {"tags": ["x"]}), ((), {"name": "b", "count": 2}),
                         (("a", 1, ["t"], "hidden"), {})]:
        made, ours = std(*args, **kwargs), rec(*args, **kwargs)
        assert repr(ours).replace("Item", "") == repr(made).replace("Item", "")
        assert dataclasses.asdict(ours) == dataclasses.asdict(made)
        assert ours.label() == made.label()
    assert rec("a").tags is not rec("a").tags, "a factory runs for every instance"


@pytest.mark.parametrize("args, kwargs, words", [
    ((), {}, "missing 1 required positional argument: 'name'"),
    (("a", 1, [], "", "extra"), {}, "positional arguments but 6 were given"),
    (("a",), {"name": "b"}, "got multiple values for argument 'name'"),
    (("a",), {"colour": "red"}, "got an unexpected keyword argument 'colour'"),
])
def test_wrong_arguments_are_refused_as_dataclass_refuses_them(args, kwargs, words):
    std, rec = _both()
    with pytest.raises(TypeError, match=words):
        std(*args, **kwargs)
    with pytest.raises(TypeError, match=words):
        rec(*args, **kwargs)


def test_equality_compares_the_compared_fields_of_the_same_class():
    std, rec = _both()
    assert rec("a", 1, note="x") == rec("a", 1, note="y"), "compare=False fields do not count"
    assert rec("a", 1) != rec("a", 2)
    assert rec("a") != std("a"), "another class is never equal"
    same = rec("a", tags=[float("nan")])
    assert same == same, "an object equals itself, as in dataclass's tuple comparison"


def test_hashing_follows_dataclass():
    std, rec = _both()
    assert rec.__hash__ is None and std.__hash__ is None, "mutable and compared: unhashable"
    std_frozen, rec_frozen = _both(frozen=True)
    assert hash(rec_frozen("a", 1, ("t",))) == hash(rec_frozen("a", 1, ("t",)))
    assert hash(rec_frozen("a", 1, (), "x")) == hash(rec_frozen("a", 1, (), "y"))
    assert {rec_frozen("a", 1, ()), rec_frozen("a", 1, ())} == {rec_frozen("a", 1, ())}


def test_a_frozen_class_refuses_changes_as_a_frozen_dataclass_does():
    _std, rec = _both(frozen=True)
    item = rec("a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'count'"):
        item.count = 2
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'name'"):
        del item.name
    with pytest.raises(FrozenInstanceError):
        item.other = 1
    assert dataclasses.replace(item, count=5).count == 5 and item.count == 0


def test_post_init_runs_after_the_fields_are_set_and_may_check_them():
    @records.dataclass(frozen=True)
    class Port:
        number: int

        def __post_init__(self):
            if not 0 < self.number < 65536:
                raise ValueError(f"no port {self.number}")
            object.__setattr__(self, "text", str(self.number))

    assert Port(443).text == "443"
    with pytest.raises(ValueError, match="no port 0"):
        Port(0)


def test_inherited_fields_come_first_and_methods_the_class_defines_are_kept():
    @records.dataclass
    class Base:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    @records.dataclass
    class Child(Base):
        size: int = 1

    child = Child("x", 2)
    assert (child.name, child.size) == ("x", 2) and repr(Base("x")) == "<x>"
    assert repr(child).endswith("Child(name='x', size=2)"), "as in dataclass, a subclass gets its own repr"
    assert [f.name for f in dataclasses.fields(Child)] == ["name", "size"]
    assert dataclasses.is_dataclass(Child) and Child.__match_args__ == ("name", "size")


def test_a_descriptor_field_is_set_through_its_descriptor():
    class Upper:
        def __set_name__(self, owner, name):
            self.slot = "_" + name

        def __get__(self, instance, owner=None):
            return "" if instance is None else instance.__dict__[self.slot]

        def __set__(self, instance, value):
            instance.__dict__[self.slot] = value.upper()

    @records.dataclass
    class Named:
        name: str = Upper()

    assert Named().name == "" and Named("acme").name == "ACME"


@records.dataclass(frozen=True)
class Pair:
    left: str
    right: tuple[str, ...] = ()


def test_instances_copy_and_pickle():
    item = Pair("a", ("t",))
    assert copy.copy(item) == item and copy.deepcopy(item) == item
    assert pickle.loads(pickle.dumps(item)) == item


def test_unsupported_declarations_are_refused_at_once():
    with pytest.raises(TypeError, match="field\\(init=False\\)"):
        @records.dataclass
        class Computed:
            total: int = field(default=0, init=False)
