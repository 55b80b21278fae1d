"""Regular English verb forms, generated from a dictionary's base form as PETRARCH does.

TABARI and PETRARCH add -S/-ES, -ED/-D and -ING to verbs without listed irregular forms. The
doubled-consonant forms (STOPPED, BANNING) are added too: they never occur for verbs that do
not double, so they cannot cause false matches, and they spare users a ``{...}`` list.
"""

from __future__ import annotations

_VOWELS = "AEIOU"


def third_person(base: str) -> str:
    if base.endswith(("S", "SH", "CH", "X", "Z", "O")):
        return base + "ES"
    if base.endswith("Y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "IES"
    return base + "S"


def past(base: str) -> str:
    if base.endswith("E"):
        return base + "D"
    if base.endswith("Y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "IED"
    return base + "ED"


def gerund(base: str) -> str:
    if base.endswith("IE"):
        return base[:-2] + "YING"
    if base.endswith("E") and not base.endswith(("EE", "YE", "OE")) and len(base) > 2:
        return base[:-1] + "ING"
    return base + "ING"


def _doubles(base: str) -> bool:
    return (
        len(base) >= 3
        and base[-1] not in _VOWELS + "WXY"
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
    )


def regular_forms(base: str) -> dict[str, bool]:
    """Each form of ``base`` mapped to whether it can be a past participle (for the passive)."""
    forms = {base: True, third_person(base): False, past(base): True, gerund(base): False}
    if _doubles(base):
        forms.setdefault(base + base[-1] + "ED", True)
        forms.setdefault(base + base[-1] + "ING", False)
    return forms
