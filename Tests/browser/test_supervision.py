"""A team manager sets up a worker's supervision agreement and records a session with its reflection and a private
wellbeing note; the worker reads it, the wellbeing note with it; a head of service would not. axe-core checks every
page."""
import datetime

from playwright.sync_api import Page, expect

from conftest import MANAGER_PASSWORD, WORKER_PASSWORD
from test_foundation import check_accessible, fill_date, sign_in


def test_a_team_manager_records_supervision_and_the_worker_reads_it(page: Page, browser):
    today = datetime.date.today()
    sign_in(page, "tess.manager", MANAGER_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quality", exact=True).click()
    page.get_by_role("link", name="Supervision", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision")
    expect(page.get_by_text("Sam Worker (Practitioner)")).to_be_visible()  # without an agreement yet
    check_accessible(page)

    page.get_by_role("link", name="Set up a supervision agreement").click()
    check_accessible(page)
    page.get_by_role("button", name="Set up the agreement").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the person supervised")
    check_accessible(page)
    page.get_by_label("The person supervised").select_option(label="Sam Worker (Practitioner)")
    page.get_by_label("Their supervisor").select_option(label="Tess Manager (Team manager)")
    fill_date(page, "The day it starts", (today - datetime.timedelta(days=40)).isoformat())
    page.get_by_role("group", name="Is the person a newly qualified social worker").get_by_label("No: monthly").check()
    page.get_by_role("button", name="Set up the agreement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision: Sam Worker")
    expect(page.get_by_text("days overdue")).to_be_visible()
    check_accessible(page)

    page.get_by_role("link", name="Record a session").click()
    check_accessible(page)
    page.get_by_role("group", name="Kind of session").get_by_label("One-to-one").check()
    fill_date(page, "The day it was held (or was to be)", today.isoformat())
    page.get_by_label("What happened").fill("A first month on the MASH rota.")
    page.get_by_label("What happens next").fill("Shadow a strategy discussion.")
    page.get_by_label("Wellbeing (private)").fill("Settling in well; no worries.")
    page.get_by_role("button", name="Record the session").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("One-to-one supervision with Sam Worker")
    expect(page.get_by_text("Settling in well; no worries.")).to_be_visible()
    check_accessible(page)

    # The worker sees their supervision, within its cadence now, and the session with its wellbeing note.
    context = browser.new_context(base_url=page.url.split("/supervision")[0])
    worker = context.new_page()
    sign_in(worker, "sam.worker", WORKER_PASSWORD)
    worker.goto("/supervision")
    expect(worker.get_by_text("Tess Manager")).to_be_visible()
    check_accessible(worker)
    worker.get_by_role("link", name="Your sessions").click()
    worker.get_by_role("link", name=today.strftime("%-d %B %Y")).click()
    expect(worker.get_by_text("Settling in well; no worries.")).to_be_visible()
    check_accessible(worker)
    context.close()
