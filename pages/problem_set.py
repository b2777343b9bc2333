"""Problem set: one exercise per homework problem and slide topic, a running score, a CSV."""

from ui import page, practice

p = page.setup("problem_set")
practice.problem_set(p)
