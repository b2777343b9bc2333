"""Messages of the errors that carry a code (``core.trainer.ConfigError``), by code.

``errors.<code>`` is the message of the rule ``<code>`` (``core.trainer.constraints.CODES``),
with the placeholders of ``ConfigError.message_args()``: ``{param}``, ``{value}`` and the code's
own details. The English text is core's message word for word (tests check it), so a page shows
the same sentence in English whichever path it takes. Errors without a code are still
translated by the patterns in ``ES_ERRORS`` of each topic.
"""

EN = {
    "errors.type": "{param} must be a number, got {value}",
    "errors.not_finite": "{param} must be finite, got {value}",
    "errors.not_integer": "{param} must be an integer, got {value}",
    "errors.too_small": "{param} must be {op} {bound}, got {value}",
    "errors.too_large": "{param} must be {op} {bound}, got {value}",
    "errors.choice": "{param} must be one of {allowed}, got {value}",
    "errors.bool": "{param} must be true or false, got {value}",
    "errors.pair": "{param} must be a pair of numbers, got {value}",
    "errors.not_list": "{param} must be a list of layer widths, got {value}",
    "errors.too_many_layers": "{param} must have at most {max} layers, got {count}",
    "errors.length": "{param} must have one value per hidden layer ({expected}), got {count}",
    "errors.mapping": "{param} must be a mapping of names to values",
    "errors.no_params": "{param} of {owner} takes no parameters, got {value}",
    "errors.unknown_name": "{param} of {owner} must use the names {allowed}, got {value}",
    "errors.nesterov_momentum": "optimizer_params {param} must be > 0 with nesterov, got {value}",
    "errors.batch_norm_batch_size": "{param} must be >= 2 with batch norm, got {value}",
    "errors.snapshots_schedule": "{param} needs the cosine_restarts schedule, got '{schedule}'",
    "errors.snapshots_cycles": (
        "{param} must be <= the {cycles} restart cycles that end within {epochs} epochs "
        "(T_0={T_0}, T_mult={T_mult}), got {value}"
    ),
    "errors.not_object": "{param} must be a JSON object, got {type}",
    "errors.not_text": "{param} must be JSON text (str or bytes), got {type}",
    "errors.unknown_field": "{param} has unknown fields: {fields}",
    "errors.json": "{param} is not valid JSON: {detail}",
}

ES = {
    "errors.type": "{param} debe ser un número; se recibió {value}",
    "errors.not_finite": "{param} debe ser finito; se recibió {value}",
    "errors.not_integer": "{param} debe ser un entero; se recibió {value}",
    "errors.too_small": "{param} debe ser {op} {bound}; se recibió {value}",
    "errors.too_large": "{param} debe ser {op} {bound}; se recibió {value}",
    "errors.choice": "{param} debe ser uno de {allowed}; se recibió {value}",
    "errors.bool": "{param} debe ser verdadero o falso; se recibió {value}",
    "errors.pair": "{param} debe ser un par de números; se recibió {value}",
    "errors.not_list": "{param} debe ser una lista de anchos de capa; se recibió {value}",
    "errors.too_many_layers": "{param} admite como máximo {max} capas; se recibieron {count}",
    "errors.length": "{param} necesita un valor por capa oculta ({expected}); se recibieron {count}",
    "errors.mapping": "{param} debe asociar nombres a valores",
    "errors.no_params": "{param} de {owner} no admite parámetros; se recibió {value}",
    "errors.unknown_name": "{param} de {owner} solo admite los nombres {allowed}; se recibió {value}",
    "errors.nesterov_momentum": "el momento ({param}) de nesterov debe ser > 0; se recibió {value}",
    "errors.batch_norm_batch_size": (
        "{param} debe ser >= 2 con normalización por lotes; se recibió {value}"
    ),
    "errors.snapshots_schedule": (
        "{param} necesita el calendario cosine_restarts (coseno con reinicios); se recibió "
        "'{schedule}'"
    ),
    "errors.snapshots_cycles": (
        "{param} debe ser <= los {cycles} ciclos con reinicio que terminan en {epochs} épocas "
        "(T_0={T_0}, T_mult={T_mult}); se recibió {value}"
    ),
    "errors.not_object": "{param} debe ser un objeto JSON; se recibió {type}",
    "errors.not_text": "{param} debe ser texto JSON (str o bytes); se recibió {type}",
    "errors.unknown_field": "{param} tiene campos desconocidos: {fields}",
    "errors.json": "{param} no es JSON válido: {detail}",
}
