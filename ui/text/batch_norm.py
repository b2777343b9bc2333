"""Strings of the page "Batch normalization"."""

EN = {
    "batch_norm.title": "Batch normalization",
    "batch_norm.card": "Normalize each feature with its mini-batch statistics: running estimates, "
    "evaluation mode, round loss contours, and what it costs.",
    "batch_norm.intro": (
        "Batch normalization standardizes every feature with the mean and variance of the current "
        "mini-batch, then lets the network rescale it with two learned numbers, **γ** and **β**. "
        "Feed it batches from a population whose features live on very different scales, switch "
        "between training and evaluation, and see why it makes optimization easier — and what it "
        "costs."
    ),
    # population
    "batch_norm.pop_header": "The population",
    "batch_norm.pop_md": (
        "Each feature is drawn from a normal distribution with its own mean (offset) and standard "
        "deviation (scale). The presets imitate real measurements: a height in metres varies by "
        "about 0.1, an age in years by 12, a daily step count by thousands. The population mean "
        "and variance are what the running estimates should approach."
    ),
    "batch_norm.C": "number of features",
    "batch_norm.C_help": "Features 1 and 2 are also used in the gradient-descent section.",
    "batch_norm.feature_n": "feature {j}",
    "batch_norm.offset": "offset (population mean)",
    "batch_norm.scale": "scale (population standard deviation)",
    "batch_norm.preset_values": "mean {mean}, standard deviation {sd}",
    "batch_norm.preset.height_m": "height (m)",
    "batch_norm.preset.age_years": "age (years)",
    "batch_norm.preset.weight_kg": "weight (kg)",
    "batch_norm.preset.steps_per_day": "steps per day",
    "batch_norm.preset.pixel": "pixel intensity (0–255)",
    "batch_norm.preset.custom": "custom",
    # one batch
    "batch_norm.batch_header": "One mini-batch",
    "batch_norm.batch_md": (
        "**Next mini-batch** draws a fresh batch of N examples from the same population. The "
        "stream is reproducible: the same seed and counter always give the same batch. In "
        "training mode each feature is normalized with the batch's own mean μ_B and *biased* "
        "variance σ²_B (divided by N), then scaled by γ and shifted by β; in evaluation mode the "
        "running estimates take their place. Here one γ and one β are shared by all features; in "
        "a network each feature j has its own γⱼ and βⱼ, learned by gradient descent."
    ),
    "batch_norm.N": "batch size N",
    "batch_norm.N_help": "Try N = 1 in training mode, and compare N = 2 with N = 256 below.",
    "batch_norm.seed": "seed",
    "batch_norm.seed_help": (
        "Fixes the whole stream of batches, so a shared link shows the same numbers."
    ),
    "batch_norm.gamma": "γ (scale, learned)",
    "batch_norm.beta": "β (shift, learned)",
    "batch_norm.eps": "ε (added to the variance)",
    "batch_norm.momentum": "momentum m",
    "batch_norm.momentum_help": (
        "Weight of each new batch in the running estimates (PyTorch's convention, default 0.1). "
        "Keras uses the opposite convention: the weight of the old value, default 0.99."
    ),
    "batch_norm.mode": "mode",
    "batch_norm.mode.train": "training",
    "batch_norm.mode.eval": "evaluation",
    "batch_norm.focus": "feature in focus",
    "batch_norm.next": "Next mini-batch",
    "batch_norm.run50": "Run 50 batches",
    "batch_norm.reset": "Reset stream",
    "batch_norm.counter_train": "Training batches fed: **{T}** (at most {max}). The tables show "
    "the last one.",
    "batch_norm.counter_eval": "Evaluation batch **{E}**, normalized with the running estimates "
    "after {T} training batches.",
    "batch_norm.eval_note": (
        "Evaluation mode: μ_B and σ²_B are shown but not used, and the buttons draw test batches "
        "that leave the running estimates unchanged."
    ),
    "batch_norm.n1_md": (
        "With a single example the batch mean is that example and the batch variance is 0, so x̂ "
        "would be 0 whatever the input (and 0/0 without ε): the batch says nothing about scale. "
        "PyTorch refuses this case in training, and so does this page. In evaluation mode one "
        "example is fine, because the running estimates do the normalizing."
    ),
    "batch_norm.n1_running": (
        "Batches of one example cannot train the running estimates, so they stay at their "
        "initial values (mean 0, variance 1)."
    ),
    "batch_norm.m_mu_B": "μ_B (batch mean)",
    "batch_norm.m_sigma2_B": "σ²_B (batch variance)",
    "batch_norm.m_run_mean": "running mean μ̂",
    "batch_norm.m_run_var": "running variance σ̂²",
    "batch_norm.m_pop": "population μ / σ²",
    "batch_norm.m_y1": "output y₁ (example 1)",
    "batch_norm.gamma_beta_md": (
        "With γ = √(σ²_B + ε) and β = μ_B the layer would undo the normalization exactly: "
        "standardizing takes no expressive power away from the network, it only changes how its "
        "parameters are written."
    ),
    "batch_norm.col_feature": "feature",
    "batch_norm.col_pop_mean": "population mean",
    "batch_norm.col_pop_var": "population variance",
    "batch_norm.col_run_mean": "running mean μ̂",
    "batch_norm.col_run_var": "running variance σ̂²",
    "batch_norm.rows_shown": "The first {shown} of {N} examples are shown; all of them are in the "
    "numbers behind the histograms.",
    "batch_norm.check_mean": "mean of x̂ per feature (0)",
    "batch_norm.check_var": "variance of x̂ per feature: σ²_B / (σ²_B + ε)",
    "batch_norm.check_y_mean": "mean of y per feature (β)",
    "batch_norm.hist_before": "Before: x, all features on one axis",
    "batch_norm.hist_after": "After: y = γ·x̂ + β",
    "batch_norm.hist_before_alt": "Range of each feature in the batch: {ranges}.",
    "batch_norm.hist_after_alt": "Mean ± standard deviation of y per feature: {stats}.",
    "batch_norm.x_value": "value",
    "batch_norm.y_count": "examples",
    # running estimates
    "batch_norm.running_header": "Running estimates and evaluation mode",
    "batch_norm.running_md": (
        "In training, after every batch the running estimates move a fraction m (the momentum) "
        "of the way towards the batch statistics. PyTorch starts them at mean 0 and variance 1, "
        "and feeds the running variance the *unbiased* batch variance N/(N−1)·σ²_B, so in the long "
        "run it averages to the population variance. The shaded band (±2 standard deviations) is "
        "where the estimate keeps wandering once it has forgotten its start: narrower for larger "
        "batches and smaller momentum. Press **Run 50 batches** a few times."
    ),
    "batch_norm.run_mean_title": "Running mean · {name}",
    "batch_norm.run_var_title": "Running variance · {name}",
    "batch_norm.x_step": "training batches fed",
    "batch_norm.y_run_mean": "running mean",
    "batch_norm.y_run_var": "running variance",
    "batch_norm.run_mean_alt": "After {T} training batches the running mean is {value}; the "
    "population mean is {target} (dashed line, band ±{band}).",
    "batch_norm.run_var_alt": "After {T} training batches the running variance is {value}; the "
    "population variance is {target} (dashed line, band ±{band}).",
    "batch_norm.train_eval_header": "Training versus evaluation on the same batch",
    "batch_norm.train_eval_md": (
        "A trained network is used on one example at a time, or on batches of any make-up, so "
        "evaluation mode replaces μ_B and σ²_B by the running estimates: an example's output then "
        "depends on that example alone. Right after the start the running estimates are far from "
        "the data and the two outputs disagree; after many training batches they agree up to the "
        "noise of one batch. Forgetting to switch a model to evaluation mode (`model.eval()` in "
        "PyTorch) is a classic bug."
    ),
    "batch_norm.train_eval_n1": "This needs a batch of at least 2 examples.",
    "batch_norm.m_train_eval_diff": "max |y(train) − y(eval)|, all features",
    "batch_norm.m_train_eval_diff_f": "max |y(train) − y(eval)|, {name}",
    "batch_norm.col_y_train": "y, training (batch statistics)",
    "batch_norm.col_y_eval": "y, evaluation (running estimates)",
    # why it helps
    "batch_norm.why_header": "Why it helps: rounder loss contours (for the inputs)",
    "batch_norm.why_md": (
        "Fit a linear regression with an intercept on two features, {a} and {b}. Its loss is a "
        "quadratic bowl shaped by the Hessian H = AᵀA/n with A = [X, 1]. When the features have "
        "very different scales (and means far from 0), H has a huge condition number "
        "κ = λ_max/λ_min: the level curves are long, thin ellipses, the steep direction caps the "
        "step (gradient descent diverges once η ≥ 2/λ_max) and the flat direction then needs "
        "about κ·ln(1/tol)/2 steps. Standardizing each feature — what batch norm does to the "
        "inputs of a layer — removes the differences of offset and scale, and the same gradient "
        "descent finishes in a handful of steps. It does not remove correlation: two "
        "standardized features with correlation ρ still give κ = (1 + |ρ|)/(1 − |ρ|). The "
        "contours here come out almost round only because {a} and {b} are drawn independently; "
        "removing correlation takes whitening, not standardizing. The model is the same: "
        "standardizing only changes the variables, and both fits give the same predictions.\n\n"
        "This picture is about the inputs of a single linear model. Why batch norm helps "
        "*inside* a deep network is still debated. The original paper (Ioffe & Szegedy, 2015) "
        "credited a smaller *internal covariate shift*, the drift of each layer's input "
        "distribution while the earlier layers train. Santurkar et al. (2018) found that it "
        "helps even when that drift is not reduced, and argued instead that it makes the loss "
        "landscape smoother (gradients change less abruptly), which tolerates larger steps."
    ),
    "batch_norm.lr_frac": "step η as a fraction of the stability limit 2/λ_max",
    "batch_norm.lr_frac_help": (
        "On a quadratic, gradient descent diverges once η ≥ 2/λ_max. Each panel uses the same "
        "fraction of its own limit."
    ),
    "batch_norm.tol": "tolerance (excess loss ÷ initial excess loss)",
    "batch_norm.tol_help": "Iterations are counted until L(θₖ) − L* ≤ tol · (L(θ₀) − L*).",
    "batch_norm.gd_raw_title": "Raw features: loss over (w₁, w₂)",
    "batch_norm.gd_std_title": "Standardized features: loss over (v₁, v₂)",
    "batch_norm.m_kappa": "condition number κ",
    "batch_norm.gd_step": "step η = {lr} ({frac} of 2/λ_max)",
    "batch_norm.m_iters": "iterations to tolerance",
    "batch_norm.never": "more than 10¹²",
    "batch_norm.x_iter": "iteration",
    "batch_norm.gd_alt": (
        "Condition number {kappa}; the contour ellipses are {ratio} times longer than wide. "
        "Gradient descent from 0 with step {lr} needs {iters} iterations to bring the excess "
        "loss down by a factor {tol}; the minimum is at ({a}, {b}). Grey: contour lines of the "
        "loss (with the best intercept); line with dots: the gradient-descent path; cross: the "
        "minimum."
    ),
    "batch_norm.gd_ratio": "Standardizing cut the number of iterations by a factor of about "
    "{ratio}.",
    "batch_norm.gd_note": (
        "Both axes span the same length, so the ellipses keep their true shape. The path shows "
        "w₁ and w₂ at selected iterations (every step at first, then logarithmically spaced); the "
        "intercept b moves too but is not drawn. The counts come from the closed form "
        "θₖ = θ* + (I − ηH)ᵏ(θ₀ − θ*), so even millions of iterations are counted exactly; the "
        "check below compares it with a plain loop."
    ),
    "batch_norm.check_iters": "standardized: iterations to tolerance",
    "batch_norm.check_raw100": "raw: excess loss after 100 steps ÷ initial",
    # misconceptions
    "batch_norm.misc_header": "What batch normalization is not",
    "batch_norm.misc_minmax": (
        "batch normalization is not min–max scaling to [0, 1]. Min–max sends the smallest value "
        "of the batch to 0 and the largest to 1, so the result is not centred, its spread depends "
        "on the two most extreme examples, and a single outlier squeezes all the others together. "
        "Batch norm subtracts the batch mean and divides by the batch standard deviation (mean 0, "
        "variance close to 1), then applies the learned γ and β. Dividing MNIST pixels by 255 is "
        "yet another thing: a fixed rescaling of the input, identical for every batch, with "
        "nothing learned."
    ),
    "batch_norm.minmax_md": (
        "Same batch, same feature: compare the mean and the standard deviation of both columns. "
        "Try a small batch, or the *steps per day* preset, to see how much the extremes decide "
        "the min–max column."
    ),
    "batch_norm.col_minmax": "min–max",
    "batch_norm.col_bn": "batch norm x̂",
    "batch_norm.col_stat": "statistic",
    "batch_norm.stat_mean": "mean",
    "batch_norm.stat_sd": "standard deviation",
    "batch_norm.stat_min": "minimum",
    "batch_norm.stat_max": "maximum",
    "batch_norm.misc_regularizer": (
        "batch normalization does not make other regularization unnecessary. Its noise (each "
        "example is normalized with slightly different batch statistics) has a mild regularizing "
        "effect that weakens as the batch grows and is absent in evaluation mode. Dropout, weight "
        "decay, data augmentation and early stopping are still used alongside it: the trainer's "
        "five-hidden-layer preset, for example, combines batch norm with dropout, L1 and L2."
    ),
    # costs
    "batch_norm.cost_header": "What it costs",
    "batch_norm.cost_md": (
        "Batch norm ties each example's output to the rest of its batch. Consequences: it needs "
        "a batch (one example alone cannot be normalized in training); small batches give noisy "
        "statistics — the batch mean wanders with standard deviation σ/√N, and the biased batch "
        "variance is on average (N−1)/N·σ², too small when N is small; and training and "
        "evaluation behave differently, with running estimates that must be learned too. The "
        "chart shows the spread from batch to batch measured over 400 batches (relative to σ and "
        "σ²) against normal theory."
    ),
    "batch_norm.noise_q_mu": "spread of μ_B, in units of σ",
    "batch_norm.noise_q_var": "spread of σ²_B, in units of σ²",
    "batch_norm.noise_measured": "measured over {n} batches",
    "batch_norm.noise_theory": "theory: 1/√N and √(2(N−1))/N",
    "batch_norm.x_N": "batch size N (log scale)",
    "batch_norm.y_noise": "spread across batches (log scale)",
    "batch_norm.noise_alt": (
        "For {name}, the batch mean varies from batch to batch by {sd2}·σ with N = 2, {sd8}·σ "
        "with N = 8 and {sd256}·σ with N = 256, following 1/√N; the dashed line marks the current "
        "batch size."
    ),
    "batch_norm.mates_header": "One example, different batch mates",
    "batch_norm.m_mates_range": "training output: min … max",
    "batch_norm.m_mates_sd": "training output: standard deviation",
    "batch_norm.m_mates_eval": "evaluation output (always)",
    "batch_norm.mates_md": (
        "Example 1 of the current batch was placed in {n} other batches of size {N}. In training "
        "its output moves with its batch mates — the noise behind the mild regularizing effect; "
        "in evaluation it never changes. The smaller N, the wider the range."
    ),
}

ES = {
    "batch_norm.title": "Normalización por lotes",
    "batch_norm.card": "Normaliza cada variable con las estadísticas de su minilote: estimaciones "
    "móviles, modo de evaluación, curvas de nivel redondas y lo que cuesta.",
    "batch_norm.intro": (
        "La normalización por lotes (*batch normalization*) estandariza cada variable con la media "
        "y la varianza del minilote actual y luego deja que la red la reescale con dos números "
        "aprendidos, **γ** y **β**. Aliméntala con lotes de una población cuyas variables viven "
        "en escalas muy distintas, alterna entre entrenamiento y evaluación, y mira por qué "
        "facilita la optimización y qué precio tiene."
    ),
    # population
    "batch_norm.pop_header": "La población",
    "batch_norm.pop_md": (
        "Cada variable sale de una distribución normal con su propia media (desplazamiento) y "
        "desviación estándar (escala). Los ajustes predefinidos imitan mediciones reales: una "
        "estatura en metros varía alrededor de 0.1, una edad en años unos 12, los pasos diarios "
        "miles. La media y la varianza de la población son los valores a los que deben acercarse "
        "las estimaciones móviles."
    ),
    "batch_norm.C": "número de variables",
    "batch_norm.C_help": "Las variables 1 y 2 se usan también en la sección de descenso de gradiente.",
    "batch_norm.feature_n": "variable {j}",
    "batch_norm.offset": "desplazamiento (media de la población)",
    "batch_norm.scale": "escala (desviación estándar de la población)",
    "batch_norm.preset_values": "media {mean}, desviación estándar {sd}",
    "batch_norm.preset.height_m": "estatura (m)",
    "batch_norm.preset.age_years": "edad (años)",
    "batch_norm.preset.weight_kg": "peso (kg)",
    "batch_norm.preset.steps_per_day": "pasos por día",
    "batch_norm.preset.pixel": "intensidad de píxel (0–255)",
    "batch_norm.preset.custom": "personalizada",
    # one batch
    "batch_norm.batch_header": "Un minilote",
    "batch_norm.batch_md": (
        "**Siguiente minilote** extrae un lote nuevo de N ejemplos de la misma población. La "
        "secuencia es reproducible: la misma semilla y el mismo contador dan siempre el mismo "
        "lote. En modo de entrenamiento cada variable se normaliza con la media μ_B y la varianza "
        "*sesgada* σ²_B del propio lote (dividida entre N), y después se escala por γ y se "
        "desplaza por β; en modo de evaluación se usan en su lugar las estimaciones móviles. Aquí "
        "todas las variables comparten un mismo γ y un mismo β; en una red cada variable j tiene "
        "sus propios γⱼ y βⱼ, que se aprenden con descenso de gradiente."
    ),
    "batch_norm.N": "tamaño del lote N",
    "batch_norm.N_help": "Prueba N = 1 en modo de entrenamiento y compara N = 2 con N = 256 más abajo.",
    "batch_norm.seed": "semilla",
    "batch_norm.seed_help": (
        "Fija toda la secuencia de lotes, así un enlace compartido muestra los mismos números."
    ),
    "batch_norm.gamma": "γ (escala, aprendida)",
    "batch_norm.beta": "β (desplazamiento, aprendido)",
    "batch_norm.eps": "ε (se suma a la varianza)",
    "batch_norm.momentum": "momento m",
    "batch_norm.momentum_help": (
        "Peso de cada lote nuevo en las estimaciones móviles (convención de PyTorch, valor "
        "predeterminado 0.1). Keras usa la convención contraria: el peso del valor anterior, "
        "con valor predeterminado 0.99."
    ),
    "batch_norm.mode": "modo",
    "batch_norm.mode.train": "entrenamiento",
    "batch_norm.mode.eval": "evaluación",
    "batch_norm.focus": "variable en foco",
    "batch_norm.next": "Siguiente minilote",
    "batch_norm.run50": "Pasar 50 lotes",
    "batch_norm.reset": "Reiniciar la secuencia",
    "batch_norm.counter_train": "Lotes de entrenamiento procesados: **{T}** (máximo {max}). Las "
    "tablas muestran el último.",
    "batch_norm.counter_eval": "Lote de evaluación **{E}**, normalizado con las estimaciones "
    "móviles tras {T} lotes de entrenamiento.",
    "batch_norm.eval_note": (
        "Modo de evaluación: μ_B y σ²_B se muestran pero no se usan, y los botones extraen lotes "
        "de prueba que no cambian las estimaciones móviles."
    ),
    "batch_norm.n1_md": (
        "Con un solo ejemplo, la media del lote es ese ejemplo y la varianza es 0, así que x̂ "
        "valdría 0 sin importar la entrada (y 0/0 sin ε): el lote no dice nada sobre la escala. "
        "PyTorch rechaza este caso en entrenamiento, y esta página también. En modo de evaluación "
        "un ejemplo basta, porque la normalización la hacen las estimaciones móviles."
    ),
    "batch_norm.n1_running": (
        "Con lotes de un ejemplo no se pueden entrenar las estimaciones móviles, así que se "
        "quedan en sus valores iniciales (media 0, varianza 1)."
    ),
    "batch_norm.m_mu_B": "μ_B (media del lote)",
    "batch_norm.m_sigma2_B": "σ²_B (varianza del lote)",
    "batch_norm.m_run_mean": "media móvil μ̂",
    "batch_norm.m_run_var": "varianza móvil σ̂²",
    "batch_norm.m_pop": "población: μ / σ²",
    "batch_norm.m_y1": "salida y₁ (ejemplo 1)",
    "batch_norm.gamma_beta_md": (
        "Con γ = √(σ²_B + ε) y β = μ_B la capa desharía la normalización por completo: "
        "estandarizar no le quita capacidad expresiva a la red, solo cambia la forma de escribir "
        "sus parámetros."
    ),
    "batch_norm.col_feature": "variable",
    "batch_norm.col_pop_mean": "media de la población",
    "batch_norm.col_pop_var": "varianza de la población",
    "batch_norm.col_run_mean": "media móvil μ̂",
    "batch_norm.col_run_var": "varianza móvil σ̂²",
    "batch_norm.rows_shown": "Se muestran los primeros {shown} de {N} ejemplos; todos están en los "
    "números detrás de los histogramas.",
    "batch_norm.check_mean": "media de x̂ por variable (0)",
    "batch_norm.check_var": "varianza de x̂ por variable: σ²_B / (σ²_B + ε)",
    "batch_norm.check_y_mean": "media de y por variable (β)",
    "batch_norm.hist_before": "Antes: x, todas las variables en un mismo eje",
    "batch_norm.hist_after": "Después: y = γ·x̂ + β",
    "batch_norm.hist_before_alt": "Rango de cada variable en el lote: {ranges}.",
    "batch_norm.hist_after_alt": "Media ± desviación estándar de y por variable: {stats}.",
    "batch_norm.x_value": "valor",
    "batch_norm.y_count": "ejemplos",
    # running estimates
    "batch_norm.running_header": "Estimaciones móviles y modo de evaluación",
    "batch_norm.running_md": (
        "En entrenamiento, después de cada lote las estimaciones móviles recorren una fracción m "
        "(el momento) del camino hacia las estadísticas del lote. PyTorch las inicia en media 0 y "
        "varianza 1, y a la varianza móvil le pasa la varianza *insesgada* del lote, "
        "N/(N−1)·σ²_B, de modo que a la larga promedia la varianza de la población. La banda "
        "sombreada (±2 desviaciones estándar) es donde la estimación sigue oscilando una vez que "
        "olvidó su punto de partida: más angosta con lotes grandes y momento pequeño. Presiona "
        "**Pasar 50 lotes** varias veces."
    ),
    "batch_norm.run_mean_title": "Media móvil · {name}",
    "batch_norm.run_var_title": "Varianza móvil · {name}",
    "batch_norm.x_step": "lotes de entrenamiento procesados",
    "batch_norm.y_run_mean": "media móvil",
    "batch_norm.y_run_var": "varianza móvil",
    "batch_norm.run_mean_alt": "Tras {T} lotes de entrenamiento la media móvil es {value}; la "
    "media de la población es {target} (línea punteada, banda ±{band}).",
    "batch_norm.run_var_alt": "Tras {T} lotes de entrenamiento la varianza móvil es {value}; la "
    "varianza de la población es {target} (línea punteada, banda ±{band}).",
    "batch_norm.train_eval_header": "Entrenamiento contra evaluación con el mismo lote",
    "batch_norm.train_eval_md": (
        "Una red entrenada se usa con un ejemplo a la vez o con lotes de cualquier composición, "
        "por eso el modo de evaluación reemplaza μ_B y σ²_B por las estimaciones móviles: la "
        "salida de un ejemplo depende entonces solo de ese ejemplo. Al principio las "
        "estimaciones móviles están lejos de los datos y las dos salidas no coinciden; tras "
        "muchos lotes de entrenamiento coinciden salvo por el ruido de un lote. Olvidar pasar un "
        "modelo a modo de evaluación (`model.eval()` en PyTorch) es un error clásico."
    ),
    "batch_norm.train_eval_n1": "Esto requiere un lote de al menos 2 ejemplos.",
    "batch_norm.m_train_eval_diff": "máx. |y(entren.) − y(eval.)|, todas las variables",
    "batch_norm.m_train_eval_diff_f": "máx. |y(entren.) − y(eval.)|, {name}",
    "batch_norm.col_y_train": "y, entrenamiento (estadísticas del lote)",
    "batch_norm.col_y_eval": "y, evaluación (estimaciones móviles)",
    # why it helps
    "batch_norm.why_header": "Por qué ayuda: curvas de nivel más redondas (en las entradas)",
    "batch_norm.why_md": (
        "Ajusta una regresión lineal con intercepto sobre dos variables, {a} y {b}. Su pérdida es "
        "un tazón cuadrático cuya forma fija la hessiana H = AᵀA/n, con A = [X, 1]. Cuando las "
        "variables tienen escalas muy distintas (y medias lejos de 0), H tiene un número de "
        "condición enorme, κ = λ_max/λ_min: las curvas de nivel son elipses largas y delgadas, la "
        "dirección empinada limita el paso (el descenso de gradiente diverge en cuanto "
        "η ≥ 2/λ_max) y la dirección plana necesita entonces unos κ·ln(1/tol)/2 pasos. "
        "Estandarizar cada variable —lo que hace la normalización por lotes con las entradas de "
        "una capa— elimina las diferencias de desplazamiento y de escala, y el mismo descenso "
        "de gradiente termina en un puñado de pasos. No elimina la correlación: dos variables "
        "estandarizadas con correlación ρ siguen dando κ = (1 + |ρ|)/(1 − |ρ|). Aquí las curvas "
        "salen casi redondas solo porque {a} y {b} se generan de forma independiente; quitar la "
        "correlación requiere blanquear los datos, no estandarizarlos. El modelo es el mismo: "
        "estandarizar solo cambia las variables, y ambos ajustes dan las mismas predicciones."
        "\n\n"
        "Este dibujo trata de las entradas de un solo modelo lineal. Por qué la normalización "
        "por lotes ayuda *dentro* de una red profunda sigue en debate. El artículo original "
        "(Ioffe y Szegedy, 2015) lo atribuyó a reducir el *desplazamiento interno de "
        "covariables*, el cambio de la distribución de las entradas de cada capa mientras se "
        "entrenan las anteriores. Santurkar et al. (2018) observaron que ayuda incluso cuando "
        "ese cambio no disminuye y propusieron en su lugar que suaviza el paisaje de la pérdida "
        "(los gradientes cambian de forma menos brusca), lo que tolera pasos más grandes."
    ),
    "batch_norm.lr_frac": "paso η como fracción del límite de estabilidad 2/λ_max",
    "batch_norm.lr_frac_help": (
        "En una cuadrática, el descenso de gradiente diverge en cuanto η ≥ 2/λ_max. Cada panel "
        "usa la misma fracción de su propio límite."
    ),
    "batch_norm.tol": "tolerancia (exceso de pérdida ÷ exceso inicial)",
    "batch_norm.tol_help": "Se cuentan iteraciones hasta que L(θₖ) − L* ≤ tol · (L(θ₀) − L*).",
    "batch_norm.gd_raw_title": "Variables originales: pérdida sobre (w₁, w₂)",
    "batch_norm.gd_std_title": "Variables estandarizadas: pérdida sobre (v₁, v₂)",
    "batch_norm.m_kappa": "número de condición κ",
    "batch_norm.gd_step": "paso η = {lr} ({frac} de 2/λ_max)",
    "batch_norm.m_iters": "iteraciones hasta la tolerancia",
    "batch_norm.never": "más de 10¹²",
    "batch_norm.x_iter": "iteración",
    "batch_norm.gd_alt": (
        "Número de condición {kappa}; las elipses de nivel son {ratio} veces más largas que "
        "anchas. El descenso de gradiente desde 0 con paso {lr} necesita {iters} iteraciones "
        "para reducir el exceso de pérdida por un factor {tol}; el mínimo está en ({a}, {b}). "
        "Gris: curvas de nivel de la pérdida (con el mejor intercepto); línea con puntos: la "
        "trayectoria del descenso de gradiente; cruz: el mínimo."
    ),
    "batch_norm.gd_ratio": "Estandarizar redujo el número de iteraciones unas {ratio} veces.",
    "batch_norm.gd_note": (
        "Ambos ejes abarcan la misma longitud, así que las elipses conservan su forma real. La "
        "trayectoria muestra w₁ y w₂ en iteraciones seleccionadas (todas al principio, luego con "
        "espaciado logarítmico); el intercepto b también se mueve, pero no se dibuja. Los "
        "conteos salen de la forma cerrada θₖ = θ* + (I − ηH)ᵏ(θ₀ − θ*), así que incluso millones "
        "de iteraciones se cuentan con exactitud; la comprobación de abajo la compara con un "
        "ciclo simple."
    ),
    "batch_norm.check_iters": "estandarizadas: iteraciones hasta la tolerancia",
    "batch_norm.check_raw100": "originales: exceso de pérdida tras 100 pasos ÷ inicial",
    # misconceptions
    "batch_norm.misc_header": "Lo que la normalización por lotes no es",
    "batch_norm.misc_minmax": (
        "la normalización por lotes no es un escalamiento mín–máx a [0, 1]. El mín–máx lleva el "
        "valor más pequeño del lote a 0 y el más grande a 1, así que el resultado no queda "
        "centrado, su dispersión depende de los dos ejemplos más extremos y un solo valor atípico "
        "apretuja a todos los demás. La normalización por lotes resta la media del lote y divide "
        "entre su desviación estándar (media 0, varianza cercana a 1), y luego aplica los γ y β "
        "aprendidos. Dividir los píxeles de MNIST entre 255 es otra cosa más: un reescalamiento "
        "fijo de la entrada, igual para todos los lotes y sin nada que aprender."
    ),
    "batch_norm.minmax_md": (
        "Mismo lote, misma variable: compara la media y la desviación estándar de ambas "
        "columnas. Prueba un lote pequeño, o el ajuste *pasos por día*, para ver cuánto deciden "
        "los extremos la columna mín–máx."
    ),
    "batch_norm.col_minmax": "mín–máx",
    "batch_norm.col_bn": "normalización x̂",
    "batch_norm.col_stat": "estadístico",
    "batch_norm.stat_mean": "media",
    "batch_norm.stat_sd": "desviación estándar",
    "batch_norm.stat_min": "mínimo",
    "batch_norm.stat_max": "máximo",
    "batch_norm.misc_regularizer": (
        "la normalización por lotes no vuelve innecesaria otra regularización. Su ruido (cada "
        "ejemplo se normaliza con estadísticas de lote un poco distintas) tiene un efecto "
        "regularizador leve, que se debilita al crecer el lote y desaparece en modo de "
        "evaluación. Dropout, decaimiento de pesos, aumento de datos y parada temprana se siguen "
        "usando junto con ella: el ajuste de cinco capas ocultas del entrenador, por ejemplo, "
        "combina normalización por lotes con dropout, L1 y L2."
    ),
    # costs
    "batch_norm.cost_header": "Lo que cuesta",
    "batch_norm.cost_md": (
        "La normalización por lotes ata la salida de cada ejemplo al resto de su lote. "
        "Consecuencias: necesita un lote (un ejemplo solo no se puede normalizar en "
        "entrenamiento); los lotes pequeños dan estadísticas ruidosas —la media del lote oscila "
        "con desviación estándar σ/√N, y la varianza sesgada del lote vale en promedio "
        "(N−1)/N·σ², demasiado poco cuando N es chico—; y el entrenamiento y la evaluación se "
        "comportan distinto, con estimaciones móviles que también hay que aprender. La gráfica "
        "muestra la variación de lote a lote medida en 400 lotes (relativa a σ y σ²) frente a la "
        "teoría normal."
    ),
    "batch_norm.noise_q_mu": "variación de μ_B, en unidades de σ",
    "batch_norm.noise_q_var": "variación de σ²_B, en unidades de σ²",
    "batch_norm.noise_measured": "medida en {n} lotes",
    "batch_norm.noise_theory": "teoría: 1/√N y √(2(N−1))/N",
    "batch_norm.x_N": "tamaño del lote N (escala log)",
    "batch_norm.y_noise": "variación entre lotes (escala log)",
    "batch_norm.noise_alt": (
        "Para {name}, la media del lote varía de un lote a otro en {sd2}·σ con N = 2, {sd8}·σ "
        "con N = 8 y {sd256}·σ con N = 256, siguiendo 1/√N; la línea punteada marca el tamaño de "
        "lote actual."
    ),
    "batch_norm.mates_header": "Un ejemplo, distintos compañeros de lote",
    "batch_norm.m_mates_range": "salida en entrenamiento: mín … máx",
    "batch_norm.m_mates_sd": "salida en entrenamiento: desviación estándar",
    "batch_norm.m_mates_eval": "salida en evaluación (siempre)",
    "batch_norm.mates_md": (
        "El ejemplo 1 del lote actual se colocó en otros {n} lotes de tamaño {N}. En "
        "entrenamiento su salida cambia con sus compañeros de lote —el ruido detrás del leve "
        "efecto regularizador—; en evaluación nunca cambia. Cuanto menor es N, más amplio es el "
        "rango."
    ),
}

# Spanish for the messages of core/batch_norm.py that are not in the shared shapes.
ES_ERRORS = [
    (
        r"^batch size must be >= 2 in training mode \(one example has no spread\), got (\d+)$",
        r"en modo de entrenamiento el tamaño del lote debe ser >= 2 (un solo ejemplo no tiene "
        r"dispersión); se recibió \1",
    ),
    (
        r"^the loss is too ill-conditioned to solve reliably \(condition number (\S+) > (\S+)\): "
        r"the features are \(nearly\) collinear, constant, or on extremely different scales$",
        r"la pérdida está demasiado mal condicionada para resolverla con confianza (número de "
        r"condición \1 > \2): las variables son (casi) colineales, constantes o tienen escalas "
        r"extremadamente distintas",
    ),
    (
        r"^feature (\d+) of x is constant, so it cannot be standardized$",
        r"la variable \1 de x es constante, así que no se puede estandarizar",
    ),
    (
        r"^running_mean and running_var are required in evaluation mode$",
        r"running_mean y running_var son obligatorios en modo de evaluación",
    ),
    (
        r"^running_mean and running_var must be both given or both None$",
        r"running_mean y running_var deben darse los dos o ninguno",
    ),
    (
        r"^running_var \+ eps must be > 0 for every feature, got 0$",
        r"running_var + eps debe ser > 0 en todas las variables; vale 0",
    ),
    (
        r"^(gamma|beta|running_mean|running_var) must have length (\d+) "
        r"\(the number of features of x\), got (\d+)$",
        r"\1 debe tener longitud \2 (el número de variables de x); tiene \3",
    ),
]
