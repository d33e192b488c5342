"""Load and validate a rules file (YAML) into typed settings.

The rules are data: numbers and switches of a community's procedure. A
malformed or misspelt file gets one line naming the file, the key and the line.
Settings travel in the log as plain JSON (`Rules.to_dict`), so a database
carries the rules it was run under and loading them needs no YAML.
"""

from __future__ import annotations

import re
import typing
from msgspec import NODEFAULT, Struct, field, to_builtins
from msgspec.structs import asdict, fields, replace
from pathlib import Path
from typing import Any, Literal

from deliberate.i18n import Localized
from deliberate.errors import BadInput

# The built-in rules files: rules/ at the top of the repository, shipped inside the package as
# deliberate._rules (a symlink in the package; files in the wheel), found in a wheel as in the checkout.
# A chart named by a rules file is looked for beside that file, then here.


def __getattr__(name: str):
    """BUILTIN_DIR and DEFAULT_RULES, found when first asked for: most commands read the rules
    from the log and never need them (importlib.resources costs a one-shot command ~10 ms)."""
    if name in ("BUILTIN_DIR", "DEFAULT_RULES"):
        import importlib.resources

        builtin = importlib.resources.files("deliberate._rules")
        globals().update(BUILTIN_DIR=builtin, DEFAULT_RULES=builtin / "luohu_ten.yaml")
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ChairRules(Struct, frozen=True):
    """What the chair may do: neutrality and the chair's vote."""
    neutral: bool = True
    votes: Literal["never", "to_break_tie", "always"] = "never"
    must_be_member: bool = False


class FloorRules(Struct, frozen=True):
    """How the floor is given: speech time and count, stances, turns."""
    speech_seconds: int = 120
    speeches_per_question: int = 2
    stance_required: bool = True
    alternate_pro_con: bool = True
    new_speakers_first: bool = True
    maker_speaks_first: bool = False
    warn_seconds: int = 30
    cut_off_at_limit: bool = True
    # Putting the question (vote open) while a member has the floor: refused (false) or ends the speech (true).
    vote_ends_speech: bool = False
    chair_may_override: bool = True
    # Which floor rules the chair may set aside with a recorded reason (space-separated).
    overridable: str = "equal_opportunity limits"


class VotingRules(Struct, frozen=True):
    """How votes are counted: the majority's base, ties, abstentions."""
    majority_base: Literal["votes_cast", "present", "entitled"] = "votes_cast"
    tie: Literal["fails"] = "fails"
    abstentions_count: bool = False


class BusinessRules(Struct, frozen=True):
    """The quorum's force, and how long a vote may be reconsidered."""
    quorum_required: bool = True
    # Motions in order without a quorum (RONR §40:7), chart ids separated by spaces.
    without_quorum: str = "fix_time_to_which_to_adjourn adjourn recess"
    # How long a vote may be reconsidered: in the meeting it was taken, or on its day.
    reconsider_within: Literal["same_meeting", "same_day"] = "same_meeting"


class BallotRules(Struct, frozen=True):
    """How a project poll's ballots select projects."""
    # The rule that selects projects from a project poll's ballots (as `ballot select --rule`).
    selection: Literal["greedy", "equalshares", "equalshares/add1", "equalshares/add1-comparison"] = \
        "equalshares/add1"


class Rules(Struct, frozen=True):
    """A rules file, read and checked: every setting the meeting runs on."""
    name_zh: str
    name_en: str
    rule_prefix: str
    quorum: str = "majority"
    chart: str = "motions.yaml"
    motion_overrides: dict = field(default_factory=dict)
    chair: ChairRules = field(default_factory=ChairRules)
    floor: FloorRules = field(default_factory=FloorRules)
    voting: VotingRules = field(default_factory=VotingRules)
    business: BusinessRules = field(default_factory=BusinessRules)
    ballots: BallotRules = field(default_factory=BallotRules)
    motions: dict = field(default_factory=dict)  # the chart, resolved: id -> fields

    def to_dict(self) -> dict:
        return to_builtins(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Rules":
        return _build(cls, data, (), None)

    def quorum_required(self, roster_size: int) -> int:
        """How many members must be present, by the `quorum` setting."""
        return quorum_count(self.quorum, roster_size)

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


# The floor rules an exception can be made to at all: the order of speakers and the
# count of speeches. Neutrality, stance and no-interrupting are never set aside.
OVERRIDABLE_FLOOR_RULES = ("equal_opportunity", "limits")

_QUORUM = re.compile(r"^(majority|\d+|\d+/\d+)$")


def quorum_count(spec: str, roster_size: int) -> int:
    if spec == "majority":
        return roster_size // 2 + 1 if roster_size else 0
    if "/" in spec:
        top, bottom = (int(part) for part in spec.split("/"))
        return -(-top * roster_size // bottom)  # the share of the roster, rounded up
    return int(spec)


# -- loading ---------------------------------------------------------------


def builtin_names() -> list[str]:
    """The rules files that come with deliberate, by name (luohu_ten, robert)."""
    return sorted(p.name[:-5] for p in __getattr__("BUILTIN_DIR").iterdir()
                  if p.name.endswith(".yaml") and p.name != "motions.yaml")


def rules_path(given: str | Path) -> Path:
    """The file `given` names: a file that exists, else a built-in rules file by its name
    (`robert`, `robert.yaml`, `rules/robert.yaml`), so an installed deliberate finds its own."""
    path = Path(given)
    if path.exists():
        return path
    name = path.name[:-5] if path.name.endswith(".yaml") else path.name
    if name in builtin_names() and path.parent in (Path("."), Path("rules")):
        return __getattr__("BUILTIN_DIR") / f"{name}.yaml"
    return path


def load_rules(path: Path | str) -> tuple[Rules, str]:
    """The validated rules in `path` (a file, or a built-in's name) and the file's text (recorded in the log)."""
    path = rules_path(path)
    try:
        data = _read_limited(path)
    except FileNotFoundError as exc:
        raise BadInput("rules.missing", path=str(path), hint_key="rules.missing.hint",
                       builtin=", ".join(builtin_names())) from exc
    except _NotAFile:
        raise BadInput("rules.not_a_file", path=str(path)) from None
    except _TooLarge:
        raise BadInput("rules.too_large", path=str(path), limit=MAX_FILE_BYTES >> 20) from None
    except OSError as exc:
        raise BadInput("rules.unreadable", path=str(path), why=exc.strerror or str(exc)) from exc
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        raise BadInput("rules.encoding", path=str(path), line=data.count(b"\n", 0, exc.start) + 1,
                       byte=exc.start) from None
    return parse_rules(text, str(path), base_dir=path.parent), text


def parse_rules(text: str, source: str, base_dir: Path | None = None) -> Rules:
    if len(text) > MAX_FILE_BYTES:
        raise BadInput("rules.too_large", path=source, limit=MAX_FILE_BYTES >> 20)
    try:
        node, data = _compose(text)
    except _YamlProblem as problem:
        raise problem.in_rules(source) from None
    if not isinstance(data, dict):
        raise BadInput("rules.not_mapping", file=source)
    lines = _line_index(node)
    try:
        rules = _build(Rules, data, (), None)
        _check_values(rules)
        chart = _load_chart(rules, base_dir or __getattr__("BUILTIN_DIR"), source)
    except _Invalid as bad:
        raise BadInput(
            "rules.invalid", file=source, key=".".join(map(str, bad.path)) or "(top)",
            line=_line_for(lines, bad.path), why=bad.why,
        ) from None
    return _replace(rules, motions=chart)


class _Invalid(Exception):
    def __init__(self, path: tuple, why: str):
        super().__init__(why)
        self.path = path
        self.why = why


def _replace(rules: Rules, **changes: Any) -> Rules:
    return replace(rules, **changes)


def _build(cls: type, data: Any, path: tuple, _unused: Any) -> Any:
    """Build the settings `cls` from a mapping, checking keys and value types."""
    if not isinstance(data, dict):
        raise _Invalid(path, Localized("rules.why.not_mapping", found=type(data).__name__))
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    for key in data:
        if key not in known:
            import difflib

            guess = difflib.get_close_matches(str(key), known, n=1)
            why = (Localized("rules.why.unknown_key_guess", name=key, guess=guess[0]) if guess
                   else Localized("rules.why.unknown_key", name=key, known=", ".join(known)))
            raise _Invalid(path + (key,), why)
    values = {}
    for name, spec in known.items():
        if name not in data:
            no_default = spec.default is spec.default_factory is NODEFAULT
            if no_default:
                raise _Invalid(path + (name,), Localized("rules.why.missing_key", name=name))
            continue
        values[name] = _coerce(hints[name], data[name], path + (name,))
    return cls(**values)



def _coerce(hint: Any, value: Any, path: tuple) -> Any:
    origin = typing.get_origin(hint)
    if origin is Literal:
        choices = typing.get_args(hint)
        if value not in choices:
            raise _Invalid(path, Localized("rules.why.not_choice", value=value, choices=", ".join(map(str, choices))))
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise _Invalid(path, Localized("rules.why.not_bool", value=repr(value)))
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _Invalid(path, Localized("rules.why.not_count", value=repr(value)))
        if value > MAX_COUNT:
            raise _Invalid(path, Localized("rules.why.too_big", value=value, limit=MAX_COUNT))
        return value
    if hint is str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise _Invalid(path, Localized("rules.why.not_text", value=repr(value)))
        return value
    if hint is dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise _Invalid(path, Localized("rules.why.not_mapping", found=type(value).__name__))
        return value
    if isinstance(hint, type) and issubclass(hint, Struct):
        return _build(hint, value, path, None)
    raise _Invalid(path, f"unsupported setting type {hint}")


def _check_values(rules: Rules) -> None:
    if not _QUORUM.match(rules.quorum):
        raise _Invalid(("quorum",), Localized("rules.why.quorum", value=rules.quorum))
    if any(len(digits) > 6 for digits in re.findall(r"\d+", rules.quorum)):
        raise _Invalid(("quorum",), Localized("rules.why.too_big", value=rules.quorum[:20], limit=999999))
    if "/" in rules.quorum:
        top, bottom = (int(part) for part in rules.quorum.split("/"))
        if not 0 < top <= bottom:  # 1/0 is no share of anything
            raise _Invalid(("quorum",), Localized("rules.why.quorum_share", value=rules.quorum))
    if rules.floor.speech_seconds == 0:
        raise _Invalid(("floor", "speech_seconds"), Localized("rules.why.speech_zero"))
    unknown = set(rules.floor.overridable.split()) - set(OVERRIDABLE_FLOOR_RULES)
    if unknown:
        raise _Invalid(("floor", "overridable"), Localized(
            "rules.why.not_overridable", names=" ".join(sorted(unknown)), choices=" ".join(OVERRIDABLE_FLOOR_RULES)))
    if not _CHART_NAME.match(rules.chart):
        raise _Invalid(("chart",), Localized("rules.why.chart_name", chart=rules.chart[:80]))
    if not re.match(r"^[a-z][a-z0-9_]*$", rules.rule_prefix):
        raise _Invalid(("rule_prefix",), Localized("rules.why.prefix", value=rules.rule_prefix))


def _load_chart(rules: Rules, base_dir: Path, source: str) -> dict:
    """The motion chart named by `chart`, with `motion_overrides` applied, as plain data."""
    chart_path = base_dir / rules.chart
    if not chart_path.exists():
        chart_path = __getattr__("BUILTIN_DIR") / rules.chart
    if not chart_path.exists():
        raise _Invalid(("chart",), Localized("rules.why.no_chart", chart=rules.chart, source=source))
    raw = _read_chart(chart_path, rules.chart)
    from deliberate.motions.chart import ChartError, load_chart

    try:
        chart = load_chart(raw, rules.motion_overrides or None)
    except ChartError as exc:
        path = tuple(exc.path)
        if path and path[0] == "overrides":
            path = ("motion_overrides",) + path[1:]
        raise _Invalid(path, exc.why) from None
    return {motion_id: asdict(spec) for motion_id, spec in chart.items()}


# -- reading YAML safely -----------------------------------------------------------
# A rules file or chart is a few KB of plain settings: anything else is refused before it costs memory or time.

MAX_FILE_BYTES = 1 << 20   # 1 MB
MAX_DEPTH = 32             # levels of nesting
MAX_INT_DIGITS = 18        # digits of a number in the file
MAX_COUNT = 1_000_000      # the largest count or number of seconds a setting may hold
_CHART_NAME = re.compile(r"^[^/\\\x00-\x1f:]+\.ya?ml$")  # a file name, no folder


class _NotAFile(Exception):
    pass


class _TooLarge(Exception):
    pass


def _read_limited(path: Any) -> bytes:
    """The bytes of the regular file `path` (a Path or a package resource), at most MAX_FILE_BYTES."""
    import stat

    if isinstance(path, Path):
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a device such as /dev/zero, a pipe
            raise _NotAFile()
    elif not path.is_file():
        raise _NotAFile()
    with path.open("rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _TooLarge()
    return data


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig")


def _read_chart(chart_path: Any, name: str) -> Any:
    """The YAML data of the chart file, refused (as the `chart` setting) unless it is a small, plain YAML file."""
    if isinstance(chart_path, Path) and chart_path.resolve().parent != chart_path.parent.resolve():
        raise _Invalid(("chart",), Localized("rules.why.chart_name", chart=name))  # a link out of its folder
    try:
        data = _read_limited(chart_path)
    except (_NotAFile, IsADirectoryError):
        raise _Invalid(("chart",), Localized("rules.why.chart_not_file", chart=name)) from None
    except _TooLarge:
        raise _Invalid(("chart",), Localized("rules.why.chart_too_large", chart=name,
                                             limit=MAX_FILE_BYTES >> 20)) from None
    except OSError as exc:
        raise _Invalid(("chart",), Localized("rules.why.chart_yaml", chart=name, line=0,
                                             why=exc.strerror or str(exc))) from None
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        raise _Invalid(("chart",), Localized("rules.why.chart_encoding", chart=name,
                                             line=data.count(b"\n", 0, exc.start) + 1, byte=exc.start)) from None
    try:
        return _compose(text)[1]
    except _YamlProblem as problem:
        raise _Invalid(("chart",), problem.in_chart(name)) from None


class _YamlProblem(Exception):
    """Why a YAML text is refused: `kind` (syntax, alias, deep, duplicate, number), its line, details."""

    def __init__(self, kind: str, line: int, **params: Any):
        super().__init__(kind)
        self.kind, self.line, self.params = kind, line, params

    def in_rules(self, source: str) -> BadInput:
        line = self.line
        if self.kind == "alias":
            return BadInput("rules.alias", file=source, line=line)
        if self.kind == "deep":
            return BadInput("rules.too_deep", file=source, line=line, limit=MAX_DEPTH)
        if self.kind == "duplicate":
            return BadInput("rules.duplicate_key", file=source, **self.params)
        if self.kind == "number":
            return BadInput("rules.number_too_long", file=source, line=line, limit=MAX_COUNT)
        return BadInput("rules.yaml_syntax", file=source, line=line, why=self.params["why"])

    def in_chart(self, name: str) -> Localized:
        why: Any = {
            "alias": lambda: Localized("rules.why.yaml_alias"),
            "deep": lambda: Localized("rules.why.yaml_deep"),
            "duplicate": lambda: Localized("rules.why.yaml_duplicate", **self.params),
            "number": lambda: Localized("rules.why.too_big", value="…", limit=MAX_COUNT),
        }.get(self.kind, lambda: self.params["why"])()
        return Localized("rules.why.chart_yaml", chart=name, line=self.line, why=why)


_strict_loader_class: Any = None


def _strict_loader() -> Any:
    """A SafeLoader that refuses aliases (no billion laughs, no recursion) and deep nesting as it composes."""
    global _strict_loader_class
    if _strict_loader_class is None:
        import yaml

        class StrictLoader(yaml.SafeLoader):
            depth = 0

            def compose_node(self, parent: Any, index: Any) -> Any:
                if self.check_event(yaml.AliasEvent):
                    raise _YamlProblem("alias", self.peek_event().start_mark.line + 1)
                self.depth += 1
                try:
                    if self.depth > MAX_DEPTH:
                        raise _YamlProblem("deep", self.peek_event().start_mark.line + 1)
                    return super().compose_node(parent, index)
                finally:
                    self.depth -= 1

        _strict_loader_class = StrictLoader
    return _strict_loader_class


def _compose(text: str) -> tuple[Any, Any]:
    """The node tree and the data of one YAML document, or _YamlProblem."""
    import yaml

    loader = _strict_loader()(text)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            _check_node(node)
            return node, loader.construct_document(node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _YamlProblem("syntax", mark.line + 1 if mark else 0, why=problem) from None
        except (ValueError, OverflowError) as exc:  # a scalar its constructor cannot read, e.g. 2026-13-45
            raise _YamlProblem("syntax", _unreadable_scalar_line(loader, node), why=str(exc)[:200]) from None
    finally:
        loader.dispose()


def _unreadable_scalar_line(loader: Any, root: Any) -> int:
    """The line of the first scalar whose value cannot be constructed (1 if none is found)."""
    import yaml

    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        else:
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):
                return node.start_mark.line + 1
    return 1


def _check_node(root: Any) -> None:
    """Refuse a key given twice in one mapping, or an integer with more digits than any setting needs."""
    import yaml

    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in seen:
                    raise _YamlProblem("duplicate", line, key=".".join(map(str, path + (name,))),
                                       first=seen[name], second=line)
                if name is not None:
                    seen[name] = line
                stack.append((key, path))
                stack.append((value, path + (name,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (i,)) for i, item in enumerate(node.value))
        elif node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_INT_DIGITS:
            raise _YamlProblem("number", node.start_mark.line + 1)


def _line_index(node: Any) -> dict[tuple, int]:
    """Map every key path in a composed YAML document to its 1-based line."""
    import yaml

    index: dict[tuple, int] = {}

    def walk(current: Any, path: tuple) -> None:
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                key_path = path + (key_node.value,)
                index[key_path] = key_node.start_mark.line + 1
                walk(value_node, key_path)
        elif isinstance(current, yaml.SequenceNode):
            for i, item in enumerate(current.value):
                index[path + (i,)] = item.start_mark.line + 1
                walk(item, path + (i,))

    if node is not None:
        walk(node, ())
    return index


def _line_for(index: dict[tuple, int], path: tuple) -> int:
    """The line of `path`, or of its nearest ancestor present in the file."""
    while path:
        if path in index:
            return index[path]
        path = path[:-1]
    return 1
