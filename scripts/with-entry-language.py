"""Write an interchange file (JSONL or CSV) as Solex exports it since entries record their language: with a
`language` field, the first of `languages`, just before `languages`. Used to compare exports with files written
before the field existed (e.g. the benchmark kit's corpus).

usage: python3 with-entry-language.py IN OUT
"""
import csv
import io
import json
import sys


def first_language(languages):
    items = languages if isinstance(languages, list) else [x.strip() for x in languages.split(";") if x.strip()]
    return items[0] if items else ""


def convert_jsonl(text):
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        converted = {}
        for key, value in record.items():
            if key == "languages" and "language" not in record:
                converted["language"] = first_language(value)
            converted[key] = value
        out.append(json.dumps(converted, ensure_ascii=False))
    return "".join(line + "\n" for line in out)


def convert_csv(text):
    terminator = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    if "language" in header:
        return text
    at = header.index("languages")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=terminator)
    writer.writerow(header[:at] + ["language"] + header[at:])
    for row in rows[1:]:
        writer.writerow(row[:at] + [first_language(row[at])] + row[at:])
    return buffer.getvalue()


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8", newline="") as f:
        text = f.read()
    converted = convert_jsonl(text) if source.endswith(".jsonl") else convert_csv(text)
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write(converted)


if __name__ == "__main__":
    main()
