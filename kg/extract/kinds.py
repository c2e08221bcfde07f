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
def _phrases() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    content = lexicon().content
    return tuple((k, content[k]) for k in ORDER if k in content)


def content_kinds(tokens: list[object]) -> list[str]:
    """The content kinds whose words occur in `tokens` (lemmas or lower-case forms), in the
    order they win."""
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    found = []
    for kind, phrases in _phrases():
        for p in phrases:
            if _occurs(p, lemmas) or _occurs(p, lowers):
                found.append(kind)
                break
    return found


def _occurs(phrase: tuple[str, ...], words: list[str]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in words
    first = phrase[0]
    return any(words[k:k + n] == list(phrase) for k, w in enumerate(words) if w == first)


def strongest(kinds: list[str]) -> str | None:
    ranked = [k for k in ORDER if k in kinds]
    return ranked[0] if ranked else (kinds[0] if kinds else None)
