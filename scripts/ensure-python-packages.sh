#!/usr/bin/env bash
# Installs the PyPI packages that benchmarks and test suites use, when they are missing.
#
#   scripts/ensure-python-packages.sh PACKAGE:MODULE ...
#
# Each argument names the PyPI package and the module that proves it is installed (e.g. scikit-learn:sklearn);
# the package may carry a version (selenium==4.51.0:selenium), which must then be the installed one.
# Uses `python3 -m pip install --user` unless run as root or inside a virtual environment.
#   scripts/ensure-python-packages.sh --no-deps PACKAGE==VERSION:MODULE ...   install without dependencies
set -euo pipefail
PYTHON=${PYTHON:-python3}
pip_flags=()
if [ "${1:-}" = "--no-deps" ]; then pip_flags+=(--no-deps); shift; fi
missing=()
for spec in "$@"; do
    package=${spec%%:*} module=${spec##*:}
    if [[ $package == *==* ]]; then
        installed=$("$PYTHON" -c "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))" "${package%%==*}" 2>/dev/null || true)
        [ "$installed" = "${package##*==}" ] || missing+=("$package")
    else
        "$PYTHON" -c "import $module" >/dev/null 2>&1 || missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Python packages: ${missing[*]}"
flags=()
if [ "$(id -u)" != 0 ] && [ -z "${VIRTUAL_ENV:-}" ]; then flags+=(--user); fi
"$PYTHON" -m pip install --quiet "${flags[@]}" "${pip_flags[@]}" "${missing[@]}"
