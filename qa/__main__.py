"""``python -m qa``: the same command line as the installed ``qa`` script."""
import sys

from qa.serving.cli import main

if __name__ == "__main__":
    sys.exit(main())
