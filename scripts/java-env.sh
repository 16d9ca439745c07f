# Sourced by ./run-local, ./audit-replay and ./mvnw: selects a JDK 21+ as JAVA_HOME — JAVA_HOME if it is one, else
# Temurin 25 where installed, else the newest JDK under /usr/lib/jvm.
is_jdk21plus() { [ -n "$1" ] && [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk \
    $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if is_jdk21plus "$candidate"; then export JAVA_HOME="$candidate"; break; fi
done
if ! is_jdk21plus "${JAVA_HOME:-}"; then
  echo "$(basename "$0"): a JDK 21 or newer is required (Temurin 25 recommended); set JAVA_HOME to it." >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"
