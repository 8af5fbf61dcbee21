"""Makes last year's SSDA903 return for a folder of this year's CSV files, with known differences, so that the rules
that compare the two years have something to find.

Usage: last_year903.py THIS_YEAR_DIR LAST_YEAR_DIR START   (START: this year's 1 April, dd/mm/yyyy)

Last year's return is this year's as it stood the day before START: episodes, missing periods, deprivation of liberty
orders and decisions to place for adoption begun before START, those still going then left open. Then, for about one
child in forty each, one difference a rule should catch (seeded, so the same every run): sex, date of birth,
ethnicity, UPN, mother status, first child's date of birth; the open episode's start and each of its details; the
episode missing altogether; a care leaver with no episodes this year left in care last year; a care leaver who died;
a decision to place for adoption missing, redated, ceased or left open; a missing period or order left open that
this year does not carry on; a child not UASC last year, UASC last year only, or UASC with another ceasing date.
"""
import csv, datetime, os, random, sys

src, dest, start_text = sys.argv[1:4]
START = datetime.datetime.strptime(start_text, "%d/%m/%Y").date()
rng = random.Random(903)
os.makedirs(dest, exist_ok=True)

def day(text):
    try:
        return datetime.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None

def write_day(d):
    return d.strftime("%d/%m/%Y")

def read(name):
    path = os.path.join(src, name)
    if not os.path.exists(path):
        return None, []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)

def write(name, fields, rows):
    with open(os.path.join(dest, name), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)

def as_it_stood(rows, start_field, end_fields, ended_field):
    """Rows begun before START, those going on after it left open."""
    kept = []
    for row in rows:
        begun = day(row[start_field])
        if begun is None or begun >= START:
            continue
        row = dict(row)
        ended = day(row[ended_field])
        if ended is None or ended >= START:
            for field in end_fields:
                row[field] = ""
        kept.append(row)
    return kept

def one_in(n):
    return rng.randrange(n) == 0

# Header: the child's details, some changed.
fields, header = read("header.csv")
for row in header:
    if one_in(40): row["SEX"] = {"1": "2", "2": "1", "M": "F", "F": "M"}.get(row["SEX"], row["SEX"])
    if one_in(40) and day(row["DOB"]): row["DOB"] = write_day(day(row["DOB"]) + datetime.timedelta(days=3))
    if one_in(40): row["ETHNIC"] = "WBRI" if row["ETHNIC"] != "WBRI" else "WIRI"
    if one_in(40) and row["UPN"] and not row["UPN"].startswith("UN"): row["UPN"] = row["UPN"][:-1] + "9"
    if one_in(40): row["MOTHER"] = {"1": "0", "0": "1"}.get(row["MOTHER"], row["MOTHER"])
    if one_in(40) and day(row["MC_DOB"]): row["MC_DOB"] = write_day(day(row["MC_DOB"]) - datetime.timedelta(days=30))
write("header.csv", fields, header)

# Episodes: as they stood; the open one's start or a detail changed, or some children's taken out.
fields, episodes = read("episodes.csv")
last = as_it_stood(episodes, "DECOM", ["DEC", "REC", "REASON_PLACE_CHANGE"], "DEC")
dropped = {row["CHILD"] for row in last if one_in(60)}
last = [row for row in last if row["CHILD"] not in dropped]
details = {"RNE": "P", "LS": "C2", "CIN": "N1", "PLACE": "U1", "PLACE_PROVIDER": "PR1", "URN": "SC999999"}
for row in last:
    if row["DEC"]:
        continue
    if one_in(40) and day(row["DECOM"]): row["DECOM"] = write_day(day(row["DECOM"]) - datetime.timedelta(days=7))
    for field, value in details.items():
        if one_in(40): row[field] = value if row[field] != value else ""
# Care leavers with no episodes this year: some given one left open last year.
_, leavers = read("oc3.csv")
with_episodes = {row["CHILD"] for row in episodes}
for row in leavers:
    if row["CHILD"] not in with_episodes and one_in(3):
        last.append({**{field: "" for field in fields}, "CHILD": row["CHILD"], "DECOM": write_day(START - datetime.timedelta(days=400)),
                     "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U1", "PLACE_PROVIDER": "PR1"})
write("episodes.csv", fields, last)

# Care leavers: some reported as having died.
fields, oc3 = read("oc3.csv")
for row in oc3:
    if one_in(40): row["IN_TOUCH"] = "DIED"
write("oc3.csv", fields, oc3)

# Decisions to place for adoption: as they stood; some missing, redated or ceased.
fields, placed = read("placed_for_adoption_errors.csv")
last = []
for row in as_it_stood(placed, "DATE_PLACED", ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], "DATE_PLACED_CEASED"):
    if one_in(30): continue
    if one_in(30) and day(row["DATE_PLACED"]): row["DATE_PLACED"] = write_day(day(row["DATE_PLACED"]) - datetime.timedelta(days=14))
    if not row["DATE_PLACED_CEASED"] and one_in(30):
        row["DATE_PLACED_CEASED"], row["REASON_PLACED_CEASED"] = write_day(START - datetime.timedelta(days=10)), "RD1"
    elif row["DATE_PLACED_CEASED"] and one_in(10) and day(row["DATE_PLACED"]):
        row["DATE_PLACED"] = write_day(day(row["DATE_PLACED"]) + datetime.timedelta(days=1))
        row["DATE_PLACED_CEASED"], row["REASON_PLACED_CEASED"] = "", ""
    last.append(row)
write("placed_for_adoption.csv", fields, last)

# Missing periods and deprivation of liberty orders: as they stood, and some left open that this year does not have.
for name, start, end in (("missing.csv", "MIS_START", "MIS_END"), ("DoLo.csv", "DOLO_START", "DOLO_END")):
    fields, rows = read(name)
    if fields is None:
        continue
    last = as_it_stood(rows, start, [end], end)
    for row in rows:
        if one_in(40) and day(row[start]):
            extra = dict(row)
            extra[start], extra[end] = write_day(START - datetime.timedelta(days=5)), ""
            last.append(extra)
    write(name, fields, last)

# UASC: some children not UASC last year, others with another ceasing date.
fields, uasc = read("uasc.csv")
last = []
for row in uasc:
    if one_in(20): continue
    if one_in(20): row["DUC"] = write_day(START - datetime.timedelta(days=40))
    last.append(row)
asylum_seekers = {row["CHILD"] for row in uasc}
for row in header:
    if row["CHILD"] not in asylum_seekers and one_in(200):
        last.append({"CHILD": row["CHILD"], "SEX": row["SEX"], "DOB": row["DOB"], "DUC": write_day(START + datetime.timedelta(days=300))})
write("uasc.csv", fields, last)

# The rest as they are.
for name in ("reviews.csv", "oc2.csv", "ad1.csv", "previous_permanence.csv", "sw_episodes.csv"):
    fields, rows = read(name)
    if fields is not None:
        write(name, fields, rows)
