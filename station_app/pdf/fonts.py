"""The shipped fonts, registered with ReportLab once per process.

Hind (fontpkg-hind, SIL OFL) covers Devanagari and Latin in one family; Mukta
(fontpkg-mukta) is used only if Hind is not installed. One family for both scripts
matters: ReportLab shapes a run of text with one font, so a word drawn from two fonts
would be cut apart and its conjuncts lost.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from station_app.errors import StationError

_CANDIDATES = (("fontpkg_hind", "Hind"), ("fontpkg_mukta", "Mukta"))
_lock = threading.Lock()
_registered: FontSet | None = None


@dataclass(frozen=True, slots=True)
class FontSet:
    """ReportLab names of the registered faces of one family, and where their files are."""

    family: str
    folder: Path
    regular: str
    medium: str
    semibold: str
    bold: str

    def file(self, face: str) -> Path:
        """The TrueType file of a face name such as `self.bold`."""
        return self.folder / f"{face}.ttf"


def _font_folder(package: str) -> Path | None:
    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    folder = Path(module.__file__ or "").parent / "files"
    return folder if folder.is_dir() else None


def _register(family: str, folder: Path) -> FontSet:
    names = {}
    for weight in ("Regular", "Medium", "SemiBold", "Bold"):
        name = f"{family}-{weight}"
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
        names[weight] = name
    # So that <b> inside a Paragraph picks the bold face of the same family.
    addMapping(family, 0, 0, names["Regular"])
    addMapping(family, 1, 0, names["Bold"])
    addMapping(family, 0, 1, names["Regular"])
    addMapping(family, 1, 1, names["Bold"])
    return FontSet(
        family, folder, names["Regular"], names["Medium"], names["SemiBold"], names["Bold"]
    )


def register_fonts() -> FontSet:
    """Register the document family (Hind, else Mukta) and return its face names."""
    global _registered
    with _lock:
        if _registered is None:
            for package, family in _CANDIDATES:
                folder = _font_folder(package)
                if folder is not None:
                    _registered = _register(family, folder)
                    break
            else:
                raise StationError(
                    "No Devanagari font is installed (fontpkg-hind or fontpkg-mukta); "
                    "reinstall the program."
                )
        return _registered
