"""The application file for ``spark-submit``: ``eventwire batch --engine spark`` on a cluster.

spark-submit runs a Python file, not a console script; this file is that, so a cluster job
takes exactly the options of the command line::

    spark-submit --master yarn ... "$(python -c 'import eventwire.batch.submit as s; \
print(s.__file__)')" hdfs:///news/2024/ --output hdfs:///eventwire/2024/

The session is the one spark-submit configured (``--master`` and ``--conf`` win over
``--workers``, which then only sets the default parallelism of a local run).
"""

from __future__ import annotations

import sys

from eventwire.cli.main import main as cli_main


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sys.argv = ["eventwire", "batch", "--engine", "spark", *args]
    cli_main()


if __name__ == "__main__":
    main()
