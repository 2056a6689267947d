#!/usr/bin/env bash
# PoolHit set-up in one command: build, register the Jupyter kernel for this user, and run the
# example notebook headless as proof that everything works.
#
#   install/setup.sh
#
# Environment (all optional): POOLHIT_NOTEBOOK (notebook to run), POOLHIT_KERNEL_NAME (default
# poolhit), POOLHIT_OUT_DIR (where the executed copy goes, default build/notebooks).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The notebook that proves the set-up: the PoolHitTag walkthrough against the built-in simulator.
NOTEBOOK="${POOLHIT_NOTEBOOK:-notebooks/01-poolhittag-walkthrough.ipynb}"
KERNEL_NAME="${POOLHIT_KERNEL_NAME:-poolhit}"
OUT_DIR="${POOLHIT_OUT_DIR:-$REPO/build/notebooks}"
JAR="$REPO/kernel/jupyter/target/poolhit-kernel.jar"

cd "$REPO"
# shellcheck source=install/packages.sh
source install/packages.sh

mapfile -t missing < <(poolhit_missing_packages)
if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" -eq 0 ]]; then
        echo "==> Installing Debian packages: ${missing[*]}"
        poolhit_install_packages
    else
        echo "PoolHit needs these Debian packages, which are not installed:"
        echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}"
        echo "Run that (or run this script as root), then run install/setup.sh again."
        exit 1
    fi
fi

echo "==> Building (mvn package, tests skipped; install/test.sh runs them)"
mvn -B -ntp -q -DskipTests package

echo "==> Registering the Jupyter kernel '$KERNEL_NAME' for $(id -un)"
java -jar "$JAR" install --user --name "$KERNEL_NAME" --replace

echo "==> Running $NOTEBOOK headless"
mkdir -p "$OUT_DIR"
jupyter nbconvert --to notebook --execute "$NOTEBOOK" \
    --ExecutePreprocessor.kernel_name="$KERNEL_NAME" --ExecutePreprocessor.timeout=600 \
    --output-dir "$OUT_DIR"

echo
echo "PoolHit is ready."
echo "  executed notebook: $OUT_DIR/$(basename "$NOTEBOOK")"
echo "  start Jupyter:     jupyter notebook $REPO/notebooks   (pick the kernel 'PoolHit')"
