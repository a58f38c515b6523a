#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite and prints its URL.
# Usage: eval "$(bash scripts/start-test-postgres.sh)"   → exports KEXIN_TEST_POSTGRES_URL
set -euo pipefail
port="${KEXIN_TEST_POSTGRES_PORT:-$(node -e "const s=require(\"net\").createServer();s.listen(0,\"127.0.0.1\",()=>{console.log(s.address().port);s.close()})")}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/kexin-pg.XXXXXX)"
chown postgres "$dir" 2>/dev/null || true
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >&2
as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -w start" >&2
echo "export KEXIN_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export KEXIN_TEST_POSTGRES_DIR=$dir"
