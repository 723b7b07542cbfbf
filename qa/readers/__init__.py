"""Readers pick answer spans out of retrieved passages (see :mod:`qa.readers.base`)."""
