"""Allows ``python -m screener``."""

import sys

from screener.cli import main

if __name__ == "__main__":
    sys.exit(main())
