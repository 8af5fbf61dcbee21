"""Writes a fake CIN census for 2025/26 (reference date 31 March 2026) of N children, in the DfE's schema: each child
with identifiers, characteristics and one to three episodes, each episode with what its story needs (assessments with
factors, a child in need plan, section 47 enquiries, protection plans with reviews). About one value in fifty is
wrong on purpose (a date out of order or out of the year, a code not in its list, a missing field), so that most rules
have something to find. The same N and seed always give the same file.

Usage: fakecin.py N OUT.xml [SEED]
"""
import datetime as dt
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
SOURCES = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"]
FACTORS = ["1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C",
           "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "22A", "23A", "24A"]
DISABILITIES = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
ETHNICITIES = ["WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "MOTH", "AIND", "APKN", "ABAN", "BAFR", "BCRB", "CHNE", "OOTH"]
CATEGORIES = ["NEG", "PHY", "SAB", "EMO", "MUL"]
CHECK = "ABCDEFGHJKLMNPQRTUVWXYZ"


def odd():
    return rng.random() < 0.02


def day(d):
    return d.isoformat()


def between(a, b):
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def weekday(d):
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def upn():
    body = f"{rng.choice([201, 208, 316, 330, 886, 919, 938]):03d}{rng.randint(0, 999999999):09d}"
    total = sum(int(c) * (i + 2) for i, c in enumerate(body))
    letter = CHECK[total % 23]
    if odd():
        letter = CHECK[(total + 1) % 23]
    return letter + body


def element(lines, depth, name, value):
    if value is not None:
        lines.append(f"{'  ' * depth}<{name}>{value}</{name}>")


def episode(lines, referral, birth, last):
    nfa = rng.random() < 0.08
    closed = rng.random() < 0.6 or not last
    closure = between(referral + dt.timedelta(days=20), min(END, referral + dt.timedelta(days=400))) if closed else None
    if closure and odd():
        closure = END + dt.timedelta(days=10)
    lines.append("      <CINdetails>")
    element(lines, 4, "CINreferralDate", day(referral))
    element(lines, 4, "ReferralSource", "99" if odd() else rng.choice(SOURCES))
    element(lines, 4, "PrimaryNeedCode", None if nfa else ("N10" if odd() else f"N{rng.randint(1, 9)}"))
    if closed or nfa:
        element(lines, 4, "CINclosureDate", day(closure or referral + dt.timedelta(days=1)))
        element(lines, 4, "ReasonForClosure", "RC8" if nfa else rng.choice(["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]))
    if not nfa:
        stop = closure or END
        start = referral + dt.timedelta(days=rng.randint(0, 5))
        if odd():
            start = referral - dt.timedelta(days=3)
        done = start + dt.timedelta(days=rng.randint(10, 60))
        lines.append("        <Assessments>")
        element(lines, 5, "AssessmentActualStartDate", day(start))
        if done <= stop or closed:
            element(lines, 5, "AssessmentAuthorisationDate", day(min(done, stop)))
            lines.append("          <FactorsIdentifiedAtAssessment>")
            for factor in rng.sample(FACTORS, rng.randint(1, 4)) if rng.random() > 0.05 else ["21"]:
                element(lines, 6, "AssessmentFactors", factor)
            lines.append("          </FactorsIdentifiedAtAssessment>")
        lines.append("        </Assessments>")
        if rng.random() < 0.35:
            s47 = weekday(start + dt.timedelta(days=rng.randint(0, 5)))
            target = weekday(s47 + dt.timedelta(days=21))
            conference = weekday(s47 + dt.timedelta(days=rng.randint(5, 25)))
            lines.append("        <Section47>")
            element(lines, 5, "S47ActualStartDate", day(s47))
            element(lines, 5, "InitialCPCtarget", day(target))
            held = conference <= stop and rng.random() < 0.7
            element(lines, 5, "DateOfInitialCPC", day(conference) if held else None)
            element(lines, 5, "ICPCnotRequired", "false" if held or (not closed and rng.random() < 0.5) or odd() else "true")
            lines.append("        </Section47>")
            if held and rng.random() < 0.8:
                plan_end = conference + dt.timedelta(days=rng.randint(60, 500))
                if closure and not odd():
                    plan_end = min(plan_end, closure)
                lines.append("        <ChildProtectionPlans>")
                element(lines, 5, "CPPstartDate", day(conference))
                element(lines, 5, "CPPendDate", day(plan_end) if plan_end <= stop else None)
                element(lines, 5, "InitialCategoryOfAbuse", "XXX" if odd() else rng.choice(CATEGORIES))
                element(lines, 5, "LatestCategoryOfAbuse", rng.choice(CATEGORIES))
                element(lines, 5, "NumberOfPreviousCPP", None if odd() else str(rng.randint(0, 2)))
                reviews = []
                review = conference + dt.timedelta(days=90)
                while review <= min(stop, plan_end):
                    reviews.append(day(review))
                    review += dt.timedelta(days=180)
                if reviews:
                    lines.append("          <Reviews>")
                    for review in reviews:
                        element(lines, 6, "CPPreviewDate", review)
                    lines.append("          </Reviews>")
                lines.append("        </ChildProtectionPlans>")
                stop = min(stop, plan_end)
        if rng.random() < 0.4 and done < stop:
            lines.append("        <CINPlanDates>")
            element(lines, 5, "CINPlanStartDate", day(done))
            plan_end = done + dt.timedelta(days=rng.randint(30, 300))
            if closure and not odd():
                plan_end = min(plan_end, closure)
            element(lines, 5, "CINPlanEndDate", day(plan_end) if plan_end <= (closure or END) else None)
            lines.append("        </CINPlanDates>")
    element(lines, 4, "ReferralNFA", "true" if nfa else "false")
    lines.append("      </CINdetails>")
    return closure or END


lines = ['<?xml version="1.0" encoding="utf-8"?>', "<Message>", "  <Header>", "    <CollectionDetails>",
         "      <Collection>CIN</Collection>", "      <Year>2026</Year>", "      <ReferenceDate>2026-03-31</ReferenceDate>",
         "    </CollectionDetails>", "    <Source>", "      <SourceLevel>L</SourceLevel>", "      <LEA>201</LEA>",
         "      <SoftwareCode>Waymark fake</SoftwareCode>", "      <Release>1</Release>", "      <SerialNo>1</SerialNo>",
         "      <DateTime>2026-04-30T09:00:00</DateTime>", "    </Source>", "  </Header>", "  <Children>"]
for n in range(count):
    birth = between(dt.date(2008, 4, 1), dt.date(2025, 12, 31))
    lines.append("    <Child>")
    lines.append("      <ChildIdentifiers>")
    element(lines, 4, "LAchildID", f"CIN{n:06d}")
    if birth.year >= 2021:
        element(lines, 4, "UPNunknown", "UN1")
    else:
        element(lines, 4, "UPN", upn())
    element(lines, 4, "PersonBirthDate", day(birth))
    element(lines, 4, "Sex", "1" if odd() else rng.choice(["M", "F", "M", "F", "U"]))
    lines.append("      </ChildIdentifiers>")
    lines.append("      <ChildCharacteristics>")
    element(lines, 4, "Ethnicity", "ZZZZ" if odd() else rng.choice(ETHNICITIES))
    lines.append("        <Disabilities>")
    for code in (rng.sample(DISABILITIES, rng.randint(1, 2)) if rng.random() < 0.15 else ["NONE"]):
        element(lines, 5, "Disability", code)
    lines.append("        </Disabilities>")
    lines.append("      </ChildCharacteristics>")
    referral = between(max(birth, dt.date(2023, 4, 1)), dt.date(2026, 3, 1))
    episodes = rng.choice([1, 1, 1, 2, 2, 3])
    for index in range(episodes):
        ended = episode(lines, referral, birth, index == episodes - 1)
        referral = ended + dt.timedelta(days=rng.randint(1, 60))
        if referral > END - dt.timedelta(days=5):
            break
    lines.append("    </Child>")
lines += ["  </Children>", "</Message>", ""]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
