"""Strings of the Practice sections (every theory page) and of the Problem set page.

The exercises' own texts (statements, field labels, hints, solution steps) live in
``ui/text/exercises.py``; these are the generic buttons, verdicts, notices and the page texts.
"""

EN = {
    "ui.group.practice": "Practice",
    "problem_set.title": "Problem set",
    "problem_set.card": "One exercise per homework problem and slide topic, with a running score "
    "and a CSV of your attempts.",
    "problem_set.intro": "Each exercise has its own numbers. Type your answers, press **Check** to "
    "see which ones are right, ask for a **Hint** when stuck, and open the worked solution once you "
    "have tried. A teacher's link with `set_seed` gives the whole class the same numbers.",
    "practice.title": "Practice",
    "practice.choose": "Exercise",
    "practice.check": "Check",
    "practice.hint": "Hint",
    "practice.show_solution": "Show solution",
    "practice.new": "New exercise",
    "practice.hint_label": "Hint",
    "practice.solution_label": "Solution",
    "practice.answer_label": "Answer",
    "practice.seed_caption": "Exercise number {seed} · the link in the address bar "
    "(`?ex_seed={seed}`) opens these same numbers for anyone.",
    "practice.bad_seed": "The link's exercise number `{value}` is not valid (it must be a whole "
    "number from 0 to 4294967295); here is a new exercise.",
    "practice.tolerance": "Whole numbers must be exact; other numbers count as right within "
    "{rel} % of the answer or {abs}, whichever is larger. You may type `0.5`, `-2e-3` or `1/3`.",
    "practice.right": "right",
    "practice.wrong": "not right",
    "practice.wrong_boxes": "not right (boxes {boxes})",
    "practice.all_right": "All answers are right.",
    "practice.some_right": "{right} of {total} answers right.",
    "practice.unreadable": "{box}: {message}",
    "practice.after_solution": "You opened the solution before a Check found every answer "
    "right: this exercise does not count as solved, and later Checks are recorded as made after "
    "seeing it.",
    "practice.score": "**{correct}** solved of **{attempted}** attempted · **{total}** exercises",
    "practice.score_help": "An exercise counts as solved when a Check finds every answer right "
    "before you open its solution.",
    "practice.set_caption": "Problem set number {seed}. Copy this link for your class: everyone "
    "who opens it gets the same numbers.",
    "practice.new_set": "New problem set",
    "practice.bad_set_seed": "The link's problem-set number `{value}` is not valid (it must be a "
    "whole number from 0 to 4294967295); here is a new set.",
    "practice.download": "Download my attempts (CSV)",
    "practice.download_help": "Every Check of this session, on this page and on the theory "
    "pages: exercise, exercise number (seed), your answers, right or not, and the time (UTC).",
    "practice.no_attempts": "No attempts yet: the download appears after your first Check.",
}

ES = {
    "ui.group.practice": "Práctica",
    "problem_set.title": "Serie de problemas",
    "problem_set.card": "Un ejercicio por cada problema de la tarea y tema de las diapositivas, "
    "con puntaje acumulado y un CSV de tus intentos.",
    "problem_set.intro": "Cada ejercicio tiene sus propios números. Escribe tus respuestas, pulsa "
    "**Comprobar** para ver cuáles son correctas, pide una **Pista** si te atoras y abre la "
    "solución paso a paso cuando ya lo hayas intentado. Un enlace del docente con `set_seed` le da "
    "a todo el grupo los mismos números.",
    "practice.title": "Práctica",
    "practice.choose": "Ejercicio",
    "practice.check": "Comprobar",
    "practice.hint": "Pista",
    "practice.show_solution": "Ver solución",
    "practice.new": "Nuevo ejercicio",
    "practice.hint_label": "Pista",
    "practice.solution_label": "Solución",
    "practice.answer_label": "Respuesta",
    "practice.seed_caption": "Ejercicio número {seed} · el enlace de la barra de direcciones "
    "(`?ex_seed={seed}`) abre estos mismos números para cualquier persona.",
    "practice.bad_seed": "El número de ejercicio del enlace, `{value}`, no es válido (debe ser un "
    "entero de 0 a 4294967295); aquí tienes un ejercicio nuevo.",
    "practice.tolerance": "Los enteros deben ser exactos; los demás números cuentan como correctos "
    "si están a menos de {rel} % de la respuesta o de {abs}, lo que sea mayor. Puedes escribir "
    "`0,5`, `-2e-3` o `1/3`.",
    "practice.right": "correcto",
    "practice.wrong": "incorrecto",
    "practice.wrong_boxes": "incorrecto (casillas {boxes})",
    "practice.all_right": "Todas las respuestas son correctas.",
    "practice.some_right": "{right} de {total} respuestas correctas.",
    "practice.unreadable": "{box}: {message}",
    "practice.after_solution": "Abriste la solución antes de que una comprobación encontrara "
    "todas las respuestas correctas: este ejercicio no cuenta como resuelto y las comprobaciones "
    "siguientes quedan registradas como hechas después de verla.",
    "practice.score": "**{correct}** resueltos de **{attempted}** intentados · "
    "**{total}** ejercicios",
    "practice.score_help": "Un ejercicio cuenta como resuelto cuando al Comprobar todas sus "
    "respuestas son correctas antes de abrir su solución.",
    "practice.set_caption": "Serie número {seed}. Copia este enlace para tu grupo: quien lo abra "
    "recibe los mismos números.",
    "practice.new_set": "Nueva serie de problemas",
    "practice.bad_set_seed": "El número de serie del enlace, `{value}`, no es válido (debe ser un "
    "entero de 0 a 4294967295); aquí tienes una serie nueva.",
    "practice.download": "Descargar mis intentos (CSV)",
    "practice.download_help": "Cada vez que pulsaste Comprobar en esta sesión, aquí y en las "
    "páginas de teoría: ejercicio, número de ejercicio (semilla), tus respuestas, si fue correcto "
    "y la hora (UTC).",
    "practice.no_attempts": "Aún no hay intentos: la descarga aparece tras tu primera comprobación.",
}
