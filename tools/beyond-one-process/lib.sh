# Shared by reuse-port.sh and drain.sh (sourced, not run): start stage 08
# instances in the background, wait for their start-up lines, and stop every
# process the script started when it exits, however it exits.
#
# Loopback only. Every wait has a deadline, so a script never hangs. Written
# for the bash 3.2 that macOS ships as well as for Linux.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/beyond-one-process.XXXXXX")
started=()   # pids of everything we put in the background

# tag::cleanup[]
cleanup() {
  local pid
  for pid in ${started[@]+"${started[@]}"}; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 10))   # a drain's length; then KILL what is left
  for pid in ${started[@]+"${started[@]}"}; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # run the EXIT trap on Ctrl-C too
# end::cleanup[]

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# The port must be free before we start, or a stray server would answer for us.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "port $1 is already taken; stop what listens there first"
  fi
}

# Build the jar once, up front, so that no instance builds it in the background.
build_stage_08() {
  "$root/serve" 08 --help >/dev/null || die "building stage 08 failed"
}

# tag::start-instance[]
# start_instance NAME FLAGS...: one stage 08 JVM in the background. ./serve
# execs java, so $! is the JVM itself: the pid that gets SIGTERM and whose exit
# status `wait` reports. Sets $last_pid.
start_instance() {
  local name=$1
  shift
  "$root/serve" 08 "$@" >"$work/$name.log" 2>&1 &
  last_pid=$!
  started+=("$last_pid")
  wait_for_line "$work/$name.log" "listening on" "$name"
  # If $! were a wrapper, SIGTERM would stop the wrapper and leave the JVM running.
  case "$(ps -o comm= -p "$last_pid" 2>/dev/null)" in
    *java*) ;;
    *) die "pid $last_pid of $name is not the JVM" ;;
  esac
}
# end::start-instance[]

# wait_for_line FILE TEXT WHAT: polls FILE for TEXT for up to 30 s.
wait_for_line() {
  local deadline=$((SECONDS + 30))
  until grep -q "$2" "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { cat "$1" >&2; die "$3 did not start within 30 s"; }
    sleep 0.1
  done
}
