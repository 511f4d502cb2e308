"""The app's own language: which languages exist, which one the user gets, and the gettext
functions the UI (and the core strings it shows) are written with.

English is the source language; every other language is a gettext catalog,
``locale/<lang>/LC_MESSAGES/messages.po``, compiled to the ``.mo`` beside it (``make
translations``). Loading reads the ``.mo`` with the standard library only: no Babel here, so
starting the app stays quick.

The language is picked once, at start-up: the one chosen in the app (``preferences``), else the
system's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), else
English. ``_`` and the others look the message up when called, so a string translated in a
function follows the installed language; strings kept in module constants are marked with
``N_`` and translated where they are shown.

The documents' language is another thing: the draft's ``language`` field.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

SOURCE = "en"
LANGUAGES = {"en": "English", "de": "Deutsch", "nl": "Nederlands", "fr": "Français",
             "es": "Español"}
"""Every language the app speaks, by code, each named in itself."""
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
INFORMAL_DOMAIN = "informal"
INFORMAL = frozenset(code for code in LANGUAGES
                     if (LOCALE_DIR / code / "LC_MESSAGES" / f"{INFORMAL_DOMAIN}.mo").exists())
"""The languages whose documents can address the manager informally (German "du" for "Sie"):
each has a catalog ``locale/<lang>/LC_MESSAGES/informal.po`` of the messages that change."""
ADDRESS_WORDS = {"de": ("du", "Sie"), "nl": ("je", "u"), "fr": ("tu", "vous"), "es": ("tú", "usted")}
"""The informal and the formal "you" of each language that has both, as its speakers name
the choice."""
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current: str | None = None


def normalise(name: str) -> str | None:
    """The available language a locale name asks for ('de_DE.UTF-8' -> 'de'), or None."""
    code = name.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for, read as gettext does: the first of LANGUAGE (a colon
    list), LC_ALL, LC_MESSAGES and LANG that is set decides; English when it names none of
    ours ('C', 'POSIX', a language without a catalog)."""
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT:
        value = environ.get(variable, "")
        if not value:
            continue
        for name in value.split(":"):
            code = normalise(name)
            if code:
                return code
        if variable != "LANGUAGE":  # GNU gettext: an unknown LANGUAGE defers to the locale
            return SOURCE
    return SOURCE


def startup_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to start in: the user's choice in the app, else the system's."""
    from upskill_ask import preferences

    chosen = preferences.app_language()
    return chosen if chosen in LANGUAGES else system_language(environ)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of a language (English: the messages as written)."""
    if language == SOURCE or language not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def document_language(language: str) -> str:
    """The catalog a document in ``language`` is written from ('de-AT' -> 'de'; a language
    without a catalog -> English)."""
    code = normalise(language or "")
    return code or SOURCE


def words(language: str, *, informal: bool = False) -> gettext.NullTranslations:
    """The gettext functions for a document in the draft's ``language`` (which may differ from
    the app's): ``words(draft.language).gettext(...)``; ``informal``: the manager is addressed
    informally, where the language has a catalog for it (German "du")."""
    code = document_language(language)
    return informal_translations(code) if informal and code in INFORMAL else translations(code)


def draft_words(draft: Any) -> gettext.NullTranslations:
    """The gettext functions for the documents of ``draft``: its language, and the form of
    address its user chose for the manager (``manager.informal``)."""
    return words(draft.language, informal=draft.manager.informal)


@cache
def informal_translations(language: str) -> gettext.NullTranslations:
    """A language's catalog of the informal address (only the messages that change with it),
    in front of its usual catalog."""
    informal = gettext.translation(INFORMAL_DOMAIN, LOCALE_DIR, languages=[language])
    informal.add_fallback(translations(language))
    return informal


def install(language: str | None = None) -> str:
    """Speak ``language`` from now on (None: the start-up choice); returns the code used."""
    global _current
    _current = language if language in LANGUAGES else startup_language()
    return _current


def current() -> str:
    """The language the app speaks now (picked on first use if nobody installed one)."""
    return _current if _current is not None else install()


def _(message: str) -> str:
    """The message in the app's language ('' stays '': gettext would give the catalog's header)."""
    return translations(current()).gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form that fits ``n``, in the app's language."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it is used (``context``)."""
    return translations(current()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it yet (translate where shown)."""
    return message


def in_sentence(label: str) -> str:
    """A label ('Benefit to the team') as it reads inside a sentence: first letter lowered,
    except in German, where the noun it starts with keeps its capital."""
    if current() == "de" or not label:
        return label
    return label[:1].lower() + label[1:]
