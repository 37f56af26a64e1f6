"""A fitted candidate scorer: logistic regression over named features, read from language data.

Field code describes each candidate by named features (`{"src.heading": 1.0, "mentions": 1.4}`);
the scorer turns them into the probability that the candidate is the right value. The weights,
the bias and the threshold below which a field stays null are fitted offline on the tuning
halves of the corpus by `tools/fit_scorers.py` and stored in `lang/<code>/scorers.json`; nothing
is fitted at run time. A feature the scorer does not know weighs nothing.
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

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.logit(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)
