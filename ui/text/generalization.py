"""Strings of the page "Generalization: ensembles, augmentation, transfer"."""

EN = {
    "generalization.title": "Generalization: ensembles, augmentation, transfer",
    "generalization.card": "Average several networks, take snapshots of one, augment the digits, "
    "and reuse what was learnt on 0–4 for 5–9: measured here, on digits.",
    "generalization.intro": (
        "Four ways to do better on images the network has never seen, each tried on "
        "scikit-learn's 8×8 digits. Every experiment starts on a button and is kept for its "
        "settings, so moving back to settings you already ran shows the result at once. The "
        "settings are in the link; the numbers depend only on them (same seed, same numbers)."
    ),
    "generalization.run": "Train",
    "generalization.seed": "seed",
    "generalization.epochs": "epochs",
    "generalization.width": "hidden units",
    "generalization.not_run": "Press **Train** to run this experiment with these settings.",
    "generalization.progress": "Training {what} {i} of {n}…",
    "generalization.queued": "Waiting for a free training slot: you are number {position} in "
    "line (this server trains {k} run(s) at once so that every page stays quick). Your "
    "training starts by itself.",
    "generalization.accuracy": "test accuracy",
    # ensembles
    "generalization.ens_header": "1 · Ensembles of independently trained networks",
    "generalization.ens_md": (
        "Train K networks that differ only in their seed (initial weights, shuffling and "
        "validation split: member i uses seed + i) and average their **softmax probabilities**; "
        "the ensemble predicts the class with the largest mean probability. Each member makes "
        "its own mistakes; where they disagree, averaging often lands on the right class."
    ),
    "generalization.ens_k": "members K",
    "generalization.member": "member",
    "generalization.member_label": "seed {seed}",
    "generalization.ens_mean": "mean of the members",
    "generalization.ens_best": "best member",
    "generalization.ens_acc": "ensemble",
    "generalization.ens_gain": "ensemble − mean member",
    "generalization.ens_claim": (
        "The slides claim about **+{claim} points for {k} models**. Here, with {n} members "
        "(seeds {first}–{last}), the ensemble scores **{ens}** against a mean member of "
        "**{mean}**: **{gain:+.1f} points**."
    ),
    "generalization.ens_alt": (
        "Test accuracy of {n} members from {lo} to {hi}; their mean {mean}; the ensemble {ens}."
    ),
    # snapshots
    "generalization.snap_header": "2 · Snapshot ensembles (cosine restarts)",
    "generalization.snap_md": (
        "One run, several models for free: the learning rate follows a cosine from 0.1 down to "
        "0 in each cycle and jumps back up at the start of the next (warm restarts). At the end "
        "of each cycle, with the rate near 0, the weights are saved (a *snapshot*); the restart "
        "pushes the network out towards another minimum. The snapshots' probabilities are "
        "averaged like an ensemble's."
    ),
    "generalization.snap_k": "snapshots (cycles)",
    "generalization.snap_cycle": "epochs per cycle",
    "generalization.snapshot": "snapshot",
    "generalization.snap_label": "end of cycle {i}",
    "generalization.snap_last": "last snapshot (end of training)",
    "generalization.snap_ens": "snapshot ensemble",
    "generalization.snap_bestval": "lowest validation loss",
    "generalization.snap_alt": (
        "Test accuracy of {n} snapshots from {lo} to {hi}; the last one {last}; their average "
        "{ens}."
    ),
    # augmentation
    "generalization.aug_header": "3 · Data augmentation",
    "generalization.aug_md": (
        "Make new training images from the ones we have, with changes that keep the label: "
        "shift a digit by one pixel, turn it by up to 15°. The network sees a different version "
        "of each image every epoch. Whole mini-batches are transformed at once, and only the "
        "training images: validation and test images are never changed."
    ),
    "generalization.aug_kind": "augmentation",
    "generalization.aug.shift": "shift (±1 px)",
    "generalization.aug.rotate": "rotation (±15°)",
    "generalization.aug.shift_rotate": "shift and rotation",
    "generalization.gallery": "Each row: an original training digit, then {n} random versions "
    "of it (seed {seed}).",
    "generalization.original": "original",
    "generalization.version": "version {i}",
    "generalization.aug_share": "share of the training images",
    "generalization.aug_compare": (
        "The same network on a small share of the training images, without and with "
        "augmentation: same seed, so the same images, initial weights and mini-batches."
    ),
    "generalization.aug_without": "without augmentation",
    "generalization.aug_with": "with {kind}",
    "generalization.aug_n": "{n} training images",
    "generalization.aug_alt": (
        "Validation accuracy by epoch, without augmentation (best {plain}) and with {kind} "
        "(best {aug}); test accuracy {test_plain} and {test_aug}."
    ),
    "generalization.val_acc": "validation accuracy",
    "generalization.epoch": "epoch",
    "generalization.run_col": "run",
    # transfer
    "generalization.tr_header": "4 · Transfer learning: from digits 0–4 to 5–9",
    "generalization.tr_md": (
        "A network is trained on every training image of the digits 0–4. For 5–9 we pretend to "
        "have only a few labelled images per class and compare three networks of the same "
        "shape, fitted on the same images with the same optimizer, steps and new output layer:"
        "\n\n- **from scratch**: every weight random (no transfer);"
        "\n- **fine-tuning**: hidden layers copied from the 0–4 network, every layer trained;"
        "\n- **last layer only**: hidden layers copied and frozen, only the output layer trained."
        "\n\nEach is scored on every test image of the digits 5–9."
    ),
    "generalization.tr_strategy": "strategy",
    "generalization.tr.scratch": "from scratch",
    "generalization.tr.finetune": "fine-tuning",
    "generalization.tr.last_layer": "last layer only",
    "generalization.tr_shots": "labelled images per class",
    "generalization.tr_source": "The 0–4 network ({n} training images) scores **{acc}** on the "
    "test images of 0–4; the curves below use the {n_test} test images of 5–9.",
    "generalization.tr_alt": (
        "Test accuracy on the digits 5–9 against labelled images per class. With {k} per "
        "class: from scratch {scratch}, fine-tuning {finetune}, last layer only {last}."
    ),
    "generalization.tr_params": "trainable parameters",
    # misconceptions
    "generalization.misc_header": "5 · What the slides leave vague",
    "generalization.misc_gain": (
        "“An ensemble of 10 models gains about 2 %” is not a constant. The gain depends on how "
        "good and how different the members are: members that are already near the best "
        "accuracy, or that make the same mistakes, leave little to gain. Above, measure it for "
        "your settings instead of quoting a number."
    ),
    "generalization.misc_dropout": (
        "Reading dropout as “an ensemble of thinned networks” only works at test time with the "
        "same scaling rule as on the Dropout page: multiply by the **keep** probability "
        "(or divide by it while training, inverted dropout). Even then the full network is an "
        "approximation of the average: it is exact for a linear unit, not after a nonlinearity."
    ),
    "generalization.misc_snapshot": (
        "Snapshots are not any checkpoints saved during training: they are taken at the end of "
        "each cycle of a schedule with **restarts**, where the rate is near 0. Without the "
        "restarts, consecutive checkpoints sit in the same minimum and their average is nearly "
        "one model."
    ),
    "generalization.misc_augment": (
        "Augmentation must keep the label. Small shifts and rotations keep a digit what it is, "
        "but a 180° turn makes a 6 a 9, and a mirror image changes a 2 or a 5: the "
        "transformations come from what the task does not care about, not from a fixed list. "
        "Nor is it free: scikit-learn's 8×8 digits are already centred, and a one-pixel shift "
        "moves an eighth of the image, so the shifted digits may look less like the test "
        "digits than the originals do. Measure before assuming it helps."
    ),
    "generalization.misc_transfer": (
        "Transfer is not a free gain. It helps when the source task's features are useful for "
        "the new task and labelled data are scarce; on 8×8 digits the raw pixels are already good "
        "features, and the curves above show when the copied layers help and when they do not. "
        "The slides' “lower learning rate, 1/10 of the original” for fine-tuning is a rule of "
        "thumb, not a law."
    ),
}

ES = {
    "generalization.title": "Generalización: ensambles, aumento de datos, transferencia",
    "generalization.card": "Promedia varias redes, toma instantáneas de una, aumenta los dígitos "
    "y reutiliza lo aprendido en 0–4 para 5–9: medido aquí, con dígitos.",
    "generalization.intro": (
        "Cuatro maneras de acertar más en imágenes que la red nunca vio, cada una probada con los "
        "dígitos de 8×8 de scikit-learn. Cada experimento empieza con un botón y se guarda para "
        "su configuración: al volver a una configuración ya entrenada, el resultado aparece al "
        "instante. La configuración va en el enlace; los números dependen solo de ella (misma "
        "semilla, mismos números)."
    ),
    "generalization.run": "Entrenar",
    "generalization.seed": "semilla",
    "generalization.epochs": "épocas",
    "generalization.width": "unidades ocultas",
    "generalization.not_run": "Presiona **Entrenar** para correr este experimento con esta "
    "configuración.",
    "generalization.progress": "Entrenando {what} {i} de {n}…",
    "generalization.queued": "Esperando un turno libre para entrenar: eres el número {position} "
    "de la fila (este servidor entrena {k} corrida(s) a la vez para que todas las páginas sigan "
    "ágiles). Tu entrenamiento empieza solo.",
    "generalization.accuracy": "exactitud en prueba",
    # ensembles
    "generalization.ens_header": "1 · Ensambles de redes entrenadas por separado",
    "generalization.ens_md": (
        "Entrena K redes que solo difieren en su semilla (pesos iniciales, orden de los datos y "
        "partición de validación: el miembro i usa la semilla + i) y promedia sus "
        "**probabilidades softmax**; el ensamble predice la clase con la mayor probabilidad "
        "media. Cada miembro se equivoca a su manera; donde no coinciden, el promedio suele caer "
        "en la clase correcta."
    ),
    "generalization.ens_k": "miembros K",
    "generalization.member": "miembro",
    "generalization.member_label": "semilla {seed}",
    "generalization.ens_mean": "media de los miembros",
    "generalization.ens_best": "mejor miembro",
    "generalization.ens_acc": "ensamble",
    "generalization.ens_gain": "ensamble − miembro medio",
    "generalization.ens_claim": (
        "Las diapositivas hablan de unos **+{claim} puntos con {k} modelos**. Aquí, con {n} "
        "miembros (semillas {first}–{last}), el ensamble obtiene **{ens}** frente a **{mean}** "
        "del miembro medio: **{gain:+.1f} puntos**."
    ),
    "generalization.ens_alt": (
        "Exactitud en prueba de {n} miembros, de {lo} a {hi}; su media, {mean}; el ensamble, {ens}."
    ),
    # snapshots
    "generalization.snap_header": "2 · Ensambles de instantáneas (reinicios del coseno)",
    "generalization.snap_md": (
        "Un solo entrenamiento, varios modelos gratis: la tasa de aprendizaje baja como un "
        "coseno de 0.1 a 0 en cada ciclo y vuelve a subir al empezar el siguiente (reinicios). "
        "Al final de cada ciclo, con la tasa cerca de 0, se guardan los pesos (una "
        "*instantánea*); el reinicio empuja la red hacia otro mínimo. Las probabilidades de las "
        "instantáneas se promedian como las de un ensamble."
    ),
    "generalization.snap_k": "instantáneas (ciclos)",
    "generalization.snap_cycle": "épocas por ciclo",
    "generalization.snapshot": "instantánea",
    "generalization.snap_label": "fin del ciclo {i}",
    "generalization.snap_last": "última instantánea (fin del entrenamiento)",
    "generalization.snap_ens": "ensamble de instantáneas",
    "generalization.snap_bestval": "menor pérdida de validación",
    "generalization.snap_alt": (
        "Exactitud en prueba de {n} instantáneas, de {lo} a {hi}; la última, {last}; su "
        "promedio, {ens}."
    ),
    # augmentation
    "generalization.aug_header": "3 · Aumento de datos",
    "generalization.aug_md": (
        "Fabrica nuevas imágenes de entrenamiento a partir de las que hay, con cambios que no "
        "alteran la etiqueta: mover un dígito un píxel, girarlo hasta 15°. La red ve una versión "
        "distinta de cada imagen en cada época. Se transforman minilotes completos de una vez, y "
        "solo las imágenes de entrenamiento: las de validación y prueba nunca cambian."
    ),
    "generalization.aug_kind": "aumento",
    "generalization.aug.shift": "desplazamiento (±1 px)",
    "generalization.aug.rotate": "rotación (±15°)",
    "generalization.aug.shift_rotate": "desplazamiento y rotación",
    "generalization.gallery": "Cada fila: un dígito original de entrenamiento y luego {n} "
    "versiones al azar (semilla {seed}).",
    "generalization.original": "original",
    "generalization.version": "versión {i}",
    "generalization.aug_share": "fracción de las imágenes de entrenamiento",
    "generalization.aug_compare": (
        "La misma red con una fracción pequeña de las imágenes de entrenamiento, sin y con "
        "aumento: misma semilla, así que las mismas imágenes, pesos iniciales y minilotes."
    ),
    "generalization.aug_without": "sin aumento",
    "generalization.aug_with": "con {kind}",
    "generalization.aug_n": "{n} imágenes de entrenamiento",
    "generalization.aug_alt": (
        "Exactitud de validación por época, sin aumento (mejor {plain}) y con {kind} (mejor "
        "{aug}); exactitud en prueba {test_plain} y {test_aug}."
    ),
    "generalization.val_acc": "exactitud de validación",
    "generalization.epoch": "época",
    "generalization.run_col": "entrenamiento",
    # transfer
    "generalization.tr_header": "4 · Transferencia de aprendizaje: de los dígitos 0–4 a 5–9",
    "generalization.tr_md": (
        "Se entrena una red con todas las imágenes de entrenamiento de los dígitos 0–4. Para "
        "5–9 fingimos tener solo unas pocas imágenes etiquetadas por clase y comparamos tres "
        "redes de la misma forma, ajustadas con las mismas imágenes, el mismo optimizador, los "
        "mismos pasos y la misma capa de salida nueva:"
        "\n\n- **desde cero**: todos los pesos al azar (sin transferencia);"
        "\n- **ajuste fino**: capas ocultas copiadas de la red de 0–4, se entrenan todas;"
        "\n- **solo la última capa**: capas ocultas copiadas y congeladas, solo se entrena la "
        "capa de salida."
        "\n\nCada una se evalúa con todas las imágenes de prueba de los dígitos 5–9."
    ),
    "generalization.tr_strategy": "estrategia",
    "generalization.tr.scratch": "desde cero",
    "generalization.tr.finetune": "ajuste fino",
    "generalization.tr.last_layer": "solo la última capa",
    "generalization.tr_shots": "imágenes etiquetadas por clase",
    "generalization.tr_source": "La red de 0–4 ({n} imágenes de entrenamiento) obtiene **{acc}** "
    "en las imágenes de prueba de 0–4; las curvas usan las {n_test} imágenes de prueba de 5–9.",
    "generalization.tr_alt": (
        "Exactitud en prueba con los dígitos 5–9 según las imágenes etiquetadas por clase. Con "
        "{k} por clase: desde cero {scratch}, ajuste fino {finetune}, solo la última capa "
        "{last}."
    ),
    "generalization.tr_params": "parámetros entrenables",
    # misconceptions
    "generalization.misc_header": "5 · Lo que las diapositivas dejan impreciso",
    "generalization.misc_gain": (
        "«Un ensamble de 10 modelos gana cerca de 2 %» no es una constante. La ganancia depende "
        "de qué tan buenos y qué tan distintos son los miembros: si ya están cerca de la mejor "
        "exactitud, o si cometen los mismos errores, queda poco por ganar. Arriba puedes medirla "
        "con tu configuración en lugar de citar un número."
    ),
    "generalization.misc_dropout": (
        "Leer dropout como «un ensamble de redes adelgazadas» solo funciona en prueba con la "
        "misma regla de escala que en la página de Dropout: multiplicar por la probabilidad de "
        "**conservar** (o dividir entre ella al entrenar, dropout invertido). Aun así, la red "
        "completa aproxima el promedio: es exacta para una unidad lineal, no después de una no "
        "linealidad."
    ),
    "generalization.misc_snapshot": (
        "Las instantáneas no son cualquier punto guardado durante el entrenamiento: se toman al "
        "final de cada ciclo de un calendario con **reinicios**, donde la tasa está cerca de 0. "
        "Sin los reinicios, los puntos consecutivos quedan en el mismo mínimo y su promedio es "
        "casi un solo modelo."
    ),
    "generalization.misc_augment": (
        "El aumento debe conservar la etiqueta. Desplazamientos y giros pequeños dejan al dígito "
        "igual, pero un giro de 180° convierte un 6 en 9, y el reflejo cambia un 2 o un 5: las "
        "transformaciones salen de lo que a la tarea no le importa, no de una lista fija. "
        "Tampoco es gratis: los dígitos de 8×8 de scikit-learn ya vienen centrados, y mover un "
        "píxel desplaza un octavo de la imagen, así que los dígitos desplazados pueden parecerse "
        "menos a los de prueba que los originales. Mide antes de suponer que ayuda."
    ),
    "generalization.misc_transfer": (
        "La transferencia no es una ganancia gratuita. Ayuda cuando lo que aprendió la tarea de "
        "origen sirve para la nueva y hay pocos datos etiquetados; con dígitos de 8×8 los píxeles "
        "ya son buenas variables, y las curvas de arriba muestran cuándo ayudan las capas "
        "copiadas y cuándo no. La «tasa menor, 1/10 de la original» de las diapositivas para el "
        "ajuste fino es una regla práctica, no una ley."
    ),
}
