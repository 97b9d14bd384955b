#!/usr/bin/env bash
# Matcher benchmark: `solex match` against the benchmark kit's peers (TF-IDF with scikit-learn, BM25), on the same
# generated corpus in the same run: wall time, peak memory, recall@10 and nDCG@10 against the planted truth, and the
# ratio of each peer's time to solex's. Each scale runs twice: as generated, and with the needs stripped of their
# themes, SDG targets and tags (bare problem statements).
#
# Environment (defaults in brackets):
#   SHARED [../shared]              folder holding the benchmark kit (bench/)
#   BENCH_MATCH_SCALES ["10000:2000 100000:10000"]  innovations:needs pairs
#   BENCH_SEED [42], BENCH_WORKERS [2] (generator workers and peer jobs)
#   BENCH_DATA [bench-data]         corpus cache and databases (gitignored)
#   SOLEX_BIN [.build/release/solex], PYTHON [python3], TIME_BIN [/usr/bin/time]
#   BENCH_PEERS ["tfidf bm25"]      peers to run (bm25 uses the kit's sparse engine)
set -euo pipefail

SHARED=${SHARED:-../shared}
SCALES=${BENCH_MATCH_SCALES:-"10000:2000 100000:10000"}
SEED=${BENCH_SEED:-42}
WORKERS=${BENCH_WORKERS:-2}
DATA=${BENCH_DATA:-bench-data}
SOLEX_BIN=${SOLEX_BIN:-.build/release/solex}
PYTHON=${PYTHON:-python3}
TIME_BIN=${TIME_BIN-/usr/bin/time}
PEERS=${BENCH_PEERS:-"tfidf bm25"}
KIT="$SHARED/bench"
HERE=$(cd "$(dirname "$0")" && pwd)

die() { echo "bench: $*" >&2; exit 1; }
[ -f "$KIT/peer_tfidf.py" ] || die "benchmark kit not found at $KIT (set SHARED=path/to/shared)"
[ -x "$SOLEX_BIN" ] || die "$SOLEX_BIN is missing: run make release"
"$TIME_BIN" -f %M true >/dev/null 2>&1 || die "GNU time is needed at $TIME_BIN for peak memory (make deps)"

# corpus N M: prints the cached corpus folder for that size, generating it first if needed.
corpus() {
    local dir="$DATA/corpus-i$1-n$2-s$SEED"
    if [ ! -f "$dir/.complete" ]; then
        echo "Generating corpus $dir ..." >&2
        rm -rf "$dir" "$dir.partial"
        mkdir -p "$DATA"
        PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "$KIT/gen_corpus.py" --innovations "$1" --needs "$2" --seed "$SEED" \
            --workers "$WORKERS" --out "$dir.partial" >&2
        touch "$dir.partial/.complete"
        mv "$dir.partial" "$dir"
    fi
    echo "$dir"
}

# timed LOG COMMAND...: runs COMMAND (stdout and stderr to LOG); sets SECS and PEAK_MB.
timed() {
    local log=$1; shift
    local t0 t1
    t0=$(date +%s.%N)
    "$TIME_BIN" -f %M -o "$log.mem" "$@" >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "'$*' failed"; }
    t1=$(date +%s.%N)
    SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    PEAK_MB=$(awk '{ v = $1 } END { printf "%.0f", v / 1024 }' "$log.mem")
}

# quality TRUTH PRED: prints "recall nDCG".
quality() {
    PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "$KIT/eval_recall.py" --truth "$1" --pred "$2" --k 10 --json |
        "$PYTHON" -c 'import json, sys; r = json.load(sys.stdin); print("%.4f %.4f" % (r["recall@k"], r["nDCG@k"]))'
}

rows=()
for scale in $SCALES; do
    n=${scale%%:*} m=${scale##*:}
    dir=$(corpus "$n" "$m")
    stripped="$dir-stripped"
    if [ ! -f "$stripped/.complete" ]; then
        "$PYTHON" "$HERE/bench/strip-needs.py" --in "$dir" --out "$stripped" >&2
        touch "$stripped/.complete"
    fi
    work="$DATA/match-i$n-n$m-s$SEED"
    mkdir -p "$work"
    # The database is built once per corpus (imports are measured by bench-import.sh, not here).
    if [ ! -f "$work/solex.sqlite.complete" ]; then
        echo "Importing $dir into $work/solex.sqlite ..." >&2
        rm -f "$work"/solex*.sqlite*
        "$SOLEX_BIN" --db "$work/solex.sqlite" import innovations "$dir/innovations.jsonl" >/dev/null
        "$SOLEX_BIN" --db "$work/solex.sqlite" import needs "$dir/needs.jsonl" >/dev/null
        cp "$work/solex.sqlite" "$work/solex-stripped.sqlite"
        "$SOLEX_BIN" --db "$work/solex-stripped.sqlite" import needs "$stripped/needs.jsonl" >/dev/null
        touch "$work/solex.sqlite.complete"
    fi
    for variant in full stripped; do
        if [ "$variant" = full ]; then source=$dir db="$work/solex.sqlite"; else source=$stripped db="$work/solex-stripped.sqlite"; fi
        # A database cached by an older solex is upgraded first, untimed (a fresh import needs nothing here): the
        # migrations, and the words and concepts each entry keeps for the matcher.
        "$SOLEX_BIN" --db "$db" migrate >/dev/null
        echo "Matching $n x $m ($variant needs) ..." >&2
        timed "$work/solex-$variant.log" sh -c '"$1" --db "$2" match --top 10 --timing > "$3"' _ \
            "$SOLEX_BIN" "$db" "$work/solex-$variant.jsonl"
        solex_s=$SECS
        phases=$(awk '/^phase/ { printf "%s %ss  ", $2, $3 }' "$work/solex-$variant.log")
        rows+=("$n x $m|$variant|solex|$SECS|$PEAK_MB|$(quality "$dir/truth.jsonl" "$work/solex-$variant.jsonl")|1.00")
        for peer in $PEERS; do
            case $peer in
                tfidf) args=("$KIT/peer_tfidf.py") ;;
                bm25) args=("$KIT/peer_bm25.py" --engine sparse) ;;
                *) die "unknown peer $peer" ;;
            esac
            timed "$work/$peer-$variant.log" env PYTHONDONTWRITEBYTECODE=1 "$PYTHON" "${args[@]}" --dir "$source" \
                --top 10 --jobs "$WORKERS" --out "$work/$peer-$variant.jsonl"
            ratio=$(awk -v p="$SECS" -v s="$solex_s" 'BEGIN { printf "%.2f", p / s }')
            rows+=("$n x $m|$variant|peer_$peer|$SECS|$PEAK_MB|$(quality "$dir/truth.jsonl" "$work/$peer-$variant.jsonl")|$ratio")
        done
        echo "  solex phases: $phases" >&2
    done
done

echo
echo "Matching: top 10 per need, seed $SEED; peer time / solex time > 1 means solex is faster"
printf '%-16s %-9s %-11s %9s %8s %10s %8s %10s\n' scale needs matcher seconds peak_MB recall@10 nDCG@10 time_ratio
for row in "${rows[@]}"; do
    IFS='|' read -r scale variant matcher secs peak q ratio <<<"$row"
    read -r recall ndcg <<<"$q"
    printf '%-16s %-9s %-11s %9s %8s %10s %8s %10s\n' "$scale" "$variant" "$matcher" "$secs" "$peak" "$recall" "$ndcg" "${ratio}x"
done
