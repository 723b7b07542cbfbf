"""The filing-qa web UI (Gradio). `make app` runs it; see qa/serve.py for the options."""
import sys

from qa.serving.serve import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
