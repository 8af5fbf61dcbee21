"""The command line does only what it says: commands that need no database touch none, standard output carries the
result alone (logs go to standard error), and only `serve` on the embedded default or `demo load` make demo data or an
administrator. Each test runs the real binary in an empty folder of its own."""
import os
import re
import subprocess
import time
import urllib.request

import pytest


def environment(**settings):
    """This process's environment without Waymark's own settings (the test's own only), so each test starts clean."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WAYMARK_") and k != "DATABASE_URL"}
    return {**clean, **settings}


def waymark(folder, *args, env=None, stdin=None, timeout=300):
    return subprocess.run([os.environ["WAYMARK_BIN"], *args], cwd=folder, env=environment(**(env or {})), input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def files(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder) for root, _, names in os.walk(folder) for name in names)


@pytest.mark.parametrize("args", [["version"], ["--help"], ["routes"], ["validate", "903", "--help"], ["plan", "export", "--help"]])
def test_commands_that_need_no_database_make_nothing(tmp_path, args):
    done = waymark(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert files(tmp_path) == [], "the folder should be left empty"
    assert done.stdout.strip(), "the command printed its result"


def test_validate_leaves_only_what_it_writes(tmp_path):
    made = waymark(tmp_path, "demo", "generate", "--output", "demo", "--children", "60", "--made-on", "2026-12-07")
    assert made.returncode == 0, made.stderr
    assert made.stderr == "", "no logs for a command that did its job"
    before = files(tmp_path)
    assert "demo/episodes.csv" in before and "demo/cin/cin-census-2026.xml" in before and "demo/ssd/ssd_person.csv" in before
    checked = waymark(tmp_path, "validate", "903", "demo", "--year", "2026", "--csv", "out.csv")
    assert checked.returncode == 0, checked.stderr
    assert files(tmp_path) == sorted(before + ["out.csv"])
    assert re.search(r"^SSDA903 2025/26: [\d,]+ issues? from", checked.stdout, re.M), checked.stdout


def test_the_generated_demo_breaks_only_the_rules_it_breaks_on_purpose(tmp_path):
    # docs/demo.md lists them; the CIN census's queries are about work really late at the year's end.
    made = waymark(tmp_path, "demo", "generate", "--output", "demo", "--made-on", "2026-12-07")
    assert made.returncode == 0, made.stderr
    assert "year-so-far/cin/cin-census-2027.xml" in made.stdout
    checked = waymark(tmp_path, "validate", "903", "demo", "--year", "2026")
    assert checked.returncode == 0, checked.stderr
    broken = re.findall(r"^  (\S+) (error|query), ([\d,]+) rows?,", checked.stdout, re.M)
    assert broken == [("440", "error", "2"), ("442", "error", "1")], checked.stdout
    census = waymark(tmp_path, "validate", "cin", "demo/cin/cin-census-2026.xml", "--year", "2026")
    assert census.returncode == 0, census.stderr
    broken = re.findall(r"^  (\S+) (error|query), ([\d,]+) rows?,", census.stdout, re.M)
    assert sorted((rule, rows) for rule, severity, rows in broken if severity == "error") == [("8608", "1"), ("8610", "2")], census.stdout
    assert {rule for rule, severity, _ in broken if severity == "query"} <= {"8670Q", "8675Q"}, census.stdout


def test_a_path_that_does_not_exist_is_named_and_nothing_is_made(tmp_path):
    for args in (["validate", "903", "nowhere", "--year", "2026"], ["import", "903", "nowhere", "--year", "2026"],
                 ["plan", "import", "nowhere.yaml"]):
        done = waymark(tmp_path, *args)
        assert done.returncode != 0
        assert done.stdout == ""
        assert "nowhere" in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert files(tmp_path) == []


def test_a_database_that_cannot_be_opened_is_named_in_one_line(tmp_path):
    done = waymark(tmp_path, "users", "list", env={"DATABASE_URL": "postgres://someone:secret@127.0.0.1:1/waymark"})
    assert done.returncode != 0
    # One line: the command's own word, which says which and why (the connection pool's error line is kept quiet).
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    last = lines[0]
    assert last.startswith("waymark: Waymark cannot open or migrate the PostgreSQL database waymark on 127.0.0.1:1: "), done.stderr
    assert "Connection refused" in last
    assert "secret" not in done.stderr, "the password is never printed"


def test_plan_export_then_import_through_standard_output_changes_nothing(tmp_path):
    loaded = waymark(tmp_path, "demo", "load", "--children", "0")
    assert loaded.returncode == 0, loaded.stderr
    exported = waymark(tmp_path, "plan", "export")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("# Waymark plan data file"), exported.stdout[:200]
    (tmp_path / "plan.yaml").write_text(exported.stdout)
    imported = waymark(tmp_path, "plan", "import", "plan.yaml")
    assert imported.returncode == 0, imported.stderr
    assert re.search(r": 0 actions added, 0 changed, \d+ unchanged, 0 removed; 0 organisations and 0 boards added\.$",
                     imported.stdout.strip()), imported.stdout


def test_return_export_then_import_changes_nothing(tmp_path):
    assert waymark(tmp_path, "demo", "load", "--children", "80", "--made-on", "2026-12-07").returncode == 0
    exported = waymark(tmp_path, "export", "903", "--year", "2026", "--output", "903")
    assert exported.returncode == 0, exported.stderr
    imported = waymark(tmp_path, "import", "903", "903", "--year", "2026")
    assert imported.returncode == 0, imported.stderr
    assert re.search(r"children: 0 added, 0 updated, \d+ unchanged; records: 0 added, 0 updated, \d+ unchanged", imported.stdout), imported.stdout
    census = waymark(tmp_path, "export", "cin", "--year", "2026", "--output", "cin.xml")
    assert census.returncode == 0, census.stderr
    again = waymark(tmp_path, "import", "cin", "cin.xml")
    assert re.search(r"children: 0 added, 0 updated, \d+ unchanged; records: 0 added, 0 updated, \d+ unchanged", again.stdout), again.stdout


def test_an_import_makes_no_administrator_and_says_how(tmp_path):
    assert waymark(tmp_path, "demo", "generate", "--output", "demo", "--children", "40", "--made-on", "2026-12-07").returncode == 0
    imported = waymark(tmp_path, "import", "cin", "demo/cin/cin-census-2026.xml")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Imported cin-census-2026.xml: children: ")
    assert "waymark users create NAME --name \"Full Name\" --role system-admin" in imported.stderr
    assert "Starting prepare" not in imported.stderr + imported.stdout, "migrations log at debug"
    assert not os.path.exists(tmp_path / "data" / "first-administrator-password")
    users = waymark(tmp_path, "users", "list")
    assert "admin" not in users.stdout


def serve_briefly(folder, env):
    port = 20000 + os.getpid() % 20000
    server = subprocess.Popen([os.environ["WAYMARK_BIN"], "serve"], cwd=folder,
                              env=environment(**env, WAYMARK_PORT=str(port), WAYMARK_DEMO_CHILDREN="25"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("Waymark did not start")
    finally:
        server.terminate()
    out, err = server.communicate(timeout=20)
    return out, err


def test_serve_on_the_embedded_default_loads_the_demo_and_makes_the_administrator(tmp_path):
    out, err = serve_briefly(tmp_path, {})
    assert "Loaded 25 demo children" in err
    assert "data/first-administrator-password" in out
    annex = waymark(tmp_path, "annex-a", "--on", "2026-03-31", "--output", "a.xlsx")
    assert re.search(r"^Read 25 children", annex.stdout, re.M), annex.stdout
    # Days as people write them.
    assert "Ofsted Annex A as at Tuesday 31 March 2026: 1 October 2025 to 31 March 2026" in annex.stdout, annex.stdout


def test_serve_on_a_database_the_person_named_loads_nothing_made_up(tmp_path):
    out, err = serve_briefly(tmp_path, {"DATABASE_URL": str(tmp_path / "council.sqlite")})
    assert "Loaded" not in err and out.strip() == "", err
    assert "waymark users create NAME" in err
    annex = waymark(tmp_path, "annex-a", "--on", "2026-03-31", "--output", "a.xlsx", env={"DATABASE_URL": str(tmp_path / "council.sqlite")})
    assert re.search(r"^Read 0 children", annex.stdout, re.M), annex.stdout
    assert not os.path.exists(tmp_path / "data")


def test_demo_load_says_when_the_database_already_has_children(tmp_path):
    first = waymark(tmp_path, "demo", "load", "--children", "30")
    assert first.returncode == 0, first.stderr
    assert "Loaded 30 demo children:" in first.stdout
    # The administrator is made though the demo brings accounts of its own (its QA team).
    assert "first-administrator-password" in first.stdout, first.stdout
    again = waymark(tmp_path, "demo", "load", "--children", "30")
    assert again.returncode == 0, again.stderr
    assert "The database already holds 30 children: no demo children were made." in again.stdout
    assert "Loaded" not in again.stdout


def test_validate_fails_when_a_file_could_not_be_read(tmp_path):
    """The report is printed whole, the files not read first; the command then fails, saying so in one line."""
    generated = waymark(tmp_path, "demo", "generate", "--output", "demo", "--children", "50", "--made-on", "2026-12-07")
    assert generated.returncode == 0, generated.stderr
    (tmp_path / "demo" / "photo.png").write_bytes(b"\x89PNG\r\n")
    done = waymark(tmp_path, "validate", "903", "demo", "--year", "2026")
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("photo.png: "), done.stdout[:300]
    assert "SSDA903 2025/26: " in done.stdout
    assert done.stderr.strip().splitlines() == ["waymark: 1 file could not be read (listed first): the return was checked without it."]


def test_validate_fails_when_a_file_of_last_years_return_could_not_be_read(tmp_path):
    for folder in ("this", "last"):
        generated = waymark(tmp_path, "demo", "generate", "--output", folder, "--children", "30", "--made-on", "2026-12-07")
        assert generated.returncode == 0, generated.stderr
    (tmp_path / "last" / "notes.txt").write_text("not a table\n")
    done = waymark(tmp_path, "validate", "903", "this", "--previous", "last", "--year", "2026")
    assert done.returncode == 1
    assert "Last year's return:" in done.stdout and "notes.txt" in done.stdout
    assert done.stderr.strip().splitlines() == ["waymark: 1 file could not be read (listed first): the return was checked without it."]


def test_validate_fails_on_a_return_with_no_rows(tmp_path):
    """An empty folder, files with only their headers, a census with no children: nothing was checked, which is never
    "0 issues"; the command says so and fails."""
    (tmp_path / "empty").mkdir()
    headers = tmp_path / "headers"
    headers.mkdir()
    (headers / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
    (headers / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n")
    (tmp_path / "census.xml").write_text(
        "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>"
        "<ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children></Children></Message>")
    for args in (["903", "empty"], ["903", "headers"], ["cin", "census.xml"]):
        done = waymark(tmp_path, "validate", *args, "--year", "2026")
        assert done.returncode == 1, (args, done.stdout)
        assert "0 issues" not in done.stdout, args
        assert done.stderr.strip().splitlines() == [
            "waymark: The return holds no rows, so nothing was checked: the files given are empty or hold only their headers."], args


def test_validation_counts_are_written_as_people_write_them(tmp_path):
    # The D2I fake return: rule 101 (sex written 1 or 2, the codes before 2024/25) on 2,675 rows.
    fake = os.path.join(os.path.dirname(__file__), "..", "ReturnsTests", "Fixtures", "d2i-903-fake")
    folder = tmp_path / "903"
    folder.mkdir()
    for name in os.listdir(fake):
        if name.endswith(".csv") and name != "placed_for_adoption_errors.csv":
            (folder / name).write_bytes(open(os.path.join(fake, name), "rb").read())
    checked = waymark(tmp_path, "validate", "903", "903", "--year", "2026")
    assert checked.returncode == 0, checked.stderr
    assert re.search(r"^  101 error, 2,675 rows, 2,675 children: ", checked.stdout, re.M), checked.stdout
    assert re.search(r"^SSDA903 2025/26: \d{1,3}(,\d{3})+ issues from \d+ rules", checked.stdout, re.M), checked.stdout


def test_an_administrator_sets_a_password_from_standard_input_and_a_weak_one_is_refused(tmp_path):
    assert waymark(tmp_path, "demo", "load", "--children", "0").returncode == 0
    created = waymark(tmp_path, "users", "create", "sam.worker", "--role", "practitioner", "--password-stdin",
                      stdin="amber lantern crossing tide\n")
    assert created.returncode == 0, created.stderr
    weak = waymark(tmp_path, "users", "reset-password", "sam.worker", "--password-stdin", stdin="short\n")
    assert weak.returncode != 0 and "The password was not accepted" in weak.stderr + weak.stdout
    chosen = waymark(tmp_path, "users", "reset-password", "sam.worker", "--password-stdin", stdin="quiet orchard silver kite\n")
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.strip() == "Set the password for sam.worker; their sessions have ended."
    assert "quiet orchard" not in chosen.stdout + chosen.stderr
