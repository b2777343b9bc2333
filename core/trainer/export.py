"""The standalone PyTorch script of a configuration."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from core.data import DATASETS
from core.models import ACTIVATIONS
from core.trainer.augment import MAX_ROTATION_DEG, max_shift
from core.trainer.config import TrainConfig
from core.trainer.hyper import TORCH_OPTIMIZERS


@functools.cache
def _template() -> str:
    """The script's text with ``str.format`` fields (``{{``/``}}`` are literal braces)."""
    return resources.files("core.trainer").joinpath("script_template.txt").read_text("utf-8")


def _py(value: Any) -> str:
    """Python source of a hyperparameter value (a tuple stays a tuple, e.g. Adam's betas)."""
    return repr(tuple(value)) if isinstance(value, tuple) else repr(value)


_AUGMENT_CODE = '''

IMAGE_SIZE = {size}  # square images, {size}x{size}
MAX_SHIFT = {shift}  # pixels
MAX_ROTATION = {rotation}  # degrees
FILL = -MEAN / STD  # a 0 (background) pixel after normalization


def augment(xb):
    """{what} of each image, drawn per image, on the whole batch at once."""
    B, S = len(xb), IMAGE_SIZE
    img = xb.reshape(B, 1, S, S) - FILL  # background at 0: the zero padding below fills it
    angle = {angle}
    shift = {offsets}
    cos, sin = torch.cos(angle), torch.sin(angle)
    tx, ty = 2 * shift[0] / S, 2 * shift[1] / S  # in affine_grid's [-1, 1] units
    theta = torch.stack([
        torch.stack([cos, -sin, -(cos * tx - sin * ty)], 1),
        torch.stack([sin, cos, -(sin * tx + cos * ty)], 1),
    ], 1)  # rotate about the centre, then shift
    grid = F.affine_grid(theta, [B, 1, S, S], align_corners=False)
    out = F.grid_sample(img, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return (out + FILL).reshape(B, -1)
'''


def _augment_code(config: TrainConfig) -> tuple[str, str]:
    """The script's ``augment(xb)`` function and its call in the batch loop (empty for "none"):
    the ranges of :mod:`core.trainer.augment` (one ``grid_sample``, also for shifts, which it
    reproduces at integer offsets), drawn from torch's global generator."""
    if config.augment == "none":
        return "", ""
    H, W = DATASETS[config.dataset].image_shape
    shifts, rotates = config.augment in ("shift", "shift_rotate"), "rotate" in config.augment
    what = {"shift": "A random shift", "rotate": "A random rotation"}.get(
        config.augment, "A random rotation and shift"
    )
    code = _AUGMENT_CODE.format(
        size=H,
        shift=max_shift((H, W)),
        rotation=repr(MAX_ROTATION_DEG),
        what=what,
        angle="(2 * torch.rand(B) - 1) * math.radians(MAX_ROTATION)"
        if rotates
        else "torch.zeros(B)",
        offsets="torch.randint(-MAX_SHIFT, MAX_SHIFT + 1, (2, B)).float()"
        if shifts
        else "torch.zeros(2, B)",
    )
    return code, "\n        xb = augment(xb)  # training batches only, never validation or test"


def pytorch_code(config: TrainConfig) -> str:
    """Standalone, runnable PyTorch script that builds the configured model and trains it.

    Plain PyTorch only (``torch``, plus ``scikit-learn`` for digits or ``torchvision`` for
    MNIST); the layer names equal :func:`core.models.build_model`'s, so weights downloaded from
    the app load into it with ``model.load_state_dict(torch.load(path, weights_only=True))``.
    """
    spec = DATASETS[config.dataset]
    if config.dataset == "digits":
        data_code = '''\
def load_data():
    """scikit-learn's 8x8 digits (1,797 images, pixels 0..16); a random 25 % test split."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    X = torch.tensor(digits.images.reshape(len(digits.images), -1), dtype=torch.float32) / 16.0
    y = torch.tensor(digits.target, dtype=torch.int64)
    perm = torch.randperm(len(y))
    n_test = round(0.25 * len(y))
    return X[perm[n_test:]], y[perm[n_test:]], X[perm[:n_test]], y[perm[:n_test]]
'''
    else:
        cls = "MNIST" if config.dataset == "mnist" else "FashionMNIST"
        data_code = f'''\
def load_data():
    """{cls} from torchvision, stored in $PIZARRA_DATA_DIR (default ./data)."""
    from torchvision import datasets

    root = os.environ.get("PIZARRA_DATA_DIR", "data")
    train = datasets.{cls}(root, train=True, download=True)
    test = datasets.{cls}(root, train=False, download=True)
    X = train.data.reshape(len(train.data), -1).float() / 255.0
    X_test = test.data.reshape(len(test.data), -1).float() / 255.0
    return X, train.targets, X_test, test.targets
'''
    layers = []
    fan_in = spec.n_features
    act_cls = ACTIVATIONS[config.activation].__name__
    for k, width in enumerate(config.hidden, start=1):
        layers.append(f'    ("fc{k}", nn.Linear({fan_in}, {width})),')
        if config.batch_norm[k - 1]:
            layers.append(f'    ("bn{k}", nn.BatchNorm1d({width})),')
        layers.append(f'    ("act{k}", nn.{act_cls}()),')
        if config.dropout[k - 1] > 0:
            layers.append(f'    ("drop{k}", nn.Dropout(p={config.dropout[k - 1]:g})),')
        fan_in = width
    layers.append(f'    ("out", nn.Linear({fan_in}, {spec.n_classes})),')

    init_code = ""
    if config.init != "default":
        nl = {"relu": "relu", "elu": "relu", "leaky_relu": "leaky_relu"}.get(
            config.activation, config.activation
        )
        a = ", a=0.01" if nl == "leaky_relu" else ""
        rule = {
            "kaiming": f'nn.init.kaiming_normal_(layer.weight{a}, nonlinearity="linear" '
            f'if name == "out" else "{nl}")',
            "xavier": "nn.init.xavier_normal_(layer.weight)",
            "normal": f"nn.init.normal_(layer.weight, 0.0, {config.init_std!r})",
        }[config.init]
        init_code = f"""
# initialization: {config.init}
with torch.no_grad():
    for name, layer in model.named_children():
        if isinstance(layer, nn.Linear):
            {rule}
            nn.init.zeros_(layer.bias)
"""
    cls_name = TORCH_OPTIMIZERS[config.optimizer][0].__name__
    kwargs = "".join(f", {k}={_py(v)}" for k, v in config.optimizer_kwargs.items())
    p = config.schedule_kwargs
    sched = {
        "none": "None",
        "step": f"torch.optim.lr_scheduler.StepLR(optimizer, step_size={p.get('step_size')}, "
        f"gamma={p.get('gamma')!r})",
        "exponential": f"torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma={p.get('gamma')!r})",
        "inverse_time": "torch.optim.lr_scheduler.LambdaLR(optimizer, "
        f"lambda t: 1.0 / (1.0 + {p.get('k')!r} * t))",
        "cosine": f"torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max={p.get('T_max')}, "
        f"eta_min={p.get('eta_min')!r})",
        "cosine_restarts": "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, "
        f"T_0={p.get('T_0')}, T_mult={p.get('T_mult')}, "
        f"eta_min={p.get('eta_min')!r})",
    }[config.schedule]
    penalty_lines = []
    if config.l1:
        penalty_lines.append(
            f"        objective = objective + {config.l1!r} * sum(w.abs().sum() for w in weights)"
            "  # L1"
        )
    if config.l2:
        penalty_lines.append(
            f"        objective = objective + 0.5 * {config.l2!r} * sum(w.pow(2).sum() for w in weights)"
            "  # L2"
        )
    penalty = ("\n" + "\n".join(penalty_lines)) if penalty_lines else ""
    patience = config.patience
    augment_code, augment_call = _augment_code(config)
    fields = {
        "dataset": config.dataset,
        "summary": config.summary(),
        "data_package": "scikit-learn" if config.dataset == "digits" else "torchvision",
        "seed": config.seed,
        "epochs": config.epochs,
        "batch_size": config.batch_size,
        "val_fraction": repr(config.val_fraction),
        "train_fraction": repr(config.train_fraction),
        "patience": patience,
        "mean": repr(spec.mean),
        "std": repr(spec.std),
        "data_code": data_code,
        "layers": "\n".join(layers),
        "init_code": init_code,
        "cls_name": cls_name,
        "lr": repr(config.lr),
        "kwargs": kwargs,
        "sched": sched,
        "penalty": penalty,
        "augment_code": augment_code,
        "augment_call": augment_call,
    }
    return _template().format(**fields)
