"""``eventwire evaluate SUITE``: metrics on a test suite, reproducibly."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import click

from eventwire.evaluation.suites import SUITES, run_suite


@click.command()
@click.argument("suite", type=click.Choice(sorted(SUITES)))
@click.option("--data", "data", type=click.Path(path_type=Path), default=None,
              help="folder with the external data sets (default: ../shared/data beside the checkout)")
@click.option("--json", "as_json", is_flag=True, help="also print all scores as JSON")
def evaluate(suite: str, data: Path | None, as_json: bool) -> None:
    """Run a suite and print precision/recall/F1 per metric; the last line sums it up."""
    result = run_suite(suite, data)
    if as_json:
        click.echo(json.dumps(result.details, indent=2, ensure_ascii=False))
    for name, value in result.details.items():
        if isinstance(value, dict) and "f1" in value:
            click.echo(f"{name:16} P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f}  "
                       f"(tp={value['tp']} fp={value['fp']} fn={value['fn']})")
    for reason, count in result.skipped.items():
        click.echo(f"skipped: {reason}={count}")
    click.echo("reproduce: " + " ".join(shlex.quote(a) for a in ["eventwire", *sys.argv[1:]]))
    click.echo(f"{suite} " + " ".join(f"{k}={v}" for k, v in result.metrics.items()))
