"""Compiled knowledge base: the validated index pickled once, reused while the sources match.

Validating ~40,000 lines of YAML takes over a second; unpickling the finished index takes a
tenth of that. The cache file's name carries a hash of every source file and of the code that
builds the index, so an edited data file or a changed loader or normaliser can never be served
stale: the name no longer matches and the index is rebuilt (and written) transparently.

The cache lives in the user cache directory (``platformdirs``), or in ``EVENTWIRE_CACHE_DIR``;
when neither is writable the KB is still built, only not kept. ``EVENTWIRE_KB_CACHE=off``
turns the cache off. A pickle runs code when loaded, so only files this module wrote, under
the user's own cache directory, are read.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.kb.index import KnowledgeBase
from eventwire.kb.loader import load_knowledge_base, source_files

FORMAT = 1
"""Bumped when the pickled layout changes in a way the code hash would not show."""
CACHE_ENV = "EVENTWIRE_KB_CACHE"
DIR_ENV = "EVENTWIRE_CACHE_DIR"
_CODE = ("entities.py", "index.py", "loader.py", "schema.py", "cache.py")


def cache_dir() -> Path:
    """Where compiled KBs are kept: ``EVENTWIRE_CACHE_DIR``, the user cache dir, or temp."""
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("eventwire", appauthor=False))
    except ImportError:  # pragma: no cover - platformdirs is a dependency; XDG as a fallback
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "eventwire"


def cache_key(data_dir: Path, extra: Sequence[Path] = ()) -> str:
    """Hash of the format, the building code and every source file (path and content)."""
    digest = hashlib.sha256(f"eventwire-kb {FORMAT}".encode())
    here = Path(__file__).parent
    code = [here / name for name in _CODE] + [here.parent / "textnorm.py"]
    for path in code + source_files(data_dir, extra):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def cache_path(key: str, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"kb-{key}.pickle"


def write_cache(kb: KnowledgeBase, path: Path) -> None:
    """Write atomically (temp file + rename), so parallel workers never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((FORMAT, kb), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def read_cache(path: Path) -> KnowledgeBase | None:
    """The pickled KB, or None when the file is missing, truncated or of another format.

    The garbage collector is paused while unpickling: the KB is ~100,000 small objects and
    cycle checks triggered by their allocation would double the load time for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            fmt, kb = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    finally:
        if enabled:
            gc.enable()
    return kb if fmt == FORMAT and isinstance(kb, KnowledgeBase) else None


def _prune(directory: Path, keep: Path) -> None:
    """Remove compiled KBs of earlier sources, so the cache holds one file per checkout."""
    for old in directory.glob("kb-*.pickle"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def build(data_dir: Path, extra: Sequence[Path] = (), out: Path | None = None) -> Path:
    """Compile the sources into ``out`` (default: the cache file for their hash)."""
    kb = load_knowledge_base(data_dir, extra)
    path = out or cache_path(cache_key(data_dir, extra))
    write_cache(kb, path)
    if out is None:
        _prune(path.parent, path)
    return path


def _temp_dir() -> Path:
    """Per-user folder in the temp dir (per user, because a pickle must come from oneself)."""
    user = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"eventwire-{user}"


def cached_kb(data_dir: Path, extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The KB from the cache when fresh; otherwise built from YAML and (if possible) cached."""
    if os.environ.get(CACHE_ENV, "").lower() in ("off", "0", "no", "false"):
        return load_knowledge_base(data_dir, extra)
    key = cache_key(data_dir, extra)
    places = [cache_path(key), cache_path(key, _temp_dir())]
    for path in places:
        kb = read_cache(path)
        if kb is not None:
            return kb
    kb = load_knowledge_base(data_dir, extra)
    for path in places:
        try:
            write_cache(kb, path)
        except OSError:
            continue
        _prune(path.parent, path)
        break
    return kb


@dataclass(frozen=True)
class LoadTimes:
    """Seconds to get a ready KB from YAML (cold) and from the compiled cache (warm)."""

    cold: float
    warm: float
    hash: float
    entities: int


def measure_load(data_dir: Path, extra: Sequence[Path] = ()) -> LoadTimes:
    """Time both ways of loading, in this process, writing the cache to a temp dir."""
    t0 = time.perf_counter()
    kb = load_knowledge_base(data_dir, extra)
    cold = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.pickle"
        write_cache(kb, path)
        t1 = time.perf_counter()
        key = cache_key(data_dir, extra)
        t2 = time.perf_counter()
        warm_kb = read_cache(path)
        t3 = time.perf_counter()
    assert warm_kb is not None and key
    return LoadTimes(cold=cold, warm=t3 - t1, hash=t2 - t1, entities=len(warm_kb.entities))
