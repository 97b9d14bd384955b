#!/usr/bin/env bash
# Checks agenda export files with independent parsers: every `*.ics` with PyPI icalendar, every frab `*.xml` with
# xmllint against the XSD, every frab `*.json` with PyPI jsonschema (draft-06) against the JSON Schema, every `*.csv`
# with Python's csv module. Prints one line per file and ends with `N passed, N failed`; exits 1 on a failure.
#
#   scripts/check-agenda-exports.sh DIR
#
# Environment: FRAB_SCHEMAS (default ../shared/schemas/frab-schedule): the folder with schedule.xml.xsd and
# schema.json; PYTHON (default python3). Needs the PyPI packages icalendar and jsonschema and the Debian package
# libxml2-utils (xmllint); a missing one is named and counts as a failure.
set -uo pipefail
dir=${1:?usage: scripts/check-agenda-exports.sh DIR}
schemas=${FRAB_SCHEMAS:-../shared/schemas/frab-schedule}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0

fail() { echo "FAIL $1"; failed=$((failed + 1)); }

for file in "$schemas/schedule.xml.xsd" "$schemas/schema.json"; do
    [ -f "$file" ] || { fail "schema not found: $file (set FRAB_SCHEMAS)"; echo "$passed passed, $failed failed"; exit 1; }
done

missing=0
for module in icalendar jsonschema; do
    if ! "$PYTHON" -c "import $module" >/dev/null 2>&1; then
        fail "missing Python module $module (install it with: $PYTHON -m pip install $module)"
        missing=1
    fi
done

if command -v xmllint >/dev/null 2>&1; then
    for file in "$dir"/*.xml; do
        [ -e "$file" ] || continue
        if output=$(xmllint --noout --schema "$schemas/schedule.xml.xsd" "$file" 2>&1); then
            echo "ok $(basename "$file"): xmllint: valid"; passed=$((passed + 1))
        else
            fail "$(basename "$file"): xmllint: $(echo "$output" | head -3 | tr '\n' ' ')"
        fi
    done
else
    fail "xmllint not found (install the Debian package libxml2-utils)"
fi

if [ "$missing" -eq 0 ]; then
    while IFS= read -r line; do
        echo "$line"
        case $line in
            ok\ *) passed=$((passed + 1)) ;;
            *) failed=$((failed + 1)) ;;
        esac
    done < <("$PYTHON" "$here/agenda/check_exports.py" "$dir" "$schemas" 2>&1)
fi

if [ $((passed + failed)) -eq 0 ]; then fail "no export file found in $dir"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
