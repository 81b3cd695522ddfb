#!/usr/bin/env bash
# Installs everything and starts the demo: frontend on :3000, backend on :7007,
# data in .data/sqlite (survives restarts). Pass --postgres to run it on the
# local PostgreSQL server instead.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

install_dependencies
mkdir -p .data/sqlite

config=(--config "$repo_root/app-config.yaml")
if [ "${1:-}" = "--postgres" ]; then
  use_local_postgres
  config+=(--config "$repo_root/app-config.postgres.yaml")
fi
exec yarn backstage-cli repo start "${config[@]}"
