"""Strings of the page "Activations and initialization"."""

P = "activations_init"
# output ranges: mathematical notation, the same in both languages
RANGES = {
    f"{P}.range_sigmoid": "(0, 1)",
    f"{P}.range_tanh": "(−1, 1)",
    f"{P}.range_relu": "[0, ∞)",
    f"{P}.range_leaky_relu": "(−∞, ∞)",
    f"{P}.range_elu": "(−α, ∞) = (−1, ∞)",
    f"{P}.range_maxout": "(−∞, ∞)",
}

EN = {
    f"{P}.title": "Activations and initialization",
    f"{P}.card": "Activation curves and their slopes, dead ReLUs, what the weight scale does to "
    "a 10-layer network, and why inputs are centred.",
    f"{P}.intro": (
        "Backpropagation multiplies, layer after layer, the slopes of the activations and the "
        "weights. This page shows where those slopes vanish, how the scale of the initial "
        "weights decides whether a deep network starts healthy, and why centring the inputs "
        "helps."
    ),
    f"{P}.tab_curves": "Activation functions",
    f"{P}.tab_init": "Initialization",
    f"{P}.tab_pre": "Preprocessing",
    # curves
    f"{P}.curves_md": (
        "Pick an activation and move the probe x. The grey bands mark where the slope f′ is "
        "below 5 % of its largest value: there a unit passes almost no gradient back "
        "(**saturation** for sigmoid and tanh, the **off** side for ReLU)."
    ),
    f"{P}.activation": "activation",
    f"{P}.name_sigmoid": "sigmoid",
    f"{P}.name_tanh": "tanh",
    f"{P}.name_relu": "ReLU",
    f"{P}.name_leaky_relu": "leaky ReLU",
    f"{P}.name_elu": "ELU",
    f"{P}.name_maxout": "maxout",
    f"{P}.negative_slope": "negative slope a",
    f"{P}.alpha": "α (ELU)",
    f"{P}.maxout_w1": "w₁ (slope of piece 1)",
    f"{P}.maxout_b1": "b₁ (offset of piece 1)",
    f"{P}.maxout_w2": "w₂ (slope of piece 2)",
    f"{P}.maxout_b2": "b₂ (offset of piece 2)",
    f"{P}.maxout_note": (
        "A maxout unit outputs the larger of two linear functions of its input. On one input "
        "axis each piece is a line; the defaults max(x, 0.1x) give a leaky ReLU, and w₂ = b₂ = 0 "
        "gives ReLU. In a network each piece has its own full weight matrix, so maxout doubles "
        "the parameters."
    ),
    f"{P}.x0": "probe x",
    f"{P}.m_f": "f(x)",
    f"{P}.m_df": "f′(x)",
    f"{P}.m_df_share": "f′(x) / largest slope",
    f"{P}.curve_f": "f(x)",
    f"{P}.curve_df": "f′(x)",
    f"{P}.none": "none",
    f"{P}.curve_alt": (
        "{name} and its derivative on [−6, 6]. The function goes from {lo} to {hi}; its largest "
        "slope is {top}. Flat regions (slope below 5 % of that): {flat}. At x = {x0}: f = {f}, "
        "f′ = {df}."
    ),
    f"{P}.shade_note": "At a kink the derivative shown is the one autograd uses: ReLU′(0) = 0, "
    "leaky ReLU′(0) = a, ELU′(0) = α; at a maxout tie, the mean of both slopes.",
    f"{P}.table_md": (
        "Every activation with its default parameters: its output range and, measured on a "
        "grid, the mean output when x ~ N(0, 1) (zero-centred or not) and the slope at −5 and +5 "
        "(saturation)."
    ),
    f"{P}.col_name": "activation",
    f"{P}.col_range": "output range",
    **RANGES,
    f"{P}.col_mean": "mean output, x ~ N(0, 1)",
    f"{P}.col_centred": "zero-centred?",
    f"{P}.col_dneg": "f′(−5)",
    f"{P}.col_dpos": "f′(5)",
    f"{P}.yes": "yes",
    f"{P}.no": "no",
    f"{P}.misc_sigmoid_quarter": (
        "“Each sigmoid layer divides the gradient by at least 4.” What is bounded by 1/4 is the "
        "sigmoid's own factor: its slope σ′(z) ≤ 1/4, reached only at z = 0. Backpropagation "
        "through a layer multiplies by that slope *and* by the layer's weights, Wᵀ·diag(σ′(z)), "
        "so the gradient shrinks by the slope times the weights' gain: with weights of gain "
        "near 1 (e.g. Xavier's) it does fade layer after layer, but weights with gain above 4 "
        "can keep it steady or make it grow (large weights also push units towards "
        "saturation, where σ′ is far below 1/4). Its outputs are also all positive (not "
        "zero-centred), so for one example the gradients of the weights entering a unit of the "
        "next layer all share the same sign, which makes updates zig-zag."
    ),
    f"{P}.dead_header": "Dead ReLUs",
    f"{P}.dead_md": (
        "A ReLU unit computes max(0, w·x + b). If a large update pushes b (or w) so that the "
        "pre-activation is negative for every input, the unit outputs 0 and its slope is 0 "
        "everywhere: no gradient ever reaches it again and it stays **dead**. Here the inputs "
        "are x ~ N(0, 1) with w = 1; move the bias."
    ),
    f"{P}.bias": "bias b",
    f"{P}.m_active": "inputs for which the unit is active",
    f"{P}.m_relu_grad": "mean slope, ReLU",
    f"{P}.m_leaky_grad": "mean slope, leaky ReLU (a = 0.01)",
    f"{P}.active": "active (z > 0)",
    f"{P}.inactive": "off (z ≤ 0)",
    f"{P}.x_z": "pre-activation z = x + b",
    f"{P}.y_count": "inputs",
    f"{P}.dead_alt": (
        "Histogram of the pre-activations z = x + b for b = {b}: the part right of 0 is active "
        "({share} % of the inputs); the rest gives output 0 and slope 0."
    ),
    f"{P}.check_active": "active share: Φ(b) vs share in the sample",
    f"{P}.check_active_note": "The sample has {n} inputs, so the two agree up to sampling noise "
    "(about 0.007), not to machine precision.",
    f"{P}.misc_dead": (
        "A dead ReLU is not a saturated unit that might recover: its slope is exactly 0 for all "
        "inputs, so gradient descent cannot move its weights back. Leaky ReLU, ELU and maxout "
        "keep a non-zero slope on the negative side and do not die this way."
    ),
    # initialization
    f"{P}.init_md": (
        "A network of square layers without biases, h⁽ˡ⁾ = f(h⁽ˡ⁻¹⁾W⁽ˡ⁾), receives random inputs. "
        "Each weight is drawn from N(0, σ²). Watch the histograms of the activations layer by "
        "layer, their spread, and the size of the weight gradients that backpropagation "
        "delivers to each layer."
    ),
    f"{P}.init": "weight scale",
    f"{P}.init_small": "σ = 0.01",
    f"{P}.init_large": "σ = 1",
    f"{P}.init_xavier": "Xavier σ = 1/√n",
    f"{P}.init_he": "He σ = √(2/n)",
    f"{P}.layers": "layers",
    f"{P}.width": "units per layer n",
    f"{P}.seed": "seed",
    f"{P}.m_std_first": "std of h, layer 1",
    f"{P}.m_std_last": "std of h, last layer",
    f"{P}.m_grad_ratio": "‖∂L/∂W‖ first / last layer",
    f"{P}.m_grad_ratio_help": "1 means the first layer gets as much gradient as the last; far "
    "below 1, the first layers barely learn.",
    f"{P}.m_flat": "units on a flat part (slope < 5 %)",
    f"{P}.verdict_saturation": (
        "**Saturation.** Most units sit on the flat parts of the activation (slope below 5 % of "
        "its maximum), so they pass little gradient: typical of sigmoid or tanh with weights "
        "that are too large."
    ),
    f"{P}.verdict_explosion": (
        "**Explosion.** The spread of the activations grows layer after layer (more than 10× "
        "from the first to the last): nσ² is larger than this activation needs."
    ),
    f"{P}.verdict_collapse": (
        "**Collapse.** The activations shrink towards 0 layer after layer (to less than 1/10 of "
        "the first layer's spread): deep layers see almost constant inputs and their weight "
        "gradients are tiny."
    ),
    f"{P}.verdict_vanishing_gradient": (
        "**Vanishing gradient.** The first layer's weight gradient is more than 100 times "
        "smaller than the last layer's, so the first layers learn far more slowly."
    ),
    f"{P}.verdict_exploding_gradient": (
        "**Exploding gradient.** The first layer's weight gradient is more than 100 times "
        "larger than the last layer's; one learning rate cannot suit every layer."
    ),
    f"{P}.verdict_healthy": (
        "**Healthy.** The activations keep a similar spread in every layer and the gradients "
        "reach the first layers with a comparable size."
    ),
    f"{P}.x_h": "activation h",
    f"{P}.layer": "layer",
    f"{P}.hist_alt": (
        "Histograms of the activations of each of the {n} layers, all on the same horizontal "
        "range [{lo}, {hi}]. The standard deviation goes from {std0} in layer 1 to {stdL} in the "
        "last layer."
    ),
    f"{P}.curve_std": "std of the activations (log scale)",
    f"{P}.curve_grad": "‖∂L/∂W‖ (log scale)",
    f"{P}.std_alt": "Standard deviation of the activations per layer, from the first: {values}.",
    f"{P}.grad_alt": "Norm of the weight gradient per layer, from the first: {values}.",
    f"{P}.setup_note": (
        "{n} random inputs with N(0, 1) features; the backward pass starts from a random "
        "gradient at the output, the same for every setting with the same seed."
    ),
    f"{P}.why_md": (
        "Why these scales: a pre-activation sums n products, so its variance is about "
        "n·σ²·E[h²] of the previous layer. Near 0, tanh behaves like the identity, so "
        "nσ² = 1 (Xavier) keeps the spread; ReLU zeroes half of its inputs, halving E[h²], so it "
        "needs nσ² = 2 (He). With σ = 0.01 and n = 500, nσ² = 0.05 and the spread collapses; "
        "with σ = 1, nσ² = 500 and tanh is pushed into its flat tails. The deeper the network, "
        "the stronger these effects."
    ),
    f"{P}.misc_xavier_relu": (
        "Xavier is not a universal good choice. With ReLU it loses about a factor √2 of spread "
        "per layer (try ReLU with Xavier and the deepest network); He's factor 2 compensates for the half "
        "of the inputs ReLU sets to zero."
    ),
    # preprocessing
    f"{P}.pre_md": (
        "A linear classifier w·x + b = 0 splits a 2-D cloud through its middle. Rotate w by a "
        "small angle with b fixed: the line turns around its point closest to the origin. When "
        "the data sit far from the origin that pivot is far away, and a tiny change of the "
        "weights sweeps the line across many points — the loss is very sensitive to the weights "
        "and hard to optimize. Compare with centred and standardized inputs."
    ),
    f"{P}.method": "inputs",
    f"{P}.method_none": "raw",
    f"{P}.method_center": "zero-centred",
    f"{P}.method_standardize": "standardized",
    f"{P}.delta": "rotation of w (degrees)",
    f"{P}.m_flip": "points that change side",
    f"{P}.m_flip_raw": "same rotation on raw inputs",
    f"{P}.m_mean_xy": "mean of (x′₁, x′₂)",
    f"{P}.m_std_xy": "std of (x′₁, x′₂)",
    f"{P}.side_a": "side +",
    f"{P}.side_b": "side −",
    f"{P}.flipped": "changes side",
    f"{P}.line": "boundary",
    f"{P}.line_rot": "boundary with w rotated {d}°",
    f"{P}.cloud_alt": (
        "The cloud with {method} inputs, centred at ({cx}, {cy}); the cross marks the origin. "
        "Rotating w by {d}° with b fixed moves {share} % of the points to the other side."
    ),
    f"{P}.pre_after_md": (
        "The classifier is the same in every view (each point keeps its side); only the "
        "coordinates change. Centring moves the pivot into the data; standardizing also gives "
        "both features the same scale, so no direction of w is much more sensitive than another."
    ),
    f"{P}.misc_test_stats": (
        "The mean and standard deviation used for preprocessing are computed on the training "
        "data only and then applied unchanged to validation and test data; recomputing them on "
        "the test set shifts its inputs and leaks information."
    ),
}

ES = {
    f"{P}.title": "Activaciones e inicialización",
    f"{P}.card": "Curvas de activación y sus pendientes, ReLU muertas, qué le hace la escala de "
    "los pesos a una red de 10 capas y por qué se centran las entradas.",
    f"{P}.intro": (
        "La retropropagación multiplica, capa tras capa, las pendientes de las activaciones y "
        "los pesos. Esta página muestra dónde se anulan esas pendientes, cómo la escala de los "
        "pesos iniciales decide si una red profunda arranca sana y por qué ayuda centrar las "
        "entradas."
    ),
    f"{P}.tab_curves": "Funciones de activación",
    f"{P}.tab_init": "Inicialización",
    f"{P}.tab_pre": "Preprocesamiento",
    f"{P}.curves_md": (
        "Elige una activación y mueve el punto x. Las franjas grises marcan dónde la pendiente "
        "f′ es menor que el 5 % de su valor máximo: ahí la unidad casi no devuelve gradiente "
        "(**saturación** en sigmoide y tanh, el lado **apagado** en ReLU)."
    ),
    f"{P}.activation": "activación",
    f"{P}.name_sigmoid": "sigmoide",
    f"{P}.name_tanh": "tanh",
    f"{P}.name_relu": "ReLU",
    f"{P}.name_leaky_relu": "ReLU con fuga (leaky)",
    f"{P}.name_elu": "ELU",
    f"{P}.name_maxout": "maxout",
    f"{P}.negative_slope": "pendiente negativa a",
    f"{P}.alpha": "α (ELU)",
    f"{P}.maxout_w1": "w₁ (pendiente de la pieza 1)",
    f"{P}.maxout_b1": "b₁ (desplazamiento de la pieza 1)",
    f"{P}.maxout_w2": "w₂ (pendiente de la pieza 2)",
    f"{P}.maxout_b2": "b₂ (desplazamiento de la pieza 2)",
    f"{P}.maxout_note": (
        "Una unidad maxout entrega la mayor de dos funciones lineales de su entrada. Sobre un "
        "solo eje cada pieza es una recta; los valores predeterminados max(x, 0.1x) dan una ReLU con "
        "fuga, y w₂ = b₂ = 0 da la ReLU. En una red cada pieza tiene su propia matriz de pesos, "
        "así que maxout duplica los parámetros."
    ),
    f"{P}.x0": "punto x",
    f"{P}.m_f": "f(x)",
    f"{P}.m_df": "f′(x)",
    f"{P}.m_df_share": "f′(x) / pendiente máxima",
    f"{P}.curve_f": "f(x)",
    f"{P}.curve_df": "f′(x)",
    f"{P}.none": "ninguna",
    f"{P}.curve_alt": (
        "{name} y su derivada en [−6, 6]. La función va de {lo} a {hi}; su pendiente máxima es "
        "{top}. Zonas planas (pendiente menor que el 5 % de ese valor): {flat}. En x = {x0}: "
        "f = {f}, f′ = {df}."
    ),
    f"{P}.shade_note": "En un quiebre se muestra la derivada que usa autograd: ReLU′(0) = 0, "
    "ReLU con fuga′(0) = a, ELU′(0) = α; en un empate de maxout, el promedio de ambas "
    "pendientes.",
    f"{P}.table_md": (
        "Cada activación con sus parámetros predeterminados: su rango de salida y, medidas sobre una "
        "malla, la salida media cuando x ~ N(0, 1) (centrada en cero o no) y la pendiente en −5 "
        "y +5 (saturación)."
    ),
    f"{P}.col_name": "activación",
    f"{P}.col_range": "rango de salida",
    **RANGES,
    f"{P}.col_mean": "salida media, x ~ N(0, 1)",
    f"{P}.col_centred": "¿centrada en cero?",
    f"{P}.col_dneg": "f′(−5)",
    f"{P}.col_dpos": "f′(5)",
    f"{P}.yes": "sí",
    f"{P}.no": "no",
    f"{P}.misc_sigmoid_quarter": (
        "«Cada capa sigmoide divide el gradiente al menos entre 4.» Lo que está acotado por 1/4 "
        "es el factor propio de la sigmoide: su pendiente σ′(z) ≤ 1/4, que solo se alcanza en "
        "z = 0. La retropropagación a través de una capa multiplica por esa pendiente *y* por "
        "los pesos de la capa, Wᵀ·diag(σ′(z)), así que el gradiente se reduce según la pendiente "
        "por la ganancia de los pesos: con pesos de ganancia cercana a 1 (como los de Xavier) sí "
        "se desvanece capa tras capa, pero pesos con ganancia mayor que 4 pueden mantenerlo "
        "estable o hacerlo crecer (los pesos grandes también llevan las unidades hacia la "
        "saturación, donde σ′ queda muy por debajo de 1/4). Además sus salidas son todas positivas (no está centrada en "
        "cero), por lo que, para un ejemplo, los gradientes de los pesos que entran a una unidad "
        "de la capa siguiente tienen todos el mismo signo y las actualizaciones zigzaguean."
    ),
    f"{P}.dead_header": "ReLU muertas",
    f"{P}.dead_md": (
        "Una unidad ReLU calcula max(0, w·x + b). Si una actualización grande empuja b (o w) de "
        "modo que la preactivación sea negativa para toda entrada, la unidad entrega 0 y su "
        "pendiente es 0 en todas partes: ya no le llega gradiente y queda **muerta**. Aquí las "
        "entradas son x ~ N(0, 1) con w = 1; mueve el sesgo."
    ),
    f"{P}.bias": "sesgo b",
    f"{P}.m_active": "entradas con la unidad activa",
    f"{P}.m_relu_grad": "pendiente media, ReLU",
    f"{P}.m_leaky_grad": "pendiente media, ReLU con fuga (a = 0.01)",
    f"{P}.active": "activa (z > 0)",
    f"{P}.inactive": "apagada (z ≤ 0)",
    f"{P}.x_z": "preactivación z = x + b",
    f"{P}.y_count": "entradas",
    f"{P}.dead_alt": (
        "Histograma de las preactivaciones z = x + b para b = {b}: la parte a la derecha de 0 "
        "está activa ({share} % de las entradas); el resto da salida 0 y pendiente 0."
    ),
    f"{P}.check_active": "proporción activa: Φ(b) frente a la proporción en la muestra",
    f"{P}.check_active_note": "La muestra tiene {n} entradas, así que ambas coinciden salvo el "
    "ruido de muestreo (cerca de 0.007), no a precisión de máquina.",
    f"{P}.misc_dead": (
        "Una ReLU muerta no es una unidad saturada que podría recuperarse: su pendiente es "
        "exactamente 0 para todas las entradas, así que el descenso de gradiente no puede mover "
        "sus pesos de vuelta. La ReLU con fuga, la ELU y maxout conservan una pendiente no nula "
        "del lado negativo y no mueren de esta forma."
    ),
    f"{P}.init_md": (
        "Una red de capas cuadradas sin sesgos, h⁽ˡ⁾ = f(h⁽ˡ⁻¹⁾W⁽ˡ⁾), recibe entradas "
        "aleatorias. Cada peso se sortea de N(0, σ²). Observa los histogramas de las "
        "activaciones capa por capa, su dispersión y el tamaño de los gradientes de los pesos "
        "que la retropropagación entrega a cada capa."
    ),
    f"{P}.init": "escala de los pesos",
    f"{P}.init_small": "σ = 0.01",
    f"{P}.init_large": "σ = 1",
    f"{P}.init_xavier": "Xavier σ = 1/√n",
    f"{P}.init_he": "He σ = √(2/n)",
    f"{P}.layers": "capas",
    f"{P}.width": "unidades por capa n",
    f"{P}.seed": "semilla",
    f"{P}.m_std_first": "desv. est. de h, capa 1",
    f"{P}.m_std_last": "desv. est. de h, última capa",
    f"{P}.m_grad_ratio": "‖∂L/∂W‖ primera / última capa",
    f"{P}.m_grad_ratio_help": "1 significa que la primera capa recibe tanto gradiente como la "
    "última; muy por debajo de 1, las primeras capas apenas aprenden.",
    f"{P}.m_flat": "unidades en una zona plana (pendiente < 5 %)",
    f"{P}.verdict_saturation": (
        "**Saturación.** La mayoría de las unidades está en las zonas planas de la activación "
        "(pendiente menor que el 5 % de su máximo), así que dejan pasar poco gradiente: típico "
        "de la sigmoide o tanh con pesos demasiado grandes."
    ),
    f"{P}.verdict_explosion": (
        "**Explosión.** La dispersión de las activaciones crece capa tras capa (más de 10 veces "
        "de la primera a la última): nσ² es mayor de lo que esta activación necesita."
    ),
    f"{P}.verdict_collapse": (
        "**Colapso.** Las activaciones se encogen hacia 0 capa tras capa (a menos de 1/10 de la "
        "dispersión de la primera capa): las capas profundas ven entradas casi constantes y los "
        "gradientes de sus pesos son diminutos."
    ),
    f"{P}.verdict_vanishing_gradient": (
        "**Gradiente que se desvanece.** El gradiente de los pesos de la primera capa es más de "
        "100 veces menor que el de la última, así que las primeras capas aprenden mucho más "
        "lento."
    ),
    f"{P}.verdict_exploding_gradient": (
        "**Gradiente que explota.** El gradiente de los pesos de la primera capa es más de 100 "
        "veces mayor que el de la última; una sola tasa de aprendizaje no sirve para todas las "
        "capas."
    ),
    f"{P}.verdict_healthy": (
        "**Sana.** Las activaciones mantienen una dispersión parecida en todas las capas y los "
        "gradientes llegan a las primeras capas con un tamaño comparable."
    ),
    f"{P}.x_h": "activación h",
    f"{P}.layer": "capa",
    f"{P}.hist_alt": (
        "Histogramas de las activaciones de cada una de las {n} capas, todos sobre el mismo "
        "rango horizontal [{lo}, {hi}]. La desviación estándar pasa de {std0} en la capa 1 a "
        "{stdL} en la última."
    ),
    f"{P}.curve_std": "desv. est. de las activaciones (escala log)",
    f"{P}.curve_grad": "‖∂L/∂W‖ (escala log)",
    f"{P}.std_alt": "Desviación estándar de las activaciones por capa, desde la primera: {values}.",
    f"{P}.grad_alt": "Norma del gradiente de los pesos por capa, desde la primera: {values}.",
    f"{P}.setup_note": (
        "{n} entradas aleatorias con variables N(0, 1); la pasada hacia atrás parte de un gradiente "
        "aleatorio en la salida, el mismo para cada configuración con la misma semilla."
    ),
    f"{P}.why_md": (
        "Por qué estas escalas: una preactivación suma n productos, así que su varianza es "
        "aproximadamente n·σ²·E[h²] de la capa anterior. Cerca de 0, tanh se comporta como la "
        "identidad, así que nσ² = 1 (Xavier) conserva la dispersión; ReLU anula la mitad de sus "
        "entradas y reduce E[h²] a la mitad, por lo que necesita nσ² = 2 (He). Con σ = 0.01 y "
        "n = 500, nσ² = 0.05 y la dispersión colapsa; con σ = 1, nσ² = 500 y tanh queda "
        "empujada a sus colas planas. Cuanto más profunda la red, más fuertes estos efectos."
    ),
    f"{P}.misc_xavier_relu": (
        "Xavier no es una buena elección universal. Con ReLU pierde cerca de un factor √2 de "
        "dispersión por capa (prueba ReLU con Xavier y la red más profunda); el factor 2 de He compensa la "
        "mitad de las entradas que ReLU pone en cero."
    ),
    f"{P}.pre_md": (
        "Un clasificador lineal w·x + b = 0 divide una nube 2-D por la mitad. Gira w un ángulo "
        "pequeño con b fijo: la recta gira alrededor de su punto más cercano al origen. Si los "
        "datos están lejos del origen, ese pivote queda lejos, y un cambio mínimo de los pesos "
        "barre la recta sobre muchos puntos: la pérdida es muy sensible a los pesos y cuesta "
        "optimizarla. Compara con entradas centradas y estandarizadas."
    ),
    f"{P}.method": "entradas",
    f"{P}.method_none": "sin procesar",
    f"{P}.method_center": "centradas en cero",
    f"{P}.method_standardize": "estandarizadas",
    f"{P}.delta": "giro de w (grados)",
    f"{P}.m_flip": "puntos que cambian de lado",
    f"{P}.m_flip_raw": "mismo giro con entradas sin procesar",
    f"{P}.m_mean_xy": "media de (x′₁, x′₂)",
    f"{P}.m_std_xy": "desv. est. de (x′₁, x′₂)",
    f"{P}.side_a": "lado +",
    f"{P}.side_b": "lado −",
    f"{P}.flipped": "cambia de lado",
    f"{P}.line": "frontera",
    f"{P}.line_rot": "frontera con w girado {d}°",
    f"{P}.cloud_alt": (
        "La nube con entradas {method}, centrada en ({cx}, {cy}); la cruz marca el origen. Girar "
        "w {d}° con b fijo pasa {share} % de los puntos al otro lado."
    ),
    f"{P}.pre_after_md": (
        "El clasificador es el mismo en todas las vistas (cada punto conserva su lado); solo "
        "cambian las coordenadas. Centrar mueve el pivote dentro de los datos; estandarizar "
        "además da a ambas variables la misma escala, así que ninguna dirección de w es mucho más "
        "sensible que otra."
    ),
    f"{P}.misc_test_stats": (
        "La media y la desviación estándar del preprocesamiento se calculan solo con los datos "
        "de entrenamiento y luego se aplican sin cambios a validación y prueba; recalcularlas "
        "con el conjunto de prueba desplaza sus entradas y filtra información."
    ),
}

# Spanish for the messages of core/activations.py that do not follow the generic shapes.
ES_ERRORS = [
    (
        r"^init (.+) \(sigma = (\S+)\) is too large for (\d+) layers of width (\d+): the activations overflow float32 at layer (\d+); choose a smaller init or fewer layers$",
        r"la inicialización \1 (sigma = \2) es demasiado grande para \3 capas de ancho \4: las "
        r"activaciones desbordan float32 en la capa \5; elige una inicialización menor o menos capas",
    ),
    (
        r"^init (.+) \(sigma = (\S+)\) is too large for (\d+) layers of width (\d+): the gradients overflow float32 at layer (\d+); choose a smaller init or fewer layers$",
        r"la inicialización \1 (sigma = \2) es demasiado grande para \3 capas de ancho \4: los "
        r"gradientes desbordan float32 en la capa \5; elige una inicialización menor o menos capas",
    ),
    (
        r"^activation must be one of (.+), got (.+)$",
        r"la activación debe ser una de \1; se recibió \2",
    ),
    (
        r"^parameter (\S+) is not used by (\S+); allowed parameters: (.+)$",
        r"\2 no usa el parámetro \1; parámetros permitidos: \3",
    ),
    (
        r"^init must be one of (.+) or a positive number, got (.+)$",
        r"init debe ser una de \1 o un número positivo; se recibió \2",
    ),
    (r"^method must be one of (.+), got (.+)$", r"method debe ser uno de \1; se recibió \2"),
    (r"^X must have at least 2 rows, got (\d+)$", r"X debe tener al menos 2 filas; tiene \1"),
]
