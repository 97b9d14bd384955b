#!/usr/bin/env bash
# Import benchmark: `solex import` (JSONL and CSV) against sqlite3's own `.import --csv`.
#
#   scripts/bench-import.sh              run it (normally through `make bench`, which builds the release binary first)
#   scripts/bench-import.sh --check-kit  only check that the benchmark kit is there
#
# Environment (defaults in brackets):
#   SHARED [../shared]             folder holding the benchmark kit (bench/gen_corpus.py)
#   BENCH_INNOVATIONS [100000], BENCH_NEEDS [10000], BENCH_SEED [42], BENCH_WORKERS [2]
#   BENCH_DATA [bench-data]        corpus cache and scratch databases (gitignored)
#   SOLEX_BIN [.build/release/solex]
#   PYTHON [python3], SQLITE3 [sqlite3], TIME_BIN [/usr/bin/time: GNU time, for peak memory]
#   BENCH_KEEP [0]                 1 keeps the scratch databases and logs
#   BENCH_RESULTS                  if set, append one TSV row per run to this file
#
# The corpus is generated once per (size, seed) under $BENCH_DATA/corpus-iN-nM-sS and reused.
# Exits non-zero if the kit is missing, an import fails, row counts disagree or solex is not built.
set -euo pipefail

SHARED=${SHARED:-../shared}
N=${BENCH_INNOVATIONS:-100000}
M=${BENCH_NEEDS:-10000}
SEED=${BENCH_SEED:-42}
WORKERS=${BENCH_WORKERS:-2}
DATA=${BENCH_DATA:-bench-data}
SOLEX_BIN=${SOLEX_BIN:-.build/release/solex}
PYTHON=${PYTHON:-python3}
SQLITE3=${SQLITE3:-sqlite3}
TIME_BIN=${TIME_BIN-/usr/bin/time}
KIT="$SHARED/bench"

die() { echo "bench: $*" >&2; exit 1; }

[ -f "$KIT/gen_corpus.py" ] ||
    die "benchmark kit not found: $KIT/gen_corpus.py is missing. Set SHARED=path/to/shared (the folder holding bench/)."
[ "${1:-}" = "--check-kit" ] && exit 0
command -v "$SQLITE3" >/dev/null 2>&1 || die "$SQLITE3 not found (install the sqlite3 package: make deps)"
command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found"
if [ -n "$TIME_BIN" ] && ! "$TIME_BIN" -f %M true >/dev/null 2>&1; then
    echo "bench: GNU time not available at $TIME_BIN; peak memory will not be measured" >&2
    TIME_BIN=
fi

# ---- Corpus (generated once per size and seed) ----
corpus="$DATA/corpus-i$N-n$M-s$SEED"
if [ -f "$corpus/.complete" ]; then
    echo "Reusing corpus $corpus"
else
    echo "Generating corpus $corpus ($N innovations x $M needs, seed $SEED, $WORKERS workers)..."
    mkdir -p "$DATA"
    rm -rf "$corpus" "$corpus.partial"
    PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "$KIT/gen_corpus.py" --innovations "$N" --needs "$M" \
        --seed "$SEED" --workers "$WORKERS" --out "$corpus.partial"
    for f in innovations.jsonl innovations.csv needs.jsonl needs.csv truth.jsonl; do
        [ -s "$corpus.partial/$f" ] || die "gen_corpus.py did not write $f"
    done
    touch "$corpus.partial/.complete"
    mv "$corpus.partial" "$corpus"
fi
rows=$(wc -l < "$corpus/innovations.jsonl" | tr -d ' ')

# ---- Scratch folder ----
mkdir -p "$DATA"
work=$(mktemp -d "$DATA/run.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "Keeping scratch files in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# timed NAME COMMAND...: run COMMAND with output in $work/NAME.log; sets SECS and PEAK_KB.
timed() {
    local name=$1; shift
    local log="$work/$name.log" mem="$work/$name.mem" t0 t1 status=0
    t0=$(date +%s.%N)
    if [ -n "$TIME_BIN" ]; then
        "$TIME_BIN" -f %M -o "$mem" "$@" >"$log" 2>&1 || status=$?
    else
        "$@" >"$log" 2>&1 || status=$?
    fi
    t1=$(date +%s.%N)
    SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    PEAK_KB=$( [ -s "$mem" ] && tail -n 1 "$mem" || echo "")
    if [ "$status" -ne 0 ]; then
        echo "bench: '$*' failed with status $status; last lines of its output:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
}

problems=()
check_rows() { # check_rows WHAT ACTUAL
    [ "$2" = "$rows" ] || problems+=("$1 holds $2 innovations, expected $rows")
}

# ---- sqlite3's own CSV import (the baseline) ----
echo "Timing sqlite3 .import --csv ..."
timed sqlite3 "$SQLITE3" "$work/plain.sqlite" ".import --csv \"$corpus/innovations.csv\" plain"
sq_s=$SECS sq_kb=$PEAK_KB
check_rows "sqlite3 table plain" "$("$SQLITE3" "$work/plain.sqlite" 'SELECT count(*) FROM plain')"

# ---- solex import, JSONL and CSV, each on a fresh database ----
solex_built=1
if [ ! -x "$SOLEX_BIN" ]; then
    solex_built=0
    echo "solex not built ($SOLEX_BIN is missing; run make release): skipping the solex imports" >&2
    js_s='' js_kb='' cs_s='' cs_kb=''
else
    for fmt in jsonl csv; do
        echo "Timing solex import innovations ($fmt) ..."
        db="$work/bench-$fmt.sqlite"
        timed "solex-$fmt" "$SOLEX_BIN" --db "$db" import innovations "$corpus/innovations.$fmt"
        if [ "$fmt" = jsonl ]; then js_s=$SECS js_kb=$PEAK_KB; else cs_s=$SECS cs_kb=$PEAK_KB; fi
        if exported=$("$SOLEX_BIN" --db "$db" export innovations --format jsonl 2>/dev/null | wc -l); then
            check_rows "solex $fmt database" "$(echo "$exported" | tr -d ' ')"
        else
            problems+=("could not count rows with solex export for the $fmt database")
        fi
    done
fi

# ---- Report ----
ratio() { [ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }' || echo "-"; }
mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || echo "-"; }
echo
echo "Import of $rows innovations ($corpus)"
printf '%-22s %9s %10s %11s %9s\n' step rows seconds vs_sqlite3 peak_MB
printf '%-22s %9s %10s %11s %9s\n' "solex import jsonl" "$rows" "${js_s:--}" "$(ratio "$js_s" "$sq_s")" "$(mb "$js_kb")"
printf '%-22s %9s %10s %11s %9s\n' "solex import csv" "$rows" "${cs_s:--}" "$(ratio "$cs_s" "$sq_s")" "$(mb "$cs_kb")"
printf '%-22s %9s %10s %11s %9s\n' "sqlite3 .import csv" "$rows" "$sq_s" "1.00x" "$(mb "$sq_kb")"
if [ -n "${BENCH_RESULTS:-}" ]; then
    [ -s "$BENCH_RESULTS" ] ||
        printf 'date\trows\tsolex_jsonl_s\tsolex_csv_s\tsqlite3_s\tsolex_jsonl_peak_kb\tsolex_csv_peak_kb\n' > "$BENCH_RESULTS"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$rows" "${js_s:-}" "${cs_s:-}" \
        "$sq_s" "${js_kb:-}" "${cs_kb:-}" >> "$BENCH_RESULTS"
fi

status=0
for p in "${problems[@]}"; do echo "bench: $p" >&2; status=1; done
[ "$solex_built" = 1 ] || { echo "bench: solex not built: only the sqlite3 baseline ran" >&2; status=1; }
exit "$status"
