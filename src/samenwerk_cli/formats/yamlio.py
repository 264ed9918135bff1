"""Safe YAML in and out.

Files are parsed into plain data from libyaml's event stream, so that one pass can refuse what a
data file has no use for (anchors, aliases, duplicate keys, several documents, deep nesting) and
remember the line of every key. Every scalar stays a string (or None): YAML 1.1 would read ``no``,
``1.10`` or ``12:30`` as a bool or number, so typing is left to the schema (``msgspec``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.files import read_text

MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Path_ = tuple[Any, ...]


@dataclass
class Document:
    """Plain data from one YAML file, with the 1-based line of each key or list item."""

    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def load_file(path: Path) -> Document:
    return parse(read_text(path), str(path))


def parse(text: str, name: str = "<tekst>") -> Document:
    """Parse one YAML document into a :class:`Document`."""
    try:
        return _Builder(name).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or ""
        raise SamenwerkError(Problem(f"geen geldige YAML: {_dutch(problem)}", name, line)) from None
    except yaml.YAMLError as exc:
        raise SamenwerkError(Problem(f"geen geldige YAML ({exc})", name)) from None


_PARSER_PROBLEMS = (
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; zet tekst met een ':' tussen aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "een teken waarmee geen waarde kan beginnen (een tab? spring in met spaties)",
    ),
    ("expected ',' or ']'", "een ',' of ']' verwacht: is een lijst [ ... ] niet gesloten?"),
    ("expected ',' or '}'", "een ',' of '}' verwacht: is een mapping { ... } niet gesloten?"),
    ("could not find expected ':'", "een ':' verwacht na de sleutel"),
    ("did not find expected key", "een sleutel verwacht: klopt het inspringen?"),
    ("expected <block end>", "het inspringen klopt niet"),
    (
        "found unexpected end of stream",
        "onverwacht einde van het bestand: een aanhalingsteken niet gesloten?",
    ),
    ("did not find expected node content", "een waarde verwacht"),
    (
        "did not find expected '-' indicator",
        "een lijstregel ('- ...') verwacht: klopt het inspringen?",
    ),
)


def _dutch(problem: str) -> str:
    """libyaml's complaint in Dutch; an unknown one is kept as it is."""
    for english, dutch in _PARSER_PROBLEMS:
        if english in problem:
            return dutch
    return problem or "onleesbare YAML"


class _Builder:
    """Turns parse events into dicts, lists and strings; refuses what data files must not use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {}

    def fail(self, message: str, event: Any) -> SamenwerkError:
        return SamenwerkError(Problem(message, self.name, event.start_mark.line + 1))

    def build(self, events: Any) -> Document:
        data: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail("het bestand mag maar één YAML-document bevatten", event)
            elif isinstance(event, yaml.NodeEvent):
                data = self.node(event, events, ())
        return Document(data, self.name, self.lines)

    def node(self, event: Any, events: Any, path: Path_) -> Any:
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise self.fail("ankers en aliassen (& en *) zijn niet toegestaan", event)
        if len(path) > MAX_DEPTH:
            raise self.fail(f"te diep genest (meer dan {MAX_DEPTH} niveaus)", event)
        if isinstance(event, yaml.ScalarEvent):
            if not event.style and event.implicit[0] and event.value in NULLS:
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                here = (*path, len(items))
                self.lines[here] = child.start_mark.line + 1
                items.append(self.node(child, events, here))
        mapping: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self.node(key_event, events, path)
            if not isinstance(key, str):
                raise self.fail("een sleutel moet een tekst zijn, geen lijst of mapping", key_event)
            here = (*path, key)
            if here in self.lines:
                first = self.lines[here]
                raise self.fail(
                    f"sleutel '{key}' komt twee keer voor (eerst op regel {first})", key_event
                )
            self.lines[here] = key_event.start_mark.line + 1
            mapping[key] = self.node(next(events), events, here)
        raise AssertionError("unreachable: the parser always closes a mapping")


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
