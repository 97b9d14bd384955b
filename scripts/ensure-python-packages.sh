#!/usr/bin/env bash
# Installs the PyPI packages that benchmarks and test suites use, when they are missing.
#
#   scripts/ensure-python-packages.sh PACKAGE:MODULE ...
#
# Each argument names the PyPI package and the module that proves it is installed (e.g. scikit-learn:sklearn).
# Uses `python3 -m pip install --user` unless run as root or inside a virtual environment.
set -euo pipefail
PYTHON=${PYTHON:-python3}
missing=()
for spec in "$@"; do
    package=${spec%%:*} module=${spec##*:}
    "$PYTHON" -c "import $module" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Python packages: ${missing[*]}"
flags=()
if [ "$(id -u)" != 0 ] && [ -z "${VIRTUAL_ENV:-}" ]; then flags+=(--user); fi
"$PYTHON" -m pip install --quiet "${flags[@]}" "${missing[@]}"
