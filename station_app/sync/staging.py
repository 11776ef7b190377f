"""A private scratch folder for a batch being made or opened.

It lies inside the data folder, not the system's temp folder: it holds the registers
unencrypted while the batch is made or read, and the data folder is the one place the
desk already protects. It is removed afterwards, whatever happened.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from station_app.paths import AppPaths


@contextmanager
def staging_folder(paths: AppPaths, prefix: str) -> Iterator[Path]:
    paths.exports.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{prefix}-", dir=paths.exports))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
