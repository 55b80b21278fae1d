#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store contract tests (tests/store).
#
#   eval "$(.ci/postgres.sh)"      start one; exports EVENTWIRE_TEST_POSTGRES_URL (what the
#                                  tests read) and EVENTWIRE_TEST_POSTGRES_DIR (for stopping)
#   .ci/postgres.sh stop [DIR]     stop it and delete its files (DIR defaults to
#                                  $EVENTWIRE_TEST_POSTGRES_DIR)
#
# Installs Debian's postgresql package when no server binaries are found (needs root and
# apt). The server refuses to run as root, so as root it runs as the 'postgres' user (created
# if missing). It listens on 127.0.0.1 only, on a free port, with trust authentication and
# without fsync: fast, and fit only for tests. Only the export lines go to stdout.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

bindir() {
    local dir found=""
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && found="$dir"
    done
    if [ -z "$found" ] && command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir)"
        [ -x "$dir/initdb" ] && found="$dir"
    fi
    echo "$found"
}

install_server() {
    [ "$(id -u)" -eq 0 ] || die "no PostgreSQL server binaries found, and installing them needs root"
    command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server binaries and no apt-get to install them"
    log "installing postgresql with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
}

# as_owner CMD...: run as the server's owner (the current user, or 'postgres' when root)
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port between 55432 and 55532"
}

start() {
    local bin dir port
    bin="$(bindir)"
    if [ -z "$bin" ]; then
        install_server
        bin="$(bindir)"
        [ -n "$bin" ] || die "postgresql installed, but initdb was not found under /usr/lib/postgresql"
    fi
    OWNER="$(id -un)"
    if [ "$(id -u)" -eq 0 ]; then
        OWNER=postgres
        if ! id "$OWNER" >/dev/null 2>&1; then
            useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$OWNER"
        fi
    fi
    dir="$(mktemp -d "${TMPDIR:-/tmp}/eventwire-pg.XXXXXX")"
    chmod 755 "$dir"
    chown "$OWNER" "$dir"
    port="$(free_port)"
    log "initialising a cluster in $dir with $bin"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2 || { cat "$dir/server.log" >&2; die "the server did not start"; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres eventwire_test
    log "server on 127.0.0.1:$port (stop it with: .ci/postgres.sh stop $dir)"
    echo "export EVENTWIRE_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:$port/eventwire_test"
    echo "export EVENTWIRE_TEST_POSTGRES_DIR=$dir"
}

stop() {
    local dir="${1:-${EVENTWIRE_TEST_POSTGRES_DIR:-}}" bin
    [ -n "$dir" ] || die "which server? give its folder or set EVENTWIRE_TEST_POSTGRES_DIR"
    [ -d "$dir/data" ] || die "$dir holds no server started by this script"
    bin="$(bindir)"
    OWNER="$(stat -c %U "$dir/data")"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "the server was not running"
    rm -rf "$dir"
    log "stopped and removed $dir"
}

case "${1:-start}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) die "usage: $0 [start|stop [DIR]]" ;;
esac
