"""The ``petrarch2`` and ``universalpetrarch-en`` suites: CAMEO dictionaries, coded by eventwire.

Each record is a sentence with the events PETRARCH (or UniversalPetrarch) codes from it using
the dictionaries named in the file. A record counts as correct when every expected event is
produced with the same source and target codes and the same CAMEO root (first two digits);
a record that expects no event is correct when none is produced. Also reported: the share of
produced events that are expected, and the PLOVER type agreement through CAMEO2PLOVER.

The coder reads the words of the record's parse, which is what PETRARCH coded (in a few
records ``<Text>`` was edited later and no longer matches the expected codes); the score on
``<Text>`` is reported too (``record_accuracy_text``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eventwire.cameo import (
    ActorDictionary,
    AgentDictionary,
    CameoCoder,
    DiscardList,
    VerbDictionary,
)
from eventwire.cameo.clauses import CommaOptions
from eventwire.cameo.coder import CoderOptions
from eventwire.cameo.plover import PloverTable
from eventwire.cameo.source import read_text
from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteOptions, SuiteResult

Triple = tuple[str, str, str]
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>|<Config\b([^>]*)>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*(['\"])(.*?)\2", re.S)
_LEAF = re.compile(r"\(([^\s()]+) ([^\s()]+)\)")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]"}


@dataclass
class Record:
    id: str
    category: str
    date: int | None
    text: str
    words: str | None
    expected: list[Triple]
    expect_none: bool
    error: str | None
    marked_off: bool
    config: dict[str, str] = field(default_factory=dict)


def read_records(path: Path) -> list[Record]:
    """Records in file order, each with the ``<Config>`` options in force for it."""
    source = _strip_comments(read_text(path))  # commented-out records and codings do not count
    config: dict[str, str] = {}
    records: list[Record] = []
    for m in _SENTENCE.finditer(source):
        if m.group(3) is not None:
            attrs = dict((k, v) for k, _, v in _ATTR.findall(m.group(3)))
            if "option" in attrs:
                config[attrs["option"]] = attrs.get("value", "")
            continue
        attrs = {k: v for k, _, v in _ATTR.findall(m.group(1))}
        body = m.group(2)
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        parse_m = re.search(r"<Parse>(.*?)</Parse>", body, re.S)
        expected, none, error = _codings(body)
        date = attrs.get("date", "")
        records.append(Record(
            id=attrs.get("id", f"#{len(records)}"),
            category=attrs.get("category", ""),
            date=int(date) if date.isdigit() and len(date) == 8 else None,
            text=" ".join(text_m.group(1).split()) if text_m else "",
            words=_parse_words(parse_m.group(1)) if parse_m else None,
            expected=expected,
            expect_none=none,
            error=error,
            marked_off=attrs.get("sentence", "true").lower() == "false"
            or attrs.get("evaluate", "true").lower() == "false",
            config=dict(config),
        ))
    if not records:
        raise InputError(str(path), "no <Sentence> records found")
    return records


def _codings(body: str) -> tuple[list[Triple], bool, str | None]:
    expected: list[Triple] = []
    none, error = False, None
    for coding in re.findall(r"<EventCoding\b([^>]*)>", body):
        attrs = {k: v for k, _, v in _ATTR.findall(coding)}
        if attrs.get("noevents", "").lower() == "true":
            none = True
        elif "error" in attrs:
            error = attrs["error"]
        elif "eventcode" in attrs:
            src, tgt, code = (attrs.get(k, "").strip('"').upper()
                              for k in ("sourcecode", "targetcode", "eventcode"))
            expected.append((src, tgt, code))
    return expected, none or not expected, error


def _strip_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def _parse_words(parse: str) -> str | None:
    """The words of a Treebank parse or of CoNLL-U lines, space-separated."""
    leaves = _LEAF.findall(parse)
    if leaves:
        return " ".join(_BRACKETS.get(w, w) for _, w in leaves)
    rows = [line.split("\t") for line in parse.strip().splitlines()]
    words = [r[1] for r in rows if len(r) > 2 and r[0].isdigit()]
    return " ".join(words) or None


def options_for(config: dict[str, str]) -> CoderOptions:
    """Coder options from a record's ``<Config>`` (require_dyad, new_actor_length, comma_*)."""
    base = CommaOptions()
    comma = {k: int(config[f"comma_{k}"]) for k in ("min", "max", "bmin", "bmax", "emin", "emax")
             if config.get(f"comma_{k}", "").strip().lstrip("-").isdigit()}
    dyad = config.get("require_dyad", "true").strip().lower() != "false"
    length = config.get("new_actor_length", "0").strip()
    return CoderOptions(require_dyad=dyad, comma=replace(base, **comma),
                        new_actor_length=int(length) if length.isdigit() else 0)


def root(code: str) -> str:
    return code[:2]


def _same(a: Triple, b: Triple) -> bool:
    return a[0] == b[0] and a[1] == b[1] and root(a[2]) == root(b[2])


@dataclass
class Outcome:
    record: Record
    produced: list[Triple]
    correct: bool


def score_records(records: list[Record], coder: CameoCoder, *, use_words: bool = True
                  ) -> tuple[list[Outcome], Counter[str]]:
    """Code each usable record; also the reasons records were skipped."""
    outcomes: list[Outcome] = []
    skipped: Counter[str] = Counter()
    for rec in records:
        reason = skip_reason(rec)
        if reason:
            skipped[reason] += 1
            continue
        text = rec.words if use_words and rec.words else rec.text
        coded = coder.code_sentence(text, rec.date, options_for(rec.config))
        produced = [(e.source.strip('"'), e.target.strip('"'), e.code) for e in coded.events]
        if rec.expected:
            ok = all(any(_same(p, e) for p in produced) for e in rec.expected)
        else:
            ok = not produced
        outcomes.append(Outcome(rec, produced, ok))
    return outcomes, skipped


def skip_reason(rec: Record) -> str | None:
    if rec.marked_off:
        return "marked_not_coded_upstream"
    if rec.error == "bad_input_parse":
        return "tests_a_broken_parse_tree"
    if not (rec.words or rec.text).strip():
        return "no_text"
    return None


def metrics(outcomes: list[Outcome], plover: PloverTable) -> dict[str, float | int | None]:
    scored = len(outcomes)
    correct = sum(o.correct for o in outcomes)
    produced = sum(len(o.produced) for o in outcomes)
    hit = sum(1 for o in outcomes for p in o.produced
              if any(_same(p, e) for e in o.record.expected))
    typed = agree = 0
    for o in outcomes:
        for e in o.record.expected:
            kind = plover.type_of(e[2])
            if kind is None:
                continue
            typed += 1
            agree += any(p[:2] == e[:2] and plover.type_of(p[2]) == kind for p in o.produced)
    expected = sum(len(o.record.expected) for o in outcomes)
    return {
        "record_accuracy": _ratio(correct, scored),
        "event_precision": _ratio(hit, produced),
        "plover_agreement": _ratio(agree, typed),
        "records_scored": scored,
        "records_correct": correct,
        "expected_events": expected,
        "produced_events": produced,
        "produced_expected": hit,
        "plover_typed_events": typed,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _find(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.exists():
            return candidate
    raise InputError(str(folder / name), "not found: pass --data with the shared data folder")


def run_suite(name: str, records_path: Path, coder: CameoCoder) -> SuiteResult:
    """Score the records twice (parse words, then ``<Text>``) and collect what failed."""
    records = read_records(records_path)
    plover = PloverTable.default()
    outcomes, skipped = score_records(records, coder)
    text_outcomes, _ = score_records(records, coder, use_words=False)
    result = metrics(outcomes, plover)
    result["record_accuracy_text"] = metrics(text_outcomes, plover)["record_accuracy"]
    result["records_skipped"] = sum(skipped.values())
    failed = [o for o in outcomes if not o.correct]
    by_category = Counter(o.record.category for o in failed)
    notes = [
        "input: the words of each record's <Parse> (what PETRARCH coded); "
        "record_accuracy_text codes <Text> instead",
        "failed records by category: "
        + (", ".join(f"{k}={v}" for k, v in sorted(by_category.items())) or "none"),
        *(f"failed {o.record.id}: expected {_show(o.record.expected)} "
          f"produced {_show(o.produced)}" for o in failed),
    ]
    details: dict[str, Any] = {
        "failures_by_category": dict(by_category),
        "records": [
            {"id": o.record.id, "category": o.record.category, "correct": o.correct,
             "expected": o.record.expected, "produced": o.produced}
            for o in outcomes
        ],
    }
    return SuiteResult(name, result, details=details, skipped=dict(skipped), notes=notes,
                       gated=("record_accuracy", "event_precision", "plover_agreement"))


def _show(triples: list[Triple]) -> str:
    return "[" + ", ".join("|".join(t) for t in triples) + "]" if triples else "none"


def petrarch2_suite(data: Path, options: SuiteOptions | None = None) -> SuiteResult:
    """PETR.UnitTest.records with the PETR.Validate dictionaries they were written for."""
    folder = data / "petrarch2-dictionaries"
    coder = CameoCoder(
        ActorDictionary.from_files(_find(folder, "PETR.Validate.actors.txt")),
        AgentDictionary.from_files(_find(folder, "PETR.Validate.agents.txt")),
        VerbDictionary.from_files(_find(folder, "PETR.Validate.verbs.txt")),
        DiscardList.from_files(_find(folder, "PETR.Validate.discards.txt")),
    )
    return run_suite("petrarch2", _find(folder, "PETR.UnitTest.records.xml"), coder)


def universalpetrarch_suite(data: Path, options: SuiteOptions | None = None) -> SuiteResult:
    """UniversalPetrarch's English records (silver: PETRARCH output) with the Phoenix
    dictionaries and UniversalPetrarch's CAMEO.2.0 verbs named in the file."""
    dicts, folder = data / "petrarch2-dictionaries", data / "universalpetrarch"
    coder = CameoCoder(
        ActorDictionary.from_files(*(_find(dicts, f"Phoenix.{n}.actors.txt")
                                     for n in ("Countries", "International", "MilNonState"))),
        AgentDictionary.from_files(_find(dicts, "Phoenix.agents.txt")),
        VerbDictionary.from_files(_find(folder, "CAMEO.2.0.txt")),
        DiscardList.from_files(_find(dicts, "Phoenix.discards.txt")),
    )
    return run_suite("universalpetrarch-en", _find(folder, "PETR2_GSR_validation.xml"), coder)
