"""Strings of the page "Dropout: why the output is rescaled"."""

EN = {
    "dropout.title": "Dropout: why the output is rescaled",
    "dropout.card": "Enumerate every dropout mask, see why E[z] = p·w·x, and compare standard "
    "and inverted dropout at test time.",
    "dropout.intro": (
        "While training, dropout keeps each input of a unit with probability **p** and zeroes it "
        "otherwise, with a new random mask **m** on every forward pass. The unit's output becomes "
        "random; on average it is only a fraction p of what the full network computes. At test "
        "time every unit is present, so something has to be rescaled. Change the weights, the "
        "inputs and p, and follow the expectation through all the masks."
    ),
    # widgets
    "dropout.n": "number of inputs n",
    "dropout.n_help": "The unit computes z = w₁x₁ + … + wₙxₙ; there are 2ⁿ possible masks.",
    "dropout.keep": "keep probability p",
    "dropout.keep_help": "Each input survives with probability p (p = 1 means no dropout).",
    "dropout.mode": "convention",
    "dropout.mode_help": (
        "Standard: train with the raw mask, multiply by p at test time. Inverted: divide by p "
        "while training, leave test time alone (what PyTorch does)."
    ),
    "dropout.mode.standard": "standard",
    "dropout.mode.inverted": "inverted",
    "dropout.mode.forgot": "standard, without ×p at test (a slip)",
    "dropout.activation": "nonlinearity f after the sum",
    "dropout.activation_help": "The unit outputs f(z). With f = identity the output is z itself.",
    "dropout.act.identity": "none",
    "dropout.act.sigmoid": "sigmoid",
    "dropout.act.relu": "ReLU",
    "dropout.samples": "Monte-Carlo samples",
    "dropout.seed": "random seed",
    "dropout.weights_inputs": "Weights w and inputs x",
    # callouts
    "dropout.misc_torch": (
        "in PyTorch, `torch.nn.Dropout(p)` takes the probability of **dropping** a unit, not of "
        "keeping it. The keep probability p = {keep} used here is `nn.Dropout(p={drop})`."
    ),
    "dropout.misc_drop_prob": (
        "with standard dropout the test-time output is multiplied by the **keep** probability p, "
        "because E[z] = p·w·x. With p = ½ keeping and dropping have the same probability, so "
        "“multiply by the drop probability” happens to give the same number; for any other p "
        "it does not."
    ),
    "dropout.misc_exact": (
        "weight scaling (multiply by p, or divide by p while training) matches the training "
        "average exactly only when the output is linear in the mask. After a sigmoid or a ReLU, "
        "E[f(z)] and f(E[z]) differ, so the rule is an approximation — usually a good one."
    ),
    # masks
    "dropout.masks_header": "Every mask, one by one",
    "dropout.masks_md": (
        "With n inputs there are {count} masks. A mask with k ones has probability "
        "pᵏ(1 − p)ⁿ⁻ᵏ. Averaging the output over all masks, weighted by their probabilities, "
        "gives the exact expectation. Each input is present with probability p, so by linearity "
        "the sum collapses to p·w·x."
    ),
    "dropout.m_wx": "w·x (full network)",
    "dropout.m_e_enum": "E[z] over all masks",
    "dropout.m_e_formula": "p·w·x",
    "dropout.m_e_formula_inv": "w·x (inverted: ÷p in training)",
    "dropout.m_ratio": "E[z] / w·x",
    "dropout.col_mask": "mask m",
    "dropout.col_kept": "kept",
    "dropout.col_prob": "P(m)",
    "dropout.col_contrib": "P(m)·f(z)",
    "dropout.masks_caption": (
        "{count} masks; their probabilities add up to {total}. The last column adds up to "
        "E[f(z)] = {e} (nonlinearity: {act})."
    ),
    "dropout.check_formula": "E[z]: closed form vs sum over the masks",
    # Monte Carlo
    "dropout.mc_header": "Monte Carlo: sampling masks",
    "dropout.mc_md": (
        "A network in training never enumerates masks; it draws one per pass. The running "
        "average of sampled outputs approaches the exact expectation, and its uncertainty "
        "shrinks like 1/√k. The shaded band is the running mean ± 2 standard errors."
    ),
    "dropout.x_samples": "number of sampled masks k (log scale)",
    "dropout.y_mean": "running mean of f(z)",
    "dropout.m_mc_mean": "mean of {k} samples",
    "dropout.m_exact": "exact expectation",
    "dropout.m_se": "standard error",
    "dropout.mc_alt": (
        "Running mean of the sampled outputs against the number of samples. After {k} samples "
        "the mean is {mean} with standard error {se}; the exact expectation (dashed line) is "
        "{exact}, {dist} standard errors away."
    ),
    # train vs test
    "dropout.tt_header": "Training vs test time",
    "dropout.tt_md": (
        "At test time nothing is dropped. For the test output to match the training average, "
        "either scale at test time (standard) or scale during training (inverted). Both give "
        "the same expectations; inverted dropout leaves the deployed network untouched."
    ),
    "dropout.one_pass": (
        "One training pass with this seed: mask **{mask}**, inputs after dropout ({y}), "
        "output **{out}**."
    ),
    "dropout.col_conv": "convention",
    "dropout.col_train_scale": "factor in training",
    "dropout.col_test_scale": "factor at test",
    "dropout.col_e_train": "training average E[f(z)]",
    "dropout.col_test": "test output",
    "dropout.col_diff": "test − training average",
    # gap
    "dropout.gap_header": "After a nonlinearity the scaling is only approximate",
    "dropout.gap_md": (
        "Expectation passes through sums and products by constants, but not through a "
        "nonlinear f. The test-time output f(E[z]) then differs from the training average "
        "E[f(z)]. ReLU is convex, so the gap is never negative (Jensen's inequality)."
    ),
    "dropout.m_gap": "gap E[f(z)] − f(E[z]), {act}",
    "dropout.x_keep": "keep probability p",
    "dropout.y_gap": "E[f(z)] − f(E[z])",
    "dropout.col_act": "nonlinearity",
    "dropout.gap_alt": (
        "Gap between the training average and the test output against the keep probability, "
        "for sigmoid and ReLU. At p = {p} the gap is {sig} for sigmoid and {relu} for ReLU. "
        "The largest gap on the curve is {worst} ({worst_f}, p = {worst_p}); at p = 1 there "
        "is no dropout and no gap."
    ),
}

ES = {
    "dropout.title": "Dropout: por qué se reescala la salida",
    "dropout.card": "Recorre todas las máscaras de dropout, ve por qué E[z] = p·w·x y compara "
    "dropout estándar e invertido en la etapa de prueba.",
    "dropout.intro": (
        "Durante el entrenamiento, dropout conserva cada entrada de una neurona con "
        "probabilidad **p** y la anula en caso contrario, con una máscara aleatoria **m** "
        "nueva en cada pasada hacia adelante. La salida se vuelve aleatoria y, en promedio, vale "
        "solo una fracción p de lo que calcula la red completa. En la prueba están todas las "
        "neuronas, así que hay que reescalar algo. Cambia los pesos, las entradas y p, y sigue "
        "la esperanza a través de todas las máscaras."
    ),
    "dropout.n": "número de entradas n",
    "dropout.n_help": "La neurona calcula z = w₁x₁ + … + wₙxₙ; hay 2ⁿ máscaras posibles.",
    "dropout.keep": "probabilidad de conservar p",
    "dropout.keep_help": "Cada entrada sobrevive con probabilidad p (p = 1 equivale a no usar dropout).",
    "dropout.mode": "convención",
    "dropout.mode_help": (
        "Estándar: se entrena con la máscara tal cual y en la prueba se multiplica por p. "
        "Invertido: se divide entre p al entrenar y la prueba queda igual (lo que hace PyTorch)."
    ),
    "dropout.mode.standard": "estándar",
    "dropout.mode.inverted": "invertido",
    "dropout.mode.forgot": "estándar, sin ×p en la prueba (un descuido)",
    "dropout.activation": "no linealidad f después de la suma",
    "dropout.activation_help": "La neurona entrega f(z). Con f = identidad, la salida es z.",
    "dropout.act.identity": "ninguna",
    "dropout.act.sigmoid": "sigmoide",
    "dropout.act.relu": "ReLU",
    "dropout.samples": "muestras de Monte Carlo",
    "dropout.seed": "semilla aleatoria",
    "dropout.weights_inputs": "Pesos w y entradas x",
    "dropout.misc_torch": (
        "en PyTorch, `torch.nn.Dropout(p)` recibe la probabilidad de **descartar** una neurona, "
        "no la de conservarla. La probabilidad de conservar p = {keep} de esta página equivale "
        "a `nn.Dropout(p={drop})`."
    ),
    "dropout.misc_drop_prob": (
        "con dropout estándar, la salida de prueba se multiplica por la probabilidad de "
        "**conservar** p, porque E[z] = p·w·x. Con p = ½ conservar y descartar son igual de "
        "probables, así que «multiplicar por la probabilidad de descarte» da el mismo número "
        "por casualidad; con cualquier otro p, no."
    ),
    "dropout.misc_exact": (
        "escalar los pesos (multiplicar por p, o dividir entre p al entrenar) reproduce "
        "exactamente el promedio de entrenamiento solo si la salida es lineal en la máscara. "
        "Después de una sigmoide o una ReLU, E[f(z)] y f(E[z]) difieren: la regla es una "
        "aproximación, casi siempre buena."
    ),
    "dropout.masks_header": "Todas las máscaras, una por una",
    "dropout.masks_md": (
        "Con n entradas hay {count} máscaras. Una máscara con k unos tiene probabilidad "
        "pᵏ(1 − p)ⁿ⁻ᵏ. Promediar la salida sobre todas las máscaras, ponderada por sus "
        "probabilidades, da la esperanza exacta. Cada entrada está presente con probabilidad p, "
        "así que por linealidad la suma se reduce a p·w·x."
    ),
    "dropout.m_wx": "w·x (red completa)",
    "dropout.m_e_enum": "E[z] sobre todas las máscaras",
    "dropout.m_e_formula": "p·w·x",
    "dropout.m_e_formula_inv": "w·x (invertido: ÷p al entrenar)",
    "dropout.m_ratio": "E[z] / w·x",
    "dropout.col_mask": "máscara m",
    "dropout.col_kept": "conservadas",
    "dropout.col_prob": "P(m)",
    "dropout.col_contrib": "P(m)·f(z)",
    "dropout.masks_caption": (
        "{count} máscaras; sus probabilidades suman {total}. La última columna suma "
        "E[f(z)] = {e} (no linealidad: {act})."
    ),
    "dropout.check_formula": "E[z]: fórmula cerrada vs suma sobre las máscaras",
    "dropout.mc_header": "Monte Carlo: muestrear máscaras",
    "dropout.mc_md": (
        "Una red en entrenamiento no enumera máscaras: sortea una en cada pasada. El promedio "
        "acumulado de las salidas muestreadas se acerca a la esperanza exacta y su "
        "incertidumbre baja como 1/√k. La franja sombreada es la media acumulada ± 2 errores "
        "estándar."
    ),
    "dropout.x_samples": "número de máscaras muestreadas k (escala log)",
    "dropout.y_mean": "media acumulada de f(z)",
    "dropout.m_mc_mean": "media de {k} muestras",
    "dropout.m_exact": "esperanza exacta",
    "dropout.m_se": "error estándar",
    "dropout.mc_alt": (
        "Media acumulada de las salidas muestreadas según el número de muestras. Con {k} "
        "muestras la media es {mean}, con error estándar {se}; la esperanza exacta (línea "
        "punteada) es {exact}, a {dist} errores estándar."
    ),
    "dropout.tt_header": "Entrenamiento vs prueba",
    "dropout.tt_md": (
        "En la prueba no se descarta nada. Para que la salida de prueba coincida con el "
        "promedio de entrenamiento, se escala en la prueba (estándar) o durante el entrenamiento "
        "(invertido). Ambas dan las mismas esperanzas; el invertido deja intacta la red que se "
        "pone en producción."
    ),
    "dropout.one_pass": (
        "Una pasada de entrenamiento con esta semilla: máscara **{mask}**, entradas después de "
        "dropout ({y}), salida **{out}**."
    ),
    "dropout.col_conv": "convención",
    "dropout.col_train_scale": "factor al entrenar",
    "dropout.col_test_scale": "factor en la prueba",
    "dropout.col_e_train": "promedio de entrenamiento E[f(z)]",
    "dropout.col_test": "salida de prueba",
    "dropout.col_diff": "prueba − promedio de entrenamiento",
    "dropout.gap_header": "Tras una no linealidad, el escalamiento es solo aproximado",
    "dropout.gap_md": (
        "La esperanza atraviesa sumas y productos por constantes, pero no una f no lineal. "
        "Entonces la salida de prueba f(E[z]) difiere del promedio de entrenamiento E[f(z)]. "
        "ReLU es convexa, así que la brecha nunca es negativa (desigualdad de Jensen)."
    ),
    "dropout.m_gap": "brecha E[f(z)] − f(E[z]), {act}",
    "dropout.x_keep": "probabilidad de conservar p",
    "dropout.y_gap": "E[f(z)] − f(E[z])",
    "dropout.col_act": "no linealidad",
    "dropout.gap_alt": (
        "Brecha entre el promedio de entrenamiento y la salida de prueba según la probabilidad "
        "de conservar, para sigmoide y ReLU. Con p = {p} la brecha es {sig} para la sigmoide y "
        "{relu} para ReLU. La mayor brecha de la curva es {worst} ({worst_f}, p = {worst_p}); "
        "con p = 1 no hay dropout ni brecha."
    ),
}

ES_ERRORS = [
    (
        r"^w and x must have the same shape, got (.+) and (.+)$",
        r"w y x deben tener la misma forma; se recibieron \1 y \2",
    ),
    (
        r"^number of inputs must be <= (\d+), got (\d+)$",
        r"el número de entradas debe ser <= \1; se recibió \2",
    ),
    (
        r"^masks must have (\d+) columns, got shape (.+)$",
        r"masks debe tener \1 columnas; tiene forma \2",
    ),
    (
        r"^rng must be a numpy\.random\.Generator, got (.+)$",
        r"rng debe ser un numpy.random.Generator; se recibió \1",
    ),
]
