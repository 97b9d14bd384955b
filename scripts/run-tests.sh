#!/usr/bin/env bash
# Run every test suite, keep its full output, and finish with one summary line per suite
# and the total, as `N passed, N failed`. Exits non-zero if anything failed.
#
#   scripts/run-tests.sh                 run all suites (what `make test` does)
#   scripts/run-tests.sh --parse [FILE]  print `N passed, N failed` for captured output (stdin without FILE)
#
# Environment: SWIFT (default swift), SWIFT_TEST_FLAGS (extra `swift test` flags),
# TEST_LOG_DIR (default .build/test-logs; each suite's output goes to NAME.log there).
#
# Understood output: Swift Testing (`Test run with N tests [in M suites] passed|failed ...`),
# XCTest (`Executed N tests, with M failures ...`), and a plain `N passed, N failed` line,
# which is the simplest thing for a new suite to print.
set -euo pipefail

# Print "passed failed skipped found" for test output on stdin.
parse_counts() {
    sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | awk '
        function num(s) { gsub(/[^0-9]/, "", s); return s + 0 }
        # Swift Testing
        /Test run with [0-9]+ tests? .*(passed|failed) after/ {
            st = 1; st_failed_run = ($0 ~ / failed after/)
            s = $0; sub(/.*Test run with /, "", s); st_total = num(substr(s, 1, index(s, " ")))
            next
        }
        /^[^[:alnum:]]* *Test .* failed after [0-9.]+ seconds?/ { st_failed++; next }
        # A skipped test ends its line with "skipped." or "skipped: REASON"; a name that contains "skipped:" does
        # not count, which is why lines that start, pass or fail are left out first.
        / started\.$| passed after | failed after / { next }
        /^[^[:alnum:]]* *Test .* skipped[.:]/ { st_skipped++; next }
        # XCTest: the "Executed" line right after "Test Suite '\''All tests'\'' ..." is the total
        /Test Suite .All tests. (passed|failed)/ { all_tests = 1; next }
        /Executed [0-9]+ tests?, with / {
            if (all_tests || !xc_final) {
                s = $0; sub(/.*Executed /, "", s)
                xc_total = num(substr(s, 1, index(s, " ")))
                xc_skipped = 0
                if (s ~ / skipped and /) { k = s; sub(/.*with /, "", k); xc_skipped = num(substr(k, 1, index(k, " "))) }
                f = s; sub(/.* and /, "", f); sub(/.*with /, "", f); xc_failures = num(substr(f, 1, index(f, " ")))
                xc = 1; if (all_tests) xc_final = 1
            }
            all_tests = 0
            next
        }
        /Test Case .* failed \(/ { xc_failed_cases++; next }
        # Plain summary printed by other suites
        /^[0-9]+ passed, [0-9]+ failed$/ { split($0, p, /[^0-9]+/); plain = 1; pl_passed = p[1]; pl_failed = p[2]; next }
        END {
            if (plain) { printf "%d %d 0 1\n", pl_passed, pl_failed; exit }
            passed = 0; failed = 0; skipped = 0
            if (st) {
                if (st_failed_run && st_failed == 0) st_failed = 1
                if (st_failed > st_total) st_failed = st_total
                if (st_skipped > st_total - st_failed) st_skipped = st_total - st_failed
                passed += st_total - st_failed - st_skipped; failed += st_failed; skipped += st_skipped
            }
            if (xc) {
                xf = xc_failed_cases
                if (xc_failures > 0 && xf == 0) xf = xc_failures
                if (xf > xc_total - xc_skipped) xf = xc_total - xc_skipped
                passed += xc_total - xc_skipped - xf; failed += xf; skipped += xc_skipped
            }
            printf "%d %d %d %d\n", passed, failed, skipped, (st || xc)
        }'
}

if [ "${1:-}" = "--parse" ]; then
    read -r passed failed _ _ < <(parse_counts < "${2:-/dev/stdin}")
    echo "$passed passed, $failed failed"
    exit 0
fi

log_dir=${TEST_LOG_DIR:-.build/test-logs}
mkdir -p "$log_dir"
summaries=()
total_passed=0
total_failed=0

# run_suite NAME COMMAND...: run one suite, show and keep its output, record its counts.
run_suite() {
    local name=$1; shift
    local log="$log_dir/$name.log" status passed failed skipped found notes=()
    echo "==> $name: $*"
    local started=$SECONDS
    set +e
    "$@" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    read -r passed failed skipped found < <(parse_counts < "$log")
    [ "$skipped" -gt 0 ] && notes+=("$skipped skipped")
    if [ "$found" -eq 0 ]; then
        notes+=("no test summary found")
        [ "$failed" -eq 0 ] && failed=1
    fi
    if [ "$status" -ne 0 ]; then
        notes+=("exit status $status")
        [ "$failed" -eq 0 ] && failed=1
    fi
    notes+=("$((SECONDS - started)) s")
    local line="$name: $passed passed, $failed failed"
    if [ "${#notes[@]}" -gt 0 ]; then
        local joined
        joined=$(printf '%s; ' "${notes[@]}")
        line+=" (${joined%; })"
    fi
    summaries+=("$line")
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
}

# ---- Suites -------------------------------------------------------------------------------
# shellcheck disable=SC2086  # SWIFT_TEST_FLAGS is a list of flags
run_suite swift "${SWIFT:-swift}" test ${SWIFT_TEST_FLAGS:-}
# ---- Extension point: add later suites here, one `run_suite NAME COMMAND...` per suite. ----
run_suite cli bash scripts/cli-tests.sh
run_suite durability bash scripts/durability-tests.sh
run_suite agenda-exports bash scripts/check-agenda-exports.sh Tests/Fixtures/agenda
run_suite browser bash scripts/browser-tests.sh journeys
run_suite accessibility bash scripts/browser-tests.sh accessibility
run_suite api-fuzz bash scripts/api-fuzz.sh
# A suite's output must contain a Swift Testing or XCTest summary, or a line
# `N passed, N failed`; it must exit non-zero on failure. For example:
#   run_suite NAME bash scripts/NAME-tests.sh
# -------------------------------------------------------------------------------------------

echo
echo "==> Test summary"
printf '%s\n' "${summaries[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
