"""The accuracy gate: pinned floors per suite and metric, checked like tests.

The baseline file (``tests/accuracy/baseline.json``) holds, per suite, the sample the floors
were measured on (``limit``; null for the whole suite) and one floor per gated metric::

    {"margin": 0.02,
     "suites": {"spkatt": {"limit": 3, "floors": {"cue_f1": 0.01, ...}}, ...}}

A floor is the measured value minus the margin, rounded down to two decimals. Raising floors is
free; lowering one needs ``allow_lower`` and every update is logged with its reason in
``CHANGELOG.md``, so a regression can never pass quietly.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluation.base import SuiteResult

DEFAULT_MARGIN = 0.02
CHANGELOG_HEADER = "# Changelog\n\nNotable changes to eventwire, newest last.\n"
SECTION = "## Accuracy baseline"


@dataclass(frozen=True)
class FloorCheck:
    metric: str
    value: float | None
    floor: float

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value >= self.floor

    def line(self) -> str:
        shown = "missing" if self.value is None else f"{self.value:.4f}"
        verdict = "ok" if self.ok else "BELOW FLOOR"
        return f"gate: {self.metric:18} {shown} >= {self.floor:.2f}  {verdict}"


@dataclass
class FloorChange:
    metric: str
    old: float | None
    new: float

    def line(self) -> str:
        old = "unset" if self.old is None else f"{self.old:.2f}"
        return f"{self.metric} {old} -> {self.new:.2f}"


@dataclass
class Update:
    """The outcome of an update: floors changed, and lowerings refused without the flag."""

    changed: list[FloorChange] = field(default_factory=list)
    refused: list[FloorChange] = field(default_factory=list)
    limit_changed: bool = False


def load_baseline(path: Path) -> dict[str, Any]:
    """The baseline file, or an empty baseline when it does not exist yet."""
    if not path.exists():
        return {"margin": DEFAULT_MARGIN, "suites": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"baseline is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("suites"), dict):
        raise InputError(str(path), 'baseline needs an object with a "suites" object')
    return data


def save_baseline(path: Path, baseline: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def suite_entry(baseline: dict[str, Any], suite: str) -> dict[str, Any] | None:
    entry = baseline["suites"].get(suite)
    return entry if isinstance(entry, dict) else None


def floor_for(value: float, margin: float = DEFAULT_MARGIN) -> float:
    """``value - margin`` rounded down to two decimals, never below zero."""
    return max(math.floor(round((value - margin) * 100, 6)) / 100, 0.0)


def check(result: SuiteResult, entry: dict[str, Any]) -> list[FloorCheck]:
    """Every pinned floor of the suite against the measured value."""
    checks = []
    for metric, floor in sorted(entry.get("floors", {}).items()):
        value = result.metrics.get(metric)
        checks.append(FloorCheck(metric, float(value) if value is not None else None,
                                 float(floor)))
    return checks


def update(baseline: dict[str, Any], result: SuiteResult, limit: int | None, *,
           allow_lower: bool) -> Update:
    """Move the suite's floors to the measured values minus the margin (in place)."""
    margin = float(baseline.get("margin", DEFAULT_MARGIN))
    entry = suite_entry(baseline, result.name) or {"limit": limit, "floors": {}}
    out = Update(limit_changed=entry.get("limit") != limit and bool(entry["floors"]))
    floors: dict[str, float] = dict(entry.get("floors", {}))
    for metric, value in result.gated_metrics().items():
        if value is None:
            continue
        new = floor_for(float(value), margin)
        old = floors.get(metric)
        if old is not None and math.isclose(new, old):
            continue
        change = FloorChange(metric, old, new)
        if old is not None and new < old and not allow_lower:
            out.refused.append(change)
            continue
        floors[metric] = new
        out.changed.append(change)
    if out.refused:
        return out  # nothing is written when a lowering was refused
    entry["floors"] = dict(sorted(floors.items()))
    entry["limit"] = limit
    baseline["suites"][result.name] = entry
    baseline.setdefault("margin", margin)
    return out


def log_change(changelog: Path, suite: str, limit: int | None, outcome: Update,
               reason: str, today: dt.date | None = None) -> None:
    """Add one line for this update at the end of the changelog's accuracy-baseline section
    (the file and the section are created when missing)."""
    text = changelog.read_text(encoding="utf-8") if changelog.exists() else CHANGELOG_HEADER
    sample = "whole suite" if limit is None else f"--limit {limit}"
    changes = "; ".join(c.line() for c in outcome.changed) or "no floor moved"
    lowered = any(c.old is not None and c.new < c.old for c in outcome.changed)
    line = (f"- {(today or dt.date.today()).isoformat()} `{suite}` ({sample}): {changes}"
            f"{' (lowered with --allow-lower)' if lowered else ''}. Reason: {reason.strip()}")
    lines = text.rstrip("\n").split("\n")
    if SECTION not in lines:
        lines += ["", SECTION, ""]
    at = lines.index(SECTION) + 1
    while at < len(lines) and not lines[at].startswith("## "):
        at += 1
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    if lines[at - 1] == SECTION:
        lines.insert(at, "")
        at += 1
    lines.insert(at, line)
    changelog.write_text("\n".join(lines) + "\n", encoding="utf-8")
