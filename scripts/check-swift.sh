#!/usr/bin/env bash
# Check that a Swift 6 (or newer) toolchain is on PATH.
#   scripts/check-swift.sh [SWIFT]     (default: swift)
set -euo pipefail

swift=${1:-swift}
if ! command -v "$swift" >/dev/null 2>&1; then
    echo "'$swift' not found on PATH. Install a Swift 6 toolchain (https://www.swift.org/install/)" \
         "and add its usr/bin folder to PATH." >&2
    exit 1
fi
version=$("$swift" --version 2>&1 | sed -n 's/.*Swift version \([0-9][0-9]*\)\..*/\1/p' | head -n 1)
if [ -n "$version" ] && [ "$version" -lt 6 ]; then
    echo "Swift 6 or newer is required; '$swift' is version $version." >&2
    exit 1
fi
