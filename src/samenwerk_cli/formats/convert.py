"""Typed documents: loaded YAML converted by msgspec, its errors turned into Dutch with file and line."""

from __future__ import annotations

import contextlib
import re
from typing import Any, TypeVar

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError
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
    "date": "een datum (JJJJ-MM-DD)",
}

_RULES: list[tuple[re.Pattern[str], Any]] = [
    (
        re.compile(r"Object missing required field `(?P<f>[^`]+)`"),
        lambda m: ("ontbreekt maar is verplicht", m["f"]),
    ),
    (
        re.compile(r"Object contains unknown field `(?P<f>[^`]+)`"),
        lambda m: ("is geen bekend veld (tikfout?)", m["f"]),
    ),
    (
        re.compile(r"Expected `(?P<want>[^`]+)`, got `(?P<got>[^`]+)`"),
        lambda m: (f"moet {_type(m['want'])} zijn, maar is {_type(m['got'])}", None),
    ),
    (
        re.compile(r"Expected `(?P<want>[^`]+)` (?P<op>[<>]=?) (?P<n>[\d.]+)"),
        lambda m: (f"moet {_type(m['want'])} {_op(m['op'])} {m['n']} zijn", None),
    ),
    (
        re.compile(r"Expected `(?P<want>[^`]+)` of length (?P<op>[<>]=?) ?(?P<n>\d+)"),
        lambda m: (f"lengte moet {_op(m['op'])} {m['n']} zijn", None),
    ),
    (
        re.compile(r"Expected `array` of length (?P<n>\d+)"),
        lambda m: (f"moet een lijst van precies {m['n']} zijn", None),
    ),
    (
        re.compile(r"Invalid enum value (?P<v>.+)"),
        lambda m: (f"waarde {m['v']} is niet toegestaan", None),
    ),
    (
        re.compile(r"Invalid date"),
        lambda m: ("moet een geldige datum zijn (JJJJ-MM-DD)", None),
    ),
]

_OPS = {">=": "minstens", "<=": "hoogstens", ">": "groter dan", "<": "kleiner dan"}


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
    return out or None


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


def to_problem(exc: msgspec.ValidationError, doc: Document, value_type: Any = None) -> Problem:
    """Translate one msgspec error into a Dutch :class:`Problem` naming file, line and field."""
    text = str(exc)
    message, _, where = text.partition(" - at `")
    path = _split_path(where.rstrip("`")) if where else ()
    if "..." in path:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            path = _locate_key(doc.data, path, value_type)
    dutch, extra = message, None
    for pattern, build in _RULES:
        match = pattern.search(message)
        if match:
            dutch, extra = build(match)
            break
    if extra is not None:
        path = (*path, extra)
    line = doc.line_of(path) if path else None
    return Problem(dutch, doc.file, line, field_name(path))


def convert(doc: Document, kind: type[T], value_type: Any = None) -> T:
    """Convert ``doc.data`` to ``kind``; ``value_type`` helps name the key of a bad dict value."""
    if not isinstance(doc.data, dict):
        raise SamenwerkError(
            Problem("het bestand moet een mapping (sleutel: waarde) zijn", doc.file, 1)
        )
    try:
        return msgspec.convert(doc.data, kind, strict=False)
    except msgspec.ValidationError as exc:
        raise SamenwerkError(to_problem(exc, doc, value_type)) from None


def require_format(doc: Document, expected: str) -> None:
    """Another format (or version) is refused first: its fields would only confuse the message."""
    found = doc.data.get("formaat") if isinstance(doc.data, dict) else None
    if found not in (expected, None):
        raise SamenwerkError(
            Problem(
                f"moet '{expected}' zijn, niet '{found}'",
                doc.file,
                doc.line_of(("formaat",)),
                "formaat",
            )
        )
