"""Entry point for ``python -m exadesk``."""

import sys

from exadesk.cli import main

sys.exit(main())
