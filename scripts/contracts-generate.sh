#!/usr/bin/env bash
# Lints proto/ and regenerates libs/contracts/src/gen with buf and protoc-gen-es from node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
npx buf lint
npx buf generate
