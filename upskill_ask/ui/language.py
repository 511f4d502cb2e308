"""The app's language on the Qt side: Qt's own strings (QWizard's Back/Next, the buttons of
message boxes, file and print dialogs) from Qt's ``qtbase_<lang>.qm``, and the choice of
language the Start page offers, remembered across starts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from upskill_ask import i18n, preferences

_installed: dict[str, QTranslator | str | None] = {"language": None, "translator": None}


def install_qt(language: str | None = None) -> str:
    """Speak ``language`` in our strings and in Qt's own (None: keep ours as they are, picking
    the start-up choice if none was made, and make Qt's follow). Call it before building any
    widget: Qt's widgets take their texts when they are made. Cheap when nothing changes."""
    app = QCoreApplication.instance()
    code = i18n.install(language) if language is not None else i18n.current()
    if _installed["language"] == code or app is None:
        return code
    old = _installed["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
    _installed["translator"] = None
    if code != i18n.SOURCE:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{code}", folder):
            app.installTranslator(translator)
            _installed["translator"] = translator
    _installed["language"] = code
    return code


def choices() -> list[tuple[str, str | None]]:
    """The languages offered in the app: 'System' first, then each in its own name."""
    return [(i18n._("System"), None)] + [(name, code) for code, name in i18n.LANGUAGES.items()]


def chosen() -> str | None:
    """The language chosen in the app (None: the system's)."""
    code = preferences.app_language()
    return code if code in i18n.LANGUAGES else None


def choose(code: str | None) -> bool:
    """Remember the choice for the next starts; False when it could not be saved."""
    return preferences.set_app_language(code)
