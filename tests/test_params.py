"""URL value parsing: bad or hostile links never raise and never escape their range."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ui import params


@given(st.text(max_size=40), st.floats(-10, 10), st.booleans())
@settings(max_examples=200, deadline=None)
def test_parse_number_always_in_range(raw, default, integer):
    value, problem = params.parse_number(raw, default, -10.0, 10.0, integer)
    assert problem in (None, "invalid", "clamped")
    assert math.isfinite(value)
    if problem != "invalid":
        assert -10 <= value <= 10
    if integer and problem != "invalid":
        assert isinstance(value, int)


def test_parse_number_cases():
    assert params.parse_number("2.5", 1.0, 0, 5) == (2.5, None)
    assert params.parse_number("abc", 1.0, 0, 5) == (1.0, "invalid")
    assert params.parse_number("nan", 1.0, 0, 5) == (1.0, "invalid")
    assert params.parse_number("inf", 1.0, 0, 5) == (5, "clamped")
    assert params.parse_number("-1e308", 1.0, 0, 5) == (0, "clamped")
    assert params.parse_number("3.7", 1, 0, 5, integer=True) == (4, "clamped")


def test_choices_bools_and_display():
    assert params.parse_choice("adam", "sgd", ["sgd", "adam"]) == ("adam", None)
    assert params.parse_choice("1", 0.1, [0.1, 1.0]) == (1.0, None)
    assert params.parse_choice("'; DROP", "sgd", ["sgd"]) == ("sgd", "invalid")
    assert params.parse_bool("TRUE", False) == (True, None)
    assert params.parse_bool("maybe", False) == (False, "invalid")
    assert params.safe_display("<img src=x onerror=alert(1)>") == "img srcx onerroralert1"
    assert len(params.safe_display("9" * 500)) == 25


@given(
    st.lists(
        st.lists(st.floats(-1e6, 1e6) | st.just(math.nan), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    )
)
@settings(max_examples=100, deadline=None)
def test_matrix_round_trip(rows):
    matrix = np.array(rows, dtype=float)
    back, problem = params.parse_matrix(params.encode_matrix(matrix), np.zeros((1, 1)), 10, 10)
    assert problem is None
    np.testing.assert_allclose(back, matrix, rtol=1e-9, equal_nan=True)


def test_matrix_rejects_bad_input():
    default = np.eye(2)
    for raw in ["1,2;3", "a,b", "1,inf", ";".join(["1"] * 30), "1," * 3000]:
        value, problem = params.parse_matrix(raw, default, 12, 8)
        assert problem == "invalid" and value is default
