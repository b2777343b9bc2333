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


# -- errors with a code: written from errors.<code>, not matched by regex ------------------------
def _config(**changes):
    from core.trainer import TrainConfig

    return lambda: TrainConfig(**changes)


def _from_dict(d):
    from core.trainer import TrainConfig

    return lambda: TrainConfig.from_dict(d)


def _from_json(text):
    from core.trainer import TrainConfig

    return lambda: TrainConfig.from_json(text)


# one trigger per ConfigError code, with a word of the Spanish message
CONFIG_ERRORS = {
    "type": (_config(epochs="ten"), "debe ser un número; se recibió 'ten'"),
    "not_finite": (_config(l2=float("inf")), "l2 debe ser finito; se recibió inf"),
    "not_integer": (_config(batch_size=2.5), "batch_size debe ser un entero; se recibió 2.5"),
    "too_small": (_config(val_fraction=0.0), "val_fraction debe ser > 0.0; se recibió 0.0"),
    "too_large": (_config(l2=11.0), "l2 debe ser <= 10.0; se recibió 11.0"),
    "choice": (_config(activation="swish"), "activation debe ser uno de relu, leaky_relu"),
    "bool": (_config(eval_train_loss=1), "eval_train_loss debe ser verdadero o falso"),
    "pair": (
        _config(optimizer="adam", optimizer_params={"betas": 0.9}),
        "betas debe ser un par de números; se recibió 0.9",
    ),
    "not_list": (_config(hidden="wide"), "hidden debe ser una lista de anchos de capa"),
    "too_many_layers": (_config(hidden=(8,) * 6), "admite como máximo 5 capas; se recibieron 6"),
    "length": (
        _config(hidden=(10, 10), dropout=(0.1,)),
        "dropout necesita un valor por capa oculta (2); se recibieron 1",
    ),
    "mapping": (_config(optimizer_params=5), "optimizer_params debe asociar nombres a valores"),
    "no_params": (
        _config(optimizer_params={"momentum": 0.9}),
        "optimizer_params de sgd no admite parámetros; se recibió 'momentum'",
    ),
    "unknown_name": (
        _config(schedule="cosine", schedule_params={"T_0": 3}),
        "solo admite los nombres T_max, eta_min; se recibió 'T_0'",
    ),
    "nesterov_momentum": (
        _config(optimizer="nesterov", optimizer_params={"momentum": 0.0}),
        "momento (momentum) de nesterov debe ser > 0; se recibió 0.0",
    ),
    "batch_norm_batch_size": (
        _config(hidden=(4,), batch_norm=True, batch_size=1),
        "batch_size debe ser >= 2 con normalización por lotes; se recibió 1",
    ),
    "snapshots_schedule": (
        _config(snapshots=2),
        "snapshots necesita el calendario cosine_restarts (coseno con reinicios); se recibió 'none'",
    ),
    "snapshots_cycles": (
        _config(schedule="cosine_restarts", epochs=15, snapshots=2),
        "debe ser <= los 1 ciclos con reinicio que terminan en 15 épocas",
    ),
    "not_object": (_from_dict([1]), "config debe ser un objeto JSON; se recibió list"),
    "unknown_field": (_from_dict({"depth": 3}), "config tiene campos desconocidos: depth"),
    "not_text": (_from_json(123), "config debe ser texto JSON (str o bytes); se recibió int"),
    "json": (_from_json("{"), "config no es JSON válido: Expecting"),
}


def test_every_config_error_code_has_text_in_both_languages():
    from core.trainer.constraints import CODES

    assert set(CONFIG_ERRORS) == set(CODES)  # a new code needs a trigger here, and its text
    table = i18n.catalogues()
    for code in CODES:
        en, es = table["en"][f"errors.{code}"], table["es"][f"errors.{code}"]
        assert i18n.placeholders(en) == i18n.placeholders(es), code
        assert {"param"} <= i18n.placeholders(en), code


@pytest.mark.parametrize("code", sorted(CONFIG_ERRORS))
def test_config_errors_are_written_from_their_code(code):
    """English from the catalogue is core's message word for word; Spanish comes from the code
    (the regex path no longer knows these messages)."""
    from core.trainer import ConfigError

    trigger, spanish = CONFIG_ERRORS[code]
    with pytest.raises(ConfigError) as info:
        trigger()
    exc = info.value
    assert exc.code == code
    assert i18n.error_text("en", exc) == str(exc)
    assert spanish in i18n.error_text("es", exc)
    assert i18n.placeholders(i18n.catalogues()["en"][f"errors.{code}"]) <= set(exc.message_args())


def test_an_error_without_a_code_still_goes_through_the_patterns():
    exc = ValueError("lr must be > 0, got -1")
    assert i18n.error_text("es", exc) == i18n.translate_error("es", str(exc))
    assert i18n.error_text("es", exc) == "lr debe ser > 0; se recibió -1"
    assert i18n.error_text("en", exc) == str(exc)


def test_an_overflowing_number_keeps_the_shortened_value():
    from core.trainer import ConfigError, TrainConfig

    with pytest.raises(ConfigError) as info:
        TrainConfig(lr=10**400)
    exc = info.value
    assert exc.code == "not_finite"
    assert i18n.error_text("en", exc) == str(exc)
    assert i18n.error_text("es", exc).startswith("lr debe ser finito; se recibió 1000")
