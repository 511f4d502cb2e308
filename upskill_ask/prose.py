"""User text quoted in the documents' sentences, as a person would write it.

Two shapes of the same text:

* :func:`sentence` — the text standing as its own sentence: a common first word capitalised
  (a brand written in lower case, "dbt", stays), one closing full stop (text already ending
  in ".", "?", "!" or "…" gets none added).
* :func:`phrase` — the text set inside a sentence of ours: its first line, without a closing
  full stop, and its first word in lower case only where that is safe: a common word
  ("Cut inventory write-offs" -> "cut inventory write-offs"), never an acronym ("SQL"), a
  word with capitals inside ("iPhone", "McKinsey") or a word we do not know (most likely a
  name: "Priya covers the rota" stays as written).

The Jinja environment offers both as filters (``|sentence``, ``|phrase``); the answers of the
objection library and the covering email use them too. Plain Python, no Qt.
"""

from __future__ import annotations

import re

# Words that begin a phrase and are not names: lowered when they come first in a phrase set
# mid-sentence. A word missing here is left as written (the safe side: it may be a name).
_COMMON = """
a an the this that these those our my your their its his her we they it there here
every each all any some no none both few fewer more most less least many much several
other another same such only just also even more one two three four five six seven eight
nine ten twelve twenty first second third next last half twice zero single double
for by from to in on at with without within across after before during over under up
down about around into onto of per than as and or but so if when while until since
because once
cut cuts reduce reduces reducing increase improve improves improving lower raise halve
keep keeps save saves make makes build builds run runs use uses get set move moves bring
deliver delivers ship reach hit meet meets stop stops avoid prevent prevents speed train
trains teach support supports help helps grow win serve serves protect pass fix fixes
replace automate standardise standardize simplify publish share shares launch open close
finish complete create design install commission test tests check checks review reviews
answer handle manage lead leads plan prepare learn apply become take give start end
sign write present show report walk pair shadow join attend demonstrate
new better faster quicker safer cheaper higher shorter longer smaller bigger fuller
full same-day next-day daily weekly monthly quarterly annual yearly regular live
fewer clear clean accurate correct right wrong current future whole
customer customers patient patients client clients staff colleague colleagues
stock orders work certificate certification modules courses sessions
"""
# The same for the other document languages: articles, determiners, pronouns and prepositions
# only (a German noun keeps its capital, so none is listed).
_COMMON_OTHER = """
der die das den dem des ein eine einen einem einer eines mein meine meinen meinem unser unsere
unseren diese dieser dieses jede jeder jedes alle im am zum zur mit für bei nach vor über ohne
le la les l' un une des du de ce cet cette ces mon ma mes notre nos votre vos son sa ses leur
leurs en au aux à avec pour par sur sans dans chaque tout toute tous toutes plus moins
el los las una unos unas mi mis nuestro nuestra nuestros nuestras este esta estos estas ese esa
al del con para por sin sobre cada todo toda todos todas más menos
het een mijn ons onze deze dit die dat elke elk alle op met voor bij naar zonder over meer
minder
"""
_ENGLISH = frozenset(_COMMON.split())
COMMON_WORDS = _ENGLISH | frozenset(_COMMON_OTHER.split())
_CONNECTORS = frozenset(["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by",
                         "with", "from", "into"])

_TERMINAL = re.compile(r"[.!?…](?:[\"'”’»)\]]*)$")
_WORD = re.compile(r"[^\s,;:]+")


def _first_line(text: str) -> str:
    stripped = (text or "").strip()
    return stripped.splitlines()[0].strip() if stripped else ""


def lower_first(text: str) -> str:
    """``text`` with its first word in lower case when that word is a common word written
    with one initial capital; else ``text`` unchanged."""
    match = _WORD.match(text)
    if not match:
        return text
    word = match.group()
    head = word.split("-")[0]
    if head == "I" or not (head.isalpha() and head[:1].isupper()
                           and (head[1:].islower() or len(head) == 1)):
        return text  # 'SQL', 'iPhone', 'McKinsey', '3D', 'I' stay as written
    if head.lower() not in COMMON_WORDS and word.lower() not in COMMON_WORDS:
        return text
    if head.lower() in _ENGLISH and _is_title(text):
        return text  # 'Close in Five', 'Next Day Delivery': a name, kept as its owner wrote it
    return text[0].lower() + text[1:]


def _is_title(text: str) -> bool:
    """Whether the text's first clause is written in title case, as a name is ('Close in Five',
    'Next Day Delivery'), rather than as a phrase ('Reduce returns at Lighthouse stores')."""
    clause = re.split(r"[,;:(—–]", text, maxsplit=1)[0]
    words = [w for w in clause.split() if w.lower() not in _CONNECTORS]
    return len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def ends_sentence(text: str) -> bool:
    """Whether the text already ends with a sentence's closing mark (quotes may follow)."""
    return bool(_TERMINAL.search(text.rstrip()))


def phrase(text: str | None) -> str:
    """The user's text as a phrase inside one of our sentences (see the module docstring)."""
    line = _first_line(text or "")
    if line.endswith(".") and not line.endswith(".."):
        line = line[:-1].rstrip()
    return lower_first(line)


def sentence(text: str | None) -> str:
    """The user's text as a sentence of its own: capital first letter, one closing mark."""
    body = (text or "").strip()
    if not body:
        return ""
    match = _WORD.match(body)
    # a capital only for a common word: 'dbt', 'iPhone' or 'eBay' stay as the user wrote them
    if match and body[0].islower() and match.group().split("-")[0] in COMMON_WORDS:
        body = body[0].upper() + body[1:]
    return body if ends_sentence(body) else body + "."


def clause(text: str | None) -> str:
    """The user's text ending a sentence of ours: like :func:`phrase`, but a closing "?" or
    "!" of the user's is kept, so the caller adds a full stop only when :func:`ends_sentence`
    says none is there."""
    line = _first_line(text or "")
    if ends_sentence(line) and not line.endswith("."):
        return lower_first(line)
    return phrase(line)


def full_stop(text: str) -> str:
    """A full stop after text of ours that ends with user text, unless it already ends one."""
    text = text.rstrip()
    return text if not text or ends_sentence(text) else text + "."


def quoted(text: str | None) -> str:
    """The user's own label (a measure, a deliverable) quoted inside one of our sentences:
    its first line in curly quotes, without a closing full stop; a capital inside quotes reads
    as the user's wording, never as a fragment of ours."""
    line = label(text)
    return f"“{line}”" if line else ""


def label(text: str | None) -> str:
    """The first line of the user's label, without a closing full stop (for quoting it)."""
    line = _first_line(text or "")
    if line.endswith(".") and not line.endswith(".."):
        line = line[:-1].rstrip()
    return line
