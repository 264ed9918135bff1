"""Typed documents: loaded YAML converted by msgspec, its errors turned into Dutch with file and line."""

from __future__ import annotations

import contextlib
import itertools
import re
import types
from typing import Any, TypeVar, Union, get_args, get_origin

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats.clean import visible
from samenwerk_cli.formats.yamlio import Document

T = TypeVar("T")

_TYPES = {
    "str": "een tekst",
    "int": "een geheel getal",
    "float": "een getal",
    "bool": "true of false",
    "object": "een mapping (sleutel: waarde)",
    "array": "een lijst",
    "null": "leeg",
    "date": "een datum (schrijf de datum als 2026-11-24)",
    "datetime": "een datum en tijd",
}

# Patterns as text, compiled by ``re`` (and cached) when a message first needs one: most runs
# meet no error, and compiling them all at import would cost every command a millisecond.
_RULES: list[tuple[str, Any]] = [
    (
        r"Object missing required field `(?P<f>[^`]+)`",
        lambda m: ("ontbreekt maar is verplicht", m["f"]),
    ),
    (
        r"Object contains unknown field `(?P<f>[^`]*)`",
        lambda m: (
            ("is geen bekend veld (tikfout?)", m["f"])
            if m["f"]
            else ("een sleutel zonder naam: staat er een ':' te veel?", "")
        ),
    ),
    (
        r"Expected `(?P<want>[^`]+)`, got `(?P<got>[^`]+)`",
        lambda m: (f"moet {_type(m['want'])} zijn, maar is {_type(m['got'])}", None),
    ),
    (
        r"Expected `(?P<want>[^`]+)` (?P<op>[<>]=?) (?P<n>[\d.]+)",
        lambda m: (f"moet {_type(m['want'])} {_op(m['op'])} {_number(m['n'])} zijn", None),
    ),
    (
        r"Expected `(?P<want>[^`]+)` of length (?P<op>[<>]=?) ?(?P<n>\d+)",
        lambda m: (f"lengte moet {_op(m['op'])} {m['n']} zijn", None),
    ),
    (
        r"Expected `array` of length (?P<n>\d+)",
        lambda m: (f"moet een lijst van precies {m['n']} zijn", None),
    ),
    (
        r"Invalid enum value (?P<v>.+)",
        lambda m: (f"waarde {m['v']} is niet toegestaan", None),
    ),
    (
        r"Invalid (?:RFC3339 encoded )?date\b",
        lambda m: ("moet een geldige datum zijn: schrijf de datum als 2026-11-24", None),
    ),
    (
        r"Invalid (?:RFC3339 encoded )?(?:datetime|time)",
        lambda m: ("moet een geldige datum en tijd zijn, zoals 2026-11-24T14:30", None),
    ),
    (
        r"Expected `[^`]+` matching regex",
        lambda m: ("heeft niet de juiste vorm", None),
    ),
    (
        r"Expected `[^`]+` that is a multiple of (?P<n>\S+)",
        lambda m: (f"moet een veelvoud van {m['n']} zijn", None),
    ),
    (
        r"out of range|too large|too small",
        lambda m: ("dit getal is te groot of te klein", None),
    ),
    (r"Invalid (?:enum )?value", lambda m: ("deze waarde is niet toegestaan", None)),
]
# Any other msgspec message (their wording may change between versions) still gets Dutch.
_FALLBACK = "ongeldige waarde voor dit veld"

_OPS = {">=": "minstens", "<=": "hoogstens", ">": "groter dan", "<": "kleiner dan"}


def _number(text: str) -> str:
    """msgspec's ``0.0`` or ``0.5`` as a Dutch reader writes it: ``0``, ``0,5``."""
    return text.removesuffix(".0").replace(".", ",")


def _op(op: str) -> str:
    return _OPS.get(op, op)


def _type(name: str) -> str:
    parts = [p.strip() for p in name.split("|")]
    return " of ".join(_TYPES.get(p, p) for p in parts)


def _split_path(text: str) -> tuple[Any, ...]:
    """``$.a[0].b['x.y']`` -> ('a', 0, 'b', 'x.y'); ``[...]`` (unknown dict key) stays as is."""
    path: list[Any] = []
    for part in re.finditer(r"\.(\w+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\[(\.\.\.)\]", text):
        name, index, key, unknown = part.groups()
        if name is not None:
            path.append(name)
        elif index is not None:
            path.append(int(index))
        elif key is not None:
            path.append(key)
        else:
            path.append(unknown)
    return tuple(path)


def field_name(path: tuple[Any, ...]) -> str | None:
    """A field path as a user reads it: ``vragen[2].tekst`` (list positions count from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return visible(out) or None  # keys come from files: a newline in one must not split a message


def _locate_key(data: Any, path: tuple[Any, ...], value_type: Any) -> tuple[Any, ...]:
    """msgspec reports a bad dict value as ``[...]``; find the key by checking each value alone."""
    head, rest = path[: path.index("...")], path[path.index("...") + 1 :]
    container = data
    for part in head:
        container = container[part]
    if not isinstance(container, dict) or value_type is None:
        return path
    for key, value in container.items():
        try:
            msgspec.convert(value, value_type, strict=False)
        except msgspec.ValidationError:
            return (*head, key, *rest)
    return path


def _shown(value: Any) -> str:
    """A short, visible quote of what the file holds, for messages."""
    if isinstance(value, str):
        text = visible(value)
        return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping"
    return "leeg"


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _to_problem(message: str, path: tuple[Any, ...], doc: Document, value_type: Any) -> Problem:
    """One msgspec message (its class, not its sentence) in Dutch, with file, line and field."""
    if "..." in path:
        with contextlib.suppress(KeyError, IndexError, TypeError, ValueError):
            path = _locate_key(doc.data, path, value_type)
    dutch, extra = _FALLBACK, None
    for pattern, build in _RULES:
        match = re.search(pattern, message)
        if match:
            dutch, extra = build(match)
            break
    if extra is not None:
        path = (*path, extra)
    elif "Expected" in message and ", got" in message:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            value = _value_at(doc.data, path)
            if isinstance(value, str):
                dutch = dutch.split(", maar is ")[0] + f", niet {_shown(value)}"
    line = doc.line_of(path) if path else None
    return Problem(visible(dutch), doc.file, line, field_name(path))


def _without_none(kind: Any) -> Any:
    """``X | None`` -> ``X`` (for a value that is not None); other types unchanged."""
    if get_origin(kind) in (Union, types.UnionType):
        args = [a for a in get_args(kind) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return kind


def _errors(data: Any, kind: Any, path: tuple[Any, ...]) -> list[tuple[str, tuple[Any, ...]]]:
    """Every error in ``data`` as (msgspec message, path), not just the first msgspec stops at.

    Structs are checked field by field, lists item by item and mappings value by value; where
    no finer look is possible, msgspec's own first error is kept.
    """
    try:
        msgspec.convert(data, kind, strict=False)
        return []
    except msgspec.ValidationError as exc:
        first = str(exc)
    inner = _without_none(kind) if data is not None else kind
    found: list[tuple[str, tuple[Any, ...]]] = []
    if isinstance(inner, type) and issubclass(inner, msgspec.Struct) and isinstance(data, dict):
        fields = {f.encode_name: f for f in msgspec.structs.fields(inner)}
        if inner.__struct_config__.forbid_unknown_fields:
            found += [
                (f"Object contains unknown field `{key}`", path)
                for key in data
                if key not in fields
            ]
        for name, info in fields.items():
            if name in data:
                found += _errors(data[name], info.type, (*path, name))
            elif info.required:
                found.append((f"Object missing required field `{name}`", path))
    elif get_origin(inner) is list and isinstance(data, list):
        (item_type,) = get_args(inner)
        for i, item in enumerate(data):
            found += _errors(item, item_type, (*path, i))
    elif get_origin(inner) is dict and isinstance(data, dict):
        _, value_type = get_args(inner)
        for key, value in data.items():
            found += _errors(value, value_type, (*path, key))
    if found:
        return found
    message, _, where = first.partition(" - at `")
    return [(message, (*path, *_split_path(where.rstrip("`"))))]


_Errors = list[tuple[str, tuple[Any, ...]]]


def _check(doc: Document, kind: type[T]) -> tuple[T | None, _Errors, list[Problem]]:
    """The converted value, or the raw errors and their problems (one conversion when valid)."""
    if doc.data is None:
        return None, [], [Problem("het bestand is leeg (of bevat alleen commentaar)", doc.file, 1)]
    if not isinstance(doc.data, dict):
        return (
            None,
            [],
            [Problem("het bestand moet een mapping (sleutel: waarde) zijn", doc.file, 1)],
        )
    try:
        return msgspec.convert(doc.data, kind, strict=False), [], []
    except msgspec.ValidationError:
        pass
    return None, _errors(doc.data, kind, ()), []


def _problems(doc: Document, errors: _Errors, value_type: Any) -> list[Problem]:
    found = [_to_problem(message, path, doc, value_type) for message, path in errors]
    return sorted(found, key=lambda p: p.line or 0)


def convert(doc: Document, kind: type[T], value_type: Any = None) -> T:
    """Convert ``doc.data`` to ``kind``; ``value_type`` helps name the key of a bad dict value.

    Raises with every problem of the file, by line.
    """
    value, errors, problems = _check(doc, kind)
    if value is None:
        raise SamenwerkError(problems or _problems(doc, errors, value_type))
    return value


def convert_partly(
    doc: Document, kind: type[T], value_type: Any = None
) -> tuple[T | None, list[Problem]]:
    """Like :func:`convert`, but also the value without its bad parts where that still converts.

    So the checks after the schema (unknown question ids, say) can run in the same pass and a
    file with four mistakes reports four. Bad top-level fields, and bad entries of a top-level
    mapping, are left out; a bad part inside a list drops the whole list.
    """
    value, errors, problems = _check(doc, kind)
    if value is not None or problems:
        return value, problems
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in doc.data.items()}
    for message, path in errors:
        unknown = re.search(r"unknown field `([^`]*)`", message)
        if unknown:
            path = (*path, unknown[1])
        head = tuple(itertools.takewhile(lambda part: isinstance(part, str), path))[:2]
        with contextlib.suppress(KeyError, TypeError):
            if len(head) == 2 and isinstance(data.get(head[0]), dict):
                del data[head[0]][head[1]]
            elif head:
                del data[head[0]]
    try:
        value = msgspec.convert(data, kind, strict=False)
    except msgspec.ValidationError:
        value = None
    return value, _problems(doc, errors, value_type)


def require_format(doc: Document, expected: str) -> None:
    """Another format (or version) is refused first: its fields would only confuse the message."""
    found = doc.data.get("formaat") if isinstance(doc.data, dict) else None
    if found not in (expected, None):
        raise SamenwerkError(
            Problem(
                f"moet '{expected}' zijn, niet {_shown(found)}",
                doc.file,
                doc.line_of(("formaat",)),
                "formaat",
            )
        )
