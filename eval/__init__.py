"""Evaluation: gold questions, harness, benchmarks."""
