"""``eventwire evaluate SUITE``: metrics on a test suite, reproducibly, and the accuracy gate."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click

from eventwire.evaluation import gate
from eventwire.evaluation.base import SuiteOptions, SuiteResult
from eventwire.evaluation.suites import REPO_ROOT, SAMPLED, SUITES, run_suite

BASELINE = REPO_ROOT / "tests" / "accuracy" / "baseline.json"
CHANGELOG = REPO_ROOT / "CHANGELOG.md"


def _resolve_limit(suite: str, limit: int | None, entry: dict[str, object] | None,
                   check: bool) -> int | None:
    """All cross-option checks: --limit only for sampled suites, and a check runs on the
    sample its floors were pinned on."""
    if limit is not None and suite not in SAMPLED:
        raise click.UsageError(f"--limit applies to {', '.join(sorted(SAMPLED))}; "
                               f"{suite} always runs whole")
    if limit is not None and limit < 1:
        raise click.UsageError("--limit must be 1 or more")
    pinned = entry.get("limit") if entry else None
    if limit is None and entry is not None and isinstance(pinned, int):
        return pinned
    if check and entry is not None and limit != pinned:
        raise click.UsageError(f"the {suite} floors were pinned on "
                               f"{'the whole suite' if pinned is None else f'--limit {pinned}'}; "
                               "check on the same sample, or re-pin with --update-baseline")
    return limit


def _print_result(result: SuiteResult, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result.details, indent=2, ensure_ascii=False))
    for name, value in result.details.items():
        if isinstance(value, dict) and "f1" in value:
            click.echo(f"{name:16} P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f}  "
                       f"(tp={value['tp']} fp={value['fp']} fn={value['fn']})")
    for note in result.notes:
        click.echo(note)
    for reason, count in result.skipped.items():
        click.echo(f"skipped: {reason}={count}")
    if not result.skipped:
        click.echo("skipped: none")


@click.command()
@click.argument("suite", type=click.Choice(sorted(SUITES)))
@click.option("--data", "data", type=click.Path(path_type=Path), default=None,
              help="folder with the external data sets "
                   "(default: ../shared/data beside the checkout)")
@click.option("--limit", type=int, default=None,
              help="score only the first N items (speeches, documents, sentences): a sample "
                   "for CI; spkatt, wikiwars-de and germeval only")
@click.option("--json", "as_json", is_flag=True, help="also print all scores as JSON")
@click.option("--check-baseline", is_flag=True,
              help="fail (exit 1) when a metric falls below its pinned floor")
@click.option("--update-baseline", is_flag=True,
              help="pin floors at the measured values minus the margin (needs --reason)")
@click.option("--reason", default=None, help="why the floors move (logged in CHANGELOG.md)")
@click.option("--allow-lower", is_flag=True, help="let --update-baseline lower a floor")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), default=BASELINE,
              show_default="tests/accuracy/baseline.json in the checkout",
              help="the baseline file with the pinned floors")
@click.option("--changelog", "changelog_path", type=click.Path(path_type=Path),
              default=CHANGELOG, show_default="CHANGELOG.md in the checkout",
              help="where --update-baseline logs its reason")
def evaluate(suite: str, data: Path | None, limit: int | None, as_json: bool,
             check_baseline: bool, update_baseline: bool, reason: str | None,
             allow_lower: bool, baseline_path: Path, changelog_path: Path) -> None:
    """Run a suite and print precision/recall/F1 per metric; the last line sums it up."""
    if update_baseline and not (reason and reason.strip()):
        raise click.UsageError("--update-baseline needs --reason TEXT")
    if allow_lower and not update_baseline:
        raise click.UsageError("--allow-lower only goes with --update-baseline")
    gated = check_baseline or update_baseline
    baseline = gate.load_baseline(baseline_path) if gated else None
    entry = gate.suite_entry(baseline, suite) if baseline is not None else None
    if check_baseline and entry is None and not update_baseline:
        raise click.UsageError(f"no floors pinned for {suite} in {baseline_path}; pin them "
                               "with --update-baseline --reason TEXT")
    limit = _resolve_limit(suite, limit, entry, check_baseline and not update_baseline)
    result = run_suite(suite, data, SuiteOptions(limit=limit))
    _print_result(result, as_json)
    failed = False
    if baseline is not None and update_baseline:
        outcome = gate.update(baseline, result, limit, allow_lower=allow_lower)
        for change in outcome.refused:
            click.echo(f"gate: refused to lower {change.line()} (add --allow-lower)")
        if outcome.refused:
            failed = True
        else:
            gate.save_baseline(baseline_path, baseline)
            gate.log_change(changelog_path, suite, limit, outcome, reason or "")
            for change in outcome.changed:
                click.echo(f"gate: floor {change.line()}")
            click.echo(f"gate: baseline {baseline_path} updated; reason logged in {changelog_path}")
        entry = gate.suite_entry(baseline, suite)
    if check_baseline and entry is not None:
        checks = gate.check(result, entry)
        for c in checks:
            click.echo(c.line())
        failed = failed or not all(c.ok for c in checks)
        click.echo(f"gate: {'FAILED' if failed else 'passed'} ({len(checks)} floors)")
    command = ["eventwire", "evaluate", suite]
    if data is not None:
        command += ["--data", str(data)]
    if limit is not None:
        command += ["--limit", str(limit)]
    click.echo("reproduce: " + " ".join(shlex.quote(a) for a in command))
    click.echo(f"{suite} " + " ".join(f"{k}={v}" for k, v in result.metrics.items()))
    if failed:
        raise SystemExit(1)
