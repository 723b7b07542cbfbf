"""Serving: the ``qa`` command line and the Gradio web UI."""
