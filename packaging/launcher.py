"""Entry point of the frozen app: the same ``exadesk`` command as the installed package."""

import multiprocessing
import sys

from exadesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows/macOS app must handle its own child processes
    sys.exit(main())
