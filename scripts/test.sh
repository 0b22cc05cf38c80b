#!/usr/bin/env bash
# npm test: generated contracts up to date, lint, type-check, unit tests, then a build and the
# integration and end-to-end tests on the real Kafka, FerretDB and Redis (started by jest's
# global setup through scripts/infra up when they are not running).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

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
step "integration and end-to-end tests on the real servers"
npx jest --selectProjects integration --runInBand
