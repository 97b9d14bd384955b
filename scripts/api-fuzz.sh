#!/usr/bin/env bash
# API fuzzing with Schemathesis against a real `solex serve` on a loopback port with its own database: every
# operation of /api/v1/openapi.json, with schema-valid and schema-violating requests, sent with a secretariat token
# made by `solex user token`. Every check applies (no 5xx, status codes, content types, headers and bodies as the
# document says, invalid data refused, valid data accepted, auth enforced, 405 for undeclared methods).
#
#   scripts/api-fuzz.sh            bounded run for `make test` (FUZZ_EXAMPLES=15 per operation, fixed seed)
#   FUZZ_LONG=1 scripts/api-fuzz.sh  longer run for `make fuzz` (FUZZ_EXAMPLES=200, stateful phase, random seed)
#
# Prints one line per operation and "N passed, N failed" (operations); the full report is kept under
# .build/api-fuzz/. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
if [ "${FUZZ_LONG:-0}" = 1 ]; then
    examples=${FUZZ_EXAMPLES:-200}; phases=examples,coverage,fuzzing,stateful; seed=${FUZZ_SEED:-$RANDOM}
else
    examples=${FUZZ_EXAMPLES:-15}; phases=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}; seed=${FUZZ_SEED:-1}
fi
if [ -z "${SOLEX_BIN:-}" ]; then
    "$SWIFT" build --product solex >/dev/null || { echo "api-fuzz: build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
SOLEX=$(realpath "${SOLEX_BIN:-.build/debug/solex}")
python3 -c "import schemathesis" 2>/dev/null || { echo "api-fuzz: schemathesis is not installed (make test installs it)"; echo "0 passed, 1 failed"; exit 1; }
# Schemathesis's command through python3 (a pip --user install may leave its script off the PATH).
schemathesis() { python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "schemathesis"; schemathesis()' "$@"; }
work=$(mktemp -d)
out=.build/api-fuzz
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
rm -rf "$out"; mkdir -p "$out"

db="$work/solex.sqlite"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
SOLEX_PASSWORD="a long private passphrase kept here" "$SOLEX" --db "$db" user add --email api-client@test.example --role secretariat >/dev/null
token=$("$SOLEX" --db "$db" user token --email api-client@test.example --name api-fuzz)
"$SOLEX" --db "$db" serve --demo --host 127.0.0.1 --port "$port" >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 0.1; done

echo "schemathesis: $examples examples per operation, phases $phases, seed $seed, server $base"
started=$(date +%s)
schemathesis --config-file Tests/API/schemathesis.toml run "$base/api/v1/openapi.json" --checks all -H "Authorization: Bearer $token" \
    --max-examples "$examples" --phases "$phases" --seed "$seed" --workers 2 --request-timeout 30 \
    --report junit --report-junit-path "$out/junit.xml" --output-truncate true --no-color >"$out/schemathesis.log" 2>&1
status=$?
echo "schemathesis exited $status after $(( $(date +%s) - started )) s; output in $out/schemathesis.log"
server_errors=$(grep -c 'request failed' "$out/server.log" || true)
python3 - "$out/junit.xml" "$status" "$out/schemathesis.log" "$server_errors" <<'PY'
import sys, xml.etree.ElementTree as ET
path, status, log, server_errors = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
passed = failed = 0
try:
    cases = ET.parse(path).getroot().iter("testcase")
except (OSError, ET.ParseError) as error:
    cases = []
    print("FAIL no JUnit report: %s" % error)
    failed += 1
for case in cases:
    problems = [child for child in case if child.tag in ("failure", "error")]
    if problems:
        failed += 1
        print("FAIL %s" % case.get("name"))
        for problem in problems:
            text = (problem.get("message") or "") + "\n" + (problem.text or "")
            print("     " + text.strip()[:1500].replace("\n", "\n     "))
    else:
        passed += 1
        print("ok   %s" % case.get("name"))
if server_errors:
    failed += 1
    print("FAIL the server logged %d failed requests (see its log)" % server_errors)
if status != 0 and failed == 0:
    failed += 1
    print("FAIL schemathesis exited %d; its summary:" % status)
    print("".join(open(log, encoding="utf-8", errors="replace").readlines()[-40:]))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
