"""Strings of the page "Hyperparameter search"."""

EN = {
    "hyperparameter_search.title": "Hyperparameter search",
    "hyperparameter_search.card": "Grid against random search with the same budget, the "
    "coarse-to-fine recipe for the learning rate, and a real search over (learning rate, L2) "
    "on digits.",
    "hyperparameter_search.intro": (
        "With a budget of n training runs, where should they go? A grid of n = k × k trials "
        "tries only k values of each hyperparameter; n random trials try n values of each. When "
        "one hyperparameter matters much more than the other, that difference decides the search."
    ),
    # 1. point sets
    "hyperparameter_search.points_header": "Nine trials: grid against random",
    "hyperparameter_search.points_md": (
        "The score below depends on the horizontal hyperparameter u through a narrow bump; the "
        "vertical one, v, changes it by at most {minor}. The strips under each chart are the "
        "projections on the important axis: the values of u that were actually tried."
    ),
    "hyperparameter_search.n": "budget n (trials)",
    "hyperparameter_search.seed": "seed",
    "hyperparameter_search.peak": "where u is best",
    "hyperparameter_search.method.grid": "grid",
    "hyperparameter_search.method.random": "random",
    "hyperparameter_search.phrase.grid": "grid search",
    "hyperparameter_search.phrase.random": "random search",
    "hyperparameter_search.u": "important hyperparameter u",
    "hyperparameter_search.v": "unimportant hyperparameter v",
    "hyperparameter_search.score": "score",
    "hyperparameter_search.distinct": "distinct values of u",
    "hyperparameter_search.best": "best score",
    "hyperparameter_search.points_alt": (
        "{method}: {n} trials try {distinct} distinct values of the important hyperparameter; "
        "the best score found is {best}."
    ),
    "hyperparameter_search.grid_square": "A grid needs a perfect square: the grid uses {k} × {k} "
    "= {n2} trials here.",
    "hyperparameter_search.formula_caption": "The toy score: u is important, v is not "
    "(c = {peak}, w = {width}, m = {minor}).",
    # 2. repetitions
    "hyperparameter_search.reps_header": "Over many problems",
    "hyperparameter_search.reps_md": (
        "Each repetition moves the good value of u to a random place, as a new data set or "
        "model would, and draws new random trials; the grid stays the same. The histogram "
        "shows the best score each method found."
    ),
    "hyperparameter_search.reps": "repetitions",
    "hyperparameter_search.mean_best": "mean best, {method}",
    "hyperparameter_search.random_wins": "random finds a better trial",
    "hyperparameter_search.count": "repetitions",
    "hyperparameter_search.reps_alt": (
        "Over {reps} repetitions with n = {n}: mean best score {grid} for the grid and {random} "
        "for random search; random search found a better trial in {wins} of them."
    ),
    # 3. coarse to fine
    "hyperparameter_search.ctf_header": "Coarse to fine for the learning rate",
    "hyperparameter_search.ctf_md": (
        "Draw the learning rate log-uniformly over a wide range (each decade gets the same "
        "share of trials), keep the few best, and draw again inside the range they span. The "
        "score here is a toy curve with its best at η* = {best_lr}; on the trainer it would be "
        "the validation accuracy."
    ),
    "hyperparameter_search.ctf_n": "trials per round",
    "hyperparameter_search.ctf_rounds": "rounds",
    "hyperparameter_search.ctf_keep": "trials kept",
    "hyperparameter_search.round": "round {i}",
    "hyperparameter_search.lr": "learning rate η",
    "hyperparameter_search.l2": "L2 strength λ",
    "hyperparameter_search.ctf_alt": (
        "Rounds of the coarse-to-fine search, each as a range and its trials: {rounds}."
    ),
    "hyperparameter_search.ctf_alt_one": "round {i}: {low} to {high}, best {best}",
    "hyperparameter_search.uniform_share": (
        "Drawn uniformly (not in log) over the same range, {share} of the trials would fall in "
        "the top decade, [{low_top}, {high}]."
    ),
    # 4. real search
    "hyperparameter_search.real_header": "A real search on digits",
    "hyperparameter_search.real_md": (
        "Each trial trains the trainer's network ({net}, SGD, minilotes of {batch}) on the "
        "8 × 8 digits for the chosen number of epochs, with the learning rate and the L2 "
        "strength of the trial. Trials are ranked by validation accuracy; the test accuracy is "
        "read once, for the best trial only."
    ),
    "hyperparameter_search.method": "search",
    "hyperparameter_search.real_n": "trials",
    "hyperparameter_search.epochs": "epochs per trial",
    "hyperparameter_search.lr_range": "learning-rate range",
    "hyperparameter_search.l2_range": "L2 range",
    "hyperparameter_search.range_min": "{what}: from",
    "hyperparameter_search.range_max": "{what}: to",
    "hyperparameter_search.start": "Start the search",
    "hyperparameter_search.queued": "Waiting for a free training slot: you are number "
    "{position} in line. This server trains {k} run(s) at once so that every page stays quick. "
    "Your search starts by itself; Stop leaves the line.",
    "hyperparameter_search.stop": "Stop",
    "hyperparameter_search.stop_help": "The current trial ends after its current step; the "
    "remaining trials are dropped.",
    "hyperparameter_search.finish_now": "Finish now",
    "hyperparameter_search.finish_help": "Run the remaining trials at once, without the live view.",
    "hyperparameter_search.running": "Trial {i} of {n} ({method}): η = {lr}, λ = {l2}",
    "hyperparameter_search.finishing": "Training: {label}",
    "hyperparameter_search.cached": "These settings were already searched in this session: the "
    "results below are the stored ones, nothing was trained again.",
    "hyperparameter_search.partial": "The search was stopped after {done} of {n} trials.",
    "hyperparameter_search.none_yet": "Press Start to train the {n} trials.",
    "hyperparameter_search.col_method": "search",
    "hyperparameter_search.col_trial": "trial",
    "hyperparameter_search.col_lr": "η",
    "hyperparameter_search.col_l2": "λ (L2)",
    "hyperparameter_search.col_val": "validation accuracy",
    "hyperparameter_search.col_test": "test accuracy (best only)",
    "hyperparameter_search.col_epochs": "epochs run",
    "hyperparameter_search.best_line": (
        "Best trial of the {search}: η = {lr}, λ = {l2}, validation accuracy {val}, test accuracy {test}."
    ),
    "hyperparameter_search.other_line": (
        "The {search} with the same settings found validation accuracy {val} "
        "(test accuracy {test})."
    ),
    "hyperparameter_search.scatter_alt": (
        "Validation accuracy of {n} trials over the (η, λ) plane, both axes logarithmic: from "
        "{low} to {high}; the best at η = {lr}, λ = {l2}."
    ),
    # misconceptions
    "hyperparameter_search.misc_always": (
        "“Random search is better than a grid”. It is better **on "
        "average** when some hyperparameters matter much less than others; on a single problem "
        "the grid can win (here in {grid_wins} of the repetitions), and with one hyperparameter "
        "an evenly spaced grid is at least as good."
    ),
    "hyperparameter_search.misc_log": (
        "A range such as 10⁻⁵ to 1 can be sampled uniformly. For a "
        "learning rate or a penalty strength, what matters is the order of magnitude: sample "
        "the exponent uniformly (log-uniformly), or almost every trial lands in the top decade."
    ),
    "hyperparameter_search.misc_edge": (
        "“Refine around the best until it stops improving”. If the best "
        "trial sits at an edge of the range, the range was too narrow: widen it before "
        "refining. And each refinement on the same validation set fits that set a little; the "
        "test set is used once, at the end."
    ),
}

ES = {
    "hyperparameter_search.title": "Búsqueda de hiperparámetros",
    "hyperparameter_search.card": "Búsqueda en malla contra búsqueda aleatoria con el mismo "
    "presupuesto, la receta de lo grueso a lo fino para la tasa de aprendizaje y una búsqueda "
    "real sobre (tasa de aprendizaje, L2) con los dígitos.",
    "hyperparameter_search.intro": (
        "Con un presupuesto de n entrenamientos, ¿dónde conviene ponerlos? Una malla de "
        "n = k × k pruebas ensaya solo k valores de cada hiperparámetro; n pruebas aleatorias "
        "ensayan n valores de cada uno. Cuando un hiperparámetro importa mucho más que el otro, "
        "esa diferencia decide la búsqueda."
    ),
    "hyperparameter_search.points_header": "Nueve pruebas: malla contra aleatoria",
    "hyperparameter_search.points_md": (
        "El puntaje depende del hiperparámetro horizontal u a través de una campana angosta; el "
        "vertical, v, lo cambia a lo sumo en {minor}. Las franjas bajo cada gráfica son las "
        "proyecciones sobre el eje importante: los valores de u que de verdad se probaron."
    ),
    "hyperparameter_search.n": "presupuesto n (pruebas)",
    "hyperparameter_search.seed": "semilla",
    "hyperparameter_search.peak": "dónde es mejor u",
    "hyperparameter_search.method.grid": "malla",
    "hyperparameter_search.method.random": "aleatoria",
    "hyperparameter_search.phrase.grid": "búsqueda en malla",
    "hyperparameter_search.phrase.random": "búsqueda aleatoria",
    "hyperparameter_search.u": "hiperparámetro importante u",
    "hyperparameter_search.v": "hiperparámetro sin importancia v",
    "hyperparameter_search.score": "puntaje",
    "hyperparameter_search.distinct": "valores distintos de u",
    "hyperparameter_search.best": "mejor puntaje",
    "hyperparameter_search.points_alt": (
        "{method}: {n} pruebas ensayan {distinct} valores distintos del hiperparámetro "
        "importante; el mejor puntaje encontrado es {best}."
    ),
    "hyperparameter_search.grid_square": "Una malla necesita un cuadrado perfecto: aquí la malla "
    "usa {k} × {k} = {n2} pruebas.",
    "hyperparameter_search.formula_caption": "El puntaje de juguete: u importa, v no "
    "(c = {peak}, w = {width}, m = {minor}).",
    "hyperparameter_search.reps_header": "Sobre muchos problemas",
    "hyperparameter_search.reps_md": (
        "Cada repetición mueve el buen valor de u a un lugar al azar, como lo haría otro "
        "conjunto de datos u otro modelo, y sortea nuevas pruebas aleatorias; la malla no "
        "cambia. El histograma muestra el mejor puntaje que encontró cada método."
    ),
    "hyperparameter_search.reps": "repeticiones",
    "hyperparameter_search.mean_best": "mejor promedio, {method}",
    "hyperparameter_search.random_wins": "la aleatoria encuentra una prueba mejor",
    "hyperparameter_search.count": "repeticiones",
    "hyperparameter_search.reps_alt": (
        "En {reps} repeticiones con n = {n}: mejor puntaje promedio {grid} con la malla y "
        "{random} con la búsqueda aleatoria; la aleatoria encontró una prueba mejor en {wins} "
        "de ellas."
    ),
    "hyperparameter_search.ctf_header": "De lo grueso a lo fino para la tasa de aprendizaje",
    "hyperparameter_search.ctf_md": (
        "Se sortea la tasa de aprendizaje de forma log-uniforme en un rango amplio (cada década "
        "recibe la misma parte de las pruebas), se guardan las pocas mejores y se sortea de "
        "nuevo dentro del rango que abarcan. El puntaje aquí es una curva de juguete con su "
        "máximo en η* = {best_lr}; en el entrenador sería la exactitud de validación."
    ),
    "hyperparameter_search.ctf_n": "pruebas por ronda",
    "hyperparameter_search.ctf_rounds": "rondas",
    "hyperparameter_search.ctf_keep": "pruebas que se guardan",
    "hyperparameter_search.round": "ronda {i}",
    "hyperparameter_search.lr": "tasa de aprendizaje η",
    "hyperparameter_search.l2": "intensidad L2 λ",
    "hyperparameter_search.ctf_alt": (
        "Rondas de la búsqueda de lo grueso a lo fino, cada una con su rango y sus pruebas: "
        "{rounds}."
    ),
    "hyperparameter_search.ctf_alt_one": "ronda {i}: de {low} a {high}, mejor {best}",
    "hyperparameter_search.uniform_share": (
        "Con un sorteo uniforme (no logarítmico) en el mismo rango, {share} de las pruebas "
        "caería en la década más alta, [{low_top}, {high}]."
    ),
    "hyperparameter_search.real_header": "Una búsqueda real con los dígitos",
    "hyperparameter_search.real_md": (
        "Cada prueba entrena la red del entrenador ({net}, SGD, minilotes de {batch}) con los "
        "dígitos de 8 × 8 durante las épocas elegidas, con la tasa de aprendizaje y la "
        "intensidad L2 de la prueba. Las pruebas se ordenan por exactitud de validación; la "
        "exactitud de prueba se lee una sola vez, solo para la mejor."
    ),
    "hyperparameter_search.method": "búsqueda",
    "hyperparameter_search.real_n": "pruebas",
    "hyperparameter_search.epochs": "épocas por prueba",
    "hyperparameter_search.lr_range": "rango de la tasa de aprendizaje",
    "hyperparameter_search.l2_range": "rango de L2",
    "hyperparameter_search.range_min": "{what}: desde",
    "hyperparameter_search.range_max": "{what}: hasta",
    "hyperparameter_search.start": "Iniciar la búsqueda",
    "hyperparameter_search.queued": "Esperando un turno libre para entrenar: eres el número "
    "{position} de la fila. Este servidor entrena {k} corrida(s) a la vez para que todas las "
    "páginas sigan ágiles. Tu búsqueda empieza sola; Detener te saca de la fila.",
    "hyperparameter_search.stop": "Detener",
    "hyperparameter_search.stop_help": "La prueba en curso termina tras su paso actual; las "
    "pruebas restantes se descartan.",
    "hyperparameter_search.finish_now": "Terminar ya",
    "hyperparameter_search.finish_help": "Ejecuta de una vez las pruebas restantes, sin la "
    "vista en vivo.",
    "hyperparameter_search.running": "Prueba {i} de {n} ({method}): η = {lr}, λ = {l2}",
    "hyperparameter_search.finishing": "Entrenando: {label}",
    "hyperparameter_search.cached": "Estos ajustes ya se buscaron en esta sesión: los "
    "resultados de abajo son los guardados, no se volvió a entrenar nada.",
    "hyperparameter_search.partial": "La búsqueda se detuvo tras {done} de {n} pruebas.",
    "hyperparameter_search.none_yet": "Presiona Iniciar para entrenar las {n} pruebas.",
    "hyperparameter_search.col_method": "búsqueda",
    "hyperparameter_search.col_trial": "prueba",
    "hyperparameter_search.col_lr": "η",
    "hyperparameter_search.col_l2": "λ (L2)",
    "hyperparameter_search.col_val": "exactitud de validación",
    "hyperparameter_search.col_test": "exactitud de prueba (solo la mejor)",
    "hyperparameter_search.col_epochs": "épocas ejecutadas",
    "hyperparameter_search.best_line": (
        "Mejor prueba de la {search}: η = {lr}, λ = {l2}, exactitud de validación "
        "{val}, exactitud de prueba {test}."
    ),
    "hyperparameter_search.other_line": (
        "La {search} con los mismos ajustes alcanzó exactitud de validación {val} "
        "(exactitud de prueba {test})."
    ),
    "hyperparameter_search.scatter_alt": (
        "Exactitud de validación de {n} pruebas sobre el plano (η, λ), ambos ejes "
        "logarítmicos: de {low} a {high}; la mejor en η = {lr}, λ = {l2}."
    ),
    "hyperparameter_search.misc_always": (
        "«La búsqueda aleatoria es mejor que la malla». Es mejor **en "
        "promedio** cuando algunos hiperparámetros importan mucho menos que otros; en un "
        "problema concreto la malla puede ganar (aquí en {grid_wins} de las repeticiones), y "
        "con un solo hiperparámetro una malla equiespaciada es al menos igual de buena."
    ),
    "hyperparameter_search.misc_log": (
        "Un rango como 10⁻⁵ a 1 se puede muestrear de forma uniforme. "
        "En una tasa de aprendizaje o una intensidad de penalización lo que importa es el orden "
        "de magnitud: se sortea el exponente de forma uniforme (log-uniforme), o casi todas "
        "las pruebas caen en la década más alta."
    ),
    "hyperparameter_search.misc_edge": (
        "«Refinar alrededor de la mejor hasta que deje de mejorar». Si "
        "la mejor prueba queda en un borde del rango, el rango era demasiado angosto: hay que "
        "ampliarlo antes de refinar. Además, cada refinamiento sobre el mismo conjunto de "
        "validación se ajusta un poco a ese conjunto; el conjunto de prueba se usa una sola "
        "vez, al final."
    ),
}

# ValueError messages of core.search whose shape ui.i18n does not translate by itself.
ES_ERRORS = [
    (
        r"^n must be a perfect square for a grid, got (.+)$",
        r"n debe ser un cuadrado perfecto para una malla; se recibió \1",
    ),
    (
        r"^method must be 'grid' or 'random', got (.+)$",
        r"la búsqueda debe ser 'grid' o 'random'; se recibió \1",
    ),
    (r"^each bound must have low < high$", r"cada rango debe cumplir mínimo < máximo"),
    (
        r"^bounds must be two \(low, high\) pairs, got (.+)$",
        r"los rangos deben ser dos pares (mínimo, máximo); se recibió \1",
    ),
    (r"^bounds must be finite$", r"los rangos deben ser finitos"),
    (
        r"^a log axis needs bounds > 0, got low = (.+)$",
        r"un eje logarítmico necesita un rango > 0; se recibió mínimo = \1",
    ),
    (r"^log must be two booleans, got (.+)$", r"log debe ser un par de booleanos; se recibió \1"),
    (r"^points must lie inside the bounds$", r"los puntos deben quedar dentro de los rangos"),
    (
        r"^points must lie in the unit square \[0, 1\]²$",
        r"los puntos deben quedar en el cuadrado unitario [0, 1]²",
    ),
    (r"^peak must lie in \[0, 1\]$", r"peak debe estar en [0, 1]"),
    (
        r"^objective must be a function of the (points|learning rates)$",
        r"objective debe ser una función de los puntos o de las tasas",
    ),
    (
        r"^objective must return (\d+) finite scores$",
        r"objective debe devolver \1 puntajes finitos",
    ),
    (
        r"^low must be < high, got low = (.+), high = (.+)$",
        r"low debe ser < high; se recibió low = \1, high = \2",
    ),
]
