#!/usr/bin/env bash
# Installs the system packages Atrium's local infrastructure (scripts/infra) needs, with apt,
# and only those that are missing. Idempotent and quiet when everything is present: it runs
# `apt-get update` only when it has something to install, so a warm machine pays nothing.
#
# Called by .ci/run and `npm start` on a fresh machine, before `scripts/infra up`.
#
#   Debian packages installed when absent:
#     redis-server       Redis for BullMQ (not on a fresh machine)
#     postgresql         backend of FerretDB (docs/adr/0001-ferretdb-backend.md); a fresh
#                        machine of this kind has PostgreSQL 15, but the script does not rely on that
#     fonts-noto-cjk     the Chinese fonts the member booklet's PDF embeds
#     poppler-utils      pdftotext and pdftoppm: the booklet tests read the PDF and render a page
#   Checked, not installed (the machine image brings them; a clear error if missing):
#     java 17+, mvn, go 1.24+, node 20+
set -euo pipefail

log() { printf 'install-system-packages: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------
# Toolchains the machine image must bring. They are large, versioned toolchains that the
# project does not install itself; a clear message beats a cryptic failure later.
# ---------------------------------------------------------------------------------------
missing_tools=()

if ! command -v java >/dev/null 2>&1; then
  missing_tools+=("Java 17+ not found (java is not on PATH; Kafka 4.x needs Java 17 or later)")
else
  # `java -version` prints e.g. 'openjdk version "17.0.15" 2025-04-15' on stderr.
  java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
    missing_tools+=("Java 17+ not found (java reports major version '${java_major:-?}'; Kafka 4.x needs 17 or later)")
  fi
fi

command -v mvn >/dev/null 2>&1 ||
  missing_tools+=("Maven not found (mvn is not on PATH; it collects the Kafka broker jars)")

if ! command -v go >/dev/null 2>&1; then
  missing_tools+=("Go 1.24+ not found (go is not on PATH; it builds FerretDB)")
else
  go_minor="$(go env GOVERSION | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
  if [[ -z "$go_minor" || "$go_minor" -lt 24 ]]; then
    missing_tools+=("Go 1.24+ not found (go reports $(go env GOVERSION); FerretDB v1.24.2 needs 1.24 or later)")
  fi
fi

if ! command -v node >/dev/null 2>&1; then
  missing_tools+=("Node.js 20+ not found (node is not on PATH)")
fi

if ((${#missing_tools[@]} > 0)); then
  for m in "${missing_tools[@]}"; do log "ERROR: $m"; done
  die "install the missing toolchain(s) above; they are part of the machine image, not of this script"
fi

# ---------------------------------------------------------------------------------------
# Debian packages: install only what is missing.
# ---------------------------------------------------------------------------------------
want=()
# Binaries, not package states, are what scripts/infra runs: check those.
if ! command -v redis-server >/dev/null 2>&1; then
  want+=(redis-server)
fi
# Any major version will do (scripts/infra takes the newest under /usr/lib/postgresql);
# `postgresql` is Debian's package for its default one (15 on Debian 12).
have_postgres=0
for d in /usr/lib/postgresql/*/bin; do
  if [[ -x "$d/postgres" && -x "$d/initdb" && -x "$d/psql" ]]; then have_postgres=1; fi
done
if ((!have_postgres)); then
  want+=(postgresql)
fi
[[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] || want+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || want+=(poppler-utils)

if ((${#want[@]} == 0)); then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${want[*]} by hand"
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    die "must run as root (or with sudo) to install ${want[*]}"
  fi
else
  SUDO=()
fi

log "installing ${want[*]} with apt"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q >/dev/null
# --no-install-recommends keeps it small. The packages' own system services are not used:
# scripts/infra starts its own servers, with data under .infra/, on ports of its own.
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${want[@]}" >/dev/null
log "installed ${want[*]}"

# Debian's redis-server package starts a system redis on 127.0.0.1:6379 where an init system
# runs it; that would take the port scripts/infra wants. Stop it if it is running.
if [[ " ${want[*]} " == *" redis-server "* ]]; then
  if command -v service >/dev/null 2>&1; then
    "${SUDO[@]}" service redis-server stop >/dev/null 2>&1 || true
  fi
fi
