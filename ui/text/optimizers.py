"""Strings of the page "Optimizers: a race on 2-D functions"."""

EN = {
    "optimizers.title": "Optimizers: a race on 2-D functions",
    "optimizers.card": "SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam and Adadelta side by side: "
    "zig-zags, saddles, divergence and the best momentum; Newton and L-BFGS, and their cost.",
    "optimizers.intro": (
        "Gradient descent and its refinements start from the same point of a small 2-D function. "
        "Pick the function, a few optimizers and their learning rates, then compare their paths "
        "on the map, how fast the loss falls and how long their steps are. On the quadratic the "
        "picture and the theory meet: the condition number κ, the stability limit 2/λ_max and "
        "the best momentum."
    ),
    # set-up
    "optimizers.setup_header": "Set up the race",
    "optimizers.function": "function",
    "optimizers.fn.quadratic": "quadratic",
    "optimizers.fn.saddle": "saddle x² − y²",
    "optimizers.fn.rosenbrock": "Rosenbrock",
    "optimizers.fn.two_minima": "two minima",
    "optimizers.kappa": "condition number κ = λ_max/λ_min",
    "optimizers.kappa_help": "The Hessian has eigenvalues 1 and κ: the larger κ, the longer and "
    "narrower the valley.",
    "optimizers.theta": "rotation of the valley θ (degrees)",
    "optimizers.x0": "start x₀",
    "optimizers.y0": "start y₀",
    "optimizers.steps": "steps",
    "optimizers.sigma": "gradient noise σ",
    "optimizers.sigma_help": "Adds N(0, σ²) to every gradient component, as a mini-batch "
    "gradient would. All optimizers get the same noise.",
    "optimizers.seed": "noise seed",
    "optimizers.choose": "optimizers",
    "optimizers.none_chosen": "Choose at least one optimizer to start the race.",
    "optimizers.lr_mark_note": "⚠ marks learning rates at or above the stability limit of a "
    "fixed-step method (exact on the quadratic; near the minimum on the other functions).",
    "optimizers.lr_limit": "learning rate η (stable below {limit})",
    "optimizers.lr_adaptive": "learning rate η (adaptive: no fixed limit)",
    "optimizers.mu": "momentum μ",
    "optimizers.alpha": "averaging factor α",
    "optimizers.bias_correction": "bias correction (divide by 1 − βᵗ)",
    "optimizers.add_optimal": "add heavy ball with the best η* and β* for this κ",
    "optimizers.name.sgd": "SGD",
    "optimizers.name.momentum": "Momentum",
    "optimizers.name.nesterov": "Nesterov",
    "optimizers.name.adagrad": "AdaGrad",
    "optimizers.name.rmsprop": "RMSProp",
    "optimizers.name.adam": "Adam",
    "optimizers.name.adadelta": "Adadelta",
    "optimizers.name.optimal": "Momentum (η*, β*)",
    # the race
    "optimizers.race_header": "The race",
    "optimizers.m_lam": "eigenvalues of A (λ_min, λ_max)",
    "optimizers.m_limit": "GD is stable for η below",
    "optimizers.m_beta": "best momentum β*",
    "optimizers.m_eta": "best step η* (with β*)",
    "optimizers.m_lam_local": "λ_max of the Hessian at the minimum",
    "optimizers.m_lam_saddle": "λ_max of the Hessian at the saddle point",
    "optimizers.m_limit_local": "GD is stable there for η below",
    "optimizers.col_opt": "optimizer",
    "optimizers.col_gap": "final f − f*",
    "optimizers.col_f": "final f",
    "optimizers.col_point": "final point",
    "optimizers.col_status": "outcome",
    "optimizers.st_diverged": "diverged at step {k}",
    "optimizers.st_escaped": "escaped the saddle (left the picture at step {k})",
    "optimizers.st_stuck": "stuck at the saddle",
    "optimizers.st_on_way": "moving away from the saddle",
    "optimizers.st_global": "ended next to the global minimum",
    "optimizers.st_local": "ended next to the local minimum",
    "optimizers.st_reached": "f − f* < 10⁻⁴ from step {k}",
    "optimizers.st_not_yet": "not yet within 10⁻⁴ of f*",
    "optimizers.div_gd": (
        "**{opt} diverged at step {k}.** η = {lr} is above 2/λ_max = {limit}. Along the "
        "steepest direction every step multiplies the error by 1 − ηλ_max, whose size here is "
        "{factor} > 1, so the iterates grow instead of shrinking. The path is drawn only until it "
        "leaves the picture. Any η below {limit} converges."
    ),
    "optimizers.div_momentum": (
        "**{opt} diverged at step {k}.** With this momentum the stability limit is η < {limit} "
        "(λ_max = {lam}); η = {lr} is beyond it, so the oscillation along the steepest direction "
        "grows at every step. Lower η (or μ)."
    ),
    "optimizers.div_gd_local": (
        "**{opt} diverged at step {k}.** Near the minimum the largest curvature is "
        "λ_max ≈ {lam}, so gradient descent can only settle there with η < {limit}; with "
        "η = {lr} the steps grow without bound. The path is drawn only until it leaves the "
        "picture. Choose a smaller η."
    ),
    "optimizers.div_momentum_local": (
        "**{opt} diverged at step {k}.** Near the minimum λ_max ≈ {lam}, and with this momentum "
        "the steps stay bounded only for η < {limit}; η = {lr} is beyond it. Lower η (or μ)."
    ),
    "optimizers.div_other": (
        "**{opt} blew up at step {k}** (η = {lr}). Its steps became too large for the curvature "
        "they met (λ_max ≈ {lam} at the minimum). A smaller η fixes it."
    ),
    "optimizers.start": "start",
    "optimizers.minimum": "minimum",
    "optimizers.saddle_point": "saddle point",
    "optimizers.traj_alt": (
        "Map of the {fn} function (colour: log(1 + f − min f), darker is lower) with the paths "
        "from ({x}, {y}) over {steps} steps. {ends}."
    ),
    "optimizers.traj_alt_one": "{opt} ends at ({x}, {y}): {status}",
    "optimizers.x_step": "step",
    "optimizers.y_gap": "f − f* (log scale)",
    "optimizers.y_f": "f (symmetric log scale)",
    "optimizers.y_size": "update length ‖θₜ − θₜ₋₁‖ (log scale)",
    "optimizers.loss_alt": "{what} against the step. Last values: {finals}.",
    "optimizers.size_alt": "Length of each update against the step (log scale). First → last "
    "update: {sizes}.",
    "optimizers.size_alt_one": "{opt} {first} → {last}",
    # reading
    "optimizers.read_header": "What the picture shows",
    "optimizers.read.quadratic": (
        "**Zig-zag.** With κ ≫ 1 the contours are long, narrow ellipses and the gradient points "
        "mostly *across* the valley. Gradient descent multiplies the steep component by "
        "1 − ηλ_max — negative once η > 1/λ_max, so the iterate bounces from wall to wall — "
        "and the flat component by 1 − η, so it creeps along the floor. η cannot be raised to "
        "speed up the floor, because the steep direction caps it at 2/λ_max: that is the price "
        "of a large condition number. Momentum piles up the consistent along-valley part of the "
        "gradient and lets the alternating part cancel.\n\n"
        "**Rotation.** AdaGrad, RMSProp and Adam rescale each *coordinate*. They shine when the "
        "valley is aligned with the axes (θ = 0°) and help much less when it is rotated (θ = 45°)."
    ),
    "optimizers.read.saddle": (
        "At the origin the gradient is zero, yet it is not a minimum: f decreases along y. "
        "Started exactly on the x-axis (y₀ = 0), gradient descent never sees a y-component and "
        "stops at the saddle. From y₀ ≠ 0 the y-component grows by 1 + 2η per step — slowly at "
        "first, because the gradient there is tiny. Gradient noise (σ > 0) breaks the symmetry; "
        "momentum, and the adaptive methods that divide the tiny gradient by its own size, "
        "escape much sooner. f is unbounded below, so escaping means leaving the picture."
    ),
    "optimizers.read.rosenbrock": (
        "Rosenbrock's valley is curved, its floor nearly flat and its walls steep: near the "
        "minimum λ_max ≈ 1000, so plain gradient descent needs η < 0.002 and then crawls along "
        "the floor for thousands of steps. Momentum builds up speed along the floor; Adam's "
        "per-coordinate scaling tames the steep walls. Watch the loss plateau while the path "
        "follows the banana-shaped floor."
    ),
    "optimizers.read.two_minima": (
        "Two minima: a deeper (global) one on the left and a shallower (local) one on the right, "
        "separated by a ridge near x ≈ 0.08. Gradient descent only goes downhill, so from the "
        "right it settles in the local minimum and its loss curve flattens at f − f* ≈ 0.6 "
        "instead of falling to 0. Momentum, a large step or noise may carry the iterate over the "
        "ridge — or not: the outcome depends on the start and the settings."
    ),
    "optimizers.limit_numbers": (
        "Here λ_max = κ = {kappa}, so gradient descent needs η < {limit}. Even the best fixed "
        "step, η = 2/(λ_min + λ_max) = {best}, shrinks the error only by (κ − 1)/(κ + 1) = "
        "{rate} per step: {n} steps to reduce it a thousandfold."
    ),
    "optimizers.momentum_numbers": (
        "With momentum tuned for κ = {kappa}, η* = {eta} and β* = {beta}, the error shrinks by "
        "(√κ − 1)/(√κ + 1) = {rate} per step: {n} steps for a thousandfold reduction. β* "
        "optimizes the long-run rate, not the first steps: the steep component still swings "
        "widely at the start. Tick “add heavy ball…” above to race it."
    ),
    "optimizers.check_md": "Gradient descent on a quadratic has a closed form: after t steps the "
    "iterate is (I − ηA)ᵗ z₀. The simulated SGD path must land on the same point.",
    "optimizers.check_row": "z after {steps} steps",
    "optimizers.rules_header": "Update rules",
    "optimizers.rules_md": (
        "gₜ is the gradient at the current iterate (plus the noise), and products, squares, "
        "roots and divisions act on each coordinate separately. These are the formulas the page "
        "runs; they match PyTorch's optimizers step by step."
    ),
    "optimizers.rule.sgd": "One step against the gradient. η alone sets the step length, so it "
    "has to suit the steepest direction.",
    "optimizers.rule.momentum": (
        "The buffer b is a decaying sum of past gradients: directions that persist build up "
        "speed, directions that alternate cancel out. This is PyTorch's form; writing "
        "v ← μv − ηg, θ ← θ + v gives exactly the same iterates."
    ),
    "optimizers.rule.nesterov": (
        "Like momentum, but the correction uses the gradient at the point the momentum is about "
        "to carry us to, which reduces overshooting. PyTorch rewrites it so that only the "
        "gradient at the current iterate is needed; its iterate is that look-ahead point."
    ),
    "optimizers.rule.adagrad": (
        "Every coordinate is divided by the root of the *sum of all its squared gradients*. "
        "Steep coordinates get small steps and flat ones large steps, but the sum only grows, "
        "so the steps keep shrinking — like η/√t for a constant gradient."
    ),
    "optimizers.rule.rmsprop": "Like AdaGrad, but the squared gradients are *averaged* with a "
    "forgetting factor α, so old gradients fade and the steps do not die out.",
    "optimizers.rule.adam": (
        "Momentum on the gradient (m) combined with RMSProp's scaling (v). Both averages start "
        "at zero and are corrected for that start by dividing by 1 − βᵗ. Switch the correction "
        "off to see what it prevents."
    ),
    "optimizers.rule.adadelta": (
        "The step is the gradient times RMS(past updates)/RMS(gradients), a ratio with the units "
        "of θ. It starts with tiny steps (about √ε per coordinate) and speeds up as updates "
        "accumulate; PyTorch multiplies it by η (default 1)."
    ),
    "optimizers.no_bias_note": (
        "Without the correction the very first step is (1 − β₁)/√(1 − β₂) = {factor} times η "
        "per coordinate (β₁ = {b1}, β₂ = {b2}), and v stays too small for roughly 1/(1 − β₂) "
        "steps, so the early steps are too large."
    ),
    "optimizers.misc_header": "Common misconceptions",
    "optimizers.misc_adam": (
        "Adam's update is θ ← θ − η·m̂/(√v̂ + ε), with m̂ and v̂ the bias-corrected averages of g "
        "and g². It has no extra factor gₜ: multiplying by the gradient again would make the "
        "step grow like g² and undo the normalization. With a constant gradient Adam moves "
        "about η per step whatever the size of g. Also, m averages the gradients themselves and "
        "the update *subtracts* it; ε sits outside the square root."
    ),
    "optimizers.misc_adagrad": (
        "AdaGrad accumulates *squared gradients*, Gₜ = Gₜ₋₁ + gₜ ⊙ gₜ, coordinate by "
        "coordinate. Writing this as ∇²f suggests second derivatives (the Hessian), which are "
        "something else: for a linear function the Hessian is zero, yet AdaGrad's steps still "
        "shrink like η/√t."
    ),
    "optimizers.misc_adadelta": (
        "Adadelta's step still contains the gradient: Δθ = −RMS(past updates)/RMS(gradients) · "
        "gₜ, with the gradient average updated *before* it is used. Without gₜ the step would "
        "not depend on where the minimum is. And PyTorch's Adadelta does have a learning rate "
        "(default 1) that scales this step."
    ),
    "optimizers.misc_sgd_minima": (
        "It is often said that full-batch gradient descent falls into local minima while SGD "
        "avoids them. That needs nuance. The noise of mini-batch gradients can push the iterate "
        "off a saddle point or out of a narrow (sharp) minimum, and in high dimensions saddle "
        "points are the more common obstacle. But nothing is guaranteed: noisy SGD can settle "
        "in a local minimum too, a wide basin holds it as firmly as it holds full-batch descent, "
        "and the noise fades as the learning rate decays. Try the two-minima function with SGD, "
        "η = 0.1 and σ = 1, and change the seed: some runs cross the ridge, others stay."
    ),
    "optimizers.misc_rho_friction": (
        "In v ← ρv − η∇f, ρ is the share of the velocity that is *kept* from one step to the "
        "next, so ρ close to 1 means *little* friction; the friction is rather 1 − ρ. Left "
        "alone, a velocity keeps 0.9¹⁰ ≈ 0.35 of itself after 10 steps with ρ = 0.9, and "
        "0.99¹⁰ ≈ 0.90 with ρ = 0.99. On a constant slope the step settles at η‖∇f‖/(1 − ρ): "
        "10 times the plain gradient step for ρ = 0.9, 100 times for ρ = 0.99. (This page "
        "writes ρ as μ, as PyTorch does.)"
    ),
    "optimizers.misc_adadelta_monotone": (
        "Adadelta does not lower the learning rate monotonically: it was designed to avoid "
        "that. AdaGrad divides by the root of a *growing sum* of squared gradients, so its "
        "steps can only shrink (with η = 1 and a constant gradient, from 1 to 0.1 after 100 "
        "steps). Adadelta replaces the sum by a decaying average, as RMSProp does, and the "
        "fixed η by the RMS of its own recent updates, so its effective rate can rise as well "
        "as fall. On a constant gradient its steps *grow*: about 0.0032 at the first step and "
        "0.0047 at the 100th (ρ = 0.9, ε = 10⁻⁶, η = 1)."
    ),
    "optimizers.misc_lr_range": (
        "There is no universally good learning rate such as “between 0.1 and 0.01”. For plain "
        "gradient descent what matters is η·λ_max: on this page's quadratic η must stay below "
        "2/λ_max, which is 0.2 for κ = 10 and 0.002 for κ = 1000."
    ),
    # second-order methods (Newton, L-BFGS)
    "optimizers.name.newton": "Newton",
    "optimizers.name.lbfgs": "L-BFGS (SciPy)",
    "optimizers.damping": "damping λ (Levenberg–Marquardt)",
    "optimizers.damping_help": "Newton solves (H + λI) d = ∇f. λ = 0 is the plain Newton step; "
    "a λ larger than minus the smallest eigenvalue of H makes the matrix positive definite and "
    "the step a descent direction.",
    "optimizers.lbfgs_toggle": "add the L-BFGS path (SciPy, reference)",
    "optimizers.lbfgs_help": "SciPy's L-BFGS-B from the same start, with the same number of "
    "iterations at most. It chooses its own step length (line search), so η and the noise σ do "
    "not apply to it.",
    "optimizers.lr_none": "—",
    "optimizers.st_singular": "stopped at step {k}: H + λI is singular",
    "optimizers.st_newton_saddle": "converged to a saddle point (H is indefinite there)",
    "optimizers.x_bytes": "bytes (log scale)",
    "optimizers.cost_chart_title": "memory per step, course MLP, float32",
    "optimizers.cost_alt": "Memory each method keeps per step for the course's MNIST MLP at "
    "float32: {sizes}.",
    "optimizers.newton_at_start": "At the start, H + λI has eigenvalues {eig}: {kind}.",
    "optimizers.newton_uphill": "The full step goes uphill from here.",
    "optimizers.newton_div.singular": (
        "**{opt} stopped at step {k}.** At the point before, H + λI has eigenvalues {eig}: one "
        "of them is 0, so (H + λI) d = ∇f has no solution and there is no Newton step. A "
        "different damping λ moves the eigenvalues away from 0."
    ),
    "optimizers.newton_div.nan": (
        "**{opt} stopped at step {k}:** the step became NaN. H + λI had eigenvalues {eig} at "
        "the point before."
    ),
    "optimizers.newton_div.inf": (
        "**{opt} stopped at step {k}:** the step became infinite. H + λI had eigenvalues {eig} "
        "at the point before."
    ),
    "optimizers.newton_div.grew": (
        "**{opt} left the picture at step {k}.** At the point before, H + λI had eigenvalues "
        "{eig}; where one of them is close to 0 the Newton step (H + λI)⁻¹∇f is huge. η = {lr} "
        "is stable on a quadratic for η < 2; away from the minimum the quadratic model can be "
        "far from f, which a larger damping λ or a smaller η tames."
    ),
    "optimizers.rule.newton": (
        "Newton's method replaces f near θ by its second-order Taylor model "
        "f(θ) + ∇fᵀd + ½dᵀHd and jumps to the point where the model's gradient vanishes, "
        "d = −H⁻¹∇f. The code never inverts H: it solves the linear system (H + λI) d = ∇f with "
        "`np.linalg.solve`. Damping λ (Levenberg–Marquardt) adds λ to every eigenvalue; for large "
        "λ the step becomes ∇f/λ, plain gradient descent with a small rate."
    ),
    "optimizers.newton_no_torch": "PyTorch has no Newton optimizer: "
    "`torch.autograd.functional.hessian` gives H and `torch.linalg.solve` the step.",
    "optimizers.so_header": "Second-order methods",
    "optimizers.so_intro_md": (
        "First-order methods only see the slope. Newton's method also uses the curvature, the "
        "Hessian H, and rescales every direction by it: a steep direction gets a short step, a "
        "flat one a long step. Below, three lessons: on a quadratic one step is enough, where H "
        "is not positive definite the step can go to the wrong place, and the price per step "
        "grows with the square and the cube of the number of parameters."
    ),
    "optimizers.so_one_step_header": "One step on any quadratic",
    "optimizers.so_one_step_md": (
        "On f(θ) = ½θᵀAθ the gradient is Aθ and the Hessian A, so the step with η = 1 is "
        "θ − A⁻¹Aθ = 0: the minimum, whatever the condition number κ. The table runs one Newton "
        "step from the page's starting point ({x}, {y}) on quadratics with growing κ and "
        "compares it with gradient descent at its best fixed rate 2/(1 + κ)."
    ),
    "optimizers.col_kappa": "κ",
    "optimizers.col_newton_err": "‖θ₁ − θ*‖ after one Newton step",
    "optimizers.col_gd_steps": "GD steps for a 1000-fold reduction",
    "optimizers.so_damping_header": "Saddles and two minima: without and with damping",
    "optimizers.so_damping_md": (
        "The Newton step goes to the stationary point of the quadratic model. Where H has a "
        "negative eigenvalue that point is a saddle (or a maximum) of the model, and the plain "
        "step heads for it: on x² − y² it lands exactly on the saddle, between the two wells it "
        "converges to the hump in the middle. Adding λ larger than the most negative eigenvalue "
        "makes H + λI positive definite: the step goes downhill again. λ equal to that "
        "eigenvalue makes the matrix singular, and the step does not exist."
    ),
    "optimizers.col_fn": "function",
    "optimizers.col_start": "start",
    "optimizers.col_damping": "damping λ",
    "optimizers.col_H_start": "H + λI at the start",
    "optimizers.col_end": "after {steps} steps",
    "optimizers.kind.positive_definite": "positive definite: the step aims at a minimum",
    "optimizers.kind.negative_definite": "negative definite: the step aims at a maximum",
    "optimizers.kind.indefinite": "indefinite: the step aims at a saddle",
    "optimizers.kind.singular": "singular: no step",
    "optimizers.end.saddle": "on the saddle point ({x}, {y})",
    "optimizers.end.minimum": "at a minimum ({x}, {y})",
    "optimizers.end.escaped": "escaped downhill, left the picture at step {k}",
    "optimizers.end.singular": "stopped at step {k}: singular matrix",
    "optimizers.end.other": "at ({x}, {y})",
    "optimizers.so_cost_header": "What one step costs",
    "optimizers.so_cost_md": (
        "With N parameters the gradient has N numbers and the Hessian N². Storing H takes O(N²) "
        "memory and solving with it O(N³) operations (Cholesky: about N³/3), and forming it "
        "costs about N gradient evaluations more. L-BFGS keeps only the last m pairs of steps "
        "and gradient changes, (2m + 1)N numbers, and turns them into a step in about 4mN "
        "operations. The table gives the leading terms for the course's MNIST network "
        "(784-64-64-128-64-64-10 with one batch normalisation, N = {N} trainable parameters as "
        "its summary prints) at float32, m = {m}."
    ),
    "optimizers.m_params": "parameters N of the course's MNIST MLP",
    "optimizers.m_hess": "its Hessian at float32 (N² × 4 bytes)",
    "optimizers.m_hess_steps": "Newton operations per step (≈ N³/3)",
    "optimizers.col_method": "method",
    "optimizers.col_time": "time per step",
    "optimizers.col_memory": "memory",
    "optimizers.col_numbers": "numbers kept",
    "optimizers.col_bytes": "at float32",
    "optimizers.col_flops": "operations per step",
    "optimizers.cost.sgd": "SGD",
    "optimizers.cost.adam": "Adam",
    "optimizers.cost.lbfgs": "L-BFGS",
    "optimizers.cost.newton": "Newton",
    "optimizers.misc_newton_no_lr": (
        "Second-order methods do not get rid of the learning rate. The full step η = 1 is "
        "right for a quadratic, but on other functions the quadratic model is only local: "
        "practical Newton methods choose η with a line search or a trust region, or damp the "
        "matrix (Levenberg–Marquardt), and L-BFGS always searches along its direction."
    ),
    "optimizers.misc_newton_minimizes": (
        "The Newton step minimises the quadratic model only when H is positive definite. "
        "Otherwise it goes to the model's saddle or maximum: on x² − y² the plain step lands on "
        "the saddle point in one move. That is why Newton's method is attracted to saddle "
        "points, which are common in deep networks."
    ),
    "optimizers.misc_newton_inverse": (
        "Nobody computes H⁻¹. The step solves the linear system H d = ∇f (a factorisation, "
        "still O(N³) time for a dense H, but faster and more accurate than forming the "
        "inverse)."
    ),
}

ES = {
    "optimizers.title": "Optimizadores: una carrera en funciones 2-D",
    "optimizers.card": "SGD, momento, Nesterov, AdaGrad, RMSProp, Adam y Adadelta lado a lado: "
    "zigzag, puntos de silla, divergencia y el mejor momento; Newton y L-BFGS, y lo que cuestan.",
    "optimizers.intro": (
        "El descenso de gradiente y sus variantes arrancan del mismo punto de una pequeña "
        "función 2-D. Elige la función, algunos optimizadores y sus tasas de aprendizaje, y "
        "compara sus trayectorias en el mapa, qué tan rápido baja la pérdida y qué tan largos "
        "son sus pasos. En la cuadrática el dibujo y la teoría se encuentran: el número de "
        "condición κ, el límite de estabilidad 2/λ_max y el mejor momento."
    ),
    "optimizers.setup_header": "Prepara la carrera",
    "optimizers.function": "función",
    "optimizers.fn.quadratic": "cuadrática",
    "optimizers.fn.saddle": "silla x² − y²",
    "optimizers.fn.rosenbrock": "Rosenbrock",
    "optimizers.fn.two_minima": "dos mínimos",
    "optimizers.kappa": "número de condición κ = λ_max/λ_min",
    "optimizers.kappa_help": "La hessiana tiene valores propios 1 y κ: cuanto mayor es κ, más "
    "largo y angosto es el valle.",
    "optimizers.theta": "rotación del valle θ (grados)",
    "optimizers.x0": "inicio x₀",
    "optimizers.y0": "inicio y₀",
    "optimizers.steps": "pasos",
    "optimizers.sigma": "ruido del gradiente σ",
    "optimizers.sigma_help": "Suma N(0, σ²) a cada componente del gradiente, como lo haría un "
    "gradiente de minilote. Todos los optimizadores reciben el mismo ruido.",
    "optimizers.seed": "semilla del ruido",
    "optimizers.choose": "optimizadores",
    "optimizers.none_chosen": "Elige al menos un optimizador para empezar la carrera.",
    "optimizers.lr_mark_note": "⚠ marca las tasas de aprendizaje iguales o mayores que el límite "
    "de estabilidad de un método de paso fijo (exacto en la cuadrática; cerca del mínimo en las "
    "demás funciones).",
    "optimizers.lr_limit": "tasa de aprendizaje η (estable por debajo de {limit})",
    "optimizers.lr_adaptive": "tasa de aprendizaje η (adaptativo: sin límite fijo)",
    "optimizers.mu": "momento μ",
    "optimizers.alpha": "factor de promediado α",
    "optimizers.bias_correction": "corrección de sesgo (dividir entre 1 − βᵗ)",
    "optimizers.add_optimal": "agregar bola pesada con los mejores η* y β* para este κ",
    "optimizers.name.sgd": "SGD",
    "optimizers.name.momentum": "Momento",
    "optimizers.name.nesterov": "Nesterov",
    "optimizers.name.adagrad": "AdaGrad",
    "optimizers.name.rmsprop": "RMSProp",
    "optimizers.name.adam": "Adam",
    "optimizers.name.adadelta": "Adadelta",
    "optimizers.name.optimal": "Momento (η*, β*)",
    "optimizers.race_header": "La carrera",
    "optimizers.m_lam": "valores propios de A (λ_min, λ_max)",
    "optimizers.m_limit": "el descenso de gradiente es estable para η menor que",
    "optimizers.m_beta": "mejor momento β*",
    "optimizers.m_eta": "mejor paso η* (con β*)",
    "optimizers.m_lam_local": "λ_max de la hessiana en el mínimo",
    "optimizers.m_lam_saddle": "λ_max de la hessiana en el punto de silla",
    "optimizers.m_limit_local": "ahí el descenso de gradiente es estable para η menor que",
    "optimizers.col_opt": "optimizador",
    "optimizers.col_gap": "f − f* final",
    "optimizers.col_f": "f final",
    "optimizers.col_point": "punto final",
    "optimizers.col_status": "resultado",
    "optimizers.st_diverged": "divergió en el paso {k}",
    "optimizers.st_escaped": "escapó de la silla (salió del dibujo en el paso {k})",
    "optimizers.st_stuck": "atascado en la silla",
    "optimizers.st_on_way": "alejándose de la silla",
    "optimizers.st_global": "terminó junto al mínimo global",
    "optimizers.st_local": "terminó junto al mínimo local",
    "optimizers.st_reached": "f − f* < 10⁻⁴ desde el paso {k}",
    "optimizers.st_not_yet": "todavía no está a menos de 10⁻⁴ de f*",
    "optimizers.div_gd": (
        "**{opt} divergió en el paso {k}.** η = {lr} supera 2/λ_max = {limit}. En la dirección "
        "más empinada cada paso multiplica el error por 1 − ηλ_max, cuyo tamaño aquí es "
        "{factor} > 1, así que los iterados crecen en vez de achicarse. La trayectoria se dibuja "
        "solo hasta que sale del dibujo. Cualquier η menor que {limit} converge."
    ),
    "optimizers.div_momentum": (
        "**{opt} divergió en el paso {k}.** Con este momento el límite de estabilidad es "
        "η < {limit} (λ_max = {lam}); η = {lr} lo supera, así que la oscilación en la dirección "
        "más empinada crece en cada paso. Baja η (o μ)."
    ),
    "optimizers.div_gd_local": (
        "**{opt} divergió en el paso {k}.** Cerca del mínimo la curvatura más grande es "
        "λ_max ≈ {lam}, así que el descenso de gradiente solo puede asentarse ahí con "
        "η < {limit}; con η = {lr} los pasos crecen sin límite. La trayectoria se dibuja solo "
        "hasta que sale del dibujo. Elige un η más chico."
    ),
    "optimizers.div_momentum_local": (
        "**{opt} divergió en el paso {k}.** Cerca del mínimo λ_max ≈ {lam} y, con este momento, "
        "los pasos se mantienen acotados solo si η < {limit}; η = {lr} lo supera. Baja η (o μ)."
    ),
    "optimizers.div_other": (
        "**{opt} se disparó en el paso {k}** (η = {lr}). Sus pasos se volvieron demasiado "
        "grandes para la curvatura que encontró (λ_max ≈ {lam} en el mínimo). Un η más chico lo "
        "resuelve."
    ),
    "optimizers.start": "inicio",
    "optimizers.minimum": "mínimo",
    "optimizers.saddle_point": "punto de silla",
    "optimizers.traj_alt": (
        "Mapa de la función {fn} (color: log(1 + f − min f), más oscuro es más bajo) con las "
        "trayectorias desde ({x}, {y}) durante {steps} pasos. {ends}."
    ),
    "optimizers.traj_alt_one": "{opt} termina en ({x}, {y}): {status}",
    "optimizers.x_step": "paso",
    "optimizers.y_gap": "f − f* (escala log)",
    "optimizers.y_f": "f (escala log simétrica)",
    "optimizers.y_size": "longitud del paso ‖θₜ − θₜ₋₁‖ (escala log)",
    "optimizers.loss_alt": "{what} contra el paso. Últimos valores: {finals}.",
    "optimizers.size_alt": "Longitud de cada actualización contra el paso (escala log). Primera "
    "→ última: {sizes}.",
    "optimizers.size_alt_one": "{opt} {first} → {last}",
    "optimizers.read_header": "Qué muestra el dibujo",
    "optimizers.read.quadratic": (
        "**Zigzag.** Con κ ≫ 1 las curvas de nivel son elipses largas y angostas, y el gradiente "
        "apunta sobre todo *a través* del valle. El descenso de gradiente multiplica la "
        "componente empinada por 1 − ηλ_max —negativa en cuanto η > 1/λ_max, por eso el iterado "
        "rebota de pared a pared— y la componente plana por 1 − η, por eso avanza despacio por "
        "el fondo. No se puede subir η para acelerar el fondo, porque la dirección empinada lo "
        "limita a 2/λ_max: ese es el costo de un número de condición grande. El momento acumula "
        "la parte del gradiente que apunta siempre a lo largo del valle y deja que la parte "
        "alternante se cancele.\n\n"
        "**Rotación.** AdaGrad, RMSProp y Adam reescalan cada *coordenada*. Lucen cuando el "
        "valle está alineado con los ejes (θ = 0°) y ayudan mucho menos cuando está rotado "
        "(θ = 45°)."
    ),
    "optimizers.read.saddle": (
        "En el origen el gradiente es cero y, sin embargo, no es un mínimo: f baja a lo largo de "
        "y. Si arranca justo sobre el eje x (y₀ = 0), el descenso de gradiente nunca ve una "
        "componente en y y se detiene en la silla. Desde y₀ ≠ 0 la componente y crece un factor "
        "1 + 2η por paso, despacio al principio porque ahí el gradiente es diminuto. El ruido "
        "del gradiente (σ > 0) rompe la simetría; el momento, y los métodos adaptativos que "
        "dividen ese gradiente diminuto entre su propio tamaño, escapan mucho antes. f no está "
        "acotada por abajo, así que escapar significa salir del dibujo."
    ),
    "optimizers.read.rosenbrock": (
        "El valle de Rosenbrock es curvo, con el fondo casi plano y las paredes empinadas: cerca "
        "del mínimo λ_max ≈ 1000, así que el descenso de gradiente simple necesita η < 0.002 y "
        "luego se arrastra por el fondo durante miles de pasos. El momento gana velocidad a lo "
        "largo del fondo; el escalado por coordenada de Adam doma las paredes. Observa la meseta "
        "de la pérdida mientras la trayectoria sigue el fondo en forma de banana."
    ),
    "optimizers.read.two_minima": (
        "Dos mínimos: uno más profundo (global) a la izquierda y otro menos profundo (local) a la "
        "derecha, separados por una cresta cerca de x ≈ 0.08. El descenso de gradiente solo va "
        "cuesta abajo, así que desde la derecha se asienta en el mínimo local y su curva de "
        "pérdida se aplana en f − f* ≈ 0.6 en lugar de bajar a 0. El momento, un paso grande o "
        "el ruido pueden llevar el iterado al otro lado de la cresta… o no: depende del inicio "
        "y de los ajustes."
    ),
    "optimizers.limit_numbers": (
        "Aquí λ_max = κ = {kappa}, así que el descenso de gradiente necesita η < {limit}. "
        "Incluso el mejor paso fijo, η = 2/(λ_min + λ_max) = {best}, solo reduce el error un "
        "factor (κ − 1)/(κ + 1) = {rate} por paso: {n} pasos para dividirlo entre mil."
    ),
    "optimizers.momentum_numbers": (
        "Con el momento ajustado para κ = {kappa}, η* = {eta} y β* = {beta}, el error se reduce "
        "un factor (√κ − 1)/(√κ + 1) = {rate} por paso: {n} pasos para dividirlo entre mil. "
        "β* optimiza la tasa a la larga, no los primeros pasos: al principio la componente "
        "empinada todavía oscila mucho. Marca «agregar bola pesada…» arriba para verlo correr."
    ),
    "optimizers.check_md": "El descenso de gradiente en una cuadrática tiene forma cerrada: tras "
    "t pasos el iterado es (I − ηA)ᵗ z₀. La trayectoria simulada de SGD tiene que caer en el "
    "mismo punto.",
    "optimizers.check_row": "z tras {steps} pasos",
    "optimizers.rules_header": "Reglas de actualización",
    "optimizers.rules_md": (
        "gₜ es el gradiente en el iterado actual (más el ruido); productos, cuadrados, raíces y "
        "divisiones actúan en cada coordenada por separado. Estas son las fórmulas que ejecuta "
        "la página y coinciden paso a paso con los optimizadores de PyTorch."
    ),
    "optimizers.rule.sgd": "Un paso en contra del gradiente. Solo η fija la longitud del paso, "
    "así que tiene que servir para la dirección más empinada.",
    "optimizers.rule.momentum": (
        "El búfer b es una suma con decaimiento de los gradientes pasados: las direcciones que "
        "persisten ganan velocidad y las que alternan se cancelan. Es la forma de PyTorch; "
        "escribir v ← μv − ηg, θ ← θ + v da exactamente los mismos iterados."
    ),
    "optimizers.rule.nesterov": (
        "Como el momento, pero la corrección usa el gradiente en el punto al que el momento está "
        "por llevarnos, lo que reduce los sobrepasos. PyTorch lo reescribe para necesitar solo "
        "el gradiente en el iterado actual; su iterado es ese punto adelantado."
    ),
    "optimizers.rule.adagrad": (
        "Cada coordenada se divide entre la raíz de la *suma de todos sus gradientes al "
        "cuadrado*. Las coordenadas empinadas dan pasos chicos y las planas pasos grandes, pero "
        "la suma solo crece, así que los pasos se achican sin parar, como η/√t con un gradiente "
        "constante."
    ),
    "optimizers.rule.rmsprop": "Como AdaGrad, pero los gradientes al cuadrado se *promedian* con "
    "un factor de olvido α: los gradientes viejos se desvanecen y los pasos no se apagan.",
    "optimizers.rule.adam": (
        "Momento sobre el gradiente (m) combinado con el escalado de RMSProp (v). Ambos "
        "promedios arrancan en cero y se corrigen por ese arranque dividiendo entre 1 − βᵗ. "
        "Apaga la corrección para ver qué evita."
    ),
    "optimizers.rule.adadelta": (
        "El paso es el gradiente por RMS(actualizaciones previas)/RMS(gradientes), un cociente "
        "con las unidades de θ. Empieza con pasos diminutos (alrededor de √ε por coordenada) y "
        "acelera a medida que se acumulan actualizaciones; PyTorch lo multiplica por η (valor "
        "predeterminado 1)."
    ),
    "optimizers.no_bias_note": (
        "Sin la corrección, el primer paso mide (1 − β₁)/√(1 − β₂) = {factor} veces η por "
        "coordenada (β₁ = {b1}, β₂ = {b2}), y v se queda demasiado chico durante unos "
        "1/(1 − β₂) pasos, así que los primeros pasos son demasiado grandes."
    ),
    "optimizers.misc_header": "Ideas erróneas frecuentes",
    "optimizers.misc_adam": (
        "La actualización de Adam es θ ← θ − η·m̂/(√v̂ + ε), con m̂ y v̂ los promedios de g y g² "
        "con corrección de sesgo. No lleva un factor gₜ extra: multiplicar otra vez por el "
        "gradiente haría que el paso creciera como g² y desharía la normalización. Con un "
        "gradiente constante Adam avanza cerca de η por paso, sea cual sea el tamaño de g. "
        "Además, m promedia los gradientes tal cual y la actualización lo *resta*; ε va fuera "
        "de la raíz."
    ),
    "optimizers.misc_adagrad": (
        "AdaGrad acumula *gradientes al cuadrado*, Gₜ = Gₜ₋₁ + gₜ ⊙ gₜ, coordenada por "
        "coordenada. Escribirlo como ∇²f sugiere segundas derivadas (la hessiana), que son otra "
        "cosa: en una función lineal la hessiana es cero y, aun así, los pasos de AdaGrad se "
        "achican como η/√t."
    ),
    "optimizers.misc_adadelta": (
        "El paso de Adadelta sigue conteniendo el gradiente: Δθ = −RMS(actualizaciones "
        "previas)/RMS(gradientes) · gₜ, y el promedio de gradientes se actualiza *antes* de "
        "usarlo. Sin gₜ el paso no dependería de dónde está el mínimo. Y el Adadelta de PyTorch "
        "sí tiene una tasa de aprendizaje (valor predeterminado 1) que escala ese paso."
    ),
    "optimizers.misc_sgd_minima": (
        "Se suele decir que el descenso de gradiente con el lote completo cae en mínimos "
        "locales y que el SGD los evita. Hay que matizarlo. El ruido de los gradientes por "
        "minilote puede sacar al iterado de un punto de silla o de un mínimo estrecho (agudo), "
        "y en dimensión alta los puntos de silla son el obstáculo más común. Pero nada está "
        "garantizado: el SGD con ruido también puede asentarse en un mínimo local, una cuenca "
        "ancha lo retiene tanto como al descenso con el lote completo, y el ruido se apaga a "
        "medida que la tasa de aprendizaje decae. Prueba la función de dos mínimos con SGD, "
        "η = 0.1 y σ = 1, y cambia la semilla: algunas corridas cruzan la cresta y otras no."
    ),
    "optimizers.misc_rho_friction": (
        "En v ← ρv − η∇f, ρ es la fracción de la velocidad que se *conserva* de un paso al "
        "siguiente, así que un ρ cercano a 1 significa *poca* fricción; la fricción es más bien "
        "1 − ρ. Sin gradientes nuevos, una velocidad conserva 0.9¹⁰ ≈ 0.35 de sí misma tras 10 "
        "pasos con ρ = 0.9, y 0.99¹⁰ ≈ 0.90 con ρ = 0.99. En una pendiente constante el paso "
        "se asienta en η‖∇f‖/(1 − ρ): 10 veces el paso del gradiente simple con ρ = 0.9 y "
        "100 veces con ρ = 0.99. (Esta página escribe ρ como μ, igual que PyTorch.)"
    ),
    "optimizers.misc_adadelta_monotone": (
        "Adadelta no reduce la tasa de aprendizaje de forma monótona: se diseñó precisamente "
        "para evitarlo. AdaGrad divide entre la raíz de una *suma creciente* de gradientes al "
        "cuadrado, así que sus pasos solo pueden achicarse (con η = 1 y un gradiente constante, "
        "de 1 a 0.1 en 100 pasos). Adadelta cambia la suma por un promedio con olvido, como "
        "RMSProp, y la η fija por el RMS de sus propias actualizaciones recientes, así que su "
        "tasa efectiva puede subir tanto como bajar. Con un gradiente constante sus pasos "
        "*crecen*: cerca de 0.0032 en el primer paso y 0.0047 en el paso 100 (ρ = 0.9, "
        "ε = 10⁻⁶, η = 1)."
    ),
    "optimizers.misc_lr_range": (
        "No existe una tasa de aprendizaje buena para todo, como «entre 0.1 y 0.01». Para el "
        "descenso de gradiente simple lo que importa es η·λ_max: en la cuadrática de esta página "
        "η tiene que quedar por debajo de 2/λ_max, que vale 0.2 con κ = 10 y 0.002 con κ = 1000."
    ),
    "optimizers.name.newton": "Newton",
    "optimizers.name.lbfgs": "L-BFGS (SciPy)",
    "optimizers.damping": "amortiguamiento λ (Levenberg–Marquardt)",
    "optimizers.damping_help": "Newton resuelve (H + λI) d = ∇f. Con λ = 0 es el paso de Newton "
    "puro; un λ mayor que menos el valor propio más pequeño de H vuelve la matriz definida "
    "positiva y el paso una dirección de descenso.",
    "optimizers.lbfgs_toggle": "agregar la trayectoria de L-BFGS (SciPy, referencia)",
    "optimizers.lbfgs_help": "L-BFGS-B de SciPy desde el mismo inicio, con a lo sumo el mismo "
    "número de iteraciones. Elige su propia longitud de paso (búsqueda lineal), así que η y el "
    "ruido σ no se le aplican.",
    "optimizers.lr_none": "—",
    "optimizers.st_singular": "se detuvo en el paso {k}: H + λI es singular",
    "optimizers.st_newton_saddle": "convergió a un punto de silla (ahí H es indefinida)",
    "optimizers.x_bytes": "bytes (escala logarítmica)",
    "optimizers.cost_chart_title": "memoria por paso, MLP del curso, float32",
    "optimizers.cost_alt": "Memoria que guarda cada método por paso para el MLP de MNIST del "
    "curso en float32: {sizes}.",
    "optimizers.newton_at_start": "En el inicio, H + λI tiene valores propios {eig}: {kind}.",
    "optimizers.newton_uphill": "Desde aquí el paso completo va cuesta arriba.",
    "optimizers.newton_div.singular": (
        "**{opt} se detuvo en el paso {k}.** En el punto anterior, H + λI tiene valores propios "
        "{eig}: uno de ellos es 0, así que (H + λI) d = ∇f no tiene solución y no hay paso de "
        "Newton. Otro amortiguamiento λ aleja los valores propios de 0."
    ),
    "optimizers.newton_div.nan": (
        "**{opt} se detuvo en el paso {k}:** el paso se volvió NaN. H + λI tenía valores "
        "propios {eig} en el punto anterior."
    ),
    "optimizers.newton_div.inf": (
        "**{opt} se detuvo en el paso {k}:** el paso se volvió infinito. H + λI tenía valores "
        "propios {eig} en el punto anterior."
    ),
    "optimizers.newton_div.grew": (
        "**{opt} salió del dibujo en el paso {k}.** En el punto anterior, H + λI tenía valores "
        "propios {eig}; donde uno de ellos está cerca de 0 el paso de Newton (H + λI)⁻¹∇f es "
        "enorme. η = {lr} es estable en una cuadrática si η < 2; lejos del mínimo el modelo "
        "cuadrático puede alejarse mucho de f, y un amortiguamiento λ mayor o una η menor lo "
        "controlan."
    ),
    "optimizers.rule.newton": (
        "El método de Newton reemplaza f cerca de θ por su modelo de Taylor de segundo orden "
        "f(θ) + ∇fᵀd + ½dᵀHd y salta al punto donde el gradiente del modelo se anula, "
        "d = −H⁻¹∇f. El código nunca invierte H: resuelve el sistema lineal (H + λI) d = ∇f con "
        "`np.linalg.solve`. El amortiguamiento λ (Levenberg–Marquardt) suma λ a cada valor "
        "propio; con λ grande el paso se vuelve ∇f/λ, descenso de gradiente con una tasa chica."
    ),
    "optimizers.newton_no_torch": "PyTorch no tiene un optimizador de Newton: "
    "`torch.autograd.functional.hessian` da H y `torch.linalg.solve` el paso.",
    "optimizers.so_header": "Métodos de segundo orden",
    "optimizers.so_intro_md": (
        "Los métodos de primer orden solo ven la pendiente. El método de Newton usa además la "
        "curvatura, la hessiana H, y reescala cada dirección con ella: una dirección empinada "
        "recibe un paso corto y una plana un paso largo. Abajo, tres lecciones: en una "
        "cuadrática basta un paso, donde H no es definida positiva el paso puede ir al lugar "
        "equivocado, y el precio por paso crece con el cuadrado y el cubo del número de "
        "parámetros."
    ),
    "optimizers.so_one_step_header": "Un paso en cualquier cuadrática",
    "optimizers.so_one_step_md": (
        "En f(θ) = ½θᵀAθ el gradiente es Aθ y la hessiana A, así que el paso con η = 1 es "
        "θ − A⁻¹Aθ = 0: el mínimo, sin importar el número de condición κ. La tabla da un paso "
        "de Newton desde el punto de inicio de la página ({x}, {y}) en cuadráticas con κ "
        "creciente y lo compara con el descenso de gradiente con su mejor tasa fija 2/(1 + κ)."
    ),
    "optimizers.col_kappa": "κ",
    "optimizers.col_newton_err": "‖θ₁ − θ*‖ tras un paso de Newton",
    "optimizers.col_gd_steps": "pasos de descenso de gradiente para reducir 1000 veces",
    "optimizers.so_damping_header": "Sillas y dos mínimos: sin y con amortiguamiento",
    "optimizers.so_damping_md": (
        "El paso de Newton va al punto estacionario del modelo cuadrático. Donde H tiene un "
        "valor propio negativo ese punto es una silla (o un máximo) del modelo, y el paso puro "
        "se dirige hacia él: en x² − y² cae exactamente en el punto de silla, y entre los dos "
        "pozos converge a la loma del medio. Sumar un λ mayor que el valor propio más negativo "
        "vuelve H + λI definida positiva: el paso vuelve a bajar. Un λ igual a ese valor "
        "propio deja la matriz singular, y el paso no existe."
    ),
    "optimizers.col_fn": "función",
    "optimizers.col_start": "inicio",
    "optimizers.col_damping": "amortiguamiento λ",
    "optimizers.col_H_start": "H + λI en el inicio",
    "optimizers.col_end": "tras {steps} pasos",
    "optimizers.kind.positive_definite": "definida positiva: el paso apunta a un mínimo",
    "optimizers.kind.negative_definite": "definida negativa: el paso apunta a un máximo",
    "optimizers.kind.indefinite": "indefinida: el paso apunta a una silla",
    "optimizers.kind.singular": "singular: no hay paso",
    "optimizers.end.saddle": "en el punto de silla ({x}, {y})",
    "optimizers.end.minimum": "en un mínimo ({x}, {y})",
    "optimizers.end.escaped": "escapó cuesta abajo, salió del dibujo en el paso {k}",
    "optimizers.end.singular": "se detuvo en el paso {k}: matriz singular",
    "optimizers.end.other": "en ({x}, {y})",
    "optimizers.so_cost_header": "Lo que cuesta un paso",
    "optimizers.so_cost_md": (
        "Con N parámetros el gradiente tiene N números y la hessiana N². Guardar H ocupa O(N²) "
        "de memoria y resolver con ella O(N³) operaciones (Cholesky: unas N³/3), y formarla "
        "cuesta unas N evaluaciones del gradiente más. L-BFGS guarda solo los últimos m pares "
        "de pasos y cambios del gradiente, (2m + 1)N números, y los convierte en un paso con "
        "unas 4mN operaciones. La tabla da los términos principales para la red de MNIST del "
        "curso (784-64-64-128-64-64-10 con una normalización por lotes, N = {N} parámetros "
        "entrenables, como indica su resumen) en float32, m = {m}."
    ),
    "optimizers.m_params": "parámetros N del MLP de MNIST del curso",
    "optimizers.m_hess": "su hessiana en float32 (N² × 4 bytes)",
    "optimizers.m_hess_steps": "operaciones de Newton por paso (≈ N³/3)",
    "optimizers.col_method": "método",
    "optimizers.col_time": "tiempo por paso",
    "optimizers.col_memory": "memoria",
    "optimizers.col_numbers": "números guardados",
    "optimizers.col_bytes": "en float32",
    "optimizers.col_flops": "operaciones por paso",
    "optimizers.cost.sgd": "SGD",
    "optimizers.cost.adam": "Adam",
    "optimizers.cost.lbfgs": "L-BFGS",
    "optimizers.cost.newton": "Newton",
    "optimizers.misc_newton_no_lr": (
        "Los métodos de segundo orden no eliminan la tasa de aprendizaje. El paso completo "
        "η = 1 es el correcto en una cuadrática, pero en otras funciones el modelo cuadrático "
        "solo vale localmente: los métodos de Newton prácticos eligen η con una búsqueda lineal "
        "o una región de confianza, o amortiguan la matriz (Levenberg–Marquardt), y L-BFGS "
        "siempre busca a lo largo de su dirección."
    ),
    "optimizers.misc_newton_minimizes": (
        "El paso de Newton minimiza el modelo cuadrático solo cuando H es definida positiva. Si "
        "no, va a la silla o al máximo del modelo: en x² − y² el paso puro cae en el punto de "
        "silla de un solo salto. Por eso el método de Newton es atraído por los puntos de "
        "silla, que abundan en las redes profundas."
    ),
    "optimizers.misc_newton_inverse": (
        "Nadie calcula H⁻¹. El paso resuelve el sistema lineal H d = ∇f (una factorización, "
        "que sigue costando O(N³) para una H densa, pero es más rápida y precisa que formar la "
        "inversa)."
    ),
}

# Spanish for core/optimizers.py messages that are not of the generic shapes.
ES_ERRORS = [
    (
        r"^unknown optimizer '(.+)'; expected one of (.+)$",
        r"optimizador desconocido '\1'; se esperaba uno de \2",
    ),
    (
        r"^unknown hyperparameter '(.+)' for (\S+); expected one of (.+)$",
        r"hiperparámetro desconocido '\1' para \2; se esperaba uno de \3",
    ),
    (r"^(\S+) must be True or False, got (.+)$", r"\1 debe ser True o False; se recibió \2"),
    (
        r"^betas must be a pair \(beta1, beta2\), got (.+)$",
        r"betas debe ser un par (beta1, beta2); se recibió \1",
    ),
    (
        r"^lr must be a number or have shape \((\d+),\) or \((\d+), (\d+)\), got shape (.+)$",
        r"lr debe ser un número o tener forma (\1,) o (\2, \3); tiene forma \4",
    ),
    (
        r"^rng must be a numpy.random.Generator when sigma > 0, got (.+)$",
        r"rng debe ser un numpy.random.Generator cuando sigma > 0; se recibió \1",
    ),
    (r"^grad must be callable, got (.+)$", r"grad debe ser una función; se recibió \1"),
    (
        r"^points must have shape \(\.\.\., 2\), got shape (.+)$",
        r"los puntos deben tener forma (..., 2); tienen forma \1",
    ),
    (r"^H must be square, got shape (.+)$", r"H debe ser cuadrada; tiene forma \1"),
    (
        r"^missing hyperparameter '(.+)' for (\S+)$",
        r"falta el hiperparámetro '\1' para \2",
    ),
    (r"^hess must be callable, got (.+)$", r"hess debe ser una función; se recibió \1"),
    (
        r"^hess must return a \((\d+), (\d+)\) matrix, got shape (.+)$",
        r"hess debe devolver una matriz de (\1, \2); tiene forma \3",
    ),
]
