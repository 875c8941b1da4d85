"""Score containers: precision/recall counts, accuracies, and the issues found while scoring."""
from __future__ import annotations

from dataclasses import dataclass, field


def _ratio(num: int | float, den: int | float) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    """Counts behind precision, recall and F1.

    ``tp_gold`` (gold items found) and ``tp_pred`` (predictions that match) differ when the matching
    is not one-to-one (places); for one-to-one matches they are equal."""
    tp_gold: int = 0
    gold: int = 0
    tp_pred: int = 0
    pred: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp_pred, self.pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp_gold, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if p is None or r is None:  # one side empty, the other not: nothing right
            return 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: "PRF") -> "PRF":
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        return self

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp_gold, "fp": self.pred - self.tp_pred, "fn": self.gold - self.tp_gold,
                "gold": self.gold, "predicted": self.pred}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.right, self.total)

    def count(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    def add(self, other: "Accuracy") -> "Accuracy":
        self.right += other.right
        self.total += other.total
        return self

    def to_dict(self) -> dict:
        return {"accuracy": self.value, "right": self.right, "n": self.total}


@dataclass
class Mean:
    """An average over items (e.g. spurious events per sentence)."""
    sum: float = 0.0
    n: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.sum, self.n)

    def add(self, other: "Mean") -> "Mean":
        self.sum += other.sum
        self.n += other.n
        return self

    def to_dict(self) -> dict:
        return {"mean": self.value, "sum": self.sum, "n": self.n}


@dataclass
class Issue:
    """One miss, false positive or wrong attribute, for ``--details``."""
    article: str
    field: str
    kind: str  # miss | false positive | wrong speaker | wrong actor | invented | ...
    text: str
    note: str = ""

    def to_dict(self) -> dict:
        return {"article": self.article, "field": self.field, "kind": self.kind, "text": self.text, "note": self.note}


@dataclass
class FieldScore:
    """All scores of one field (quotes, events, …): named PRF counts, accuracies and means."""
    prf: dict[str, PRF] = field(default_factory=dict)
    acc: dict[str, Accuracy] = field(default_factory=dict)
    mean: dict[str, Mean] = field(default_factory=dict)

    def p(self, name: str) -> PRF:
        return self.prf.setdefault(name, PRF())

    def a(self, name: str) -> Accuracy:
        return self.acc.setdefault(name, Accuracy())

    def m(self, name: str) -> Mean:
        return self.mean.setdefault(name, Mean())

    def add(self, other: "FieldScore") -> "FieldScore":
        for name, value in other.prf.items():
            self.p(name).add(value)
        for name, value in other.acc.items():
            self.a(name).add(value)
        for name, value in other.mean.items():
            self.m(name).add(value)
        return self

    def to_dict(self) -> dict:
        return {"prf": {k: v.to_dict() for k, v in self.prf.items()},
                "accuracy": {k: v.to_dict() for k, v in self.acc.items()},
                "mean": {k: v.to_dict() for k, v in self.mean.items()}}

    def flat(self) -> dict[str, float | None]:
        """``{"f1": …, "direct.recall": …, "speaker": …}``: the numbers a floor can pin."""
        out: dict[str, float | None] = {}
        for name, value in self.prf.items():
            prefix = "" if name == "all" else f"{name}."
            out[f"{prefix}precision"] = value.precision
            out[f"{prefix}recall"] = value.recall
            out[f"{prefix}f1"] = value.f1
        for name, value in self.acc.items():
            out[name] = value.value
        for name, value in self.mean.items():
            out[name] = value.value
        return out
