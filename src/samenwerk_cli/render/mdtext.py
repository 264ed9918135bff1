"""Text a respondent typed, made safe for GitHub-flavoured markdown and still literally readable.

Markdown has no "raw text" mode, so every character that could start markup is neutralised:
``<``, ``>`` and ``&`` become entities (no HTML ever renders), the punctuation of emphasis, code,
links, tables, strike-through and headings gets a backslash, and what would open a block at the
start of a line (``-``, ``1.``) is escaped too. Pandoc's own markdown, which ``pandoc rapport.md``
reads by default, knows more: math (``$``), superscript (``^``), attributes (``{#id}``), citations
(``@naam``), definition lists and divs (a line starting with ``:``) and lists marked ``a)``,
``iv.`` or ``(1)``; those are escaped as well. CommonMark renders a backslash-escaped punctuation
character as the character itself, so ``*ster*`` reads as ``*ster*`` on GitHub, GitLab, in VS Code
and after pandoc.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# "#" everywhere: a heading drops a closing " #" ("Team #" would read "Team").
_PUNCTUATION = set("\\`*_[]|~#$^{}@")
# What opens a block at the start of a line (a block quote's ">" is an entity already): a list,
# thematic break or setext underline (-, +, =), pandoc's definition list or div (:), and a list
# marker of digits, a letter or a roman numeral, maybe in parentheses: "2026. Goed jaar" must
# not become item 2026.
_LINE_START = re.compile(r"^(?:[-+=:]|(\(?(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,8}))([.)]))")


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
    if match.group(1) is not None:  # a list marker: escape its "." or ")"
        return f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
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
