"""Run every registered fuzz case: valid input, then invalid input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.fuzz import (
    test_activations,  # noqa: F401 - registers its cases
    test_batch_norm,  # noqa: F401 - registers its cases
    test_dropout,  # noqa: F401 - registers its cases
    test_l1_proximal,  # noqa: F401 - registers its cases
    test_least_squares,  # noqa: F401 - registers its cases
    test_linear_networks,  # noqa: F401 - registers its cases
    test_metrics,  # noqa: F401 - registers its cases
    test_optimizers,  # noqa: F401 - registers its cases
    test_schedules,  # noqa: F401 - registers its cases
)
from tests.core.fuzz.framework import (
    CASES,
    SETTINGS,
    Case,
    Kwargs,
    as_plain,
    assert_value_error,
    call_strict,
)
from tests.core.fuzz.strategies import _SKIP

# =============================================================================================
# the tests
# =============================================================================================
BAD_CASES = [c for c in CASES if c.bad]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_valid_input_gives_finite_output(case: Case) -> None:
    forms = ["as_is", "as_is", "numpy"] + (["lists"] if case.lists_ok else [])

    @settings(max_examples=case.examples, **SETTINGS)
    @given(case.valid, st.sampled_from(forms))
    def run(kwargs: Kwargs, form: str) -> None:
        try:
            out = call_strict(case.func, {k: as_plain(v, form) for k, v in kwargs.items()})
        except ValueError as exc:
            # a documented refusal (e.g. rank-deficient normal equations), by core's own check
            if case.refuses(kwargs) and not isinstance(exc, np.linalg.LinAlgError):
                return
            raise
        case.check(kwargs, out)

    run()


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
def test_invalid_input_raises_only_value_error(case: Case) -> None:
    # each example corrupts every parameter in turn, so fewer examples cover more cases
    @settings(max_examples=max(1, 2 * case.examples // 3), **SETTINGS)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        valid = dict(data.draw(case.valid, label="valid kwargs"))
        for name in sorted(case.bad):  # corrupt one parameter at a time, each of them
            bad = data.draw(case.bad[name](valid), label=name)
            if bad is not _SKIP:
                assert_value_error(case.func, {**valid, name: bad})

    run()
