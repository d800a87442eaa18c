# Sourced by ./stepwise and .ci/run: points JAVA_HOME at a JDK 21 or newer.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "stepwise needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm): install one (Debian/Ubuntu: apt-get install openjdk-21-jdk; elsewhere Temurin 21 from adoptium.net) or set JAVA_HOME to one" >&2
    exit 2
  fi
fi
export JAVA_HOME
