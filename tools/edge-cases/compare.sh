#!/usr/bin/env bash
# compare.sh: send issue 10's edge-case vectors (vectors.txt) byte for byte to
# nginx, Go net/http and serverlab stage 06, and print a markdown table of the
# status line each answered with.
#
#   tools/edge-cases/compare.sh                 table on stdout
#   tools/edge-cases/compare.sh > table.md      (progress goes to stderr)
#   PORT_BASE=4401 STAGE=06 tools/edge-cases/compare.sh
#
# Ports PORT_BASE (nginx), +1 (Go), +2 (serverlab), all on 127.0.0.1. A peer
# that is not installed is skipped, and the output says so. serverlab runs
# through ./serve, which finds a JDK 21+ and builds the stage if needed.
# Everything it starts is stopped on exit; temp files go to one mktemp dir.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
base=${PORT_BASE:-4401}
stage=${STAGE:-06}
nginx_port=$base
go_port=$((base + 1))
lab_port=$((base + 2))

command -v python3 > /dev/null || { echo "compare.sh: python3 is needed to send the vectors" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/edge-cases.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits up to 60 s for something to listen on 127.0.0.1:$1.
wait_for_port() {
  local port=$1 i
  for i in $(seq 600); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2> /dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

servers=()
skipped=()

nginx_bin=$(command -v nginx || true)
[ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
if [ -n "$nginx_bin" ]; then
  mkdir -p "$work/nginx/tmp"
  sed "s/127\.0\.0\.1:4401/127.0.0.1:$nginx_port/" "$here/nginx.conf" > "$work/nginx/nginx.conf"
  # -e: the error log before the config is read (nginx >= 1.19.5), so no /var/log is touched.
  "$nginx_bin" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  pids+=($!)
  if wait_for_port "$nginx_port"; then
    servers+=("nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')=$nginx_port")
  else
    skipped+=("nginx: did not start (see its error log)")
  fi
else
  skipped+=("nginx: not installed")
fi

if command -v go > /dev/null; then
  export GOCACHE="${GOCACHE:-$work/gocache}" GOFLAGS=-mod=mod
  if (cd "$here/go-hello" && go build -o "$work/go-hello" main.go); then
    "$work/go-hello" -addr "127.0.0.1:$go_port" &
    pids+=($!)
    wait_for_port "$go_port" && servers+=("Go $(go env GOVERSION | sed 's/^go//') net/http=$go_port") ||
      skipped+=("Go net/http: did not start")
  else
    skipped+=("Go net/http: go build failed")
  fi
else
  skipped+=("Go net/http: go not installed")
fi

mkdir -p "$work/files"
if "$root/serve" "$stage" --port "$lab_port" --directory "$work/files" > "$work/serverlab.log" 2>&1 &
then
  pids+=($!)
  if wait_for_port "$lab_port"; then
    servers+=("serverlab $stage=$lab_port")
  else
    skipped+=("serverlab $stage: did not start: $(tail -1 "$work/serverlab.log")")
  fi
fi

[ "${#servers[@]}" -gt 0 ] || { echo "compare.sh: no server to compare" >&2; exit 1; }

commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo unknown)
echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') against serverlab commit \`$commit\`$(git -C "$root" diff --quiet HEAD 2> /dev/null || echo ' (with uncommitted changes)')."
for s in "${skipped[@]+"${skipped[@]}"}"; do
  echo "Skipped $s."
done
echo
python3 "$here/probe.py" "$here/vectors.txt" "${servers[@]}"
