# Shared by the scripts in this folder. Sourced, not run.
# Uses the Yarn release committed in .yarn/releases, so nothing but Node.js
# needs to be installed globally.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

yarn_release=$(ls "$repo_root"/.yarn/releases/yarn-*.cjs | head -n 1)
shim_dir="$repo_root/.data/bin"
mkdir -p "$shim_dir"
# backstage-cli shells out to `yarn`; give it the committed release.
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_release" > "$shim_dir/yarn"
chmod +x "$shim_dir/yarn"
export PATH="$shim_dir:$PATH"

# better-sqlite3 builds from source against the local Node headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

install_dependencies() {
  if [ "${CI:-}" = "true" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}

# Starts the local PostgreSQL server if it is down and exports the variable
# that makes Backstage's TestDatabases run every store test on it.
use_local_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "Starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
      for _ in $(seq 1 30); do
        pg_isready -h 127.0.0.1 -p 5432 -q && break
        sleep 1
      done
    fi
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2
    return 1
  fi
  local user="${POSTGRES_USER:-postgres}"
  local major
  major=$(psql -h 127.0.0.1 -U "$user" -d postgres -tAc 'SHOW server_version' | cut -d. -f1)
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://${user}@127.0.0.1:5432"
  # Never fall back to Docker (there is none); use the server above.
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  echo "Store tests use PostgreSQL ${major} at 127.0.0.1:5432"
}

# Debian's Chromium for the end-to-end test (Playwright's own browser download
# does not work without internet access).
ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    return 0
  fi
  echo "Installing Chromium from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
