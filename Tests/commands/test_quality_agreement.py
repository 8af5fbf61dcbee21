"""`waymark quality agreement`: the agreement figures, worked out by Waymark, agree to 1e-9 with the reference
implementations on PyPI: scikit-learn's cohen_kappa_score (quadratic weights), irrCAC's Gwet AC2 (ordinal weights) and
the krippendorff package's ordinal alpha, on seeded tables of grades. The command opens no database."""
import csv
import sqlite3
import json
import math
import os

import numpy as np
import pandas as pd
import pytest
from irrCAC.raw import CAC
import krippendorff
from sklearn.metrics import cohen_kappa_score

from test_commands import files, waymark

GRADES = [0, 1, 2, 3]  # Outstanding, Good, Requires improvement to be good, Inadequate


def table(seed, audits, graders, agree, skew, third_share=0.0):
    """Seeded grades: the auditor's drawn with `skew` towards "requires improvement"; each moderator agrees with them
    with chance `agree`, else moves one grade (now and then two); a third grader for `third_share` of audits."""
    rng = np.random.RandomState(seed)
    weights = np.array([1, 3, 3 + skew, 2], dtype=float)
    rows = []
    for n in range(audits):
        first = rng.choice(GRADES, p=weights / weights.sum())
        grades = [first]
        for grader in range(1, graders):
            if grader == 2 and rng.rand() >= third_share:
                grades.append(None)
                continue
            step = 0 if rng.rand() < agree else rng.choice([-2, -1, -1, 1, 1, 2])
            grades.append(int(min(3, max(0, first + step))))
        rows.append([f"QA-{n + 1}"] + grades)
    return rows


def measured(tmp_path, rows, graders):
    path = tmp_path / "grades.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Audit", "Auditor", "Second auditor", "External moderator"][: graders + 1])
        for row in rows:
            writer.writerow([row[0]] + ["" if g is None else g + 1 for g in row[1:]])
    done = waymark(tmp_path, "quality", "agreement", "grades.csv", "--json")
    assert done.returncode == 0, done.stderr
    assert files(tmp_path) == ["grades.csv"], "the command opens no database and writes nothing"
    report = json.loads(done.stdout)
    return report, {figure["measure"]: figure for figure in report["figures"]}


@pytest.mark.parametrize("seed,audits,agree,skew", [(1, 60, 0.7, 0), (2, 200, 0.5, 6), (3, 35, 0.9, 12), (4, 120, 0.3, 2)])
def test_two_graders_agree_with_scikit_learn_and_irrcac(tmp_path, seed, audits, agree, skew):
    rows = table(seed, audits, 2, agree, skew)
    report, figures = measured(tmp_path, rows, 2)
    first = [row[1] for row in rows]
    second = [row[2] for row in rows]
    assert report["pairs"] == audits
    assert abs(figures["exact"]["value"] - np.mean([a == b for a, b in zip(first, second)])) < 1e-12
    assert abs(figures["adjacent"]["value"] - np.mean([abs(a - b) <= 1 for a, b in zip(first, second)])) < 1e-12
    kappa = cohen_kappa_score(first, second, weights="quadratic", labels=GRADES)
    assert abs(figures["quadraticKappa"]["value"] - kappa) < 1e-9, (figures["quadraticKappa"]["value"], kappa)
    gwet = CAC(pd.DataFrame({"a": first, "b": second}), weights="ordinal", categories=GRADES, digits=15).gwet()
    ac2 = gwet["est"]["coefficient_value"]
    assert abs(figures["gwetAC2"]["value"] - ac2) < 1e-9, (figures["gwetAC2"]["value"], ac2)
    # Each interval holds its figure (the bootstrap resamples the audits).
    for figure in figures.values():
        assert figure["lower"] <= figure["value"] <= figure["upper"], figure
    # The headline follows prevalence: Gwet's AC2 where one grade holds over 60% of grades.
    grades = first + second
    prevalence = max(grades.count(g) for g in GRADES) / len(grades)
    assert abs(report["prevalence"] - prevalence) < 1e-12
    assert report["headline"] == ("gwetAC2" if prevalence > 0.6 else "quadraticKappa")


@pytest.mark.parametrize("seed,audits,agree,third", [(5, 80, 0.6, 0.3), (6, 150, 0.8, 1.0)])
def test_three_graders_agree_with_krippendorff_and_irrcac(tmp_path, seed, audits, agree, third):
    rows = table(seed, audits, 3, agree, 4, third_share=third)
    report, figures = measured(tmp_path, rows, 3)
    data = [[np.nan if row[g] is None else row[g] for row in rows] for g in (1, 2, 3)]
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    assert abs(figures["krippendorffAlpha"]["value"] - alpha) < 1e-9, (figures["krippendorffAlpha"]["value"], alpha)
    frame = pd.DataFrame({"a": data[0], "b": data[1], "c": data[2]})
    ac2 = CAC(frame, weights="ordinal", categories=GRADES, digits=15).gwet()["est"]["coefficient_value"]
    assert abs(figures["gwetAC2"]["value"] - ac2) < 1e-9, (figures["gwetAC2"]["value"], ac2)


def test_a_table_with_mistakes_is_refused_with_each_place(tmp_path):
    (tmp_path / "grades.csv").write_text("Audit,Auditor,Moderator\nQA-1,Good,Good\nQA-2,Goood,5\n")
    done = waymark(tmp_path, "quality", "agreement", "grades.csv")
    assert done.returncode == 1
    assert done.stdout == ""
    assert 'Row 3, column B (Auditor): "Goood" is not a grade' in done.stderr
    assert 'Row 3, column C (Moderator): "5" is not a grade' in done.stderr
    assert files(tmp_path) == ["grades.csv"]


def test_the_table_for_a_terminal(tmp_path):
    rows = table(7, 12, 2, 0.8, 0)
    report, _ = measured(tmp_path, rows, 2)
    done = waymark(tmp_path, "quality", "agreement", "grades.csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "12 of 12 audits graded twice or more."
    assert lines[1] == "Too few to judge: fewer than 20 audits graded twice."
    assert any(line.startswith("Cohen's kappa (quadratic weights)") and "95% interval" in line for line in lines)


def test_an_audit_instrument_is_checked_whole(tmp_path):
    default = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "WaymarkQualityArea", "Instruments", "case-file-audit.yaml")
    done = waymark(tmp_path, "quality", "instrument", "check", default)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Case file audit, version 1: 6 domains, 13 items, graded Outstanding, Good, Requires improvement "
                                   "to be good or Inadequate.")
    broken = open(default).read().replace("acceptable: Requires improvement to be good", "acceptable: Fine").replace(
        "id: planning-smart", "id: assessment-current")
    (tmp_path / "broken.yaml").write_text(broken)
    done = waymark(tmp_path, "quality", "instrument", "check", "broken.yaml")
    assert done.returncode == 1
    assert done.stdout == ""
    assert 'scale.acceptable: "Fine" is not one of the grades' in done.stderr
    assert 'domains[1].items[0].id: "assessment-current" is used already' in done.stderr
    assert files(tmp_path) == ["broken.yaml"]


def test_a_sample_is_drawn_again_the_same_from_its_seed_and_the_draw_is_audited(tmp_path):
    loaded = waymark(tmp_path, "demo", "load", "--children", "300")
    assert loaded.returncode == 0, loaded.stderr
    args = ["quality", "sample", "--status", "looked-after,in-need", "--per-team", "2"]
    first = waymark(tmp_path, *args, "--seed", "11")
    assert first.returncode == 0, first.stderr
    again = waymark(tmp_path, *args, "--seed", "11")
    other = waymark(tmp_path, *args, "--seed", "12")
    sample = lambda done: done.stdout.split("The sample")[1].rsplit("Read the cohort", 1)[0]
    assert sample(first) == sample(again), "the same seed draws the same children"
    assert sample(first) != sample(other)
    assert "Seed 11: draw the same sample again with --status in-need,looked-after --per-team 2 --seed 11." in first.stdout
    # Every team drew at most two.
    rows = [line for line in first.stdout.split("TEAM", 1)[1].split("\n\n")[0].splitlines()[1:]]
    assert rows and all(int(row.split()[-1]) <= 2 for row in rows), rows
    # Those audited lately are left out: exclude the first child drawn, and they are not drawn again.
    first_child = sample(first).splitlines()[1].split()[0]
    (tmp_path / "audited.txt").write_text(first_child + "\n")
    excluded = waymark(tmp_path, *args, "--seed", "11", "--exclude", "audited.txt")
    assert excluded.returncode == 0, excluded.stderr
    assert first_child not in sample(excluded)
    assert "1 left out as audited lately" in excluded.stdout
    trail = sqlite3.connect(tmp_path / "data" / "waymark.sqlite").execute(
        "SELECT detail FROM audit_events WHERE record_type = 'audit-sample' ORDER BY occurred_at").fetchall()
    assert len(trail) == 4 and "seed 11" in trail[0][0], trail


def test_a_sample_asked_for_wrongly_says_why_in_one_line(tmp_path):
    for args, why in [(["--status", "everyone", "--per-team", "2"], '--status: "everyone" is not one of'),
                      (["--status", "looked-after"], "Give one of --per-team N or --total N"),
                      (["--status", "looked-after", "--per-team", "2", "--exclude", "nowhere.txt"], "There is no file nowhere.txt.")]:
        done = waymark(tmp_path, "quality", "sample", *args)
        assert done.returncode == 1
        assert done.stdout == ""
        assert why in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert files(tmp_path) == [], "a sample asked for wrongly opens no database"


def test_domain_by_domain_agrees_with_scikit_learn(tmp_path):
    rng = np.random.RandomState(9)
    domains = ["Quality of assessment", "Voice of the child", "Management oversight"]
    rows = []
    for n in range(80):
        for domain in domains:
            first = int(rng.choice(GRADES, p=[0.1, 0.3, 0.45, 0.15]))
            second = first if rng.rand() < 0.65 else int(min(3, max(0, first + rng.choice([-1, 1]))))
            rows.append((f"QA-{n + 1}", domain, first, second))
    path = tmp_path / "grades.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Audit", "Domain", "Auditor", "Moderator"])
        for audit, domain, first, second in rows:
            writer.writerow([audit, domain, first + 1, second + 1])
    done = waymark(tmp_path, "quality", "agreement", "grades.csv", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["audits"] == 80 and report["pairs"] == 240
    assert [d["domain"] for d in report["byDomain"]] == domains
    for entry in report["byDomain"]:
        mine = [(a, b) for _, domain, a, b in rows if domain == entry["domain"]]
        first, second = [a for a, _ in mine], [b for _, b in mine]
        assert entry["pairs"] == 80
        assert abs(entry["exact"] - np.mean([a == b for a, b in mine])) < 1e-12
        if entry["headline"]["measure"] == "quadraticKappa":
            expected = cohen_kappa_score(first, second, weights="quadratic", labels=GRADES)
        else:
            expected = CAC(pd.DataFrame({"a": first, "b": second}), weights="ordinal", categories=GRADES, digits=15).gwet()["est"]["coefficient_value"]
        assert abs(entry["headline"]["value"] - expected) < 1e-9, (entry, expected)
