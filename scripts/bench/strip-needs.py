#!/usr/bin/env python3
"""Copies a benchmark corpus with the needs reduced to bare problem statements.

Every need keeps its title and description but loses its themes, SDG targets and tags, so that a matcher has to
work from the text alone (as with a need that arrives as a short statement without any classification). The
output folder gets needs.jsonl (stripped) and, copied unchanged, innovations.jsonl, truth.jsonl and manifest.json;
the CSV twins are not written.

    python3 scripts/bench/strip-needs.py --in CORPUS_DIR --out STRIPPED_DIR
"""
import argparse
import json
import os
import shutil
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--in", dest="source", required=True, help="corpus folder (innovations.jsonl, needs.jsonl, truth.jsonl)")
    parser.add_argument("--out", dest="target", required=True, help="folder to write (created if needed)")
    args = parser.parse_args()

    os.makedirs(args.target, exist_ok=True)
    for name in ("innovations.jsonl", "truth.jsonl", "manifest.json"):
        path = os.path.join(args.source, name)
        if os.path.exists(path):
            shutil.copyfile(path, os.path.join(args.target, name))

    count = 0
    with open(os.path.join(args.source, "needs.jsonl"), encoding="utf-8") as source, \
            open(os.path.join(args.target, "needs.jsonl"), "w", encoding="utf-8", newline="\n") as target:
        for line in source:
            if not line.strip():
                continue
            need = json.loads(line)
            need["themes"] = []
            need["sdg_targets"] = []
            need["tags"] = []
            target.write(json.dumps(need, ensure_ascii=False) + "\n")
            count += 1
    print(f"strip-needs: {count} needs without themes, SDG targets or tags -> {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
