"""Makes packaging/build_config.py importable as ``build_config`` (it is not part of the package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

PACKAGING_DIR = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING_DIR) not in sys.path:
    sys.path.insert(0, str(PACKAGING_DIR))


@pytest.fixture(scope="session")
def cfg():
    import build_config

    return build_config
