"""Runtime: loading the embedder, the reader and spaCy once per process; ONNX export and sessions."""
