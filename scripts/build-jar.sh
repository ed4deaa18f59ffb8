# build-jar.sh: sourced by ./serve and ./check; builds a module's runnable jar
# when it is missing or stale, so both scripts decide "stale" the same way.
#
# Needs $root (the repository) set by the caller. Provides:
#   needs_build MODULE JAR   succeeds when JAR is missing or older than a source
#                            of MODULE, of core, of a sibling module MODULE's pom
#                            names (08 runs 06's code; check runs testkit), or
#                            any pom.xml;
#   ensure_jar MODULE JAR JAVA_HOME
#                            builds JAR with the Maven wrapper if needs_build says
#                            so; the build reports on stderr; exits 1 on failure.

needs_build() {
  local module=$1 jar=$2
  [ -f "$jar" ] || return 0
  local sources=("$root/core/src" "$root/$module/src") dir name
  for dir in "$root"/*/; do
    name=$(basename "$dir")
    if [ "$name" != "$module" ] && [ -f "$dir/pom.xml" ] &&
      grep -q "<artifactId>$name</artifactId>" "$root/$module/pom.xml"; then
      sources+=("$dir/src")
    fi
  done
  local existing=()
  for dir in "${sources[@]}"; do
    [ -d "$dir" ] && existing+=("$dir")
  done
  [ -n "$(find "${existing[@]}" -type f -newer "$jar" -print -quit)" ] && return 0
  [ -n "$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit)" ]
}

ensure_jar() {
  local module=$1 jar=$2 java_home=$3
  needs_build "$module" "$jar" || return 0
  echo "building $module…" >&2
  # JAVA_HOME for the wrapper itself; the toolchains plugin still picks the compiler.
  if ! (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -pl "$module" -am package -DskipTests) >&2; then
    echo "${0##*/}: building $module failed" >&2
    exit 1
  fi
  if [ ! -f "$jar" ]; then
    echo "${0##*/}: the build made no ${jar#"$root"/}; is the module's pom shading it under that name?" >&2
    exit 1
  fi
  touch "$jar" # a build that found nothing to redo must not leave the jar looking stale
}
