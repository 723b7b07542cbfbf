"""Evaluation: gold sets (bundled and a user's own), the harness, scoring, calibration fitting,
the report and the benchmark; metrics shared with reader training."""
