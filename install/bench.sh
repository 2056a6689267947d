#!/usr/bin/env bash
# PoolHit's benchmark and long-fuzz command: the JUnit tests tagged "bench" and "fuzz-long",
# which the default build (install/test.sh) leaves out because they take minutes, then the
# kernel responsiveness benchmark (kernel/jupyter/src/test/python/bench_kernel.py) through a
# real jupyter_client against the kernel installed into a temporary JUPYTER_PATH.
#
#   install/bench.sh                 # everything: bench and fuzz-long JUnit, then bench_kernel.py
#   install/bench.sh bench           # only the benchmarks (JUnit bench + bench_kernel.py)
#   install/bench.sh fuzz-long       # only the long fuzz runs (a million inputs or more each)
#
# JUnit benches: the pool 1M-hit benchmark (PoolBenchmarkTest), the trace benchmark
# (TraceBenchTest: hits/s, KD requests/hit, wire bytes/hit over loopback TCP and 115200 baud).
# Figures are measured, never asserted. The summary at the end repeats each figure next to its
# target; copy the latest into README.md's Performance section with the machine they were
# measured on (nproc, memory, date, load).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/kernel/jupyter/target/poolhit-kernel.jar"
PYTHON=/usr/bin/python3   # Debian's; a pyenv "python3" cannot see the jupyter packages
cd "$REPO"
groups="${1:-bench,fuzz-long}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/bench.log"

mvn -B -ntp -q install -DskipTests
mvn -B -ntp test -Dgroups="$groups" -Dpoolhit.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false -Dsurefire.printSummary=true 2>&1 | tee "$LOG"

if [[ ",$groups," == *",bench,"* ]]; then
    echo "==> Kernel responsiveness: bench_kernel.py"
    export JUPYTER_PATH="$WORK/jupyter" JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime"
    export POOLHIT_KERNEL_NAME="poolhit-bench"
    java -jar "$JAR" install --path "$JUPYTER_PATH/kernels" --name "$POOLHIT_KERNEL_NAME" --replace
    (cd kernel/jupyter/src/test/python && "$PYTHON" bench_kernel.py --runs 200) 2>&1 | tee -a "$LOG"
fi

echo
echo "==> Figures (measured on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(date -u '+%Y-%m-%d %H:%M UTC'); load:$(uptime | sed 's/.*load average://'))"
grep -E "^FIGURE|target:" "$LOG" | sed -e 's/^FIGURE trace /trace    /' -e 's/^FIGURE /kernel   /' || true
echo "trace targets: none set yet (issue 6 asks for the figures); kernel: ready < 3 s, 1+1 median < 20 ms"
