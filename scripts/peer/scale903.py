"""Writes an SSDA903 return N times the size of the one given: each child copied N times under new identifiers
(`566910` becomes `566910`, `566910x1`, `566910x2`…), every other value unchanged, files and columns as they were.

Usage: scale903.py FROM_FOLDER TO_FOLDER N
"""
import csv, os, sys

source, target, times = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(target, exist_ok=True)
for name in sorted(os.listdir(source)):
    if not name.endswith(".csv"):
        continue
    with open(os.path.join(source, name), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], [row for row in rows[1:] if row]
    child = [column.strip().upper() for column in header].index("CHILD")
    with open(os.path.join(target, name), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for copy in range(times):
            for row in data:
                row = list(row)
                if copy:
                    row[child] = f"{row[child]}x{copy}"
                writer.writerow(row)
