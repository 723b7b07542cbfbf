"""Parsing: filings on disk into text (EDGAR plain text, HTML), blocks and the table model.

The lowest layer that knows about filings: it imports only :mod:`qa.text`, :mod:`qa.errors`
and :mod:`qa.digests`.
"""
