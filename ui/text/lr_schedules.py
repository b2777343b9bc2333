"""Strings of the page "Learning-rate schedules"."""

EN = {
    "lr_schedules.title": "Learning-rate schedules",
    "lr_schedules.card": "Step, exponential, 1/t, cosine and warm restarts on one chart, with "
    "warm-up, what decaying the rate does to SGD on a noisy quadratic, and where to place a step "
    "decay on a real run.",
    "lr_schedules.intro": (
        "A schedule makes the learning rate η a function of the epoch: large early on, to make "
        "progress, and small at the end, so that noisy mini-batch steps settle down. Draw several "
        "schedules on one chart, then let each one drive SGD on a quadratic with noisy gradients "
        "and compare where they end."
    ),
    "lr_schedules.shape_header": "The schedules",
    "lr_schedules.lr0": "initial learning rate η₀",
    "lr_schedules.epochs": "epochs",
    "lr_schedules.warmup": "linear warm-up (epochs)",
    "lr_schedules.warmup_help": "W epochs that climb linearly to η₀ before the schedule starts "
    "from its own epoch 0.",
    "lr_schedules.choose": "schedules",
    "lr_schedules.none_chosen": "Choose at least one schedule.",
    "lr_schedules.name.none": "constant",
    "lr_schedules.name.step": "step",
    "lr_schedules.name.exponential": "exponential",
    "lr_schedules.name.inverse_time": "1/t (inverse time)",
    "lr_schedules.name.cosine": "cosine",
    "lr_schedules.name.cosine_restarts": "cosine with warm restarts",
    "lr_schedules.none_note": "η stays at η₀: the reference.",
    "lr_schedules.step_size": "epochs per step s",
    "lr_schedules.k_equiv": "the same as η₀·e^(−kt) with k = −ln γ = {k}",
    "lr_schedules.t_max_note": "T_max = {T_max}: one half-cosine down to η_min by the last epoch.",
    "lr_schedules.log_lr": "logarithmic η axis",
    "lr_schedules.x_epoch": "epoch",
    "lr_schedules.y_lr": "learning rate η",
    "lr_schedules.lr_alt": "Learning rate per epoch over {epochs} epochs, starting from "
    "η₀ = {lr0}. First, middle and last values: {each}.",
    "lr_schedules.lr_alt_one": "{name} {first}, {mid}, {last}",
    "lr_schedules.about.none": "A constant rate: the baseline every schedule is compared with.",
    "lr_schedules.about.step": "Multiply η by γ every s epochs: the classic “divide by 10 at "
    "epochs 30, 60 and 90” recipe.",
    "lr_schedules.about.exponential": "Multiply η by γ every epoch. Written with a decay rate "
    "k it is η₀e^(−kt): the same schedule with γ = e^(−k).",
    "lr_schedules.about.inverse_time": "Decays like 1/t: fast at first, then ever more slowly. "
    "The sum of the rates still grows without bound, so progress never stops completely.",
    "lr_schedules.about.cosine": "Half a cosine from η₀ down to η_min: the rate stays high for "
    "a long time and then eases into small steps.",
    "lr_schedules.about.cosine_restarts": (
        "The cosine is restarted at η₀ after T₀ epochs, then after T₀·T_mult, T₀·T_mult², … "
        "Each restart throws the iterate out a little; the short periods of high η explore, the "
        "ends of the periods settle."
    ),
    "lr_schedules.warmup_md": "With warm-up the first {W} epochs use η₀/(W + 1), 2η₀/(W + 1), … "
    "(starting at {first}); then the schedule starts from its own epoch 0.",
    # effect
    "lr_schedules.effect_header": "Effect on a noisy quadratic",
    "lr_schedules.effect_md": (
        "SGD on f(z) = ½(x² + κy²) from (−2.5, 1.5), with Gaussian noise of size σ added to "
        "every gradient, as a mini-batch would. Every schedule gets the same noise; each epoch "
        "takes a fixed number of steps at that epoch's η. The numbers are averages over "
        "independent runs."
    ),
    "lr_schedules.kappa": "condition number κ",
    "lr_schedules.sigma": "gradient noise σ",
    "lr_schedules.spe": "steps per epoch",
    "lr_schedules.runs": "independent runs",
    "lr_schedules.seed": "seed",
    "lr_schedules.m_limit": "SGD is stable for η below (2/λ_max)",
    "lr_schedules.m_floor": "noise floor of constant η₀",
    "lr_schedules.m_best": "lowest final loss",
    "lr_schedules.above_limit": (
        "η₀ = {lr0} is not below 2/λ_max = {limit} (κ = {kappa}): with a constant rate SGD "
        "diverges here. A schedule only survives if it brings η under the limit before the "
        "iterates blow up — try warm-up, or a smaller η₀."
    ),
    "lr_schedules.col_schedule": "schedule",
    "lr_schedules.col_lr_last": "last η",
    "lr_schedules.col_final": "mean final loss",
    "lr_schedules.col_se": "± std. error",
    "lr_schedules.col_floor_last": "floor of the last η",
    "lr_schedules.col_diverged": "runs diverged",
    "lr_schedules.floor_label": "noise floor of constant η₀",
    "lr_schedules.y_loss": "mean loss at the end of the epoch (log)",
    "lr_schedules.y_final": "mean final loss (log), ± 2 std. errors",
    "lr_schedules.loss_alt": "Mean loss over {runs} runs at the end of each epoch, log scale; "
    "the dashed line is the noise floor of constant η₀ ({floor}). Final means: {finals}.",
    "lr_schedules.final_alt": "Mean final loss of each schedule over {runs} runs, with ±2 "
    "standard errors: {finals}.",
    "lr_schedules.traj_alt": "Path of the first run of each schedule on the map of the "
    "quadratic (κ = {kappa}, σ = {sigma}); the minimum is at the origin. Final distance to it: "
    "{ends}.",
    "lr_schedules.traj_alt_one": "{name} {dist}",
    "lr_schedules.cloud_alt": "Final point of each of the {runs} runs, zoomed to ±{R} around "
    "the minimum: the tighter the cloud, the smaller the final loss. Root-mean-square distance "
    "to the minimum: {spread}.",
    "lr_schedules.cloud_alt_one": "{name} {rms}",
    "lr_schedules.read_header": "What the numbers show",
    "lr_schedules.read_md": (
        "With a constant rate, SGD does not converge to the minimum: the gradient noise keeps "
        "kicking it, and the expected loss levels off at the floor above — {floor} for "
        "η₀ = {lr0}. The floor is roughly proportional to η, so lowering η at the end lowers "
        "it. Lowering η too early has the opposite cost: steps become small while the iterate "
        "is still far away (try a short step size or a large k). Good schedules keep η large "
        "while there is ground to cover and small once the noise dominates; the table compares "
        "each schedule's result with the floor its last η would give if held for long."
    ),
    "lr_schedules.misc_header": "Common misconceptions",
    "lr_schedules.misc_slope": (
        "A schedule does not look at the landscape: it lowers η according to the epoch number "
        "only. Taking “long steps on slopes and short steps on flat parts” is what the gradient "
        "itself already does (its size is the slope), and adapting η per parameter from "
        "gradient statistics is what AdaGrad, RMSProp and Adam do."
    ),
    "lr_schedules.misc_converge": (
        "With a constant learning rate, however small, SGD does not end at the minimum: with noisy "
        "gradients it wanders in a region whose expected loss is proportional to η. Reaching the "
        "minimum itself needs η → 0 (with Σηₜ = ∞ so it can still get there), which is what a "
        "decaying schedule provides."
    ),
    "lr_schedules.recipe_header": "The practical recipe: find the plateau, decay there",
    "lr_schedules.recipe_md": (
        "In practice the step decay is often placed by looking at a run: train at a constant "
        "rate, watch the loss, and where it stops improving (and only jitters) divide the rate. "
        "Here that is done on a real, small run: a 64-32-10 ReLU network trained with plain "
        "mini-batch SGD (batch 64, L2 0.01) on the 8×8 digits, 1,258 images for training and "
        '539 for validation, in NumPy. The rule that decides "it stopped improving" is '
        "PyTorch's `ReduceLROnPlateau`: an epoch improves when its loss is below (1 − τ) times "
        "the best so far; after p + 1 epochs in a row without improvement the loss has "
        "plateaued. The second run is the same run (same seed, same mini-batches) with a single "
        "step decay placed at that epoch: `MultiStepLR(milestones=[t*], gamma=γ)`."
    ),
    "lr_schedules.recipe_lr0": "constant rate η₀",
    "lr_schedules.recipe_gamma": "decay factor γ",
    "lr_schedules.recipe_patience": "patience p (epochs)",
    "lr_schedules.recipe_threshold": "threshold τ (relative)",
    "lr_schedules.recipe_monitor": "watch",
    "lr_schedules.recipe_monitor.val": "validation loss",
    "lr_schedules.recipe_monitor.train": "training loss",
    "lr_schedules.recipe_seed": "seed",
    "lr_schedules.recipe_epochs": "epochs",
    "lr_schedules.recipe_run.constant": "constant η₀",
    "lr_schedules.recipe_run.decayed": "decayed at the plateau",
    "lr_schedules.recipe_curve.train": "training",
    "lr_schedules.recipe_curve.val": "validation",
    "lr_schedules.recipe_y_loss": "cross-entropy",
    "lr_schedules.recipe_m_plateau": "plateau found after epoch",
    "lr_schedules.recipe_m_val": "final validation loss",
    "lr_schedules.recipe_m_acc": "final validation accuracy",
    "lr_schedules.recipe_no_plateau": (
        "The {monitor} did not plateau within {epochs} epochs by this rule (patience {patience}, "
        "threshold {threshold}): there is nowhere to put the decay yet. Train longer, or accept "
        "a smaller improvement as none (a larger τ)."
    ),
    "lr_schedules.recipe_alt": (
        "Training and validation cross-entropy per epoch of two runs with the same seed: "
        "constant rate {lr0} and the same run with the rate multiplied by {gamma} after epoch "
        "{plateau}, where the {monitor} plateaued (dotted rule). Final validation loss: constant "
        "{val_const}, decayed {val_dec}."
    ),
    "lr_schedules.recipe_alt_none": (
        "Training and validation cross-entropy per epoch at the constant rate {lr0}; no plateau "
        "found, final validation loss {val_const}."
    ),
    "lr_schedules.recipe_read": (
        "Reading it: before the decay the two runs are the same numbers. After it, the "
        "training loss drops at once: at the constant rate the mini-batch noise kept the "
        "weights moving around the minimum of the (L2-regularized) objective, and a smaller "
        "rate lets them settle. Move the seed: the plateau epoch moves (by ten epochs or so), "
        "and the training loss still drops right after the decay."
    ),
    "lr_schedules.misc_decay_early": (
        "Decaying as early as possible is not the goal. Divide the rate before the loss has "
        "stopped falling and the run slows down for good; the plateau is the signal that the "
        "large rate has done what it can."
    ),
}

ES = {
    "lr_schedules.title": "Calendarios de la tasa de aprendizaje",
    "lr_schedules.card": "Escalonado, exponencial, 1/t, coseno y reinicios en una sola gráfica, "
    "con calentamiento, qué hace bajar la tasa a SGD en una cuadrática con ruido, y dónde poner "
    "un escalón de decaimiento en una corrida real.",
    "lr_schedules.intro": (
        "Un calendario convierte la tasa de aprendizaje η en una función de la época: grande al "
        "principio, para avanzar, y chica al final, para que los pasos ruidosos de los "
        "minilotes se asienten. Dibuja varios calendarios en una gráfica y luego deja que cada "
        "uno guíe a SGD en una cuadrática con gradientes ruidosos para comparar dónde terminan."
    ),
    "lr_schedules.shape_header": "Los calendarios",
    "lr_schedules.lr0": "tasa de aprendizaje inicial η₀",
    "lr_schedules.epochs": "épocas",
    "lr_schedules.warmup": "calentamiento lineal (épocas)",
    "lr_schedules.warmup_help": "W épocas que suben linealmente hasta η₀ antes de que el "
    "calendario arranque desde su propia época 0.",
    "lr_schedules.choose": "calendarios",
    "lr_schedules.none_chosen": "Elige al menos un calendario.",
    "lr_schedules.name.none": "constante",
    "lr_schedules.name.step": "escalonado",
    "lr_schedules.name.exponential": "exponencial",
    "lr_schedules.name.inverse_time": "1/t (tiempo inverso)",
    "lr_schedules.name.cosine": "coseno",
    "lr_schedules.name.cosine_restarts": "coseno con reinicios",
    "lr_schedules.none_note": "η se queda en η₀: la referencia.",
    "lr_schedules.step_size": "épocas por escalón s",
    "lr_schedules.k_equiv": "lo mismo que η₀·e^(−kt) con k = −ln γ = {k}",
    "lr_schedules.t_max_note": "T_max = {T_max}: medio coseno que baja hasta η_min en la última "
    "época.",
    "lr_schedules.log_lr": "eje de η logarítmico",
    "lr_schedules.x_epoch": "época",
    "lr_schedules.y_lr": "tasa de aprendizaje η",
    "lr_schedules.lr_alt": "Tasa de aprendizaje por época durante {epochs} épocas, desde "
    "η₀ = {lr0}. Valores primero, a la mitad y último: {each}.",
    "lr_schedules.lr_alt_one": "{name} {first}, {mid}, {last}",
    "lr_schedules.about.none": "Una tasa constante: la base contra la que se compara todo "
    "calendario.",
    "lr_schedules.about.step": "Multiplica η por γ cada s épocas: la receta clásica de «dividir "
    "entre 10 en las épocas 30, 60 y 90».",
    "lr_schedules.about.exponential": "Multiplica η por γ en cada época. Escrito con una tasa de "
    "decaimiento k queda η₀e^(−kt): el mismo calendario con γ = e^(−k).",
    "lr_schedules.about.inverse_time": "Decae como 1/t: rápido al principio y cada vez más "
    "despacio. La suma de las tasas sigue creciendo sin límite, así que el avance nunca se "
    "detiene del todo.",
    "lr_schedules.about.cosine": "Medio coseno desde η₀ hasta η_min: la tasa se mantiene alta "
    "mucho tiempo y luego pasa suavemente a pasos chicos.",
    "lr_schedules.about.cosine_restarts": (
        "El coseno vuelve a empezar en η₀ tras T₀ épocas, luego tras T₀·T_mult, T₀·T_mult², … "
        "Cada reinicio saca un poco al iterado de donde estaba; los tramos de η alto exploran y "
        "los finales de cada periodo se asientan."
    ),
    "lr_schedules.warmup_md": "Con calentamiento, las primeras {W} épocas usan η₀/(W + 1), "
    "2η₀/(W + 1), … (empezando en {first}); después el calendario arranca desde su propia "
    "época 0.",
    "lr_schedules.effect_header": "Efecto en una cuadrática con ruido",
    "lr_schedules.effect_md": (
        "SGD en f(z) = ½(x² + κy²) desde (−2.5, 1.5), con ruido gaussiano de tamaño σ sumado a "
        "cada gradiente, como haría un minilote. Todos los calendarios reciben el mismo ruido; "
        "cada época da un número fijo de pasos con el η de esa época. Los números son promedios "
        "sobre corridas independientes."
    ),
    "lr_schedules.kappa": "número de condición κ",
    "lr_schedules.sigma": "ruido del gradiente σ",
    "lr_schedules.spe": "pasos por época",
    "lr_schedules.runs": "corridas independientes",
    "lr_schedules.seed": "semilla",
    "lr_schedules.m_limit": "SGD es estable para η menor que (2/λ_max)",
    "lr_schedules.m_floor": "piso de ruido con η₀ constante",
    "lr_schedules.m_best": "menor pérdida final",
    "lr_schedules.above_limit": (
        "η₀ = {lr0} no está por debajo de 2/λ_max = {limit} (κ = {kappa}): con tasa constante, "
        "SGD diverge aquí. Un calendario solo se salva si lleva η por debajo del límite antes de "
        "que los iterados exploten; prueba con calentamiento o con un η₀ más chico."
    ),
    "lr_schedules.col_schedule": "calendario",
    "lr_schedules.col_lr_last": "último η",
    "lr_schedules.col_final": "pérdida final media",
    "lr_schedules.col_se": "± error estándar",
    "lr_schedules.col_floor_last": "piso del último η",
    "lr_schedules.col_diverged": "corridas divergentes",
    "lr_schedules.floor_label": "piso de ruido con η₀ constante",
    "lr_schedules.y_loss": "pérdida media al final de la época (log)",
    "lr_schedules.y_final": "pérdida final media (log), ± 2 errores estándar",
    "lr_schedules.loss_alt": "Pérdida media de {runs} corridas al final de cada época, en escala "
    "log; la línea punteada es el piso de ruido con η₀ constante ({floor}). Medias finales: "
    "{finals}.",
    "lr_schedules.final_alt": "Pérdida final media de cada calendario en {runs} corridas, con ±2 "
    "errores estándar: {finals}.",
    "lr_schedules.traj_alt": "Trayectoria de la primera corrida de cada calendario sobre el mapa "
    "de la cuadrática (κ = {kappa}, σ = {sigma}); el mínimo está en el origen. Distancia final "
    "al mínimo: {ends}.",
    "lr_schedules.traj_alt_one": "{name} {dist}",
    "lr_schedules.cloud_alt": "Punto final de cada una de las {runs} corridas, ampliado a ±{R} "
    "alrededor del mínimo: cuanto más apretada la nube, menor la pérdida final. Distancia "
    "cuadrática media al mínimo: {spread}.",
    "lr_schedules.cloud_alt_one": "{name} {rms}",
    "lr_schedules.read_header": "Qué muestran los números",
    "lr_schedules.read_md": (
        "Con una tasa constante, SGD no converge al mínimo: el ruido del gradiente lo sigue "
        "empujando y la pérdida esperada se estanca en el piso de arriba, {floor} con "
        "η₀ = {lr0}. El piso es más o menos proporcional a η, así que bajar η al final lo baja. "
        "Bajar η demasiado pronto tiene el costo contrario: los pasos se achican cuando el "
        "iterado todavía está lejos (prueba un escalón corto o un k grande). Los buenos "
        "calendarios mantienen η grande mientras queda camino y chico cuando domina el ruido; "
        "la tabla compara el resultado de cada uno con el piso que daría su último η si se "
        "mantuviera mucho tiempo."
    ),
    "lr_schedules.misc_header": "Ideas erróneas frecuentes",
    "lr_schedules.misc_slope": (
        "Un calendario no mira el terreno: baja η solo según el número de época. Dar «pasos "
        "largos en las pendientes y cortos en lo plano» ya lo hace el gradiente mismo (su tamaño "
        "es la pendiente), y adaptar η por parámetro a partir de estadísticas del gradiente es lo "
        "que hacen AdaGrad, RMSProp y Adam."
    ),
    "lr_schedules.misc_converge": (
        "Con una tasa de aprendizaje constante, por chica que sea, SGD no termina en el mínimo: "
        "con gradientes ruidosos deambula en una región cuya pérdida esperada es proporcional a "
        "η. Llegar al mínimo mismo requiere η → 0 (con Σηₜ = ∞ para que aún pueda llegar), y eso "
        "es lo que aporta un calendario que decae."
    ),
    "lr_schedules.recipe_header": "La receta práctica: encontrar la meseta y decaer ahí",
    "lr_schedules.recipe_md": (
        "En la práctica, el decaimiento escalonado suele ubicarse mirando una corrida: se "
        "entrena con tasa constante, se observa la pérdida y, donde deja de mejorar (y solo "
        "oscila), se divide la tasa. Aquí se hace sobre una corrida real y pequeña: una red "
        "ReLU 64-32-10 entrenada con SGD por minilotes (lote 64, L2 0.01) en los dígitos de "
        "8×8, con 1,258 imágenes de entrenamiento y 539 de validación, en NumPy. La regla que "
        'decide "dejó de mejorar" es la de `ReduceLROnPlateau` de PyTorch: una época mejora '
        "si su pérdida queda por debajo de (1 − τ) veces la mejor hasta entonces; tras p + 1 "
        "épocas seguidas sin mejora, la pérdida llegó a una meseta. La segunda corrida es la "
        "misma (misma semilla, mismos minilotes) con un solo escalón de decaimiento en esa "
        "época: `MultiStepLR(milestones=[t*], gamma=γ)`."
    ),
    "lr_schedules.recipe_lr0": "tasa constante η₀",
    "lr_schedules.recipe_gamma": "factor de decaimiento γ",
    "lr_schedules.recipe_patience": "paciencia p (épocas)",
    "lr_schedules.recipe_threshold": "umbral τ (relativo)",
    "lr_schedules.recipe_monitor": "observar",
    "lr_schedules.recipe_monitor.val": "pérdida de validación",
    "lr_schedules.recipe_monitor.train": "pérdida de entrenamiento",
    "lr_schedules.recipe_seed": "semilla",
    "lr_schedules.recipe_epochs": "épocas",
    "lr_schedules.recipe_run.constant": "η₀ constante",
    "lr_schedules.recipe_run.decayed": "con decaimiento en la meseta",
    "lr_schedules.recipe_curve.train": "entrenamiento",
    "lr_schedules.recipe_curve.val": "validación",
    "lr_schedules.recipe_y_loss": "entropía cruzada",
    "lr_schedules.recipe_m_plateau": "meseta detectada tras la época",
    "lr_schedules.recipe_m_val": "pérdida de validación final",
    "lr_schedules.recipe_m_acc": "exactitud de validación final",
    "lr_schedules.recipe_no_plateau": (
        "La {monitor} no llegó a una meseta en {epochs} épocas según esta regla (paciencia "
        "{patience}, umbral {threshold}): todavía no hay dónde poner el decaimiento. Entrena "
        "más épocas o acepta una mejora menor como ninguna (un τ mayor)."
    ),
    "lr_schedules.recipe_alt": (
        "Entropía cruzada de entrenamiento y de validación por época de dos corridas con la "
        "misma semilla: tasa constante {lr0} y la misma corrida con la tasa multiplicada por "
        "{gamma} después de la época {plateau}, donde la {monitor} llegó a una meseta (línea "
        "punteada). Pérdida de validación final: constante {val_const}, con decaimiento "
        "{val_dec}."
    ),
    "lr_schedules.recipe_alt_none": (
        "Entropía cruzada de entrenamiento y de validación por época con la tasa constante "
        "{lr0}; sin meseta, pérdida de validación final {val_const}."
    ),
    "lr_schedules.recipe_read": (
        "Cómo leerlo: antes del decaimiento, las dos corridas dan los mismos números. Después, "
        "la pérdida de entrenamiento baja de inmediato: con la tasa constante, el ruido de los "
        "minilotes mantenía los pesos moviéndose alrededor del mínimo del objetivo (con L2), y "
        "una tasa menor les permite asentarse. Cambia la semilla: la época de la meseta se "
        "mueve (unas diez épocas), y la pérdida de entrenamiento sigue bajando justo después "
        "del decaimiento."
    ),
    "lr_schedules.misc_decay_early": (
        "Decaer lo antes posible no es la meta. Si divides la tasa antes de que la pérdida deje "
        "de bajar, la corrida se frena para siempre; la meseta es la señal de que la tasa "
        "grande ya hizo lo que podía."
    ),
}

# Spanish for core/schedules.py messages that are not of the generic shapes.
ES_ERRORS = [
    (
        r"^unknown schedule '(.+)'; expected one of (.+)$",
        r"calendario desconocido '\1'; se esperaba uno de \2",
    ),
    (
        r"^unknown parameter '(.+)' for schedule (\S+); expected one of (.+)$",
        r"parámetro desconocido '\1' para el calendario \2; se esperaba uno de \3",
    ),
    (
        r"^lr must be < (\S+) \(2/lambda_max\), got (.+)$",
        r"lr debe ser < \1 (2/lambda_max); se recibió \2",
    ),
    (r"^lams must be > 0, got (.+)$", r"lams debe ser > 0; se recibió \1"),
    (r"^x0 must have shape \(2,\), got shape (.+)$", r"x0 debe tener forma (2,); tiene forma \1"),
    (
        r"^the run diverged: the loss became NaN or infinite; lower the rate$",
        r"la corrida divergió: la pérdida se volvió NaN o infinita; baja la tasa",
    ),
]
