#!/usr/bin/env bash
# Compares the speed of profile + guidance in the working tree with a git ref
# (default HEAD), in paired rounds in one process (see
# plugins/case-studies-common/src/bench/compare.ts for why), in both load
# orders, and prints the combined ratio. Also checks both give the same
# guidance for every bench entity.
#
#   yarn bench:match:compare [git-ref] [pairs]
set -euo pipefail

ref="${1:-HEAD}"
pairs="${2:-12}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
baseline="$(mktemp -d)/baseline"

cleanup() {
  git -C "$root" worktree remove --force "$baseline" >/dev/null 2>&1 || true
  rm -rf "$(dirname "$baseline")"
}
trap cleanup EXIT

git -C "$root" worktree add --detach --quiet "$baseline" "$ref"
# The baseline runs on the working tree's dependencies.
ln -s "$root/node_modules" "$baseline/node_modules"

cd "$root/plugins/case-studies-common"
run() {
  node --require @backstage/cli/config/nodeTransform.cjs src/bench/compare.ts \
    "$baseline/plugins/case-studies-common/src" "$root/plugins/case-studies-common/src" \
    --pairs "$pairs" "$@"
}
echo "baseline: $ref ($(git -C "$root" rev-parse --short "$ref")), candidate: the working tree"
first="$(run)"
second="$(run --candidate-first)"
grep -v '^ratio ' <<<"$first"
grep -v '^ratio ' <<<"$second"
node -e '
  const [a, b] = process.argv.slice(1).map(Number);
  console.log(`candidate speed / baseline speed, both load orders: ${Math.sqrt(a * b).toFixed(3)}`);
' "$(sed -n 's/^ratio //p' <<<"$first")" "$(sed -n 's/^ratio //p' <<<"$second")"
