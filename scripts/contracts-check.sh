#!/usr/bin/env bash
# Fails when libs/contracts/src/gen differs from what proto/ generates now (CI runs this on a
# clean clone, so it catches generated code that was not regenerated and committed).
set -euo pipefail
cd "$(dirname "$0")/.."
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
npx buf lint
npx buf generate --output "$fresh"
if ! diff -r "$fresh/libs/contracts/src/gen" libs/contracts/src/gen >"$fresh/diff.txt"; then
  echo "libs/contracts/src/gen is stale: run 'npm run contracts:generate' and commit the result." >&2
  head -n 40 "$fresh/diff.txt" >&2
  exit 1
fi
echo "contracts: generated code is up to date"
