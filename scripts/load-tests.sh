#!/usr/bin/env bash
# Load test (`make load`): wrk on 127.0.0.1 against a release `solex serve` over the benchmark corpus (100k
# innovations, 10k needs by default, generated with the benchmark kit as `make bench` does and reused). For each route:
# the catalogue list, search, a need's page with its proposed innovations and the plaintext /health route,
# CONNECTIONS connections for DURATION each. Prints requests/s, p50 and p99 latency, errors (non-2xx, socket errors,
# timeouts) and each route's requests/s as a ratio of the plaintext route. Exits non-zero on any error.
#
# Environment: SOLEX_BIN [.build/release/solex], SHARED [../shared], BENCH_DATA [bench-data], BENCH_INNOVATIONS
# [100000], BENCH_NEEDS [10000], BENCH_SEED [42], BENCH_WORKERS [2], DURATION [30s], CONNECTIONS [64], THREADS [2],
# LOAD_PORT [18090], WRK_TIMEOUT [5s].
set -euo pipefail
cd "$(dirname "$0")/.."
SOLEX_BIN=${SOLEX_BIN:-.build/release/solex}
SHARED=${SHARED:-../shared}
DATA=${BENCH_DATA:-bench-data}
N=${BENCH_INNOVATIONS:-100000}
M=${BENCH_NEEDS:-10000}
SEED=${BENCH_SEED:-42}
WORKERS=${BENCH_WORKERS:-2}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${LOAD_PORT:-18090}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}

die() { echo "load: $*" >&2; exit 1; }
[ -x "$SOLEX_BIN" ] || die "$SOLEX_BIN is not built (make release)"
command -v wrk >/dev/null || die "wrk is not installed (make deps)"

# Corpus: the same cache as the import benchmark (generated once per size and seed).
corpus="$DATA/corpus-i$N-n$M-s$SEED"
if [ ! -f "$corpus/.complete" ]; then
    [ -f "$SHARED/bench/gen_corpus.py" ] || die "benchmark kit not found: $SHARED/bench/gen_corpus.py (set SHARED=...)"
    echo "Generating corpus $corpus ($N innovations x $M needs, seed $SEED)..."
    mkdir -p "$DATA"
    rm -rf "$corpus" "$corpus.partial"
    PYTHONDONTWRITEBYTECODE=1 python3 "$SHARED/bench/gen_corpus.py" --innovations "$N" --needs "$M" \
        --seed "$SEED" --workers "$WORKERS" --out "$corpus.partial"
    touch "$corpus.partial/.complete"
    mv "$corpus.partial" "$corpus"
fi

# Database: imported once per corpus and binary (the index depends on the tokenizer).
db="$DATA/load-i$N-n$M-s$SEED.sqlite"
if [ ! -f "$db" ] || [ "$SOLEX_BIN" -nt "$db" ]; then
    echo "Importing $corpus into $db ..."
    rm -f "$db" "$db-wal" "$db-shm"
    "$SOLEX_BIN" --db "$db" import innovations "$corpus/innovations.jsonl" --status published | tail -1
    "$SOLEX_BIN" --db "$db" import needs "$corpus/needs.jsonl" --status published | tail -1
fi
need=$(sqlite3 "$db" "SELECT ref FROM need ORDER BY ref LIMIT 1 OFFSET $((M / 2))")
word=$(python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["title"].split()[0].lower())' "$corpus/innovations.jsonl")

server_log=$(mktemp)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -f "$server_log"' EXIT
"$SOLEX_BIN" --db "$db" serve --host 127.0.0.1 --port "$PORT" >"$server_log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$server_log"; die "the server did not start"; }
base="http://127.0.0.1:$PORT"
# Routes: name and path. The first request of each warms its caches.
routes=(
    "catalogue-list /innovations?page=2"
    "search /search?q=$word"
    "need-matches /needs/$need"
    "plaintext /health"
)
for route in "${routes[@]}"; do
    path=${route#* }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$base$path")
    [ "$code" = 200 ] || die "GET $path answered $code before the load"
done

# ms VALUE: wrk's latency (e.g. 1.23ms, 850.00us, 1.02s) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
results=()
total_errors=0
echo
echo "wrk on 127.0.0.1: $CONNECTIONS connections, $THREADS threads, $DURATION per route, timeout $WRK_TIMEOUT"
echo "corpus: $N innovations, $M needs (seed $SEED); need $need; search word '$word'"
for route in "${routes[@]}"; do
    name=${route%% *} path=${route#* }
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency "$base$path")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
    socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    timeouts=$(awk '/Socket errors/ {gsub(",", ""); print $10}' <<<"$out")
    errors=$(( ${non2xx:-0} + ${socket:-0} ))
    total_errors=$((total_errors + errors))
    results+=("$name $path $rps $p50 $p99 $errors ${non2xx:-0} ${socket:-0} ${timeouts:-0}")
done
plain=$(awk '{print $3}' <<<"${results[-1]}")
echo
printf '%-15s %-40s %10s %9s %9s %7s %9s\n' route path "req/s" "p50 ms" "p99 ms" errors "vs plain"
for row in "${results[@]}"; do
    read -r name path rps p50 p99 errors non2xx socket timeouts <<<"$row"
    ratio=$(awk -v r="$rps" -v p="$plain" 'BEGIN { printf "%.3f", (p > 0 ? r / p : 0) }')
    printf '%-15s %-40s %10s %9s %9s %7s %9s' "$name" "${path:0:40}" "$rps" "$p50" "$p99" "$errors" "$ratio"
    [ "$errors" -gt 0 ] && printf '  (non-2xx %s, socket errors %s, of which timeouts %s)' "$non2xx" "$socket" "$timeouts"
    echo
done
echo
if [ "$total_errors" -eq 0 ]; then echo "load: 0 errors"; else echo "load: $total_errors errors"; exit 1; fi
