#!/usr/bin/env bash
# npm test: generated contracts up to date, lint, type-check, unit tests, then a build and the
# integration and end-to-end tests on the real Kafka, FerretDB and Redis, split in
# ATRIUM_TEST_SHARDS (2) shards that run at once. Shard 1 uses the servers of .infra (jest's
# global setup starts them when they are not running); every other shard gets a set of its
# own (.infra/shard-N, ports moved by 100 per shard, test services' ports by 1000), started
# here and stopped at the end, so no two tests at the same time share a topic, a queue or a port.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SHARDS="${ATRIUM_TEST_SHARDS:-2}"
[[ "$SHARDS" =~ ^[1-9]$ ]] || { echo "test: ATRIUM_TEST_SHARDS must be 1 to 9, not '$SHARDS'" >&2; exit 2; }

step() { printf '\n== %s\n' "$*"; }

# The environment of shard $1: its own servers' folder and ports, and its test services' ports.
shard_env() {
  local n="$1" move=$(( ($1 - 1) * 100 ))
  (( n == 1 )) && return 0
  printf '%s\n' "ATRIUM_INFRA_DIR=$ROOT/.infra/shard-$n" \
    "ATRIUM_INFRA_KAFKA_PORT=$(( 9092 + move ))" "ATRIUM_INFRA_KAFKA_CONTROLLER_PORT=$(( 9093 + move ))" \
    "ATRIUM_INFRA_FERRETDB_PORT=$(( 27017 + move ))" "ATRIUM_INFRA_POSTGRES_PORT=$(( 5433 + move ))" \
    "ATRIUM_INFRA_REDIS_PORT=$(( 6379 + move ))" "ATRIUM_INFRA_TWILIO_PORT=$(( 4010 + move ))" \
    "ATRIUM_TEST_PORT_OFFSET=$(( (n - 1) * 1000 ))"
}
in_shard() { # runs "$@" with shard $1's environment
  local n="$1"; shift
  mapfile -t vars < <(shard_env "$n")
  env "${vars[@]}" "$@"
}

# The servers of every shard start in the background while lint and the unit tests run: one
# after another, since the first start of all builds FerretDB and downloads Kafka into the cache.
servers_log="$ROOT/.infra/test-servers.log"
mkdir -p "$ROOT/.infra"
( for n in $(seq 1 "$SHARDS"); do in_shard "$n" bash scripts/infra up || exit 1; done ) >"$servers_log" 2>&1 &
servers=$!
stop_extra_shards() {
  kill "$servers" 2>/dev/null || true
  for n in $(seq 2 "$SHARDS"); do in_shard "$n" bash scripts/infra down >/dev/null 2>&1 || true; done
}
trap stop_extra_shards EXIT

step "contracts: generated code matches proto/"
bash scripts/contracts-check.sh
step "lint (type-checked)"
npx eslint --max-warnings 0 .
step "type-check"
npx tsc -p tsconfig.json --noEmit
step "unit tests"
npx jest --selectProjects unit
step "build"
node scripts/build.mjs

step "the servers of $SHARDS shard(s)"
if ! wait "$servers"; then cat "$servers_log" >&2; echo "test: scripts/infra up failed (above)" >&2; exit 1; fi
tail -n 3 "$servers_log"

step "integration and end-to-end tests on the real servers, $SHARDS shard(s) at once"
pids=()
for n in $(seq 1 "$SHARDS"); do
  ( in_shard "$n" npx jest --selectProjects integration --runInBand --shard "$n/$SHARDS" 2>&1 | sed -u "s/^/[shard $n] /" ) &
  pids+=("$!")
done
failed=0
for n in $(seq 1 "$SHARDS"); do
  wait "${pids[$((n - 1))]}" || { failed=1; echo "test: shard $n failed" >&2; }
done
exit "$failed"
