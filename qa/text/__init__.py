"""Text primitives every layer shares: tokens and stemming, printed numbers, offset-keeping views.

The bottom layer: it imports nothing else from :mod:`qa`.
"""
