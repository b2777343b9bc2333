"""Strings of the page "Linear networks: A vs B"."""

EN = {
    "linear_networks.title": "Linear networks: A vs B",
    "linear_networks.card": "A hidden layer with linear activations collapses into a single "
    "matrix: more parameters, no extra power — and a bottleneck if it is narrow.",
    "linear_networks.intro": (
        "Network **A** maps the input straight to the output (d → m); network **B** has one "
        "hidden layer in between (d → h → m). With linear activations everywhere, B is a "
        "composition of affine maps — which is again one affine map. Change the sizes and the "
        "activation, and watch when the hidden layer adds something and when it only takes "
        "away."
    ),
    "linear_networks.d": "inputs d",
    "linear_networks.h": "hidden units h (network B)",
    "linear_networks.m": "outputs m",
    "linear_networks.activation": "activation of the hidden layer",
    "linear_networks.activation_help": (
        "Applied between the two layers of B, never after the output layer."
    ),
    "linear_networks.act.identity": "identity (linear)",
    "linear_networks.act.relu": "ReLU",
    "linear_networks.act.tanh": "tanh",
    "linear_networks.seed": "seed of the random weights",
    "linear_networks.misc_nonlinear": (
        "adding a hidden layer whose activation is linear does **not** let the network model "
        "nonlinear relations, and does not by itself make it generalize better: B computes "
        "exactly the same kind of function as A (an affine map), with more parameters to fit. "
        "Only a nonlinear activation between the layers changes that."
    ),
    # collapse
    "linear_networks.collapse_header": "Network B collapses into one matrix",
    "linear_networks.collapse_md": (
        "Write out B with the identity activation and regroup: the two weight matrices "
        "multiply into one m × d matrix W, and the biases combine into one vector b."
    ),
    "linear_networks.m_params_A": "parameters of A",
    "linear_networks.m_params_B": "parameters of B",
    "linear_networks.m_rank": "rank of W₂W₁ / largest possible for A",
    "linear_networks.m_gap": "max |B(x) − (Wx + b)|, {act}",
    "linear_networks.bottleneck": (
        "**Bottleneck.** h = {h} < min(d, m) = min({d}, {m}), so with linear activations the "
        "collapsed matrix has rank {r} (at most h) instead of up to {full}. Every output of B "
        "lies in a subspace of dimension {r}: B can represent *fewer* maps than A. This is "
        "what a linear autoencoder exploits; its best solution spans the same subspace as PCA."
    ),
    "linear_networks.no_bottleneck": (
        "h = {h} ≥ min(d, m) = min({d}, {m}): the collapsed matrix has rank {r}, the same as a "
        "generic matrix of A. With linear activations B represents exactly the maps A does, "
        "using {extra} more parameters."
    ),
    "linear_networks.gap_identity": (
        "With the identity activation, B and the single affine map Wx + b agree on {n} random "
        "inputs up to rounding: largest difference {gap}."
    ),
    "linear_networks.gap_nonlinear": (
        "With {act} between the layers, B no longer equals W₂W₁x + (W₂b₁ + b₂): on {n} random "
        "inputs they differ by up to {gap}. The collapse needs linearity."
    ),
    "linear_networks.out": "output",
    "linear_networks.in": "input",
    "linear_networks.sv_x": "singular value",
    "linear_networks.W_alt": (
        "Heat map of the collapsed {m} × {d} matrix W = W₂W₁ (colour: sign and size). Its "
        "rank is {r}; singular values {sv}. Collapsed bias b = ({b})."
    ),
    "linear_networks.sv_alt": (
        "Singular values of W: {sv}. {r} of the {k} are nonzero, so the rank is {r}."
    ),
    # grid
    "linear_networks.grid_header": "What the network does to the plane",
    "linear_networks.grid_md": (
        "Here the same architecture with d = m = 2 (and h = {h}) maps a square grid. An affine "
        "map sends straight lines to straight lines and parallel lines to parallel lines; ReLU "
        "folds the plane along lines, tanh bends it smoothly."
    ),
    "linear_networks.vertical": "vertical lines",
    "linear_networks.horizontal": "horizontal lines",
    "linear_networks.grid_in": "input grid",
    "linear_networks.grid_out": "after network B ({act})",
    "linear_networks.grid_in_alt": (
        "Input: a square grid of 9 vertical and 9 horizontal lines on [−2, 2]²."
    ),
    "linear_networks.grid_out_alt": (
        "The grid after network B 2 → {h} → 2 with {act}. Largest bend of a line (distance "
        "from its chord divided by the chord's length) is {bend}; 0 means every line stayed "
        "straight. The collapsed linear map has rank {r}."
    ),
    "linear_networks.m_bend": "largest bend of a mapped line",
    "linear_networks.m_grid_rank": "rank of W₂W₁ for this 2 × 2 map (linear version)",
    "linear_networks.grid_flat": (
        "With h = 1 and linear activations the whole plane is squeezed onto a single line: the "
        "bottleneck in a picture."
    ),
    # fit
    "linear_networks.fit_header": "Fitting a nonlinear target",
    "linear_networks.target": "target",
    "linear_networks.target.square": "y = x² on [−1, 1]",
    "linear_networks.target.xor": "XOR of two bits",
    "linear_networks.fit_md": (
        "Two networks with the shape of B and h = {h} hidden units are trained by plain "
        "gradient descent on the mean squared error: one with linear activations, one with "
        "{act}. The linear one cannot go below the best affine fit (least squares), whatever "
        "its width."
    ),
    "linear_networks.net_linear": "B, linear",
    "linear_networks.net_nonlinear": "B, {act}",
    "linear_networks.best_affine": "best affine map",
    "linear_networks.m_mse": "final MSE: {net}",
    "linear_networks.diverged": "Gradient descent diverged for this seed (the loss became infinite).",
    "linear_networks.x_step": "gradient-descent step",
    "linear_networks.y_mse": "mean squared error (log scale)",
    "linear_networks.target_y": "target",
    "linear_networks.loss_alt": (
        "Training loss over {steps} steps. Linear B ends at {lin}, on the dashed line of the "
        "best affine map ({best}); B with {act} ends at {nl}."
    ),
    "linear_networks.square_alt": (
        "Target y = x² and the two fits. Linear B is a straight line: {lin0} at x = 0 and "
        "{lin1} at x = 1 (target 0 and 1). B with {act} follows the parabola: {nl0} at x = 0 "
        "and {nl1} at x = 1."
    ),
    "linear_networks.xor_caption": (
        "XOR: no affine map separates the four points; the best one outputs 0.5 everywhere. "
        "The nonlinear B reproduces the table."
    ),
}

ES = {
    "linear_networks.title": "Redes lineales: A vs B",
    "linear_networks.card": "Una capa oculta con activaciones lineales se reduce a una sola "
    "matriz: más parámetros, nada de poder extra y un cuello de botella si es angosta.",
    "linear_networks.intro": (
        "La red **A** lleva la entrada directo a la salida (d → m); la red **B** tiene una capa "
        "oculta en medio (d → h → m). Si todas las activaciones son lineales, B es una "
        "composición de transformaciones afines, que vuelve a ser una sola transformación afín. "
        "Cambia los tamaños y la activación, y observa cuándo la capa oculta aporta algo y "
        "cuándo solo quita."
    ),
    "linear_networks.d": "entradas d",
    "linear_networks.h": "neuronas ocultas h (red B)",
    "linear_networks.m": "salidas m",
    "linear_networks.activation": "activación de la capa oculta",
    "linear_networks.activation_help": (
        "Se aplica entre las dos capas de B, nunca después de la capa de salida."
    ),
    "linear_networks.act.identity": "identidad (lineal)",
    "linear_networks.act.relu": "ReLU",
    "linear_networks.act.tanh": "tanh",
    "linear_networks.seed": "semilla de los pesos aleatorios",
    "linear_networks.misc_nonlinear": (
        "agregar una capa oculta con activación lineal **no** le permite a la red modelar "
        "relaciones no lineales, ni hace por sí sola que generalice mejor: B calcula "
        "exactamente el mismo tipo de función que A (una transformación afín), con más "
        "parámetros que ajustar. Solo una activación no lineal entre las capas cambia eso."
    ),
    "linear_networks.collapse_header": "La red B se reduce a una sola matriz",
    "linear_networks.collapse_md": (
        "Escribe B con la activación identidad y reagrupa: las dos matrices de pesos se "
        "multiplican en una sola matriz W de m × d, y los sesgos se combinan en un solo vector b."
    ),
    "linear_networks.m_params_A": "parámetros de A",
    "linear_networks.m_params_B": "parámetros de B",
    "linear_networks.m_rank": "rango de W₂W₁ / máximo posible para A",
    "linear_networks.m_gap": "máx |B(x) − (Wx + b)|, {act}",
    "linear_networks.bottleneck": (
        "**Cuello de botella.** h = {h} < min(d, m) = min({d}, {m}), así que con activaciones "
        "lineales la matriz resultante tiene rango {r} (a lo más h) en vez de hasta {full}. "
        "Todas las salidas de B quedan en un subespacio de dimensión {r}: B puede representar "
        "*menos* transformaciones que A. Es lo que aprovecha un autocodificador lineal; su "
        "mejor solución genera el mismo subespacio que PCA."
    ),
    "linear_networks.no_bottleneck": (
        "h = {h} ≥ min(d, m) = min({d}, {m}): la matriz resultante tiene rango {r}, igual que "
        "una matriz genérica de A. Con activaciones lineales, B representa exactamente las "
        "mismas transformaciones que A, con {extra} parámetros más."
    ),
    "linear_networks.gap_identity": (
        "Con la activación identidad, B y la transformación afín Wx + b coinciden en {n} "
        "entradas aleatorias salvo redondeo: la mayor diferencia es {gap}."
    ),
    "linear_networks.gap_nonlinear": (
        "Con {act} entre las capas, B ya no es igual a W₂W₁x + (W₂b₁ + b₂): en {n} entradas "
        "aleatorias difieren hasta en {gap}. La reducción necesita linealidad."
    ),
    "linear_networks.out": "salida",
    "linear_networks.in": "entrada",
    "linear_networks.sv_x": "valor singular",
    "linear_networks.W_alt": (
        "Mapa de calor de la matriz resultante W = W₂W₁ de {m} × {d} (el color indica signo y "
        "tamaño). Su rango es {r}; valores singulares {sv}. Sesgo resultante b = ({b})."
    ),
    "linear_networks.sv_alt": (
        "Valores singulares de W: {sv}. {r} de los {k} son distintos de cero, así que el rango "
        "es {r}."
    ),
    "linear_networks.grid_header": "Qué le hace la red al plano",
    "linear_networks.grid_md": (
        "Aquí la misma arquitectura con d = m = 2 (y h = {h}) transforma una malla. Una "
        "transformación afín lleva rectas a rectas y rectas paralelas a rectas paralelas; ReLU "
        "dobla el plano a lo largo de rectas y tanh lo curva suavemente."
    ),
    "linear_networks.vertical": "rectas verticales",
    "linear_networks.horizontal": "rectas horizontales",
    "linear_networks.grid_in": "malla de entrada",
    "linear_networks.grid_out": "después de la red B ({act})",
    "linear_networks.grid_in_alt": (
        "Entrada: una malla de 9 rectas verticales y 9 horizontales en [−2, 2]²."
    ),
    "linear_networks.grid_out_alt": (
        "La malla después de la red B 2 → {h} → 2 con {act}. La mayor curvatura de una "
        "línea (distancia a su cuerda dividida entre la longitud de la cuerda) es {bend}; 0 "
        "significa que todas siguieron rectas. La transformación lineal resultante tiene "
        "rango {r}."
    ),
    "linear_networks.m_bend": "mayor curvatura de una línea transformada",
    "linear_networks.m_grid_rank": "rango de W₂W₁ de esta transformación 2 × 2 (versión lineal)",
    "linear_networks.grid_flat": (
        "Con h = 1 y activaciones lineales, todo el plano queda aplastado sobre una sola recta: "
        "el cuello de botella en una imagen."
    ),
    "linear_networks.fit_header": "Ajustar un objetivo no lineal",
    "linear_networks.target": "objetivo",
    "linear_networks.target.square": "y = x² en [−1, 1]",
    "linear_networks.target.xor": "XOR de dos bits",
    "linear_networks.fit_md": (
        "Se entrenan dos redes con la forma de B y h = {h} neuronas ocultas, con descenso de "
        "gradiente simple sobre el error cuadrático medio: una con activaciones lineales y otra "
        "con {act}. La lineal no puede bajar del mejor ajuste afín (mínimos cuadrados), sin "
        "importar su ancho."
    ),
    "linear_networks.net_linear": "B, lineal",
    "linear_networks.net_nonlinear": "B, {act}",
    "linear_networks.best_affine": "mejor transformación afín",
    "linear_networks.m_mse": "ECM final: {net}",
    "linear_networks.diverged": (
        "El descenso de gradiente divergió con esta semilla (la pérdida se volvió infinita)."
    ),
    "linear_networks.x_step": "paso de descenso de gradiente",
    "linear_networks.y_mse": "error cuadrático medio (escala log)",
    "linear_networks.target_y": "objetivo",
    "linear_networks.loss_alt": (
        "Pérdida de entrenamiento durante {steps} pasos. B lineal termina en {lin}, sobre la "
        "línea punteada de la mejor transformación afín ({best}); B con {act} termina en {nl}."
    ),
    "linear_networks.square_alt": (
        "Objetivo y = x² y los dos ajustes. B lineal es una recta: {lin0} en x = 0 y {lin1} en "
        "x = 1 (el objetivo vale 0 y 1). B con {act} sigue la parábola: {nl0} en x = 0 y {nl1} "
        "en x = 1."
    ),
    "linear_networks.xor_caption": (
        "XOR: ninguna transformación afín separa los cuatro puntos; la mejor entrega 0.5 en "
        "todos. La B no lineal reproduce la tabla."
    ),
}

ES_ERRORS = [
    (
        r"^weights and biases must be lists of arrays$",
        r"weights y biases deben ser listas de arreglos",
    ),
    (
        r"^weights and biases must have the same length, got (\d+) and (\d+)$",
        r"weights y biases deben tener la misma longitud; se recibieron \1 y \2",
    ),
    (
        r"^weights must contain at least 1 layer, got 0$",
        r"weights debe contener al menos 1 capa; se recibieron 0",
    ),
    (
        r"^biases\[(\d+)\] must have length (\d+) \(rows of weights\[\d+\]\), got (\d+)$",
        r"biases[\1] debe tener longitud \2 (las filas de weights[\1]); se recibió \3",
    ),
    (
        r"^weights\[(\d+)\] must have (\d+) columns \(outputs of layer (\d+)\), got shape (.+)$",
        r"weights[\1] debe tener \2 columnas (las salidas de la capa \3); tiene forma \4",
    ),
    (
        r"^x must have (\d+) features, got shape (.+)$",
        r"x debe tener \1 variables; tiene forma \2",
    ),
    (
        r"^layer_sizes must list at least 2 sizes, got (.+)$",
        r"layer_sizes debe indicar al menos 2 tamaños; se recibió \1",
    ),
    (
        r"^target must be one of (.+), got (.+)$",
        r"target debe ser uno de \1; se recibió \2",
    ),
    (
        r"^activation must be one of (.+), got (.+)$",
        r"activation debe ser uno de \1; se recibió \2",
    ),
    (
        r"^X and y must have the same number of rows, got (\d+) and (\d+)$",
        r"X e y deben tener el mismo número de filas; se recibieron \1 y \2",
    ),
]
