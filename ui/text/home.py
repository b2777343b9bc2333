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
}
