"""The figures the benchmarks compute from the services' own metrics."""

from __future__ import annotations

import math

from talentloop_shared.devtools.bench import histogram_quantile

INF = float("inf")


def test_a_quantile_is_interpolated_within_its_bucket_as_promql_does() -> None:
    # 100 observations: 50 within 10 ms, 40 more within 100 ms, 10 more within 1 s.
    buckets = {0.01: 50, 0.1: 90, 1.0: 100, INF: 100}
    assert histogram_quantile(0.5, buckets) == 0.01
    assert math.isclose(histogram_quantile(0.7, buckets), 0.01 + 0.09 * 20 / 40)
    assert math.isclose(histogram_quantile(0.99, buckets), 0.1 + 0.9 * 9 / 10)
    assert math.isclose(histogram_quantile(0.25, buckets), 0.01 * 25 / 50)  # from 0


def test_a_quantile_beyond_the_last_finite_bound_is_that_bound() -> None:
    assert histogram_quantile(0.99, {0.01: 10, 0.1: 20, INF: 100}) == 0.1


def test_no_observation_has_no_quantile() -> None:
    assert math.isnan(histogram_quantile(0.5, {0.01: 0, INF: 0}))
    assert math.isnan(histogram_quantile(0.5, {}))
