"""Score an extraction against a gold annotation (the development set's format and rules).

A predicted stance matches a gold stance when the holders are the same actor (gold labels and
aliases, compared after normalising case, a leading "the", possessives and punctuation) and the
evidence spans overlap by at least half of the shorter one. Matching is one to one, best overlap
first; among equal overlaps the pairing whose target also agrees wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

COARSE_KIND = {
    **dict.fromkeys(("condemn", "criticize", "accuse"), "disapprove"),
    **dict.fromkeys(("support", "welcome", "agree"), "approve"),
    **dict.fromkeys(("oppose", "reject", "deny", "refuse", "reluctant"), "reject"),
    **dict.fromkeys(("demand", "urge", "recommend", "propose"), "appeal"),
    **dict.fromkeys(("warn", "threaten"), "warn"),
    **dict.fromkeys(("claim", "predict"), "assert"),
    "intend": "intend",
}


def normalise(label: str | None) -> str:
    s = (label or "").lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


class GoldActors:
    """Resolves a label to a gold actor through labels and aliases."""

    def __init__(self, actors: Iterable[dict]) -> None:
        self.names: dict[str, str] = {}
        for actor in actors:
            for name in (actor["label"], *actor.get("aliases", [])):
                self.names.setdefault(normalise(name), actor["label"])

    def resolve(self, label: str | None) -> str | None:
        n = normalise(label)
        if not n:
            return None
        if n in self.names:
            return self.names[n]
        # A longer or shorter form of exactly one known name ("US Ambassador Kelly Craft").
        hits = {
            gold for key, gold in self.names.items()
            if len(key) > 3 and (_contains_words(n, key) or _contains_words(key, n))
        }
        return hits.pop() if len(hits) == 1 else n


def _contains_words(text: str, words: str) -> bool:
    return re.search(rf"\b{re.escape(words)}\b", text) is not None


def _label(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get("label") or value.get("id")
    return str(value)


def span_of(text: str, item: dict) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return start, end
    quote = item.get("quote")
    if quote:
        i = text.find(quote)
        if i >= 0:
            return i, i + len(quote)
    return None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """How much two spans overlap, as a share of the shorter one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / min(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0


@dataclass
class Score:
    gold: int
    predicted: int
    matched: int
    kind_matched: int
    with_target: int
    target_matched: int
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def f1_with_kind(self) -> float:
        p = self.kind_matched / self.predicted if self.predicted else 0.0
        r = self.kind_matched / self.gold if self.gold else 0.0
        return _f1(p, r)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_matched / self.matched if self.matched else 0.0

    @property
    def target_accuracy(self) -> float | None:
        return self.target_matched / self.with_target if self.with_target else None

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold, self.predicted + other.predicted,
            self.matched + other.matched, self.kind_matched + other.kind_matched,
            self.with_target + other.with_target, self.target_matched + other.target_matched,
            self.missed + other.missed, self.spurious + other.spurious,
        )

    def as_dict(self) -> dict:
        ta = self.target_accuracy
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "kind_accuracy": round(self.kind_accuracy, 3),
            "f1_with_kind": round(self.f1_with_kind, 3),
            "target_accuracy": None if ta is None else round(ta, 3),
            "missed": self.missed, "spurious": self.spurious,
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: dict, predicted: dict, text: str) -> Score:
    """Score `predicted` (exchange format) against `gold` (development-set format)."""
    actors = GoldActors(gold.get("actors", []))
    golds = []
    for g in gold.get("stances", []):
        sp = span_of(text, g)
        if sp is None:
            raise ValueError(f"gold evidence not found in the text: {str(g.get('quote'))[:60]!r}")
        golds.append((g, sp, actors.resolve(g.get("holder"))))
    preds = []
    for p in predicted.get("stances", []):
        sp = span_of(text, p)
        if sp is not None:
            preds.append((p, sp, actors.resolve(_label(p.get("holder")))))

    def target_agrees(i: int, j: int) -> bool:
        return actors.resolve(_label(preds[j][0].get("target_actor"))) == actors.resolve(
            golds[i][0].get("target_actor"))

    candidates = sorted(
        ((overlap(gsp, psp), i, j)
         for i, (_, gsp, gh) in enumerate(golds)
         for j, (_, psp, ph) in enumerate(preds)
         if gh == ph and overlap(gsp, psp) >= 0.5),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for ov, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        better = next((j2 for o, i2, j2 in candidates
                       if i2 == i and o == ov and j2 not in used_p and target_agrees(i, j2)), None)
        j = j if better is None else better
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))

    kind_ok = sum(
        1 for i, j in pairs
        if COARSE_KIND.get(str(preds[j][0].get("kind", "")).lower())
        == COARSE_KIND.get(golds[i][0].get("kind"))
    )
    targeted = [(i, j) for i, j in pairs if golds[i][0].get("target_actor")]
    return Score(
        gold=len(golds), predicted=len(preds), matched=len(pairs), kind_matched=kind_ok,
        with_target=len(targeted),
        target_matched=sum(1 for i, j in targeted if target_agrees(i, j)),
        missed=[text[s:e][:80] for k, (_, (s, e), _) in enumerate(golds) if k not in used_g],
        spurious=[str(p.get("quote", ""))[:80] for k, (p, _, _) in enumerate(preds)
                  if k not in used_p],
    )
