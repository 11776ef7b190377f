"""The one entry point for translations: which language is on, and switching it.

Every visible string is written in English in the source, through `self.tr` or
`QCoreApplication.translate`, and looked up in the compiled catalogue of the chosen
language (`i18n/muskaan_<lang>.qm`, made from the `.ts` files beside it). Qt's own
base catalogue is installed too, so standard buttons and dialogs follow; Qt ships none
for Hindi, so we ship a small `qtbase_hi` of our own for the strings our dialogs use.

Switching language installs the new translators; Qt then sends every widget a
LanguageChange event, and each window re-labels itself in `retranslate()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

CATALOGUE_DIR = Path(__file__).with_name("i18n")
LANGUAGES: dict[str, str] = {"en": "English", "hi": "हिन्दी"}
DEFAULT_LANGUAGE = "en"
_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.India),
    "hi": QLocale(QLocale.Language.Hindi, QLocale.Country.India),
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark `text` for lupdate; translate it later with `translate(context, text)`."""
    return text


def translate(context: str, text: str) -> str:
    """Look up `text` of `context` (for strings marked with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(context, text)


class Translations:
    """Swaps the app's translators all at once. There is one language per process, so
    the installed translators are shared: any instance's `set_language` replaces them."""

    _installed: list[QTranslator] = []  # noqa: RUF012 - shared on purpose

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist before translations are installed"
        for old in Translations._installed:
            app.removeTranslator(old)
        Translations._installed = self._load(language)
        for translator in Translations._installed:
            app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(_LOCALES[language])
        # Qt posts LanguageChange to the windows; deliver it now, so the switch is at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _load(self, language: str) -> list[QTranslator]:
        if language == "en":
            return []
        loaded = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"qtbase_{language}", qt_dir),
            (f"qtbase_{language}", str(CATALOGUE_DIR)),
            (f"muskaan_{language}", str(CATALOGUE_DIR)),
        ):
            translator = QTranslator()
            if translator.load(name, folder):
                loaded.append(translator)
        return loaded
