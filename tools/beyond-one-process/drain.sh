#!/usr/bin/env bash
# Chapter 10, step 2: take one stage 08 instance out from behind nginx while
# a load generator runs, and count what the clients lost.
#
#   tools/beyond-one-process/drain.sh [nginx|direct] [REQUESTS]   (defaults: nginx 6000)
#
# nginx: nginx listens on 127.0.0.1:4910 (nginx.conf) in front of three
# instances on 4911-4913. direct: no proxy; the three instances share port
# 4910 with --reuse-port true and ab talks to them straight.
#
# ab sends REQUESTS GETs of /sleep/20, 32 at a time, over keep-alive; once a
# tenth of them are answered, instance 2 gets SIGTERM: it stops accepting,
# closes its idle connections, finishes the requests it is serving and exits.
# Exits 0 only if ab got REQUESTS 2xx answers with no failure and the
# instance exited with status 0.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mode=${1:-nginx}
requests=${2:-6000}
case "$mode" in
  nginx) command -v nginx >/dev/null || die "needs nginx (apt-get install nginx / brew install nginx)" ;;
  direct) ;;
  *) die "usage: drain.sh [nginx|direct] [REQUESTS]" ;;
esac
command -v ab >/dev/null || die "needs ab (apt-get install apache2-utils; macOS ships it)"
for port in 4910 4911 4912 4913; do
  require_free_port "$port"
done
build_stage_08

pids=()
if [ "$mode" = nginx ]; then
  # tag::start[]
  mkdir -p "$work/nginx/tmp"
  cp "$(dirname "$0")/nginx.conf" "$work/nginx/nginx.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  started+=("$!")
  for i in 1 2 3; do
    start_instance "instance-$i" --port "491$i"
    pids+=("$last_pid")
  done
  # end::start[]
else
  for i in 1 2 3; do
    start_instance "instance-$i" --port 4910 --reuse-port true
    pids+=("$last_pid")
  done
fi
deadline=$((SECONDS + 30))
until curl -sf -m 2 -o /dev/null http://127.0.0.1:4910/echo/up; do
  [ "$SECONDS" -lt "$deadline" ] || die "nothing answered on 4910 within 30 s"
  sleep 0.2
done
# Warm the JVMs up (class loading, JIT) and start afresh with an empty log.
ab -q -k -n 600 -c 8 http://127.0.0.1:4910/echo/warm >/dev/null
[ "$mode" = direct ] || : >"$work/nginx/access.log"

# tag::drain[]
# -r: count a reset connection as a failed request instead of stopping;
# -s 10: no request waits more than 10 s, so the run is bounded.
ab -k -r -s 10 -n "$requests" -c 32 http://127.0.0.1:4910/sleep/20 >"$work/ab.txt" 2>&1 &
ab_pid=$!
started+=("$ab_pid")

# ab reports progress every tenth of the run ("Completed 600 requests").
deadline=$((SECONDS + 60))
until grep -q "^Completed" "$work/ab.txt"; do
  [ "$SECONDS" -lt "$deadline" ] || die "ab made no progress: $(cat "$work/ab.txt")"
  sleep 0.05
done
victim=${pids[1]}
echo "$(grep "^Completed" "$work/ab.txt" | tail -1): SIGTERM to instance-2 (pid $victim)"
kill -TERM "$victim"
# `wait` returns the exit status of a child of this shell; `|| status=$?`
# keeps `set -e` from ending the script when that status is not 0.
status=0
wait "$victim" || status=$?
echo "instance-2 exited with status $status"

ab_status=0
wait "$ab_pid" || ab_status=$?
# end::drain[]

# tag::report[]
echo "--- instance-2's output"
cat "$work/instance-2.log"
echo "--- ab (exit status $ab_status)"
grep -E "^(Complete requests|Failed|   \(Connect|Non-2xx|Requests per second|Time taken)" "$work/ab.txt" || cat "$work/ab.txt"
complete=$(awk '/^Complete requests:/ {print $3}' "$work/ab.txt")
failed=$(awk '/^Failed requests:/ {print $3}' "$work/ab.txt")
non2xx=$(awk '/^Non-2xx responses:/ {print $3}' "$work/ab.txt") # ab prints it only when not 0
if [ "$mode" = nginx ]; then
  echo "--- nginx: answers per instance, and requests it retried on another instance"
  awk -F'"' '{print $2}' "$work/nginx/access.log" | sort | uniq -c
  echo "statuses: $(awk '{print $1}' "$work/nginx/access.log" | sort | uniq -c | xargs)"
  grep ", " "$work/nginx/access.log" | head -5 || true
  echo "retried: $(grep -c ", " "$work/nginx/access.log" || true)"
  echo "nginx error.log: $(grep -c "" "$work/nginx/error.log" || true) lines"
  grep -o "\] .*" "$work/nginx/error.log" | cut -c1-160 | sort | uniq -c | head -5 || true
fi

lost=$(( requests - ${complete:-0} + ${failed:-0} + ${non2xx:-0} ))
echo "--- lost $lost of $requests requests; instance-2 exit status $status"
[ "$ab_status" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$status" -eq 0 ]
# end::report[]
