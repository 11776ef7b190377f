"""The app's own fonts, so Devanagari looks the same on every desk.

Hind (fontpkg-hind) is the main face: it covers Devanagari and Latin and is shaped by
Qt's HarfBuzz. Mukta (fontpkg-mukta), if installed, is kept as a fallback.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

MAIN_FAMILY = "Hind"
FALLBACK_FAMILY = "Mukta"
POINT_SIZE = 10.5
_PACKAGES = ("fontpkg_hind", "fontpkg_mukta")
_WEIGHTS = ("Regular", "Medium", "SemiBold", "Bold")


def font_files() -> list[Path]:
    files: list[Path] = []
    for package in _PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        root = Path(module.__file__ or "").parent / "files"
        files.extend(p for p in sorted(root.glob("*.ttf")) if p.stem.split("-")[-1] in _WEIGHTS)
    return files


def load_fonts() -> list[str]:
    """Register the shipped fonts; return the families that loaded."""
    families: set[str] = set()
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def app_font(families: list[str]) -> QFont:
    font = QFont()
    chosen = [f for f in (MAIN_FAMILY, FALLBACK_FAMILY) if f in families]
    if chosen:
        font.setFamilies(chosen)
    font.setPointSizeF(POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
