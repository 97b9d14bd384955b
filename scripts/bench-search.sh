#!/usr/bin/env bash
# Search benchmark: latency of `solex search` next to the bare FTS5 query over a fixed query mix, then HTTP
# requests/s of GET /api/v1/search under wrk (64 connections, loopback only) next to the plaintext /health route of
# the same server. Uses the corpus that bench-import.sh generated (100k innovations, 10k needs by default).
set -euo pipefail
cd "$(dirname "$0")/.."
SOLEX_BIN=${SOLEX_BIN:-.build/release/solex}
BENCH_DATA=${BENCH_DATA:-bench-data}
BENCH_INNOVATIONS=${BENCH_INNOVATIONS:-100000}
BENCH_NEEDS=${BENCH_NEEDS:-10000}
BENCH_SEED=${BENCH_SEED:-42}
PORT=${BENCH_PORT:-18080}
SECONDS_PER_RUN=${BENCH_WRK_SECONDS:-15}
QUERIES=scripts/bench/search-queries.txt
corpus="$BENCH_DATA/corpus-i$BENCH_INNOVATIONS-n$BENCH_NEEDS-s$BENCH_SEED"
db="$BENCH_DATA/search-i$BENCH_INNOVATIONS-n$BENCH_NEEDS-s$BENCH_SEED.sqlite"

[ -x "$SOLEX_BIN" ] || { echo "bench-search: $SOLEX_BIN not built"; exit 1; }
[ -f "$corpus/innovations.jsonl" ] || { echo "bench-search: no corpus at $corpus (run the import benchmark first)"; exit 1; }
command -v wrk >/dev/null || { echo "bench-search: wrk is not installed (make deps)"; exit 1; }

# (Re)build the database when it is missing or older than the binary (the index depends on the tokenizer).
if [ ! -f "$db" ] || [ "$SOLEX_BIN" -nt "$db" ]; then
    echo "Building $db ..."
    rm -f "$db" "$db-wal" "$db-shm"
    "$SOLEX_BIN" --db "$db" import innovations "$corpus/innovations.jsonl" 2>&1 | tail -1
    "$SOLEX_BIN" --db "$db" import needs "$corpus/needs.jsonl" 2>&1 | tail -1
fi

echo
"$SOLEX_BIN" --db "$db" bench-search --queries "$QUERIES" --rounds 3

# wrk script: each request takes the next query of the mix.
lua=$(mktemp --suffix=.lua)
server_log=$(mktemp)
trap 'rm -f "$lua" "$server_log"; [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true' EXIT
python3 - "$QUERIES" >"$lua" <<'PY'
import sys, urllib.parse
queries = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
print("local paths = {" + ", ".join('"/api/v1/search?q=%s"' % urllib.parse.quote(q, safe="") for q in queries) + "}")
print("local n = 0")
print("request = function() n = n + 1; return wrk.format('GET', paths[(n % #paths) + 1]) end")
PY

"$SOLEX_BIN" --db "$db" serve --host 127.0.0.1 --port "$PORT" >"$server_log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/api/v1/search?q=health" >/dev/null  # warm the facet index

run_wrk() { # run_wrk NAME ARGS... : prints "NAME rps p50 p99 errors"
    local name=$1; shift
    local out
    out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$@")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {s = s $0 "; "} END {print (s == "" ? "0" : s)}' <<<"$out")
    printf '%-22s %10s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}
echo
echo "HTTP on 127.0.0.1, wrk 64 connections, ${SECONDS_PER_RUN}s each"
printf '%-22s %10s %10s %10s  %s\n' "route" "req/s" "p50" "p99" "errors"
search_line=$(run_wrk "search" -s "$lua" "http://127.0.0.1:$PORT/")
echo "$search_line"
plain_line=$(run_wrk "plaintext" "http://127.0.0.1:$PORT/health")
echo "$plain_line"
awk -v s="$(awk '{print $2}' <<<"$search_line")" -v p="$(awk '{print $2}' <<<"$plain_line")" \
    'BEGIN { if (p > 0) printf "search / plaintext requests/s: %.1f%%\n", 100 * s / p }'
