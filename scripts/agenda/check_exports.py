"""Checks agenda exports with parsers that share no code with Solex.

    python3 scripts/agenda/check_exports.py DIR SCHEMA_DIR

For each file in DIR: `*.ics` is read with PyPI `icalendar` (structure, line lengths and ends, unique UIDs, time
zone: each TZID has its VTIMEZONE and the VTIMEZONE gives the same UTC offsets as the system's zoneinfo at every
event); `*.json` with a top-level `schedule` is checked with PyPI `jsonschema` against SCHEMA_DIR/schema.json
(draft-06, with format checks); `*.csv` is read with Python's csv module (same number of fields on every row).
Prints `ok FILE: ...` or `FAIL FILE: ...` per check and nothing else; the shell script counts them.
"""
import csv
import io
import json
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import jsonschema

UUID = re.compile(r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")


def check_ics(path):
    raw = path.read_bytes()
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        return "lines must end with CRLF"
    long = [n for n, line in enumerate(raw.split(b"\r\n"), 1) if len(line) > 75]
    if long:
        return f"line {long[0]} is longer than 75 octets"
    raw.decode("utf-8")  # a fold that splits a character fails here
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        return "VERSION 2.0 and PRODID are required"
    zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}
    declared = str(calendar.get("X-WR-TIMEZONE", ""))
    if declared and declared not in zones:
        return f"X-WR-TIMEZONE {declared} has no VTIMEZONE"
    events = calendar.walk("VEVENT")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids) or not all(UUID.match(uid) for uid in uids):
        return "UIDs must be unique UUIDs"
    for event in events:
        for name in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION"):
            if name not in event:
                return f"event {event.get('UID')} has no {name}"
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if not end > start:
            return f"event {event.get('UID')} ends before it starts"
        for name in ("DTSTART", "DTEND"):
            tzid = event[name].params.get("TZID")
            if tzid is None:
                continue
            if tzid not in zones:
                return f"event {event.get('UID')}: TZID {tzid} has no VTIMEZONE"
            local = event[name].dt.replace(tzinfo=None)
            written = zones[tzid].to_tz(lookup_tzid=False).utcoffset(local)
            actual = local.replace(tzinfo=ZoneInfo(tzid)).utcoffset()
            if written != actual:
                return f"event {event.get('UID')}: VTIMEZONE gives {written} at {local}, zoneinfo {actual}"
    return f"{len(events)} events, time zones {', '.join(sorted(zones)) or 'none'}"


def check_json(path, schema):
    document = json.loads(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    if errors:
        error = errors[0]
        return None, f"{'/'.join(map(str, error.path))}: {error.message}"
    events = [event for day in document["schedule"]["conference"]["days"] for room in day["rooms"].values() for event in room]
    guids = [event["guid"] for event in events]
    if len(set(guids)) != len(guids) or not all(UUID.match(guid) for guid in guids):
        return None, "event guids must be unique UUIDs"
    return f"valid, {len(events)} events", None


def check_csv(path):
    text = path.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or any(len(row) != len(rows[0]) for row in rows):
        return None, "every row must have as many fields as the header"
    if text and not text.endswith("\r\n"):
        return None, "records must end with CRLF"
    return f"{len(rows) - 1} meetings, {len(rows[0])} columns", None


def main():
    folder, schemas = Path(sys.argv[1]), Path(sys.argv[2])
    schema = json.loads((schemas / "schema.json").read_text(encoding="utf-8"))
    for path in sorted(folder.iterdir()):
        try:
            if path.suffix == ".ics":
                message = check_ics(path)
                failed = not re.match(r"^\d+ events", message)
                print(f"{'FAIL' if failed else 'ok'} {path.name}: icalendar: {message}")
            elif path.suffix == ".json":
                if "schedule" not in json.loads(path.read_text(encoding="utf-8")):
                    continue
                good, bad = check_json(path, schema)
                print(f"ok {path.name}: jsonschema: {good}" if good else f"FAIL {path.name}: jsonschema: {bad}")
            elif path.suffix == ".csv":
                good, bad = check_csv(path)
                print(f"ok {path.name}: csv: {good}" if good else f"FAIL {path.name}: csv: {bad}")
        except Exception as error:  # a parser refusing the file is a failed check
            print(f"FAIL {path.name}: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
