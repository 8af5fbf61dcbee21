"""Compares Waymark's validation issues with a D2I validator's, rule by rule.

Usage: compare.py WAYMARK_CSV PEER_CSV [--show CODE]

Both files list one issue a line with child_id, a table, row_id and rule_code (the peer names the table in
tables_affected and repeats a row once per field). Rows are matched on (child, table, row, rule); the table names
differ between the two (header/Header, sw_episodes/SWEpisodes), so they are compared case- and underscore-blind.
"""
import csv, sys
from collections import defaultdict

TABLES = {"placed_for_adoption": "placedadoption", "previous_permanence": "prevperm", "sw_episodes": "swepisodes"}

def key_table(name):
    name = name.strip().lower()
    return TABLES.get(name, name.replace("_", ""))

def read(path, table_field):
    found = defaultdict(set)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found[row["rule_code"]].add((row["child_id"], key_table(row[table_field]), int(float(row["row_id"]))))
    return found

def main():
    ours = read(sys.argv[1], "table")
    theirs = read(sys.argv[2], "tables_affected")
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    if show:
        for label, items in (("only Waymark", ours[show] - theirs[show]), ("only peer", theirs[show] - ours[show])):
            print(f"{label}: {len(items)}")
            for item in sorted(items)[:15]:
                print("  ", item)
        return
    print(f"{'rule':10} {'Waymark':>8} {'peer':>8} {'both':>8}  agreement")
    same = 0
    codes = sorted(set(ours) | set(theirs))
    for code in codes:
        a, b = ours[code], theirs[code]
        both = len(a & b)
        union = len(a | b)
        verdict = "agree" if a == b else f"{both / union:.0%}"
        same += a == b
        print(f"{code:10} {len(a):8} {len(b):8} {both:8}  {verdict}")
    print(f"{same} of {len(codes)} rules found by either agree row for row")

main()
