"""Safe YAML in and out.

Files are parsed into plain data from libyaml's event stream, so that one pass can refuse what a
data file has no use for (anchors, aliases, duplicate keys, several documents, deep nesting) and
remember the line of every key. Every scalar stays a string (or None): YAML 1.1 would read ``no``,
``1.10`` or ``12:30`` as a bool or number, so typing is left to the schema (``msgspec``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import msgspec
import yaml

from samenwerk_cli.errors import Problem, SamenwerkError, cap
from samenwerk_cli.files import read_text
from samenwerk_cli.formats.clean import plain_source, visible

MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Path_ = tuple[Any, ...]


class Document(msgspec.Struct):
    """Plain data from one YAML file, with the 1-based line of each key or list item."""

    data: Any
    file: str
    lines: dict[Path_, int] = msgspec.field(default_factory=dict)

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
    """Parse one YAML document into a :class:`Document`; every problem found is raised at once."""
    loader = None
    try:
        loader = _Loader(text)
        return _Builder(name, plain_source(text)).build(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SamenwerkError(Problem(parser_message(exc), name, line)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise SamenwerkError(Problem(reader_message(exc), name, line)) from None
    except (yaml.YAMLError, UnicodeError):
        raise SamenwerkError(Problem("dit is geen leesbare YAML", name)) from None
    except RecursionError:  # a safety net: the builder counts depth, and libyaml does not recurse
        raise SamenwerkError(
            Problem(f"te diep genest (meer dan {MAX_DEPTH} niveaus)", name)
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


_PARSER_PROBLEMS = (
    ("nesting depth", f"te diep genest (meer dan {MAX_DEPTH} niveaus)"),
    (
        "mapping values are not allowed",
        "hier mag geen ':' staan; zet tekst met een ':' tussen aanhalingstekens",
    ),
    (
        "mapping keys are not allowed",
        "hier mag geen '?' staan; zet tekst die met '?' begint tussen aanhalingstekens",
    ),
    (
        "block sequence entries are not allowed",
        "hier mag geen lijstregel ('- ...') staan: klopt het inspringen?",
    ),
    ("tab character", "een tab in het inspringen; gebruik spaties in plaats van tabs"),
    (
        "found character that cannot start any token",
        "een teken waarmee geen waarde kan beginnen (een tab? gebruik spaties in plaats van tabs;"
        " zet tekst die met @ of ` begint tussen aanhalingstekens)",
    ),
    ("expected ',' or ']'", "een ',' of ']' verwacht: is een lijst [ ... ] niet gesloten?"),
    ("expected ',' or '}'", "een ',' of '}' verwacht: is een mapping { ... } niet gesloten?"),
    ("could not find expected ':'", "een ':' verwacht na de sleutel"),
    ("found unexpected ':'", "een ':' op een onverwachte plek"),
    (
        "did not find expected key",
        "een sleutel verwacht: klopt het inspringen, of staat er tekst na een sluitend"
        " aanhalingsteken? (zet dan de hele tekst tussen aanhalingstekens)",
    ),
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
    (
        "unknown escape character",
        "onbekende escape met '\\' tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    ("escape code", "ongeldige \\x- of \\u-escape tussen dubbele aanhalingstekens"),
    ("hexdecimal number", "ongeldige \\x- of \\u-escape tussen dubbele aanhalingstekens"),
    ("document indicator", "een regel '---' of '...' midden in tekst tussen aanhalingstekens"),
    (
        "directive",
        "een regel die met '%' begint is een YAML-opdracht; zet tekst met '%' tussen aanhalingstekens",
    ),
    ("incompatible YAML document", "alleen YAML 1.1 en 1.2 worden gelezen; laat '%YAML' weg"),
    (
        "<document start>",
        "hier begint een tweede document; haal de regel '...' of '%...' erboven weg",
    ),
    (
        "tag",
        "ongeldige tag (een woord na '!'); zet tekst die met '!' begint tussen aanhalingstekens",
    ),
    (
        "URI",
        "ongeldige tag (een woord na '!'); zet tekst die met '!' begint tussen aanhalingstekens",
    ),
    (
        "alphabetic or numeric character",
        "na '&' of '*' hoort een naam; zet tekst die met '&' of '*' begint tussen aanhalingstekens",
    ),
    ("indentation indicator", "na '|' of '>' mag geen 0 staan"),
    (
        "comment or line break",
        "onverwachte tekst na een waarde; zet de hele tekst tussen aanhalingstekens",
    ),
    ("whitespace", "een spatie verwacht"),
    ("UTF-8", "dit is geen geldige UTF-8-tekst; sla het bestand op als UTF-8"),
)


def parser_message(exc: yaml.MarkedYAMLError) -> str:
    """libyaml's complaint in Dutch, with what to do; an unknown one still gets a Dutch line."""
    for text in (exc.problem, exc.context):  # the problem says most; the context is a fallback
        for english, dutch in _PARSER_PROBLEMS:
            if text and english in text:
                return f"geen geldige YAML: {dutch}"
    return "geen geldige YAML: controleer deze regel (inspringen, aanhalingstekens, ':' en '-')"


def reader_message(exc: yaml.reader.ReaderError) -> str:
    """A character YAML does not allow in a file at all (ESC, NUL, other control characters)."""
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    if "control characters" in exc.reason or unicodedata.category(char) == "Cc":
        return (
            f"het onzichtbare stuurteken {visible(char)} mag niet in een YAML-bestand staan;"
            " haal het weg (of sla het bestand op als UTF-8)"
        )
    return "dit is geen geldige UTF-8-tekst; sla het bestand op als UTF-8"


_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MappingEnd, _DocumentStart = yaml.MappingEndEvent, yaml.DocumentStartEvent


def _shown(value: str) -> str:
    return visible(value, keep_lines=True)


def _as_is(value: str) -> str:
    return value


class _Builder:
    """Turns parse events into dicts, lists and strings; refuses what data files must not use.

    Depth counts every collection, keys included (``? ? ? a`` nests without brackets), and stops
    the build; other problems (a duplicate key, an alias) are collected and the build goes on, so
    that one run reports them all. A plain scalar without anchor (nearly every event) is turned
    into its value in place, without a call to :meth:`node`; ``plain`` says the file has nothing
    for :func:`visible` to do.
    """

    def __init__(self, name: str, plain: bool) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.anchors = False
        self.show = _as_is if plain else _shown

    def problem(self, message: str, event: Any) -> Problem:
        return Problem(message, self.name, event.start_mark.line + 1)

    def build(self, events: Any) -> Document:
        data: Any = None
        documents = 0
        for event in events:
            if type(event) is _DocumentStart:
                documents += 1
                if documents > 1:
                    self.problems.append(
                        self.problem("het bestand mag maar één YAML-document bevatten", event)
                    )
                    break
            elif isinstance(event, yaml.NodeEvent):
                data = self.node(event, events, (), 0)
        if self.problems:
            raise SamenwerkError(cap(self.problems))
        return Document(data, self.name, self.lines)

    def scalar(self, event: Any) -> str | None:
        """A scalar without anchor: None for an untagged plain null, else its text, made visible."""
        if not event.style and event.value in NULLS and event.implicit[0]:
            return None
        return self.show(event.value)

    def node(self, event: Any, events: Any, path: Path_, depth: int) -> Any:
        kind = type(event)
        if kind is _Alias or event.anchor is not None:
            if not self.anchors:  # once is enough: a thousand aliases are one mistake
                message = "ankers en aliassen (& en *) zijn niet toegestaan"
                self.problems.append(self.problem(message, event))
            self.anchors = True
            if kind is _Alias:
                return None
        if depth > MAX_DEPTH:
            deep = self.problem(f"te diep genest (meer dan {MAX_DEPTH} niveaus)", event)
            raise SamenwerkError(cap([*self.problems, deep]))
        if kind is _Scalar:
            return self.scalar(event)
        lines = self.lines
        inline = depth < MAX_DEPTH  # a child at depth + 1 passes the depth check
        if kind is _SequenceStart:
            items: list[Any] = []
            for child in events:
                if type(child) is _SequenceEnd:
                    return items
                here = (*path, len(items))
                lines[here] = child.start_mark.line + 1
                if inline and type(child) is _Scalar and child.anchor is None:
                    items.append(self.scalar(child))
                else:
                    items.append(self.node(child, events, here, depth + 1))
        mapping: dict[str, Any] = {}
        for key_event in events:
            kind = type(key_event)
            if kind is _MappingEnd:
                return mapping
            if kind is not _Scalar:
                self.problems.append(
                    self.problem(
                        "een sleutel moet een tekst zijn, geen lijst of mapping", key_event
                    )
                )
                _skip(key_event, events)
                _skip(next(events), events)
                continue
            if key_event.anchor is None:  # a key is checked at the mapping's own depth: passed
                key = self.scalar(key_event)
            else:
                key = self.node(key_event, events, path, depth)
            if key is None:  # "null:" is a key named null (a typo the schema reports), ":" is ""
                key = self.show(key_event.value)
            here = (*path, key)
            if here in lines:
                first = lines[here]
                self.problems.append(
                    self.problem(
                        f"sleutel '{visible(key)}' komt twee keer voor (eerst op regel {first})",
                        key_event,
                    )
                )
                _skip(next(events), events)
                continue
            lines[here] = key_event.start_mark.line + 1
            value = next(events)
            if inline and type(value) is _Scalar and value.anchor is None:
                mapping[key] = self.scalar(value)
            else:
                mapping[key] = self.node(value, events, here, depth + 1)
        raise AssertionError("unreachable: the parser always closes a mapping")


def _skip(event: Any, events: Any) -> None:
    """Consume one node's events without building it (no recursion, so no depth to fear)."""
    open_ = int(isinstance(event, yaml.CollectionStartEvent))
    while open_:
        child = next(events)
        if isinstance(child, yaml.CollectionStartEvent):
            open_ += 1
        elif isinstance(child, yaml.CollectionEndEvent):
            open_ -= 1


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def dump_many(items: list[dict[str, Any]]) -> list[str]:
    """``[dump(item) for item in items]`` in one pass of the dumper: its setup, not the data,
    is most of the cost of a small document. Only for mappings (each starts after a ``---``)."""
    if not items:
        return []
    text = yaml.dump_all(
        items, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, explicit_start=True
    )
    parts = re.split(r"(?m)^---\n", text)[1:]  # a value line never starts at column 0 with ---
    if len(parts) != len(items):  # pragma: no cover - a guard, not a path
        return [dump(item) for item in items]
    return parts
