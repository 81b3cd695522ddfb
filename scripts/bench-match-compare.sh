#!/usr/bin/env bash
# Compares profile + guidance in the working tree with a git ref (default
# HEAD) over the bench catalog, and checks both give the same guidance for
# every bench entity.
#
#   yarn bench:match:compare [git-ref] [pairs]
#     speed, in paired rounds in one process (see
#     plugins/case-studies-common/bench/compare.ts for why), in both load
#     orders, combined into one ratio
#   yarn bench:match:instructions [git-ref]
#     instructions per entity counted by valgrind: repeatable to ~2 % on a
#     machine whose speed varies by ±10 % from one minute to the next
set -euo pipefail

mode=speed
if [ "${1:-}" = "--instructions" ]; then
  mode=instructions
  shift
fi
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
# The working tree's bench loads the baseline's engine (its src) only, so a
# ref whose bench still lives in src/bench compares as well.
baseline_src="$baseline/plugins/case-studies-common/src"
candidate_src="$root/plugins/case-studies-common/src"
echo "baseline: $ref ($(git -C "$root" rev-parse --short "$ref")), candidate: the working tree"

run() {
  node --require @backstage/cli/config/nodeTransform.cjs bench/compare.ts \
    "$baseline_src" "$candidate_src" --pairs "$pairs" "$@"
}

if [ "$mode" = speed ]; then
  first="$(run)"
  second="$(run --candidate-first)"
  grep -v '^ratio ' <<<"$first"
  grep -v '^ratio ' <<<"$second"
  node -e '
    const [a, b] = process.argv.slice(1).map(Number);
    console.log(`candidate speed / baseline speed, both load orders: ${Math.sqrt(a * b).toFixed(3)}`);
  ' "$(sed -n 's/^ratio //p' <<<"$first")" "$(sed -n 's/^ratio //p' <<<"$second")"
  exit 0
fi

if ! command -v valgrind >/dev/null; then
  echo "valgrind is needed: apt-get install valgrind" >&2
  exit 1
fi
# Each copy runs twice, with few and with many passes over the catalog: the
# difference is the steady-state work, without start-up, loading and the
# first passes in which V8 is still compiling. --single-threaded makes V8
# compile and collect garbage on the main thread, so the count repeats.
entities=2000
few=2
many=20
# The Node binary itself: under `yarn`, `node` may be a wrapper script, and
# valgrind would count the shell instead.
node_binary="$(node -p process.execPath)"
count_instructions() { # src dir, passes -> instructions
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$node_binary" --single-threaded --require @backstage/cli/config/nodeTransform.cjs \
    bench/passes.ts "$1" "$entities" "$2" 2>&1 >/dev/null |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
out="$(mktemp -d)"
for copy in baseline candidate; do
  src="${copy}_src"
  for passes in "$few" "$many"; do
    count_instructions "${!src}" "$passes" >"$out/$copy-$passes" &
  done
done
wait
# The compare tool's check that both give the same guidance, without timing.
run --pairs 0 | grep 'differs'
node -e '
  const [out, few, many, entities] = process.argv.slice(1);
  const fs = require("fs");
  const perEntity = copy =>
    (Number(fs.readFileSync(`${out}/${copy}-${many}`, "utf8")) -
      Number(fs.readFileSync(`${out}/${copy}-${few}`, "utf8"))) /
    ((many - few) * entities);
  const [baseline, candidate] = ["baseline", "candidate"].map(perEntity);
  const k = n => `${(n / 1000).toFixed(1)}k`;
  console.log(`instructions per entity (valgrind, ${many - few} passes over ${entities} entities): baseline ${k(baseline)}, candidate ${k(candidate)}`);
  console.log(`baseline instructions / candidate instructions: ${(baseline / candidate).toFixed(3)}`);
' "$out" "$few" "$many" "$entities"
rm -rf "$out"
