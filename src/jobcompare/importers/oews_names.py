"""How the store names an OEWS occupation: its slug, its SOC code written with a hyphen,
and the noun a sentence names one worker by (a heuristic, documented in docs/store.md)."""

from __future__ import annotations

import re

from jobcompare.text import casual

_SLUG_RE = re.compile(r"[^a-z0-9]+")

# Words ending in "s" that are not plurals of a job title's head noun.
_NOT_PLURAL = {
    "sales", "series", "species", "news", "physics", "economics", "mathematics", "statistics",
    "logistics", "athletics", "electronics", "gas", "bus", "arts", "goods", "services",
    "operations", "affairs", "relations", "works", "customs", "sports", "sciences",
}  # fmt: skip

#: Words a sentence keeps capitalised (casual() lowers title-case words).
_PROPER = {"english": "English", "spanish": "Spanish", "french": "French"}


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _NOT_PLURAL or not lower.endswith("s") or lower.endswith(("ss", "us", "is")):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def _singular_item(item: str) -> str:
    """One listed item: "Tax Examiners and Collectors" -> "Tax Examiner and Collector"."""
    words = item.split(" ")
    words[-1] = _singular_word(words[-1])
    for index in range(len(words) - 2):
        if words[index + 1] in ("and", "or", "&"):
            words[index] = _singular_word(words[index])
    return " ".join(words)


def singular_noun(title: str) -> str:
    """How a sentence names one worker, from BLS's plural title:
    "Bill and Account Collectors" -> "bill and account collector".

    A heuristic (documented in docs/store.md):
    - ", All Other" becomes " (all other)"; ", Except ..." is kept as it is;
    - "X of Y" makes X singular and keeps Y ("supervisor of mechanics, installers, ...");
    - otherwise the title is a list of items, ended by the item that starts with "and";
      each item's last word, and a word before "and", becomes singular, and what follows
      the list ("..., Farm Products") is kept as a qualifier.
    """
    if title == "All Occupations":
        return "worker (all occupations)"
    qualifier = ""
    other = re.search(r", (All Other(?: \w+)?)$", title)
    if other:
        title, qualifier = title[: other.start()], f" ({other.group(1).lower()})"
    except_ = re.search(r", Except\b.*$", title)
    if except_:
        title, qualifier = title[: except_.start()], title[except_.start() :] + qualifier
    helper = re.match(r"Helpers--(.+)$", title)
    if helper:
        return f"helper ({sentence_case(helper.group(1))}){sentence_case(qualifier)}"
    if " of " in title:
        workers, _, of_what = title.partition(" of ")
        return sentence_case(f"{_singular_item(workers)} of {of_what}{qualifier}")
    items = title.split(", ")
    ends = [i for i, item in enumerate(items) if item.split(" ", 1)[0] in ("and", "or", "&")]
    head_end = ends[-1] + 1 if ends else 1
    head = [_singular_item(item) for item in items[:head_end]]
    return sentence_case(", ".join(head + items[head_end:]) + qualifier)


def sentence_case(noun: str) -> str:
    words = casual(noun.replace("/", " / ")).replace(" / ", "/").split(" ")
    return " ".join(_PROPER.get(word, word) for word in words)


def slugify(title: str) -> str:
    """Lowercase, runs of anything but a-z/0-9 become '-', trimmed."""
    return _SLUG_RE.sub("-", title.lower()).strip("-")


def soc_code(code: str) -> str:
    """'433011' -> '43-3011'."""
    return f"{code[:2]}-{code[2:]}"
