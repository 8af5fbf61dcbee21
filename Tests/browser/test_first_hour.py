"""The first hour on a freshly loaded demo: each role signs in and its home page lists real work for it, the daily
tracker on today has work overdue and coming up, and the screenshots in docs/screenshots are taken from it."""
import csv
import datetime
import os
import re
import shutil
import subprocess
import tempfile

import pytest
from playwright.sync_api import Browser, expect

from conftest import _free_port, _waymark, serve
from test_foundation import check_accessible, check_rows_aligned, sign_in

PASSWORD = "harbour lantern meadow quill"
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")


def _busiest_worker(folder):
    """The intervention teams' worker holding the most children now (children in need and on child protection plans,
    visited every few weeks): their staff identifier, name and team."""
    with open(os.path.join(folder, "ssd", "ssd_professionals.csv")) as f:
        workers = {row["prof_professional_id"]: row for row in csv.DictReader(f)}
    held = {}
    with open(os.path.join(folder, "ssd", "ssd_involvements.csv")) as f:
        for row in csv.DictReader(f):
            if not row["invo_involvement_end_date"] and row["invo_professional_team"].startswith("Intervention"):
                held[row["invo_professional_id"]] = held.get(row["invo_professional_id"], 0) + 1
    worker = workers[max(held, key=held.get)]
    return worker["prof_staff_id"], worker["prof_professional_name"], worker["prof_professional_department"]


@pytest.fixture(scope="module")
def demo():
    """A server on the demo as `waymark demo load` makes it today, with an account for each role."""
    data = tempfile.mkdtemp(prefix="waymark-demo-")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"{data}/waymark.sqlite", "WAYMARK_PORT": str(port), "LOG_LEVEL": "warning"}
    loaded = _waymark(["demo", "load", "--children", "2000"], env)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    assert "Loaded the plan in force" in loaded.stdout, loaded.stdout
    # The same children, as files, to find the busiest worker. The demo made them an account (linked to their children by
    # staff identifier); an administrator gives it a password.
    made = _waymark(["demo", "generate", "--children", "2000", "--output", f"{data}/files"], env)
    assert made.returncode == 0, made.stderr
    staff_id, worker, team = _busiest_worker(f"{data}/files")
    listed = _waymark(["users", "list"], env)
    practitioners = [line.split()[0] for line in listed.stdout.splitlines()
                     if line.split()[1:2] == ["practitioner"] and line.rstrip().endswith(" " + worker)]
    assert len(practitioners) == 1, listed.stdout
    reset = _waymark(["users", "reset-password", practitioners[0], "--password-stdin"], env, stdin=PASSWORD + "\n")
    assert reset.returncode == 0 and PASSWORD not in reset.stdout, reset.stdout + reset.stderr
    accounts = [
        ["tm", "--name", "Tess Manager", "--role", "team-manager", "--team", team],
        ["hos", "--name", "Hari Head", "--role", "head-of-service", "--service-area", "Intervention and Planning"],
        ["dcs", "--name", "Dana Director", "--role", "leadership"],
        ["fs", "--name", "Fran Services", "--role", "partner", "--organisation", "Barnet Council – Family Services"],
    ]
    for account in accounts:
        created = _waymark(["users", "create", *account, "--password-stdin"], env, stdin=PASSWORD + "\n")
        assert created.returncode == 0, created.stdout + created.stderr
    server, base = serve(data, env, port)
    yield {"base_url": base, "team": team, "worker": worker, "sw": practitioners[0]}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def demo_page(browser: Browser, demo):
    context = browser.new_context(base_url=demo["base_url"], viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def _today_section(page, title):
    section = page.locator("section.today").filter(has=page.get_by_role("heading", level=3, name=re.compile(title)))
    expect(section).to_have_count(1)
    expect(section.get_by_role("listitem").first).to_be_visible()
    return section


@pytest.mark.parametrize("username,title", [
    ("tm", r"^Your team's clocks: "),
    ("sw", r"^Your children's clocks$"),
    ("hos", r"^Your teams' clocks: Intervention and Planning$"),
    ("dcs", r"^Actions overdue or red$"),
    ("fs", r"^Actions for Barnet Council – Family Services$"),
])
def test_each_role_s_home_lists_real_work_for_it(demo_page, demo, username, title):
    sign_in(demo_page, demo["sw"] if username == "sw" else username, PASSWORD)
    expect(demo_page.get_by_role("heading", level=2, name="What needs you today")).to_be_visible()
    section = _today_section(demo_page, title)
    # Each item is a link to the work itself.
    first = section.get_by_role("listitem").first.get_by_role("link")
    assert re.match(r"^/(children|plans)/", first.get_attribute("href"))
    check_accessible(demo_page)


def test_the_team_manager_s_morning_home_child_and_daily_tracker(demo_page, demo):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    sign_in(demo_page, "tm", PASSWORD)
    section = _today_section(demo_page, r"^Your team's clocks: ")
    expect(section).to_contain_text(re.compile(r"\d+ clocks? overdue"))
    demo_page.screenshot(path=os.path.join(SCREENSHOTS, "home.jpg"), full_page=True, quality=85)

    section.get_by_role("link", name="Open the team's daily tracker").click()
    expect(demo_page.get_by_role("heading", level=1)).to_have_text(f"Daily tracker: {demo['team']}")
    today = datetime.date.today()
    lead = demo_page.locator("p.lead")
    expect(lead).to_contain_text(f"{today.day} {today.strftime('%B %Y')}")
    # Work overdue and work coming up, today: a demo of this year, not of another.
    overdue = int(re.search(r"(\d+) overdue", lead.inner_text()).group(1))
    coming = int(re.search(r"(\d+) due in the next five working days", lead.inner_text()).group(1))
    assert overdue > 0 and coming > 0, lead.inner_text()
    check_rows_aligned(demo_page.get_by_role("table").first)
    check_accessible(demo_page)
    demo_page.screenshot(path=os.path.join(SCREENSHOTS, "daily-tracker.jpg"), quality=85)

    demo_page.get_by_role("table").first.locator("tbody tr").first.get_by_role("link").click()
    expect(demo_page.get_by_role("table", name=re.compile("^Chronology"))).to_be_visible()
    check_accessible(demo_page)
    demo_page.screenshot(path=os.path.join(SCREENSHOTS, "child.jpg"), quality=85)


def test_the_practitioner_s_children_were_found_by_staff_identifier(demo_page, demo):
    sign_in(demo_page, demo["sw"], PASSWORD)
    demo_page.goto("/children/caseloads")
    expect(demo_page.get_by_text(re.compile(r"^Found by your staff identifier in the case system, S\d+\.$"))).to_be_visible()
    check_accessible(demo_page)


def test_the_indicators_have_a_history_marked_as_demonstration_figures(demo_page):
    sign_in(demo_page, "dcs", PASSWORD)
    demo_page.goto("/measures")
    expect(demo_page.get_by_text(re.compile(r"^Demonstration figures from ")).first).to_be_visible()
    demo_page.goto("/measures/neet-16-17")
    expect(demo_page.get_by_text("Demonstration figures.")).to_be_visible()
    # The chart's table has a row for each year from the plan's to last year's.
    assert demo_page.locator("th[scope=row]").filter(has_text=re.compile(r"^20\d\d$")).count() >= 5
    check_accessible(demo_page)


_ISO_DAY = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
_FIELD_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _words_shown(page):
    """The main content's text as read, without the sources one click away in <details> (kept as the files have them)."""
    return page.locator("main").evaluate(
        "main => { const c = main.cloneNode(true); c.querySelectorAll('details, script, style').forEach(d => d.remove());"
        " return c.innerText; }")


def test_no_page_shows_a_raw_date_code_or_field_name(demo_page):
    """Dates as "6 December 2026", codes by their meaning: on the pages a director, a team manager and a data officer
    open first, none shows yyyy-mm-dd, a case system's field name or its JSON."""
    sign_in(demo_page, "dcs", PASSWORD)
    pages = ["/", "/children/caseloads", "/performance", "/plan", "/plans/cypp-delivery-demo/actions", "/documents", "/measures",
             "/measures/assessments", "/performance/data-quality"]
    demo_page.goto("/children/caseloads")
    pages.append(demo_page.locator("main a[href^='/children/caseloads/']").first.get_attribute("href"))
    demo_page.goto("/performance")
    pages.append(demo_page.locator("main a[href^='/performance/measures/']").first.get_attribute("href"))
    # A child behind that figure, with their chronology.
    demo_page.goto(pages[-1])
    pages.append(demo_page.locator("main td a[href^='/children/']").first.get_attribute("href"))
    demo_page.goto("/plan")
    boards = demo_page.locator("main a[href^='/boards/']")
    if boards.count():
        pages.append(boards.first.get_attribute("href"))
    for path in pages:
        demo_page.goto(path)
        shown = _words_shown(demo_page)
        assert not _ISO_DAY.search(shown), f"{path}: {_ISO_DAY.search(shown).group(0)} in " + shown[:200]
        assert not _FIELD_NAME.search(shown), f"{path}: {_FIELD_NAME.search(shown).group(0)}"
        assert "{" not in shown, path


def test_annex_a_on_today_lists_children_in_every_list_but_adopters(demo_page):
    sign_in(demo_page, "dcs", PASSWORD)
    demo_page.goto("/performance/annex-a")
    counts = demo_page.get_by_role("table", name=re.compile(r"^Rows in each list")).locator("tbody tr")
    rows = {int(r.locator("th, td").nth(0).inner_text()): int(r.locator("td").last.inner_text().replace(",", ""))
            for r in counts.all()}
    # List 11 describes adopters, which no return or extract Waymark reads holds.
    assert all(rows[n] > 0 for n in range(1, 11)), rows
    check_accessible(demo_page)


def test_an_indicator_that_is_a_performance_measure_is_worked_out_from_the_records(demo_page):
    sign_in(demo_page, "dcs", PASSWORD)
    demo_page.goto("/measures/assessments")
    table = demo_page.get_by_role("table", name=re.compile(r"the borough's figures by period$"))
    # The whole year the demo's records cover, linked to the children behind it.
    year = table.locator("tbody tr").filter(has_text=re.compile(r"^1 April \d{4} to 31 March \d{4}"))
    expect(year).to_have_count(1)
    expect(year.get_by_role("link")).to_have_text(re.compile(r"^\d+(\.\d)?% \([\d,]+ of [\d,]+\)$"))
    check_accessible(demo_page)
