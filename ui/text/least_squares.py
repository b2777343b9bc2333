"""Strings of the page "Least squares & the pseudoinverse" (pages/least_squares.py)."""

EN = {
    "least_squares.title": "Least squares & the pseudoinverse",
    "least_squares.card": (
        "When is the least-squares fit unique, and which of the many minimizers do solvers return?"
    ),
    "least_squares.intro": (
        "We fit a linear model ŷ = Xw to n samples with d features by minimizing "
        "L(w) = ‖Xw − y‖² / (2n). The minimizer is unique exactly when the d columns of X are "
        "linearly independent: full **column** rank, which needs d ≤ n. Otherwise a whole line "
        "(or plane, …) of weight vectors fits equally well, and the pseudoinverse X⁺ picks the "
        "shortest one. Choose an example and watch the rank, the minimizers, ridge and gradient "
        "descent change together."
    ),
    "least_squares.data_header": "The data",
    "least_squares.example": "Example",
    "least_squares.ex.full": "Independent columns",
    "least_squares.ex.dup": "Duplicated column",
    "least_squares.ex.collinear": "Collinear: x₃ = x₁ + x₂",
    "least_squares.ex.wide": "More features than samples",
    "least_squares.ex.near": "Nearly collinear",
    "least_squares.ex.own": "Your own X and y",
    "least_squares.ex_md.full": (
        "Six samples, two unrelated features: the rank is 2 = d, so there is exactly one "
        "minimizer, the one the normal equations give."
    ),
    "least_squares.ex_md.dup": (
        "The second feature is a copy of the first (think of a length recorded twice). Only the "
        "sum w₁ + w₂ reaches the prediction, so every way of splitting that sum fits equally well."
    ),
    "least_squares.ex_md.collinear": (
        "The third feature is the sum of the first two. Adding a to w₃ while subtracting a from "
        "w₁ and from w₂ leaves every prediction unchanged."
    ),
    "least_squares.ex_md.wide": (
        "Two samples, three features: the rank is at most 2 < 3, so some direction of w never "
        "reaches Xw. The fit is exact (residual 0) and still not unique."
    ),
    "least_squares.ex_md.near": (
        "The second feature is the first plus a little noise. The rank is full, so the minimizer "
        "is unique, but unstable: the smaller the noise, the larger the condition number and the "
        "wilder the weights. Raise the rank tolerance to treat the tiny singular value as zero."
    ),
    "least_squares.ex_md.own": (
        "Type your own numbers. X has one row per sample and y one value per row. Add or delete "
        "rows in the tables (with fewer rows than columns you get d > n). Empty or non-numeric "
        "cells are reported instead of computed."
    ),
    "least_squares.noise": "Noise size in x₂ = x₁ + noise · e",
    "least_squares.noise_help": "With 0 the two columns are exactly equal (rank 1).",
    "least_squares.seed": "Random seed",
    "least_squares.rtol": "Rank tolerance rtol (relative to σ_max)",
    "least_squares.rtol_auto": "automatic",
    "least_squares.rtol_help": (
        "Singular values at or below τ = rtol · σ_max count as zero. Automatic: "
        "rtol = max(n, d) · ε with ε ≈ 2.2e-16, NumPy's default."
    ),
    "least_squares.own_X": "X (rows = samples, columns = features)",
    "least_squares.own_y": "y (one value per row of X)",
    "least_squares.m_shape": "n × d",
    "least_squares.m_rank": "rank r",
    "least_squares.m_null": "null-space dimension d − r",
    "least_squares.m_kappa": "condition number κ",
    "least_squares.m_unique": "unique minimizer?",
    "least_squares.yes": "yes",
    "least_squares.no": "no",
    "least_squares.verdict_unique": (
        "Full column rank (r = d = {d}): XᵀX is invertible and there is exactly one minimizer."
    ),
    "least_squares.verdict_wide": (
        "d = {d} features but only n = {n} samples, so r = {r} < d. The minimizers form a "
        "{k}-dimensional family, all with the same residual."
    ),
    "least_squares.verdict_deficient": (
        "The columns are linearly dependent (r = {r} < d = {d}): XᵀX is singular and the "
        "minimizers form a {k}-dimensional family, all with the same residual."
    ),
    "least_squares.view": "Show",
    "least_squares.tab_rank": "Rank and X⁺",
    "least_squares.tab_family": "All the minimizers",
    "least_squares.tab_ridge": "Ridge",
    "least_squares.tab_gd": "Gradient descent",
    "least_squares.tab_sympy": "Normal equations (SymPy)",
    "least_squares.rank_md": (
        "The SVD X = UΣVᵀ lists the singular values σ₁ ≥ σ₂ ≥ … ≥ 0, and the rank counts the "
        "ones that are not zero. In floating point an exact zero shows up as something like "
        "1e-17, so a tolerance τ decides what counts as zero."
    ),
    "least_squares.sv_kept": "above τ (counted)",
    "least_squares.sv_zero": "≤ τ (treated as 0)",
    "least_squares.sv_axis_i": "singular value",
    "least_squares.sv_axis_sigma": "σᵢ (log scale)",
    "least_squares.sv_alt": (
        "Singular values: {values}. Tolerance τ = {tol} (rtol = {rtol}); {rank} of them lie "
        "above τ, so the rank is {rank}."
    ),
    "least_squares.kappa_md": (
        "Here κ = {kappa}. For an exact fit (zero residual) a relative change in X or y can be "
        "amplified in w by up to about κ; with a nonzero residual, changes in X can be amplified "
        "by up to about κ² (view “Sensitivity to X”). κ is infinite (about 1e16 in floating "
        "point) when a column is an exact combination of the others, and large but finite when "
        "it almost is."
    ),
    "least_squares.misc_column_rank": (
        "“X has full rank” is not enough: uniqueness needs full **column** rank, r = d. A wide "
        "X (d > n) can have the largest rank possible, r = n, and still infinitely many "
        "minimizers; see the example with more features than samples."
    ),
    "least_squares.pinv_header": "The pseudoinverse X⁺",
    "least_squares.pinv_table": "X⁺ has shape d × n = {d} × {n}:",
    "least_squares.m_w_star": "w* = X⁺y",
    "least_squares.m_residual": "residual ‖Xw − y‖",
    "least_squares.misc_xxt": (
        "Without full column rank, the formula w = (XᵀX)⁻¹Xᵀy is repaired with a generalized "
        "inverse of **XᵀX**, the d × d matrix ({d} × {d} here); the Moore–Penrose one gives "
        "(XᵀX)⁺Xᵀy = X⁺y, other ones give other minimizers (view “Generalized inverses”). It is "
        "not a generalized inverse of XXᵀ, which is n × n ({n} × {n} here) and cannot even "
        "multiply the vector Xᵀy. XXᵀ belongs to a different formula, X⁺y = Xᵀ(XXᵀ)⁻¹y, valid "
        "when the rows are independent."
    ),
    "least_squares.check_pinv": "X⁺y (SVD) vs numpy.linalg.lstsq",
    "least_squares.check_normal": "(XᵀX)⁻¹Xᵀy vs numpy.linalg.lstsq",
    "least_squares.check_residual": "‖Xw − y‖ at w = X⁺y + (I − X⁺X)·(1, …, 1) vs at lstsq's w",
    "least_squares.no_normal": (
        "XᵀX is singular here (rank {r} < {d}), so (XᵀX)⁻¹Xᵀy does not exist. The second row "
        "checks instead that another member of the family leaves the solver's residual."
    ),
    "least_squares.normal_squares": (
        "Forming XᵀX squares the condition number (κ² ≈ {kappa2}), so solving the normal "
        "equations directly loses digits that the SVD keeps: that ✗ is the lesson, not a bug."
    ),
    "least_squares.ill_hint": (
        "κ is above 1e6: the weights react strongly to tiny changes in X. A larger rank "
        "tolerance discards the near-zero singular value and gives a stable, shorter solution."
    ),
    "least_squares.family_md": (
        "The vectors that X sends to 0 form its null space. Adding one of them to w changes the "
        "weights but not the predictions Xw, hence not the loss. The slider moves w along the "
        "first null-space direction v₁: w(c) = X⁺y + c·v₁."
    ),
    "least_squares.misc_pinv": (
        "numpy.linalg.pinv and numpy.linalg.lstsq do not return “the” solution when there are "
        "many: they return the one of smallest norm, X⁺y, which has no null-space component. "
        "Every other minimizer fits the training data exactly as well."
    ),
    "least_squares.c": "c: how far to move along the null space",
    "least_squares.family_unique": (
        "The null space contains only the zero vector: there is nowhere to move, the minimizer "
        "is unique."
    ),
    "least_squares.family_many": (
        "The null space has {k} dimensions; the slider moves along its first basis vector v₁."
    ),
    "least_squares.m_w_c": "w(c)",
    "least_squares.m_norm_w": "‖w(c)‖",
    "least_squares.pythagoras": (
        "‖w(c)‖² = {w2} = ‖X⁺y‖² + ‖c·v₁‖² = {s2} + {c2}: X⁺y is orthogonal to the null space, "
        "so moving away from it only makes w longer."
    ),
    "least_squares.s_norm": "‖w(c)‖",
    "least_squares.s_residual": "‖Xw(c) − y‖",
    "least_squares.s_value": "value",
    "least_squares.family_alt": (
        "As c goes from −3 to 3 the residual stays at {res} while ‖w(c)‖ follows a curve whose "
        "minimum, {norm0}, is at c = 0; at c = {c} it is {norm}."
    ),
    "least_squares.contour_header": "The loss surface (d = 2)",
    "least_squares.pt_w_star": "w* = X⁺y",
    "least_squares.pt_w_c": "w(c)",
    "least_squares.contour_alt_line": (
        "Colour: loss L(w) on a log scale. The dashed white line is the set of minimizers, all "
        "with loss {loss}; the diamonds mark w* = {w_star}, its point closest to the origin, "
        "and w(c) = {w_c}."
    ),
    "least_squares.contour_alt_point": (
        "Colour: loss L(w) on a log scale. A single minimizer w* = {w_star} with loss {loss}; "
        "the more elongated the valley, the larger the condition number."
    ),
    "least_squares.contour_only_2d": (
        "The loss surface is drawn only when there are d = 2 features (here d = {d})."
    ),
    "least_squares.ridge_md": (
        "Ridge adds λ‖w‖² to the squared error. XᵀX + λI is invertible for every λ > 0, even "
        "when XᵀX is not, so the ridge solution is always unique. As λ → 0⁺ it approaches X⁺y, "
        "the minimum-norm solution, not just any minimizer; as λ grows it shrinks towards 0."
    ),
    "least_squares.lam": "λ",
    "least_squares.no_rtol_note": (
        "The rank tolerance chosen above does not enter here: ridge and gradient descent work "
        "with X itself, so X⁺y below uses the automatic tolerance."
    ),
    "least_squares.m_w_lam": "w_λ",
    "least_squares.m_dist_lam": "‖w_λ − X⁺y‖",
    "least_squares.ridge_axis": "weight wⱼ(λ)",
    "least_squares.ridge_alt": (
        "Ridge path for λ from 1e-6 to 1e3 (log scale). At λ = {lam}, w_λ = {w_lam}. The dotted "
        "lines mark X⁺y = {w_star}, the limit as λ → 0. At λ = 1e3 the weights have shrunk to "
        "{w_big}."
    ),
    "least_squares.ridge_singular": (
        "XᵀX is singular here, but XᵀX + λI is not: in the limit ridge selects X⁺y."
    ),
    "least_squares.gd_md": (
        "Each gradient step moves w by a multiple of Xᵀ(Xw − y), a vector in the row space of X, "
        "so the null-space component of w never changes. Started at 0, the iterates converge "
        "to X⁺y; started elsewhere, to X⁺y plus the null-space part of the start. The step "
        "size is a fraction of 2/λ_max, the limit beyond which the iterates blow up."
    ),
    "least_squares.lr_frac": "step size η as a fraction of 2/λ_max",
    "least_squares.lr_help": (
        "λ_max = σ_max²/n is the largest eigenvalue of the Hessian XᵀX/n. Above 1 the iterates "
        "diverge."
    ),
    "least_squares.steps": "steps",
    "least_squares.start_zero": "start w₀ = 0",
    "least_squares.start_other": "start w₀ = (2, −1, …)",
    "least_squares.lr_value": "η = {lr} ({frac} × 2/λ_max, where 2/λ_max = {lr_max}).",
    "least_squares.gd_diverge": (
        "At {frac} × 2/λ_max each step overshoots along the steepest direction and the iterates "
        "grow without bound: gradient descent on a quadratic diverges once η·λ_max > 2. Bring "
        "the step size below 1."
    ),
    "least_squares.m_gd_zero": "final w from 0",
    "least_squares.m_gd_other": "final w from w₀",
    "least_squares.m_gd_gap": "‖w_T − X⁺y‖ from 0",
    "least_squares.gd_limits": (
        "Limits: from 0, X⁺y = {w_star}; from w₀, X⁺y + (I − X⁺X)w₀ = {limit}, which lies "
        "{null} away from X⁺y and leaves the same residual."
    ),
    "least_squares.gd_axis_t": "step t",
    "least_squares.gd_axis_dist": "‖w_t − X⁺y‖ (log)",
    "least_squares.gd_axis_null": "‖null-space part of w_t‖",
    "least_squares.gd_alt": (
        "After {steps} steps the distance to X⁺y is {d0} from the start 0 and {d1} from the "
        "other start, which keeps its null-space component of size {n1}."
    ),
    "least_squares.gd_null_alt": (
        "The null-space component of every iterate is constant (flat lines): 0 for the start 0, "
        "that of w₀ for the other start. Null-space dimension: {k}."
    ),
    "least_squares.gd_contour_alt": (
        "Gradient-descent paths on the loss surface. From 0 the path ends at X⁺y = {w_star}; "
        "from w₀ it ends at {limit}: a minimizer too, but not the one closest to the origin."
    ),
    "least_squares.sympy_md": (
        "A 3 × 2 example with a parameter t: the second column is twice the first, plus t in "
        "the last entry. SymPy writes the loss, sets its gradient to zero and gets the normal "
        "equations XᵀXw = Xᵀy. Their determinant is 5t², so the columns are dependent exactly "
        "when t = 0. Slide t to 0."
    ),
    "least_squares.t": "t",
    "least_squares.m_det": "det(XᵀX) at t = {t}",
    "least_squares.sympy_point": "det ≠ 0: one solution, equal to X⁺y = {w} computed numerically.",
    "least_squares.sympy_line": (
        "det = 0: a whole line of solutions (w₂ is free). X⁺y = {w} is its point closest to the "
        "origin."
    ),
    # generalized inverses (Homework P1)
    "least_squares.tab_ginv": "Generalized inverses (P1)",
    "least_squares.ginv_md": (
        "Homework P1 asks when the least-squares w* is unique, and suggests replacing the "
        "inverse by a generalized inverse when it is not. Without full column rank A = XᵀX is "
        "singular, yet the normal equations Aw = Xᵀy still have solutions. A **generalized "
        "inverse** of A is any matrix G with AGA = A. There are infinitely many, and each one "
        "gives a solution w_G = GXᵀy, because Xᵀy lies in the range of A. The table builds three "
        "for the current data: the Moore–Penrose pseudoinverse (XᵀX)⁺, the textbook one that "
        "inverts a nonsingular block of A (it keeps only independent columns of X), and one "
        "from the general formula with Z = W = diag(1, 2, …, d)."
    ),
    "least_squares.ginv_header": "Three generalized inverses of XᵀX, three minimizers",
    "least_squares.ginv_mp": "(XᵀX)⁺ (Moore–Penrose)",
    "least_squares.ginv_block": "block inverse on columns {cols}",
    "least_squares.ginv_family": "A⁺ + (I − A⁺A)Z + W(I − AA⁺)",
    "least_squares.col_G": "generalized inverse G",
    "least_squares.col_defect": "max |AGA − A|",
    "least_squares.col_w": "w_G = GXᵀy",
    "least_squares.col_norm": "‖w_G‖",
    "least_squares.col_res": "‖Xw_G − y‖",
    "least_squares.ginv_same": (
        "XᵀX is invertible here (rank {d} = d): its only generalized inverse is (XᵀX)⁻¹, so the "
        "three rows coincide. Pick an example without full column rank to see them differ."
    ),
    "least_squares.ginv_differ": (
        "Every row leaves the same residual, {res}, with different weights: the norms go from "
        "{n_min} (Moore–Penrose, equal to ‖X⁺y‖) up to {n_max}."
    ),
    "least_squares.misc_ginv": (
        "“Without full rank, use a generalized inverse and the formula gives the solution.” It "
        "gives *a* solution. Every generalized inverse G of XᵀX yields a minimizer GXᵀy, but "
        "different G yield different minimizers (see the table), so the formula alone does not "
        "say which one. Only the Moore–Penrose choice, (XᵀX)⁺Xᵀy = X⁺y, gives the "
        "minimum-norm solution that numpy.linalg.lstsq returns. The minimizer is unique only "
        "with full column rank."
    ),
    "least_squares.check_ginv_res": "‖Xw_G − y‖ for the three G vs lstsq's residual",
    "least_squares.check_ginv_mp": "(XᵀX)⁺Xᵀy vs numpy.linalg.lstsq",
    # sensitivity
    "least_squares.tab_kappa": "Sensitivity to X: κ or κ²",
    "least_squares.sens_md": (
        "How far does w move when X changes a little? Measure it as a **gain**: the relative "
        "change of w divided by the relative change of X. When the model fits the data exactly "
        "(residual r = 0), the worst gain is about κ. As soon as the residual is not zero, a "
        "perturbation that tilts the columns of X towards r adds a term "
        "κ²‖r‖/(‖X‖‖w‖): the sensitivity grows like κ², not κ. This κ² belongs to the problem "
        "itself, whatever the solver. Forming XᵀX is a separate matter: it pays κ² in rounding "
        "even for an exact fit."
    ),
    "least_squares.sens_demo_header": "A matrix with a chosen κ and residual",
    "least_squares.sens_demo_md": (
        "Here X is 6 × 2 with ‖X‖ = 1 and smallest singular value 1/κ; the solution w has "
        "norm 1 and the residual norm ‖r‖ is chosen below. Each gain is measured by solving "
        "the perturbed problem again, with a perturbation small enough for first-order theory."
    ),
    "least_squares.residual": "residual ‖r‖",
    "least_squares.m_pred_res": "κ²‖r‖/(‖X‖‖w‖)",
    "least_squares.m_gain_res": "gain, ΔX ∝ r·v_minᵀ",
    "least_squares.m_gain_fit": "gain, ΔX ∝ u_min·wᵀ",
    "least_squares.s_gain_res": "measured, ΔX ∝ r·v_minᵀ",
    "least_squares.s_gain_fit": "measured, ΔX ∝ u_min·wᵀ",
    "least_squares.s_kappa2": "κ²‖r‖/(‖X‖‖w‖)",
    "least_squares.s_kappa": "κ",
    "least_squares.s_gain_axis": "gain (log)",
    "least_squares.sens_alt": (
        "Gains against κ on log–log axes, for ‖r‖ = {residual}. At κ = {kappa} the perturbation "
        "along the residual has gain {res} and the one along the fit has gain {fit}. The "
        "largest gain grows with slope {slope}: like κ² with a residual, like κ without one."
    ),
    "least_squares.check_gain_res": "measured ÷ κ²‖r‖/(‖X‖‖w‖), ΔX ∝ r·v_minᵀ",
    "least_squares.check_gain_fit": "measured ÷ κ, ΔX ∝ u_min·wᵀ",
    "least_squares.sens_exact": (
        "With r = 0 there is no κ² term: the perturbation along a direction orthogonal to the "
        "range of X has a gain of only {res}, a second-order effect."
    ),
    "least_squares.misc_kappa": (
        "“κ bounds how much an error in the data is amplified in w.” That holds for an exact "
        "fit. With a nonzero residual, relative changes in X can be amplified by up to about "
        "κ² (times ‖r‖/(‖X‖‖w‖)), as the chart shows: for κ = 1000, κ² is a million, not a "
        "thousand."
    ),
    "least_squares.sens_data_header": "The data above",
    "least_squares.sens_not_unique": (
        "Rank {r} < d = {d}: the minimizer is not unique, and the minimum-norm solution jumps "
        "as soon as a perturbation restores the rank. Choose an example with full column rank "
        "(for instance the nearly collinear one) to measure its sensitivity."
    ),
    "least_squares.m_ratio": "‖r‖/(‖X‖‖w‖)",
    "least_squares.sens_data_md": (
        "First-order prediction for the residual direction: κ²‖r‖/(‖X‖‖w‖) = {pred}. When "
        "‖w‖ itself grows with κ (nearly collinear columns fitting noise), the ratio shrinks and "
        "hides part of the κ²."
    ),
}

ES = {
    "least_squares.title": "Mínimos cuadrados y la pseudoinversa",
    "least_squares.card": (
        "¿Cuándo es único el ajuste por mínimos cuadrados y cuál de los muchos minimizadores "
        "devuelven los solucionadores?"
    ),
    "least_squares.intro": (
        "Ajustamos un modelo lineal ŷ = Xw a n muestras con d variables minimizando "
        "L(w) = ‖Xw − y‖² / (2n). El minimizador es único exactamente cuando las d columnas de X "
        "son linealmente independientes: rango **columna** completo, lo que exige d ≤ n. Si no, "
        "toda una recta (o un plano, …) de vectores de pesos ajusta igual de bien, y la "
        "pseudoinversa X⁺ elige el más corto. Elige un ejemplo y observa cómo cambian a la vez "
        "el rango, los minimizadores, ridge y el descenso de gradiente."
    ),
    "least_squares.data_header": "Los datos",
    "least_squares.example": "Ejemplo",
    "least_squares.ex.full": "Columnas independientes",
    "least_squares.ex.dup": "Columna duplicada",
    "least_squares.ex.collinear": "Colineales: x₃ = x₁ + x₂",
    "least_squares.ex.wide": "Más variables que muestras",
    "least_squares.ex.near": "Casi colineales",
    "least_squares.ex.own": "Tus propios X e y",
    "least_squares.ex_md.full": (
        "Seis muestras y dos variables sin relación entre sí: el rango es 2 = d, así que hay un "
        "único minimizador, el que dan las ecuaciones normales."
    ),
    "least_squares.ex_md.dup": (
        "La segunda variable es una copia de la primera (como una longitud anotada dos veces). A "
        "la predicción solo llega la suma w₁ + w₂, de modo que cualquier reparto de esa suma "
        "ajusta igual de bien."
    ),
    "least_squares.ex_md.collinear": (
        "La tercera variable es la suma de las dos primeras. Sumar a a w₃ y restar a a w₁ y a "
        "w₂ no cambia ninguna predicción."
    ),
    "least_squares.ex_md.wide": (
        "Dos muestras y tres variables: el rango es a lo más 2 < 3, así que hay una dirección "
        "de w que nunca llega a Xw. El ajuste es exacto (residuo 0) y aun así no es único."
    ),
    "least_squares.ex_md.near": (
        "La segunda variable es la primera más un poco de ruido. El rango es completo, así que "
        "el minimizador es único, pero inestable: cuanto menor el ruido, mayor el número de "
        "condición y más disparatados los pesos. Sube la tolerancia de rango para tratar el "
        "valor singular diminuto como cero."
    ),
    "least_squares.ex_md.own": (
        "Escribe tus propios números. X lleva una fila por muestra e y un valor por fila. Agrega "
        "o borra filas en las tablas (con menos filas que columnas obtienes d > n). Las celdas "
        "vacías o no numéricas se señalan en lugar de calcularse."
    ),
    "least_squares.noise": "Tamaño del ruido en x₂ = x₁ + ruido · e",
    "least_squares.noise_help": "Con 0 las dos columnas son idénticas (rango 1).",
    "least_squares.seed": "Semilla aleatoria",
    "least_squares.rtol": "Tolerancia de rango rtol (relativa a σ_max)",
    "least_squares.rtol_auto": "automática",
    "least_squares.rtol_help": (
        "Los valores singulares menores o iguales que τ = rtol · σ_max cuentan como cero. "
        "Automática: rtol = max(n, d) · ε con ε ≈ 2.2e-16, el valor predeterminado de NumPy."
    ),
    "least_squares.own_X": "X (filas = muestras, columnas = variables)",
    "least_squares.own_y": "y (un valor por fila de X)",
    "least_squares.m_shape": "n × d",
    "least_squares.m_rank": "rango r",
    "least_squares.m_null": "dimensión del núcleo d − r",
    "least_squares.m_kappa": "número de condición κ",
    "least_squares.m_unique": "¿minimizador único?",
    "least_squares.yes": "sí",
    "least_squares.no": "no",
    "least_squares.verdict_unique": (
        "Rango columna completo (r = d = {d}): XᵀX es invertible y hay exactamente un minimizador."
    ),
    "least_squares.verdict_wide": (
        "Hay d = {d} variables pero solo n = {n} muestras, así que r = {r} < d. Los "
        "minimizadores forman una familia de dimensión {k}, todos con el mismo residuo."
    ),
    "least_squares.verdict_deficient": (
        "Las columnas son linealmente dependientes (r = {r} < d = {d}): XᵀX es singular y los "
        "minimizadores forman una familia de dimensión {k}, todos con el mismo residuo."
    ),
    "least_squares.view": "Mostrar",
    "least_squares.tab_rank": "Rango y X⁺",
    "least_squares.tab_family": "Todos los minimizadores",
    "least_squares.tab_ridge": "Ridge",
    "least_squares.tab_gd": "Descenso de gradiente",
    "least_squares.tab_sympy": "Ecuaciones normales (SymPy)",
    "least_squares.rank_md": (
        "La SVD X = UΣVᵀ da los valores singulares σ₁ ≥ σ₂ ≥ … ≥ 0, y el rango cuenta los que "
        "no son cero. En punto flotante un cero exacto aparece como algo del orden de 1e-17, "
        "por eso una tolerancia τ decide qué cuenta como cero."
    ),
    "least_squares.sv_kept": "sobre τ (cuenta)",
    "least_squares.sv_zero": "≤ τ (se toma como 0)",
    "least_squares.sv_axis_i": "valor singular",
    "least_squares.sv_axis_sigma": "σᵢ (escala log)",
    "least_squares.sv_alt": (
        "Valores singulares: {values}. Tolerancia τ = {tol} (rtol = {rtol}); {rank} de ellos "
        "quedan por encima de τ, así que el rango es {rank}."
    ),
    "least_squares.kappa_md": (
        "Aquí κ = {kappa}. Con un ajuste exacto (residuo cero), un cambio relativo en X o en y "
        "puede amplificarse en w hasta cerca de κ veces; con residuo distinto de cero, los "
        "cambios en X pueden amplificarse hasta cerca de κ² (vista «Sensibilidad a X»). κ es "
        "infinito (cerca de 1e16 en punto flotante) cuando una columna es combinación exacta "
        "de las demás, y grande pero finito cuando casi lo es."
    ),
    "least_squares.misc_column_rank": (
        "Que «X tenga rango completo» no alcanza: la unicidad exige rango **columna** completo, "
        "r = d. Una X ancha (d > n) puede tener el mayor rango posible, r = n, y aun así "
        "infinitos minimizadores; mira el ejemplo con más variables que muestras."
    ),
    "least_squares.pinv_header": "La pseudoinversa X⁺",
    "least_squares.pinv_table": "X⁺ tiene forma d × n = {d} × {n}:",
    "least_squares.m_w_star": "w* = X⁺y",
    "least_squares.m_residual": "residuo ‖Xw − y‖",
    "least_squares.misc_xxt": (
        "Sin rango columna completo, la fórmula w = (XᵀX)⁻¹Xᵀy se corrige con una inversa "
        "generalizada de **XᵀX**, la matriz d × d ({d} × {d} aquí); la de Moore–Penrose da "
        "(XᵀX)⁺Xᵀy = X⁺y, otras dan otros minimizadores (vista «Inversas generalizadas»). No es "
        "una inversa generalizada de XXᵀ, que es n × n ({n} × {n} aquí) y ni siquiera puede "
        "multiplicar al vector Xᵀy. XXᵀ aparece en otra fórmula, X⁺y = Xᵀ(XXᵀ)⁻¹y, válida "
        "cuando las filas son independientes."
    ),
    "least_squares.check_pinv": "X⁺y (SVD) frente a numpy.linalg.lstsq",
    "least_squares.check_normal": "(XᵀX)⁻¹Xᵀy frente a numpy.linalg.lstsq",
    "least_squares.check_residual": (
        "‖Xw − y‖ en w = X⁺y + (I − X⁺X)·(1, …, 1) frente al w de lstsq"
    ),
    "least_squares.no_normal": (
        "Aquí XᵀX es singular (rango {r} < {d}), así que (XᵀX)⁻¹Xᵀy no existe. La segunda fila "
        "comprueba en su lugar que otro miembro de la familia deja el mismo residuo que el "
        "solucionador."
    ),
    "least_squares.normal_squares": (
        "Formar XᵀX eleva al cuadrado el número de condición (κ² ≈ {kappa2}), así que resolver "
        "directamente las ecuaciones normales pierde dígitos que la SVD conserva: esa ✗ es la "
        "lección, no un error."
    ),
    "least_squares.ill_hint": (
        "κ supera 1e6: los pesos reaccionan con fuerza a cambios mínimos en X. Una tolerancia "
        "de rango mayor descarta el valor singular casi nulo y da una solución estable y más "
        "corta."
    ),
    "least_squares.family_md": (
        "Los vectores que X manda a 0 forman su núcleo (espacio nulo). Sumar uno de ellos a w "
        "cambia los pesos pero no las predicciones Xw, y por tanto tampoco la pérdida. El "
        "deslizador mueve w a lo largo de la primera dirección del núcleo, v₁: "
        "w(c) = X⁺y + c·v₁."
    ),
    "least_squares.misc_pinv": (
        "numpy.linalg.pinv y numpy.linalg.lstsq no devuelven «la» solución cuando hay muchas: "
        "devuelven la de norma mínima, X⁺y, que no tiene componente en el núcleo. Cualquier otro "
        "minimizador ajusta los datos de entrenamiento exactamente igual de bien."
    ),
    "least_squares.c": "c: cuánto moverse a lo largo del núcleo",
    "least_squares.family_unique": (
        "El núcleo solo contiene al vector cero: no hay hacia dónde moverse, el minimizador es "
        "único."
    ),
    "least_squares.family_many": (
        "El núcleo tiene dimensión {k}; el deslizador se mueve a lo largo de su primer vector "
        "de base, v₁."
    ),
    "least_squares.m_w_c": "w(c)",
    "least_squares.m_norm_w": "‖w(c)‖",
    "least_squares.pythagoras": (
        "‖w(c)‖² = {w2} = ‖X⁺y‖² + ‖c·v₁‖² = {s2} + {c2}: X⁺y es ortogonal al núcleo, así que "
        "alejarse de él solo alarga w."
    ),
    "least_squares.s_norm": "‖w(c)‖",
    "least_squares.s_residual": "‖Xw(c) − y‖",
    "least_squares.s_value": "valor",
    "least_squares.family_alt": (
        "Cuando c va de −3 a 3 el residuo se queda en {res}, mientras ‖w(c)‖ sigue una curva "
        "cuyo mínimo, {norm0}, está en c = 0; en c = {c} vale {norm}."
    ),
    "least_squares.contour_header": "La superficie de pérdida (d = 2)",
    "least_squares.pt_w_star": "w* = X⁺y",
    "least_squares.pt_w_c": "w(c)",
    "least_squares.contour_alt_line": (
        "Color: pérdida L(w) en escala logarítmica. La línea blanca discontinua es el conjunto "
        "de minimizadores, todos con pérdida {loss}; los rombos marcan w* = {w_star}, su punto "
        "más cercano al origen, y w(c) = {w_c}."
    ),
    "least_squares.contour_alt_point": (
        "Color: pérdida L(w) en escala logarítmica. Un único minimizador w* = {w_star} con "
        "pérdida {loss}; cuanto más alargado el valle, mayor el número de condición."
    ),
    "least_squares.contour_only_2d": (
        "La superficie de pérdida solo se dibuja con d = 2 variables (aquí d = {d})."
    ),
    "least_squares.ridge_md": (
        "Ridge suma λ‖w‖² al error cuadrático. XᵀX + λI es invertible para todo λ > 0, aunque "
        "XᵀX no lo sea, así que la solución de ridge siempre es única. Cuando λ → 0⁺ se acerca a "
        "X⁺y, la solución de norma mínima y no un minimizador cualquiera; al crecer λ se encoge "
        "hacia 0."
    ),
    "least_squares.lam": "λ",
    "least_squares.no_rtol_note": (
        "La tolerancia de rango elegida arriba no interviene aquí: ridge y el descenso de "
        "gradiente trabajan con la propia X, así que el X⁺y de abajo usa la tolerancia automática."
    ),
    "least_squares.m_w_lam": "w_λ",
    "least_squares.m_dist_lam": "‖w_λ − X⁺y‖",
    "least_squares.ridge_axis": "peso wⱼ(λ)",
    "least_squares.ridge_alt": (
        "Trayectoria de ridge para λ de 1e-6 a 1e3 (escala logarítmica). En λ = {lam}, "
        "w_λ = {w_lam}. Las líneas punteadas marcan X⁺y = {w_star}, el límite cuando λ → 0. En "
        "λ = 1e3 los pesos se han encogido a {w_big}."
    ),
    "least_squares.ridge_singular": (
        "Aquí XᵀX es singular, pero XᵀX + λI no lo es: en el límite, ridge elige X⁺y."
    ),
    "least_squares.gd_md": (
        "Cada paso de gradiente mueve w en un múltiplo de Xᵀ(Xw − y), un vector del espacio de "
        "filas de X, así que la componente de w en el núcleo nunca cambia. Desde 0 las "
        "iteraciones convergen a X⁺y; desde otro punto, a X⁺y más la parte del inicio que está "
        "en el núcleo. El tamaño de paso es una fracción de 2/λ_max, el límite a partir del cual "
        "las iteraciones se disparan."
    ),
    "least_squares.lr_frac": "tamaño de paso η como fracción de 2/λ_max",
    "least_squares.lr_help": (
        "λ_max = σ_max²/n es el mayor valor propio de la hessiana XᵀX/n. Por encima de 1 las "
        "iteraciones divergen."
    ),
    "least_squares.steps": "pasos",
    "least_squares.start_zero": "inicio w₀ = 0",
    "least_squares.start_other": "inicio w₀ = (2, −1, …)",
    "least_squares.lr_value": "η = {lr} ({frac} × 2/λ_max, donde 2/λ_max = {lr_max}).",
    "least_squares.gd_diverge": (
        "Con {frac} × 2/λ_max cada paso se pasa de largo en la dirección más empinada y las "
        "iteraciones crecen sin control: en una cuadrática el descenso de gradiente diverge en "
        "cuanto η·λ_max > 2. Baja el tamaño de paso a menos de 1."
    ),
    "least_squares.m_gd_zero": "w final desde 0",
    "least_squares.m_gd_other": "w final desde w₀",
    "least_squares.m_gd_gap": "‖w_T − X⁺y‖ desde 0",
    "least_squares.gd_limits": (
        "Límites: desde 0, X⁺y = {w_star}; desde w₀, X⁺y + (I − X⁺X)w₀ = {limit}, que está a "
        "{null} de X⁺y y deja el mismo residuo."
    ),
    "least_squares.gd_axis_t": "paso t",
    "least_squares.gd_axis_dist": "‖w_t − X⁺y‖ (log)",
    "least_squares.gd_axis_null": "‖parte de w_t en el núcleo‖",
    "least_squares.gd_alt": (
        "Tras {steps} pasos la distancia a X⁺y es {d0} desde el inicio 0 y {d1} desde el otro "
        "inicio, que conserva su componente en el núcleo, de tamaño {n1}."
    ),
    "least_squares.gd_null_alt": (
        "La componente en el núcleo de cada iteración es constante (líneas planas): 0 para el "
        "inicio 0 y la de w₀ para el otro. Dimensión del núcleo: {k}."
    ),
    "least_squares.gd_contour_alt": (
        "Trayectorias del descenso de gradiente sobre la superficie de pérdida. Desde 0 termina "
        "en X⁺y = {w_star}; desde w₀ termina en {limit}: también un minimizador, pero no el más "
        "cercano al origen."
    ),
    "least_squares.sympy_md": (
        "Un ejemplo de 3 × 2 con un parámetro t: la segunda columna es el doble de la primera, "
        "más t en la última entrada. SymPy escribe la pérdida, iguala su gradiente a cero y "
        "obtiene las ecuaciones normales XᵀXw = Xᵀy. Su determinante es 5t², así que las "
        "columnas son dependientes exactamente cuando t = 0. Lleva t a 0."
    ),
    "least_squares.t": "t",
    "least_squares.m_det": "det(XᵀX) en t = {t}",
    "least_squares.sympy_point": (
        "det ≠ 0: una sola solución, igual a X⁺y = {w} calculado numéricamente."
    ),
    "least_squares.sympy_line": (
        "det = 0: toda una recta de soluciones (w₂ queda libre). X⁺y = {w} es su punto más "
        "cercano al origen."
    ),
    # inversas generalizadas (Tarea P1)
    "least_squares.tab_ginv": "Inversas generalizadas (P1)",
    "least_squares.ginv_md": (
        "El problema P1 de la tarea pregunta cuándo es único el w* de mínimos cuadrados y "
        "sugiere cambiar la inversa por una inversa generalizada cuando no lo es. Sin rango "
        "columna completo, A = XᵀX es singular, pero las ecuaciones normales Aw = Xᵀy siguen "
        "teniendo solución. Una **inversa generalizada** de A es cualquier matriz G con "
        "AGA = A. Hay infinitas, y cada una da una solución w_G = GXᵀy, porque Xᵀy está en la "
        "imagen de A. La tabla construye tres para los datos actuales: la pseudoinversa de "
        "Moore–Penrose (XᵀX)⁺, la de los libros de texto que invierte un bloque no singular de A "
        "(se queda solo con columnas independientes de X) y una de la fórmula general con "
        "Z = W = diag(1, 2, …, d)."
    ),
    "least_squares.ginv_header": "Tres inversas generalizadas de XᵀX, tres minimizadores",
    "least_squares.ginv_mp": "(XᵀX)⁺ (Moore–Penrose)",
    "least_squares.ginv_block": "inversa por bloque en las columnas {cols}",
    "least_squares.ginv_family": "A⁺ + (I − A⁺A)Z + W(I − AA⁺)",
    "least_squares.col_G": "inversa generalizada G",
    "least_squares.col_defect": "máx |AGA − A|",
    "least_squares.col_w": "w_G = GXᵀy",
    "least_squares.col_norm": "‖w_G‖",
    "least_squares.col_res": "‖Xw_G − y‖",
    "least_squares.ginv_same": (
        "Aquí XᵀX es invertible (rango {d} = d): su única inversa generalizada es (XᵀX)⁻¹, así "
        "que las tres filas coinciden. Elige un ejemplo sin rango columna completo para verlas "
        "diferir."
    ),
    "least_squares.ginv_differ": (
        "Todas las filas dejan el mismo residuo, {res}, con pesos distintos: las normas van de "
        "{n_min} (Moore–Penrose, igual a ‖X⁺y‖) hasta {n_max}."
    ),
    "least_squares.misc_ginv": (
        "«Sin rango completo, se usa una inversa generalizada y la fórmula da la solución.» Da "
        "*una* solución. Cada inversa generalizada G de XᵀX produce un minimizador GXᵀy, pero "
        "inversas distintas producen minimizadores distintos (mira la tabla), así que la "
        "fórmula por sí sola no dice cuál. Solo la elección de Moore–Penrose, "
        "(XᵀX)⁺Xᵀy = X⁺y, da la solución de norma mínima que devuelve numpy.linalg.lstsq. El "
        "minimizador es único solo con rango columna completo."
    ),
    "least_squares.check_ginv_res": "‖Xw_G − y‖ para las tres G frente al residuo de lstsq",
    "least_squares.check_ginv_mp": "(XᵀX)⁺Xᵀy frente a numpy.linalg.lstsq",
    # sensibilidad
    "least_squares.tab_kappa": "Sensibilidad a X: κ o κ²",
    "least_squares.sens_md": (
        "¿Cuánto se mueve w cuando X cambia un poco? Lo medimos como una **ganancia**: el "
        "cambio relativo de w dividido entre el cambio relativo de X. Cuando el modelo ajusta "
        "los datos exactamente (residuo r = 0), la peor ganancia es de alrededor de κ. En "
        "cuanto el residuo no es cero, una perturbación que inclina las columnas de X hacia r "
        "agrega un término κ²‖r‖/(‖X‖‖w‖): la sensibilidad crece como κ², no como κ. Este κ² "
        "es del problema mismo, sea cual sea el solucionador. Formar XᵀX es otro asunto: paga "
        "κ² en redondeo incluso con un ajuste exacto."
    ),
    "least_squares.sens_demo_header": "Una matriz con κ y residuo elegidos",
    "least_squares.sens_demo_md": (
        "Aquí X es de 6 × 2 con ‖X‖ = 1 y menor valor singular 1/κ; la solución w tiene norma "
        "1 y la norma del residuo ‖r‖ se elige abajo. Cada ganancia se mide resolviendo de "
        "nuevo el problema perturbado, con una perturbación lo bastante pequeña para la teoría "
        "de primer orden."
    ),
    "least_squares.residual": "residuo ‖r‖",
    "least_squares.m_pred_res": "κ²‖r‖/(‖X‖‖w‖)",
    "least_squares.m_gain_res": "ganancia, ΔX ∝ r·v_minᵀ",
    "least_squares.m_gain_fit": "ganancia, ΔX ∝ u_min·wᵀ",
    "least_squares.s_gain_res": "medida, ΔX ∝ r·v_minᵀ",
    "least_squares.s_gain_fit": "medida, ΔX ∝ u_min·wᵀ",
    "least_squares.s_kappa2": "κ²‖r‖/(‖X‖‖w‖)",
    "least_squares.s_kappa": "κ",
    "least_squares.s_gain_axis": "ganancia (log)",
    "least_squares.sens_alt": (
        "Ganancias frente a κ en ejes log–log, para ‖r‖ = {residual}. En κ = {kappa} la "
        "perturbación en la dirección del residuo tiene ganancia {res} y la del ajuste, "
        "ganancia {fit}. La mayor ganancia crece con pendiente {slope}: como κ² con residuo, "
        "como κ sin él."
    ),
    "least_squares.check_gain_res": "medida ÷ κ²‖r‖/(‖X‖‖w‖), ΔX ∝ r·v_minᵀ",
    "least_squares.check_gain_fit": "medida ÷ κ, ΔX ∝ u_min·wᵀ",
    "least_squares.sens_exact": (
        "Con r = 0 no hay término κ²: la perturbación en una dirección ortogonal a la imagen "
        "de X tiene una ganancia de apenas {res}, un efecto de segundo orden."
    ),
    "least_squares.misc_kappa": (
        "«κ acota cuánto se amplifica en w un error en los datos.» Eso vale para un ajuste "
        "exacto. Con un residuo distinto de cero, los cambios relativos en X pueden "
        "amplificarse hasta cerca de κ² (por ‖r‖/(‖X‖‖w‖)), como muestra la gráfica: con "
        "κ = 1000, κ² es un millón, no mil."
    ),
    "least_squares.sens_data_header": "Los datos de arriba",
    "least_squares.sens_not_unique": (
        "Rango {r} < d = {d}: el minimizador no es único, y la solución de norma mínima salta en "
        "cuanto una perturbación devuelve el rango completo. Elige un ejemplo con rango columna "
        "completo (por ejemplo, el casi colineal) para medir su sensibilidad."
    ),
    "least_squares.m_ratio": "‖r‖/(‖X‖‖w‖)",
    "least_squares.sens_data_md": (
        "Predicción de primer orden para la dirección del residuo: κ²‖r‖/(‖X‖‖w‖) = {pred}. "
        "Cuando ‖w‖ crece con κ (columnas casi colineales que ajustan ruido), la razón se "
        "achica y esconde parte del κ²."
    ),
}

# Spanish for the message shapes that core/least_squares.py adds to those of core/_validate.py.
ES_ERRORS = [
    (
        r"^the solution w of the normal equations is beyond the float range \(y is too large for the scale of X\); use the SVD or lstsq instead$",
        "la solución w de las ecuaciones normales excede el rango de los números de punto flotante "
        "(y es demasiado grande para la escala de X); usa la SVD o lstsq",
    ),
    (
        r"^X\^T X is numerically singular \(condition number of X (\S+), squared by forming X\^T X\); use the SVD or lstsq instead$",
        r"XᵀX es numéricamente singular (número de condición de X \1, que se eleva al cuadrado al formar XᵀX); usa la SVD o lstsq",
    ),
    (
        r"^(\S+) must have length (\d+) \(the number of rows of X\), got (\d+)$",
        r"\1 debe tener longitud \2 (el número de filas de X); tiene \3",
    ),
    (
        r"^(\S+) must have length (\d+) \(the number of columns of X\), got (\d+)$",
        r"\1 debe tener longitud \2 (el número de columnas de X); tiene \3",
    ),
    (
        r"^y must be 1-D or a single column, got shape (.+)$",
        r"y debe ser 1-D o una sola columna; tiene forma \1",
    ),
    (
        r"^X must have full column rank (\d+) to invert X\^T X, got rank (\d+)$",
        r"X debe tener rango columna completo \1 para invertir X^T X; tiene rango \2",
    ),
    (
        r"^X must have 2 columns for a loss grid, got (\d+)$",
        r"X debe tener 2 columnas para dibujar la pérdida; tiene \1",
    ),
    (r"^name must be one of (.+), got (.+)$", r"name debe ser uno de \1; se recibió \2"),
    (
        r"^(\S+) must have shape \((\d+), (\d+)\), got (.+)$",
        r"\1 debe tener forma (\2, \3); tiene forma \4",
    ),
    (
        r"^dX must have the shape of X (.+), got (.+)$",
        r"dX debe tener la forma de X \1; tiene forma \2",
    ),
    (
        r"^dX must be nonzero, got the zero matrix$",
        "dX no debe ser cero; se recibió la matriz cero",
    ),
    (
        r"^X must have full column rank (\d+) for a unique minimizer, got rank (\d+)$",
        r"X debe tener rango columna completo \1 para que el minimizador sea único; tiene rango \2",
    ),
    (
        r"^the least-squares solution is w = 0, so its relative change is undefined$",
        "la solución de mínimos cuadrados es w = 0, así que su cambio relativo no está definido",
    ),
]
