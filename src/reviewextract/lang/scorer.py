"""A fitted candidate scorer over named features, read from language data.

Field code describes each candidate by named features (`{"src.heading": 1.0, "mentions": 1.4}`).
Two kinds of scorer:

- a logistic regression (`probability`): the probability that one candidate is right, with a
  threshold below which it is dropped;
- a choice model (`choice`): a conditional logit over all candidates of one review and a "none
  of them" option whose score is the fitted `null` parameter; each candidate's probability is
  its share of the softmax, and the field stays null when "none" is likelier than the best.

The weights, biases, thresholds and parameters are fitted offline on the tuning halves of the
corpus by `tools/fit_scorers.py` and stored in `lang/<code>/scorers.json`; nothing is fitted at
run time. A feature the scorer does not know weighs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Scorer:
    name: str
    bias: float
    weights: Mapping[str, float]
    threshold: float  # below this probability the field says null
    params: Mapping[str, float] = field(default_factory=dict)  # further fitted numbers

    @classmethod
    def from_dict(cls, name: str, data: Mapping[str, Any]) -> Scorer:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        threshold = float(data["threshold"])
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"{name}: threshold {threshold} is not a probability")
        params = {str(k): float(v) for k, v in data.get("params", {}).items()}
        return cls(name=name, bias=float(data["bias"]), weights=weights, threshold=threshold,
                   params=params)

    def logit(self, features: Mapping[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def choice(self, candidates: list[Mapping[str, float]]) -> tuple[list[float], float]:
        """(probability of each candidate, probability of none) under the choice model."""
        logits = [self.logit(f) for f in candidates]
        null = self.params.get("null", 0.0)
        top = max([null, *logits])
        exps = [math.exp(z - top) for z in logits]
        e_null = math.exp(null - top)
        total = e_null + sum(exps)
        return [e / total for e in exps], e_null / total

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.logit(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)
