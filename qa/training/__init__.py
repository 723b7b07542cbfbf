"""Training of the extractive reader (not imported on the answering path)."""
