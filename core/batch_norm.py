"""Batch normalization (Algorithm 1 of Ioffe & Szegedy, 2015) and why it helps.

For a mini-batch ``x`` of shape (N, C) (N examples, C features), each feature is normalized with
the statistics of the batch, then scaled and shifted by learned parameters:

    mu_B = mean over the batch, sigma2_B = (biased) variance over the batch,
    x_hat = (x - mu_B) / sqrt(sigma2_B + eps),  y = gamma * x_hat + beta.

In training, running estimates of the mean and variance move towards the batch statistics with a
momentum (PyTorch's convention: ``new = (1 - momentum) * old + momentum * batch_value``, and the
running variance uses the *unbiased* batch variance). In evaluation the running estimates replace
the batch statistics, so one example's output no longer depends on its batch mates.

The rest of the module supports the page: a population of features on very different scales
(height in metres, age in years, ...) sampled batch by batch from a seed, min–max scaling (which
is *not* batch normalization), how noisy the batch statistics are for small batches, and gradient
descent on a two-feature linear regression before and after standardizing the features.

References
----------
S. Ioffe and C. Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing
Internal Covariate Shift", ICML 2015, Algorithm 1 (transform) and Algorithm 2 (inference).
PyTorch documentation, ``torch.nn.BatchNorm1d`` and ``torch.nn.functional.batch_norm``.
Y. LeCun, L. Bottou, G. Orr and K.-R. Müller, "Efficient BackProp", 1998, section 4.3
(centred, equally scaled inputs make gradient descent faster).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core._validate import _short, as_float_array, check_rng, check_scalar, with_latex

BN_LATEX = (
    r"\mu_B = \frac{1}{N}\sum_{i=1}^{N} x_i,\qquad "
    r"\sigma_B^2 = \frac{1}{N}\sum_{i=1}^{N} (x_i - \mu_B)^2,\qquad "
    r"\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}},\qquad "
    r"y_i = \gamma\,\hat{x}_i + \beta"
)
RUNNING_LATEX = (
    r"\hat{\mu} \leftarrow (1 - m)\,\hat{\mu} + m\,\mu_B,\qquad "
    r"\hat{\sigma}^2 \leftarrow (1 - m)\,\hat{\sigma}^2 + m\,\frac{N}{N-1}\,\sigma_B^2"
)
EVAL_LATEX = r"y_i = \gamma\,\frac{x_i - \hat{\mu}}{\sqrt{\hat{\sigma}^2 + \varepsilon}} + \beta"
MIN_MAX_LATEX = r"x'_i = \frac{x_i - \min_j x_j}{\max_j x_j - \min_j x_j} \in [0, 1]"
GD_LATEX = (
    r"L(w, b) = \frac{1}{2n}\sum_{i=1}^{n} (w^\top x_i + b - y_i)^2,\qquad "
    r"\theta_{k+1} = \theta_k - \eta\,\nabla L(\theta_k),\qquad \eta = f\cdot\frac{2}{\lambda_{\max}}"
)

PRESETS: dict[str, tuple[float, float]] = {
    "height_m": (1.70, 0.10),
    "age_years": (35.0, 12.0),
    "weight_kg": (70.0, 12.0),
    "steps_per_day": (8000.0, 2500.0),
    "pixel": (128.0, 50.0),
}
"""Preset features as ``name: (offset, scale)`` = (population mean, population standard deviation)."""

MAX_FEATURES = 8
MAX_BATCH_SIZE = 4096
MAX_STREAM_STEPS = 10_000
TRAIN_STREAM, EVAL_STREAM = 0, 1
STREAM_BLOCK = 32  # batches drawn per generator; see _stream_block
MAX_CONDITION = 1e12  # beyond this eigh cannot resolve the smallest eigenvalue of the Hessian


# --------------------------------------------------------------------------------------------
# validation helpers
# --------------------------------------------------------------------------------------------


def _as_x(x: object) -> np.ndarray:
    return as_float_array(x, "x", ndim=2)


def _as_vector(value: object, name: str, n_features: int) -> np.ndarray:
    arr = as_float_array(value, name, ndim=1)
    if arr.shape[0] != n_features:
        raise ValueError(
            f"{name} must have length {n_features} (the number of features of x), "
            f"got {arr.shape[0]}"
        )
    return arr


# --------------------------------------------------------------------------------------------
# the transform
# --------------------------------------------------------------------------------------------


def batch_statistics(x: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Per-feature mean and biased variance of a mini-batch.

    Parameters
    ----------
    x : array_like, shape (N, C)
        N examples of C features.

    Returns
    -------
    mu_B, sigma2_B : ndarray, shape (C,)
        The batch mean and the *biased* batch variance (divided by N, as in Algorithm 1).

    References
    ----------
    Ioffe & Szegedy (2015), Algorithm 1.
    """
    x = _as_x(x)
    mu_B = x.mean(axis=0)
    sigma2_B = ((x - mu_B) ** 2).mean(axis=0)
    return mu_B, sigma2_B


@with_latex(BN_LATEX)
def batch_norm_forward(
    x: object,
    gamma: object,
    beta: object,
    running_mean: object,
    running_var: object,
    training: bool,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    r"""Batch normalization of a mini-batch, exactly as ``torch.nn.functional.batch_norm``.

    Parameters
    ----------
    x : array_like, shape (N, C)
        The mini-batch.
    gamma, beta : array_like, shape (C,), or None
        Scale and shift (learned in a network). ``None`` means 1 and 0, as in PyTorch.
    running_mean, running_var : array_like, shape (C,), or None
        Running estimates. May be ``None`` in training (then none are kept); required in
        evaluation. ``running_var`` must be >= 0.
    training : bool
        Training: normalize with the batch statistics and update the running estimates.
        Evaluation: normalize with the running estimates, which are returned unchanged.
    momentum : float in [0, 1]
        Weight of the new batch in the running estimates.
    eps : float
        Added to the variance; must be > 0 in training (as PyTorch requires) and >= 0 in
        evaluation.

    Returns
    -------
    y : ndarray, shape (N, C)
    new_running_mean, new_running_var : ndarray, shape (C,), or None
        New arrays; the inputs are never modified. In training the running variance moves
        towards the *unbiased* batch variance ``N / (N - 1) * sigma2_B``.

    Raises
    ------
    ValueError
        For a batch of one example in training (its variance is 0 and carries no information),
        mismatched shapes, ``momentum`` outside [0, 1], a negative ``eps`` or a negative
        running variance.

    References
    ----------
    Ioffe & Szegedy (2015), Algorithms 1 and 2; PyTorch ``torch.nn.BatchNorm1d``.
    """
    x = _as_x(x)
    n, c = x.shape
    training = bool(training)
    momentum = check_scalar(momentum, "momentum", low=0.0, high=1.0)
    if training:
        eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
        if n < 2:
            raise ValueError(
                f"batch size must be >= 2 in training mode (one example has no spread), got {n}"
            )
    else:
        eps = check_scalar(eps, "eps", low=0.0)
    gamma = np.ones(c) if gamma is None else _as_vector(gamma, "gamma", c)
    beta = np.zeros(c) if beta is None else _as_vector(beta, "beta", c)
    if (running_mean is None) != (running_var is None):
        raise ValueError("running_mean and running_var must be both given or both None")
    if running_mean is not None:
        running_mean = _as_vector(running_mean, "running_mean", c)
        running_var = _as_vector(running_var, "running_var", c)
        if np.any(running_var < 0):
            raise ValueError(f"running_var must be >= 0, got {running_var.min():.6g}")
    elif not training:
        raise ValueError("running_mean and running_var are required in evaluation mode")

    if training:
        mu_B, sigma2_B = batch_statistics(x)
        mean, var = mu_B, sigma2_B
        if running_mean is not None:
            unbiased = sigma2_B * n / (n - 1)
            running_mean = (1.0 - momentum) * running_mean + momentum * mu_B
            running_var = (1.0 - momentum) * running_var + momentum * unbiased
    else:
        mean, var = running_mean, running_var
        if np.any(var + eps <= 0):
            raise ValueError("running_var + eps must be > 0 for every feature, got 0")
        # Copies, so that callers can never alias the caller's arrays.
        running_mean, running_var = running_mean.copy(), running_var.copy()

    x_hat = (x - mean) / np.sqrt(var + eps)
    y = gamma * x_hat + beta
    return y, running_mean, running_var


@with_latex(MIN_MAX_LATEX)
def min_max_scale(x: object) -> np.ndarray:
    r"""Rescale each feature of ``x`` (N, C) to [0, 1] by its batch minimum and maximum.

    This is *not* batch normalization: the result has neither mean 0 nor variance 1 and is
    governed by the two most extreme examples. A constant feature maps to 0 (the convention of
    scikit-learn's ``MinMaxScaler``).
    """
    x = _as_x(x)
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    span = np.where(span == 0, 1.0, span)
    return (x - lo) / span


def standardize(x: object) -> np.ndarray:
    """Per-feature ``(x - mean) / std`` over the rows (biased std): batch norm with eps = 0."""
    x = _as_x(x)
    mu, var = batch_statistics(x)
    if np.any(var == 0):
        j = int(np.argmin(var))
        raise ValueError(f"feature {j + 1} of x is constant, so it cannot be standardized")
    return (x - mu) / np.sqrt(var)


# --------------------------------------------------------------------------------------------
# a population and its stream of mini-batches
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    """Independent normal features ``x_j = offset_j + scale_j * z`` with ``z ~ N(0, 1)``.

    ``offset`` is the population mean and ``scale**2`` the population variance of each feature:
    the values the running estimates of batch norm should approach.
    """

    offset: tuple[float, ...]
    scale: tuple[float, ...]

    def __post_init__(self) -> None:
        offset = as_float_array(self.offset, "offset", ndim=1)
        scale = as_float_array(self.scale, "scale", ndim=1)
        if offset.shape != scale.shape:
            raise ValueError(
                f"offset and scale must have the same length, got {offset.shape[0]} "
                f"and {scale.shape[0]}"
            )
        if offset.shape[0] > MAX_FEATURES:
            raise ValueError(f"number of features must be <= {MAX_FEATURES}, got {offset.shape[0]}")
        if np.any(scale <= 0):
            raise ValueError(f"scale must be > 0, got {scale.min():.6g}")
        object.__setattr__(self, "offset", tuple(float(v) for v in offset))
        object.__setattr__(self, "scale", tuple(float(v) for v in scale))

    @classmethod
    def from_presets(cls, names: Sequence[str]) -> Population:
        """A population whose features are the named :data:`PRESETS` (1 to MAX_FEATURES names)."""
        if isinstance(names, str) or not isinstance(names, (list, tuple, np.ndarray)):
            raise ValueError(f"names must be a list of preset names, got {_short(names)}")
        names = list(np.ravel(names)) if isinstance(names, np.ndarray) else list(names)
        if not 1 <= len(names) <= MAX_FEATURES:
            raise ValueError(
                f"number of features must be >= 1 and <= {MAX_FEATURES}, got {len(names)}"
            )
        unknown = [n for n in names if not isinstance(n, str) or n not in PRESETS]
        if unknown:
            raise ValueError(f"unknown preset {unknown[0]!r}; choose from {', '.join(PRESETS)}")
        return cls(tuple(PRESETS[n][0] for n in names), tuple(PRESETS[n][1] for n in names))

    @property
    def n_features(self) -> int:
        return len(self.offset)

    @property
    def mean(self) -> np.ndarray:
        return np.array(self.offset)

    @property
    def variance(self) -> np.ndarray:
        return np.array(self.scale) ** 2

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` examples, shape (n, C)."""
        n = int(check_scalar(n, "n", low=1, high=MAX_BATCH_SIZE * 64, integer=True))
        check_rng(rng)
        z = rng.standard_normal((n, self.n_features))
        return self.mean + np.array(self.scale) * z


def _check_population(population: object) -> Population:
    if not isinstance(population, Population):
        raise ValueError(f"population must be a batch_norm.Population, got {_short(population)}")
    return population


def _check_stream(batch_size: int, seed: int) -> tuple[int, int]:
    batch_size = int(
        check_scalar(batch_size, "batch_size", low=1, high=MAX_BATCH_SIZE, integer=True)
    )
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    return batch_size, seed


def _stream_block(
    population: Population, batch_size: int, seed: int, stream: int, block: int
) -> np.ndarray:
    """Batches ``block * STREAM_BLOCK ... + STREAM_BLOCK - 1`` of a stream, shape (B, N, C).

    One generator per block of batches (seeded by ``(seed, stream, block)``) keeps any batch
    cheap to recompute from its number alone, without replaying the stream from the start.
    """
    rng = np.random.default_rng([seed, stream, block])
    z = rng.standard_normal((STREAM_BLOCK, batch_size, population.n_features))
    return population.mean + np.array(population.scale) * z


def stream_batch(
    population: Population, batch_size: int, seed: int, index: int, stream: int = TRAIN_STREAM
) -> np.ndarray:
    """Mini-batch number ``index`` (shape (N, C)) of a reproducible stream from ``population``.

    Batch ``index`` depends only on ``(seed, stream, index)`` and the batch size, never on which
    batches were drawn before, so a page can recompute any batch from a seed and a counter.
    ``stream`` separates the training batches (0) from the evaluation batches (1).
    """
    _check_population(population)
    batch_size, seed = _check_stream(batch_size, seed)
    index = int(check_scalar(index, "index", low=0, integer=True))
    stream = int(check_scalar(stream, "stream", low=0, integer=True))
    block = _stream_block(population, batch_size, seed, stream, index // STREAM_BLOCK)
    return block[index % STREAM_BLOCK]


@with_latex(RUNNING_LATEX)
def running_history(
    population: Population,
    batch_size: int,
    seed: int,
    steps: int,
    momentum: float = 0.1,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Running mean and variance after each of ``steps`` training batches of the stream.

    Starts from PyTorch's initial values (mean 0, variance 1) and applies the training update of
    :func:`batch_norm_forward` to training batches ``0, 1, ..., steps - 1`` of
    :func:`stream_batch` (the batch statistics are computed a block of batches at a time).

    Returns
    -------
    means, variances : ndarray, shape (steps + 1, C)
        Row 0 holds the initial values, row k the estimates after k batches.
    """
    _check_population(population)
    batch_size, seed = _check_stream(batch_size, seed)
    steps = int(check_scalar(steps, "steps", low=0, high=MAX_STREAM_STEPS, integer=True))
    momentum = check_scalar(momentum, "momentum", low=0.0, high=1.0)
    if steps > 0 and batch_size < 2:
        raise ValueError(
            f"batch size must be >= 2 in training mode (one example has no spread), got {batch_size}"
        )
    c = population.n_features
    mu_B, var_unbiased = np.empty((steps, c)), np.empty((steps, c))
    for block in range(-(-steps // STREAM_BLOCK)):
        x = _stream_block(population, batch_size, seed, TRAIN_STREAM, block)  # (B, N, C)
        lo, hi = block * STREAM_BLOCK, min(steps, (block + 1) * STREAM_BLOCK)
        mu = x.mean(axis=1)
        mu_B[lo:hi] = mu[: hi - lo]
        var_unbiased[lo:hi] = (((x - mu[:, None, :]) ** 2).sum(axis=1) / (batch_size - 1))[
            : hi - lo
        ]
    means, variances = np.empty((steps + 1, c)), np.empty((steps + 1, c))
    means[0], variances[0] = 0.0, 1.0
    for k in range(steps):
        means[k + 1] = (1.0 - momentum) * means[k] + momentum * mu_B[k]
        variances[k + 1] = (1.0 - momentum) * variances[k] + momentum * var_unbiased[k]
    return means, variances


def running_stationary_sd(
    population: Population, batch_size: int, momentum: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""Standard deviation of the running estimates once they have forgotten their start.

    The running mean is an exponential average of independent batch means, each with variance
    :math:`\sigma^2/N`, so in the long run its variance is
    :math:`\frac{m}{2 - m}\,\frac{\sigma^2}{N}`. The same holds for the running variance with
    the variance of the unbiased sample variance of normal data, :math:`2\sigma^4/(N - 1)`.

    Returns
    -------
    sd_mean, sd_var : ndarray, shape (C,)
    """
    _check_population(population)
    batch_size = int(
        check_scalar(batch_size, "batch_size", low=2, high=MAX_BATCH_SIZE, integer=True)
    )
    momentum = check_scalar(momentum, "momentum", low=0.0, high=1.0)
    factor = momentum / (2.0 - momentum)
    sigma2 = population.variance
    sd_mean = np.sqrt(factor * sigma2 / batch_size)
    sd_var = np.sqrt(factor * 2.0 * sigma2**2 / (batch_size - 1))
    return sd_mean, sd_var


def batch_noise(
    population: Population,
    batch_sizes: Sequence[int],
    n_batches: int,
    seed: int,
) -> dict[str, np.ndarray]:
    r"""How much the batch statistics vary from batch to batch, measured and predicted.

    For each batch size N, draws ``n_batches`` batches and returns the spread (standard
    deviation across batches) of :math:`\mu_B` and :math:`\sigma^2_B`, beside the normal-theory
    values :math:`\sigma/\sqrt{N}` and :math:`\sigma^2\sqrt{2(N-1)}/N`.

    Returns
    -------
    dict with ``batch_sizes`` (K,), ``sd_mu`` / ``sd_mu_theory`` / ``sd_var`` / ``sd_var_theory``
    of shape (K, C), and ``mean_var`` (K, C): the average biased batch variance, which is
    :math:`\frac{N-1}{N}\sigma^2` in expectation (the bias that the running estimate corrects).
    """
    _check_population(population)
    if isinstance(batch_sizes, str) or not isinstance(batch_sizes, (list, tuple, np.ndarray)):
        raise ValueError(f"batch_sizes must be a list of integers, got {_short(batch_sizes)}")
    sizes = [
        int(check_scalar(b, "batch size", low=1, high=MAX_BATCH_SIZE, integer=True))
        for b in batch_sizes
    ]
    if not sizes:
        raise ValueError("batch_sizes must not be empty, got []")
    n_batches = int(check_scalar(n_batches, "n_batches", low=2, high=100_000, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    c = population.n_features
    sigma, sigma2 = np.array(population.scale), population.variance
    out = {
        k: np.empty((len(sizes), c))
        for k in ("sd_mu", "sd_mu_theory", "sd_var", "sd_var_theory", "mean_var")
    }
    for i, n in enumerate(sizes):
        rng = np.random.default_rng([seed, 2, n])
        x = population.mean + sigma * rng.standard_normal((n_batches, n, c))
        mu_B = x.mean(axis=1)
        sigma2_B = x.var(axis=1)
        out["sd_mu"][i] = mu_B.std(axis=0, ddof=1)
        out["sd_var"][i] = sigma2_B.std(axis=0, ddof=1)
        out["mean_var"][i] = sigma2_B.mean(axis=0)
        out["sd_mu_theory"][i] = sigma / math.sqrt(n)
        out["sd_var_theory"][i] = sigma2 * math.sqrt(2.0 * (n - 1)) / n
    out["batch_sizes"] = np.array(sizes)
    return out


# --------------------------------------------------------------------------------------------
# why standardizing helps: gradient descent on a two-feature linear regression
# --------------------------------------------------------------------------------------------


def regression_problem(
    population: Population,
    n: int,
    seed: int,
    coef: Sequence[float] = (1.0, -0.5),
    intercept: float = 3.0,
    noise: float = 0.3,
) -> tuple[np.ndarray, np.ndarray]:
    r"""A linear-regression data set on the first two features of ``population``.

    :math:`y = b + \sum_j c_j\,(x_j - \mu_j)/\sigma_j + \text{noise}\cdot\varepsilon` with
    :math:`\varepsilon \sim N(0, 1)`: the coefficients ``coef`` are in standardized units so that
    both features matter equally whatever their scale.

    Returns
    -------
    X : ndarray, shape (n, 2)
    y : ndarray, shape (n,)
    """
    if _check_population(population).n_features < 2:
        raise ValueError(f"number of features must be >= 2, got {population.n_features}")
    n = int(check_scalar(n, "n", low=3, high=100_000, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    coef = as_float_array(coef, "coef", ndim=1)
    if coef.shape[0] != 2:
        raise ValueError(f"coef must have length 2, got {coef.shape[0]}")
    intercept = check_scalar(intercept, "intercept")
    noise = check_scalar(noise, "noise", low=0.0)
    rng = np.random.default_rng([seed, 3])
    pop2 = Population(population.offset[:2], population.scale[:2])
    X = pop2.sample(n, rng)
    z = (X - pop2.mean) / np.array(pop2.scale)
    y = intercept + z @ coef + noise * rng.standard_normal(n)
    return X, y


@dataclass(frozen=True)
class GDRun:
    """Gradient descent on :math:`L(w, b) = \\frac{1}{2n}\\|Xw + b - y\\|^2` from 0.

    ``theta`` stacks the parameters as ``(w_1, ..., w_d, b)``.
    """

    hessian: np.ndarray  # (d + 1, d + 1)
    eigenvalues: np.ndarray  # (d + 1,), ascending
    eigenvectors: np.ndarray  # (d + 1, d + 1), columns
    lr: float
    theta_star: np.ndarray  # (d + 1,)
    loss_star: float
    loss_0: float
    tol: float
    iterations: int | None  # to reach the tolerance; None when beyond max_iterations
    path_steps: np.ndarray  # (K,) iteration numbers of the stored iterates
    path: np.ndarray  # (K, d + 1) iterates at those iterations
    profile_hessian: np.ndarray  # (d, d): Hessian of min_b L(w, b), the centred covariance

    @property
    def condition_number(self) -> float:
        return float(self.eigenvalues[-1]) / float(self.eigenvalues[0])

    @property
    def _coords(self) -> np.ndarray:
        # theta_0 - theta_star in the eigenbasis (theta_0 = 0).
        return self.eigenvectors.T @ (-self.theta_star)

    def excess_loss(self, k: object) -> np.ndarray:
        """:math:`L(\\theta_k) - L^*` after k iterations, in closed form."""
        return _excess(self._coords, self.eigenvalues, self.lr, np.asarray(k, dtype=float))

    def iterate(self, k: int) -> np.ndarray:
        """:math:`\\theta_k = \\theta^* + (I - \\eta H)^k (\\theta_0 - \\theta^*)`, closed form."""
        factors = _powers(self.eigenvalues, self.lr, np.array([float(k)]))[0]
        return self.theta_star + self.eigenvectors @ (factors * self._coords)


def _powers(lam: np.ndarray, lr: float, k: np.ndarray) -> np.ndarray:
    """(1 - lr*lam)^k for each k (rows) and eigenvalue (columns), accurate when lr*lam is tiny."""
    a = lr * lam
    base = 1.0 - a
    with np.errstate(divide="ignore"):
        # log1p keeps the digits of 1 - a when a is tiny (condition numbers of 1e6 and more).
        log_abs = np.where(a < 0.5, np.log1p(-np.minimum(a, 0.5)), np.log(np.abs(base)))
    k = np.asarray(k, dtype=float)[:, None]
    with np.errstate(invalid="ignore"):
        mags = np.where(k == 0, 1.0, np.exp(k * log_abs))
    odd = np.mod(k, 2) == 1
    return np.where((base < 0) & odd, -mags, mags)


def _excess(coords: np.ndarray, lam: np.ndarray, lr: float, k: np.ndarray) -> np.ndarray:
    k = np.asarray(k, dtype=float)
    p = _powers(lam, lr, k.ravel())
    gap = 0.5 * ((p * coords) ** 2 * lam).sum(axis=1)
    return gap.reshape(k.shape)


@with_latex(GD_LATEX)
def linear_regression_gd(
    X: object,
    y: object,
    lr_fraction: float = 0.5,
    tol: float = 1e-6,
    n_path: int = 60,
    max_iterations: int = 10**12,
) -> GDRun:
    r"""Gradient descent on least squares with an intercept, started at :math:`\theta_0 = 0`.

    The loss is quadratic, :math:`L(\theta) = L^* + \frac12(\theta - \theta^*)^\top H
    (\theta - \theta^*)` with :math:`H = A^\top A / n` and :math:`A = [X, 1]`, so the iterates
    have the closed form :math:`\theta_k = \theta^* + (I - \eta H)^k(\theta_0 - \theta^*)` and the
    number of iterations to bring the excess loss below ``tol`` times its initial value is found
    exactly (it is about :math:`\kappa \ln(1/\text{tol}) / 2` for a step :math:`\eta = 1/\lambda_{\max}`).

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    lr_fraction : float in (0, 1)
        The step is ``lr_fraction * 2 / lambda_max``; gradient descent diverges at 1.
    tol : float in (0, 1)
        Relative tolerance on the excess loss, :math:`L(\theta_k) - L^* \le \text{tol}\,(L(\theta_0) - L^*)`.
    n_path : int
        Number of iterates stored for drawing: every step first, then log-spaced steps up to
        the iteration count (or ``max_iterations``).
    max_iterations : int
        Counts beyond this are reported as ``None`` (never reached in practice).

    References
    ----------
    LeCun et al., "Efficient BackProp" (1998), section 4.3; J. Nocedal and S. Wright,
    *Numerical Optimization*, 2nd ed., section 3.3 (rate of steepest descent on a quadratic).
    """
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    n, d = X.shape
    if y.shape[0] != n:
        raise ValueError(f"y must have length {n} (the number of rows of X), got {y.shape[0]}")
    lr_fraction = check_scalar(
        lr_fraction, "lr_fraction", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False
    )
    tol = check_scalar(tol, "tol", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False)
    n_path = int(check_scalar(n_path, "n_path", low=2, high=10_000, integer=True))
    max_iterations = int(check_scalar(max_iterations, "max_iterations", low=1, integer=True))

    A = np.hstack([X, np.ones((n, 1))])  # (n, d + 1)
    H = A.T @ A / n
    g = A.T @ y / n
    lam, Q = np.linalg.eigh(H)
    if lam[0] <= lam[-1] * MAX_CONDITION**-1:
        # Python floats: a ratio beyond the float range is inf, without a warning
        kappa = math.inf if lam[0] <= 0 else float(lam[-1]) / float(lam[0])
        raise ValueError(
            f"the loss is too ill-conditioned to solve reliably (condition number {kappa:.3g} "
            f"> {MAX_CONDITION:.0e}): the features are (nearly) collinear, constant, or on "
            "extremely different scales"
        )
    theta_star = Q @ ((Q.T @ g) / lam)
    loss_star = float(0.5 * np.mean((A @ theta_star - y) ** 2))
    loss_0 = float(0.5 * np.mean(y**2))
    lr = lr_fraction * 2.0 / float(lam[-1])
    coords = Q.T @ (-theta_star)
    gap_0 = float(_excess(coords, lam, lr, np.array([0.0]))[0])

    def reached(k: int) -> bool:
        return float(_excess(coords, lam, lr, np.array([float(k)]))[0]) <= tol * gap_0

    iterations: int | None
    if gap_0 == 0.0:
        iterations = 0
    else:
        # The excess loss is a sum of decreasing geometric terms, so it is monotone in k:
        # bracket by doubling, then bisect.
        hi = 1
        while not reached(hi) and hi <= max_iterations:
            hi *= 2
        if hi > max_iterations and not reached(max_iterations):
            iterations = None
        else:
            lo = hi // 2 if hi > 1 else 0
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (lo, mid) if reached(mid) else (mid, hi)
            iterations = hi if not reached(lo) else lo

    last = iterations if iterations is not None else max_iterations
    first = np.arange(0, min(last, n_path // 2) + 1)
    rest = np.unique(
        np.round(np.geomspace(max(first[-1], 1), max(last, 1), n_path - len(first) + 1))
    )
    steps = np.unique(np.concatenate([first, rest, [last]])).astype(np.int64)
    powers = _powers(lam, lr, steps.astype(float))  # (K, d + 1)
    path = theta_star + (powers * coords) @ Q.T

    Xc = X - X.mean(axis=0)
    return GDRun(
        hessian=H,
        eigenvalues=lam,
        eigenvectors=Q,
        lr=lr,
        theta_star=theta_star,
        loss_star=loss_star,
        loss_0=loss_0,
        tol=tol,
        iterations=iterations,
        path_steps=steps,
        path=path,
        profile_hessian=Xc.T @ Xc / n,
    )


def regression_loss(X: object, y: object, theta: object) -> np.ndarray:
    r""":math:`L(w, b) = \frac{1}{2n}\|Xw + b - y\|^2` for ``theta = (w, b)`` or a stack (K, d + 1)."""
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(
            f"y must have length {X.shape[0]} (the number of rows of X), got {y.shape[0]}"
        )
    theta = as_float_array(theta, "theta", ndim=(1, 2))
    if theta.shape[-1] != X.shape[1] + 1:
        raise ValueError(
            f"theta must have length {X.shape[1] + 1} (the weights and the intercept), "
            f"got {theta.shape[-1]}"
        )
    residual = np.atleast_2d(theta)[:, :-1] @ X.T + np.atleast_2d(theta)[:, -1:] - y  # (K, n)
    loss = 0.5 * np.mean(residual**2, axis=1)
    return loss if theta.ndim == 2 else loss[0]


def gradient_descent(X: object, y: object, lr: float, steps: int) -> np.ndarray:
    r"""Plain gradient descent on :func:`regression_loss` from 0, one step at a time.

    :math:`\theta_{k+1} = \theta_k - \eta\,A^\top(A\theta_k - y)/n` with :math:`A = [X, 1]`.
    The explicit loop that :func:`linear_regression_gd` solves in closed form.

    Returns
    -------
    ndarray, shape (steps + 1, d + 1): the iterates, row 0 = 0. With a step above
    :math:`2/\lambda_{\max}` the iterates grow until they overflow; the rows from the first
    non-finite iterate on are NaN (divergence is reported, not hidden).
    """
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    n = X.shape[0]
    if y.shape[0] != n:
        raise ValueError(f"y must have length {n} (the number of rows of X), got {y.shape[0]}")
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    steps = int(check_scalar(steps, "steps", low=0, high=1_000_000, integer=True))
    A = np.hstack([X, np.ones((n, 1))])
    thetas = np.full((steps + 1, A.shape[1]), np.nan)
    thetas[0] = 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):
            theta = thetas[k] - lr * A.T @ (A @ thetas[k] - y) / n
            if not np.all(np.isfinite(theta)):
                break
            thetas[k + 1] = theta
    return thetas


def ellipse(H: object, center: object, level: float, n_points: int = 120) -> np.ndarray:
    r"""Points of the level set :math:`\frac12 (w - c)^\top H (w - c) = \text{level}` in 2-D.

    Used to draw exact contour lines of a quadratic loss (``H`` symmetric positive definite).

    Returns
    -------
    ndarray, shape (n_points + 1, 2): a closed curve (last point = first).
    """
    H = as_float_array(H, "H", ndim=2)
    if H.shape != (2, 2):
        raise ValueError(f"H must have shape (2, 2), got {H.shape}")
    center = as_float_array(center, "center", ndim=1)
    if center.shape != (2,):
        raise ValueError(f"center must have length 2, got {center.shape[0]}")
    level = check_scalar(level, "level", low=0.0)
    n_points = int(check_scalar(n_points, "n_points", low=3, high=10_000, integer=True))
    lam, Q = np.linalg.eigh((H + H.T) / 2)
    if lam[0] <= 0:
        raise ValueError(f"H must be positive definite, got smallest eigenvalue {lam[0]:.3g}")
    t = np.linspace(0.0, 2.0 * np.pi, n_points + 1)
    u = np.stack([np.cos(t), np.sin(t)], axis=1)  # (n_points + 1, 2) on the unit circle
    radii = np.sqrt(2.0 * level / lam)
    return center + (u * radii) @ Q.T
