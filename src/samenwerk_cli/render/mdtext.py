"""Text a respondent typed, made safe for GitHub-flavoured markdown and still literally readable.

Markdown has no "raw text" mode, so every character that could start markup is neutralised:
``<``, ``>`` and ``&`` become entities (no HTML ever renders), the punctuation of emphasis, code,
links, tables and strike-through gets a backslash, and what would open a block at the start of a
line (``#``, ``-``, ``1.``) is escaped too. CommonMark renders a backslash-escaped punctuation
character as the character itself, so ``*ster*`` reads as ``*ster*`` on GitHub, GitLab, in VS Code
and after pandoc.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = set("\\`*_[]|~")
# What opens a block at the start of a line: heading, list, block quote is an entity already,
# thematic break and setext underline (---, ===, ***), ordered list (12. or 12)).
_LINE_START = re.compile(r"^(?:(#)|([-+=])|(\d{1,9})([.)]))")


def _chars(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _PUNCTUATION:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _start(line: str) -> str:
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(3) is not None:  # "2026. Goed jaar" must not become list item 2026
        digits = match.group(3)
        return f"{digits}\\{match.group(4)}{line[match.end() :]}"
    return "\\" + line


def inline(text: str) -> str:
    """One line of literal text for running prose, a list item or a table cell."""
    return _start(_chars(" ".join(text.split())))


def lines(text: str) -> list[str]:
    """Literal text that keeps its line breaks: one escaped line each, empty lines dropped."""
    return [_start(_chars(" ".join(line.split()))) for line in text.splitlines() if line.strip()]


def multiline(text: str, indent: str) -> str:
    """Literal text for a list item: lines joined with hard breaks and indented to stay inside."""
    return ("\\\n" + indent).join(lines(text))


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A GFM table; cells must be escaped already (numbers and :func:`mdtext.inline`)."""
    align = ["--:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)
