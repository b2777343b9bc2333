"""The multilayer perceptron of the trainer: build it, count it, save and load its weights.

The network of a :class:`NetSpec` with hidden widths ``(h_1, ..., h_L)`` is an
``nn.Sequential`` with named layers, for each hidden layer ``k``::

    fc{k}: Linear(h_{k-1} -> h_k)  [bn{k}: BatchNorm1d(h_k)]  act{k}  [drop{k}: Dropout(p_k)]

followed by ``out: Linear(h_L -> n_classes)``. It returns *logits*: the softmax lives inside
``F.cross_entropy`` during training and is applied explicitly for probabilities. With no hidden
layer this is multinomial logistic regression. Batch norm sits before the nonlinearity, as in
Ioffe & Szegedy (2015), Algorithm 1 and Section 3.2; placing it after the activation (as some
Keras models do) changes no parameter count.

This module knows nothing about the trainer: a :class:`NetSpec` is a plain description of the
network. The trainer's ``TrainConfig.net`` gives one, and every function here also accepts
an object with such a ``net`` attribute (so ``build_model(config)`` works).

References
----------
Goodfellow, Bengio & Courville, *Deep Learning* (2016), chapter 6 (MLPs) and 7.12 (dropout).
"""

from __future__ import annotations

import io
import math
import pickle
import warnings
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from core._validate import check_scalar

__all__ = [
    "ACTIVATIONS",
    "INITS",
    "MAX_WEIGHTS_BYTES",
    "Dropout",
    "LayerRow",
    "NetSpec",
    "build_model",
    "count_parameters",
    "init_parameters",
    "load_state_dict_bytes",
    "load_weights",
    "parameter_table",
    "state_dict_to_bytes",
]

ACTIVATIONS: dict[str, type[nn.Module]] = {
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,  # negative_slope 0.01 (torch default)
    "elu": nn.ELU,  # alpha 1.0
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
}

INITS: tuple[str, ...] = ("default", "kaiming", "xavier", "normal")

MAX_WEIGHTS_BYTES = 50 * 1024 * 1024  # 5 x 1024 hidden units on MNIST is ~21 MB


class Dropout(nn.Dropout):
    """Inverted dropout (``p`` = drop probability, as ``nn.Dropout``) with its own generator.

    In training each unit is zeroed with probability ``p`` and the survivors are divided by
    ``1 - p``, so nothing changes at evaluation. Drawing the masks from a private
    ``torch.Generator`` keeps a run reproducible even when other code (another browser session
    in the same server process) uses torch's global random state in between steps.
    """

    def __init__(self, p: float = 0.5, generator: torch.Generator | None = None) -> None:
        super().__init__(p)
        self.generator = generator

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return x
        if self.generator is None:
            return F.dropout(x, self.p, training=True)
        keep = 1.0 - self.p
        mask = torch.empty_like(x).bernoulli_(keep, generator=self.generator)
        return x * mask.div_(keep)


@dataclass(frozen=True)
class NetSpec:
    """A plain description of the network: sizes, activation, regularizing layers, init.

    ``dropout`` and ``batch_norm`` hold one value per hidden layer. ``seed`` seeds the initial
    weights and the dropout masks when :func:`build_model` gets no generator. A
    :class:`core.trainer.TrainConfig` validates all this once and gives it as ``config.net``;
    the checks here only guard a spec written by hand.
    """

    n_in: int
    hidden: tuple[int, ...]
    n_out: int
    activation: str = "relu"
    dropout: tuple[float, ...] = ()
    batch_norm: tuple[bool, ...] = ()
    init: str = "default"
    init_std: float = 0.01
    seed: int = 0

    def __post_init__(self) -> None:
        if self.activation not in ACTIVATIONS:
            raise ValueError(
                f"activation must be one of {', '.join(ACTIVATIONS)}, got {self.activation!r}"
            )
        if self.init not in INITS:
            raise ValueError(f"init must be one of {', '.join(INITS)}, got {self.init!r}")
        n = len(self.hidden)
        for name in ("dropout", "batch_norm"):
            if len(getattr(self, name)) != n:
                raise ValueError(
                    f"{name} must have one value per hidden layer ({n}), "
                    f"got {len(getattr(self, name))}"
                )


def _as_net(net: Any) -> NetSpec:
    """``net`` itself if it is a :class:`NetSpec`, else its ``net`` attribute (a config)."""
    spec = net if isinstance(net, NetSpec) else getattr(net, "net", None)
    if not isinstance(spec, NetSpec):
        raise ValueError(f"net must be a NetSpec or have a .net NetSpec, got {type(net).__name__}")
    return spec


def _check_generator(generator: Any) -> torch.Generator | None:
    """None or a ``torch.Generator`` (the only source of randomness here, as ``check_rng``)."""
    if generator is not None and not isinstance(generator, torch.Generator):
        raise ValueError(
            f"generator must be a torch.Generator or None, got {type(generator).__name__}"
        )
    return generator


def build_model(net: Any, generator: torch.Generator | None = None) -> nn.Sequential:
    """Build the network described by ``net`` and initialize it.

    Parameters
    ----------
    net : NetSpec, or an object with a ``net`` attribute (e.g. a ``TrainConfig``)
    generator : torch.Generator, optional
        Source of the initial weights and of the dropout masks. Default: a generator seeded
        with ``net.seed``.

    Returns
    -------
    nn.Sequential
        Named layers ``fc1, bn1, act1, drop1, ..., out``; output = logits (n, n_classes).
    """
    spec = _as_net(net)
    if _check_generator(generator) is None:
        generator = torch.Generator().manual_seed(int(spec.seed))
    layers: OrderedDict[str, nn.Module] = OrderedDict()
    fan_in = spec.n_in
    for k, width in enumerate(spec.hidden, start=1):
        layers[f"fc{k}"] = nn.Linear(fan_in, width)
        if spec.batch_norm[k - 1]:
            layers[f"bn{k}"] = nn.BatchNorm1d(width)
        layers[f"act{k}"] = ACTIVATIONS[spec.activation]()
        if spec.dropout[k - 1] > 0:
            layers[f"drop{k}"] = Dropout(float(spec.dropout[k - 1]), generator=generator)
        fan_in = width
    layers["out"] = nn.Linear(fan_in, spec.n_out)
    model = nn.Sequential(layers)
    init_parameters(model, spec.init, spec.activation, spec.init_std, generator)
    return model


def init_parameters(
    model: nn.Module,
    init: str,
    activation: str,
    std: float = 0.01,
    generator: torch.Generator | None = None,
) -> None:
    r"""(Re)initialize every ``nn.Linear`` of ``model`` in place.

    * ``default`` -- PyTorch's own rule, :math:`W, b \sim U(-1/\sqrt{n_{in}}, 1/\sqrt{n_{in}})`
      (``kaiming_uniform_`` with ``a = sqrt(5)``), redrawn from ``generator``;
    * ``kaiming`` -- He et al. (2015), :math:`W \sim N(0, \text{gain}^2/n_{in})` with the gain of
      the activation (:math:`\sqrt2` for ReLU), biases 0;
    * ``xavier`` -- Glorot & Bengio (2010), :math:`W \sim N(0, 2/(n_{in} + n_{out}))`, biases 0;
    * ``normal`` -- :math:`W \sim N(0, \sigma^2)` with ``std`` = sigma, biases 0.

    The output layer, which has no activation after it, uses the linear gain under ``kaiming``.
    Batch-norm layers keep gamma = 1 and beta = 0.

    Raises
    ------
    ValueError
        ``model`` not a module, ``init`` or ``activation`` not a known name, ``std`` not a
        finite number > 0, ``generator`` neither None nor a ``torch.Generator``. Every argument
        is checked, also those the chosen ``init`` does not use.
    """
    if not isinstance(model, nn.Module):
        raise ValueError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    if not isinstance(init, str) or init not in INITS:
        raise ValueError(f"init must be one of {', '.join(INITS)}, got {init!r}")
    if not isinstance(activation, str) or activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
    std = check_scalar(std, "std", low=0, low_inclusive=False)
    _check_generator(generator)
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    nonlinearity = {"relu": "relu", "elu": "relu", "leaky_relu": "leaky_relu"}.get(
        activation, activation
    )
    with torch.no_grad():
        for i, layer in enumerate(linears):
            w, b = layer.weight, layer.bias
            last = i == len(linears) - 1
            if init == "default":
                nn.init.kaiming_uniform_(w, a=math.sqrt(5), generator=generator)
                bound = 1.0 / math.sqrt(w.shape[1])
                nn.init.uniform_(b, -bound, bound, generator=generator)
                continue
            if init == "kaiming":
                nn.init.kaiming_normal_(
                    w,
                    a=0.01 if nonlinearity == "leaky_relu" else 0.0,
                    nonlinearity="linear" if last else nonlinearity,
                    generator=generator,
                )
            elif init == "xavier":
                nn.init.xavier_normal_(w, gain=1.0, generator=generator)
            elif init == "normal":
                nn.init.normal_(w, 0.0, std, generator=generator)
            nn.init.zeros_(b)


@dataclass(frozen=True)
class LayerRow:
    """One row of the parameter table.

    ``buffers`` counts running statistics (BatchNorm's ``running_mean`` and ``running_var``);
    the integer step counter ``num_batches_tracked`` is not a statistic and is left out.
    """

    name: str  # "fc1", "bn2", ...
    kind: str  # "Linear", "BatchNorm1d", "ReLU", "Dropout", ...
    output_shape: tuple[int | None, int]  # (None, features): None = any batch size
    param_shapes: tuple[tuple[str, tuple[int, ...]], ...]  # (("weight", (64, 784)), ...)
    trainable: int
    buffers: int
    detail: str = ""  # "p=0.33" for dropout, "eps=1e-05, momentum=0.1" for batch norm


def _n_buffer_values(module: nn.Module) -> int:
    return sum(b.numel() for b in module.buffers(recurse=False) if b.is_floating_point())


def parameter_table(model: nn.Sequential) -> list[LayerRow]:
    """Per-layer shapes and counts, like a Keras ``summary()``.

    Examples
    --------
    The course's five-hidden-layer network 64-64-128-64-64 with one BatchNorm(64) has
    75,914 trainable parameters and 128 running-statistic values (Keras lists 76,042 = 75,914
    + 128 in total).
    """
    rows = []
    features = None
    for name, module in model.named_children():
        if isinstance(module, nn.Linear):
            features = module.out_features
        detail = ""
        if isinstance(module, nn.Dropout):
            detail = f"p={module.p:g}"
        elif isinstance(module, nn.BatchNorm1d):
            detail = f"eps={module.eps:g}, momentum={module.momentum:g}"
        elif isinstance(module, nn.LeakyReLU):
            detail = f"negative_slope={module.negative_slope:g}"
        elif isinstance(module, nn.ELU):
            detail = f"alpha={module.alpha:g}"
        rows.append(
            LayerRow(
                name=name,
                kind=type(module).__name__,
                output_shape=(None, int(features) if features is not None else 0),
                param_shapes=tuple(
                    (pname, tuple(p.shape)) for pname, p in module.named_parameters(recurse=False)
                ),
                trainable=sum(
                    p.numel() for p in module.parameters(recurse=False) if p.requires_grad
                ),
                buffers=_n_buffer_values(module),
                detail=detail,
            )
        )
    return rows


def count_parameters(model: nn.Module) -> tuple[int, int]:
    """(trainable parameters, running-statistic buffer values) of ``model``."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    buffers = sum(b.numel() for b in model.buffers() if b.is_floating_point())
    return int(trainable), int(buffers)


def state_dict_to_bytes(state_dict: Mapping[str, torch.Tensor]) -> bytes:
    """Serialize a ``state_dict`` with ``torch.save`` (the bytes of a ``.pt`` file)."""
    buf = io.BytesIO()
    torch.save({k: v.detach().cpu() for k, v in state_dict.items()}, buf)
    return buf.getvalue()


def load_state_dict_bytes(
    blob: bytes, net: Any, max_bytes: int = MAX_WEIGHTS_BYTES
) -> dict[str, torch.Tensor]:
    """Read a ``.pt`` state_dict safely and check it fits the architecture of ``net``.

    ``torch.load(..., weights_only=True)`` only rebuilds tensors and plain containers, so a
    pickle that would run code when loaded is refused instead of executed.

    Parameters
    ----------
    blob : bytes
        File content (e.g. from ``st.file_uploader``).
    net : NetSpec, or an object with a ``net`` attribute (e.g. a ``TrainConfig``)
        The architecture the weights must match (names and shapes of every tensor).
    max_bytes : int
        Larger files are refused before reading.

    Raises
    ------
    ValueError
        Too large, not a readable weights file, unsafe content, or architecture mismatch.
    """
    if not isinstance(blob, (bytes, bytearray, memoryview)):
        raise ValueError(f"weights must be bytes, got {type(blob).__name__}")
    size = len(blob)
    if size > max_bytes:
        raise ValueError(f"weights file must be <= {max_bytes} bytes, got {size}")
    if size == 0:
        raise ValueError("weights file is empty")
    try:
        with warnings.catch_warnings():  # e.g. "pickle protocol 4": the file is refused anyway
            warnings.simplefilter("ignore", UserWarning)
            state = torch.load(io.BytesIO(bytes(blob)), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise ValueError(
            "weights file refused: it contains objects other than tensors "
            "(only a state_dict saved with torch.save is accepted)"
        ) from exc
    except (RuntimeError, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"weights file could not be read as a PyTorch state_dict: {exc}") from exc
    if not isinstance(state, Mapping) or not all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items()
    ):
        raise ValueError("weights file must contain a state_dict (a mapping of names to tensors)")
    expected = build_model(net).state_dict()
    missing = [k for k in expected if k not in state]
    extra = [k for k in state if k not in expected]
    wrong = [
        f"{k} {tuple(state[k].shape)} (expected {tuple(v.shape)})"
        for k, v in expected.items()
        if k in state and tuple(state[k].shape) != tuple(v.shape)
    ]
    if missing or extra or wrong:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing[:4]) + (" ..." if len(missing) > 4 else ""))
        if extra:
            parts.append("unexpected " + ", ".join(extra[:4]) + (" ..." if len(extra) > 4 else ""))
        if wrong:
            parts.append("wrong shape " + ", ".join(wrong[:3]) + (" ..." if len(wrong) > 3 else ""))
        raise ValueError("weights do not match the configured architecture: " + "; ".join(parts))
    for k, v in state.items():
        if v.is_floating_point() and not bool(torch.isfinite(v).all()):
            raise ValueError(f"weights contain NaN or inf in {k}")
    return {k: v.to(expected[k].dtype) for k, v in state.items()}


def load_weights(blob: bytes, net: Any, max_bytes: int = MAX_WEIGHTS_BYTES) -> nn.Sequential:
    """Build the model of ``net`` and load the weights in ``blob`` (see
    :func:`load_state_dict_bytes`); the model is returned in evaluation mode."""
    state = load_state_dict_bytes(blob, net, max_bytes)
    model = build_model(net)
    model.load_state_dict(state, strict=True)
    return model.eval()
