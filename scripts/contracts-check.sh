#!/usr/bin/env bash
# Fails when the committed generated contracts differ from what proto/ generates now.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/contracts-generate.sh
if ! git diff --quiet --exit-code -- libs/contracts/src/gen || [ -n "$(git ls-files --others --exclude-standard -- libs/contracts/src/gen)" ]; then
  echo "libs/contracts/src/gen is stale: run 'npm run contracts:generate' and commit the result." >&2
  git --no-pager diff --stat -- libs/contracts/src/gen >&2
  exit 1
fi
echo "contracts: generated code is up to date"
