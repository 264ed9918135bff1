"""What a form and its export share: question codes, answer options and the words for the scale.

The exporters write these and the importer reads them back, so they live in one place.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats.answers import WEET_NIET
from samenwerk_cli.formats.bank import Bank, Vraag

CODE_LIMIT = 20  # LimeSurvey: letters and digits, at most 20, starting with a letter
# Words LimeSurvey's Question model refuses as a question code (ExpressionScript's own variables)
# or, "time", as a subquestion code; it would rename such a question on import, to r123q0.
RESERVED = frozenset({"LANG", "SID", "SAVEDID", "TOKEN", "QID", "GID", "SGQ", "self", "that", "this",
                      "time"})  # fmt: skip
NAAM_CODE = "naam"
ORG_CODE = "org"
NAAM_VRAAG = "Je naam (mag leeg blijven)"
ORG_VRAAG = "Je organisatie"
WEET_NIET_CODE = "wn"  # the answer code of "weet niet" in a LimeSurvey array
NO_ANSWER = object()  # a cell that says "no answer" in words (LimeSurvey's N/A)

Answer = int | str | None  # 1..5, "weet niet", or None (asked, not answered)


@functools.lru_cache(maxsize=8192)  # cells repeat: the same few labels, row after row
def normalise(text: str) -> str:
    """Letters and digits only, without case or accents: headers and labels are compared so, since
    a form keeps the author's spacing, quote style and punctuation, and Excel may add its own."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in "".join(kept).casefold() if c.isalnum())


def code(text: str) -> str:
    """A LimeSurvey code from an id, derived from the id alone so it stays stable:
    ``gedeelde-ambitie`` -> ``gedeeldeAmbitie``; too long -> cut, with a short checksum."""
    parts = [p for p in re.split(r"[^a-z0-9]+", text.lower()) if p]
    out = (parts[0] if parts else "x") + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    if not out[0].isalpha():
        out = "x" + out
    if len(out) > CODE_LIMIT:
        digest = _base36(zlib.crc32(text.encode()))[:4]
        out = out[: CODE_LIMIT - len(digest)] + digest
    if out in RESERVED:
        out += "X"
    return out


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def dimension_code(dim_id: str) -> str:
    """The array question of one dimension's statements."""
    return code(dim_id)


def statement_code(v: Vraag) -> str:
    """A statement's subquestion code inside its dimension's array."""
    return code(v.id.split(".", 1)[1])


def question_code(v: Vraag) -> str:
    """A balans item or open prompt is a question of its own: its code covers the whole id."""
    return code(v.id)


def balans_options(v: Vraag) -> list[str]:
    """The five choices of a balans item, numbered so the middle reads as the healthy middle."""
    first, last = v.polen or ("", "")
    return [
        f"1 · {first}",
        "2 · neigt naar 1",
        "3 · in evenwicht",
        "4 · neigt naar 5",
        f"5 · {last}",
    ]


_STELLING = {
    1: (
        "helemaal oneens",
        "helemaal mee oneens",
        "zeer oneens",
        "totaal oneens",
        "strongly disagree",
    ),
    2: ("oneens", "mee oneens", "niet mee eens", "disagree"),
    3: (
        "neutraal",
        "niet eens, niet oneens",
        "niet mee eens, niet mee oneens",
        "eens noch oneens",
        "neutral",
        "neither agree nor disagree",
        "neither agree or disagree",
    ),
    4: ("eens", "mee eens", "agree"),
    5: ("helemaal eens", "helemaal mee eens", "zeer eens", "totaal eens", "strongly agree"),
}
_WEET_NIET = (
    WEET_NIET,
    WEET_NIET_CODE,
    "weet ik niet",
    "geen mening",
    "n.v.t.",
    "niet van toepassing",
    "don't know",
    "i don't know",
    "not applicable",
)
_NO_ANSWER = ("n/a",)
_LEADING_DIGIT = re.compile(r"^\s*([1-5])\s*(?:[·.:)\-–—]|$)")


@dataclass
class Scale:
    """Cell text -> answer, for statements and for each balans item."""

    stelling: dict[str, object]
    balans: dict[str, dict[str, object]]

    def read(self, v: Vraag, cell: str) -> object:
        """The answer a cell holds; ``NO_ANSWER`` for empty or N/A; raises KeyError if unknown."""
        if not cell.strip():
            return NO_ANSWER
        key = normalise(cell)
        table = self.balans.get(v.id, self.stelling) if v.soort == "balans" else self.stelling
        if key in table:
            return table[key]
        match = _LEADING_DIGIT.match(cell)
        if match:
            return int(match.group(1))
        raise KeyError(cell)


def scale(bank: Bank) -> Scale:
    common: dict[str, object] = {normalise(w): WEET_NIET for w in _WEET_NIET}
    common.update({normalise(w): NO_ANSWER for w in _NO_ANSWER})
    common[normalise(bank.model.schaal.weet_niet)] = WEET_NIET
    common.update({str(i): i for i in range(1, 6)})
    stelling = dict(common)
    for value, words in _STELLING.items():
        stelling.update({normalise(w): value for w in words})
    stelling.update({normalise(label): i for i, label in enumerate(bank.model.schaal.labels, 1)})
    balans = {}
    for v in bank.vragen:
        if v.soort == "balans":
            table = dict(common)
            table[normalise("in evenwicht")] = 3
            for i, option in enumerate(balans_options(v), 1):
                table[normalise(option)] = i
            if v.polen:
                table[normalise(v.polen[0])] = 1
                table[normalise(v.polen[1])] = 5
            balans[v.id] = table
    return Scale(stelling, balans)


def accepted(bank: Bank, v: Vraag) -> str:
    """What a cell may hold, for the error message."""
    if v.soort == "balans":
        return f'1–5 of een van de vijf keuzes tussen de polen, of "{WEET_NIET}"'
    labels = bank.model.schaal.labels
    return f'{labels[0]} … {labels[-1]} (of Helemaal mee oneens … Helemaal mee eens), 1–5 of "{WEET_NIET}"'


def select(bank: Bank, quick: bool = False, dimensions: Sequence[str] = ()) -> list[Vraag]:
    """The items a form asks, in bank order: like ``reflect``, the quick scan has no open prompts."""
    known = [d.id for d in bank.model.dimensies]
    unknown = [d for d in dimensions if d not in known]
    if unknown:
        raise SamenwerkError(
            Problem(f"onbekende dimensie '{unknown[0]}' (kies uit {', '.join(known)})")
        )
    chosen = set(dimensions or known)
    return [v for v in bank.vragen if v.dimensie in chosen and (not quick or v.kort)]


def one_line(text: str) -> str:
    return " ".join(text.split())
