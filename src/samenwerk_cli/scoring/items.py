"""Every respondent's own answers with their item scores: what a spreadsheet export lists.

The group scores (:func:`~samenwerk_cli.scoring.groups.score_group`) are means over respondents;
this is the level below them, one answer of one respondent, scored with the same transform.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.scoring.collect import item_score
from samenwerk_cli.scoring.results import GroupResult, Respondent


class GivenAnswer(msgspec.Struct, frozen=True):
    position: int  # 1-based place of the respondent in the group
    respondent: Respondent
    vraag: Vraag
    antwoord: int | str  # a raw answer 1–5, "weet niet", or an open answer's text
    score: float | None  # 1–5 after reversal or balance; None for "weet niet" and open answers


def given_answers(group: GroupResult, bank: Bank) -> Iterator[GivenAnswer]:
    """Each respondent's answered items and written open answers, respondents in group order,
    items in bank order."""
    for position, person in enumerate(group.respondenten, 1):
        for v in bank.vragen:
            answer: int | str | None
            if v.scored:
                answer = person.antwoorden.get(v.id)
                score = item_score(v, answer)
            else:
                answer = person.toelichting.get(v.id)
                score = None
            if answer is None or answer == "":
                continue
            yield GivenAnswer(position, person, v, answer, score)
