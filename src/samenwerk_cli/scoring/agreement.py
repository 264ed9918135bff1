"""Agreement statistics: pure functions on numbers, without any knowledge of the question bank.

Sums use ``math.fsum``, which is correctly rounded: a result never depends on the order of its input,
so shuffling the respondents of a team cannot change a single figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

OPTIONS = 5
EPSILON = 1e-9  # a mean computed as 3.4999999999 still reaches the threshold 3.5


def expected_variance(options: int = OPTIONS) -> float:
    """σ²E, the variance of uniformly random answers on ``options`` points: (A² − 1) / 12."""
    if options < 2:
        raise ValueError("a scale needs at least two options")
    return (options * options - 1) / 12


SIGMA2_E = expected_variance()  # 2.0 for five options


def reaches(value: float, threshold: float) -> bool:
    """``value >= threshold``, forgiving float noise from averaging (a mean of 3.5 is 3.5)."""
    return value >= threshold - EPSILON


def mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def sample_variance(values: Sequence[float]) -> float | None:
    """s² with n − 1 in the denominator; undefined (None) below two values."""
    if len(values) < 2:
        return None
    centre = math.fsum(values) / len(values)
    return math.fsum((x - centre) ** 2 for x in values) / (len(values) - 1)


def average_deviation(values: Sequence[float]) -> float | None:
    """AD: the mean absolute deviation from the mean (Burke & Dunlap); < A/6 counts as agreement."""
    if not values:
        return None
    centre = math.fsum(values) / len(values)
    return math.fsum(abs(x - centre) for x in values) / len(values)


def rwg_from_variance(variance: float, sigma2_e: float = SIGMA2_E) -> float:
    """rwg = 1 − s²/σ²E for one item from its sample variance, clipped to [0, 1].

    (James, Demaree & Wolf 1984.) The variance is passed in because a team computes it once and
    keeps it for rwg(J) too. Clipping matters: a polarised item has s² > σ²E and would otherwise
    report a negative agreement.
    """
    return min(1.0, max(0.0, 1.0 - variance / sigma2_e))


def rwg_j(variances: Sequence[float], sigma2_e: float = SIGMA2_E) -> float | None:
    """rwg(J) over J items from their sample variances; s̄² is truncated to σ²E first.

    Without the truncation a polarised team (s̄² > σ²E) makes the denominator negative or tiny and
    the formula reports near-perfect agreement (LeBreton & Senter).
    """
    if not variances:
        return None
    j = len(variances)
    ratio = min(math.fsum(variances) / j, sigma2_e) / sigma2_e
    agreement = j * (1.0 - ratio)
    # The denominator is J − (J − 1)·ratio ≥ 1 for ratio in [0, 1]: never zero.
    return agreement / (agreement + ratio)
