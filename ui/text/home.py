"""Home page strings."""

EN = {
    "home.title": "Pizarra",
    "home.tagline": "Move the math: an interactive companion to an introductory deep-learning course.",
    "home.what": (
        "Each page takes one idea of the course — a formula, an algorithm, a training run — and lets "
        "you change its inputs. The formula, the numbers and the picture update together, and every "
        "number is computed by a tested library (`core/`) checked against NumPy, SciPy, PyTorch and "
        "scikit-learn."
    ),
    "home.pages": "Pages",
    "home.open": "Open",
    "home.class_title": "Using it in class",
    "home.class_body": (
        "- **Language:** switch between English and Spanish in the sidebar at any moment; your "
        "settings stay.\n"
        "- **Shareable links:** every slider and option is stored in the address bar. Copy the URL "
        "to share the exact view (add `lang=es` for Spanish).\n"
        "- **Presentation mode** (sidebar) hides the explanations and enlarges the charts for "
        "projecting.\n"
        "- Every chart has its key numbers written underneath, and its data one click away."
    ),
    "home.none": "No pages are available yet.",
    "home.hw_title": "Homework 1, problem by problem",
    "home.hw_intro": "Each problem of the first homework and the page where you can try it.",
    "home.hw.P1": (
        "A linear model fitted by least squares: what must the data matrix X satisfy for the "
        "best weight vector to be unique?"
    ),
    "home.hw.P2": (
        "Two networks with linear activations, A without a hidden layer and B with one: what "
        "does each gain over the other?"
    ),
    "home.hw.P3": "Batch normalization: what it computes, why it helps and how it is done.",
    "home.hw.P4": (
        "L1 penalty with a quadratic approximation and a diagonal Hessian: show that the "
        "minimizer is a soft threshold of w∗."
    ),
    "home.hw.P5": (
        "MNIST in PyTorch: a logistic-regression baseline, then 1, 2 and 3 hidden layers, then "
        "at least two optimizers compared."
    ),
    "home.slides_title": "Slide topics",
    "home.slides.slides_opt": (
        "Activations, initialization, optimizers, learning-rate decay, regularization and dropout."
    ),
    "home.slides.slides_losses": (
        "Regression and classification losses, learning-rate schedules, confusion matrix, "
        "precision and recall, ROC and AUC."
    ),
}

ES = {
    "home.title": "Pizarra",
    "home.tagline": "Mueve las matemáticas: un complemento interactivo para un curso introductorio de aprendizaje profundo.",
    "home.what": (
        "Cada página toma una idea del curso —una fórmula, un algoritmo, un entrenamiento— y te deja "
        "cambiar sus entradas. La fórmula, los números y la imagen cambian juntos, y cada número lo "
        "calcula una biblioteca probada (`core/`), contrastada con NumPy, SciPy, PyTorch y "
        "scikit-learn."
    ),
    "home.pages": "Páginas",
    "home.open": "Abrir",
    "home.class_title": "Para usarla en clase",
    "home.class_body": (
        "- **Idioma:** cambia entre inglés y español en la barra lateral cuando quieras; tus ajustes "
        "se conservan.\n"
        "- **Enlaces para compartir:** cada control deslizante y cada opción quedan guardados en la "
        "barra de direcciones. Copia la URL para compartir exactamente lo que ves (agrega `lang=es` "
        "para español).\n"
        "- **Modo presentación** (barra lateral) oculta las explicaciones y agranda las gráficas para "
        "proyectar.\n"
        "- Debajo de cada gráfica están escritos sus números clave, y sus datos a un clic."
    ),
    "home.none": "Todavía no hay páginas disponibles.",
    "home.hw_title": "La tarea 1, problema por problema",
    "home.hw_intro": "Cada problema de la primera tarea y la página donde puedes explorarlo.",
    "home.hw.P1": (
        "Un modelo lineal ajustado por mínimos cuadrados: ¿qué condición debe cumplir la matriz "
        "de datos X para que el mejor vector de pesos sea único?"
    ),
    "home.hw.P2": (
        "Dos redes con activaciones lineales, A sin capa oculta y B con una: ¿qué gana cada una "
        "frente a la otra?"
    ),
    "home.hw.P3": "Normalización por lotes: qué calcula, por qué ayuda y cómo se hace.",
    "home.hw.P4": (
        "Penalización L1 con una aproximación cuadrática y un hessiano diagonal: mostrar que el "
        "minimizador es un umbral suave de w∗."
    ),
    "home.hw.P5": (
        "MNIST en PyTorch: una línea base de regresión logística, luego 1, 2 y 3 capas ocultas y "
        "después al menos dos optimizadores comparados."
    ),
    "home.slides_title": "Temas de las diapositivas",
    "home.slides.slides_opt": (
        "Activaciones, inicialización, optimizadores, decaimiento de la tasa de aprendizaje, "
        "regularización y dropout."
    ),
    "home.slides.slides_losses": (
        "Pérdidas de regresión y de clasificación, calendarios de la tasa de aprendizaje, matriz "
        "de confusión, precisión y exhaustividad, ROC y AUC."
    ),
}
