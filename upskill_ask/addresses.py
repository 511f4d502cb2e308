"""Email addresses as typed into the draft: one plausible address, or a reason why not.

``problem(text)`` returns None for an empty field or one plausible address (local@domain), and
otherwise a short reason a person understands; the model validates ``person.email`` and
``manager.email`` with it and the wizard can call it live as the user types. ``parts(text)``
gives (local part, ASCII domain) ready for ``email.headerregistry.Address``, or None: the mail
module uses it so that no .eml ever carries a malformed From or To, whatever the draft holds.

Parsing is the standard library's (``email.utils.parseaddr``, ``email.headerregistry``); the
extra rules are RFC 5321's limits and what a mail client will accept from a draft.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

from upskill_ask.i18n import _

LOCAL_MAX = 64
DOMAIN_MAX = 255
LABEL_MAX = 63
EXAMPLE = "name@example.com"

_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_LABEL = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?")


def problem(text: str) -> str | None:
    """Why ``text`` is not one usable email address, or None when it is (or is empty).

    Leading and trailing spaces are ignored. Refused: line breaks and control characters,
    spaces inside, several addresses, a name or angle brackets around the address, no or
    several '@', an empty or too long part (RFC 5321: 64 characters before the '@', 255 after),
    characters a plain address cannot hold before the '@', a domain that is not a host name.
    """
    text = text.strip()
    if not text:
        return None
    return _shape_problem(text) or _local_problem(text.rpartition("@")[0]) \
        or _domain_problem(text.rpartition("@")[2]) or _parser_problem(text)


def parts(text: str) -> tuple[str, str] | None:
    """(local part, domain in ASCII) of a usable address, or None (empty or malformed)."""
    text = (text or "").strip()
    if not text or problem(text):
        return None
    local, _at, domain = text.rpartition("@")
    return local, _ascii_domain(domain) or domain


def _shape_problem(text: str) -> str | None:
    if "\n" in text or "\r" in text:
        return _("has a line break in it; type one address on one line")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return _("has a control character in it")
    if text.count("@") > 1 or "," in text or ";" in text:
        return _("looks like more than one address; give just one")
    if any(c in text for c in '<>()"'):
        return _("type the address alone, without a name, quotes or brackets, like {example}"
                 ).format(example=EXAMPLE)
    if any(c.isspace() for c in text):
        return _("has a space in it; an email address has none, like {example}").format(example=EXAMPLE)
    if "@" not in text:
        return _("has no @; an email address looks like {example}").format(example=EXAMPLE)
    local, _at, domain = text.partition("@")
    if not local:
        return _("has nothing before the @; an email address looks like {example}").format(example=EXAMPLE)
    if not domain:
        return _("has nothing after the @; an email address looks like {example}").format(example=EXAMPLE)
    return None


def _local_problem(local: str) -> str | None:
    if len(local) > LOCAL_MAX:
        return _("the part before the @ is longer than {limit} characters").format(limit=LOCAL_MAX)
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return _("the part before the @ cannot start or end with a dot or have two dots in a row")
    odd = sorted({c for c in local.replace(".", "") if not _ATEXT.fullmatch(c)})
    if odd:
        return ("the part before the @ has characters a mail program cannot send to: "
                + " ".join(odd))
    return None


def _domain_problem(domain: str) -> str | None:
    ascii_domain = _ascii_domain(domain)
    labels = (ascii_domain or "").split(".")
    if ascii_domain is None or not all(_LABEL.fullmatch(label) and len(label) <= LABEL_MAX
                                       for label in labels):
        return _("the part after the @ ('{domain}') is not a valid domain name").format(domain=domain)
    if len(ascii_domain) > DOMAIN_MAX:
        return _("the part after the @ is longer than {limit} characters").format(limit=DOMAIN_MAX)
    return None


def _ascii_domain(domain: str) -> str | None:
    """The domain as it travels in a header ('bücher.example' -> 'xn--bcher-kva.example')."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _parser_problem(text: str) -> str | None:
    """The standard library must read the text back as exactly this one address."""
    local, _at, domain = text.rpartition("@")
    if parseaddr(text) != ("", text):
        return _(
            "is not an address a mail program can read; type it like {example}").format(example=EXAMPLE)
    try:
        address = Address(addr_spec=f"{local}@{_ascii_domain(domain)}")
    except (HeaderParseError, ValueError, IndexError):
        return _(
            "is not an address a mail program can read; type it like {example}").format(example=EXAMPLE)
    if (address.username, address.domain) != (local, _ascii_domain(domain)):
        return _(
            "is not an address a mail program can read; type it like {example}").format(example=EXAMPLE)
    return None
