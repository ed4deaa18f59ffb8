#!/usr/bin/env bash
# start-bg.sh: start a stage in the background and return once it listens.
#
#   pid=$(scripts/start-bg.sh 02 --port 4221)    # same arguments as ./serve
#   curl http://localhost:4221/echo/hi
#   kill $pid                                     # SIGTERM: drain, "stopped", exit 0
#
# Runs `./serve ARGS...` in the background with its output in a log file
# (SERVE_LOG, default ${TMPDIR:-/tmp}/serverlab-STAGE.log), waits until the
# log holds the start-up line ("NN-name listening on http://localhost:PORT/"),
# copies that line to stderr and prints the server's process id on stdout.
# Because ./serve replaces itself with java, that id is the JVM's: `kill`
# reaches the server itself. If the server exits first (the port is taken, a
# flag is wrong) it prints the log and fails; after SERVE_WAIT seconds
# (default 300: the first run builds the stage) it stops the server and fails.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
[ $# -gt 0 ] || { echo "usage: scripts/start-bg.sh STAGE [flags...]" >&2; exit 2; }
log=${SERVE_LOG:-${TMPDIR:-/tmp}/serverlab-$1.log}
rm -f "$log" # a server stopped a moment ago may still write to the old one
"$root/serve" "$@" > "$log" 2>&1 < /dev/null &
pid=$!
deadline=$((SECONDS + ${SERVE_WAIT:-300}))
until grep -aq ' listening on ' "$log" 2> /dev/null; do
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "start-bg: ./serve $* exited before listening:" >&2
    cat "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "start-bg: no start-up line after ${SERVE_WAIT:-300}s; stopping $pid (log: $log)" >&2
    kill "$pid" 2> /dev/null || true
    exit 1
  fi
  sleep 0.1
done
grep -a ' listening on ' "$log" >&2
echo "$pid"
