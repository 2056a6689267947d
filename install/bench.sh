#!/usr/bin/env bash
# PoolHit's benchmark and long-fuzz command: the JUnit tests tagged "bench" and "fuzz-long",
# which the default build (install/test.sh) leaves out because they take minutes.
#
#   install/bench.sh                 # everything tagged bench or fuzz-long
#   install/bench.sh bench           # only the benchmarks (figures are printed to stdout)
#   install/bench.sh fuzz-long       # only the long fuzz runs (a million inputs or more each)
#
# Figures are measured, never asserted: read them in the output and copy the latest into
# README.md with the machine they were measured on.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
groups="${1:-bench,fuzz-long}"
mvn -B -ntp -q install -DskipTests
mvn -B -ntp test -Dgroups="$groups" -Dpoolhit.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false -Dsurefire.printSummary=true
