"""Invisible characters made visible: text from files and people never moves the cursor, clears
the screen, writes the clipboard or turns reading direction around.

One helper for every place where such text is shown or written (messages, terminal, reports):
an ESC becomes the four characters ``\\x1b``, a right-to-left override ``\\u202e``. Applying it twice
changes nothing more, so a layer that is not sure whether text was cleaned may clean it again.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (CSI, OSC... as single bytes), the line and paragraph separators,
# and the bidirectional embeddings, overrides and isolates ("Trojan Source").
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Patterns as strings: re compiles and keeps each on first use, and the first two are only needed
# for text that is not printable (rare), so most runs never compile them.
_ALL = f"[\x00-\x1f{_OTHERS}]"
_BUT_LINES = f"[\x00-\x08\x0b-\x1f{_OTHERS}]"  # keeps \t and \n
# What makes visible(..., keep_lines=True) change a YAML scalar: one of its characters in the
# text itself, or a backslash (a double-quoted "\e" or "\x1b" escape makes one from plain text).
_IN_SOURCE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}\\\\]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _show(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with every control or direction character written out (``\\x1b``, ``\\u202e``).

    ``keep_lines`` keeps line breaks and tabs, for multi-line text such as a comment in a report;
    without it (messages, table cells, names) they are shown as ``\\n`` and ``\\t`` too.
    """
    if text.isprintable():  # the usual case, checked in C: none of the characters above
        return text
    return re.sub(_BUT_LINES if keep_lines else _ALL, _show, text)


def plain_source(text: str) -> bool:
    """True when no scalar parsed from the YAML ``text`` can hold a character that
    ``visible(..., keep_lines=True)`` would change: one search of the whole file, so that a
    clean file (the usual case) skips the check on each of its scalars."""
    return _IN_SOURCE.search(text) is None
