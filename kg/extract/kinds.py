"""What kind of stance a clause takes, from what it says (the kind follows what is said, not
the reporting verb): the strongest cue inside it, else the content words of the lexicon,
else the reporting verb's own kind.
"""

from __future__ import annotations

from functools import cache

from .lexicon import lexicon

# Content kinds in the order they win when several are present.
ORDER = ("threaten", "warn", "reject", "deny", "accuse", "condemn", "criticize", "oppose",
         "support", "welcome", "demand", "urge", "recommend", "propose", "intend", "agree",
         "claim", "predict")
COARSE = {
    "condemn": "disapprove", "criticize": "disapprove", "accuse": "disapprove",
    "support": "approve", "welcome": "approve", "agree": "approve",
    "oppose": "reject", "reject": "reject", "deny": "reject", "refuse": "reject",
    "reluctant": "reject",
    "demand": "appeal", "urge": "appeal", "recommend": "appeal", "propose": "appeal",
    "warn": "warn", "threaten": "warn", "claim": "assert", "predict": "assert",
    "intend": "intend",
}


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Content phrases by their first word: (the phrase's words, its kind)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    content = lexicon().content
    for kind in ORDER:
        for phrase in content.get(kind, ()):
            out.setdefault(phrase[0], []).append((phrase, kind))
    return out


def content_kinds(tokens: list[object]) -> list[str]:
    """The content kinds whose words occur in `tokens` (lemmas or lower-case forms), in the
    order they win."""
    index = _index()
    found: set[str] = set()
    for words in ([t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens]):
        for k, w in enumerate(words):
            for phrase, kind in index.get(w, ()):
                if kind not in found and (len(phrase) == 1 or
                                          tuple(words[k:k + len(phrase)]) == phrase):
                    found.add(kind)
    return [k for k in ORDER if k in found]


def strongest(kinds: list[str]) -> str | None:
    ranked = [k for k in ORDER if k in kinds]
    return ranked[0] if ranked else (kinds[0] if kinds else None)
