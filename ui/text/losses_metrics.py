"""Strings of the page "Losses and metrics"."""

P = "losses_metrics"

EN = {
    f"{P}.title": "Losses and metrics",
    f"{P}.card": "MSE vs MAE with an outlier, cross-entropy in bits or nats, the confusion "
    "matrix and its metrics, ROC curves and AUC as ranked pairs.",
    f"{P}.intro": (
        "A **loss** is what training minimizes; a **metric** is how we judge the result. "
        "Move the numbers in each tab and watch the formula, the value and the picture change "
        "together."
    ),
    f"{P}.tab_reg": "MSE vs MAE",
    f"{P}.tab_ce": "Cross-entropy",
    f"{P}.tab_cm": "Confusion matrix",
    f"{P}.tab_roc": "ROC and AUC",
    f"{P}.tab_ovr": "Multi-class ROC",
    # regression losses
    f"{P}.reg_md": (
        "Both losses average a penalty of the residual r = y − ŷ. MSE squares it, so a residual "
        "twice as large costs four times as much; MAE takes its absolute value. Below, eleven "
        "observations are summarized by one constant prediction c. The c that minimizes MSE is "
        "the **mean**; the c that minimizes MAE is the **median**. Drag the eleventh observation "
        "far away and compare how each one moves."
    ),
    f"{P}.outlier": "value of the 11th observation (the outlier)",
    f"{P}.outlier_help": "The other ten observations stay between 1 and 3.9.",
    f"{P}.m_mean": "best c for MSE (mean)",
    f"{P}.m_median": "best c for MAE (median)",
    f"{P}.m_mse": "MSE at its best c",
    f"{P}.m_mae": "MAE at its best c",
    f"{P}.delta_note": "The small arrows show the change caused by the 11th observation "
    "(compared with the ten others alone).",
    f"{P}.curve_sq": "squared r²",
    f"{P}.curve_abs": "absolute |r|",
    f"{P}.x_residual": "residual r = y − ŷ",
    f"{P}.y_loss": "loss",
    f"{P}.residual_alt": (
        "Penalty against the residual: r² is flat near 0 and grows quadratically (16 at r = 4); "
        "|r| grows linearly (4 at r = 4). For |r| < 1 the square is the smaller of the two."
    ),
    f"{P}.curve_mse_c": "MSE(c)",
    f"{P}.curve_mae_c": "MAE(c)",
    f"{P}.x_constant": "constant prediction c",
    f"{P}.constant_alt": (
        "MSE and MAE of the eleven observations as functions of the constant prediction c "
        "(symmetric-log scale). With the 11th observation at {out}, MSE is smallest at the mean "
        "c = {mean} and MAE at the median c = {median}; the dots mark both minima."
    ),
    f"{P}.check_mean": "mean vs argmin of MSE(c) on the grid",
    f"{P}.check_median": "median vs argmin of MAE(c) on the grid",
    f"{P}.reg_after_md": (
        "Why the difference: the gradient of r² is 2r, so the outlier pulls on the fit in "
        "proportion to its distance; the gradient of |r| is ±1, so it pulls no harder than any "
        "other point. MAE is therefore **robust to outliers**, at the price of a kink at 0 and a "
        "gradient that does not shrink near the optimum."
    ),
    f"{P}.m_slope_mae": "slope of MAE(c) at the mean",
    f"{P}.m_slope_mae_help": "(number of observations below c − number above c) / N: never "
    "more than 1 in size, however far the outlier is.",
    f"{P}.m_slope_mse": "slope of MSE(c) at the median",
    f"{P}.m_slope_mse_help": "2 (c − mean): it grows in proportion to how far the outlier "
    "drags the mean.",
    f"{P}.misc_mae_gradient": (
        "MAE does not need linear programming to get a gradient. |r| has derivative sign(r) "
        "everywhere except r = 0, where any number between −1 and 1 is a valid subgradient "
        "(frameworks use 0). So each sample contributes −sign(rⱼ)/N, computed as cheaply as "
        "MSE's −2rⱼ/N; the two slopes above come from exactly these formulas. Linear "
        "programming is one way to solve a least-absolute-deviations fit exactly, not a "
        "requirement for gradient descent."
    ),
    # cross-entropy
    f"{P}.ce_md": (
        "For a classifier that outputs probabilities q (e.g. a softmax), cross-entropy compares "
        "them with the target distribution p. With a one-hot target only the probability given "
        "to the true class matters: H = −log q_true. The base of the logarithm only sets the "
        "unit: base 2 gives bits, base e gives nats. The default reproduces the course example "
        "(a dog photo, target [1, 0, 0, 0])."
    ),
    f"{P}.base": "logarithm base",
    f"{P}.base_2": "2 (bits)",
    f"{P}.base_e": "e (nats)",
    f"{P}.base_10": "10",
    f"{P}.true_class": "true class",
    f"{P}.class_k": "class {k}",
    f"{P}.q_table": "predicted probabilities q (must add up to 1)",
    f"{P}.m_ce": "cross-entropy, base {base}",
    f"{P}.m_ce_nats": "in nats (base e)",
    f"{P}.m_ce_bits": "in bits (base 2)",
    f"{P}.x_q_true": "probability given to the true class",
    f"{P}.y_ce": "−{log} q",
    f"{P}.y_bce": "loss (with {log})",
    f"{P}.ce_alt": (
        "The loss −{log} q against the probability q given to the true class: 0 at q = 1, "
        "growing without bound as q approaches 0. The current prediction gives q = {q}, so the "
        "loss is {h}."
    ),
    f"{P}.misc_zero_terms": (
        "With a one-hot target, the probabilities of the wrong classes do not enter the loss "
        "directly — their terms are multiplied by 0. They matter only through the constraint "
        "that all probabilities add up to 1: pushing the true class up pushes the others down."
    ),
    f"{P}.bce_header": "Binary cross-entropy",
    f"{P}.bce_md": (
        "With two classes the model outputs one probability p̂ = P(y = 1), usually through a sigmoid. A positive example "
        "costs −log p̂, a negative one −log(1 − p̂). A confident wrong answer is punished "
        "without limit. The logarithm uses the base chosen above."
    ),
    f"{P}.p_hat": "predicted probability p̂ of class 1",
    f"{P}.m_bce1": "loss if the true label is 1",
    f"{P}.m_bce0": "loss if the true label is 0",
    f"{P}.curve_y1": "y = 1: −log p̂",
    f"{P}.curve_y0": "y = 0: −log(1 − p̂)",
    f"{P}.x_p": "predicted probability p̂",
    f"{P}.bce_alt": (
        "Binary cross-entropy against p̂ for both labels: the y = 1 curve falls to 0 at p̂ = 1, "
        "the y = 0 curve rises without bound there. At p̂ = {p} the losses are {l1} (y = 1) and "
        "{l0} (y = 0)."
    ),
    f"{P}.misc_mixed_base": (
        "Both terms of binary cross-entropy must use the same logarithm. A formula that writes "
        "log₂ in one term and ln in the other weighs positives and negatives differently "
        "(by a factor ln 2 ≈ 0.69) and is no longer a cross-entropy."
    ),
    # confusion matrix
    f"{P}.cm_md": (
        "A confusion matrix counts, for every pair of classes, how many samples of one true "
        "class were predicted as another; the diagonal holds the correct answers. Tables are "
        "written both ways round, so say which: with rows = true classes (scikit-learn's "
        "layout) row i, column j counts the samples of **true** class i **predicted** as j; "
        "with rows = predicted classes it is the other way. Edit the counts or pick a preset. "
        "Every metric below is computed from the labels these counts describe."
    ),
    f"{P}.rows_are": "Rows are:",
    f"{P}.rows_true": "true classes",
    f"{P}.rows_predicted": "predicted classes",
    f"{P}.course_rows_note": (
        "In the course's table the **rows are the predicted classes**: the row sums 11 and 16 "
        "are how often each class was predicted, and the true-class totals are the column sums "
        "13 and 14. Choose “predicted classes” above to read it that way; the table “Both "
        "readings” below shows the numbers under both orientations."
    ),
    f"{P}.preset": "example",
    f"{P}.preset_course": "course example (6, 5 / 7, 9)",
    f"{P}.preset_imbalanced": "imbalanced classes",
    f"{P}.preset_three": "three classes",
    f"{P}.cm_table_true": "counts (rows: true class 0, 1, … from the top; columns: predicted "
    "class)",
    f"{P}.cm_table_predicted": "counts (rows: predicted class 0, 1, … from the top; columns: "
    "true class)",
    f"{P}.cm_rows_note": "Empty cells and negative or fractional counts are rejected with a message.",
    f"{P}.m_acc": "accuracy",
    f"{P}.m_acc_help": "Correct predictions / all predictions.",
    f"{P}.m_bal": "balanced accuracy",
    f"{P}.m_bal_help": "Mean of the per-class recalls: each class counts the same, whatever its size.",
    f"{P}.m_n": "samples",
    f"{P}.m_prec": "precision (class 1)",
    f"{P}.m_rec": "recall (class 1)",
    f"{P}.m_spec": "specificity (class 1)",
    f"{P}.m_f1": "F1 (class 1)",
    f"{P}.positive_note": "Class 1 (second row) is taken as the positive class. Recall is also called sensitivity.",
    f"{P}.m_macro_prec": "macro precision",
    f"{P}.m_macro_rec": "macro recall",
    f"{P}.m_macro_spec": "macro specificity",
    f"{P}.m_macro_f1": "macro F1",
    f"{P}.tex_bal": "balanced accuracy",
    f"{P}.tex_acc": "accuracy",
    f"{P}.tex_macro_prec": "macro precision",
    f"{P}.class_short": "class {k}",
    f"{P}.true_axis": "true class",
    f"{P}.pred_axis": "predicted class",
    f"{P}.row_txt": "{c}: {vals}",
    f"{P}.cm_alt_true": (
        "The table with each row divided by its sum (rows are true classes, so each row adds up "
        "to 1 and the diagonal is each class's recall). Rows: {rows}."
    ),
    f"{P}.cm_alt_predicted": (
        "The table with each row divided by its sum (rows are predicted classes, so each row "
        "adds up to 1 and the diagonal is each class's precision). Rows: {rows}."
    ),
    f"{P}.col_class": "class",
    f"{P}.col_support": "support",
    f"{P}.col_prec": "precision",
    f"{P}.col_rec": "recall",
    f"{P}.col_spec": "specificity",
    f"{P}.col_f1": "F1",
    f"{P}.gap_warning": (
        "Accuracy ({acc}) and balanced accuracy ({bal}) differ a lot: the classes have very "
        "different sizes and the large class dominates the accuracy. Look at the recall of the "
        "small class."
    ),
    f"{P}.readings_header": "Both readings of the same table",
    f"{P}.readings_md": (
        "The same table of counts means different things depending on what its rows are. Below, "
        "the metrics of the table as entered, read once with rows = true classes and once with "
        "rows = predicted classes. The last line is the recipe “divide each row by its sum and "
        "average the diagonal”: its value does not change, but its name does."
    ),
    f"{P}.col_metric": "metric",
    f"{P}.col_rows_true": "if rows = true classes",
    f"{P}.col_rows_predicted": "if rows = predicted classes",
    f"{P}.reading_row_mean": "mean of the diagonal after dividing each row by its sum",
    f"{P}.readings_note": (
        "Averaging the diagonal of the row-normalized table gives {mean}. If the rows are true "
        "classes, that is the balanced accuracy ({bal}); if they are predicted classes, it is "
        "the mean precision over the predicted classes, i.e. the macro precision ({prec}). "
        "Either way the accuracy is {acc}."
    ),
    f"{P}.misc_diag_mean": (
        "Dividing each row by its sum and averaging the diagonal does not give the accuracy. "
        "The course's table (6, 5 / 7, 9) has the predicted classes on its rows, so the "
        "recipe gives the macro **precision** (6/11 + 9/16)/2 = 0.554. Its balanced accuracy "
        "uses the true-class totals, the column sums 13 and 14: (6/13 + 9/14)/2 = 0.552. The "
        "accuracy is 15/27 = 0.556. Accuracy and balanced accuracy agree when every class has "
        "the same number of samples; with imbalanced classes they can be far apart (try the "
        "imbalanced example)."
    ),
    f"{P}.misc_rows": (
        "Tables differ in which axis holds the true class, and the metrics change with it. "
        "Check the sums: the row sums of a table with rows = true classes are the class sizes. "
        "With rows = true classes normalizing rows gives recalls; with rows = predicted classes "
        "it gives precisions. Also, in Spanish texts “precisión” is sometimes used for "
        "accuracy, which clashes with precision = TP/(TP + FP)."
    ),
    # ROC
    f"{P}.roc_md": (
        "A classifier gives each sample a score; we predict “positive” when the score is at least "
        "a threshold t. Every t gives one confusion matrix, hence one point (false-positive rate, "
        "true-positive rate). Sweeping t from high to low traces the **ROC curve** from (0, 0) to "
        "(1, 1)."
    ),
    f"{P}.source": "scores",
    f"{P}.source_patients": "six patients (course)",
    f"{P}.source_generated": "generated",
    f"{P}.source_own": "your own",
    f"{P}.patient": "Patient {k}",
    f"{P}.n_pos": "positives",
    f"{P}.n_neg": "negatives",
    f"{P}.separation": "separation d of the classes",
    f"{P}.seed": "seed",
    f"{P}.own_scores": "scores (between 0 and 1)",
    f"{P}.own_labels": "labels (1 = positive, 0 = negative)",
    f"{P}.own_note": "Separate the numbers with spaces, commas, semicolons or line breaks; use a "
    "point as the decimal mark. Both lists must have the same length.",
    f"{P}.threshold": "threshold t (predict positive when score ≥ t)",
    f"{P}.threshold_help": "Lower t: more samples called positive, so both TPR and FPR grow.",
    f"{P}.m_tpr": "TPR = recall at t",
    f"{P}.m_fpr": "FPR = 1 − specificity at t",
    f"{P}.m_auc": "AUC",
    f"{P}.m_pop_auc": "population AUC Φ(d/√2)",
    f"{P}.pop_auc_help": "What the AUC tends to with infinitely many generated scores.",
    f"{P}.m_acc_t": "accuracy at t",
    f"{P}.x_fpr": "false-positive rate (FPR)",
    f"{P}.y_tpr": "true-positive rate (TPR)",
    f"{P}.roc_alt": (
        "ROC curve with {m} points and area {auc}; the dashed diagonal is a random ranking. At "
        "threshold t = {thr} the classifier sits at FPR = {fpr}, TPR = {tpr} (the large dot)."
    ),
    f"{P}.neg_class": "negative",
    f"{P}.healthy": "healthy",
    f"{P}.infected": "infected",
    f"{P}.pos_class": "positive",
    f"{P}.x_score": "score",
    f"{P}.strip_alt": (
        "Scores of positives (top row) and negatives (bottom row) with the threshold t = {thr} as "
        "a vertical line. To its right (called positive): {tp} true positives and {fp} false "
        "positives; to its left: {tn} true negatives and {fn} false negatives."
    ),
    f"{P}.true_is": "true {c}",
    f"{P}.pred_is": "predicted {c}",
    f"{P}.cm_at": "Confusion matrix at t = {thr}:",
    f"{P}.pairs_header": "AUC as ranked pairs",
    f"{P}.pairs_md": (
        "Take every pair made of one positive and one negative. The AUC is the share of pairs in "
        "which the positive has the higher score (a tie counts ½). It does not depend on any "
        "threshold: it measures how well the scores *rank* the samples."
    ),
    f"{P}.pairs_count": (
        "{wins} pairs ranked correctly, {ties} ties and {losses} ranked wrongly, out of "
        "{total}: AUC = {auc}."
    ),
    f"{P}.col_pos": "positive",
    f"{P}.col_pos_score": "score of the positive",
    f"{P}.col_neg": "negative",
    f"{P}.col_neg_score": "score of the negative",
    f"{P}.col_credit": "credit",
    f"{P}.pair_ok": "✓ 1",
    f"{P}.pair_tie": "tie ½",
    f"{P}.pair_bad": "✗ 0",
    f"{P}.pairs_truncated": "Showing the first {shown} of {total} pairs.",
    f"{P}.check_pairs_trap": "share of pairs vs area under the ROC (trapezoids)",
    f"{P}.check_pairs_rank": "share of pairs vs rank formula (Mann–Whitney)",
    f"{P}.misc_auc_threshold": (
        "A high AUC does not mean the classifier is good at the threshold you use: the AUC "
        "averages over all thresholds. Choosing t still decides the trade-off between false "
        "positives and false negatives."
    ),
    # multi-class ROC (one-vs-rest)
    f"{P}.ovr_md": (
        "With K classes there is no single positive class, so there is no single ROC curve. "
        "**One-vs-rest** draws K of them: for class k, the samples of class k are the "
        "positives, all the others are the negatives, and the classifier's score for class k "
        "ranks them. Each curve has its own AUC; the K areas are then summarized by an average."
    ),
    f"{P}.ovr_k": "number of classes K",
    f"{P}.ovr_n": "samples (all classes)",
    f"{P}.ovr_sep": "separation of the classes",
    f"{P}.ovr_sep_help": (
        "How far the true class's logit is pushed up. Class 1 gets the full value, the last "
        "class half of it: the later classes are harder to recognize."
    ),
    f"{P}.ovr_ratio": "class imbalance (largest / smallest)",
    f"{P}.ovr_ratio_help": (
        "1 = balanced. Otherwise class sizes fall geometrically from class 1 to class K, so the "
        "hardest classes are also the rarest."
    ),
    f"{P}.ovr_seed": "seed",
    f"{P}.m_macro": "macro AUC",
    f"{P}.m_weighted": "weighted AUC",
    f"{P}.m_worst": "lowest class AUC",
    f"{P}.ovr_curves_alt": (
        "{k} one-vs-rest ROC curves, one per class, and the dashed diagonal of a random "
        "ranking. Areas per class: {aucs}."
    ),
    f"{P}.x_class": "class",
    f"{P}.y_auc_ovr": "AUC of the class against the rest",
    f"{P}.avg_macro": "macro",
    f"{P}.avg_weighted": "weighted",
    f"{P}.ovr_bars_alt": (
        "Bars of the AUC of each class against the rest: {aucs}. Horizontal lines: macro "
        "average {macro} and weighted average {weighted}."
    ),
    f"{P}.col_count": "samples",
    f"{P}.col_share": "share nₖ/n",
    f"{P}.col_auc": "AUC (class vs rest)",
    f"{P}.ovr_avg_md": (
        "**Macro** gives every class the same say, however small. **Weighted** gives each class "
        "its share nₖ/n of the samples. With balanced classes the two agree; with imbalanced "
        "classes the weighted average mostly reports the big classes. Here the rare classes are "
        "also the hard ones, so the weighted AUC looks better than the macro one: raise the "
        "imbalance and watch the gap grow."
    ),
    f"{P}.check_ovr_macro": "macro = mean of the areas under the K curves (trapezoids)",
    f"{P}.check_ovr_weighted": "weighted = Σ nₖ/n · AUCₖ from the table",
    f"{P}.misc_ovr_weighted": (
        "A high weighted (or micro-style) AUC can hide a class that the model ranks poorly: "
        "when that class is rare it hardly moves the average. Look at the per-class AUCs, or "
        "at the macro average, when every class matters."
    ),
}

ES = {
    f"{P}.title": "Pérdidas y métricas",
    f"{P}.card": "MSE frente a MAE con un valor atípico, entropía cruzada en bits o nats, la "
    "matriz de confusión y sus métricas, curvas ROC y el AUC como pares ordenados.",
    f"{P}.intro": (
        "Una **pérdida** es lo que el entrenamiento minimiza; una **métrica** es cómo juzgamos el "
        "resultado. Cambia los números de cada pestaña y observa cómo cambian juntos la fórmula, "
        "el valor y la gráfica."
    ),
    f"{P}.tab_reg": "MSE frente a MAE",
    f"{P}.tab_ce": "Entropía cruzada",
    f"{P}.tab_cm": "Matriz de confusión",
    f"{P}.tab_roc": "ROC y AUC",
    f"{P}.tab_ovr": "ROC multiclase",
    f"{P}.reg_md": (
        "Ambas pérdidas promedian una penalización del residuo r = y − ŷ. El MSE lo eleva al "
        "cuadrado, así que un residuo el doble de grande cuesta cuatro veces más; el MAE toma su "
        "valor absoluto. Abajo, once observaciones se resumen con una sola predicción constante "
        "c. La c que minimiza el MSE es la **media**; la que minimiza el MAE es la **mediana**. "
        "Aleja la undécima observación y compara cuánto se mueve cada una."
    ),
    f"{P}.outlier": "valor de la 11.ª observación (el valor atípico)",
    f"{P}.outlier_help": "Las otras diez observaciones quedan entre 1 y 3.9.",
    f"{P}.m_mean": "mejor c para el MSE (media)",
    f"{P}.m_median": "mejor c para el MAE (mediana)",
    f"{P}.m_mse": "MSE en su mejor c",
    f"{P}.m_mae": "MAE en su mejor c",
    f"{P}.delta_note": "Las flechitas muestran el cambio que provoca la 11.ª observación "
    "(frente a las otras diez solas).",
    f"{P}.curve_sq": "cuadrado r²",
    f"{P}.curve_abs": "absoluto |r|",
    f"{P}.x_residual": "residuo r = y − ŷ",
    f"{P}.y_loss": "pérdida",
    f"{P}.residual_alt": (
        "Penalización frente al residuo: r² es plana cerca de 0 y crece de forma cuadrática (16 "
        "en r = 4); |r| crece de forma lineal (4 en r = 4). Para |r| < 1 el cuadrado es la menor "
        "de las dos."
    ),
    f"{P}.curve_mse_c": "MSE(c)",
    f"{P}.curve_mae_c": "MAE(c)",
    f"{P}.x_constant": "predicción constante c",
    f"{P}.constant_alt": (
        "MSE y MAE de las once observaciones en función de la predicción constante c (escala "
        "logarítmica simétrica). Con la 11.ª observación en {out}, el MSE es mínimo en la media "
        "c = {mean} y el MAE en la mediana c = {median}; los puntos marcan ambos mínimos."
    ),
    f"{P}.check_mean": "media frente al argmin de MSE(c) en la malla",
    f"{P}.check_median": "mediana frente al argmin de MAE(c) en la malla",
    f"{P}.reg_after_md": (
        "¿Por qué la diferencia? El gradiente de r² es 2r, así que el valor atípico tira del "
        "ajuste en proporción a su distancia; el gradiente de |r| es ±1, así que no tira más "
        "fuerte que cualquier otro punto. Por eso el MAE es **robusto ante valores atípicos**, a "
        "cambio de un quiebre en 0 y de un gradiente que no se achica cerca del óptimo."
    ),
    f"{P}.m_slope_mae": "pendiente de MAE(c) en la media",
    f"{P}.m_slope_mae_help": "(observaciones por debajo de c − observaciones por encima) / N: "
    "nunca pasa de 1 en valor absoluto, por lejos que esté el valor atípico.",
    f"{P}.m_slope_mse": "pendiente de MSE(c) en la mediana",
    f"{P}.m_slope_mse_help": "2 (c − media): crece en proporción a cuánto arrastra el valor "
    "atípico a la media.",
    f"{P}.misc_mae_gradient": (
        "El MAE no necesita programación lineal para tener un gradiente. |r| tiene derivada "
        "sign(r) en todas partes salvo en r = 0, donde cualquier número entre −1 y 1 es un "
        "subgradiente válido (las bibliotecas usan 0). Así, cada muestra aporta −sign(rⱼ)/N, "
        "tan barato de calcular como el −2rⱼ/N del MSE; las dos pendientes de arriba salen "
        "exactamente de estas fórmulas. La programación lineal es una forma de resolver con "
        "exactitud un ajuste de mínimas desviaciones absolutas, no un requisito del descenso de "
        "gradiente."
    ),
    f"{P}.ce_md": (
        "Para un clasificador que entrega probabilidades q (por ejemplo, una softmax), la "
        "entropía cruzada las compara con la distribución objetivo p. Con un objetivo one-hot "
        "solo importa la probabilidad asignada a la clase verdadera: H = −log q_verdadera. La "
        "base del logaritmo solo fija la unidad: base 2 da bits, base e da nats. Los valores "
        "predeterminados reproducen el ejemplo del curso (una foto de perro, objetivo [1, 0, 0, 0])."
    ),
    f"{P}.base": "base del logaritmo",
    f"{P}.base_2": "2 (bits)",
    f"{P}.base_e": "e (nats)",
    f"{P}.base_10": "10",
    f"{P}.true_class": "clase verdadera",
    f"{P}.class_k": "clase {k}",
    f"{P}.q_table": "probabilidades predichas q (deben sumar 1)",
    f"{P}.m_ce": "entropía cruzada, base {base}",
    f"{P}.m_ce_nats": "en nats (base e)",
    f"{P}.m_ce_bits": "en bits (base 2)",
    f"{P}.x_q_true": "probabilidad asignada a la clase verdadera",
    f"{P}.y_ce": "−{log} q",
    f"{P}.y_bce": "pérdida (con {log})",
    f"{P}.ce_alt": (
        "La pérdida −{log} q frente a la probabilidad q asignada a la clase verdadera: vale "
        "0 en q = 1 y crece sin límite cuando q se acerca a 0. La predicción actual da q = {q}, "
        "así que la pérdida es {h}."
    ),
    f"{P}.misc_zero_terms": (
        "Con un objetivo one-hot, las probabilidades de las clases incorrectas no entran "
        "directamente en la pérdida: sus términos se multiplican por 0. Solo importan a través "
        "de la restricción de que todas suman 1: subir la clase verdadera obliga a bajar las "
        "demás."
    ),
    f"{P}.bce_header": "Entropía cruzada binaria",
    f"{P}.bce_md": (
        "Con dos clases el modelo entrega una sola probabilidad p̂ = P(y = 1), normalmente con una sigmoide. Un ejemplo "
        "positivo cuesta −log p̂ y uno negativo −log(1 − p̂). Una respuesta equivocada y muy "
        "segura se castiga sin límite. El logaritmo usa la base elegida arriba."
    ),
    f"{P}.p_hat": "probabilidad predicha p̂ de la clase 1",
    f"{P}.m_bce1": "pérdida si la etiqueta real es 1",
    f"{P}.m_bce0": "pérdida si la etiqueta real es 0",
    f"{P}.curve_y1": "y = 1: −log p̂",
    f"{P}.curve_y0": "y = 0: −log(1 − p̂)",
    f"{P}.x_p": "probabilidad predicha p̂",
    f"{P}.bce_alt": (
        "Entropía cruzada binaria frente a p̂ para ambas etiquetas: la curva de y = 1 baja a 0 "
        "en p̂ = 1 y la de y = 0 crece sin límite ahí. En p̂ = {p} las pérdidas son {l1} (y = 1) "
        "y {l0} (y = 0)."
    ),
    f"{P}.misc_mixed_base": (
        "Los dos términos de la entropía cruzada binaria deben usar el mismo logaritmo. Una "
        "fórmula que escribe log₂ en un término y ln en el otro pesa distinto a positivos y "
        "negativos (por un factor ln 2 ≈ 0.69) y ya no es una entropía cruzada."
    ),
    f"{P}.cm_md": (
        "Una matriz de confusión cuenta, para cada par de clases, cuántas muestras de una clase "
        "verdadera se predijeron como otra; la diagonal guarda los aciertos. Hay tablas escritas "
        "en ambos sentidos, así que hay que decir cuál: con filas = clases verdaderas (como en "
        "scikit-learn), la fila i, columna j cuenta las muestras de clase **verdadera** i "
        "**predichas** como j; con filas = clases predichas es al revés. Edita los conteos o "
        "elige un ejemplo. Cada métrica de abajo se calcula a partir de las etiquetas que "
        "describen estos conteos."
    ),
    f"{P}.rows_are": "Las filas son:",
    f"{P}.rows_true": "clases verdaderas",
    f"{P}.rows_predicted": "clases predichas",
    f"{P}.course_rows_note": (
        "En la tabla del curso **las filas son las clases predichas**: las sumas por fila, 11 y "
        "16, son cuántas veces se predijo cada clase, y los totales de cada clase verdadera son "
        "las sumas por columna, 13 y 14. Elige «clases predichas» arriba para leerla así; la "
        "tabla «Las dos lecturas» de más abajo muestra los números con ambas orientaciones."
    ),
    f"{P}.preset": "ejemplo",
    f"{P}.preset_course": "ejemplo del curso (6, 5 / 7, 9)",
    f"{P}.preset_imbalanced": "clases desbalanceadas",
    f"{P}.preset_three": "tres clases",
    f"{P}.cm_table_true": "conteos (filas: clase verdadera 0, 1, … de arriba abajo; columnas: "
    "clase predicha)",
    f"{P}.cm_table_predicted": "conteos (filas: clase predicha 0, 1, … de arriba abajo; "
    "columnas: clase verdadera)",
    f"{P}.cm_rows_note": "Las celdas vacías y los conteos negativos o fraccionarios se rechazan "
    "con un mensaje.",
    f"{P}.m_acc": "exactitud (accuracy)",
    f"{P}.m_acc_help": "Predicciones correctas / todas las predicciones.",
    f"{P}.m_bal": "exactitud balanceada",
    f"{P}.m_bal_help": "Promedio de la exhaustividad de cada clase: todas las clases pesan lo "
    "mismo, sin importar su tamaño.",
    f"{P}.m_n": "muestras",
    f"{P}.m_prec": "precisión (clase 1)",
    f"{P}.m_rec": "exhaustividad (clase 1)",
    f"{P}.m_spec": "especificidad (clase 1)",
    f"{P}.m_f1": "F1 (clase 1)",
    f"{P}.positive_note": "La clase 1 (segunda fila) se toma como la clase positiva. La "
    "exhaustividad (recall) también se conoce como sensibilidad.",
    f"{P}.m_macro_prec": "precisión macro",
    f"{P}.m_macro_rec": "exhaustividad macro",
    f"{P}.m_macro_spec": "especificidad macro",
    f"{P}.m_macro_f1": "F1 macro",
    f"{P}.tex_bal": "exactitud balanceada",
    f"{P}.tex_acc": "exactitud",
    f"{P}.tex_macro_prec": "precisión macro",
    f"{P}.class_short": "clase {k}",
    f"{P}.true_axis": "clase verdadera",
    f"{P}.pred_axis": "clase predicha",
    f"{P}.row_txt": "{c}: {vals}",
    f"{P}.cm_alt_true": (
        "La tabla con cada fila dividida entre su suma (las filas son clases verdaderas, así que "
        "cada fila suma 1 y la diagonal es la exhaustividad de cada clase). Filas: {rows}."
    ),
    f"{P}.cm_alt_predicted": (
        "La tabla con cada fila dividida entre su suma (las filas son clases predichas, así que "
        "cada fila suma 1 y la diagonal es la precisión de cada clase). Filas: {rows}."
    ),
    f"{P}.col_class": "clase",
    f"{P}.col_support": "soporte",
    f"{P}.col_prec": "precisión",
    f"{P}.col_rec": "exhaustividad",
    f"{P}.col_spec": "especificidad",
    f"{P}.col_f1": "F1",
    f"{P}.gap_warning": (
        "La exactitud ({acc}) y la exactitud balanceada ({bal}) difieren mucho: las clases "
        "tienen tamaños muy distintos y la clase grande domina la exactitud. Mira la "
        "exhaustividad de la clase pequeña."
    ),
    f"{P}.readings_header": "Las dos lecturas de la misma tabla",
    f"{P}.readings_md": (
        "La misma tabla de conteos significa cosas distintas según qué sean sus filas. "
        "Abajo están las métricas de la tabla tal como se ingresó, leída una vez con filas = "
        "clases verdaderas y otra con filas = clases predichas. La última línea es la receta "
        "«dividir cada fila entre su suma y promediar la diagonal»: su valor no cambia, pero su "
        "nombre sí."
    ),
    f"{P}.col_metric": "métrica",
    f"{P}.col_rows_true": "si filas = clases verdaderas",
    f"{P}.col_rows_predicted": "si filas = clases predichas",
    f"{P}.reading_row_mean": "promedio de la diagonal tras dividir cada fila entre su suma",
    f"{P}.readings_note": (
        "Promediar la diagonal de la tabla normalizada por filas da {mean}. Si las filas son "
        "clases verdaderas, eso es la exactitud balanceada ({bal}); si son clases predichas, es "
        "el promedio de la precisión de las clases predichas, es decir, la precisión macro "
        "({prec}). En ambos casos la exactitud es {acc}."
    ),
    f"{P}.misc_diag_mean": (
        "Dividir cada fila entre su suma y promediar la diagonal no da la exactitud. La tabla "
        "del curso (6, 5 / 7, 9) tiene las clases predichas en las filas, así que la receta da "
        "la **precisión** macro (6/11 + 9/16)/2 = 0.554. Su exactitud balanceada usa los "
        "totales de las clases verdaderas, las sumas por columna 13 y 14: "
        "(6/13 + 9/14)/2 = 0.552. La exactitud es 15/27 = 0.556. La exactitud y la exactitud "
        "balanceada coinciden cuando todas las clases tienen el mismo número de muestras; con "
        "clases desbalanceadas pueden quedar muy lejos (prueba el ejemplo desbalanceado)."
    ),
    f"{P}.misc_rows": (
        "Las tablas no siempre ponen la clase verdadera en el mismo eje, y las métricas cambian "
        "con ello. Revisa las sumas: en una tabla con filas = clases verdaderas, las sumas por "
        "fila son los tamaños de las clases. Con filas = clases verdaderas, normalizar por "
        "filas da exhaustividades; con filas = clases predichas, da precisiones. Además, en "
        "textos en español a veces se llama «precisión» a la accuracy, lo que se confunde con "
        "la precisión = TP/(TP + FP); aquí la llamamos exactitud."
    ),
    f"{P}.roc_md": (
        "Un clasificador asigna un puntaje a cada muestra; predecimos «positivo» cuando el "
        "puntaje es al menos un umbral t. Cada t da una matriz de confusión y, por lo tanto, un "
        "punto (tasa de falsos positivos, tasa de verdaderos positivos). Al barrer t de mayor a "
        "menor se traza la **curva ROC** de (0, 0) a (1, 1)."
    ),
    f"{P}.source": "puntajes",
    f"{P}.source_patients": "seis pacientes (curso)",
    f"{P}.source_generated": "generados",
    f"{P}.source_own": "los tuyos",
    f"{P}.patient": "Paciente {k}",
    f"{P}.n_pos": "positivos",
    f"{P}.n_neg": "negativos",
    f"{P}.separation": "separación d entre las clases",
    f"{P}.seed": "semilla",
    f"{P}.own_scores": "puntajes (entre 0 y 1)",
    f"{P}.own_labels": "etiquetas (1 = positivo, 0 = negativo)",
    f"{P}.own_note": "Separa los números con espacios, comas, punto y coma o saltos de línea; "
    "usa punto como separador decimal. Ambas listas deben tener el mismo largo.",
    f"{P}.threshold": "umbral t (positivo cuando puntaje ≥ t)",
    f"{P}.threshold_help": "Un t más bajo llama positivas a más muestras: crecen tanto la TVP "
    "como la TFP.",
    f"{P}.m_tpr": "TVP = exhaustividad en t",
    f"{P}.m_fpr": "TFP = 1 − especificidad en t",
    f"{P}.m_auc": "AUC",
    f"{P}.m_pop_auc": "AUC poblacional Φ(d/√2)",
    f"{P}.pop_auc_help": "El valor al que tiende el AUC con infinitos puntajes generados.",
    f"{P}.m_acc_t": "exactitud en t",
    f"{P}.x_fpr": "tasa de falsos positivos (TFP)",
    f"{P}.y_tpr": "tasa de verdaderos positivos (TVP)",
    f"{P}.roc_alt": (
        "Curva ROC con {m} puntos y área {auc}; la diagonal punteada es un orden al azar. Con el "
        "umbral t = {thr} el clasificador está en TFP = {fpr}, TVP = {tpr} (el punto grande)."
    ),
    f"{P}.neg_class": "negativo",
    f"{P}.healthy": "sano",
    f"{P}.infected": "infectado",
    f"{P}.pos_class": "positivo",
    f"{P}.x_score": "puntaje",
    f"{P}.strip_alt": (
        "Puntajes de los positivos (fila de arriba) y de los negativos (fila de abajo) con el "
        "umbral t = {thr} como línea vertical. A su derecha (llamados positivos): {tp} "
        "verdaderos positivos y {fp} falsos positivos; a su izquierda: {tn} verdaderos "
        "negativos y {fn} falsos negativos."
    ),
    f"{P}.true_is": "{c} real",
    f"{P}.pred_is": "predicho {c}",
    f"{P}.cm_at": "Matriz de confusión en t = {thr}:",
    f"{P}.pairs_header": "El AUC como pares ordenados",
    f"{P}.pairs_md": (
        "Toma cada par formado por un positivo y un negativo. El AUC es la proporción de pares "
        "en los que el positivo tiene el puntaje más alto (un empate cuenta ½). No depende de "
        "ningún umbral: mide qué tan bien los puntajes *ordenan* las muestras."
    ),
    f"{P}.pairs_count": (
        "{wins} pares bien ordenados, {ties} empates y {losses} mal ordenados, de {total}: "
        "AUC = {auc}."
    ),
    f"{P}.col_pos": "positivo",
    f"{P}.col_pos_score": "puntaje del positivo",
    f"{P}.col_neg": "negativo",
    f"{P}.col_neg_score": "puntaje del negativo",
    f"{P}.col_credit": "crédito",
    f"{P}.pair_ok": "✓ 1",
    f"{P}.pair_tie": "empate ½",
    f"{P}.pair_bad": "✗ 0",
    f"{P}.pairs_truncated": "Se muestran los primeros {shown} de {total} pares.",
    f"{P}.check_pairs_trap": "proporción de pares frente al área bajo la ROC (trapecios)",
    f"{P}.check_pairs_rank": "proporción de pares frente a la fórmula de rangos (Mann–Whitney)",
    f"{P}.misc_auc_threshold": (
        "Un AUC alto no significa que el clasificador funcione bien con el umbral que usas: el "
        "AUC promedia sobre todos los umbrales. Elegir t sigue decidiendo el equilibrio entre "
        "falsos positivos y falsos negativos."
    ),
    # ROC multiclase (uno contra el resto)
    f"{P}.ovr_md": (
        "Con K clases no hay una sola clase positiva, así que tampoco hay una sola curva ROC. "
        "**Uno contra el resto** dibuja K: para la clase k, las muestras de la clase k son las "
        "positivas, todas las demás son negativas, y el puntaje del clasificador para la clase k "
        "las ordena. Cada curva tiene su AUC; después un promedio resume las K áreas."
    ),
    f"{P}.ovr_k": "número de clases K",
    f"{P}.ovr_n": "muestras (todas las clases)",
    f"{P}.ovr_sep": "separación de las clases",
    f"{P}.ovr_sep_help": (
        "Cuánto se sube el logit de la clase verdadera. La clase 1 recibe el valor completo y la "
        "última la mitad: las últimas clases son más difíciles de reconocer."
    ),
    f"{P}.ovr_ratio": "desbalance de clases (mayor / menor)",
    f"{P}.ovr_ratio_help": (
        "1 = balanceadas. Si no, el tamaño de las clases baja geométricamente de la clase 1 a la "
        "clase K, así que las clases más difíciles son también las más raras."
    ),
    f"{P}.ovr_seed": "semilla",
    f"{P}.m_macro": "AUC macro",
    f"{P}.m_weighted": "AUC ponderada",
    f"{P}.m_worst": "AUC más baja por clase",
    f"{P}.ovr_curves_alt": (
        "{k} curvas ROC uno contra el resto, una por clase, y la diagonal punteada de un orden "
        "al azar. Áreas por clase: {aucs}."
    ),
    f"{P}.x_class": "clase",
    f"{P}.y_auc_ovr": "AUC de la clase contra el resto",
    f"{P}.avg_macro": "macro",
    f"{P}.avg_weighted": "ponderada",
    f"{P}.ovr_bars_alt": (
        "Barras con el AUC de cada clase contra el resto: {aucs}. Líneas horizontales: promedio "
        "macro {macro} y promedio ponderado {weighted}."
    ),
    f"{P}.col_count": "muestras",
    f"{P}.col_share": "proporción nₖ/n",
    f"{P}.col_auc": "AUC (clase contra el resto)",
    f"{P}.ovr_avg_md": (
        "El promedio **macro** le da a cada clase el mismo peso, por pequeña que sea. El "
        "**ponderado** le da a cada clase su proporción nₖ/n de las muestras. Con clases "
        "balanceadas coinciden; con clases desbalanceadas el ponderado informa sobre todo de las "
        "clases grandes. Aquí las clases raras son también las difíciles, así que el AUC "
        "ponderada se ve mejor que la macro: sube el desbalance y mira cómo crece la diferencia."
    ),
    f"{P}.check_ovr_macro": "macro = media de las áreas bajo las K curvas (trapecios)",
    f"{P}.check_ovr_weighted": "ponderada = Σ nₖ/n · AUCₖ de la tabla",
    f"{P}.misc_ovr_weighted": (
        "Un AUC ponderada (o de tipo micro) alta puede ocultar una clase que el modelo ordena "
        "mal: si esa clase es rara, casi no mueve el promedio. Cuando todas las clases importan, "
        "mira el AUC de cada clase o el promedio macro."
    ),
}

# Spanish for the messages of core/metrics.py that do not follow the generic shapes.
ES_ERRORS = [
    (
        r"^base must be > 0 and != 1, got (.+)$",
        r"la base debe ser > 0 y distinta de 1; se recibió \1",
    ),
    (
        r"^(\S+) must have entries in \[0, 1\], got (.+)$",
        r"\1 debe tener entradas en [0, 1]; se recibió \2",
    ),
    (
        r"^(\S+) must sum to 1 \(each row\), got (.+)$",
        r"\1 debe sumar 1 (cada fila); suma \2",
    ),
    (
        r"^(\S+) and (\S+) must have the same (shape|length), got (.+) and (.+)$",
        r"\1 y \2 deben tener la misma forma; se recibieron \4 y \5",
    ),
    (
        r"^y_true must contain only 0 and 1, got (.+)$",
        r"las etiquetas solo pueden ser 0 y 1; se recibió \1",
    ),
    (
        r"^y_true must contain both classes \(0 and 1\), got (\d+) positives of (\d+)$",
        r"las etiquetas deben incluir ambas clases (0 y 1); hay \1 positivos de \2",
    ),
    (
        r"^number of \(positive, negative\) pairs must be <= (\d+), got (\d+)$",
        r"el número de pares (positivo, negativo) debe ser <= \1; hay \2",
    ),
    (
        r"^C must be a square matrix with at least 2 classes, got shape (.+)$",
        r"la matriz debe ser cuadrada y tener al menos 2 clases; tiene forma \1",
    ),
    (
        r"^C must contain non-negative whole counts, got (.+)$",
        r"la matriz solo admite conteos enteros no negativos; se recibió \1",
    ),
    (
        r"^C must contain at least one sample, got total 0$",
        r"la matriz debe contener al menos una muestra",
    ),
    (
        r"^C must contain <= (\d+) samples in total, got (\d+)$",
        r"la matriz admite como máximo \1 muestras en total; tiene \2",
    ),
    (
        r"^(\S+) must be a list of numbers, got (.+)$",
        r"\1 debe ser una lista de números; se recibió \2",
    ),
    (r"^(\S+) must have <= (\d+) numbers, got (\d+)$", r"\1 admite como máximo \2 números; hay \3"),
    (
        r"^rows must be one of 'true', 'predicted', got (.+)$",
        r"las filas deben ser 'true' (verdaderas) o 'predicted' (predichas); se recibió \1",
    ),
    (
        r"^scores must have at least 2 columns \(one per class\), got shape (.+)$",
        r"los puntajes deben tener al menos 2 columnas (una por clase); tienen forma \1",
    ),
    (
        r"^y_true and scores must have the same number of rows, got (\d+) and (\d+)$",
        r"las etiquetas y los puntajes deben tener el mismo número de filas; hay \1 y \2",
    ),
    (
        r"^y_true must contain only class labels 0\.\.(\d+) \(one per column of scores\), "
        r"got (.+)$",
        r"las etiquetas solo pueden ser clases 0..\1 (una por columna de puntajes); se recibió \2",
    ),
    (
        r"^every class must have positives and negatives in y_true, got no sample of class "
        r"(\d+)$",
        r"cada clase necesita positivos y negativos en las etiquetas; no hay muestras de la "
        r"clase \1",
    ),
    (
        r"^average must be one of macro, weighted or None, got (.+)$",
        r"el promedio debe ser macro, weighted (ponderado) o None; se recibió \1",
    ),
    (
        r"^counts must have 2 to (\d+) entries, got (\d+)$",
        r"los conteos deben tener de 2 a \1 entradas; hay \2",
    ),
    (
        r"^counts must be integers >= 1, got (.+)$",
        r"los conteos deben ser enteros >= 1; se recibió \1",
    ),
    (
        r"^counts must sum to <= (\d+), got (.+)$",
        r"los conteos deben sumar como máximo \1; suman \2",
    ),
    (
        r"^loss must be one of 'mse', 'mae', got (.+)$",
        r"la pérdida debe ser 'mse' o 'mae'; se recibió \1",
    ),
]
