"""A real ``eventwire serve`` process on a free loopback port, over a real database.

The server is started through the CLI (what users run), with a token for writes. The seed
article is ingested through ``eventwire ingest`` (the acceptance command), the test texts through
``POST /api/ingest``, and a hand-built hostile document straight into the store.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.store import open_store
from tests.api.corpus import HOSTILE_INGEST, TEXTS
from tests.api.handbuilt import hostile_document, protest_document, visit_document
from tests.postgres import postgres_schema

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "000_b908b3031bc8d59f.txt"


@dataclass
class LiveServer:
    base: str
    token: str
    db: str
    backend: str
    seeded: bool
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=60)

    def get(self, path: str, **params: Any) -> httpx.Response:
        with self.client() as c:
            return c.get(path, params=params)


def eventwire_command() -> list[str]:
    script = Path(sys.executable).with_name("eventwire")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from eventwire.cli.main import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(base: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"eventwire serve exited with {proc.returncode}:\n"
                               f"{log.read_text(errors='replace')}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"eventwire serve did not answer in {timeout}s:\n{log.read_text()}")


def _ingest_seed(db: str, workdir: Path) -> bool:
    if not SEED.exists():
        return False
    done = subprocess.run([*eventwire_command(), "ingest", str(SEED), "--db", db,
                           "--published", "2024-11-20"], capture_output=True, text=True,
                          cwd=workdir, timeout=600)
    assert done.returncode == 0, done.stderr
    return True


def serve(db: str, workdir: Path, backend: str) -> Iterator[LiveServer]:
    """Prepare ``db``, start the server, yield it, stop it (only the process started here)."""
    seeded = _ingest_seed(db, workdir)
    with open_store(db) as store:
        for doc in (visit_document(), protest_document(), hostile_document()):
            store.save(doc)
    token = secrets.token_urlsafe(24)
    port = free_port()
    log = workdir / f"serve-{backend}.log"
    env = {**os.environ, "EVENTWIRE_API_TOKEN": token}
    with log.open("wb") as out:
        proc = subprocess.Popen([*eventwire_command(), "serve", "--db", db, "--host",
                                 "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=workdir)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc, log)
        server = LiveServer(base, token, db, backend, seeded, log)
        with server.client() as c:
            documents = [*TEXTS.values(), HOSTILE_INGEST]
            answer = c.post("/api/ingest", json={"documents": documents},
                            headers={"Authorization": f"Bearer {token}"}, timeout=600)
        assert answer.status_code == 200, answer.text
        assert answer.json()["failed"] == 0, answer.text
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def live_server(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[LiveServer]:
    for module in ("fastapi", "uvicorn", "jinja2"):
        pytest.importorskip(module, reason="the server needs the api extra: "
                                           "pip install -e '.[api]'")
    workdir = tmp_path_factory.mktemp(f"live-{backend}")
    if backend.startswith("sqlite"):
        yield from serve(str(workdir / "eventwire.db"), workdir, backend)
    else:
        for url in postgres_schema("ew_api"):
            yield from serve(url, workdir, backend)

