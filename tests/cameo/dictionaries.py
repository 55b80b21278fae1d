"""Small CAMEO dictionaries written for these tests, around invented states.

Freedonia, Sylvania and Klopstokia stand in for real states so that no test depends on the
contents of a real dictionary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.cameo import (
    ActorDictionary,
    AgentDictionary,
    CameoCoder,
    CoderOptions,
    DiscardList,
    VerbDictionary,
)

ACTORS = """\
# test actors
FREEDONIA_ [FRE]
+FREEDONIAN
+FREEDONIANS

SYLVANIA [SYL]
+SYLVANIAN

KLOPSTOKIA [KLO]
KLOPSTOKIAN_FRONT [KLOREB]
RUFUS_FIREFLY  # changes role over time
\t[FREELI <19330101]
\t[FREGOV 19330101-19351231]
\t[FREELI]
THE_BALKAN_UNION [IGOBAL/IGOEUR]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
SOLDIER [~MIL]
STUDENT [~EDU]
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
GOVERNMENT [~GOV]
AID_AGENCY [NGO~]
CONGRESS!PERSON! [~LEG]
"""

VERBS = """\
&ARMS
+RIFLE
+HEAVY_ARTILLERY

--- ATTACK [190] ---
ATTACK
SHELL
- * &ARMS [194]

--- CONDEMN [111] ---
CONDEMN
DENOUNCE
- STRONGLY * [112]

--- ARREST [173] ---
ARREST

--- MEET [040:040] ---
MEET {MEETS MET MEETING}

--- SEIZE [171] ---
SEIZE {SEIZES SEIZED SEIZING}

--- WITHDRAW [087] ---
+PULL_OUT {+PULLS_OUT +PULLED_OUT +PULLING_OUT}
- * (FROM +) [0872]

--- RECEIVE [---] ---
RECEIVE
- + * AID (FROM $) [070]
"""

DISCARDS = """\
FOOTBALL_
+CHESS TOURNAMENT
"""


def coder(**options: Any) -> CameoCoder:
    """A coder over the test dictionaries; keyword arguments become CoderOptions."""
    return CameoCoder(
        ActorDictionary.from_text(ACTORS, "actors.txt"),
        AgentDictionary.from_text(AGENTS, "agents.txt"),
        VerbDictionary.from_text(VERBS, "verbs.txt"),
        DiscardList.from_text(DISCARDS, "discards.txt"),
        CoderOptions(**options),
    )


def write_all(folder: Path) -> dict[str, Path]:
    """The test dictionaries as files (for the CLI)."""
    paths = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS),
                       ("discards", DISCARDS)):
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def triples(coder_: CameoCoder, text: str, date: str | None = None) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in coder_.code_sentence(text, date).events}
