"""What a generated interaction row says, as phrases: names in running text, the score's parts,
the caution where a vulnerable group gives care. Pure; ``layout.words`` renders the phrases.

Names mid-sentence: a resident group or a theme is a common noun ("Seniorer", "Social
kontakt") and is written in lower case inside a sentence ("seniorer kan hjælpe børnefamilier
med børnepasning"); a local actor is a proper name ("Skovbakkeskolen") and keeps its capitals,
as does a word that starts with an abbreviation ("IT og digitale færdigheder").
"""
from __future__ import annotations

from dataclasses import dataclass

from xlplugin.domain.phrases import Many, Phrase

# Words in a group's name or description that mark it as vulnerable (Danish and English
# stems, found anywhere in a word): such a group giving care to children or others gets a caution.
VULNERABLE_WORDS = (
    "sårbar", "udsat", "psykisk", "psykiatri", "misbrug", "hjemløs", "udviklingshandicap", "handicap",
    "demens", "løsladt", "hjerneskade", "botilbud", "vulnerable", "mental", "addict", "homeless", "disabilit", "dementia",
    "brain injur", "supported housing",
)


def lower(name: str) -> str:
    """A common noun's name as written mid-sentence: "Social kontakt" -> "social kontakt", "IT og …" stays."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def upper(text: str) -> str:
    """The first letter capitalised, for a name that starts a sentence."""
    return text[:1].upper() + text[1:]


def is_vulnerable(*texts: str | None) -> bool:
    words = " ".join(t for t in texts if t).casefold()
    return any(w in words for w in VULNERABLE_WORDS)


def number(value: float) -> Phrase | int:
    """A score or its part as the language writes it: whole numbers as they are, halves with
    the language's decimal mark ("1,5" / "1.5")."""
    value = round(value, 1)
    if value == int(value):
        return int(value)
    whole, tenth = divmod(round(value * 10), 10)
    return Phrase.of("reason.number", whole=whole, tenth=tenth)


@dataclass
class Points:
    """A row's score and what it is made of (each part a text key and its points)."""

    parts: list[tuple[str, float]]
    maximum: float

    def add(self, key: str, value: float) -> None:
        if value:
            self.parts.append((key, value))

    @property
    def total(self) -> float:
        return round(min(sum(v for _, v in self.parts), self.maximum), 1)

    def phrase(self) -> Phrase:
        """"kobling 4 + begge veje 1,5 + formål 1 = 6,5 af 10"."""
        items = [Phrase.of("reason.points.part", what=Phrase(f"reason.points.{key}"), points=number(v)) for key, v in self.parts]
        return Phrase.of("reason.points", parts=Many(items, separator=" + "), total=number(self.total), maximum=number(self.maximum))
