"""A figure's value: its bounds, how sure the report is of it, and what it counts."""

from __future__ import annotations

from dataclasses import dataclass

Number = int | float


@dataclass(frozen=True, slots=True)
class Quantity:
    """The value of one number fact, as "etwa 10.000 bis 12.000 Soldaten" states it.

    ``low``/``high`` bound the figure (``None``: open on that side, "mehr als
    3000"); ``qualifier`` is "~", ">", ">=", "<", "<=" or "~>=" ("tausende",
    some thousands); ``noun`` is the word it counts as written, ``measure``
    what it counts ("troops", or the noun's lemma); ``additional`` marks
    "weitere 3.000", ``per_unit`` "jeweils 6.000".
    """

    low: Number | None
    high: Number | None
    qualifier: str | None = None
    noun: str | None = None
    measure: str | None = None
    additional: bool = False
    per_unit: bool = False

    @property
    def bounds(self) -> tuple[float, float]:
        """``(low, high)`` with open sides as infinities.

        >>> Quantity(3000, None, ">").bounds
        (3000.0, inf)
        """
        return (
            float("-inf") if self.low is None else float(self.low),
            float("inf") if self.high is None else float(self.high),
        )

    @property
    def vague(self) -> bool:
        """A lower bound only roughly known ("tausende"): no figure to compare."""
        return self.qualifier == "~>="

    def short(self) -> str:
        """The value written short: "~10000-12000", ">3000", "<=15000", "1000+".

        >>> Quantity(3000, None, ">").short(), Quantity(10000, 12000, "~").short()
        ('>3000', '~10000-12000')
        """
        low, high, qualifier = self.low, self.high, self.qualifier
        if self.vague:
            return f"{low}+"
        if low is not None and high is not None and low != high:
            body = f"{low}-{high}"
        else:
            body = str(low if low is not None else high)
        return f"{qualifier or ''}{body}"

    def to_json(self) -> dict[str, object]:
        """The JSON form of every export (keys as the schema has always named them).

        >>> Quantity(4000, 4000, noun="Soldaten", measure="troops").to_json()["each"]
        False
        """
        return {
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "noun": self.noun,
            "measure": self.measure,
            "additional": self.additional,
            "each": self.per_unit,
        }
