# Sourced by the benchmark scripts (ROOT = the working tree): the JVM options the launcher,
# search-api/src/main/dist/stdsearch, starts stdsearch with, so that our server runs as users run it.
launcher_opts() {
  sed -n 's/.*STDSEARCH_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$ROOT/search-api/src/main/dist/stdsearch"
}
