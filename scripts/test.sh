#!/usr/bin/env bash
# Installs everything and runs the whole test suite: unit, component, store and
# API tests (store and API tests on SQLite and on PostgreSQL), then the
# end-to-end browser test. Ends with "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib.sh"

install_dependencies
use_local_postgres

results=.data/jest-results.json
rm -f "$results"
status=0
yarn backstage-cli repo test --ci --json --outputFile="$results" || status=$?

node scripts/summarise-tests.js "$results" || status=1
exit $status
