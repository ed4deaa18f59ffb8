#!/usr/bin/env bash
# Slowloris at scale: 1,000 connections that send one header byte every 2 s,
# against stages 02 and 05–08 in turn, each started with ./serve on 127.0.0.1.
# Prints what the slow connections heard and how a normal client fared
# (see Slowloris.java). Bounded: each run lasts --duration, servers are
# stopped with SIGTERM afterwards. Takes about four minutes.
#
#   tools/slowloris/run.sh [port]          (default port 4701)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-4701}"
# shellcheck source=../../scripts/find-jdk.sh
. scripts/find-jdk.sh
JAVA="$(find_jdk)/bin/java"
TOOL=tools/slowloris/Slowloris.java

run() { # stage, duration, flags...
    local stage="$1" duration="$2"
    shift 2
    local log
    log="$(mktemp)"
    ./serve "$stage" --port "$PORT" "$@" >"$log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 300); do
        grep -q 'listening on' "$log" && break
        sleep 0.2
    done
    echo "## ./serve $stage --port $PORT $*"
    echo "\$ java $TOOL --port $PORT --connections 1000 --interval 2s --duration $duration"
    "$JAVA" "$TOOL" --port "$PORT" --connections 1000 --interval 2s --duration "$duration"
    kill -TERM "$pid"
    wait "$pid" || true
    rm -f "$log"
    echo
}

run 02 20s
run 05 40s
run 05 40s --read-timeout 2s
run 06 40s
run 06 40s --read-timeout 2s
run 07 30s
run 08 30s
