"""The Spanish glossary: one term per concept, in every catalogue and in the teacher guide.

This is data, not a catalogue (modules in ``ui/text/`` are loaded as ``EN``/``ES`` tables), so it
lives here. ``tests/test_glossary.py`` checks the Spanish catalogue, ``docs/guia-docente.md`` and
the README's Spanish summary against it: no rejected variant appears, the one allowed synonym
appears at most once, and the chosen term is used wherever the English text uses the concept.
«programa» is rejected in every sense, so a computer program is «código» or «script».

All patterns are matched on *folded* text: lower case, accents removed (``fold``), so
``«Predeterminado»``, ``«predeterminados»`` and a missing accent are found alike. Write patterns
in lower case without accents.

=================  =============================  ===============================================
English            Spanish (chosen)               rejected
=================  =============================  ===============================================
schedule           calendario                     programa, cronograma, programación de la tasa
mini-batch         minilote                       mini-lote, mini lote, minibatch
recall             exhaustividad                  sensibilidad (allowed once, as a synonym),
                                                  recuperación
feature            variable                       rasgo
default            predeterminado                 por omisión, por defecto
grid               malla                          rejilla, cuadrícula, grilla
solver             solucionador                   solver, resolvedor, resolutor
gradient descent   descenso de gradiente          DG, descenso por gradiente, descenso del
                                                  gradiente
kink (at 0)        quiebre                        pico (en 0)
settle             se asientan, asentarse         asientan (without «se»)
confident mistakes errores con mayor confianza    errores más seguros
=================  =============================  ===============================================
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower case without accents (``ñ`` → ``n``), so patterns need no accent classes."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Term:
    """One concept: how the English text names it and the one Spanish term we use for it.

    ``en`` finds the concept in lower-cased English text; ``es`` finds the chosen Spanish term;
    ``rejected`` are the variants that must not appear; ``synonym`` may appear at most once per
    document, as a synonym next to the chosen term.
    """

    concept: str
    chosen: str
    en: str
    es: str
    rejected: tuple[str, ...]
    synonym: str | None = None

    def rejected_in(self, text: str) -> list[str]:
        """The rejected variants found in ``text``, folded, in order of appearance."""
        folded = fold(text)
        hits = [(m.start(), m.group()) for rx in self.rejected for m in re.finditer(rx, folded)]
        return [hit for _, hit in sorted(hits)]

    def synonym_count(self, text: str) -> int:
        return len(re.findall(self.synonym, fold(text))) if self.synonym else 0

    def uses_chosen(self, text: str) -> bool:
        return re.search(self.es, fold(text)) is not None

    def concept_in(self, english: str) -> bool:
        return re.search(self.en, english.lower()) is not None


GLOSSARY: tuple[Term, ...] = (
    Term(
        "schedule",
        "calendario",
        en=r"\bschedules?\b",
        es=r"\bcalendarios?\b",
        rejected=(r"\bprogramas?\b", r"\bcronogramas?\b", r"\bprogramacion de la tasa\b"),
    ),
    Term(
        "mini-batch",
        "minilote",
        en=r"\bmini-?batch(es)?\b",
        es=r"\bminilotes?\b",
        rejected=(r"\bmini[- ]lotes?\b", r"\bmini-?batch(es)?\b"),
    ),
    Term(
        "recall",
        "exhaustividad",
        en=r"\brecalls?\b",
        es=r"\bexhaustividad(es)?\b",
        rejected=(r"\brecuperacion\b",),
        synonym=r"\bsensibilidad(es)?\b",
    ),
    Term(
        "feature",
        "variable",
        en=r"\bfeatures?\b",
        es=r"\bvariables?\b",
        rejected=(r"\brasgos?\b",),
    ),
    Term(
        "default",
        "predeterminado",
        en=r"\bdefaults?\b",
        es=r"\bpredeterminad[oa]s?\b",
        rejected=(r"\bpor omision\b", r"\bpor defecto\b"),
    ),
    Term(
        "grid",
        "malla",
        en=r"\bgrids?\b",
        es=r"\bmallas?\b",
        rejected=(r"\brejillas?\b", r"\bcuadriculas?\b", r"\bgrillas?\b"),
    ),
    Term(
        "solver",
        "solucionador",
        en=r"\bsolvers?\b",
        es=r"\bsolucionador(es)?\b",
        rejected=(r"\bsolvers?\b", r"\bresolvedor(es)?\b", r"\bresolutor(es)?\b"),
    ),
    Term(
        "gradient descent",
        "descenso de gradiente",
        en=r"\bgd\b|\bgradient descent\b",
        es=r"\bdescenso de gradiente\b",
        rejected=(r"\bdg\b", r"\bdescenso (por|del) gradiente\b"),
    ),
    Term(
        "kink",
        "quiebre",
        en=r"\bkinks?\b",
        es=r"\bquiebres?\b",
        rejected=(r"\bpicos? en (el origen|cero|0|[wxz] = 0)\b",),
    ),
    Term(
        "settle",
        "se asientan",
        en=r"\bsettle[sd]?\b",
        es=r"\bse asient(a|an|e|en)\b|\basentarse\b",
        rejected=(r"(?<!\bse )\basient(a|an|e|en)\b",),
    ),
    Term(
        "confident mistakes",
        "errores con mayor confianza",
        en=r"\bconfident mistakes\b",
        es=r"\berrores con mayor confianza\b",
        rejected=(r"\berrores mas seguros\b",),
    ),
)
