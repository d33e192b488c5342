"""The chart of motions: RONR's standard descriptive characteristics, read from rules data.

The values live in ``rules/motions.yaml``; the rules loader parses that file and the
``motion_overrides`` of a rules file, and hands both mappings to `load_chart`, which
checks every field and returns a `Chart`. Nothing here repeats a value of the chart.

Pure: imports only the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from msgspec import Struct

#: Every motion of the chart, in the order of the chart file.
MOTION_IDS: tuple[str, ...] = (
    "main_motion",
    "postpone_indefinitely",
    "amend",
    "commit_or_refer",
    "postpone_to_a_certain_time",
    "limit_or_extend_limits_of_debate",
    "previous_question",
    "lay_on_the_table",
    "call_for_orders_of_the_day",
    "raise_question_of_privilege",
    "recess",
    "adjourn",
    "fix_time_to_which_to_adjourn",
    "point_of_order",
    "appeal",
    "suspend_the_rules",
    "objection_to_consideration",
    "division_of_a_question",
    "consideration_by_paragraph",
    "division_of_the_assembly",
    "parliamentary_inquiry",
    "request_for_information",
    "request_to_withdraw_or_modify_motion",
    "take_from_the_table",
    "rescind_or_amend_something_previously_adopted",
    "discharge_a_committee",
    "reconsider",
)

#: The classes, in the order their ranks run (incidental and bring-back have none).
CLASSES: tuple[str, ...] = ("main", "subsidiary", "privileged", "incidental", "bring_back")
#: The ranks each ranked class holds (RONR §5: main lowest, privileged highest).
CLASS_RANKS: dict[str, range] = {
    "main": range(1, 2),
    "subsidiary": range(2, 9),
    "privileged": range(9, 14),
}
TOP_RANK = 13
DEBATABLE = (True, False, "restricted", "if_target")
RECONSIDER = (True, False, "negative_only", "affirmative_only", "conditional")
MOVED_BY = ("any_member", "maker", "prevailing_side")
VOTE_BASES = ("majority", "two_thirds", "none")
#: applies_to may name, besides motion ids and classes, these properties of the target.
PREDICATES = ("any", "debatable", "amendable")
#: The keys of one row of `chart_rows`, the JSON shape of ``deliberate motions chart --json``.
ROW_KEYS = (
    "id", "class", "rank", "interrupts", "second", "debatable", "amendable",
    "vote", "reconsider", "name_zh", "name_en", "ronr",
)

_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_VOTE = re.compile(r"(?:majority|two_thirds|none)(?:_[a-z0-9]+)*")
_RONR = re.compile(r"§[1-9][0-9]*(?::[1-9][0-9]*)?")


class ChartError(ValueError):
    """The chart data or an override is invalid at `path`, for the reason `why`.

    `path` is the chain of keys from the top of the parsed file, such as
    ``("motions", "amend", "vote")`` or ``("motion_overrides", "recess", "rank")``;
    `source` says which file it is in: ``"chart"`` (motions.yaml) or ``"overrides"``
    (the rules file holding ``motion_overrides``).
    """

    def __init__(self, path: tuple, why: str, source: str = "chart"):
        super().__init__(f"{'.'.join(str(p) for p in path)}: {why}")
        self.path = tuple(path)
        self.why = why
        self.source = source


class MotionSpec(Struct, frozen=True):
    """One row of the chart: what RONR says of a motion, as data."""

    id: str
    motion_class: str
    rank: int | None
    interrupts: bool
    second: bool
    debatable: bool | str
    amendable: bool
    vote: str
    reconsider: bool | str
    moved_by: str
    requires_pending: bool
    applies_to: tuple[str, ...]
    in_order_when: tuple[str, ...]
    effect: str
    name_zh: str
    name_en: str
    ronr: str

    @property
    def vote_base(self) -> str:
        """``majority``, ``two_thirds`` or ``none``: the word the vote variant begins with."""
        return next(b for b in VOTE_BASES if self.vote == b or self.vote.startswith(b + "_"))

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


class Chart(Mapping[str, MotionSpec]):
    """The motions by id, in chart order."""

    def __init__(self, specs: Sequence[MotionSpec]):
        self._specs = {spec.id: spec for spec in specs}

    def __getitem__(self, motion_id: str) -> MotionSpec:
        return self._specs[motion_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __repr__(self) -> str:
        return f"Chart({list(self._specs)})"

    def by_rank(self) -> list[MotionSpec]:
        """The ranked motions, rank 1 (main motion) first, rank 13 last."""
        return sorted((s for s in self._specs.values() if s.rank is not None), key=lambda s: s.rank)

    def is_debatable(self, chain: Sequence[str]) -> bool | str:
        """Whether the last motion of `chain` is debatable (True, False or ``"restricted"``).

        `chain` lists motion ids from the one applied to first up to the one in question,
        e.g. ``("main_motion", "amend", "amend")``: an ``if_target`` motion is debatable
        exactly when the motion below it is. An ``if_target`` motion at the bottom is not.
        """
        for motion_id in reversed(chain):
            value = self[motion_id].debatable
            if value != "if_target":
                return value
        return False

    def can_apply(self, motion_id: str, chain: Sequence[str]) -> bool:
        """Whether `motion_id` can be applied to the last motion of `chain` (see `is_debatable`).

        The chart's ``applies_to`` is read as: a motion id, a class, or one of
        ``any``, ``debatable``, ``amendable`` naming a property of the target.
        Rank, the floor and timing are the engine's to judge, not this.
        """
        if not chain:
            return False
        target = self[chain[-1]]
        for token in self[motion_id].applies_to:
            if token in ("any", target.id, target.motion_class):
                return True
            if token == "amendable" and target.amendable:
                return True
            if token == "debatable" and self.is_debatable(chain) is not False:
                return True
        return False


# --- checking -------------------------------------------------------------------------


class _Bad(Exception):
    """A value failed its check; the caller adds the path."""


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected true or false, got {value!r}")
    return value


def _choice(options: tuple) -> Callable[[object], object]:
    def check(value: object) -> object:
        for option in options:
            if type(value) is type(option) and value == option:
                return value
        shown = ", ".join("true" if o is True else "false" if o is False else o for o in options)
        raise _Bad(f"expected one of {shown}, got {value!r}")

    return check


def _rank(value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= TOP_RANK:
        raise _Bad(f"expected null or a whole number 1..{TOP_RANK}, got {value!r}")
    return value


def _pattern(regex: re.Pattern, what: str) -> Callable[[object], object]:
    def check(value: object) -> str:
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise _Bad(f"expected {what}, got {value!r}")
        return value

    return check


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"expected a non-empty text, got {value!r}")
    return value


def _ids(allowed: tuple[str, ...] | None) -> Callable[[object], object]:
    def check(value: object) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise _Bad(f"expected a list, got {value!r}")
        for item in value:
            if not isinstance(item, str) or not _SNAKE.fullmatch(item):
                raise _Bad(f"expected snake_case ids, got {item!r}")
            if allowed is not None and item not in allowed:
                raise _Bad(f"{item!r} is neither a motion id, a class nor one of {', '.join(PREDICATES)}")
        if len(set(value)) != len(value):
            raise _Bad("an id is listed twice")
        return tuple(value)

    return check


#: Field of the file -> (attribute of MotionSpec, check).
_FIELDS: dict[str, tuple[str, Callable[[object], object]]] = {
    "class": ("motion_class", _choice(CLASSES)),
    "rank": ("rank", _rank),
    "interrupts": ("interrupts", _bool),
    "second": ("second", _bool),
    "debatable": ("debatable", _choice(DEBATABLE)),
    "amendable": ("amendable", _bool),
    "vote": ("vote", _pattern(_VOTE, "majority, two_thirds, none, or a variant beginning with one of them")),
    "reconsider": ("reconsider", _choice(RECONSIDER)),
    "moved_by": ("moved_by", _choice(MOVED_BY)),
    "requires_pending": ("requires_pending", _bool),
    "applies_to": ("applies_to", _ids(MOTION_IDS + CLASSES + PREDICATES)),
    "in_order_when": ("in_order_when", _ids(None)),
    "effect": ("effect", _pattern(_SNAKE, "a snake_case id")),
    "name_zh": ("name_zh", _text),
    "name_en": ("name_en", _text),
    "ronr": ("ronr", _pattern(_RONR, 'a section such as "§12"')),
}


def _check_field(path: tuple, field: str, value: object, source: str) -> object:
    if field not in _FIELDS:
        raise ChartError(path + (field,), f"unknown field (known: {', '.join(_FIELDS)})", source)
    try:
        return _FIELDS[field][1](value)
    except _Bad as bad:
        raise ChartError(path + (field,), str(bad), source) from None


def _mapping(value: object, path: tuple, source: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise ChartError(path, f"expected a mapping, got {type(value).__name__}", source)
    return value


def load_chart(data: dict, overrides: dict | None = None) -> Chart:
    """Check the parsed chart file `data`, apply `overrides`, and return the chart.

    `overrides` is the ``motion_overrides`` mapping of a rules file:
    ``{motion_id: {field: value}}``. Raises `ChartError` at the first problem found:
    an unknown or missing field, a value of the wrong type or outside its choices,
    an unknown motion id in the overrides, motion ids other than exactly the chart's
    in the chart's order, or ranks that are not 1..13 each once and in class order.
    """
    data = _mapping(data, (), "chart")
    for key in data:
        if key not in ("version", "motions"):
            raise ChartError((key,), "unknown key (known: version, motions)")
    for key in ("version", "motions"):
        if key not in data:
            raise ChartError((key,), "missing")
    if type(data["version"]) is not int or data["version"] != 1:
        raise ChartError(("version",), f"unsupported version {data['version']!r}: expected 1")

    motions = _mapping(data["motions"], ("motions",), "chart")
    for motion_id in motions:
        if motion_id not in MOTION_IDS:
            raise ChartError(("motions", motion_id), "unknown motion id")
    for motion_id in MOTION_IDS:
        if motion_id not in motions:
            raise ChartError(("motions", motion_id), "missing motion")
    for position, (motion_id, expected) in enumerate(zip(motions, MOTION_IDS), start=1):
        if motion_id != expected:
            raise ChartError(("motions", motion_id), f"out of order: position {position} is {expected}")

    values: dict[str, dict[str, object]] = {}
    origin: dict[tuple[str, str], tuple[tuple, str]] = {}
    for motion_id in MOTION_IDS:
        path = ("motions", motion_id)
        row = _mapping(motions[motion_id], path, "chart")
        values[motion_id] = {f: _check_field(path, f, v, "chart") for f, v in row.items()}
        for field in _FIELDS:
            if field not in row:
                raise ChartError(path + (field,), "missing field")
            origin[motion_id, field] = (path + (field,), "chart")

    if overrides is not None:
        top = ("motion_overrides",)
        for motion_id, row in _mapping(overrides, top, "overrides").items():
            path = top + (motion_id,)
            if motion_id not in MOTION_IDS:
                raise ChartError(path, "unknown motion id", "overrides")
            for field, value in _mapping(row, path, "overrides").items():
                values[motion_id][field] = _check_field(path, field, value, "overrides")
                origin[motion_id, field] = (path + (field,), "overrides")

    def fail(motion_id: str, field: str, why: str) -> ChartError:
        path, source = origin[motion_id, field]
        return ChartError(path, why, source)

    holder: dict[int, str] = {}
    for motion_id in MOTION_IDS:
        cls, rank = values[motion_id]["class"], values[motion_id]["rank"]
        span = CLASS_RANKS.get(cls)
        # when only the class was overridden, the override is the edit to look at
        only_class_moved = (origin[motion_id, "class"][1], origin[motion_id, "rank"][1]) == ("overrides", "chart")
        culprit = "class" if only_class_moved else "rank"
        if span is None and rank is not None:
            raise fail(motion_id, culprit, f"a motion of class {cls} has no rank: expected null")
        if span is not None and rank not in span:
            raise fail(motion_id, culprit, f"a {cls} motion ranks {span.start}..{span.stop - 1}, got {rank!r}")
        if rank is not None:
            if rank in holder:
                # blame the side an override set, if either: that is the edit to undo
                other = holder[rank]
                blamed, kept = motion_id, other
                if origin[other, "rank"][1] == "overrides":
                    blamed, kept = other, motion_id
                raise fail(blamed, "rank", f"rank {rank} is already held by {kept}")
            holder[rank] = motion_id
    for rank in range(1, TOP_RANK + 1):
        if rank not in holder:
            moved = any(origin[m, f][1] == "overrides" for m in MOTION_IDS for f in ("class", "rank"))
            where = ("motion_overrides",) if moved else ("motions",)
            raise ChartError(where, f"no motion holds rank {rank}", "overrides" if moved else "chart")

    return Chart([
        MotionSpec(id=motion_id, **{_FIELDS[f][0]: v for f, v in values[motion_id].items()})
        for motion_id in MOTION_IDS
    ])


def chart_rows(chart: Chart) -> list[dict]:
    """One plain dict per motion, in chart order: the JSON of ``deliberate motions chart --json``."""
    return [
        {
            "id": spec.id,
            "class": spec.motion_class,
            "rank": spec.rank,
            "interrupts": spec.interrupts,
            "second": spec.second,
            "debatable": spec.debatable,
            "amendable": spec.amendable,
            "vote": spec.vote,
            "reconsider": spec.reconsider,
            "name_zh": spec.name_zh,
            "name_en": spec.name_en,
            "ronr": spec.ronr,
        }
        for spec in chart.values()
    ]
