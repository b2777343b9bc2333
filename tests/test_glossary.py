"""The Spanish text uses one term per concept, as chosen in ``ui/glossary.py``.

Checked in the merged ES catalogue (every ``ui/text/*.py``), the teacher guide
``docs/guia-docente.md`` and the Spanish summary of the README:
- no rejected variant (accent- and case-insensitive, whole words);
- the allowed synonym (recall: «sensibilidad») at most once per document, next to the chosen term;
- wherever the English text uses the concept, the Spanish text uses the chosen term: per key in the
  catalogue, and at least once in the guide when the English guide uses it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui import glossary, i18n

ROOT = Path(__file__).resolve().parents[1]
GUIDE_ES = ROOT / "docs" / "guia-docente.md"
GUIDE_EN = ROOT / "docs" / "teaching-guide.md"
TERMS = {term.concept: term for term in glossary.GLOSSARY}


def readme_spanish() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"Resumen en español</b></summary>(.*?)</details>", text, re.S)
    assert match, "README.md lost its Spanish summary block"
    return match.group(1)


def documents() -> dict[str, str]:
    es = i18n.catalogues()["es"]
    docs = {f"catalogue:{key}": text for key, text in es.items()}
    docs["docs/guia-docente.md"] = GUIDE_ES.read_text(encoding="utf-8")
    docs["README.md (resumen en español)"] = readme_spanish()
    return docs


terms = pytest.mark.parametrize("term", glossary.GLOSSARY, ids=lambda t: t.concept)


def test_fold_ignores_case_and_accents():
    assert glossary.fold("Cuadrícula POR OMISIÓN, año") == "cuadricula por omision, ano"
    grid = TERMS["grid"]
    assert grid.rejected_in("una Cuadricula y una rejilla") == ["cuadricula", "rejilla"]
    assert grid.rejected_in("una malla") == []
    assert grid.uses_chosen("Las MALLAS") and not grid.uses_chosen("un mallado")


def test_context_patterns_catch_what_they_are_for():
    """The context-dependent patterns (kink, settle, DG) reject the wording and nothing else."""
    kink, settle, gd = TERMS["kink"], TERMS["settle"], TERMS["gradient descent"]
    assert kink.rejected_in("La curva tiene un pico en w = 0.") == ["pico en w = 0"]
    assert kink.rejected_in("un pico de la pérdida en la época 3") == []
    assert settle.rejected_in("los finales de cada periodo asientan.") == ["asientan"]
    assert settle.rejected_in("para que los pasos se asienten") == []
    assert gd.rejected_in("el DG es estable") == ["dg"]
    assert gd.rejected_in("el descenso de gradiente es estable") == []


@terms
def test_no_rejected_variant(term):
    found = {where: hits for where, text in documents().items() if (hits := term.rejected_in(text))}
    assert not found, f"use «{term.chosen}» for {term.concept!r}: {found}"


@pytest.mark.parametrize(
    "term", [t for t in glossary.GLOSSARY if t.synonym], ids=lambda t: t.concept
)
def test_synonym_at_most_once_next_to_the_chosen_term(term):
    for name, texts in (
        ("catalogue", recall_texts(term)),
        ("guide", [GUIDE_ES.read_text(encoding="utf-8")]),
    ):
        count = sum(term.synonym_count(text) for text in texts)
        assert count <= 1, f"{name}: «{term.synonym}» {count} times; use «{term.chosen}»"
        for text in texts:
            if term.synonym_count(text):
                assert term.uses_chosen(text), f"{name}: the synonym appears without the term"


def recall_texts(term: glossary.Term) -> list[str]:
    """Spanish texts whose English speaks of the concept: «sensibilidad» elsewhere is not recall
    (the least-squares page measures the sensitivity of a solution to its data)."""
    cats = i18n.catalogues()
    return [cats["es"][key] for key, text in cats["en"].items() if term.concept_in(text)]


def test_recall_synonym_is_given_once_in_the_app():
    recall = TERMS["recall"]
    assert sum(recall.synonym_count(text) for text in recall_texts(recall)) == 1


@terms
def test_chosen_term_where_english_uses_the_concept(term):
    cats = i18n.catalogues()
    keys = [key for key, text in cats["en"].items() if term.concept_in(text)]
    assert keys, f"no English text uses {term.concept!r}; drop or fix its pattern"
    missing = {key: cats["es"][key] for key in keys if not term.uses_chosen(cats["es"][key])}
    assert not missing, f"«{term.chosen}» missing where EN says {term.concept!r}: {missing}"


IN_GUIDE = [t for t in glossary.GLOSSARY if t.concept_in(GUIDE_EN.read_text(encoding="utf-8"))]


def test_english_guide_uses_some_glossary_concepts():
    assert len(IN_GUIDE) >= 4, [t.concept for t in IN_GUIDE]


@pytest.mark.parametrize("term", IN_GUIDE, ids=lambda t: t.concept)
def test_guide_uses_the_chosen_term(term):
    assert term.uses_chosen(GUIDE_ES.read_text(encoding="utf-8")), term.chosen


def test_confident_mistakes_tab_title():
    assert i18n.catalogues()["es"]["trainer.tab_mistakes"] == "Errores con mayor confianza"
