# find-jdk.sh: sourced by ./serve, ./check and ./bench; finds a JDK 21 or newer.
#
# find_jdk prints the home of a JDK $minimum+ (default 21): JAVA_HOME if it is
# one, else `java` on the PATH if it is one, else the newest under
# /usr/lib/jvm, SDKMAN or /Library/Java (the default java on many machines
# is older than 21). One copy, so the two scripts cannot disagree.
: "${minimum:=21}"

# The major version of a version string: 1.8.0_292 -> 8, 21.0.2 -> 21, 25-ea -> 25.
major_of() {
  local version=${1#1.}
  version=${version%%[!0-9]*}
  [ -n "$version" ] && echo "$version"
}

# The major version of the JDK installed at $1, or failure if there is none.
# The release file answers without starting a JVM.
jdk_major() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] || return 1
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = //p')
  fi
  major_of "$version"
}

# Prints the home of a JDK 21+, searched in the order the header gives.
find_jdk() {
  local major
  if [ -n "${JAVA_HOME:-}" ] && major=$(jdk_major "$JAVA_HOME") && [ "$major" -ge "$minimum" ]; then
    echo "$JAVA_HOME"
    return
  fi

  # `java` on the PATH may be a symlink or a launcher stub (macOS): ask it where it lives.
  if command -v java > /dev/null 2>&1; then
    local settings home version
    settings=$(java -XshowSettings:properties -version 2>&1 || true)
    home=$(echo "$settings" | sed -n 's/^ *java\.home = //p')
    version=$(echo "$settings" | sed -n 's/^ *java\.specification\.version = //p')
    if [ -n "$home" ] && major=$(major_of "$version") && [ "$major" -ge "$minimum" ]; then
      echo "$home"
      return
    fi
  fi

  local candidate best="" best_major=0
  for candidate in /usr/lib/jvm/*/ "$HOME"/.sdkman/candidates/java/*/ \
    /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    candidate=${candidate%/}
    major=$(jdk_major "$candidate") || continue
    if [ "$major" -ge "$minimum" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}


# Prints the home of a JDK 21+ or, if there is none, says where it looked
# and how to get one, and exits 1. $1 names the script in the message.
require_jdk() {
  find_jdk && return
  echo "$1: no JDK $minimum or newer found.
Looked at JAVA_HOME, java on the PATH, /usr/lib/jvm, ~/.sdkman/candidates/java
and /Library/Java/JavaVirtualMachines. Install one (e.g. 'sdk install java 21-tem',
or the openjdk-21-jdk package) or point JAVA_HOME at it." >&2
  exit 1
}
