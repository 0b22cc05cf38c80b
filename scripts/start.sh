#!/usr/bin/env bash
# npm start: everything a newcomer needs, from a clean clone: system packages, node modules,
# the local infrastructure, a build, then every service with demo data (Ctrl-C stops them).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
bash scripts/infra up
npm run --silent build
exec node scripts/run-services.mjs
