"""Strings of the Trainer page (pages/trainer.py) and the Spanish form of its core errors."""

from __future__ import annotations

import re

_PRESETS_EN = {
    "logistic": "MNIST homework · logistic regression (SGD, lr 0.1, batch 2000)",
    "hidden1": "MNIST homework · 1 hidden layer (SGD, lr 0.1, batch 2000)",
    "hidden2": "MNIST homework · 2 hidden layers (SGD, lr 0.1, batch 2000)",
    "hidden3": "MNIST homework · 3 hidden layers (SGD, lr 0.1, batch 2000)",
    "logistic_lr001": "MNIST homework · logistic regression (SGD, lr 0.01)",
    "hidden1_lr001": "MNIST homework · 1 hidden layer (SGD, lr 0.01)",
    "hidden2_lr001": "MNIST homework · 2 hidden layers (SGD, lr 0.01)",
    "hidden3_lr001": "MNIST homework · 3 hidden layers (SGD, lr 0.01)",
    "adam": "MNIST homework · 2 hidden layers with Adam (lr 0.01)",
    "adagrad": "MNIST homework · 2 hidden layers with Adagrad (lr 0.01)",
    "regularized5": "MNIST · 5 hidden 64-64-128-64-64 + dropout 0.33 + BN + L1 + L2",
    "digits_a": "Optical digits a · 1×10 ReLU (Adam, early stopping)",
    "digits_b": "Optical digits b · 1×40 ReLU (Adam, early stopping)",
    "digits_c": "Optical digits c · 1×10 tanh (Adam, early stopping)",
    "digits_d": "Optical digits d · 1×40 tanh (Adam, early stopping)",
    "digits_e": "Optical digits e · 10-10 ReLU (Adam, early stopping)",
    "digits_f": "Optical digits f · 40-40 ReLU (Adam, early stopping)",
}
_PRESETS_ES = {
    "logistic": "Tarea MNIST · regresión logística (SGD, lr 0.1, lote 2000)",
    "hidden1": "Tarea MNIST · 1 capa oculta (SGD, lr 0.1, lote 2000)",
    "hidden2": "Tarea MNIST · 2 capas ocultas (SGD, lr 0.1, lote 2000)",
    "hidden3": "Tarea MNIST · 3 capas ocultas (SGD, lr 0.1, lote 2000)",
    "logistic_lr001": "Tarea MNIST · regresión logística (SGD, lr 0.01)",
    "hidden1_lr001": "Tarea MNIST · 1 capa oculta (SGD, lr 0.01)",
    "hidden2_lr001": "Tarea MNIST · 2 capas ocultas (SGD, lr 0.01)",
    "hidden3_lr001": "Tarea MNIST · 3 capas ocultas (SGD, lr 0.01)",
    "adam": "Tarea MNIST · 2 capas ocultas con Adam (lr 0.01)",
    "adagrad": "Tarea MNIST · 2 capas ocultas con Adagrad (lr 0.01)",
    "regularized5": "MNIST · 5 ocultas 64-64-128-64-64 + dropout 0.33 + BN + L1 + L2",
    "digits_a": "Dígitos ópticos a · 1×10 ReLU (Adam, parada temprana)",
    "digits_b": "Dígitos ópticos b · 1×40 ReLU (Adam, parada temprana)",
    "digits_c": "Dígitos ópticos c · 1×10 tanh (Adam, parada temprana)",
    "digits_d": "Dígitos ópticos d · 1×40 tanh (Adam, parada temprana)",
    "digits_e": "Dígitos ópticos e · 10-10 ReLU (Adam, parada temprana)",
    "digits_f": "Dígitos ópticos f · 40-40 ReLU (Adam, parada temprana)",
}

_HP_EN = {
    "momentum": "Weight of the previous update in the new one (velocity).",
    "dampening": "Shrinks the contribution of the current gradient to the velocity.",
    "lr_decay": "Adagrad's own decay: the step is lr / (1 + (t − 1)·lr_decay).",
    "initial_accumulator_value": "Starting value of the sum of squared gradients.",
    "eps": "Added to the denominator so it is never zero.",
    "alpha": "Decay of the running mean of squared gradients (RMSprop's ρ).",
    "centered": "Divide by an estimate of the gradient's variance instead of its second moment.",
    "beta1": "Decay of the first-moment estimate m (betas[0]).",
    "beta2": "Decay of the second-moment estimate v (betas[1]).",
    "amsgrad": "Use the running maximum of v (AMSGrad variant).",
    "rho": "Decay of the running averages of squared gradients and updates.",
    "step_size": "Multiply the learning rate by gamma every this many epochs.",
    "gamma": "Multiplicative factor of the decay.",
    "k": "η_t = η₀ / (1 + k·t), t in epochs.",
    "T_max": "Epochs of one cosine half-wave; 0 = the number of epochs.",
    "eta_min": "Smallest learning rate of the cosine.",
    "T_0": "Epochs until the first restart.",
    "T_mult": "Each cycle is this many times longer than the previous one.",
}
_HP_ES = {
    "momentum": "Peso de la actualización anterior en la nueva (velocidad).",
    "dampening": "Reduce el aporte del gradiente actual a la velocidad.",
    "lr_decay": "Decaimiento propio de Adagrad: el paso es lr / (1 + (t − 1)·lr_decay).",
    "initial_accumulator_value": "Valor inicial de la suma de gradientes al cuadrado.",
    "eps": "Se suma al denominador para que nunca sea cero.",
    "alpha": "Decaimiento de la media móvil de gradientes al cuadrado (la ρ de RMSprop).",
    "centered": "Divide por una estimación de la varianza del gradiente en vez de su segundo momento.",
    "beta1": "Decaimiento de la estimación del primer momento m (betas[0]).",
    "beta2": "Decaimiento de la estimación del segundo momento v (betas[1]).",
    "amsgrad": "Usa el máximo acumulado de v (variante AMSGrad).",
    "rho": "Decaimiento de los promedios móviles de gradientes y actualizaciones al cuadrado.",
    "step_size": "Multiplica la tasa de aprendizaje por gamma cada tantas épocas.",
    "gamma": "Factor multiplicativo del decaimiento.",
    "k": "η_t = η₀ / (1 + k·t), con t en épocas.",
    "T_max": "Épocas de media onda del coseno; 0 = el número de épocas.",
    "eta_min": "Tasa de aprendizaje mínima del coseno.",
    "T_0": "Épocas hasta el primer reinicio.",
    "T_mult": "Cada ciclo dura este número de veces el anterior.",
}

EN = {
    "trainer.title": "Trainer",
    "trainer.card": "Train an MLP on digits or MNIST live: curves, confusion matrix, mistakes, code.",
    "trainer.intro": (
        "Configure a multilayer perceptron, press **Start** and watch the training and validation "
        "curves grow epoch by epoch. The presets are the course's models: the MNIST homework "
        "(logistic baseline, 1–3 hidden layers, SGD at lr 0.1 and 0.01, Adam, Adagrad), the "
        "regularized five-layer network and the six optical-digits networks. Everything runs "
        "here with PyTorch; the *digits* dataset needs no internet."
    ),
    # configuration
    "trainer.h_config": "1 · Configure",
    "trainer.preset": "Preset",
    "trainer.preset_help": "Loads a course configuration into every control below; you can then change any of them.",
    "trainer.h_data": "Data",
    "trainer.h_network": "Network",
    "trainer.h_optimization": "Optimization",
    "trainer.dataset": "Dataset",
    "trainer.ds.digits": "Digits 8×8 (scikit-learn, offline)",
    "trainer.ds.mnist": "MNIST 28×28",
    "trainer.ds.fashion-mnist": "Fashion-MNIST 28×28",
    "trainer.subset": "Share of the training images used",
    "trainer.subset_help": "A smaller share makes quick classroom runs; validation and test stay the same.",
    "trainer.val_fraction": "Validation share (held out from the training set)",
    "trainer.seed": "Seed",
    "trainer.layers": "Hidden layers (0 = logistic regression)",
    "trainer.activation": "Activation",
    "trainer.init": "Initialization",
    "trainer.init.default": "PyTorch default",
    "trainer.init.kaiming": "Kaiming (He)",
    "trainer.init.xavier": "Xavier (Glorot)",
    "trainer.init.normal": "Normal N(0, σ²)",
    "trainer.init_std": "σ of the normal initialization",
    "trainer.l1": "L1 strength α",
    "trainer.l2": "L2 strength λ",
    "trainer.optimizer": "Optimizer",
    "trainer.lr": "Learning rate",
    "trainer.batch": "Mini-batch size",
    "trainer.epochs": "Maximum epochs",
    "trainer.patience": "Early-stopping patience (0 = off)",
    "trainer.patience_help": "Stop after this many epochs without a lower validation loss; the best epoch's weights are kept.",
    "trainer.schedule": "Learning-rate schedule",
    "trainer.sched.none": "constant",
    "trainer.sched.step": "step decay (StepLR)",
    "trainer.sched.exponential": "exponential (ExponentialLR)",
    "trainer.sched.inverse_time": "inverse time η₀/(1 + k·t)",
    "trainer.sched.cosine": "cosine (CosineAnnealingLR)",
    "trainer.sched.cosine_restarts": "cosine with warm restarts",
    "trainer.per_layer": "Hidden layers",
    "trainer.layer_k": "Layer {k}",
    "trainer.width": "Units",
    "trainer.dropout": "Dropout p (drop probability)",
    "trainer.batch_norm": "Batch norm",
    "trainer.hyper_expander": "Optimizer and schedule hyperparameters (PyTorch names)",
    "trainer.hyper_caption": "The names are the keyword arguments of torch.optim and torch.optim.lr_scheduler.",
    "trainer.no_hyper": "Plain SGD has only the learning rate.",
    "trainer.no_schedule": "The learning rate stays constant.",
    "trainer.config_summary": "**Configuration:** `{summary}`",
    "trainer.matches_preset": "Exactly the preset “{preset}”.",
    "trainer.preset_capped": (
        "This server caps runs at {epochs} epochs, {layers} hidden layers and {width} units per "
        "layer; the preset was fitted to those limits."
    ),
    "trainer.samples_capped": "This server trains on at most {n} images; the share was reduced to fit.",
    "trainer.differs_preset": "Changed from the preset “{preset}”: {names}.",
    "trainer.l2_note": (
        "**How L1 and L2 enter here.** Both are *explicit penalties* added to the mean "
        "cross-entropy of each mini-batch, over the weight matrices only (not biases, not batch "
        "norm's γ and β): α·Σ|W| + (λ/2)·ΣW². The L2 term adds λ·W to the gradient, which is "
        "exactly what PyTorch's `weight_decay=λ` does in SGD, Adagrad, RMSprop and Adam: that "
        "*coupled* decay also enters the gradient before the optimizer scales it. So this control"
        " gives the same steps as `weight_decay=λ` for every optimizer here (applied, as here, to"
        " the weight matrices only, through a parameter group). The real alternative is "
        "*decoupled* weight decay (`torch.optim.AdamW`, or Adam with "
        "`decoupled_weight_decay=True`), which shrinks each weight by lr·λ·w outside the adaptive"
        " scaling; with Adam it takes different steps."
    ),
    "trainer.objective_caption": "What each step minimizes: mean cross-entropy of the mini-batch plus the penalties.",
    "trainer.model_expander": "Your network: {trainable} trainable parameters, {buffers} buffer values — layers and PyTorch code",
    "trainer.tab_layers": "Layers",
    "trainer.tab_code": "PyTorch code",
    "trainer.col_layer": "layer",
    "trainer.col_type": "type",
    "trainer.col_output": "output shape",
    "trainer.col_params": "parameters (shape)",
    "trainer.col_trainable": "trainable",
    "trainer.col_buffers": "buffers",
    "trainer.col_detail": "detail",
    "trainer.param_totals": "**Total:** {trainable} trainable parameters + {buffers} running-statistic values = {total}.",
    "trainer.keras_note": (
        "Batch norm learns γ and β (trainable) and keeps a running mean and variance that are "
        "updated by averaging, not by gradients. A Keras summary lists the latter as "
        "“non-trainable parameters”; here they are *buffers*. For the regularized five-layer "
        "preset: 75,914 trainable + 128 running values = the 76,042 of a Keras summary."
    ),
    "trainer.code_note": (
        "A standalone script with the same layers, optimizer, schedule, penalties and early "
        "stopping. Its layer names match this page, so a downloaded `weights.pt` loads into it "
        "with `model.load_state_dict(torch.load(path, weights_only=True))`."
    ),
    "trainer.download_code": "Download train_mlp.py",
    # data
    "trainer.h_dataset": "2 · Data",
    "trainer.loading": "Loading {dataset} (downloading into {path} the first time)…",
    "trainer.data_missing": "The {dataset} files were not found in {path}.",
    "trainer.data_download_failed": (
        "{dataset} could not be downloaded into {path} (no internet connection, or the server "
        "did not answer). The digits dataset works offline."
    ),
    "trainer.data_corrupt": "The {dataset} files in {path} are incomplete or damaged; delete them to download again.",
    "trainer.data_detail": "Details: {detail}",
    "trainer.switch_digits": "Switch to the digits dataset",
    "trainer.data_info": (
        "**{dataset}:** {n_train} training images (validation is taken from them) and "
        "{n_test} test images, {h}×{w} pixels, {classes} classes."
    ),
    "trainer.split_info": "This configuration fits on {n_fit} images, validates on {n_val} and reports on {n_test} test images.",
    "trainer.scaling_note": (
        "Pixels are scaled once, in memory, with two constants for the whole dataset: "
        "x = (pixel/{max} − {mean}) / {std}."
    ),
    # train
    "trainer.h_train": "3 · Train",
    "trainer.start": "Start",
    "trainer.stop": "Stop",
    "trainer.stop_help": "Ends the run after at most one more step and keeps the best weights so far.",
    "trainer.finish_now": "Finish now",
    "trainer.finish_help": "Runs the rest without live charts (the page waits until it ends).",
    "trainer.grid_epochs": "Epochs per grid run",
    "trainer.grid": "Run the course grid ({n} runs)",
    "trainer.grid_help": (
        "The homework grid on the selected dataset: 0, 1, 2 and 3 hidden layers × lr 0.1 and "
        "0.01, SGD, batch 2000, one after another. Results land in the comparison below."
    ),
    "trainer.grid_item": "grid: {depth} hidden, lr {lr}",
    "trainer.grid_progress": "**Course grid, run {i} of {n}:** {label}",
    "trainer.running": "**Training:** {label}",
    "trainer.queued": (
        "Waiting for a free training slot: you are number {position} in line. This server trains "
        "{k} run(s) at once so that every page stays quick. Your run starts by itself; Stop "
        "leaves the line."
    ),
    "trainer.progress": "Epoch {epoch} of at most {n_epochs} · {elapsed} elapsed · at most {eta} left",
    "trainer.finishing": "Finishing {label}…",
    "trainer.series_train": "train",
    "trainer.series_val": "validation",
    "trainer.loss": "loss",
    "trainer.accuracy": "accuracy",
    "trainer.epoch": "epoch",
    "trainer.live_alt": (
        "After epoch {epoch}: training loss {train_loss}, validation loss {val_loss}; training "
        "accuracy {train_acc}, validation accuracy {val_acc}; lowest validation loss at epoch {best}."
    ),
    "trainer.live_alt_step": "First epoch in progress: batch {batch} of {n_batches}, running training loss {train_loss}.",
    "trainer.live_alt_empty": "No epoch finished yet.",
    "trainer.upload_expander": "Load weights into this configuration",
    "trainer.upload_help": (
        "A .pt file with a state_dict downloaded from this page (at most {mb} MB). It is read "
        "with torch.load(weights_only=True): anything other than tensors is refused, never run."
    ),
    "trainer.upload": "Weights file (.pt)",
    "trainer.upload_ok": "Loaded {name}: test accuracy {acc}.",
    "trainer.uploaded_label": "uploaded weights {name}",
    # results
    "trainer.h_results": "4 · Results",
    "trainer.results_of": "Run: **{label}**",
    "trainer.test_acc": "Test accuracy",
    "trainer.test_loss": "Test loss",
    "trainer.best_epoch": "Best epoch / epochs run",
    "trainer.time": "Time",
    "trainer.time_help": "Wall-clock time from Start to the end; {work} of it computing.",
    "trainer.result_line": (
        "Best weights: training accuracy {train_acc}, validation accuracy {val_acc} "
        "({n_train} training, {n_val} validation and {n_test} test images)."
    ),
    "trainer.time_line": "It took {wall} s from Start to the end, {work} s of them computing.",
    "trainer.stop.completed": "Ran every epoch.",
    "trainer.stop.early_stopping": "Early stopping: {patience} epochs without a lower validation loss.",
    "trainer.stop.stopped": "Stopped by you.",
    "trainer.stop.diverged": "Stopped because the loss diverged.",
    "trainer.reason.completed": "all epochs",
    "trainer.reason.early_stopping": "early stopping",
    "trainer.reason.stopped": "stopped",
    "trainer.reason.diverged": "diverged",
    "trainer.div.nan": "the loss became NaN",
    "trainer.div.inf": "the loss became infinite",
    "trainer.div.grew": "the loss grew to {loss} (it started at {initial})",
    "trainer.div_lambda": " At the initial weights the largest Hessian eigenvalue λ_max is about {lambda_max}, so lr·λ_max ≈ {prod}.",
    "trainer.diverged": (
        "**Training diverged** at epoch {epoch}, step {step}: {what}. The step is too large: on "
        "a quadratic, gradient descent diverges as soon as lr·λ_max > 2.{lambda_max_note} The best weights "
        "before the blow-up are kept. Try lr = {lr}."
    ),
    "trainer.use_lr": "Use lr = {lr}",
    "trainer.view": "Results view",
    "trainer.tab_curves": "Curves",
    "trainer.tab_confusion": "Confusion matrix",
    "trainer.tab_per_class": "Per class",
    "trainer.tab_mistakes": "Confident mistakes",
    "trainer.tab_files": "Files",
    "trainer.no_history": "No epoch finished, so there are no curves (the results are for the initial weights).",
    "trainer.final_alt": (
        "{epochs} epochs. Lowest validation loss {val_loss} (accuracy {val_acc}) at epoch "
        "{best}, marked by the dashed line; at the last epoch the training loss was "
        "{train_loss} and the validation loss {last_val}."
    ),
    "trainer.best_rule_alt": "Training and validation accuracy per epoch; the dashed line marks the best epoch, {best}.",
    "trainer.true_class": "true class",
    "trainer.pred_class": "predicted class",
    "trainer.cm_alt": (
        "Rows are true classes and add up to 1. Most frequent confusion: {true} predicted as "
        "{pred} ({share}, {count} images). Lowest recall: {low} ({low_rec}); highest: {high} ({high_rec})."
    ),
    "trainer.balanced": "Balanced accuracy (mean of the diagonal)",
    "trainer.balanced_help": "Mean recall over classes: every class counts the same, whatever its size.",
    "trainer.col_class": "class",
    "trainer.precision": "precision",
    "trainer.recall": "recall",
    "trainer.f1": "F1",
    "trainer.support": "support",
    "trainer.score": "score",
    "trainer.macro": "Macro averages: precision {p}, recall {r}, F1 {f}.",
    "trainer.per_class_alt": "Precision, recall and F1 per class; lowest F1: class {worst} ({f1}); highest: class {best} ({best_f1}).",
    "trainer.no_mistakes": "No test image is misclassified.",
    "trainer.mistakes_need_data": "The images of this dataset are not available right now.",
    "trainer.mistakes_intro": "The {n} wrong predictions made with the highest probability (of {total} mistakes):",
    "trainer.mistake_caption": "true {true} → {pred} (p = {prob})",
    "trainer.mistakes_table": "The same mistakes as a table",
    "trainer.col_index": "test image",
    "trainer.probability": "probability",
    "trainer.files_intro": "Download what this run produced:",
    "trainer.dl_history": "Metrics per epoch (CSV)",
    "trainer.dl_weights": "Weights (state_dict, .pt)",
    "trainer.dl_config": "Configuration (JSON)",
    "trainer.files_note": (
        "The weights file holds only tensors (a `state_dict`); load it back above, or into "
        "the downloaded script."
    ),
    # compare
    "trainer.h_compare": "5 · Compare runs",
    "trainer.col_run": "run",
    "trainer.col_config": "configuration",
    "trainer.col_best_val": "best val. acc.",
    "trainer.col_test_acc": "test acc.",
    "trainer.col_epochs": "epochs",
    "trainer.col_seconds": "seconds",
    "trainer.col_stop": "ended by",
    "trainer.compare_pick": "Runs to overlay",
    "trainer.compare_metric": "Curve",
    "trainer.cm.val_acc": "validation accuracy",
    "trainer.cm.val_loss": "validation loss",
    "trainer.cm.train_acc": "training accuracy",
    "trainer.cm.train_loss": "training loss",
    "trainer.compare_alt": "{n} runs overlaid; the highest best validation accuracy is {acc}, by {top}.",
    "trainer.clear_runs": "Clear the list",
    # misconceptions (course documents)
    "trainer.misc_test_as_val": (
        "Validating on the 10,000 MNIST test images and then picking the model that does best "
        "on them makes the reported test accuracy optimistic: the test set has already been "
        "used for a decision. Here validation images are held out from the training set, and "
        "the test set is used once, for the final report."
    ),
    "trainer.misc_pixel_std": (
        "Standardizing every pixel on its own divides by a zero standard deviation wherever a "
        "pixel is blank in every training image (the border of the 8×8 digits), and the "
        "validation inputs explode. One mean and one standard deviation per dataset avoid it."
    ),
    "trainer.misc_softmax": (
        "The network outputs logits, and `F.cross_entropy` applies log-softmax itself. Putting "
        "a softmax layer in the model *and* using the cross-entropy applies it twice and slows "
        "learning; softmax is needed only to read probabilities. It does not make training "
        "converge faster."
    ),
    "trainer.misc_bottleneck": (
        "A hidden layer of one or two units is a tight bottleneck, but not a hopeless one: along "
        "a single number the network can still order several classes and split them with "
        "thresholds, so accuracy well above 10 % is possible. An accuracy equal to the share of "
        "the largest class is a different symptom: the network gives the same answer for every "
        "image (a collapsed or dead layer, e.g. a ReLU unit that outputs 0 for every input), "
        "which is not “chance”. An accuracy of {printed} on MNIST is exactly that: {count} of the"
        " {n} test images are a “1” ({share}), and such a network's confusion matrix puts almost "
        "every image in the “1” column. Comparing a 4-2-1 network without regularizers with a "
        "4-4-4 network with regularizers also changes two things at once (the widths and the "
        "regularizers), so the difference cannot be credited to the regularizers."
    ),
    "trainer.misc_dip": (
        "A short dip of the validation accuracy that recovers a few epochs later is usually "
        "noise from a large step, not overfitting. Overfitting is a validation loss that keeps "
        "rising while the training loss keeps falling."
    ),
    "trainer.misc_gap": (
        "Training and validation curves that lie closer together at a smaller learning rate "
        "do not prove better generalization: after the same number of epochs the slower run "
        "may simply have fitted the training set less. Compare validation accuracy, and the "
        "test accuracy once, at the end."
    ),
    "trainer.misc_balanced": (
        "The mean of the diagonal of this row-normalized matrix is the *balanced* accuracy "
        "(mean recall). The usual accuracy, which `accuracy_score` returns, weights each class "
        "by its number of images; it is not “normalized for class imbalance”. The two "
        "coincide only when the classes are equally frequent."
    ),
    "trainer.misc_early_stop": (
        "Early stopping does not return the last weights, nor does it stop at the first rise "
        "of the validation loss: it waits `patience` epochs without improvement and returns "
        "the weights of the epoch with the lowest validation loss."
    ),
    "trainer.eval_train": "Also score the training set in evaluation mode after each epoch",
    "trainer.eval_train_help": (
        "Adds a third curve: the training images scored with the end-of-epoch weights, without "
        "dropout and without the penalty, like validation. One extra pass over the training set "
        "per epoch; the training itself does not change."
    ),
    "trainer.series_train_eval": "train (eval mode)",
    "trainer.train_curve_note": (
        "**What the “train” curve is.** The running mean of the epoch's mini-batch losses: each "
        "mini-batch is scored with the weights of that moment (they improve during the epoch), in"
        " training mode (dropout on, batch norm with the mini-batch's own statistics) and without"
        " the L1/L2 penalty. The validation curve scores the end-of-epoch weights in evaluation "
        "mode. The two are not measured the same way, and with dropout the “train” loss can sit "
        "above the validation loss with nothing wrong. That is why a dropout network can report a"
        " training loss of {train_loss} above a test loss of {test_loss}, as in the regularizers "
        "notebook. For a like-for-like comparison, turn on the evaluation of the training set in "
        "evaluation mode (a third curve)."
    ),
    "trainer.constant_warning": (
        "**No better than a constant answer.** The test accuracy, {acc}, is no better than the share "
        "of the largest class, “{cls}” ({share}): answering “{cls}” for every image would score "
        "that. {top_share} of the predictions are “{top}”. The network outputs (nearly) one "
        "class: a collapsed or dead layer, or weights wrecked by too large a step. That is not "
        "chance level, which with {k} classes would be about {chance}."
    ),
    "trainer.misc_digits_tanh": (
        "In the optical-digits cases, tanh does not beat ReLU: case d (1×40 tanh) scored {d}, "
        "below the {b} of case b, the same network with ReLU; at 10 units, tanh (c) scored {c} "
        "and ReLU (a) {a}. With one run per case and gaps of about a percentage point, those "
        "numbers cannot rank the two activations either way."
    ),
    "trainer.misc_digits_e": (
        "Case e's own test loss is {own}, the highest of the six optical-digits cases; {quoted}, "
        "a value quoted for it, is case d's loss. Read each case's loss from its own results."
    ),
    "trainer.misc_digits_time": (
        "With early stopping, training time mostly measures how many epochs ran before the "
        "validation loss stopped improving, not the size of the network: per epoch these small "
        "networks cost about the same. In the optical-digits report the largest network (f, "
        "40-40) is among the fastest (about {fast} s, with d) and b and c among the slowest "
        "(about {slow} s), so “larger models train longer” does not follow from its timings. "
        "Compare time per epoch, or the epochs run."
    ),
    "trainer.misc_p5": (
        "A learning rate does not carry over from one optimizer to another: lr = {lr} was chosen "
        "for SGD, but Adam moves each weight by about lr per step whatever the gradient's size, "
        "so {lr} is ten times Adam's default ({adam_default}); Adagrad's steps shrink as squared "
        "gradients pile up (its default is {adagrad_default}). Tune lr for each optimizer. And "
        "the smoothest curves are no reason to choose an optimizer: Adagrad's are smooth largely "
        "because its steps keep shrinking. Choose by validation loss and accuracy."
    ),
}

ES = {
    "trainer.title": "Entrenador",
    "trainer.card": "Entrena un MLP con dígitos o MNIST en vivo: curvas, matriz de confusión, errores y código.",
    "trainer.intro": (
        "Configura un perceptrón multicapa, presiona **Iniciar** y observa cómo crecen las "
        "curvas de entrenamiento y validación época a época. Los preajustes son los modelos del "
        "curso: la tarea de MNIST (regresión logística de base, 1 a 3 capas ocultas, SGD con lr "
        "0.1 y 0.01, Adam, Adagrad), la red regularizada de cinco capas y las seis redes de "
        "dígitos ópticos. Todo corre aquí con PyTorch; el conjunto *dígitos* no necesita internet."
    ),
    "trainer.h_config": "1 · Configura",
    "trainer.preset": "Preajuste",
    "trainer.preset_help": "Carga una configuración del curso en todos los controles de abajo; luego puedes cambiar cualquiera.",
    "trainer.h_data": "Datos",
    "trainer.h_network": "Red",
    "trainer.h_optimization": "Optimización",
    "trainer.dataset": "Conjunto de datos",
    "trainer.ds.digits": "Dígitos 8×8 (scikit-learn, sin conexión)",
    "trainer.ds.mnist": "MNIST 28×28",
    "trainer.ds.fashion-mnist": "Fashion-MNIST 28×28",
    "trainer.subset": "Fracción de las imágenes de entrenamiento usada",
    "trainer.subset_help": "Una fracción menor permite corridas rápidas en clase; validación y prueba no cambian.",
    "trainer.val_fraction": "Fracción de validación (apartada del entrenamiento)",
    "trainer.seed": "Semilla",
    "trainer.layers": "Capas ocultas (0 = regresión logística)",
    "trainer.activation": "Activación",
    "trainer.init": "Inicialización",
    "trainer.init.default": "Predeterminada de PyTorch",
    "trainer.init.kaiming": "Kaiming (He)",
    "trainer.init.xavier": "Xavier (Glorot)",
    "trainer.init.normal": "Normal N(0, σ²)",
    "trainer.init_std": "σ de la inicialización normal",
    "trainer.l1": "Intensidad L1 α",
    "trainer.l2": "Intensidad L2 λ",
    "trainer.optimizer": "Optimizador",
    "trainer.lr": "Tasa de aprendizaje",
    "trainer.batch": "Tamaño del minilote",
    "trainer.epochs": "Épocas como máximo",
    "trainer.patience": "Paciencia de la parada temprana (0 = sin parada)",
    "trainer.patience_help": "Se detiene tras tantas épocas sin bajar la pérdida de validación; se conservan los pesos de la mejor época.",
    "trainer.schedule": "Calendario de la tasa de aprendizaje",
    "trainer.sched.none": "constante",
    "trainer.sched.step": "decaimiento escalonado (StepLR)",
    "trainer.sched.exponential": "exponencial (ExponentialLR)",
    "trainer.sched.inverse_time": "tiempo inverso η₀/(1 + k·t)",
    "trainer.sched.cosine": "coseno (CosineAnnealingLR)",
    "trainer.sched.cosine_restarts": "coseno con reinicios",
    "trainer.per_layer": "Capas ocultas",
    "trainer.layer_k": "Capa {k}",
    "trainer.width": "Unidades",
    "trainer.dropout": "Dropout p (probabilidad de apagar)",
    "trainer.batch_norm": "Normalización por lotes",
    "trainer.hyper_expander": "Hiperparámetros del optimizador y del calendario (nombres de PyTorch)",
    "trainer.hyper_caption": "Los nombres son los argumentos de torch.optim y torch.optim.lr_scheduler.",
    "trainer.no_hyper": "El SGD simple solo tiene la tasa de aprendizaje.",
    "trainer.no_schedule": "La tasa de aprendizaje se mantiene constante.",
    "trainer.config_summary": "**Configuración:** `{summary}`",
    "trainer.matches_preset": "Es exactamente el preajuste «{preset}».",
    "trainer.preset_capped": (
        "Este servidor limita las corridas a {epochs} épocas, {layers} capas ocultas y {width} "
        "unidades por capa; el preajuste se ajustó a esos límites."
    ),
    "trainer.samples_capped": "Este servidor entrena con {n} imágenes como máximo; la fracción se redujo para no pasarse.",
    "trainer.differs_preset": "Cambios respecto al preajuste «{preset}»: {names}.",
    "trainer.l2_note": (
        "**Cómo entran L1 y L2 aquí.** Ambas son *penalizaciones explícitas* que se suman a la "
        "entropía cruzada media de cada minilote, solo sobre las matrices de pesos (no sesgos, ni"
        " la γ y la β de la normalización por lotes): α·Σ|W| + (λ/2)·ΣW². El término L2 suma λ·W "
        "al gradiente, que es exactamente lo que hace `weight_decay=λ` de PyTorch en SGD, "
        "Adagrad, RMSprop y Adam: ese decaimiento *acoplado* también entra al gradiente antes de "
        "que el optimizador lo escale. Por eso este control da los mismos pasos que "
        "`weight_decay=λ` con cualquiera de los optimizadores de aquí (aplicado, como aquí, solo "
        "a las matrices de pesos mediante un grupo de parámetros). La alternativa de verdad es el"
        " decaimiento *desacoplado* (`torch.optim.AdamW`, o Adam con "
        "`decoupled_weight_decay=True`), que encoge cada peso en lr·λ·w fuera del escalamiento "
        "adaptativo; con Adam da pasos distintos."
    ),
    "trainer.objective_caption": "Lo que minimiza cada paso: entropía cruzada media del minilote más las penalizaciones.",
    "trainer.model_expander": "Tu red: {trainable} parámetros entrenables, {buffers} valores en búferes — capas y código PyTorch",
    "trainer.tab_layers": "Capas",
    "trainer.tab_code": "Código PyTorch",
    "trainer.col_layer": "capa",
    "trainer.col_type": "tipo",
    "trainer.col_output": "forma de salida",
    "trainer.col_params": "parámetros (forma)",
    "trainer.col_trainable": "entrenables",
    "trainer.col_buffers": "búferes",
    "trainer.col_detail": "detalle",
    "trainer.param_totals": "**Total:** {trainable} parámetros entrenables + {buffers} valores de estadísticas acumuladas = {total}.",
    "trainer.keras_note": (
        "La normalización por lotes aprende γ y β (entrenables) y guarda una media y una "
        "varianza acumuladas que se actualizan promediando, no con gradientes. Un resumen de "
        "Keras cuenta estas últimas como «parámetros no entrenables»; aquí son *búferes*. En el "
        "preajuste regularizado de cinco capas: 75,914 entrenables + 128 valores acumulados = "
        "los 76,042 de un resumen de Keras."
    ),
    "trainer.code_note": (
        "Un script independiente con las mismas capas, optimizador, calendario, penalizaciones y "
        "parada temprana. Los nombres de sus capas coinciden con esta página, así que un "
        "`weights.pt` descargado se carga con "
        "`model.load_state_dict(torch.load(ruta, weights_only=True))`."
    ),
    "trainer.download_code": "Descargar train_mlp.py",
    "trainer.h_dataset": "2 · Datos",
    "trainer.loading": "Cargando {dataset} (la primera vez se descarga en {path})…",
    "trainer.data_missing": "No se encontraron los archivos de {dataset} en {path}.",
    "trainer.data_download_failed": (
        "No se pudo descargar {dataset} en {path} (no hay conexión a internet o el servidor no "
        "respondió). El conjunto de dígitos funciona sin conexión."
    ),
    "trainer.data_corrupt": "Los archivos de {dataset} en {path} están incompletos o dañados; bórralos para descargarlos de nuevo.",
    "trainer.data_detail": "Detalle: {detail}",
    "trainer.switch_digits": "Cambiar al conjunto de dígitos",
    "trainer.data_info": (
        "**{dataset}:** {n_train} imágenes de entrenamiento (de ellas se toma la validación) y "
        "{n_test} de prueba, de {h}×{w} píxeles, {classes} clases."
    ),
    "trainer.split_info": "Esta configuración ajusta con {n_fit} imágenes, valida con {n_val} y reporta con {n_test} de prueba.",
    "trainer.scaling_note": (
        "Los píxeles se escalan una sola vez, en memoria, con dos constantes para todo el "
        "conjunto: x = (píxel/{max} − {mean}) / {std}."
    ),
    "trainer.h_train": "3 · Entrena",
    "trainer.start": "Iniciar",
    "trainer.stop": "Detener",
    "trainer.stop_help": "Termina la corrida tras a lo sumo un paso más y conserva los mejores pesos hasta ahora.",
    "trainer.finish_now": "Terminar ya",
    "trainer.finish_help": "Ejecuta lo que falta sin gráficas en vivo (la página espera hasta que acabe).",
    "trainer.grid_epochs": "Épocas por corrida de la malla",
    "trainer.grid": "Correr la malla del curso ({n} corridas)",
    "trainer.grid_help": (
        "La malla de la tarea con el conjunto elegido: 0, 1, 2 y 3 capas ocultas × lr 0.1 y "
        "0.01, SGD, lote 2000, una tras otra. Los resultados aparecen en la comparación de abajo."
    ),
    "trainer.grid_item": "malla: {depth} ocultas, lr {lr}",
    "trainer.grid_progress": "**Malla del curso, corrida {i} de {n}:** {label}",
    "trainer.running": "**Entrenando:** {label}",
    "trainer.queued": (
        "Esperando un turno libre para entrenar: eres el número {position} de la fila. Este "
        "servidor entrena {k} corrida(s) a la vez para que todas las páginas sigan ágiles. Tu "
        "corrida empieza sola; Detener te saca de la fila."
    ),
    "trainer.progress": "Época {epoch} de {n_epochs} como máximo · {elapsed} transcurridos · faltan a lo sumo {eta}",
    "trainer.finishing": "Terminando {label}…",
    "trainer.series_train": "entrenamiento",
    "trainer.series_val": "validación",
    "trainer.loss": "pérdida",
    "trainer.accuracy": "exactitud",
    "trainer.epoch": "época",
    "trainer.live_alt": (
        "Tras la época {epoch}: pérdida de entrenamiento {train_loss}, de validación {val_loss}; "
        "exactitud de entrenamiento {train_acc}, de validación {val_acc}; la menor pérdida de "
        "validación fue en la época {best}."
    ),
    "trainer.live_alt_step": "Primera época en curso: lote {batch} de {n_batches}, pérdida de entrenamiento acumulada {train_loss}.",
    "trainer.live_alt_empty": "Todavía no termina ninguna época.",
    "trainer.upload_expander": "Cargar pesos en esta configuración",
    "trainer.upload_help": (
        "Un archivo .pt con un state_dict descargado de esta página (máximo {mb} MB). Se lee con "
        "torch.load(weights_only=True): todo lo que no sean tensores se rechaza y nunca se ejecuta."
    ),
    "trainer.upload": "Archivo de pesos (.pt)",
    "trainer.upload_ok": "Se cargó {name}: exactitud de prueba {acc}.",
    "trainer.uploaded_label": "pesos cargados {name}",
    "trainer.h_results": "4 · Resultados",
    "trainer.results_of": "Corrida: **{label}**",
    "trainer.test_acc": "Exactitud de prueba",
    "trainer.test_loss": "Pérdida de prueba",
    "trainer.best_epoch": "Mejor época / épocas corridas",
    "trainer.time": "Tiempo",
    "trainer.time_help": "Tiempo real desde Iniciar hasta el final; {work} de cálculo.",
    "trainer.result_line": (
        "Mejores pesos: exactitud de entrenamiento {train_acc}, de validación {val_acc} "
        "({n_train} imágenes de entrenamiento, {n_val} de validación y {n_test} de prueba)."
    ),
    "trainer.time_line": "Tardó {wall} s desde Iniciar hasta el final, {work} s de ellos calculando.",
    "trainer.stop.completed": "Corrió todas las épocas.",
    "trainer.stop.early_stopping": "Parada temprana: {patience} épocas sin bajar la pérdida de validación.",
    "trainer.stop.stopped": "La detuviste tú.",
    "trainer.stop.diverged": "Se detuvo porque la pérdida divergió.",
    "trainer.reason.completed": "todas las épocas",
    "trainer.reason.early_stopping": "parada temprana",
    "trainer.reason.stopped": "detenida",
    "trainer.reason.diverged": "divergió",
    "trainer.div.nan": "la pérdida se volvió NaN",
    "trainer.div.inf": "la pérdida se volvió infinita",
    "trainer.div.grew": "la pérdida creció hasta {loss} (empezó en {initial})",
    "trainer.div_lambda": " Con los pesos iniciales el mayor valor propio de la hessiana, λ_max, es cerca de {lambda_max}, así que lr·λ_max ≈ {prod}.",
    "trainer.diverged": (
        "**El entrenamiento divergió** en la época {epoch}, paso {step}: {what}. El paso es "
        "demasiado grande: en una cuadrática, el descenso de gradiente diverge en cuanto "
        "lr·λ_max > 2.{lambda_max_note} Se conservan los mejores pesos previos a la explosión. Prueba lr = {lr}."
    ),
    "trainer.use_lr": "Usar lr = {lr}",
    "trainer.view": "Vista de resultados",
    "trainer.tab_curves": "Curvas",
    "trainer.tab_confusion": "Matriz de confusión",
    "trainer.tab_per_class": "Por clase",
    "trainer.tab_mistakes": "Errores con mayor confianza",
    "trainer.tab_files": "Archivos",
    "trainer.no_history": "No terminó ninguna época, así que no hay curvas (los resultados son de los pesos iniciales).",
    "trainer.final_alt": (
        "{epochs} épocas. Menor pérdida de validación {val_loss} (exactitud {val_acc}) en la "
        "época {best}, marcada con la línea punteada; en la última época la pérdida de "
        "entrenamiento fue {train_loss} y la de validación {last_val}."
    ),
    "trainer.best_rule_alt": "Exactitud de entrenamiento y de validación por época; la línea punteada marca la mejor época, {best}.",
    "trainer.true_class": "clase real",
    "trainer.pred_class": "clase predicha",
    "trainer.cm_alt": (
        "Las filas son las clases reales y suman 1. Confusión más frecuente: {true} predicho "
        "como {pred} ({share}, {count} imágenes). Menor exhaustividad: {low} ({low_rec}); "
        "mayor: {high} ({high_rec})."
    ),
    "trainer.balanced": "Exactitud balanceada (media de la diagonal)",
    "trainer.balanced_help": "Exhaustividad media por clase: cada clase pesa lo mismo, sin importar su tamaño.",
    "trainer.col_class": "clase",
    "trainer.precision": "precisión",
    "trainer.recall": "exhaustividad",
    "trainer.f1": "F1",
    "trainer.support": "soporte",
    "trainer.score": "valor",
    "trainer.macro": "Promedios macro: precisión {p}, exhaustividad {r}, F1 {f}.",
    "trainer.per_class_alt": "Precisión, exhaustividad y F1 por clase; F1 más bajo: clase {worst} ({f1}); más alto: clase {best} ({best_f1}).",
    "trainer.no_mistakes": "Ninguna imagen de prueba está mal clasificada.",
    "trainer.mistakes_need_data": "Las imágenes de este conjunto no están disponibles ahora.",
    "trainer.mistakes_intro": "Las {n} predicciones equivocadas hechas con mayor probabilidad (de {total} errores):",
    "trainer.mistake_caption": "real {true} → {pred} (p = {prob})",
    "trainer.mistakes_table": "Los mismos errores como tabla",
    "trainer.col_index": "imagen de prueba",
    "trainer.probability": "probabilidad",
    "trainer.files_intro": "Descarga lo que produjo esta corrida:",
    "trainer.dl_history": "Métricas por época (CSV)",
    "trainer.dl_weights": "Pesos (state_dict, .pt)",
    "trainer.dl_config": "Configuración (JSON)",
    "trainer.files_note": (
        "El archivo de pesos solo contiene tensores (un `state_dict`); puedes volver a cargarlo "
        "arriba o en el script descargado."
    ),
    "trainer.h_compare": "5 · Compara corridas",
    "trainer.col_run": "corrida",
    "trainer.col_config": "configuración",
    "trainer.col_best_val": "mejor exact. val.",
    "trainer.col_test_acc": "exact. prueba",
    "trainer.col_epochs": "épocas",
    "trainer.col_seconds": "segundos",
    "trainer.col_stop": "terminó por",
    "trainer.compare_pick": "Corridas a superponer",
    "trainer.compare_metric": "Curva",
    "trainer.cm.val_acc": "exactitud de validación",
    "trainer.cm.val_loss": "pérdida de validación",
    "trainer.cm.train_acc": "exactitud de entrenamiento",
    "trainer.cm.train_loss": "pérdida de entrenamiento",
    "trainer.compare_alt": "{n} corridas superpuestas; la mejor exactitud de validación más alta es {acc}, de {top}.",
    "trainer.clear_runs": "Vaciar la lista",
    "trainer.misc_test_as_val": (
        "Validar con las 10,000 imágenes de prueba de MNIST y luego quedarse con el modelo que "
        "mejor les va vuelve optimista la exactitud de prueba reportada: el conjunto de prueba "
        "ya se usó para decidir. Aquí la validación se aparta del conjunto de entrenamiento y "
        "el de prueba se usa una sola vez, para el reporte final."
    ),
    "trainer.misc_pixel_std": (
        "Estandarizar cada píxel por separado divide entre una desviación estándar nula donde "
        "un píxel está en blanco en todas las imágenes de entrenamiento (el borde de los "
        "dígitos 8×8), y las entradas de validación se disparan. Una media y una desviación "
        "estándar por conjunto lo evitan."
    ),
    "trainer.misc_softmax": (
        "La red entrega logits y `F.cross_entropy` aplica log-softmax por su cuenta. Poner una "
        "capa softmax en el modelo *y* usar la entropía cruzada la aplica dos veces y frena el "
        "aprendizaje; softmax solo hace falta para leer probabilidades. No hace que el "
        "entrenamiento converja más rápido."
    ),
    "trainer.misc_bottleneck": (
        "Una capa oculta de una o dos unidades es un cuello de botella estrecho, pero no "
        "imposible: con un solo número la red todavía puede ordenar varias clases y separarlas "
        "con umbrales, así que una exactitud muy por encima del 10 % es posible. Una exactitud "
        "igual a la fracción de la clase más grande es otro síntoma: la red da la misma respuesta"
        " para todas las imágenes (una capa colapsada o muerta, por ejemplo una unidad ReLU que "
        "da 0 para cualquier entrada), y eso no es «azar». Una exactitud de {printed} en MNIST es"
        " justo eso: {count} de las {n} imágenes de prueba son un «1» ({share}), y la matriz de "
        "confusión de una red así pone casi todas las imágenes en la columna del «1». Comparar "
        "una red 4-2-1 sin regularizadores con una 4-4-4 con regularizadores, además, cambia dos "
        "cosas a la vez (los anchos y los regularizadores), así que la diferencia no se les puede"
        " atribuir a los regularizadores."
    ),
    "trainer.misc_dip": (
        "Una caída breve de la exactitud de validación que se recupera pocas épocas después "
        "suele ser ruido de un paso grande, no sobreajuste. El sobreajuste es una pérdida de "
        "validación que sigue subiendo mientras la de entrenamiento sigue bajando."
    ),
    "trainer.misc_gap": (
        "Que las curvas de entrenamiento y validación queden más juntas con una tasa de "
        "aprendizaje menor no prueba que el modelo generalice mejor: tras el mismo número de "
        "épocas, la corrida más lenta puede simplemente haber ajustado menos el entrenamiento. "
        "Compara la exactitud de validación, y la de prueba una sola vez, al final."
    ),
    "trainer.misc_balanced": (
        "La media de la diagonal de esta matriz normalizada por filas es la exactitud "
        "*balanceada* (exhaustividad media). La exactitud usual, la que devuelve "
        "`accuracy_score`, pondera cada clase por su número de imágenes; no está «normalizada "
        "por el desbalance de clases». Ambas coinciden solo cuando las clases son igual de "
        "frecuentes."
    ),
    "trainer.misc_early_stop": (
        "La parada temprana no devuelve los últimos pesos ni se detiene en la primera subida de "
        "la pérdida de validación: espera `patience` épocas sin mejora y devuelve los pesos de "
        "la época con la menor pérdida de validación."
    ),
    "trainer.eval_train": "Evaluar también el conjunto de entrenamiento en modo evaluación tras cada época",
    "trainer.eval_train_help": (
        "Agrega una tercera curva: las imágenes de entrenamiento evaluadas con los pesos del "
        "final de la época, sin dropout y sin penalización, igual que la validación. Cuesta una "
        "pasada más por el conjunto de entrenamiento en cada época; el entrenamiento en sí no "
        "cambia."
    ),
    "trainer.series_train_eval": "entrenamiento (modo evaluación)",
    "trainer.train_curve_note": (
        "**Qué es la curva de «entrenamiento».** La media acumulada de las pérdidas de los "
        "minilotes de la época: cada minilote se evalúa con los pesos de ese momento (que mejoran"
        " durante la época), en modo entrenamiento (dropout activo, normalización por lotes con "
        "las estadísticas del propio minilote) y sin la penalización L1/L2. La curva de "
        "validación evalúa los pesos del final de la época en modo evaluación. No se miden igual,"
        " y con dropout la pérdida de «entrenamiento» puede quedar por encima de la de validación"
        " sin que nada ande mal. Por eso una red con dropout puede reportar una pérdida de "
        "entrenamiento de {train_loss} por encima de una pérdida de prueba de {test_loss}, como "
        "en el cuaderno de regularizadores. Para comparar en igualdad de condiciones, activa la "
        "evaluación del conjunto de entrenamiento en modo evaluación (una tercera curva)."
    ),
    "trainer.constant_warning": (
        "**No mejora a una respuesta constante.** La exactitud de prueba, {acc}, no supera la "
        "fracción de la clase más grande, «{cls}» ({share}): responder «{cls}» para todas las "
        "imágenes lograría eso. El {top_share} de las predicciones son «{top}». La red entrega "
        "(casi) siempre la misma clase: una capa colapsada o muerta, o pesos arruinados por un "
        "paso demasiado grande. Eso no es el nivel del azar, que con {k} clases sería cerca de "
        "{chance}."
    ),
    "trainer.misc_digits_tanh": (
        "En los casos de dígitos ópticos, tanh no supera a ReLU: el caso d (1×40 tanh) obtuvo "
        "{d}, por debajo de los {b} del caso b, la misma red con ReLU; con 10 unidades, tanh (c) "
        "obtuvo {c} y ReLU (a) {a}. Con una sola corrida por caso y diferencias de alrededor de "
        "un punto porcentual, esos números no permiten ordenar las dos activaciones en ningún "
        "sentido."
    ),
    "trainer.misc_digits_e": (
        "La pérdida de prueba del caso e es {own}, la más alta de los seis casos de dígitos "
        "ópticos; {quoted}, un valor que se le atribuye, es la pérdida del caso d. Conviene leer "
        "la pérdida de cada caso en sus propios resultados."
    ),
    "trainer.misc_digits_time": (
        "Con parada temprana, el tiempo de entrenamiento mide sobre todo cuántas épocas corrieron"
        " antes de que la pérdida de validación dejara de bajar, no el tamaño de la red: por "
        "época, estas redes pequeñas cuestan casi lo mismo. En el informe de dígitos ópticos, la "
        "red más grande (f, 40-40) está entre las más rápidas (unos {fast} s, junto con d) y b y "
        "c entre las más lentas (unos {slow} s); de esos tiempos no se sigue que «los modelos más"
        " grandes tarden más». Compara el tiempo por época o las épocas corridas."
    ),
    "trainer.misc_p5": (
        "Una tasa de aprendizaje no se traslada de un optimizador a otro: lr = {lr} se eligió "
        "para SGD, pero Adam mueve cada peso unos lr por paso sin importar el tamaño del "
        "gradiente, así que {lr} es diez veces el valor predeterminado de Adam ({adam_default}); "
        "los pasos de Adagrad se achican a medida que se acumulan los gradientes al cuadrado (su "
        "predeterminado es {adagrad_default}). Ajusta lr para cada optimizador. Además, las "
        "curvas más suaves no son motivo para elegir un optimizador: las de Adagrad son suaves en"
        " buena parte porque sus pasos no dejan de achicarse. Elige por la pérdida y la exactitud"
        " de validación."
    ),
}

for _name in _PRESETS_EN:
    EN[f"trainer.preset.{_name}"] = _PRESETS_EN[_name]
    ES[f"trainer.preset.{_name}"] = _PRESETS_ES[_name]
for _name in _HP_EN:
    EN[f"trainer.hp.{_name}"] = _HP_EN[_name]
    ES[f"trainer.hp.{_name}"] = _HP_ES[_name]

_MISMATCH_WORDS = (
    ("missing ", "faltan "),
    ("unexpected ", "sobran "),
    ("wrong shape ", "forma incorrecta "),
    ("(expected ", "(se esperaba "),
)


def _mismatch(match: re.Match[str]) -> str:
    detail = match.group(1)
    for en, es in _MISMATCH_WORDS:
        detail = detail.replace(en, es)
    return f"los pesos no corresponden a la arquitectura configurada: {detail}"


# Spanish for the messages of core.train / core.models / core.data that this page can show.
ES_ERRORS = [
    (r"^weights do not match the configured architecture: (.+)$", _mismatch),
    (
        r"^weights file refused: it contains objects other than tensors .*$",
        "archivo de pesos rechazado: contiene objetos que no son tensores (solo se acepta un "
        "state_dict guardado con torch.save)",
    ),
    (
        r"^weights file could not be read as a PyTorch state_dict: (.*)$",
        r"el archivo no se pudo leer como un state_dict de PyTorch: \1",
    ),
    (
        r"^weights file must be <= (\d+) bytes, got (\d+)$",
        r"el archivo de pesos debe tener como máximo \1 bytes; tiene \2",
    ),
    (r"^weights file is empty$", "el archivo de pesos está vacío"),
    (
        r"^weights file must contain a state_dict .*$",
        "el archivo de pesos debe contener un state_dict (nombres asociados a tensores)",
    ),
    (r"^weights contain NaN or inf in (.+)$", r"los pesos contienen NaN o infinitos en \1"),
    (r"^weights must be bytes, got (.+)$", r"los pesos deben ser bytes; se recibió \1"),
    # plain ValueErrors of other core modules (core.metrics, core.activations, core.data...);
    # the trainer's configuration errors carry a code and are written from errors.<code>
    (r"^(\S+) must be one of (.+), got (.+)$", r"\1 debe ser uno de \2; se recibió \3"),
    (  # core.models.NetSpec
        r"^(\S+) must have one value per hidden layer \((\d+)\), got (\d+)$",
        r"\1 necesita un valor por capa oculta (\2); se recibieron \3",
    ),
    (
        r"^val_fraction leaves (\d+) training images, need at least 2$",
        r"val_fraction deja \1 imágenes de entrenamiento; se necesitan al menos 2",
    ),
]
