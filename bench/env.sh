# Sourced by the benchmark scripts (ROOT = the working tree): the JDK they run (JAVA_HOME, 21 or
# later), the flags every stdsearch JVM gets (JFLAGS), and launcher_opts, the JVM options the
# launcher search-api/src/main/dist/stdsearch starts stdsearch with, so that our server runs as users
# run it.
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
  || { echo "JAVA_HOME ($JAVA_HOME) must be a JDK 21 or later"; exit 1; }
JFLAGS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"

launcher_opts() {
  sed -n 's/.*STDSEARCH_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$ROOT/search-api/src/main/dist/stdsearch"
}
