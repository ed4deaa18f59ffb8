#!/usr/bin/env bash
# try-the-checker.sh: shows what ./check does for a learner, in four runs.
#
#   learn/try-the-checker.sh                 uses ./check at the repository root
#   CHECK=path/to/check learn/try-the-checker.sh
#
#   1. ./check 01 against the untouched starter (learn/run): it must FAIL,
#      and say why, since the starter binds its port and never answers;
#   2. ./check 02 against the starter: it must FAIL as well;
#   3. ./check 01 against serverlab's own stage 01 (./serve 01): it must PASS;
#   4. ./check 02 against ./serve 02: it must PASS.
# Each run's output is shown as it comes and kept under $LOGS (default: a
# fresh temporary directory). The script exits 0 only if all four came out
# as expected, so it can back a claim in a note; it is not part of the
# Maven build. The starter fails fast (each group of checks opens with
# "answers GET / within 3 s"); the runs against ./serve take longest, since
# every check starts a fresh JVM (about 15 minutes in all on a busy
# two-core machine).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
check=${CHECK:-$root/check}
logs=${LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/try-the-checker.XXXXXX")}
mkdir -p "$logs"

[ -x "$check" ] || {
  echo "try-the-checker: no checker at $check (set CHECK=path/to/check)" >&2
  exit 1
}
if ! git -C "$root" diff --quiet HEAD -- learn/starter 2> /dev/null; then
  echo "try-the-checker: note: learn/starter differs from the commit; runs 1 and 2 expect the untouched starter" >&2
fi

# Build what the runs start before the checker times them: ./serve builds a
# stage whose jar is stale, and --help then exits at once; learn/run compiles
# the starter into its cache the same way.
echo "preparing: building stages 01 and 02, compiling the starter…"
"$root/serve" 01 --help > /dev/null || exit 1
"$root/serve" 02 --help > /dev/null || exit 1
"$root/learn/run" --help > /dev/null || exit 1

unmet=0

# run NAME EXPECT ARGS...: runs the checker with ARGS, shows and keeps its
# output, and compares its outcome with EXPECT (pass or fail).
run() {
  local name=$1 expect=$2
  shift 2
  local log="$logs/$name.log"
  echo
  echo "=== $name: expect $expect"
  echo "\$ ./check $*"
  (cd "$root" && "$check" "$@") 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  # The checker's last word is its summary, "N passed, N failed".
  local summary
  summary=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  local outcome=fail
  if [ "$status" -eq 0 ]; then
    outcome=pass
  fi
  if [ "$outcome" != "$expect" ]; then
    echo "=== $name: UNEXPECTED: exit status $status, expected $expect" >&2
    unmet=$((unmet + 1))
  elif [ -z "$summary" ]; then
    echo "=== $name: UNEXPECTED: no 'N passed, N failed' summary line" >&2
    unmet=$((unmet + 1))
  elif [ "$expect" = fail ] && ! grep -qE ', [1-9][0-9]* failed' <<< "$summary"; then
    echo "=== $name: UNEXPECTED: non-zero exit, yet the summary counts no failure: $summary" >&2
    unmet=$((unmet + 1))
  elif [ "$expect" = fail ] && ! grep -qiE '^\[stage-[0-9]+\] .*fail' "$log"; then
    echo "=== $name: UNEXPECTED: no line names the check that failed" >&2
    unmet=$((unmet + 1))
  else
    echo "=== $name: as expected (exit status $status; $summary)"
  fi
}

run starter-01 fail 01 -- learn/run --port '{port}'
run starter-02 fail 02 -- learn/run --port '{port}'
run serve-01 pass 01 -- ./serve 01 --port '{port}'
run serve-02 pass 02 -- ./serve 02 --port '{port}'

echo
if [ "$unmet" -eq 0 ]; then
  echo "try-the-checker: all 4 runs as expected; logs in $logs"
else
  echo "try-the-checker: $unmet of 4 runs NOT as expected; logs in $logs" >&2
  exit 1
fi
