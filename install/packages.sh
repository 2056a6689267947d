# Sourced by install/setup.sh and .ci/run: the Debian package list, kept in debian-packages.txt.
# shellcheck shell=bash

# Prints the package names from install/debian-packages.txt, one per line.
poolhit_packages() {
    sed -e 's/#.*//' -e 's/[[:space:]]//g' "$(dirname "${BASH_SOURCE[0]}")/debian-packages.txt" | grep -v '^$'
}

# Prints the packages from the list that are not installed.
poolhit_missing_packages() {
    local p
    for p in $(poolhit_packages); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

# Installs every listed package (as root).
poolhit_install_packages() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # shellcheck disable=SC2046
    apt-get install -y --no-install-recommends $(poolhit_packages)
}
