"""Strings of the Practice exercises (``core.exercises``): statements, answer labels, hints, steps.

Templates are filled with ``str.format`` from ``core.exercises.statement`` / ``solution``: the
LaTeX that needs braces comes in the values, so the templates themselves contain no braces.
"""

_TOL_REL = " Graded to 0.5 % relative error."
_TOL_REL_ES = " Se acepta un error relativo de hasta 0,5 %."

EN = {
    # groups of the problem set
    "exercises.group.P1": "Homework P1: least squares",
    "exercises.group.P2": "Homework P2: linear networks",
    "exercises.group.P3": "Homework P3: batch normalization",
    "exercises.group.P4": "Homework P4: L1 regularization",
    "exercises.group.P5": "Homework P5: training MLPs",
    "exercises.group.slides_opt": "Slides: optimization and regularization",
    "exercises.group.slides_metrics": "Slides: losses and metrics",
    # --- least_squares.min_norm
    "exercises.least_squares.min_norm.title": "Minimum-norm least squares",
    "exercises.least_squares.min_norm.statement": (
        "Fit a linear model without intercept to n = {n} examples with d = {d} variables:\n\n"
        "$X = {X}, \\qquad y = {y}$\n\n"
        "Give the rank of X, say whether the least-squares solution is unique, and give the "
        "solution of minimum norm, $w = X^+ y$."
    ),
    "exercises.least_squares.min_norm.field.rank": "rank of X (whole number)",
    "exercises.least_squares.min_norm.field.unique": "unique solution? (1 = yes, 0 = no)",
    "exercises.least_squares.min_norm.field.w": "w = X⁺y (one box per weight)",
    "exercises.least_squares.min_norm.hint": (
        "Compare the columns of X: if one is a multiple of another, X has a single direction. "
        "Write X as a column times a row, then its pseudo-inverse is the row transposed times "
        "the column transposed, divided by both squared lengths."
    ),
    "exercises.least_squares.min_norm.step.rank": (
        "Every column is a multiple of ${a}$: $X = a\\,c^\\top$ with $c = {c}$. "
        "So rank X = {rank} < d = {d}: the solution is not unique (a whole family of weights "
        "reaches the same smallest error)."
    ),
    "exercises.least_squares.min_norm.step.pinv": (
        "For $X = a\\,c^\\top$ the pseudo-inverse is $X^+ = c\\,a^\\top / (\\lVert a\\rVert^2 "
        "\\lVert c\\rVert^2)$, with $\\lVert a\\rVert^2 = {a2}$ and $\\lVert c\\rVert^2 = {c2}$: "
        "$X^+ = {X_pinv}$."
    ),
    "exercises.least_squares.min_norm.step.w": ("$a^\\top y = {aty}$, so $w = X^+ y = {w}$."),
    "exercises.least_squares.min_norm.step.check": (
        "Check: $X w = {Xw}$ is the projection of y on the column space. w is a multiple of c, "
        "so it has no component in the null space of X: it is the shortest of all solutions."
    ),
    # --- linear_networks.collapse
    "exercises.linear_networks.collapse.title": "A linear network collapses",
    "exercises.linear_networks.collapse.statement": (
        "Network B has d = {d} inputs, one hidden layer of width h = {h} with **no** activation "
        "and m = {m} outputs:\n\n"
        "$W_1 = {W1},\\ b_1 = {b1},\\qquad W_2 = {W2},\\ b_2 = {b2}$\n\n"
        "Network A is a single linear layer from the d inputs to the m outputs. Write B as one "
        "layer $Wx + b$, give the rank of W, and count the parameters (weights and biases) of "
        "A and of B."
    ),
    "exercises.linear_networks.collapse.field.W": "W = W₂W₁, row by row (one box per entry)",
    "exercises.linear_networks.collapse.field.b": "b = W₂b₁ + b₂ (one box per output)",
    "exercises.linear_networks.collapse.field.rank": "rank of W (whole number)",
    "exercises.linear_networks.collapse.field.params_A": "parameters of A (whole number)",
    "exercises.linear_networks.collapse.field.params_B": "parameters of B (whole number)",
    "exercises.linear_networks.collapse.hint": (
        "Substitute the hidden layer into the output layer and group the terms that multiply x "
        "and the terms that do not. The rank of a product is at most the rank of each factor."
    ),
    "exercises.linear_networks.collapse.step.W": "$W = W_2 W_1 = {W}$.",
    "exercises.linear_networks.collapse.step.b": "$b = W_2 b_1 + b_2$, with $W_2 b_1 = {W2b1}$: $b = {b}$.",
    "exercises.linear_networks.collapse.step.rank": (
        "rank W = {rank}. It can never exceed h = {h}, even though a general linear layer of "
        "this size could reach rank {bound}: the narrow hidden layer restricts the model."
    ),
    "exercises.linear_networks.collapse.step.params": (
        "A: m·d + m = {params_A}. B: h·d + h + m·h + m = {params_B}. B computes a linear map "
        "too, so its extra layer adds no expressive power."
    ),
    # --- linear_networks.xor_fit
    "exercises.linear_networks.xor_fit.title": "Which model can fit XOR?",
    "exercises.linear_networks.xor_fit.statement": (
        "The four points (0, 0), (0, 1), (1, 0), (1, 1) have targets 0, 1, 1, 0 (XOR). "
        "Which of these models can fit all four targets exactly, with suitable weights?\n\n"
        "- **A**, a hidden layer of {h_A} units without activation: ${net_A}$\n"
        "- **B**, a hidden layer of {h_B} units with activation ${act}$: ${net_B}$\n"
        "- **C**, a linear model: ${net_C}$"
    ),
    "exercises.linear_networks.xor_fit.field.answer": "the models that can fit XOR",
    "exercises.linear_networks.xor_fit.choice.A": "only A",
    "exercises.linear_networks.xor_fit.choice.B": "only B",
    "exercises.linear_networks.xor_fit.choice.C": "only C",
    "exercises.linear_networks.xor_fit.choice.AB": "A and B, but not C",
    "exercises.linear_networks.xor_fit.choice.none": "none of them",
    "exercises.linear_networks.xor_fit.hint": (
        "Write what each model computes as a function of x once its layers are combined. For "
        "an affine function, compare the sum of its values at the two points where XOR is 0 "
        "with the sum at the two points where XOR is 1."
    ),
    "exercises.linear_networks.xor_fit.step.affine": (
        "Without an activation, A's {h_A} hidden units change nothing: $W_2(W_1x + b_1) + b_2$ "
        "is again an affine function of x, exactly like C."
    ),
    "exercises.linear_networks.xor_fit.step.xor": (
        "Every affine function satisfies ${f}$, but XOR would need 0 + 0 = 1 + 1. So neither A nor "
        "C can fit it, whatever their weights or width."
    ),
    "exercises.linear_networks.xor_fit.step.nonlinear": (
        "B's activation ${act}$ bends the map. With two or more hidden units (B has {h_B}) the "
        "hidden features of the four points can be placed so that one output layer reads off "
        "XOR; e.g. with ReLU: ReLU(x₁ + x₂) − 2·ReLU(x₁ + x₂ − 1). Answer: only B."
    ),
    # --- batch_norm.forward
    "exercises.batch_norm.forward.title": "Batch normalization, forward pass",
    "exercises.batch_norm.forward.statement": (
        "One variable takes these values over a mini-batch of n = {n} examples: $x = {x}$. "
        "A batch-normalization layer in training mode has $\\gamma = {gamma}$, "
        "$\\beta = {beta}$ and $\\varepsilon = {eps}$. Give the batch mean, the batch variance "
        "(dividing by n) and the outputs."
    ),
    "exercises.batch_norm.forward.field.mu": "batch mean μ_B",
    "exercises.batch_norm.forward.field.var": "batch variance σ²_B (divide by n)",
    "exercises.batch_norm.forward.field.y": "outputs y = γ·x̂ + β (one box per example, in order)",
    "exercises.batch_norm.forward.hint": (
        "Standardize with the statistics of this batch (mean, then the average squared "
        "deviation), add ε under the square root, and only then scale by γ and shift by β."
    ),
    "exercises.batch_norm.forward.step.mean": "$\\mu_B = {mu}$.",
    "exercises.batch_norm.forward.step.var": (
        "Squared deviations ${dev2}$; their average is $\\sigma_B^2 = {var}$."
    ),
    "exercises.batch_norm.forward.step.normalize": (
        "Divide each deviation by $\\sqrt" + "{{\\sigma_B^2 + \\varepsilon}}" + " = {sd}$: "
        "$\\hat x = {x_hat}$."
    ),
    "exercises.batch_norm.forward.step.scale": (
        "$y = \\gamma \\hat x + \\beta = {y}$. Outputs can be negative: β and γ, not the data, "
        "set the new mean and spread."
    ),
    # --- batch_norm.running_mean
    "exercises.batch_norm.running_mean.title": "Batch normalization, running mean",
    "exercises.batch_norm.running_mean.statement": (
        "A batch-normalization layer (PyTorch convention, momentum m = {m}) starts with running "
        "mean {running0}. During training it sees k = {k} mini-batches whose means are "
        "${means}$, in this order. Which running mean will it use at evaluation time?"
    ),
    "exercises.batch_norm.running_mean.field.running_mean": "running mean after the k updates",
    "exercises.batch_norm.running_mean.hint": (
        "In PyTorch the momentum is the weight of the new batch: each update keeps (1 − m) of "
        "the old running value and adds m times the batch mean. Apply it batch by batch."
    ),
    "exercises.batch_norm.running_mean.step.rule": (
        "Each update: running ← {keep} · running + {m} · μ_B."
    ),
    "exercises.batch_norm.running_mean.step.update": (
        "Batch {k}: {keep} · {previous} + {m} · {mu_B} = {value}."
    ),
    "exercises.batch_norm.running_mean.step.result": (
        "Running mean: {value}. It is neither the last batch mean nor the plain average of "
        "the batch means ({mean}): recent batches weigh more, and the start value still counts."
    ),
    # --- l1_proximal.soft_threshold
    "exercises.l1_proximal.soft_threshold.title": "L1 penalty: soft thresholding",
    "exercises.l1_proximal.soft_threshold.statement": (
        "Near its unregularized minimum $w^*$ a loss is approximated by a quadratic with a "
        "diagonal Hessian. Add the penalty $\\alpha \\lVert w\\rVert_1$ with $\\alpha = {alpha}$. "
        "The weights $w^* = {w_star}$ have Hessian diagonal $H = {H}$. "
        "Give the minimizer w of the penalized loss."
    ),
    "exercises.l1_proximal.soft_threshold.field.w": "w (one box per weight, in order)",
    "exercises.l1_proximal.soft_threshold.hint": (
        "The problem splits into one problem per weight. Each weight has its own threshold, "
        "α divided by its Hessian entry: below it the weight becomes exactly zero, above it "
        "the weight moves towards zero by the threshold."
    ),
    "exercises.l1_proximal.soft_threshold.step.threshold": (
        "Thresholds $\\alpha / H_{{ii}}$: ${thresholds}$."
    ),
    "exercises.l1_proximal.soft_threshold.step.zero": (
        "Weights whose |w*| does not exceed their threshold become exactly 0: number(s) {zeroed}."
    ),
    "exercises.l1_proximal.soft_threshold.step.shrink": (
        "The others keep their sign and lose their threshold: "
        "$w_i = \\operatorname{{sign}}(w_i^*)\\max(|w_i^*| - \\alpha/H_{{ii}}, 0)$, so $w = {w}$."
    ),
    # --- trainer.param_count
    "exercises.trainer.param_count.title": "Counting the parameters of an MLP",
    "exercises.trainer.param_count.statement": (
        "How many trainable parameters does this network have?\n\n`{architecture}`"
    ),
    "exercises.trainer.param_count.field.params": "trainable parameters (whole number)",
    "exercises.trainer.param_count.hint": (
        "A Linear layer from n inputs to k outputs has a weight per input and output, plus a "
        "bias per output. A BatchNorm1d layer learns a scale and a shift per variable; its "
        "running statistics are not trained."
    ),
    "exercises.trainer.param_count.step.linear": "Linear({n_in}, {n_out}): {n_in}·{n_out} + {n_out} = {count}.",
    "exercises.trainer.param_count.step.bn": (
        "BatchNorm1d after the hidden layers of widths {widths}: γ and β for each unit, {count}."
    ),
    "exercises.trainer.param_count.step.total": "Total: {params} trainable parameters.",
    # --- trainer.early_stopping
    "exercises.trainer.early_stopping.title": "Early stopping",
    "exercises.trainer.early_stopping.statement": (
        "Validation loss after each epoch t:\n\n${table}$\n\n"
        "Training uses early stopping with patience {patience}: it stops after {patience} epochs "
        "in a row without a lower validation loss, and returns the weights of the best epoch. "
        "Which epoch's weights are returned, and at which epoch does training stop?"
    ),
    "exercises.trainer.early_stopping.field.best_epoch": "epoch whose weights are returned",
    "exercises.trainer.early_stopping.field.stop_epoch": "epoch at which training stops",
    "exercises.trainer.early_stopping.hint": (
        "Walk through the epochs keeping the best loss so far and a counter of epochs without "
        "improvement; the counter goes back to zero at every new best."
    ),
    "exercises.trainer.early_stopping.step.rule": (
        "An epoch improves when its loss is strictly lower than every earlier one; "
        "after {patience} epochs in a row without improvement, training stops."
    ),
    "exercises.trainer.early_stopping.step.best": (
        "The last improvement before stopping is epoch {best_epoch} (loss {loss}): its weights "
        "are returned."
    ),
    "exercises.trainer.early_stopping.step.stop": (
        "Epoch {stop_epoch} completes {patience} epochs in a row without improvement: "
        "training stops there. Earlier pauses were shorter than the patience and did not stop it."
    ),
    "exercises.trainer.early_stopping.step.unseen": (
        "Epoch {epoch} would have reached a lower loss ({loss}), but training never gets there: "
        "the patience trades that chance for time."
    ),
    # --- optimizers.adam_steps
    "exercises.optimizers.adam_steps.title": "Adam, step by step",
    "exercises.optimizers.adam_steps.statement": (
        "A single parameter starts at $\\theta_0 = {theta0}$. Adam (as `torch.optim.Adam`) with "
        "learning rate {lr}, $\\beta_1 = {beta1}$, $\\beta_2 = {beta2}$ and "
        "$\\epsilon = {eps}$ receives the gradients ${grads}$, one per step, for t = {t} steps. "
        "Give θ after the last step."
    ),
    "exercises.optimizers.adam_steps.field.theta": "θ after the last step",
    "exercises.optimizers.adam_steps.hint": (
        "Keep two running averages, of the gradient and of its square, both starting at zero; "
        "divide each by one minus its β to the power of the step number before using them."
    ),
    "exercises.optimizers.adam_steps.step.init": "Start with m₀ = 0 and v₀ = 0.",
    "exercises.optimizers.adam_steps.step.step": (
        "Step {t} (g = {g}): m = {m}, v = {v}; corrected m̂ = {m_hat}, v̂ = {v_hat}; "
        "θ ← θ − lr · m̂ / (√v̂ + ε) = {theta}."
    ),
    # --- lr_schedules.value
    "exercises.lr_schedules.value.title": "Learning-rate schedule",
    "exercises.lr_schedules.value.statement": (
        "The initial learning rate is {lr0} and the scheduler is `{call}`, stepped once at the "
        "end of every epoch. Epochs are counted from 0. Which learning rate is used during "
        "epoch {epoch}?" + _TOL_REL
    ),
    "exercises.lr_schedules.value.field.lr": "learning rate during that epoch",
    "exercises.lr_schedules.value.hint": (
        "Write the schedule's formula for the rate during epoch t, counting how many times the "
        "scheduler has stepped before that epoch starts."
    ),
    "exercises.lr_schedules.value.step.formula": "The schedule: ${formula}$.",
    "exercises.lr_schedules.value.step.value_step": (
        "⌊{t} / {s}⌋ = {q} decays: {lr0} · {gamma}^{q} = {lr}."
    ),
    "exercises.lr_schedules.value.step.value_exponential": "{lr0} · {gamma}^{t} = {lr}.",
    "exercises.lr_schedules.value.step.value_inverse_time": (
        "{lr0} / (1 + {k} · {t}) = {lr0} / {den} = {lr}."
    ),
    "exercises.lr_schedules.value.step.value_cosine": (
        "cos(π · {t} / {T_max}) = {cos}, so {eta_min} + ½ ({lr0} − {eta_min})(1 + {cos}) = {lr}."
    ),
    # --- dropout.expectation
    "exercises.dropout.expectation.title": "Dropout in expectation",
    "exercises.dropout.expectation.statement": (
        "A unit computes $z = w \\cdot (m \\odot x)$ with $w = {w}$ and $x = {x}$. Dropout keeps "
        "each input with probability p = {p} (the mask m has independent entries, 1 with "
        "probability p). Give the expected value of z during training (standard dropout) and "
        "the factor that inverted dropout multiplies the kept inputs by while training."
    ),
    "exercises.dropout.expectation.field.expected": "E[z] during training",
    "exercises.dropout.expectation.field.scale_inverted": "inverted-dropout factor",
    "exercises.dropout.expectation.hint": (
        "The expectation is linear: each input contributes its weight times its value times "
        "the probability that it is kept."
    ),
    "exercises.dropout.expectation.step.linearity": "Each mask entry has mean E[mᵢ] = p = {p}.",
    "exercises.dropout.expectation.step.dot": "Without dropout, w · x = {wx}.",
    "exercises.dropout.expectation.step.expected": "E[z] = p · (w · x) = {p} · {wx} = {expected}.",
    "exercises.dropout.expectation.step.inverted": (
        "Inverted dropout divides by p while training, a factor 1/p = {scale}, so that "
        "E[z] = w · x and nothing changes at test time."
    ),
    # --- activations_init.init_scale
    "exercises.activations_init.init_scale.title": "Initialization scale",
    "exercises.activations_init.init_scale.statement": (
        "The weight of `nn.Linear({fan_in}, {fan_out})` is initialized with `{call}`. "
        "Give the standard deviation of the weights if the scheme draws from a normal "
        "distribution, or the bound a of U(−a, a) if it draws from a uniform one." + _TOL_REL
    ),
    "exercises.activations_init.init_scale.field.value": (
        "standard deviation (normal) or bound a (uniform)"
    ),
    "exercises.activations_init.init_scale.hint": (
        "Find fan-in and fan-out from the layer (the weight has shape out × in). Xavier keeps "
        "the variance balanced between the forward and backward passes; He compensates for "
        "ReLU zeroing half the units. A uniform U(−a, a) has standard deviation a/√3."
    ),
    "exercises.activations_init.init_scale.step.gain_xavier": "Xavier uses gain {gain}.",
    "exercises.activations_init.init_scale.step.gain_he": "He (ReLU) uses gain √2 ≈ {gain}.",
    "exercises.activations_init.init_scale.step.std_xavier": (
        "σ = gain · √(2 / (fan_in + fan_out)) = √(2 / ({fan_in} + {fan_out})) = {std}."
    ),
    "exercises.activations_init.init_scale.step.std_he": (
        "σ = gain / √fan_in = √(2 / {fan_in}) = {std}."
    ),
    "exercises.activations_init.init_scale.step.bound": (
        "The uniform version has the same σ, so a = √3 · σ = √3 · {std} = {bound}."
    ),
    # --- losses_metrics.cross_entropy
    "exercises.losses_metrics.cross_entropy.title": "Cross-entropy of one prediction",
    "exercises.losses_metrics.cross_entropy.statement": (
        "A classifier with K = {K} classes predicts the probabilities $q = {p}$ "
        "(classes numbered from 0). The true class is {target}. Give the cross-entropy loss "
        "with logarithm ${log}$ (in {unit})."
    ),
    "exercises.losses_metrics.cross_entropy.field.loss": "loss",
    "exercises.losses_metrics.cross_entropy.hint": (
        "With a one-hot target, every term of the sum vanishes except the true class."
    ),
    "exercises.losses_metrics.cross_entropy.step.one_hot": (
        "The target is one-hot at class {index}: only $q_{{\\text{{true}}}} = {q}$ counts."
    ),
    "exercises.losses_metrics.cross_entropy.step.loss": "$-{log}({q}) = {loss}$.",
    # --- losses_metrics.confusion
    "exercises.losses_metrics.confusion.title": "Reading a confusion matrix",
    "exercises.losses_metrics.confusion.statement": (
        "Confusion matrix of a classifier with K = {K} classes (rows: true class, columns: "
        "predicted class, both numbered from 0):\n\n$C = {matrix}$\n\n"
        "Give the accuracy, the balanced accuracy, and the precision and recall of each class."
    ),
    "exercises.losses_metrics.confusion.field.accuracy": "accuracy (a fraction, e.g. 0.75)",
    "exercises.losses_metrics.confusion.field.balanced_accuracy": "balanced accuracy (a fraction)",
    "exercises.losses_metrics.confusion.field.precision": "precision of each class (a fraction per box)",
    "exercises.losses_metrics.confusion.field.recall": "recall of each class (a fraction per box)",
    "exercises.losses_metrics.confusion.hint": (
        "Recall divides the diagonal by the row sums (the true classes), precision by the "
        "column sums (the predictions); balanced accuracy averages the recalls."
    ),
    "exercises.losses_metrics.confusion.step.accuracy": (
        "Accuracy: diagonal / total = {diag} / {total} = {accuracy}."
    ),
    "exercises.losses_metrics.confusion.step.recall": (
        "Class sizes (row sums) ${rows}$; recall = diagonal / row sum = ${recall}$."
    ),
    "exercises.losses_metrics.confusion.step.balanced": (
        "Balanced accuracy = mean of the recalls = {balanced}. The classes have different "
        "sizes, so it differs from the accuracy."
    ),
    "exercises.losses_metrics.confusion.step.precision": (
        "Predictions per class (column sums) ${cols}$; precision = diagonal / column sum "
        "= ${precision}$."
    ),
    # --- losses_metrics.auc
    "exercises.losses_metrics.auc.title": "ROC AUC by counting pairs",
    "exercises.losses_metrics.auc.statement": (
        "A binary classifier gives the scores ${scores}$ to examples whose true labels are "
        "${labels}$ (1 = positive). Give the area under the ROC curve."
    ),
    "exercises.losses_metrics.auc.field.auc": "AUC (a fraction)",
    "exercises.losses_metrics.auc.hint": (
        "The AUC is the share of (positive, negative) pairs in which the positive gets the "
        "higher score; a tie counts one half."
    ),
    "exercises.losses_metrics.auc.step.pairs": "P = {P} positives and N = {N} negatives: P·N pairs.",
    "exercises.losses_metrics.auc.step.count": (
        "Pairs ranked correctly: {correct}; ties: {ties}; all pairs: {total}."
    ),
    "exercises.losses_metrics.auc.step.auc": "AUC = (correct + ½ · ties) / (P·N) = {auc}.",
}

ES = {
    "exercises.group.P1": "Tarea P1: mínimos cuadrados",
    "exercises.group.P2": "Tarea P2: redes lineales",
    "exercises.group.P3": "Tarea P3: normalización por lotes",
    "exercises.group.P4": "Tarea P4: regularización L1",
    "exercises.group.P5": "Tarea P5: entrenamiento de MLP",
    "exercises.group.slides_opt": "Diapositivas: optimización y regularización",
    "exercises.group.slides_metrics": "Diapositivas: pérdidas y métricas",
    # --- least_squares.min_norm
    "exercises.least_squares.min_norm.title": "Mínimos cuadrados de norma mínima",
    "exercises.least_squares.min_norm.statement": (
        "Ajusta un modelo lineal sin intercepto a n = {n} ejemplos con d = {d} variables:\n\n"
        "$X = {X}, \\qquad y = {y}$\n\n"
        "Da el rango de X, indica si la solución de mínimos cuadrados es única y da la "
        "solución de norma mínima, $w = X^+ y$."
    ),
    "exercises.least_squares.min_norm.field.rank": "rango de X (número entero)",
    "exercises.least_squares.min_norm.field.unique": "¿solución única? (1 = sí, 0 = no)",
    "exercises.least_squares.min_norm.field.w": "w = X⁺y (una casilla por peso)",
    "exercises.least_squares.min_norm.hint": (
        "Compara las columnas de X: si una es múltiplo de otra, X tiene una sola dirección. "
        "Escribe X como una columna por un renglón; su pseudoinversa es el renglón transpuesto "
        "por la columna transpuesta, dividido entre ambas longitudes al cuadrado."
    ),
    "exercises.least_squares.min_norm.step.rank": (
        "Cada columna es múltiplo de ${a}$: $X = a\\,c^\\top$ con $c = {c}$. "
        "Entonces rango X = {rank} < d = {d}: la solución no es única (toda una familia de "
        "pesos alcanza el mismo error mínimo)."
    ),
    "exercises.least_squares.min_norm.step.pinv": (
        "Para $X = a\\,c^\\top$ la pseudoinversa es $X^+ = c\\,a^\\top / (\\lVert a\\rVert^2 "
        "\\lVert c\\rVert^2)$, con $\\lVert a\\rVert^2 = {a2}$ y $\\lVert c\\rVert^2 = {c2}$: "
        "$X^+ = {X_pinv}$."
    ),
    "exercises.least_squares.min_norm.step.w": "$a^\\top y = {aty}$, así que $w = X^+ y = {w}$.",
    "exercises.least_squares.min_norm.step.check": (
        "Comprobación: $X w = {Xw}$ es la proyección de y sobre el espacio columna. w es "
        "múltiplo de c, así que no tiene componente en el núcleo de X: es la más corta de "
        "todas las soluciones."
    ),
    # --- linear_networks.collapse
    "exercises.linear_networks.collapse.title": "Una red lineal se colapsa",
    "exercises.linear_networks.collapse.statement": (
        "La red B tiene d = {d} entradas, una capa oculta de ancho h = {h} **sin** función "
        "de activación y m = {m} salidas:\n\n"
        "$W_1 = {W1},\\ b_1 = {b1},\\qquad W_2 = {W2},\\ b_2 = {b2}$\n\n"
        "La red A es una sola capa lineal de las d entradas a las m salidas. Escribe B como una "
        "sola capa $Wx + b$, da el rango de W y cuenta los parámetros (pesos y sesgos) de A "
        "y de B."
    ),
    "exercises.linear_networks.collapse.field.W": "W = W₂W₁, renglón por renglón (una casilla por entrada)",
    "exercises.linear_networks.collapse.field.b": "b = W₂b₁ + b₂ (una casilla por salida)",
    "exercises.linear_networks.collapse.field.rank": "rango de W (número entero)",
    "exercises.linear_networks.collapse.field.params_A": "parámetros de A (número entero)",
    "exercises.linear_networks.collapse.field.params_B": "parámetros de B (número entero)",
    "exercises.linear_networks.collapse.hint": (
        "Sustituye la capa oculta en la capa de salida y agrupa los términos que multiplican "
        "a x y los que no. El rango de un producto no supera el rango de cada factor."
    ),
    "exercises.linear_networks.collapse.step.W": "$W = W_2 W_1 = {W}$.",
    "exercises.linear_networks.collapse.step.b": (
        "$b = W_2 b_1 + b_2$, con $W_2 b_1 = {W2b1}$: $b = {b}$."
    ),
    "exercises.linear_networks.collapse.step.rank": (
        "rango W = {rank}. Nunca puede pasar de h = {h}, aunque una capa lineal general de este "
        "tamaño podría llegar a rango {bound}: la capa oculta angosta restringe el modelo."
    ),
    "exercises.linear_networks.collapse.step.params": (
        "A: m·d + m = {params_A}. B: h·d + h + m·h + m = {params_B}. B también calcula una "
        "función lineal, así que su capa extra no le da más capacidad de representación."
    ),
    # --- linear_networks.xor_fit
    "exercises.linear_networks.xor_fit.title": "¿Qué modelo puede ajustar XOR?",
    "exercises.linear_networks.xor_fit.statement": (
        "Los cuatro puntos (0, 0), (0, 1), (1, 0), (1, 1) tienen como objetivo 0, 1, 1, 0 (XOR). "
        "¿Cuáles de estos modelos pueden ajustar exactamente los cuatro objetivos, con pesos "
        "adecuados?\n\n"
        "- **A**, una capa oculta de {h_A} unidades sin activación: ${net_A}$\n"
        "- **B**, una capa oculta de {h_B} unidades con activación ${act}$: ${net_B}$\n"
        "- **C**, un modelo lineal: ${net_C}$"
    ),
    "exercises.linear_networks.xor_fit.field.answer": "los modelos que pueden ajustar XOR",
    "exercises.linear_networks.xor_fit.choice.A": "solo A",
    "exercises.linear_networks.xor_fit.choice.B": "solo B",
    "exercises.linear_networks.xor_fit.choice.C": "solo C",
    "exercises.linear_networks.xor_fit.choice.AB": "A y B, pero no C",
    "exercises.linear_networks.xor_fit.choice.none": "ninguno",
    "exercises.linear_networks.xor_fit.hint": (
        "Escribe lo que calcula cada modelo como función de x una vez combinadas sus capas. "
        "Para una función afín, compara la suma de sus valores en los dos puntos donde XOR vale "
        "0 con la suma en los dos puntos donde vale 1."
    ),
    "exercises.linear_networks.xor_fit.step.affine": (
        "Sin activación, las {h_A} unidades ocultas de A no cambian nada: "
        "$W_2(W_1x + b_1) + b_2$ vuelve a ser una función afín de x, igual que C."
    ),
    "exercises.linear_networks.xor_fit.step.xor": (
        "Toda función afín cumple ${f}$, pero XOR necesitaría 0 + 0 = 1 + 1. Ni A ni C pueden "
        "ajustarlo, sean cuales sean sus pesos o su ancho."
    ),
    "exercises.linear_networks.xor_fit.step.nonlinear": (
        "La activación ${act}$ de B dobla la función. Con dos o más unidades ocultas (B tiene "
        "{h_B}) las variables ocultas de los cuatro puntos se pueden acomodar para que una capa "
        "de salida lea XOR; p. ej., con ReLU: ReLU(x₁ + x₂) − 2·ReLU(x₁ + x₂ − 1). "
        "Respuesta: solo B."
    ),
    # --- batch_norm.forward
    "exercises.batch_norm.forward.title": "Normalización por lotes: paso hacia adelante",
    "exercises.batch_norm.forward.statement": (
        "Una variable toma estos valores en un minilote de n = {n} ejemplos: $x = {x}$. "
        "Una capa de normalización por lotes en modo de entrenamiento tiene $\\gamma = {gamma}$, "
        "$\\beta = {beta}$ y $\\varepsilon = {eps}$. Da la media del lote, la varianza del lote "
        "(dividiendo entre n) y las salidas."
    ),
    "exercises.batch_norm.forward.field.mu": "media del lote μ_B",
    "exercises.batch_norm.forward.field.var": "varianza del lote σ²_B (divide entre n)",
    "exercises.batch_norm.forward.field.y": "salidas y = γ·x̂ + β (una casilla por ejemplo, en orden)",
    "exercises.batch_norm.forward.hint": (
        "Estandariza con las estadísticas de este lote (la media y luego el promedio de las "
        "desviaciones al cuadrado), suma ε dentro de la raíz y solo después escala por γ y "
        "desplaza por β."
    ),
    "exercises.batch_norm.forward.step.mean": "$\\mu_B = {mu}$.",
    "exercises.batch_norm.forward.step.var": (
        "Desviaciones al cuadrado ${dev2}$; su promedio es $\\sigma_B^2 = {var}$."
    ),
    "exercises.batch_norm.forward.step.normalize": (
        "Divide cada desviación entre $\\sqrt" + "{{\\sigma_B^2 + \\varepsilon}}" + " = {sd}$: "
        "$\\hat x = {x_hat}$."
    ),
    "exercises.batch_norm.forward.step.scale": (
        "$y = \\gamma \\hat x + \\beta = {y}$. Las salidas pueden ser negativas: β y γ, no los "
        "datos, fijan la nueva media y dispersión."
    ),
    # --- batch_norm.running_mean
    "exercises.batch_norm.running_mean.title": "Normalización por lotes: media móvil",
    "exercises.batch_norm.running_mean.statement": (
        "Una capa de normalización por lotes (convención de PyTorch, momentum m = {m}) empieza "
        "con media móvil {running0}. Durante el entrenamiento ve k = {k} minilotes cuyas "
        "medias son ${means}$, en este orden. ¿Qué media móvil usará en evaluación?"
    ),
    "exercises.batch_norm.running_mean.field.running_mean": "media móvil después de las k actualizaciones",
    "exercises.batch_norm.running_mean.hint": (
        "En PyTorch el momentum es el peso del lote nuevo: cada actualización conserva (1 − m) "
        "del valor anterior y suma m veces la media del lote. Aplícala lote por lote."
    ),
    "exercises.batch_norm.running_mean.step.rule": (
        "Cada actualización: media ← {keep} · media + {m} · μ_B."
    ),
    "exercises.batch_norm.running_mean.step.update": (
        "Lote {k}: {keep} · {previous} + {m} · {mu_B} = {value}."
    ),
    "exercises.batch_norm.running_mean.step.result": (
        "Media móvil: {value}. No es la media del último lote ni el promedio simple de las "
        "medias de los lotes ({mean}): los lotes recientes pesan más y el valor inicial sigue "
        "contando."
    ),
    # --- l1_proximal.soft_threshold
    "exercises.l1_proximal.soft_threshold.title": "Penalización L1: umbral suave",
    "exercises.l1_proximal.soft_threshold.statement": (
        "Cerca de su mínimo sin regularizar $w^*$, una pérdida se aproxima con una cuadrática "
        "de hessiana diagonal. Se añade la penalización $\\alpha \\lVert w\\rVert_1$ con "
        "$\\alpha = {alpha}$. Los pesos $w^* = {w_star}$ tienen diagonal de la hessiana "
        "$H = {H}$. Da el minimizador w de la pérdida penalizada."
    ),
    "exercises.l1_proximal.soft_threshold.field.w": "w (una casilla por peso, en orden)",
    "exercises.l1_proximal.soft_threshold.hint": (
        "El problema se separa en un problema por peso. Cada peso tiene su propio umbral, α "
        "entre su entrada de la hessiana: por debajo, el peso se vuelve exactamente cero; por "
        "encima, se acerca a cero en la cantidad del umbral."
    ),
    "exercises.l1_proximal.soft_threshold.step.threshold": (
        "Umbrales $\\alpha / H_{{ii}}$: ${thresholds}$."
    ),
    "exercises.l1_proximal.soft_threshold.step.zero": (
        "Los pesos cuyo |w*| no supera su umbral quedan exactamente en 0: número(s) {zeroed}."
    ),
    "exercises.l1_proximal.soft_threshold.step.shrink": (
        "Los demás conservan su signo y pierden su umbral: "
        "$w_i = \\operatorname{{sign}}(w_i^*)\\max(|w_i^*| - \\alpha/H_{{ii}}, 0)$, así que "
        "$w = {w}$."
    ),
    # --- trainer.param_count
    "exercises.trainer.param_count.title": "Contar los parámetros de un MLP",
    "exercises.trainer.param_count.statement": (
        "¿Cuántos parámetros entrenables tiene esta red?\n\n`{architecture}`"
    ),
    "exercises.trainer.param_count.field.params": "parámetros entrenables (número entero)",
    "exercises.trainer.param_count.hint": (
        "Una capa Linear de n entradas a k salidas tiene un peso por cada par entrada-salida "
        "más un sesgo por salida. Una capa BatchNorm1d aprende una escala y un desplazamiento "
        "por variable; sus estadísticas móviles no se entrenan."
    ),
    "exercises.trainer.param_count.step.linear": (
        "Linear({n_in}, {n_out}): {n_in}·{n_out} + {n_out} = {count}."
    ),
    "exercises.trainer.param_count.step.bn": (
        "BatchNorm1d después de las capas ocultas de anchos {widths}: γ y β por unidad, {count}."
    ),
    "exercises.trainer.param_count.step.total": "Total: {params} parámetros entrenables.",
    # --- trainer.early_stopping
    "exercises.trainer.early_stopping.title": "Parada temprana",
    "exercises.trainer.early_stopping.statement": (
        "Pérdida de validación después de cada época t:\n\n${table}$\n\n"
        "El entrenamiento usa parada temprana con paciencia {patience}: se detiene después de "
        "{patience} épocas seguidas sin una pérdida de validación menor y devuelve los pesos "
        "de la mejor época. ¿Los pesos de qué época se devuelven y en qué época se detiene?"
    ),
    "exercises.trainer.early_stopping.field.best_epoch": "época cuyos pesos se devuelven",
    "exercises.trainer.early_stopping.field.stop_epoch": "época en la que se detiene",
    "exercises.trainer.early_stopping.hint": (
        "Recorre las épocas guardando la mejor pérdida hasta el momento y un contador de "
        "épocas sin mejora; el contador vuelve a cero con cada nuevo mejor valor."
    ),
    "exercises.trainer.early_stopping.step.rule": (
        "Una época mejora cuando su pérdida es estrictamente menor que todas las anteriores; "
        "tras {patience} épocas seguidas sin mejora, el entrenamiento se detiene."
    ),
    "exercises.trainer.early_stopping.step.best": (
        "La última mejora antes de detenerse es la época {best_epoch} (pérdida {loss}): se "
        "devuelven sus pesos."
    ),
    "exercises.trainer.early_stopping.step.stop": (
        "Con la época {stop_epoch} se completan {patience} épocas seguidas sin mejora: ahí se "
        "detiene. "
        "Las pausas anteriores fueron más cortas que la paciencia y no lo detuvieron."
    ),
    "exercises.trainer.early_stopping.step.unseen": (
        "En la época {epoch} se habría alcanzado una pérdida menor ({loss}), pero el "
        "entrenamiento nunca llega ahí: la paciencia cambia esa posibilidad por tiempo."
    ),
    # --- optimizers.adam_steps
    "exercises.optimizers.adam_steps.title": "Adam, paso a paso",
    "exercises.optimizers.adam_steps.statement": (
        "Un único parámetro empieza en $\\theta_0 = {theta0}$. Adam (como `torch.optim.Adam`) "
        "con tasa de aprendizaje {lr}, $\\beta_1 = {beta1}$, $\\beta_2 = {beta2}$ y "
        "$\\epsilon = {eps}$ recibe los gradientes ${grads}$, uno por paso, durante t = {t} "
        "pasos. Da θ después del último paso."
    ),
    "exercises.optimizers.adam_steps.field.theta": "θ después del último paso",
    "exercises.optimizers.adam_steps.hint": (
        "Lleva dos promedios móviles, del gradiente y de su cuadrado, ambos empezando en cero; "
        "divide cada uno entre uno menos su β elevado al número de paso antes de usarlos."
    ),
    "exercises.optimizers.adam_steps.step.init": "Empieza con m₀ = 0 y v₀ = 0.",
    "exercises.optimizers.adam_steps.step.step": (
        "Paso {t} (g = {g}): m = {m}, v = {v}; corregidos m̂ = {m_hat}, v̂ = {v_hat}; "
        "θ ← θ − lr · m̂ / (√v̂ + ε) = {theta}."
    ),
    # --- lr_schedules.value
    "exercises.lr_schedules.value.title": "Calendario de la tasa de aprendizaje",
    "exercises.lr_schedules.value.statement": (
        "La tasa de aprendizaje inicial es {lr0} y el calendario es `{call}`, que avanza una "
        "vez al final de cada época. Las épocas se cuentan desde 0. ¿Qué tasa de aprendizaje "
        "se usa durante la época {epoch}?" + _TOL_REL_ES
    ),
    "exercises.lr_schedules.value.field.lr": "tasa de aprendizaje durante esa época",
    "exercises.lr_schedules.value.hint": (
        "Escribe la fórmula del calendario para la tasa durante la época t, contando cuántas "
        "veces ha avanzado el calendario antes de que empiece esa época."
    ),
    "exercises.lr_schedules.value.step.formula": "El calendario: ${formula}$.",
    "exercises.lr_schedules.value.step.value_step": (
        "⌊{t} / {s}⌋ = {q} reducciones: {lr0} · {gamma}^{q} = {lr}."
    ),
    "exercises.lr_schedules.value.step.value_exponential": "{lr0} · {gamma}^{t} = {lr}.",
    "exercises.lr_schedules.value.step.value_inverse_time": (
        "{lr0} / (1 + {k} · {t}) = {lr0} / {den} = {lr}."
    ),
    "exercises.lr_schedules.value.step.value_cosine": (
        "cos(π · {t} / {T_max}) = {cos}, así que {eta_min} + ½ ({lr0} − {eta_min})(1 + {cos}) "
        "= {lr}."
    ),
    # --- dropout.expectation
    "exercises.dropout.expectation.title": "Dropout en valor esperado",
    "exercises.dropout.expectation.statement": (
        "Una unidad calcula $z = w \\cdot (m \\odot x)$ con $w = {w}$ y $x = {x}$. El dropout "
        "conserva cada entrada con probabilidad p = {p} (la máscara m tiene entradas "
        "independientes, 1 con probabilidad p). Da el valor esperado de z durante el "
        "entrenamiento (dropout estándar) y el factor por el que el dropout invertido "
        "multiplica las entradas conservadas durante el entrenamiento."
    ),
    "exercises.dropout.expectation.field.expected": "E[z] durante el entrenamiento",
    "exercises.dropout.expectation.field.scale_inverted": "factor del dropout invertido",
    "exercises.dropout.expectation.hint": (
        "El valor esperado es lineal: cada entrada aporta su peso por su valor por la "
        "probabilidad de conservarse."
    ),
    "exercises.dropout.expectation.step.linearity": "Cada entrada de la máscara tiene media E[mᵢ] = p = {p}.",
    "exercises.dropout.expectation.step.dot": "Sin dropout, w · x = {wx}.",
    "exercises.dropout.expectation.step.expected": "E[z] = p · (w · x) = {p} · {wx} = {expected}.",
    "exercises.dropout.expectation.step.inverted": (
        "El dropout invertido divide entre p durante el entrenamiento, un factor 1/p = {scale}, "
        "para que E[z] = w · x y nada cambie en la prueba."
    ),
    # --- activations_init.init_scale
    "exercises.activations_init.init_scale.title": "Escala de la inicialización",
    "exercises.activations_init.init_scale.statement": (
        "El peso de `nn.Linear({fan_in}, {fan_out})` se inicializa con `{call}`. "
        "Da la desviación estándar de los pesos si el esquema los toma de una distribución "
        "normal, o la cota a de U(−a, a) si los toma de una uniforme." + _TOL_REL_ES
    ),
    "exercises.activations_init.init_scale.field.value": (
        "desviación estándar (normal) o cota a (uniforme)"
    ),
    "exercises.activations_init.init_scale.hint": (
        "Obtén fan-in y fan-out de la capa (el peso tiene forma salidas × entradas). Xavier "
        "equilibra la varianza entre el paso hacia adelante y el hacia atrás; He compensa que "
        "ReLU anule la mitad de las unidades. Una U(−a, a) tiene desviación estándar a/√3."
    ),
    "exercises.activations_init.init_scale.step.gain_xavier": "Xavier usa ganancia {gain}.",
    "exercises.activations_init.init_scale.step.gain_he": "He (ReLU) usa ganancia √2 ≈ {gain}.",
    "exercises.activations_init.init_scale.step.std_xavier": (
        "σ = ganancia · √(2 / (fan_in + fan_out)) = √(2 / ({fan_in} + {fan_out})) = {std}."
    ),
    "exercises.activations_init.init_scale.step.std_he": (
        "σ = ganancia / √fan_in = √(2 / {fan_in}) = {std}."
    ),
    "exercises.activations_init.init_scale.step.bound": (
        "La versión uniforme tiene la misma σ, así que a = √3 · σ = √3 · {std} = {bound}."
    ),
    # --- losses_metrics.cross_entropy
    "exercises.losses_metrics.cross_entropy.title": "Entropía cruzada de una predicción",
    "exercises.losses_metrics.cross_entropy.statement": (
        "Un clasificador con K = {K} clases predice las probabilidades $q = {p}$ (clases "
        "numeradas desde 0). La clase verdadera es {target}. Da la pérdida de entropía cruzada "
        "con logaritmo ${log}$ (en {unit})."
    ),
    "exercises.losses_metrics.cross_entropy.field.loss": "pérdida",
    "exercises.losses_metrics.cross_entropy.hint": (
        "Con un objetivo one-hot, todos los términos de la suma se anulan salvo el de la clase "
        "verdadera."
    ),
    "exercises.losses_metrics.cross_entropy.step.one_hot": (
        "El objetivo es one-hot en la clase {index}: solo cuenta $q_{{\\text{{verdadera}}}} = {q}$."
    ),
    "exercises.losses_metrics.cross_entropy.step.loss": "$-{log}({q}) = {loss}$.",
    # --- losses_metrics.confusion
    "exercises.losses_metrics.confusion.title": "Leer una matriz de confusión",
    "exercises.losses_metrics.confusion.statement": (
        "Matriz de confusión de un clasificador con K = {K} clases (renglones: clase "
        "verdadera; columnas: clase predicha; ambas numeradas desde 0):\n\n$C = {matrix}$\n\n"
        "Da la exactitud, la exactitud balanceada y la precisión y la exhaustividad de cada "
        "clase."
    ),
    "exercises.losses_metrics.confusion.field.accuracy": "exactitud (una fracción, p. ej. 0,75)",
    "exercises.losses_metrics.confusion.field.balanced_accuracy": "exactitud balanceada (una fracción)",
    "exercises.losses_metrics.confusion.field.precision": "precisión de cada clase (una fracción por casilla)",
    "exercises.losses_metrics.confusion.field.recall": "exhaustividad de cada clase (una fracción por casilla)",
    "exercises.losses_metrics.confusion.hint": (
        "La exhaustividad divide la diagonal entre las sumas por renglón (las clases "
        "verdaderas); la precisión, entre las sumas por columna (las predicciones); la "
        "exactitud balanceada promedia las exhaustividades."
    ),
    "exercises.losses_metrics.confusion.step.accuracy": (
        "Exactitud: diagonal / total = {diag} / {total} = {accuracy}."
    ),
    "exercises.losses_metrics.confusion.step.recall": (
        "Tamaños de las clases (sumas por renglón) ${rows}$; exhaustividad = diagonal / suma "
        "del renglón = ${recall}$."
    ),
    "exercises.losses_metrics.confusion.step.balanced": (
        "Exactitud balanceada = promedio de las exhaustividades = {balanced}. Las clases tienen "
        "tamaños distintos, así que difiere de la exactitud."
    ),
    "exercises.losses_metrics.confusion.step.precision": (
        "Predicciones por clase (sumas por columna) ${cols}$; precisión = diagonal / suma de "
        "la columna = ${precision}$."
    ),
    # --- losses_metrics.auc
    "exercises.losses_metrics.auc.title": "AUC de la curva ROC contando pares",
    "exercises.losses_metrics.auc.statement": (
        "Un clasificador binario da los puntajes ${scores}$ a ejemplos cuyas etiquetas "
        "verdaderas son ${labels}$ (1 = positivo). Da el área bajo la curva ROC."
    ),
    "exercises.losses_metrics.auc.field.auc": "AUC (una fracción)",
    "exercises.losses_metrics.auc.hint": (
        "El AUC es la proporción de pares (positivo, negativo) en los que el positivo recibe "
        "el puntaje más alto; un empate cuenta la mitad."
    ),
    "exercises.losses_metrics.auc.step.pairs": "P = {P} positivos y N = {N} negativos: P·N pares.",
    "exercises.losses_metrics.auc.step.count": (
        "Pares bien ordenados: {correct}; empates: {ties}; total de pares: {total}."
    ),
    "exercises.losses_metrics.auc.step.auc": "AUC = (bien ordenados + ½ · empates) / (P·N) = {auc}.",
}

#: Spanish for the ValueErrors of ``core.exercises.generate`` (e.g. a bad ``?ex_seed`` in a link).
ES_ERRORS = [
    (
        r"^seed must be an integer in \[0, 2\*\*32\), got (.+)$",
        r"la semilla debe ser un entero en [0, 2**32); se recibió \1",
    ),
    (
        r"^unknown exercise (.+?); expected one of (.+)$",
        r"ejercicio desconocido \1; se esperaba uno de \2",
    ),
    (
        r"^unknown field (.+?) for (.+?); expected one of (.+)$",
        r"campo desconocido \1 para \2; se esperaba uno de \3",
    ),
]
