#!/usr/bin/env bash
# Chapter 10, step 1: three stage 08 instances on one port with SO_REUSEPORT,
# and how the kernel spreads connections across them.
#
#   tools/beyond-one-process/reuse-port.sh [PORT]      (default 4901)
#
# Starts the instances, holds 48 keep-alive connections open with wrk for
# 6 s, and counts, per instance, the established connections it owns (lsof).
# Linux balances; macOS accepts the option but hands every connection to one
# listener, so there one instance gets them all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

port=${1:-4901}
instances=3
command -v wrk >/dev/null || die "needs wrk (apt-get install wrk / brew install wrk)"
command -v lsof >/dev/null || die "needs lsof"
require_free_port "$port"
build_stage_08

# tag::start[]
pids=()
for i in $(seq 1 "$instances"); do
  start_instance "instance-$i" --port "$port" --reuse-port true
  pids+=("$last_pid")
done
echo "$instances instances on port $port: pids ${pids[*]}"
# end::start[]

# Fresh JVMs answer the first requests slowly (class loading, JIT): warm them
# up with fresh connections, which the kernel spreads across all three.
for _ in $(seq 1 60); do
  curl -s -m 5 -o /dev/null "http://127.0.0.1:$port/echo/warm" || true
done

# tag::count[]
# Keep-alive connections stay with the instance that accepted them, so while
# wrk holds 48 open, each instance's share is its count of established sockets.
wrk -t2 -c48 -d6s --timeout 10s "http://127.0.0.1:$port/echo/hi" >"$work/wrk.txt" &
wrk_pid=$!
started+=("$wrk_pid")
sleep 3
# One snapshot for all instances (column 2 is the pid); the 48 are all open now.
lsof -nP -a -p "$(IFS=,; echo "${pids[*]}")" -iTCP:"$port" -sTCP:ESTABLISHED >"$work/lsof.txt" 2>/dev/null || true
for i in "${!pids[@]}"; do
  n=$(awk -v pid="${pids[$i]}" '$2 == pid' "$work/lsof.txt" | wc -l)
  echo "instance-$((i + 1)) (pid ${pids[$i]}): $((n)) of 48 wrk connections"
done
wait "$wrk_pid"
grep -E "requests in|Requests/sec|Non-2xx|Socket errors" "$work/wrk.txt"
# end::count[]

