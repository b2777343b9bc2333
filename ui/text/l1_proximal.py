"""Strings of the page "L1 regularization: the proximal solution"."""

EN = {
    "l1_proximal.title": "L1 regularization: the proximal solution",
    "l1_proximal.card": "Why an L1 penalty sets weights exactly to zero: soft thresholding, "
    "subgradients and ISTA.",
    "l1_proximal.intro": (
        "Near a minimum **w∗** of the loss, with a diagonal Hessian (decorrelated inputs), adding "
        "an L1 penalty α‖w‖₁ splits the problem into one small problem per weight. Each one has a "
        "closed-form answer, the **soft threshold**: move w∗ towards zero by α/Hᵢᵢ and stop at "
        "zero. Move the sliders and watch which weights land exactly on zero — and compare with L2, "
        "which only shrinks."
    ),
    # one weight
    "l1_proximal.one_header": "One weight",
    "l1_proximal.alpha": "penalty strength α",
    "l1_proximal.alpha_help": "α ≥ 0. The L1 term is α·|w|; the L2 comparison uses ½·α·w².",
    "l1_proximal.H": "curvature Hᵢᵢ (log scale)",
    "l1_proximal.H_help": "Hᵢᵢ > 0: how sharply the loss rises when this weight leaves w∗.",
    "l1_proximal.w_star": "unregularized minimizer wᵢ∗",
    "l1_proximal.w_star_help": "Where this weight would sit without any penalty; any sign.",
    "l1_proximal.m_l1": "L1 solution wᵢ",
    "l1_proximal.m_l2": "L2 solution wᵢ",
    "l1_proximal.m_thr": "threshold α/Hᵢᵢ",
    "l1_proximal.m_zero": "exactly zero under L1?",
    "l1_proximal.yes": "yes",
    "l1_proximal.no": "no",
    "l1_proximal.objective_md": (
        "The regularized quadratic approximation is a sum of independent terms, so each weight "
        "is minimized on its own. With the current numbers:"
    ),
    "l1_proximal.x_w": "w",
    "l1_proximal.y_objective": "objective",
    "l1_proximal.y_subgrad": "subgradients of the objective",
    "l1_proximal.curve_l1": "with α|w|",
    "l1_proximal.curve_quad": "quadratic only (α = 0)",
    "l1_proximal.obj_alt": (
        "Objective ½·{H}·({shift})² + {alpha}·|w|. Its minimum is at w = {w}, with value "
        "{f_min}; without the penalty the minimum would be at w∗ = {w_star}. The curve has a kink "
        "at w = 0."
    ),
    "l1_proximal.subgrad_md": (
        "|w| has no derivative at 0, so “set the derivative to zero” is not enough. At w = 0 "
        "every slope between −1 and 1 is a **subgradient** of |w|, and w minimizes the objective "
        "exactly when 0 belongs to its set of subgradients:"
    ),
    "l1_proximal.sub_alt": (
        "Subgradients of the objective against w: for w < 0 the line {H}·({shift}) − {alpha}, "
        "for w > 0 the line {H}·({shift}) + {alpha}, and at w = 0 the whole interval "
        "[{lo0}, {hi0}]. The graph meets zero at w = {w}."
    ),
    "l1_proximal.sub_in": (
        "At w = {w} the set of subgradients is [{lo}, {hi}], and it contains 0: the optimality "
        "condition holds."
    ),
    "l1_proximal.sub_zero_in": (
        "At w = 0 the subgradient interval is [{lo}, {hi}]; it contains 0 because "
        "|w∗| = {abs_w} ≤ α/Hᵢᵢ = {thr}. The weight is exactly zero."
    ),
    "l1_proximal.sub_zero_out": (
        "At w = 0 the subgradient interval is [{lo}, {hi}]; it misses 0 because "
        "|w∗| = {abs_w} > α/Hᵢᵢ = {thr}, so zero is not optimal and the weight survives."
    ),
    "l1_proximal.misc_sign": (
        "“A weight is zeroed when w∗ > 0 and w∗ ≤ α/Hᵢᵢ.” The penalty is symmetric, so the sign "
        "does not matter: wᵢ = 0 exactly when **|wᵢ∗| ≤ α/Hᵢᵢ**, the whole interval "
        "[−α/Hᵢᵢ, α/Hᵢᵢ]. Try a negative w∗ inside the grey band."
    ),
    "l1_proximal.misc_derivative": (
        "“Differentiate α|w| as α·sign(w) and solve Hᵢᵢ(w − w∗) + α·sign(w) = 0.” That equation has "
        "no solution when |w∗| < α/Hᵢᵢ: the branch w > 0 gives w = w∗ − α/Hᵢᵢ < 0 and the branch "
        "w < 0 gives w = w∗ + α/Hᵢᵢ > 0. The zero solution only appears with the subgradient at "
        "0, the interval [−α, α]."
    ),
    "l1_proximal.check_one": "wᵢ (one weight) vs scipy minimize_scalar",
    # derivation (Homework P4.1)
    "l1_proximal.deriv_header": "Where L̂ comes from (Homework P4.1)",
    "l1_proximal.deriv_md": (
        "The regularized loss is L̃(w) = L(w) + α‖w‖₁, and w∗ is the minimizer of the "
        "*unregularized* L. Approximate the smooth part L to second order around w∗, where "
        "its gradient vanishes, and add the penalty afterwards, exactly once. The penalty is "
        "not expanded: |w| has a kink at 0 and is kept exactly."
    ),
    "l1_proximal.deriv_taylor": "Second-order Taylor expansion of L around w∗:",
    "l1_proximal.deriv_gradient": "w∗ minimizes the differentiable L, so its gradient there is zero:",
    "l1_proximal.deriv_diagonal": (
        "Decorrelated (whitened) inputs make the Hessian diagonal, and the quadratic form "
        "splits into one term per weight:"
    ),
    "l1_proximal.deriv_penalty": "Add the penalty once, unchanged, to get L̂:",
    "l1_proximal.misc_double": (
        "“Expand the regularized L̃ around w∗ and then add α‖w‖₁.” L̃ already contains the "
        "penalty, so this counts it twice. The expansion of L̃ brings its own copy: the constant "
        "L̃(w∗) = L(w∗) + α‖w∗‖₁, and the gradient α·sign(w∗), which is not zero because w∗ "
        "minimizes L, not L̃. Writing that gradient as zero hides the mistake in the linear "
        "term; keeping it honestly shifts each weight by 2α/Hᵢᵢ instead of α/Hᵢᵢ. Here, for "
        "w∗ = {w_star}, that gives w = {w2} (threshold {thr2}) instead of the correct "
        "w = {w} (threshold {thr}). Expand L, whose gradient vanishes at w∗, and add the "
        "penalty once."
    ),
    "l1_proximal.double_latex": "The double-counted approximation and its minimizer",
    "l1_proximal.check_vec": "vector of weights vs minimize_scalar per weight",
    # the map
    "l1_proximal.map_header": "Soft threshold against L2 shrinkage",
    "l1_proximal.map_md": (
        "The whole map w∗ ↦ w for the current α and Hᵢᵢ. L1 cuts a **dead zone** "
        "[−α/Hᵢᵢ, α/Hᵢᵢ] where every weight becomes 0, and moves the rest towards zero by the same "
        "amount α/Hᵢᵢ. L2 multiplies every weight by Hᵢᵢ/(Hᵢᵢ + α): smaller, but never zero."
    ),
    "l1_proximal.x_w_star": "w∗ (no penalty)",
    "l1_proximal.y_w": "w (with penalty)",
    "l1_proximal.line_l1": "L1: soft threshold",
    "l1_proximal.line_l2": "L2: shrink",
    "l1_proximal.line_id": "no penalty (w = w∗)",
    "l1_proximal.map_alt": (
        "Soft-threshold map: w = 0 for w∗ between −{thr} and {thr} (dead zone, shaded), outside it "
        "a line of slope 1 shifted towards zero by {thr}. The L2 line has slope {slope} and only "
        "crosses zero at w∗ = 0. Current point: w∗ = {w_star} gives {w_l1} (L1) and {w_l2} (L2)."
    ),
    # elastic net
    "l1_proximal.en_header": "Elastic net: L1 and L2 together",
    "l1_proximal.en_md": (
        "The elastic net adds both penalties, α₁|w| + ½α₂w². Here α₁ is the α of the sliders "
        "above and α₂ has its own slider. Near w∗ each weight is still a one-dimensional "
        "problem, and it still has a closed form, derived below."
    ),
    "l1_proximal.alpha2": "L2 strength α₂",
    "l1_proximal.alpha2_help": "α₂ ≥ 0: the term ½·α₂·w². α₂ = 0 is the plain L1 penalty.",
    "l1_proximal.m_en": "elastic-net solution wᵢ",
    "l1_proximal.m_en_factor": "L2 factor Hᵢᵢ/(Hᵢᵢ + α₂)",
    "l1_proximal.m_en_zero": "exactly zero with the elastic net?",
    "l1_proximal.en_deriv_md": "The closed form, step by step:",
    "l1_proximal.en_step_objective": (
        "The objective for one weight: the quadratic of the loss plus both penalties."
    ),
    "l1_proximal.en_step_condition": (
        "The optimality condition with the subgradient of |w|. The L2 term is smooth, so it "
        "simply adds α₂w to the slope; the curvature becomes Hᵢᵢ + α₂."
    ),
    "l1_proximal.en_step_positive": (
        "If the answer is positive, |w| has slope +1 and the condition is a linear equation. "
        "Its root is only consistent when it is indeed positive."
    ),
    "l1_proximal.en_step_negative": "The same for a negative answer (slope −1).",
    "l1_proximal.en_step_zero": (
        "Otherwise w = 0, which needs 0 inside the interval of subgradients at 0. Note that α₂ "
        "does not appear: the dead zone depends on α₁ and Hᵢᵢ only."
    ),
    "l1_proximal.en_step_together": "The three cases in one formula:",
    "l1_proximal.en_step_factor": (
        "Read as two steps: first the L1 soft threshold (which weights survive), then the L2 "
        "factor (how much the survivors shrink)."
    ),
    "l1_proximal.en_line_l1": "L1 only (α₁)",
    "l1_proximal.en_line_l2": "L2 only (α₂)",
    "l1_proximal.en_line_en": "elastic net (α₁ and α₂)",
    "l1_proximal.en_map_alt": (
        "Maps from w∗ to w. L1 only: zero for |w∗| ≤ {thr}, then slope 1. L2 only: a line of "
        "slope {slope} through the origin. Elastic net: zero on the same dead zone, then slope "
        "{slope}. At w∗ = {w_star}: {w_l1} (L1), {w_l2} (L2), {w_en} (elastic net)."
    ),
    "l1_proximal.en_adds_md": (
        "**What α₂ adds.**\n"
        "- *It never creates or removes zeros here.* With a diagonal Hessian the dead zone "
        "|w∗| ≤ α₁/Hᵢᵢ is the same as for L1 alone; α₂ only shrinks the weights that survive.\n"
        "- *Strict convexity.* The curvature is Hᵢᵢ + α₂ > 0 even where the loss is flat "
        "(Hᵢᵢ ≈ 0). With L1 alone a flat or duplicated direction can leave many minimizers; "
        "with α₂ > 0 there is exactly one, and it changes smoothly with the data.\n"
        "- *Grouping.* When two input variables are strongly correlated, L1 alone tends to keep "
        "one and drop the other, and which one survives can flip with a small change in the "
        "data. The L2 term rewards spreading the weight, so the elastic net keeps (or drops) "
        "such variables together, with similar weights."
    ),
    "l1_proximal.en_slides_md": (
        "Conventions differ: a regularizer written as R(w) = Σ (β·w² + |w|) with strength λ is "
        "this page's elastic net with α₁ = λ and α₂ = 2βλ (our L2 term carries a ½)."
    ),
    "l1_proximal.check_en": "elastic net: closed form vs minimize_scalar",
    # vector view
    "l1_proximal.vec_header": "Several weights at once",
    "l1_proximal.vec_md": (
        "Each weight has its own w∗ and curvature Hᵢᵢ, hence its own threshold α/Hᵢᵢ: a weight "
        "with little curvature (the loss barely cares about it) is cut first."
    ),
    "l1_proximal.source": "weights",
    "l1_proximal.source.edit": "edit a table",
    "l1_proximal.source.random": "random",
    "l1_proximal.table": "One row per weight: w∗ and Hᵢᵢ (add or delete rows)",
    "l1_proximal.d": "number of weights",
    "l1_proximal.seed": "seed",
    "l1_proximal.x_weight": "weight",
    "l1_proximal.y_value": "value",
    "l1_proximal.bar_w_star": "w∗ (no penalty)",
    "l1_proximal.bar_l1": "L1",
    "l1_proximal.bar_l2": "L2",
    "l1_proximal.m_zeros_l1": "exactly zero with L1",
    "l1_proximal.m_zeros_l2": "exactly zero with L2",
    "l1_proximal.of_d": "{k} of {d}",
    "l1_proximal.vec_alt": (
        "Bars of w∗, the L1 and the L2 solution for {d} weights with α = {alpha}. Exactly zero "
        "with L1: {zeros}. With L2 every non-zero w∗ stays non-zero."
    ),
    "l1_proximal.none": "none",
    "l1_proximal.col_weight": "weight",
    "l1_proximal.col_thr": "α/Hᵢᵢ",
    "l1_proximal.col_zero": "zero with L1",
    # ISTA
    "l1_proximal.ista_header": "Beyond a diagonal Hessian: ISTA on a regression",
    "l1_proximal.ista_md": (
        "For a real regression the Hessian XᵀX/n is not diagonal and there is no closed form. "
        "**ISTA** (proximal gradient) alternates a gradient step on the squared error with the "
        "same soft threshold, here with threshold η·α. It starts at w = 0 and converges to the "
        "lasso solution; the heat map shows when each weight becomes, or stays, exactly zero. "
        "The data come from a true w with only {k} non-zero entries out of {d}."
    ),
    "l1_proximal.alpha_ista": "α for this regression",
    "l1_proximal.noise": "noise in y",
    "l1_proximal.rho": "feature correlation ρ",
    "l1_proximal.rho_help": (
        "corr(xᵢ, xⱼ) = ρ^|i − j|. Correlated features make the Hessian far from diagonal: ISTA "
        "needs more steps and the lasso has to choose among look-alike features."
    ),
    "l1_proximal.seed_ista": "data seed",
    "l1_proximal.steps": "ISTA steps",
    "l1_proximal.lr_factor": "step η as a multiple of 1/L",
    "l1_proximal.lr_help": "1/L = n/σ_max(X)² is the standard step; ISTA converges for η < 2/L.",
    "l1_proximal.whiten": "whitened inputs (XᵀX/n = I)",
    "l1_proximal.whiten_help": (
        "Makes the Hessian the identity (and removes the correlation), the setting of the "
        "formulas above: then the lasso solution is the soft threshold of least squares, and "
        "ISTA with η = 1/L gets there in one step."
    ),
    "l1_proximal.x_step": "iteration k",
    "l1_proximal.heat_title": "w⁽ᵏ⁾ (grey: exactly 0)",
    "l1_proximal.heat_alt": (
        "Heat map of the {d} weights over {steps} ISTA iterations. At the last iteration {nnz} "
        "weights are non-zero ({support}); the lasso solution has {nnz_ref} non-zero weights and "
        "the true w has {nnz_true}."
    ),
    "l1_proximal.y_gap": "objective − optimum",
    "l1_proximal.y_nnz": "non-zero weights",
    "l1_proximal.nnz_alt": (
        "Non-zero weights per iteration: from 0 at the start up to {peak} (at step {k_peak}), "
        "then {nnz} at the last step; the lasso solution has {nnz_ref}."
    ),
    "l1_proximal.conv_alt": (
        "Distance of the lasso objective to its optimum over the iterations: from {gap0} at w = 0 "
        "down to {gapk} after {steps} steps. The number of non-zero weights goes from 0 to {nnz}."
    ),
    "l1_proximal.m_nnz": "non-zero weights at step k",
    "l1_proximal.m_dist": "max |w⁽ᵏ⁾ − ŵ|",
    "l1_proximal.m_support": "same zeros as ŵ?",
    "l1_proximal.sol_alt": (
        "True w, least-squares solution and lasso solution ŵ (α = {alpha}) per weight. Least "
        "squares has {nnz_ls} non-zero weights, the lasso {nnz_ref}."
    ),
    "l1_proximal.bar_true": "true w",
    "l1_proximal.bar_ls": "least squares",
    "l1_proximal.bar_lasso": "lasso ŵ",
    "l1_proximal.check_kkt": "optimality of ŵ: max violation of 0 ∈ ∇ + α∂‖w‖₁",
    "l1_proximal.check_lbfgsb": "ŵ (ISTA) vs L-BFGS-B on w = u − v with u, v ≥ 0",
    "l1_proximal.check_white": "ŵ vs soft threshold of least squares (whitened)",
    "l1_proximal.lr_note": "Step used: η = {lr} (1/L = {inv_L}).",
}

ES = {
    "l1_proximal.title": "Regularización L1: la solución proximal",
    "l1_proximal.card": "Por qué una penalización L1 vuelve exactamente cero algunos pesos: "
    "umbral suave, subgradientes e ISTA.",
    "l1_proximal.intro": (
        "Cerca de un mínimo **w∗** de la pérdida, con un hessiano diagonal (entradas "
        "decorrelacionadas), sumar una penalización L1 α‖w‖₁ separa el problema en un problema "
        "pequeño por cada peso. Cada uno tiene solución cerrada, el **umbral suave**: acercar w∗ "
        "a cero en α/Hᵢᵢ y detenerse en cero. Mueve los controles y observa qué pesos caen "
        "exactamente en cero; compáralo con L2, que solo los encoge."
    ),
    # un peso
    "l1_proximal.one_header": "Un solo peso",
    "l1_proximal.alpha": "intensidad de la penalización α",
    "l1_proximal.alpha_help": "α ≥ 0. El término L1 es α·|w|; la comparación con L2 usa ½·α·w².",
    "l1_proximal.H": "curvatura Hᵢᵢ (escala logarítmica)",
    "l1_proximal.H_help": "Hᵢᵢ > 0: qué tan rápido crece la pérdida cuando este peso se aleja de w∗.",
    "l1_proximal.w_star": "minimizador sin regularizar wᵢ∗",
    "l1_proximal.w_star_help": "Donde quedaría este peso sin penalización; puede tener cualquier signo.",
    "l1_proximal.m_l1": "solución con L1 wᵢ",
    "l1_proximal.m_l2": "solución con L2 wᵢ",
    "l1_proximal.m_thr": "umbral α/Hᵢᵢ",
    "l1_proximal.m_zero": "¿exactamente cero con L1?",
    "l1_proximal.yes": "sí",
    "l1_proximal.no": "no",
    "l1_proximal.objective_md": (
        "La aproximación cuadrática regularizada es una suma de términos independientes, así que "
        "cada peso se minimiza por separado. Con los valores actuales:"
    ),
    "l1_proximal.x_w": "w",
    "l1_proximal.y_objective": "función objetivo",
    "l1_proximal.y_subgrad": "subgradientes del objetivo",
    "l1_proximal.curve_l1": "con α|w|",
    "l1_proximal.curve_quad": "solo la cuadrática (α = 0)",
    "l1_proximal.obj_alt": (
        "Objetivo ½·{H}·({shift})² + {alpha}·|w|. Su mínimo está en w = {w}, con valor "
        "{f_min}; sin la penalización el mínimo estaría en w∗ = {w_star}. La curva tiene un quiebre "
        "en w = 0."
    ),
    "l1_proximal.subgrad_md": (
        "|w| no es derivable en 0, así que «igualar la derivada a cero» no alcanza. En w = 0 "
        "cualquier pendiente entre −1 y 1 es un **subgradiente** de |w|, y w minimiza el objetivo "
        "justo cuando 0 pertenece a su conjunto de subgradientes:"
    ),
    "l1_proximal.sub_alt": (
        "Subgradientes del objetivo en función de w: para w < 0 la recta {H}·({shift}) − "
        "{alpha}, para w > 0 la recta {H}·({shift}) + {alpha}, y en w = 0 todo el intervalo "
        "[{lo0}, {hi0}]. La gráfica toca el cero en w = {w}."
    ),
    "l1_proximal.sub_in": (
        "En w = {w} el conjunto de subgradientes es [{lo}, {hi}] y contiene al 0: se cumple la "
        "condición de optimalidad."
    ),
    "l1_proximal.sub_zero_in": (
        "En w = 0 el intervalo de subgradientes es [{lo}, {hi}]; contiene al 0 porque "
        "|w∗| = {abs_w} ≤ α/Hᵢᵢ = {thr}. El peso queda exactamente en cero."
    ),
    "l1_proximal.sub_zero_out": (
        "En w = 0 el intervalo de subgradientes es [{lo}, {hi}]; no contiene al 0 porque "
        "|w∗| = {abs_w} > α/Hᵢᵢ = {thr}, así que cero no es óptimo y el peso sobrevive."
    ),
    "l1_proximal.misc_sign": (
        "«Un peso se anula cuando w∗ > 0 y w∗ ≤ α/Hᵢᵢ.» La penalización es simétrica, así que el "
        "signo no importa: wᵢ = 0 exactamente cuando **|wᵢ∗| ≤ α/Hᵢᵢ**, en todo el intervalo "
        "[−α/Hᵢᵢ, α/Hᵢᵢ]. Prueba con un w∗ negativo dentro de la franja gris."
    ),
    "l1_proximal.misc_derivative": (
        "«Se deriva α|w| como α·signo(w) y se resuelve Hᵢᵢ(w − w∗) + α·signo(w) = 0.» Esa ecuación "
        "no tiene solución cuando |w∗| < α/Hᵢᵢ: la rama w > 0 da w = w∗ − α/Hᵢᵢ < 0 y la rama "
        "w < 0 da w = w∗ + α/Hᵢᵢ > 0. La solución cero solo aparece con el subgradiente en 0, "
        "que es el intervalo [−α, α]."
    ),
    "l1_proximal.check_one": "wᵢ (un peso) frente a minimize_scalar de scipy",
    # derivación (Tarea P4.1)
    "l1_proximal.deriv_header": "De dónde sale L̂ (Tarea P4.1)",
    "l1_proximal.deriv_md": (
        "La pérdida regularizada es L̃(w) = L(w) + α‖w‖₁, y w∗ es el minimizador de la L *sin* "
        "regularizar. Se aproxima la parte suave L a segundo orden alrededor de w∗, donde su "
        "gradiente se anula, y después se suma la penalización una sola vez. La penalización "
        "no se desarrolla: |w| tiene un quiebre en 0 y se conserva exacta."
    ),
    "l1_proximal.deriv_taylor": "Desarrollo de Taylor de segundo orden de L alrededor de w∗:",
    "l1_proximal.deriv_gradient": "w∗ minimiza la L diferenciable, así que ahí su gradiente es cero:",
    "l1_proximal.deriv_diagonal": (
        "Con entradas decorrelacionadas (blanqueadas) la hessiana es diagonal y la forma "
        "cuadrática se separa en un término por peso:"
    ),
    "l1_proximal.deriv_penalty": "Se suma la penalización una vez, sin cambios, y se obtiene L̂:",
    "l1_proximal.misc_double": (
        "«Se desarrolla la L̃ regularizada alrededor de w∗ y luego se suma α‖w‖₁.» L̃ ya "
        "contiene la penalización, así que esto la cuenta dos veces. El desarrollo de L̃ trae su "
        "propia copia: la constante L̃(w∗) = L(w∗) + α‖w∗‖₁ y el gradiente α·signo(w∗), que no "
        "es cero porque w∗ minimiza L, no L̃. Escribir ese gradiente como cero esconde el error "
        "en el término lineal; conservarlo con honestidad desplaza cada peso 2α/Hᵢᵢ en lugar de "
        "α/Hᵢᵢ. Aquí, con w∗ = {w_star}, eso da w = {w2} (umbral {thr2}) en lugar del correcto "
        "w = {w} (umbral {thr}). Hay que desarrollar L, cuyo gradiente se anula en w∗, y sumar "
        "la penalización una vez."
    ),
    "l1_proximal.double_latex": "La aproximación que cuenta dos veces la penalización y su minimizador",
    "l1_proximal.check_vec": "vector de pesos frente a minimize_scalar peso por peso",
    # el mapa
    "l1_proximal.map_header": "Umbral suave frente al encogimiento L2",
    "l1_proximal.map_md": (
        "El mapa completo w∗ ↦ w para los α y Hᵢᵢ actuales. L1 abre una **zona muerta** "
        "[−α/Hᵢᵢ, α/Hᵢᵢ] donde todo peso se vuelve 0 y acerca los demás a cero en la misma "
        "cantidad α/Hᵢᵢ. L2 multiplica cada peso por Hᵢᵢ/(Hᵢᵢ + α): más pequeño, pero nunca cero."
    ),
    "l1_proximal.x_w_star": "w∗ (sin penalización)",
    "l1_proximal.y_w": "w (con penalización)",
    "l1_proximal.line_l1": "L1: umbral suave",
    "l1_proximal.line_l2": "L2: encogimiento",
    "l1_proximal.line_id": "sin penalización (w = w∗)",
    "l1_proximal.map_alt": (
        "Mapa de umbral suave: w = 0 para w∗ entre −{thr} y {thr} (zona muerta, sombreada); fuera "
        "de ella, una recta de pendiente 1 desplazada hacia cero en {thr}. La recta de L2 tiene "
        "pendiente {slope} y solo pasa por cero en w∗ = 0. Punto actual: w∗ = {w_star} da {w_l1} "
        "(L1) y {w_l2} (L2)."
    ),
    # red elástica
    "l1_proximal.en_header": "Red elástica: L1 y L2 juntas",
    "l1_proximal.en_md": (
        "La red elástica suma las dos penalizaciones, α₁|w| + ½α₂w². Aquí α₁ es la α de los "
        "deslizadores de arriba y α₂ tiene su propio deslizador. Cerca de w∗ cada peso sigue "
        "siendo un problema de una dimensión con solución cerrada, que se deduce abajo."
    ),
    "l1_proximal.alpha2": "intensidad L2 α₂",
    "l1_proximal.alpha2_help": "α₂ ≥ 0: el término ½·α₂·w². Con α₂ = 0 queda la penalización L1 sola.",
    "l1_proximal.m_en": "solución de red elástica wᵢ",
    "l1_proximal.m_en_factor": "factor L2 Hᵢᵢ/(Hᵢᵢ + α₂)",
    "l1_proximal.m_en_zero": "¿exactamente cero con red elástica?",
    "l1_proximal.en_deriv_md": "La fórmula cerrada, paso a paso:",
    "l1_proximal.en_step_objective": (
        "El objetivo de un peso: la cuadrática de la pérdida más ambas penalizaciones."
    ),
    "l1_proximal.en_step_condition": (
        "La condición de optimalidad con el subgradiente de |w|. El término L2 es suave: solo "
        "suma α₂w a la pendiente, y la curvatura pasa a ser Hᵢᵢ + α₂."
    ),
    "l1_proximal.en_step_positive": (
        "Si la respuesta es positiva, |w| tiene pendiente +1 y la condición es una ecuación "
        "lineal. Su raíz solo es coherente si de verdad resulta positiva."
    ),
    "l1_proximal.en_step_negative": "Lo mismo para una respuesta negativa (pendiente −1).",
    "l1_proximal.en_step_zero": (
        "Si no, w = 0, y eso exige que 0 esté en el intervalo de subgradientes en 0. Observa que "
        "α₂ no aparece: la zona muerta depende solo de α₁ y de Hᵢᵢ."
    ),
    "l1_proximal.en_step_together": "Los tres casos en una sola fórmula:",
    "l1_proximal.en_step_factor": (
        "Se lee en dos pasos: primero el umbral suave de L1 (qué pesos sobreviven), luego el "
        "factor de L2 (cuánto se encogen los que sobreviven)."
    ),
    "l1_proximal.en_line_l1": "solo L1 (α₁)",
    "l1_proximal.en_line_l2": "solo L2 (α₂)",
    "l1_proximal.en_line_en": "red elástica (α₁ y α₂)",
    "l1_proximal.en_map_alt": (
        "Funciones de w∗ a w. Solo L1: cero para |w∗| ≤ {thr}, luego pendiente 1. Solo L2: una "
        "recta de pendiente {slope} que pasa por el origen. Red elástica: cero en la misma zona "
        "muerta, luego pendiente {slope}. En w∗ = {w_star}: {w_l1} (L1), {w_l2} (L2), {w_en} "
        "(red elástica)."
    ),
    "l1_proximal.en_adds_md": (
        "**Qué aporta α₂.**\n"
        "- *Aquí no crea ni quita ceros.* Con hessiana diagonal la zona muerta "
        "|w∗| ≤ α₁/Hᵢᵢ es la misma que con L1 sola; α₂ solo encoge los pesos que sobreviven.\n"
        "- *Convexidad estricta.* La curvatura es Hᵢᵢ + α₂ > 0 aunque la pérdida sea plana "
        "(Hᵢᵢ ≈ 0). Con L1 sola, una dirección plana o duplicada puede dejar muchos minimizadores; "
        "con α₂ > 0 hay exactamente uno, y cambia de forma continua con los datos.\n"
        "- *Agrupamiento.* Cuando dos variables de entrada están muy correlacionadas, L1 sola "
        "tiende a conservar una y descartar la otra, y cuál sobrevive puede cambiar con una "
        "pequeña variación de los datos. El término L2 premia repartir el peso, así que la red "
        "elástica conserva (o descarta) esas variables juntas, con pesos parecidos."
    ),
    "l1_proximal.en_slides_md": (
        "Las convenciones varían: un regularizador escrito como R(w) = Σ (β·w² + |w|) con "
        "intensidad λ es la red elástica de esta página con α₁ = λ y α₂ = 2βλ (nuestro término L2 "
        "lleva un ½)."
    ),
    "l1_proximal.check_en": "red elástica: fórmula cerrada frente a minimize_scalar",
    # vista vectorial
    "l1_proximal.vec_header": "Varios pesos a la vez",
    "l1_proximal.vec_md": (
        "Cada peso tiene su propio w∗ y su curvatura Hᵢᵢ, y por lo tanto su propio umbral α/Hᵢᵢ: "
        "un peso con poca curvatura (a la pérdida casi no le importa) es el primero en anularse."
    ),
    "l1_proximal.source": "pesos",
    "l1_proximal.source.edit": "editar una tabla",
    "l1_proximal.source.random": "aleatorios",
    "l1_proximal.table": "Una fila por peso: w∗ y Hᵢᵢ (puedes agregar o borrar filas)",
    "l1_proximal.d": "número de pesos",
    "l1_proximal.seed": "semilla",
    "l1_proximal.x_weight": "peso",
    "l1_proximal.y_value": "valor",
    "l1_proximal.bar_w_star": "w∗ (sin penalización)",
    "l1_proximal.bar_l1": "L1",
    "l1_proximal.bar_l2": "L2",
    "l1_proximal.m_zeros_l1": "exactamente cero con L1",
    "l1_proximal.m_zeros_l2": "exactamente cero con L2",
    "l1_proximal.of_d": "{k} de {d}",
    "l1_proximal.vec_alt": (
        "Barras de w∗, la solución con L1 y la solución con L2 para {d} pesos con α = {alpha}. "
        "Exactamente cero con L1: {zeros}. Con L2 todo w∗ distinto de cero sigue siendo distinto "
        "de cero."
    ),
    "l1_proximal.none": "ninguno",
    "l1_proximal.col_weight": "peso",
    "l1_proximal.col_thr": "α/Hᵢᵢ",
    "l1_proximal.col_zero": "cero con L1",
    # ISTA
    "l1_proximal.ista_header": "Más allá del hessiano diagonal: ISTA en una regresión",
    "l1_proximal.ista_md": (
        "En una regresión real el hessiano XᵀX/n no es diagonal y no hay fórmula cerrada. "
        "**ISTA** (gradiente proximal) alterna un paso de gradiente sobre el error cuadrático con "
        "el mismo umbral suave, aquí con umbral η·α. Parte de w = 0 y converge a la solución "
        "lasso; el mapa de calor muestra cuándo cada peso se vuelve, o se queda, exactamente en "
        "cero. Los datos salen de un w verdadero con solo {k} entradas distintas de cero de {d}."
    ),
    "l1_proximal.alpha_ista": "α para esta regresión",
    "l1_proximal.noise": "ruido en y",
    "l1_proximal.rho": "correlación entre variables ρ",
    "l1_proximal.rho_help": (
        "corr(xᵢ, xⱼ) = ρ^|i − j|. Con variables correlacionadas el hessiano queda lejos de ser "
        "diagonal: ISTA necesita más pasos y lasso tiene que elegir entre variables parecidas."
    ),
    "l1_proximal.seed_ista": "semilla de los datos",
    "l1_proximal.steps": "pasos de ISTA",
    "l1_proximal.lr_factor": "paso η como múltiplo de 1/L",
    "l1_proximal.lr_help": "1/L = n/σ_max(X)² es el paso habitual; ISTA converge si η < 2/L.",
    "l1_proximal.whiten": "entradas blanqueadas (XᵀX/n = I)",
    "l1_proximal.whiten_help": (
        "Vuelve el hessiano igual a la identidad (y elimina la correlación), el supuesto de las "
        "fórmulas de arriba: entonces la solución lasso es el umbral suave de mínimos cuadrados, "
        "e ISTA con η = 1/L llega a ella en un solo paso."
    ),
    "l1_proximal.x_step": "iteración k",
    "l1_proximal.heat_title": "w⁽ᵏ⁾ (gris: exactamente 0)",
    "l1_proximal.heat_alt": (
        "Mapa de calor de los {d} pesos durante {steps} iteraciones de ISTA. En la última "
        "iteración hay {nnz} pesos distintos de cero ({support}); la solución lasso tiene "
        "{nnz_ref} y el w verdadero tiene {nnz_true}."
    ),
    "l1_proximal.y_gap": "objetivo − óptimo",
    "l1_proximal.y_nnz": "pesos distintos de cero",
    "l1_proximal.nnz_alt": (
        "Pesos distintos de cero en cada iteración: de 0 al inicio hasta {peak} (en el paso "
        "{k_peak}), y {nnz} en el último paso; la solución lasso tiene {nnz_ref}."
    ),
    "l1_proximal.conv_alt": (
        "Distancia del objetivo lasso a su óptimo a lo largo de las iteraciones: de {gap0} en "
        "w = 0 a {gapk} después de {steps} pasos. El número de pesos distintos de cero pasa de 0 a "
        "{nnz}."
    ),
    "l1_proximal.m_nnz": "pesos distintos de cero en el paso k",
    "l1_proximal.m_dist": "máx |w⁽ᵏ⁾ − ŵ|",
    "l1_proximal.m_support": "¿mismos ceros que ŵ?",
    "l1_proximal.sol_alt": (
        "w verdadero, solución de mínimos cuadrados y solución lasso ŵ (α = {alpha}) por peso. "
        "Mínimos cuadrados tiene {nnz_ls} pesos distintos de cero; lasso, {nnz_ref}."
    ),
    "l1_proximal.bar_true": "w verdadero",
    "l1_proximal.bar_ls": "mínimos cuadrados",
    "l1_proximal.bar_lasso": "lasso ŵ",
    "l1_proximal.check_kkt": "optimalidad de ŵ: máxima violación de 0 ∈ ∇ + α∂‖w‖₁",
    "l1_proximal.check_lbfgsb": "ŵ (ISTA) frente a L-BFGS-B con w = u − v, u, v ≥ 0",
    "l1_proximal.check_white": "ŵ frente al umbral suave de mínimos cuadrados (blanqueado)",
    "l1_proximal.lr_note": "Paso usado: η = {lr} (1/L = {inv_L}).",
}

# Spanish for the messages of core/l1_proximal.py that do not follow core/_validate.py's shapes.
ES_ERRORS = [
    (
        r"^sigma_max\(X\) must be >= (\S+) for a finite step 1/L, got (\S+)$",
        r"sigma_max(X) debe ser >= \1 para que el paso 1/L sea finito; se recibió \2",
    ),
    (
        r"^weights table must have 2 columns \(w\*, H_ii\), got (\d+)$",
        r"la tabla de pesos debe tener 2 columnas (w*, H_ii); tiene \1",
    ),
    (
        r"^weights table must contain only finite numbers \(no NaN or inf\)$",
        r"la tabla de pesos solo puede contener números finitos (sin celdas vacías, NaN ni "
        r"infinitos)",
    ),
    (
        r"^weights table must not be empty, got shape (.+)$",
        r"la tabla de pesos no puede estar vacía; tiene forma \1",
    ),
    (
        r"^weights table must be (.+?)-D, got shape (.+)$",
        r"la tabla de pesos debe ser un arreglo \1-D; tiene forma \2",
    ),
    (
        r"^weights table must be numeric, got (.+)$",
        r"la tabla de pesos debe ser numérica; se recibió \1",
    ),
    (
        r"^(.+) must have compatible shapes, got (.+)$",
        r"\1 deben tener formas compatibles; se recibió \2",
    ),
    (
        r"^(\S+) must have (\d+) entries \(one per row of X\), got (\d+)$",
        r"\1 debe tener \2 entradas (una por fila de X); tiene \3",
    ),
    (
        r"^(\S+) must have (\d+) entries \(one per column of X\), got (\d+)$",
        r"\1 debe tener \2 entradas (una por columna de X); tiene \3",
    ),
    (
        r"^n must be >= d = (\d+) to whiten X, got (\d+)$",
        r"n debe ser >= d = \1 para blanquear X; se recibió \2",
    ),
]
