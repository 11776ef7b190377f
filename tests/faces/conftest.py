"""Shared helpers for the face tests: the small public-domain photos in data/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def load_photo() -> Callable[[str], Image.Image]:
    def load(name: str) -> Image.Image:
        with Image.open(DATA / name) as image:
            image.load()
            return image.copy()

    return load
