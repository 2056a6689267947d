#!/usr/bin/env bash
# PoolHit's one test command: every module's JUnit tests (full reactor), then the end-to-end
# Python suites (kernel/*/src/test/python) against the kernel installed into a temporary
# JUPYTER_PATH, using Debian's Jupyter packages through /usr/bin/python3.
#
#   install/test.sh
#
# Ends with one summary line; exits non-zero if anything failed.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/kernel/jupyter/target/poolhit-kernel.jar"
PYTHON=/usr/bin/python3   # Debian's; a pyenv "python3" cannot see the jupyter packages
cd "$REPO"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=()

echo "==> JUnit: mvn -B -ntp install (all modules)"
rm -f "$JAR"   # never run the Python suites against a jar from an earlier build
# --fail-at-end: a failing module does not stop the modules that do not depend on it
if mvn -B -ntp --fail-at-end install; then
    junit="passed"
else
    junit="FAILED"
    failures+=("junit")
fi

passed_suites=0
if [[ -f "$JAR" ]]; then
    export JUPYTER_PATH="$WORK/jupyter" JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime"
    export POOLHIT_KERNEL_NAME="poolhit-test" POOLHIT_REPO="$REPO"
    # a lighter JIT warm-up: dozens of short-lived test kernels would only compete with the tests for the cores
    java -jar "$JAR" install --path "$JUPYTER_PATH/kernels" --name "$POOLHIT_KERNEL_NAME" --replace \
        --jvm-opt -Dpoolhit.warmup.snippets=400
    for suite in kernel/*/src/test/python; do
        [[ -d "$suite" ]] || continue
        echo "==> Python suite: $suite"
        if (cd "$suite" && "$PYTHON" -m unittest discover -s . -p 'test_*.py' -v) 2>&1 | tee -a "$WORK/python.log"; then
            passed_suites=$((passed_suites + 1))
        else
            failures+=("$suite")
        fi
    done
else
    failures+=("python suites (no kernel jar: the build failed)")
fi

# One plain closing line over both runners: JUnit counts from the Surefire reports, Python counts
# from unittest's own summary lines.
counts="$("$PYTHON" "$REPO/install/count-tests.py" "$REPO" "$WORK/python.log")"

echo
if ((${#failures[@]} == 0)); then
    echo "POOLHIT TESTS PASSED: JUnit $junit, $passed_suites Python suite(s) passed"
    echo "$counts"
    exit 0
fi
echo "POOLHIT TESTS FAILED: JUnit $junit; failed: ${failures[*]}"
echo "$counts"
exit 1
