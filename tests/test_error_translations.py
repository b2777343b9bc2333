"""Core's messages for overflowing input reach a Spanish-speaking student in Spanish.

Each case triggers the real ValueError in core and checks the page's translation (``ui.i18n``),
with the numbers carried over.
"""

from __future__ import annotations

import numpy as np
import pytest

from core import activations, l1_proximal, least_squares
from ui import i18n


def _normal_equations_overflow():
    least_squares.normal_equations_solution(
        np.array([[1e-200], [2e-200]]), np.array([1e200, 1e200])
    )


def _ista_step_underflow():
    l1_proximal.default_lr(np.array([[1e-310], [1e-310]]))


def _deep_init_overflow():
    activations.layer_statistics(20, 1000, "relu", 10.0, seed=0)


@pytest.mark.parametrize(
    "trigger, spanish",
    [
        (_normal_equations_overflow, "la solución w de las ecuaciones normales excede el rango"),
        (_ista_step_underflow, "para que el paso 1/L sea finito; se recibió 1.41e-310"),
        (_deep_init_overflow, "es demasiado grande para 20 capas de ancho 1000"),
    ],
)
def test_overflow_messages_are_translated(trigger, spanish):
    with pytest.raises(ValueError) as info:
        trigger()
    english = str(info.value)
    translated = i18n.translate_error("es", english)
    assert translated != english
    assert spanish in translated
    assert i18n.translate_error("en", english) == english
