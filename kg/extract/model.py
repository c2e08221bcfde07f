"""The stance model: which candidates are stances, and of which coarse kind.

A multinomial logistic regression over sparse features of a candidate (its cue and category,
the kinds its words signal, its holder, its sentence and its document), learned from the gold
of the annotated sets by `scripts/train_stance_model.py` and shipped as `data/stance_model.json`:
per feature, one weight per label. Scoring is a sum of weights and a softmax, so the package
needs no learning library at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .kinds import COARSE

MODEL_FILE = Path(__file__).with_name("data") / "stance_model.json"
NONE = "none"
LABELS = (NONE, "disapprove", "approve", "reject", "appeal", "warn", "assert", "intend")
# The fine kind a coarse class falls back to when the cue's own kind is of another class.
_DEMANDING = {"must", "have", "need", "demand", "require", "insist"}
DEFAULT_KIND = {"disapprove": "criticize", "approve": "support", "reject": "oppose",
                "appeal": "urge", "warn": "warn", "assert": "claim", "intend": "intend"}


@dataclass(frozen=True)
class StanceModel:
    labels: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]
    threshold: float  # least probability of being a stance that is kept

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = list(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                for k, x in enumerate(w):
                    scores[k] += x * value
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "threshold": self.threshold, "bias": self.bias,
                "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> StanceModel:
        return cls(tuple(data["labels"]), {k: list(v) for k, v in data["weights"].items()},
                   list(data["bias"]), float(data["threshold"]))


@cache
def load_model(path: str | None = None) -> StanceModel | None:
    """The shipped model (or the one at `path`); None when there is none."""
    p = Path(path) if path else MODEL_FILE
    if not p.exists():
        return None
    return StanceModel.from_json(json.loads(p.read_text(encoding="utf-8")))


def fine_kind(rule_kind: str, coarse: str, content: list[str], own_voice: str = ""
              ) -> str:
    """The fine kind for a coarse class: the cue's own when it is of that class, else the
    first content kind of that class, else the class's usual kind. An appeal in the author's
    own voice (`own_voice` is its cue word) recommends unless it says "must"."""
    if coarse == "appeal" and own_voice and own_voice not in _DEMANDING:
        return "recommend"
    if COARSE.get(rule_kind) == coarse:
        return rule_kind
    for k in content:
        if COARSE.get(k) == coarse:
            return k
    return DEFAULT_KIND[coarse]
