"""Understanding the question: its analysis, entities and matching words to table headers.

Imports parsing-free primitives only (:mod:`qa.text`, :mod:`qa.runtime`).
"""
