"""Evaluation: answer-scoring metrics shared by the harness and reader training."""
