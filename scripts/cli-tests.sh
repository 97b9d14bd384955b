#!/usr/bin/env bash
# End-to-end checks of the `solex` command on real files: import, export, round trips, all-or-nothing imports with
# located errors, global options before or after the command. Prints "N passed, N failed" and exits 1 on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SHARED=${SHARED:-../shared}
"$SWIFT" build --product solex >/dev/null || { echo "cli: build failed"; echo "0 passed, 1 failed"; exit 1; }
SOLEX="$PWD/.build/debug/solex"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # check NAME COMMAND... : the command must succeed
    local name=$1; shift
    if "$@" >"$work/out" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
    else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$work/out" | head -20; fi
}
same() { cmp -s "$1" "$2"; }

check "migrate on a new file creates the schema and loads the reference data" bash -c "
    '$SOLEX' --db '$work/fresh.sqlite' migrate >/dev/null && test \"\$(sqlite3 '$work/fresh.sqlite' 'SELECT COUNT(*) FROM country')\" = 249"

db="$work/demo.sqlite"
check "seed loads reference and demo data" "$SOLEX" --db "$db" seed --demo
for kind in innovations needs; do
    "$SOLEX" --db "$db" export "$kind" >"$work/$kind.jsonl"
    "$SOLEX" export "$kind" --format csv --db "$db" >"$work/$kind.csv"
    check "demo $kind: JSONL export equals Seeds/demo/$kind.jsonl" same "$work/$kind.jsonl" "Seeds/demo/$kind.jsonl"
    check "demo $kind: CSV export equals Seeds/demo/$kind.csv" same "$work/$kind.csv" "Seeds/demo/$kind.csv"
    check "demo $kind: CSV import into a new database exports the same JSONL" bash -c "
        '$SOLEX' --db '$work/csv-$kind.sqlite' import $kind '$work/$kind.csv' 2>/dev/null &&
        '$SOLEX' --db '$work/csv-$kind.sqlite' export $kind | cmp -s - '$work/$kind.jsonl'"
done

# A file with bad lines: exit 1, every bad line located, nothing written.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
good = [json.loads(l) for l in open("Seeds/demo/innovations.jsonl", encoding="utf-8")][:4]
rows = [dict(r, ref="CLI-%d" % i) for i, r in enumerate(good)]
rows[1]["origin_country"] = "XXX"
rows[2]["title"] = ""
rows[2]["scale"] = "huge"
lines = [json.dumps(r, ensure_ascii=False) for r in rows]
lines.insert(3, '{"ref": "CLI-broken"')
open(work + "/bad.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
"$SOLEX" --db "$db" export innovations >"$work/before.jsonl"
"$SOLEX" --db "$db" import innovations "$work/bad.jsonl" >"$work/bad.out" 2>"$work/bad.err"
status=$?
check "bad file: exit status 1" test "$status" -eq 1
check "bad file: line 2 origin_country located" grep -q "^$work/bad.jsonl:2: origin_country: 'XXX' is not a known country code" "$work/bad.out"
check "bad file: line 3 title located" grep -q "^$work/bad.jsonl:3: title: is required" "$work/bad.out"
check "bad file: line 3 scale located" grep -q "^$work/bad.jsonl:3: scale: 'huge' is not one of" "$work/bad.out"
check "bad file: line 4 JSON syntax located" grep -q "^$work/bad.jsonl:4: line: is not valid JSON" "$work/bad.out"
check "bad file: exactly 4 problems" test "$(wc -l <"$work/bad.out")" -eq 4
"$SOLEX" --db "$db" export innovations >"$work/after.jsonl"
check "bad file: database unchanged" same "$work/before.jsonl" "$work/after.jsonl"
check "unknown extension is refused" bash -c "! '$SOLEX' --db '$db' import needs '$work/bad.txt' 2>/dev/null"
check "env SOLEX_DB is honoured" bash -c "SOLEX_DB='$db' '$SOLEX' export needs | cmp -s - Seeds/demo/needs.jsonl"

# Matching: one JSON line per published need, in the shape the recall evaluator reads; bad options are refused.
"$SOLEX" --db "$db" match --top 3 >"$work/match.jsonl"
check "match: one line per published need" test "$(wc -l <"$work/match.jsonl")" -eq "$(wc -l <Seeds/demo/needs.jsonl)"
check "match: lines have need and at most 3 scored matches with explanations, best first" python3 - "$work/match.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    assert isinstance(row["need"], str) and len(row["matches"]) <= 3, row
    scores = [m["score"] for m in row["matches"]]
    assert scores == sorted(scores, reverse=True), scores
    for m in row["matches"]:
        assert m["innovation"].startswith("INN-") and "explanation" in m and m["explanation"]["cooperation"] in ("south-south", "triangular")
PY
check "match: --need limits the output to that need" bash -c "'$SOLEX' --db '$db' match --need NEED-BEN-001 | grep -c '\"need\":\"NEED-BEN-001\"' | grep -qx 1"
check "match: an unknown need is refused" bash -c "! '$SOLEX' --db '$db' match --need NOPE 2>/dev/null"
check "match: unknown weights are refused" bash -c "! '$SOLEX' --db '$db' match --weights '{\"txt\": 1}' 2>/dev/null"
"$SOLEX" --db "$db" match --top 2 --format csv >"$work/match.csv"
check "match: CSV has a header and two rows per need" test "$(wc -l <"$work/match.csv")" -eq $((1 + 2 * $(wc -l <Seeds/demo/needs.jsonl)))

# Match reports: run and store with parameters, list, show, export, compare; pair status kept across runs.
first=$("$SOLEX" --db "$db" report run --name "CLI top 3" --top 3 2>"$work/report.err")
check "report run: prints the new report's id" test -n "$first"
second=$("$SOLEX" --db "$db" report run --top 5 --weights '{"themes": 0.2}' --region Africa --evidence evaluated --evidence monitored \
    --capacity-per-innovation 1 --capacity-per-need 2 2>>"$work/report.err")
check "report run: filters and capacities are accepted" test -n "$second"
check "report list: newest first" bash -c "'$SOLEX' --db '$db' report list | head -1 | grep -q '^$second\b'"
check "report show: text names the report and explains pairs" bash -c "
    '$SOLEX' --db '$db' report show '$first' >'$work/show.txt' && grep -q '^Report $first: CLI top 3' '$work/show.txt' &&
    grep -q 'contributions: text' '$work/show.txt'"
check "report show: JSON has the parameters and every pair with an explanation" bash -c "
    '$SOLEX' --db '$db' report show '$second' --format json | python3 -c '
import json, sys
doc = json.load(sys.stdin)
assert doc[\"report\"][\"parameters\"][\"regions\"] == [\"2\"], doc[\"report\"][\"parameters\"]
assert doc[\"report\"][\"parameters\"][\"capacity_per_need\"] == 2
assert doc[\"pairs\"] and all(\"contributions\" in p[\"explanation\"] and p[\"assigned\"] in (True, False) for p in doc[\"pairs\"])
'"
"$SOLEX" --db "$db" report export "$first" --format csv >"$work/report.csv"
check "report export: CSV has the explanation columns and one row per pair" python3 - "$work/report.csv" "$work/show.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
for column in ("contribution_text", "shared_terms", "shared_themes", "shared_targets", "shared_tags", "notes", "cooperation", "status"):
    assert column in rows[0], column
pairs = sum(1 for line in open(sys.argv[2], encoding="utf-8") if line.startswith("  ") and ". INN-" in line)
assert len(rows) == pairs, (len(rows), pairs)
PY
check "report export: html is a whole page" bash -c "'$SOLEX' --db '$db' report export '$first' --format html | grep -q '</html>'"
check "report export: html in French with --lang fr, English by default" bash -c "
    '$SOLEX' --db '$db' report export '$first' --format html --lang fr >'$work/report-fr.html' &&
    grep -q '<html lang=\"fr\">' '$work/report-fr.html' && grep -q 'Paramètres' '$work/report-fr.html' &&
    grep -q 'Innovations proposées, besoin par besoin' '$work/report-fr.html' &&
    '$SOLEX' --db '$db' report export '$first' --format html | grep -q '<html lang=\"en\">'"
check "report export: an unknown --lang is refused, naming the option" bash -c "
    ! '$SOLEX' --db '$db' report export '$first' --format html --lang de 2>'$work/lang.err' && grep -q -- '--lang' '$work/lang.err'"
check "report diff: text counts new, dropped and moved pairs" bash -c "
    '$SOLEX' --db '$db' report diff '$first' '$second' | head -1 | grep -Eq '^Report $first -> report $second: [0-9]+ new, [0-9]+ dropped, [0-9]+ moved'"
check "report: bad options are refused, naming the option" bash -c "
    ! '$SOLEX' --db '$db' report run --top 0 --theme nope 2>'$work/bad-report.err' &&
    grep -q -- '--top: must be a whole number from 1 to 100' '$work/bad-report.err' && grep -q -- \"--theme: 'nope' is not a known theme\" '$work/bad-report.err'"
check "report: an unknown id is refused" bash -c "! '$SOLEX' --db '$db' report show 999 2>/dev/null"
check "serve: report run limits below their minimum are refused, naming the option" bash -c "
    ! '$SOLEX' --db '$db' serve --port 0 --report-runs 0 2>'$work/runs.err' && grep -q -- '--report-runs must be a whole number of 1 or more' '$work/runs.err' &&
    ! '$SOLEX' --db '$db' serve --port 0 --report-runs-waiting=-1 2>'$work/waiting.err' && grep -q -- '--report-runs-waiting must be a whole number of 0 or more' '$work/waiting.err'"
pair=$(python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1], encoding="utf-8"))); print(r["need"], r["innovation"])' "$work/report.csv")
check "pair status: contacted is recorded" "$SOLEX" --db "$db" pair status $pair --status contacted --note "first call"
check "pair status: a skipped step is refused, naming --status" bash -c "
    ! '$SOLEX' --db '$db' pair status $pair --status partnership_started 2>'$work/status.err' && grep -q -- '--status: cannot go from contacted' '$work/status.err'"
third=$("$SOLEX" --db "$db" report run --top 3 2>/dev/null)
check "pair status: kept across report runs" bash -c "'$SOLEX' --db '$db' report export '$third' --format csv | grep -q 'contacted,first call,'"

# The network: members from the seed file and the command line; adoptions from the demo seed file.
check "member list: the demo members, one line each" bash -c "test \"\$('$SOLEX' --db '$db' member list | wc -l)\" = 15"
check "member add: a new member is listed and in the CSV" bash -c "
    '$SOLEX' --db '$db' member add --country uga --joined 2021-02-28 --note 'Kampala, 2021' | grep -q '^Added member UGA' &&
    '$SOLEX' --db '$db' member list --csv | grep -q '^UGA,Uganda,Africa,Sub-Saharan Africa,2021-02-28,0,,0,1,0,\"Kampala, 2021\"$'"
check "member add: a bad date is refused, naming the option" bash -c "
    ! '$SOLEX' --db '$db' member add --country UGA --joined 2021-02-30 2>'$work/member.err' && grep -q -- '--joined: must be a date YYYY-MM-DD' '$work/member.err'"
check "member remove: removed, then refused" bash -c "
    '$SOLEX' --db '$db' member remove --country UGA >/dev/null && ! '$SOLEX' --db '$db' member remove --country UGA 2>/dev/null"
check "seed --demo: the demo adoptions, with their indicators and measurements" bash -c "
    test \"\$(sqlite3 '$db' 'SELECT COUNT(*), (SELECT COUNT(*) FROM adoption_indicator), (SELECT COUNT(*) FROM adoption_measurement) FROM adoption')\" = '5|7|12'"

# Workshop agendas: create from the example file, schedule, requests from a report, exports checked by independent parsers.
check "workshop create: prints the id and slug" bash -c "'$SOLEX' --db '$db' workshop create --file Seeds/workshops/dhaka-2017.json | grep -Eq '^[0-9]+	dhaka-2017$'"
check "workshop create: the same slug again is refused" bash -c "
    ! '$SOLEX' --db '$db' workshop create --file Seeds/workshops/dhaka-2017.json 2>'$work/ws.err' && grep -q \"^Error: id: a workshop 'dhaka-2017' already exists\" '$work/ws.err'"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["id"]="bad"; d["tables"][0]["capacity"]=0; d["requests"][0]["champion"]="XYZ"; json.dump(d, open(sys.argv[2],"w"))' \
    Seeds/workshops/dhaka-2017.json "$work/bad-workshop.json"
check "workshop create: every problem of a bad file is listed with its path" bash -c "
    ! '$SOLEX' --db '$db' workshop create --file '$work/bad-workshop.json' 2>'$work/badws.err' &&
    grep -q 'tables\[0\].capacity: must be at least 1' '$work/badws.err' && grep -q \"requests\[0\].champion: no delegation 'XYZ'\" '$work/badws.err'"
check "workshop list: names the workshop" bash -c "'$SOLEX' --db '$db' workshop list | grep -q 'dhaka-2017	8 delegations	14 requests	not scheduled'"
check "agenda export: refused before a schedule exists" bash -c "! '$SOLEX' --db '$db' agenda export dhaka-2017 --format ics 2>/dev/null"
check "agenda bench: the generated workshop is scheduled at most at its upper bound" bash -c "
    '$SOLEX' agenda bench --seeds 42 | awk '\$1 == 42 { exit !(\$4 > 0 && \$4 <= \$5) } END { }' &&
    '$SOLEX' agenda bench --seeds 42 | grep -q '^42 '"
check "agenda bench: a bad seed list is refused, naming --seeds" bash -c "
    ! '$SOLEX' agenda bench --seeds 1,x 2>'$work/bench.err' && grep -q -- '--seeds' '$work/bench.err'"
check "agenda schedule: all 14 requests scheduled (the upper bound)" bash -c "
    '$SOLEX' --db '$db' agenda schedule dhaka-2017 | head -1 | grep -q '^14 of 14 requests scheduled; upper bound 14; 0 left out'"
check "workshop requests: top 2 pairs of the report; pairs without both delegations skipped with the reason" bash -c "
    '$SOLEX' --db '$db' workshop requests dhaka-2017 --report '$first' --top 2 >'$work/requests.txt' &&
    grep -Eq '^[0-9]+ requests added, [0-9]+ pairs skipped' '$work/requests.txt' && grep -q \"in the workshop\$\" '$work/requests.txt'"
check "agenda move: a conflicting move is refused with its reason" bash -c "
    ! '$SOLEX' --db '$db' agenda move dhaka-2017 R01 --slot 0 --table T1 2>'$work/move.err' && grep -q 'refused (' '$work/move.err'"
mkdir -p "$work/agenda"
for pair in ics:ics frab-xml:xml frab-json:json csv:csv; do
    format=${pair%%:*} ext=${pair##*:}
    check "agenda export --format $format (whole workshop)" bash -c "'$SOLEX' --db '$db' agenda export dhaka-2017 --format $format >'$work/agenda/all.$ext' && test -s '$work/agenda/all.$ext'"
    check "agenda export --format $format --delegation BTN" bash -c "'$SOLEX' --db '$db' agenda export dhaka-2017 --format $format --delegation BTN >'$work/agenda/btn.$ext' && test -s '$work/agenda/btn.$ext'"
done
check "agenda export: CSV of BTN has only BTN's meetings" python3 - "$work/agenda/btn.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows and all("BTN" in (r["requester"], r["champion"]) for r in rows), rows
PY
if [ -f "${FRAB_SCHEMAS:-$SHARED/schemas/frab-schedule}/schedule.xml.xsd" ]; then
    check "agenda exports pass the independent parsers" env FRAB_SCHEMAS="${FRAB_SCHEMAS:-$SHARED/schemas/frab-schedule}" bash scripts/check-agenda-exports.sh "$work/agenda"
fi
mkdir -p "$work/agenda-html"
check "agenda export --format html: the organiser's grid, a whole page with its style sheet" bash -c "
    '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --web Web >'$work/agenda-html/all.html' &&
    grep -q '<table class=\"data agenda-grid\">' '$work/agenda-html/all.html' && grep -q '@media print' '$work/agenda-html/all.html' &&
    grep -q '</html>' '$work/agenda-html/all.html'"
check "agenda export --format html --delegation all: one section per delegation" bash -c "
    '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --delegation all >'$work/agenda-html/delegations.html' &&
    test \$(grep -c '<section class=\"delegation-agenda\"' '$work/agenda-html/delegations.html') -eq \$('$SOLEX' --db '$db' workshop list | awk -F'\t' '\$2 == \"dhaka-2017\" { print \$3 + 0 }')"
check "agenda export --format html --delegation BTN: only BTN's page, each of its meetings" python3 - "$SOLEX" "$db" "$work/agenda/btn.csv" <<'PY'
import csv, datetime, subprocess, sys
from html.parser import HTMLParser
html = subprocess.run([sys.argv[1], "--db", sys.argv[2], "agenda", "export", "dhaka-2017", "--format", "html", "--delegation", "BTN"],
                      check=True, capture_output=True, text=True).stdout
class Rows(HTMLParser):
    def __init__(self):
        super().__init__(); self.sections, self.rows, self.cell, self.row = [], [], None, None
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section": self.sections.append(attrs.get("id"))
        if tag == "tr": self.row = []
        if tag == "td": self.cell = ""
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
    def handle_endtag(self, tag):
        if tag == "td" and self.row is not None: self.row.append(self.cell); self.cell = None
        if tag == "tr" and self.row: self.rows.append(self.row); self.row = None
parser = Rows(); parser.feed(html)
assert parser.sections == ["delegation-BTN"], parser.sections
meetings = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
assert len(parser.rows) == len(meetings), (len(parser.rows), len(meetings))
for row, meeting in zip(parser.rows, meetings):
    day = datetime.date.fromisoformat(meeting["date"])
    clock = lambda t: str(int(t[:2])) + t[2:]  # the page writes 9:00, the CSV 09:00
    assert row[0] == f"{day:%A} {day.day} {day:%B}" and row[1] == f"{clock(meeting['start'])}\u2013{clock(meeting['end'])}" and row[5] == meeting["table_name"], (row, meeting)
    other = meeting["champion"] if meeting["requester"] == "BTN" else meeting["requester"]
    assert row[2].endswith(f"({other})"), (row, other)
PY
check "agenda export --format html: an unknown delegation is refused" bash -c "
    ! '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --delegation XYZ 2>'$work/html.err' && grep -q \"no delegation 'XYZ'\" '$work/html.err'"
check "agenda export --format html --lang fr: French headings and day names" bash -c "
    '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --lang fr >'$work/agenda-html/all-fr.html' &&
    grep -q '<html lang=\"fr\">' '$work/agenda-html/all-fr.html' && grep -q 'Rencontres par créneau et par table' '$work/agenda-html/all-fr.html' &&
    grep -q 'Jour 1 · dimanche 14 mai' '$work/agenda-html/all-fr.html' && grep -q 'heures en Asia/Dhaka' '$work/agenda-html/all-fr.html'"
check "agenda export --format html --lang es --delegation BTN: Spanish headings and day names" bash -c "
    '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --lang es --delegation BTN >'$work/agenda-html/btn-es.html' &&
    grep -q '<th scope=\"col\">Se reúne con</th>' '$work/agenda-html/btn-es.html' && grep -Eq 'domingo|lunes' '$work/agenda-html/btn-es.html'"
check "agenda export --lang: an interface language the site does not offer is refused" bash -c "
    ! '$SOLEX' --db '$db' agenda export dhaka-2017 --format html --lang de 2>'$work/lang.err' && grep -q -- '--lang' '$work/lang.err'"

# Duplicates: the forms' warning on the command line, then a merge that keeps the duplicate's address and history.
check "similar: a need written like NEED-BEN-001 is listed first" bash -c "
    '$SOLEX' --db '$db' similar needs --country BEN --title 'Centres de services publics à guichet unique dans les communes' |
    head -1 | grep -q '^NEED-BEN-001	'"
check "similar: an unrelated title lists nothing" bash -c "
    '$SOLEX' --db '$db' similar needs --country BEN --title 'Cartographie des crues' | grep -qx 'no similar needs'"
python3 -c 'import json,sys; d=json.loads(open(sys.argv[1], encoding="utf-8").readline()); d["ref"]="NEED-BEN-900"; d["tags"]=["copie"]; print(json.dumps(d, ensure_ascii=False))' \
    Seeds/demo/needs.jsonl >"$work/dup-need.jsonl"
check "merge: a copied need imports" "$SOLEX" --db "$db" import needs "$work/dup-need.jsonl"
check "merge: the copy is merged into the original" bash -c "
    '$SOLEX' --db '$db' merge needs NEED-BEN-001 NEED-BEN-900 | grep -qx 'NEED-BEN-900 merged into NEED-BEN-001'"
check "merge: the copy is gone and the original gained its tag" bash -c "
    '$SOLEX' --db '$db' export needs >'$work/merged.jsonl' && ! grep -q NEED-BEN-900 '$work/merged.jsonl' &&
    grep '\"ref\": \"NEED-BEN-001\"' '$work/merged.jsonl' | grep -q '\"copie\"'"
check "merge: merging it again is refused, naming the duplicate" bash -c "
    ! '$SOLEX' --db '$db' merge needs NEED-BEN-001 NEED-BEN-900 2>'$work/merge.err' && grep -q 'duplicate: no need has the reference NEED-BEN-900' '$work/merge.err'"

# The 10k corpus of the benchmark kit round-trips byte for byte (skipped when the kit is absent).
if [ -f "$SHARED/bench/gen_corpus.py" ]; then
    python3 "$SHARED/bench/gen_corpus.py" --innovations 10000 --needs 2000 --seed 42 --out "$work/c10k" 2>/dev/null
    c10k="$work/c10k.sqlite"
    check "10k corpus: innovations JSONL imports" "$SOLEX" --db "$c10k" import innovations "$work/c10k/innovations.jsonl"
    check "10k corpus: needs CSV imports" "$SOLEX" --db "$c10k" import needs "$work/c10k/needs.csv"
    for kind in innovations needs; do
        "$SOLEX" --db "$c10k" export "$kind" >"$work/c10k-$kind.jsonl"
        "$SOLEX" --db "$c10k" export "$kind" --format csv >"$work/c10k-$kind.csv"
        # The kit's files predate the `language` field: the export adds it (the first of `languages`), nothing else.
        python3 scripts/with-entry-language.py "$work/c10k/$kind.jsonl" "$work/c10k-$kind-expected.jsonl"
        python3 scripts/with-entry-language.py "$work/c10k/$kind.csv" "$work/c10k-$kind-expected.csv"
        check "10k corpus: $kind JSONL export equals the generator's bytes plus each entry's language" same "$work/c10k-$kind.jsonl" "$work/c10k-$kind-expected.jsonl"
        check "10k corpus: $kind CSV export equals the generator's bytes plus each entry's language" same "$work/c10k-$kind.csv" "$work/c10k-$kind-expected.csv"
        check "10k corpus: $kind export, import into an empty database, export again: same bytes" bash -c "
            '$SOLEX' --db '$work/again.sqlite' import $kind '$work/c10k-$kind.jsonl' 2>/dev/null &&
            '$SOLEX' --db '$work/again.sqlite' export $kind | cmp -s - '$work/c10k-$kind.jsonl'"
    done
else
    echo "skip 10k corpus round trip: no benchmark kit at $SHARED/bench"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
