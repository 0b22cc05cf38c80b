#!/usr/bin/env bash
# Runs scripts/bench/ferretdb-backends.mjs against two throwaway FerretDB servers built from
# the project's own FerretDB program: one on SQLite, one on PostgreSQL (the PostgreSQL server
# of scripts/infra, in a database of its own). Nothing of the running infrastructure's data
# is touched. The result decides docs/adr/0001-ferretdb-backend.md.
#
#   bash scripts/bench/ferretdb-backends.sh     (BENCH_DOCS, BENCH_LOOKUPS, BENCH_BUDGET_S apply)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SQLITE_PORT=27118
PG_FERRET_PORT=27119
POSTGRES_PORT="${ATRIUM_INFRA_POSTGRES_PORT:-5433}"
BENCH_DB=ferretdb_bench
WORK="$ROOT/.infra/data/bench"

# Builds FerretDB and starts PostgreSQL if needed (and the rest; all cheap when running).
bash "$ROOT/scripts/infra" up >/dev/null

# scripts/infra keeps one FerretDB binary (named by the hash of its sources).
bin="$(find "$ROOT/.infra/cache/bin" -maxdepth 1 -name 'atrium-ferretdb-*' -type f ! -name '*.tmp.*' | head -n1)"
pgbin="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -n -r | head -n1)"
psql=("$pgbin/psql" -X -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres)

for p in $SQLITE_PORT $PG_FERRET_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "ferretdb-backends: port $p is in use; stop what runs there first" >&2
    exit 1
  fi
done

rm -rf "$WORK"
mkdir -p "$WORK/sqlite"
"${psql[@]}" -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "${psql[@]}" -c "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$bin" -handler sqlite -sqlite-url "file:$WORK/sqlite/" -listen-addr "127.0.0.1:$SQLITE_PORT" \
  -log-level warn >"$WORK/sqlite.log" 2>&1 &
pids+=("$!")
"$bin" -handler postgresql -postgresql-url "postgres://postgres@127.0.0.1:$POSTGRES_PORT/$BENCH_DB" \
  -listen-addr "127.0.0.1:$PG_FERRET_PORT" -log-level warn >"$WORK/postgresql.log" 2>&1 &
pids+=("$!")

# Wait for both listeners (bounded).
for p in $SQLITE_PORT $PG_FERRET_PORT; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break
    sleep 0.1
  done
done

node "$ROOT/scripts/bench/ferretdb-backends.mjs" \
  "sqlite=mongodb://127.0.0.1:$SQLITE_PORT" \
  "postgresql=mongodb://127.0.0.1:$PG_FERRET_PORT"
