"""Generalized inverses of ``A = X^T X``: every one gives a least-squares minimizer, only the
Moore–Penrose pseudoinverse gives the shortest.

Any ``G`` with ``A G A = A`` turns the normal equations into a solution ``w_G = G X^T y``; the
minimizers differ by a vector of the null space of ``X`` and all leave the same residual.

References
----------
C. R. Rao and S. K. Mitra, *Generalized Inverse of Matrices and its Applications* (1971).
S. R. Searle, *Matrix Algebra Useful for Statistics* (1982), chapter 8.
G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., section 5.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.linalg

from core._validate import as_float_array, with_latex
from core.least_squares import _as_X, _as_y, null_space, pinv, rank, residual_norm

# --------------------------------------------------------------------------------------------
# generalized inverses of X^T X: every one gives a minimizer, only Moore–Penrose the shortest
# --------------------------------------------------------------------------------------------


def _as_square(M: object, name: str, d: int) -> np.ndarray:
    M = as_float_array(M, name, ndim=2)
    if M.shape != (d, d):
        raise ValueError(f"{name} must have shape ({d}, {d}), got {M.shape}")
    return M


@with_latex(r"A = X^\top X,\qquad G = A^{+} + (I - A^{+}A)\,Z + W\,(I - AA^{+})")
def generalized_inverse(
    X: object, Z: object, W: object | None = None, rtol: float | None = None
) -> np.ndarray:
    """A generalized inverse ({1}-inverse) ``G`` of ``A = X^T X``: any ``G`` with ``A G A = A``.

    Every {1}-inverse of ``A`` has this form for some ``Z`` and ``W`` (Rao & Mitra); ``Z = W = 0``
    gives the Moore–Penrose pseudoinverse ``A^+``. ``A^+`` is computed from the SVD of ``X``
    (``A^+ = X^+ X^{+T}``), so the rank of ``A`` is the rank of ``X`` decided with ``rtol``, and
    ``I - A^+ A = N N^T`` projects onto the null space of ``X``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    Z, W : array_like, shape (d, d)
        Free matrices; ``W`` defaults to 0.
    rtol : float in [0, 1), optional
        Rank tolerance for ``X`` (as :func:`svd_info`).

    Returns
    -------
    G : ndarray, shape (d, d)
        Not symmetric in general, and equal to ``A^+`` whenever ``X`` has full column rank
        (then both projectors vanish and ``G = A^{-1}``).

    References
    ----------
    C. R. Rao and S. K. Mitra, *Generalized Inverse of Matrices and its Applications* (1971),
    theorem 2.4.1. Golub & Van Loan, *Matrix Computations*, 4th ed., 5.5.
    """
    X = _as_X(X)
    d = X.shape[1]
    Z = _as_square(Z, "Z", d)
    W = np.zeros((d, d)) if W is None else _as_square(W, "W", d)
    X_pinv = pinv(X, rtol)  # (d, n)
    A_pinv = X_pinv @ X_pinv.T  # (X^T X)^+ = X^+ X^{+T}
    N = null_space(X, rtol)  # (d, k)
    P_null = N @ N.T  # I - A^+ A = I - A A^+ (A is symmetric)
    return A_pinv + P_null @ Z + W @ P_null


@with_latex(
    r"G = \Pi\begin{pmatrix} A_{11}^{-1} & 0 \\ 0 & 0 \end{pmatrix}\Pi^\top,"
    r"\qquad A_{11} = X_B^\top X_B"
)
def block_generalized_inverse(X: object, rtol: float | None = None) -> tuple[np.ndarray, list[int]]:
    """The textbook generalized inverse of ``A = X^T X`` built from a nonsingular principal block.

    Choose ``r = rank(X)`` linearly independent columns ``B`` of ``X`` (QR with column pivoting),
    invert the ``r x r`` block ``A_11 = X_B^T X_B`` and put zeros elsewhere. Then ``A G A = A``,
    and ``G X^T y`` is the least-squares fit that uses only the columns ``B``: a minimizer with
    zeros on the other weights, generally *not* the minimum-norm one.

    Returns
    -------
    G : ndarray, shape (d, d)
    columns : list of int
        The chosen columns ``B`` (0-based, increasing).

    References
    ----------
    S. R. Searle, *Matrix Algebra Useful for Statistics* (1982), 8.3 (generalized inverses from a
    nonsingular minor).
    """
    X = _as_X(X)
    d = X.shape[1]
    r = rank(X, rtol)
    G = np.zeros((d, d))
    if r == 0:
        return G, []
    _, _, perm = scipy.linalg.qr(X, mode="economic", pivoting=True)
    cols = sorted(int(j) for j in perm[:r])
    X_B = X[:, cols]  # (n, r), full column rank
    try:
        A_11_inv = np.linalg.inv(X_B.T @ X_B)  # (r, r)
    except np.linalg.LinAlgError:
        # X_B has rank r by the tolerance, yet X_B^T X_B (condition number squared) can be
        # singular in floating point when rtol is tiny (rtol = 0 and duplicate columns). The
        # same inverse from the SVD of X_B: (X_B^T X_B)^{-1} = X_B^+ X_B^{+T}.
        X_B_pinv = pinv(X_B, rtol)  # (r, n)
        A_11_inv = X_B_pinv @ X_B_pinv.T
    G[np.ix_(cols, cols)] = A_11_inv
    return G, cols


@with_latex(r"\mathbf{w}_G = G\,X^\top\mathbf{y},\qquad A\,G\,A = A")
def minimizer_from_ginv(X: object, y: object, G: object) -> np.ndarray:
    """The least-squares minimizer ``G X^T y`` given by a generalized inverse ``G`` of ``X^T X``.

    If ``A G A = A`` then ``A (G X^T y) = X^T y`` because ``X^T y`` lies in the range of ``A``:
    ``w_G`` solves the normal equations, so it is a minimizer, whichever ``G``. Different ``G``
    give different minimizers (all with the same residual); only ``G = A^+`` gives ``X^+ y``.

    Returns
    -------
    w : ndarray, shape (d,)
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    G = _as_square(G, "G", X.shape[1])
    return G @ (X.T @ y)


@dataclass(frozen=True)
class GinvResult:
    """One generalized inverse ``G`` of ``A = X^T X`` and the minimizer it gives."""

    name: str  # "mp", "block" or "family"
    G: np.ndarray  # (d, d)
    defect: float  # max |A G A - A|, 0 up to rounding
    w: np.ndarray  # (d,) = G X^T y
    norm: float  # ||w||
    residual: float  # ||X w - y||
    columns: tuple[int, ...] = ()  # the block's columns (0-based), "block" only


def compare_generalized_inverses(
    X: object, y: object, rtol: float | None = None
) -> list[GinvResult]:
    """Three generalized inverses of ``X^T X`` and their minimizers, for the page's table.

    ``"mp"``: the Moore–Penrose ``(X^T X)^+`` (gives ``X^+ y``); ``"block"``: the inverse of a
    nonsingular principal block (:func:`block_generalized_inverse`); ``"family"``: the general
    formula with ``Z = W = diag(1, 2, ..., d)`` (:func:`generalized_inverse`).
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    d = X.shape[1]
    A = X.T @ X
    G_block, cols = block_generalized_inverse(X, rtol)
    Z = np.diag(np.arange(1.0, d + 1))  # not symmetric under swaps: moves w off X^+ y
    candidates = [
        ("mp", generalized_inverse(X, np.zeros((d, d)), rtol=rtol), ()),
        ("block", G_block, tuple(cols)),
        ("family", generalized_inverse(X, Z, Z, rtol=rtol), ()),
    ]
    out = []
    for name, G, columns in candidates:
        w = minimizer_from_ginv(X, y, G)
        out.append(
            GinvResult(
                name=name,
                G=G,
                defect=float(np.abs(A @ G @ A - A).max()),
                w=w,
                norm=float(np.linalg.norm(w)),
                residual=float(residual_norm(X, y, w)),
                columns=columns,
            )
        )
    return out
