#!/usr/bin/env bash
# run-it.sh: run the chapters' "Run it" steps and compare what they print
# with what the chapters show.
#
#   tutorial/run-it.sh            every chapter
#   tutorial/run-it.sh 02 06      chapters 02 and 06
#
# A step is a shell block marked <!-- run-it --> in a chapter, its output
# the block marked <!-- run-it: output --> after it (RunItSteps says how;
# OutputPattern says what "the same output" means). Steps run on port
# RUN_IT_PORT (default 4299) in place of the chapters' 4221, so a server you
# left on 4221 does not get in the way. Needs curl and nc (see
# tutorial/prerequisites.md), and Linux: some steps read /proc or run ss.
# Takes a few minutes (the build, then about 20 s a chapter).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
chapters=$(IFS=,; echo "${*:-all}")
cd "$root"
for tool in curl nc ab wrk; do
  command -v "$tool" > /dev/null || { echo "run-it: $tool is not on the PATH (tutorial/prerequisites.md says how to install it)" >&2; exit 1; }
done
# Build every stage's jar once, up front, so no step waits for a build.
env -u JAVA_HOME ./mvnw -q -pl 01-single-connection,02-sequential,03-thread-per-connection,04-semaphore-limit,05-thread-pool,06-keepalive-idle,07-nio,08-virtual-threads -am package -DskipTests
for jar in [0-9][0-9]-*/target/[0-9][0-9]-*.jar; do touch "$jar"; done # as ./serve does: built means fresh
env -u JAVA_HOME ./mvnw -q -pl tutorial test -Dtest=RunItTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Drun.it="$chapters" -Drun.it.port="${RUN_IT_PORT:-4299}"
echo "run-it: the steps of chapter(s) $chapters print what the chapters show"
