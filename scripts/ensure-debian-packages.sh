#!/usr/bin/env bash
# Make sure the given Debian packages are installed.
#
#   scripts/ensure-debian-packages.sh PACKAGE...
#
# Installed packages are left alone. Missing ones are installed with apt-get when running as
# root (one `apt-get update`, then `apt-get install`); otherwise the script prints the command
# to run and fails. Set ASSUME_NON_ROOT=1 to get the non-root behaviour even as root.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if ! command -v dpkg >/dev/null 2>&1; then
    echo "note: dpkg not found (not a Debian system); make sure these are installed: $*" >&2
    exit 0
fi

is_installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: .* installed$'
}

missing=()
for pkg in "$@"; do
    is_installed "$pkg" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || [ "${ASSUME_NON_ROOT:-0}" = 1 ]; then
    echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "Installing missing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"

still=()
for pkg in "${missing[@]}"; do
    is_installed "$pkg" || still+=("$pkg")
done
if [ "${#still[@]}" -ne 0 ]; then
    echo "Still missing after apt-get install: ${still[*]}" >&2
    exit 1
fi
