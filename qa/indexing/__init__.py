"""Indexing: chunks (prose, tables, cells, lists), embeddings, BM25 and the on-disk store.

Builds on :mod:`qa.parsing`; knows nothing of questions or readers.
"""
