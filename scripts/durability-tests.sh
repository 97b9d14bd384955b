#!/usr/bin/env bash
# Durability checks against a real `solex serve` with its own database on a loopback port:
#   1. crash: API writes stream in with a token, the server is killed with SIGKILL in the middle, restarted, and every
#      write it acknowledged (201) must be there; the number of acknowledged writes is printed;
#   2. backup under load: `solex backup` runs while writes stream in; `solex restore` puts the copy in place of a
#      new database file, which must pass the integrity check and open with Solex.
# Also checks the user commands (no default password, password policy). Prints "N passed, N failed"; exits 1 on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
"$SWIFT" build --product solex >/dev/null || { echo "durability: build failed"; echo "0 passed, 1 failed"; exit 1; }
SOLEX="$PWD/.build/debug/solex"
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$work/out" ] && sed 's/^/     /' "$work/out" | head -20; }

db="$work/solex.sqlite"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# Accounts from the command line: no default password, the policy applies, the first admin is created here.
if "$SOLEX" --db "$db" user add --email ops@example.org --role secretariat </dev/null >"$work/out" 2>&1; then
    fail "user add without a password is refused"
else ok "user add without a password is refused"; fi
if SOLEX_PASSWORD=short "$SOLEX" --db "$db" user add --email ops@example.org --role secretariat >"$work/out" 2>&1; then
    fail "user add with a weak password is refused"
elif grep -q "at least 12 characters" "$work/out"; then ok "user add with a weak password is refused with the policy's message"
else fail "user add with a weak password is refused with the policy's message"; fi
if echo "a long and private passphrase" | "$SOLEX" --db "$db" user add --email admin@example.org --role admin --password-stdin >"$work/out" 2>&1 \
   && SOLEX_PASSWORD="another private passphrase" "$SOLEX" --db "$db" user add --email ops@example.org --role secretariat >>"$work/out" 2>&1 \
   && SOLEX_PASSWORD="a changed private passphrase" "$SOLEX" --db "$db" user passwd --email ops@example.org >>"$work/out" 2>&1 \
   && "$SOLEX" --db "$db" user list >>"$work/out" 2>&1 && grep -q "ops@example.org	secretariat" "$work/out"; then
    ok "user add, passwd and list"
else fail "user add, passwd and list"; fi
token=$("$SOLEX" --db "$db" user token --email ops@example.org --name durability 2>"$work/out")
[ -n "$token" ] && ok "user token prints a token" || fail "user token prints a token"

start_server() {
    "$SOLEX" --db "$db" serve --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        curl -fsS "$base/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# writer.py PREFIX ACKED_FILE [KILL_PID KILL_AFTER]: POST needs with 4 threads until the server stops answering (or
# STOP_FILE appears), appending the ref of every acknowledged write to ACKED_FILE as soon as the 201 arrives.
cat >"$work/writer.py" <<'PY'
import json, os, signal, sys, threading, urllib.request
base, token, prefix, acked_path = sys.argv[1:5]
kill_pid = int(sys.argv[5]) if len(sys.argv) > 5 else 0
kill_after = int(sys.argv[6]) if len(sys.argv) > 6 else 0
stop_file = os.environ.get("STOP_FILE", "")
lock = threading.Lock()
acked = open(acked_path, "a")
count = [0, 0]  # sent, acked
stopped = threading.Event()
def worker(n):
    i = 0
    while not stopped.is_set():
        if stop_file and os.path.exists(stop_file): return
        i += 1
        ref = "NEED-%s-%d-%05d" % (prefix, n, i)
        body = {"ref": ref, "title": "Durability need %s" % ref, "description": "Written while the server may die.",
                "country": "BEN", "themes": ["health"], "sdg_targets": ["3.8"], "tags": ["durability"],
                "support_types": ["study-visit"], "languages": ["en"], "created": "2026-01-01"}
        request = urllib.request.Request(base + "/api/v1/needs", data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status != 201: continue
        except Exception:
            stopped.set(); return
        with lock:
            acked.write(ref + "\n"); acked.flush()
            count[1] += 1
            if kill_pid and count[1] == kill_after:
                os.kill(kill_pid, signal.SIGKILL)
threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(count[1])
PY

# 1. Crash: SIGKILL in the middle of a stream of acknowledged writes.
if start_server; then ok "server starts on a new database (demo data loaded)"; else fail "server starts"; exit 1; fi
acked="$work/acked.txt"
: >"$acked"
python3 "$work/writer.py" "$base" "$token" CRASH "$acked" "$server_pid" 400 >"$work/out" 2>&1
wait "$server_pid" 2>/dev/null
status=$?
server_pid=""
acknowledged=$(wc -l <"$acked" | tr -d ' ')
[ "$status" -eq 137 ] && ok "the server was killed with SIGKILL mid-stream" || fail "the server was killed with SIGKILL mid-stream (exit $status)"
if start_server; then ok "the server restarts after the crash"; else fail "the server restarts after the crash"; fi
present=$(sqlite3 "$db" "SELECT COUNT(*) FROM need WHERE ref LIKE 'NEED-CRASH-%'")
sqlite3 "$db" "SELECT ref FROM need WHERE ref LIKE 'NEED-CRASH-%'" | sort >"$work/present.txt"
missing=$(sort "$acked" | comm -23 - "$work/present.txt" | wc -l | tr -d ' ')
echo "     crash: $acknowledged writes acknowledged before SIGKILL, $present stored after restart, $missing missing"
if [ "$acknowledged" -ge 400 ] && [ "$missing" -eq 0 ]; then ok "every acknowledged write survived the crash ($acknowledged acknowledged)"
else fail "every acknowledged write survived the crash ($acknowledged acknowledged, $missing missing)"; fi
sample=$(tail -n 1 "$acked")
if curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/needs/$sample" | grep -q "$sample"; then
    ok "the last acknowledged write is served after the restart"
else fail "the last acknowledged write is served after the restart"; fi
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = "ok" ] && ok "the database passes the integrity check after the crash" \
    || fail "the database passes the integrity check after the crash"

# 2. Backup under write load, then restore into a new file.
: >"$work/load.txt"
STOP_FILE="$work/stop" python3 "$work/writer.py" "$base" "$token" LOAD "$work/load.txt" >"$work/load.out" 2>&1 &
writer=$!
sleep 1
before=$(wc -l <"$work/load.txt" | tr -d ' ')
if "$SOLEX" --db "$db" backup "$work/backup.sqlite" >"$work/out" 2>&1; then ok "backup while writes stream in"; else fail "backup while writes stream in"; fi
sleep 1
touch "$work/stop"
wait "$writer"
after=$(wc -l <"$work/load.txt" | tr -d ' ')
in_backup=$(sqlite3 "$work/backup.sqlite" "SELECT COUNT(*) FROM need WHERE ref LIKE 'NEED-LOAD-%'")
echo "     backup: $before writes acknowledged before the backup started, $in_backup in the backup, $after in all"
if [ "$after" -gt "$in_backup" ] && [ "$in_backup" -ge "$before" ]; then ok "the backup is a snapshot taken during the load"
else fail "the backup is a snapshot taken during the load"; fi
restored="$work/restored/solex.sqlite"
mkdir -p "$work/restored"
if "$SOLEX" --db "$restored" restore "$work/backup.sqlite" >"$work/out" 2>&1 && grep -q "integrity ok" "$work/out"; then
    ok "restore checks the backup and puts it in place"
else fail "restore checks the backup and puts it in place"; fi
[ "$(sqlite3 "$restored" 'PRAGMA integrity_check')" = "ok" ] && ok "the restored database passes the integrity check" \
    || fail "the restored database passes the integrity check"
if "$SOLEX" --db "$restored" migrate >"$work/out" 2>&1 && "$SOLEX" --db "$restored" reindex >>"$work/out" 2>&1 \
   && [ "$("$SOLEX" --db "$restored" export needs | grep -c NEED-LOAD-)" -eq "$in_backup" ]; then
    ok "the restored database opens with Solex, reindexes, and exports what the backup holds"
else fail "the restored database opens with Solex, reindexes, and exports what the backup holds"; fi
head -c 4096 /dev/urandom >"$work/garbage.sqlite"
if "$SOLEX" --db "$work/other.sqlite" restore "$work/garbage.sqlite" >"$work/out" 2>&1; then fail "restore refuses a file that is not a database"
else ok "restore refuses a file that is not a database"; fi
sqlite3 "$work/plain.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
if "$SOLEX" --db "$work/other.sqlite" restore "$work/plain.sqlite" >"$work/out" 2>&1; then fail "restore refuses a database that is not Solex's"
elif grep -q "not a Solex database" "$work/out"; then ok "restore refuses a database that is not Solex's"
else fail "restore refuses a database that is not Solex's"; fi

kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
