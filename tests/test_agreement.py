"""Agreement statistics against hand-computed values and their defining properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.scoring import agreement

answers = st.lists(st.integers(1, 5), min_size=2, max_size=30)


def item_rwg(values: list[int]) -> float:
    """rwg of one item as the program computes it: the sample variance, then rwg from it."""
    variance = agreement.sample_variance(values)
    assert variance is not None
    return agreement.rwg_from_variance(variance)


def test_expected_variance_is_a_squared_minus_one_over_twelve() -> None:
    assert agreement.expected_variance(5) == 2.0  # (25 - 1) / 12
    assert agreement.expected_variance(7) == 4.0  # (49 - 1) / 12
    assert agreement.SIGMA2_E == 2.0
    with pytest.raises(ValueError):
        agreement.expected_variance(1)


def test_mean_and_variance() -> None:
    assert agreement.mean([]) is None
    assert agreement.mean([1, 2, 6]) == 3.0
    # (2, 3, 4): deviations -1, 0, 1 -> squares sum 2, / (n - 1) = 1
    assert agreement.sample_variance([2, 3, 4]) == 1.0
    # (4, 4, 5): mean 13/3, deviations -1/3, -1/3, 2/3 -> 6/9 / 2 = 1/3
    assert agreement.sample_variance([4, 4, 5]) == pytest.approx(1 / 3)
    assert agreement.sample_variance([3]) is None


def test_average_deviation() -> None:
    assert agreement.average_deviation([]) is None
    assert agreement.average_deviation([3, 3, 3]) == 0.0
    # (1, 3, 5): mean 3, |dev| 2, 0, 2 -> 4/3
    assert agreement.average_deviation([1, 3, 5]) == pytest.approx(4 / 3)
    # (4, 4, 5): |dev| 1/3, 1/3, 2/3 -> (4/3)/3 = 4/9
    assert agreement.average_deviation([4, 4, 5]) == pytest.approx(4 / 9)


def test_rwg_hand_computed() -> None:
    # s² = 1 -> 1 - 1/2
    assert agreement.rwg_from_variance(1.0) == 0.5
    assert item_rwg([2, 3, 4]) == 0.5
    # s² = 1/3 -> 1 - 1/6 = 5/6
    assert item_rwg([4, 4, 5]) == pytest.approx(5 / 6)
    # s² = 4 -> 1 - 2 = -1, clipped to 0
    assert item_rwg([1, 3, 5]) == 0.0
    # sigma²E as a parameter: s² = 1 against 4.0 -> 0.75
    assert agreement.rwg_from_variance(1.0, sigma2_e=4.0) == 0.75
    assert agreement.rwg_from_variance(0.0) == 1.0


def test_rwg_j_hand_computed() -> None:
    # s̄² = (1/3 + 1)/2 = 2/3, ratio 1/3, J = 2: 2·(2/3) / (4/3 + 1/3) = 4/5
    assert agreement.rwg_j([1 / 3, 1.0]) == pytest.approx(0.8)
    # s̄² = (1/3 + 1 + 4 + 4/3)/4 = 5/3, ratio 5/6, J = 4: (2/3) / (2/3 + 5/6) = 4/9
    assert agreement.rwg_j([1 / 3, 1.0, 4.0, 4 / 3]) == pytest.approx(4 / 9)
    assert agreement.rwg_j([0.0, 0.0, 0.0]) == 1.0
    assert agreement.rwg_j([]) is None


def test_rwg_j_truncates_mean_variance_to_sigma2_e() -> None:
    # Polarised: s̄² = 4 > 2. Untruncated, J = 3 gives 3·(-1) / (-3 + 2) = 3: "perfect" agreement.
    assert agreement.rwg_j([4.0, 4.0, 4.0]) == 0.0
    # Exactly at σ²E: ratio 1 -> 0
    assert agreement.rwg_j([2.0, 2.0]) == 0.0


def test_reaches_forgives_float_noise_only() -> None:
    assert agreement.reaches(3.5, 3.5)
    assert agreement.reaches(3.4999999999999996, 3.5)
    assert not agreement.reaches(3.49, 3.5)


@given(st.integers(1, 5), st.integers(2, 30))
def test_rwg_is_one_for_identical_answers(value: int, n: int) -> None:
    assert item_rwg([value] * n) == 1.0
    assert agreement.average_deviation([value] * n) == 0.0


@given(st.integers(1, 15))
def test_rwg_is_zero_for_a_half_one_half_five_split(half: int) -> None:
    assert item_rwg([1] * half + [5] * half) == 0.0


@given(answers)
def test_rwg_in_unit_interval(values: list[int]) -> None:
    assert 0.0 <= item_rwg(values) <= 1.0


@given(st.lists(st.floats(0, 8), min_size=1, max_size=20))
def test_rwg_j_in_unit_interval(variances: list[float]) -> None:
    value = agreement.rwg_j(variances)
    assert value is not None and 0.0 <= value <= 1.0


@given(answers, st.randoms(use_true_random=False))
def test_statistics_ignore_order(values: list[int], rnd) -> None:
    shuffled = values[:]
    rnd.shuffle(shuffled)
    for fn in (
        agreement.mean,
        agreement.sample_variance,
        agreement.average_deviation,
        item_rwg,
    ):
        assert fn(values) == fn(shuffled)
