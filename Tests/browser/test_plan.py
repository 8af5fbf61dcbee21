"""The partnership plan as a partner uses it: My actions, recording an update on an action their organisation
is responsible for, and finding it in the next board report, as a page and as a PDF. axe-core checks every page."""
import re
import subprocess
import tempfile

from playwright.sync_api import Page, expect

from conftest import HOMES_PASSWORD
from test_foundation import check_accessible, sign_in

OUTCOMES = ["Family and Belonging", "Safe and Secure", "Health and Wellbeing", "Education and Learning",
            "Culture", "Cooperation and Leadership", "Communication"]
COMMENTARY = "Youth homelessness strategy: consultation with young people closes on 31 January."


def test_partner_updates_their_action_and_finds_it_in_the_board_report(page: Page):
    sign_in(page, "hana.homes", HOMES_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan", exact=True).click()
    check_accessible(page)
    page.get_by_role("link", name="My actions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My actions")
    expect(page.get_by_text("Actions Barnet Homes is responsible for")).to_be_visible()
    check_accessible(page)

    # 2.2.2 names Barnet Homes; it is in "Needing an update" (never updated) and in the full list.
    page.get_by_role("table", name="All my actions").get_by_role("link", name=re.compile("^Develop and deliver a new Youth Homelessness")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Action 2.2.2")
    check_accessible(page)

    # A mistake first: amber without a reason. The form comes back with the message and what was typed.
    page.get_by_label("What has happened since the last update").fill(COMMENTARY)
    page.get_by_label("Status").select_option("at-risk")
    page.get_by_label("Progress (per cent complete)").fill("35")
    page.get_by_label("RAG", exact=True).select_option("amber")
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why the action is amber")
    expect(page.get_by_label("What has happened since the last update")).to_have_value(COMMENTARY)
    check_accessible(page)

    page.get_by_label("Reason for the RAG (needed for red and amber)").fill("Consultation extended by a month at young people's request.")
    page.get_by_label("Evidence links (optional)").fill("https://example.org/youth-homelessness-consultation")
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_role("status")).to_contain_text("Your update has been saved")
    history = page.locator("ol.history")
    expect(history).to_contain_text(COMMENTARY)
    expect(history).to_contain_text("Hana Homes (Barnet Homes)")
    check_accessible(page)

    # An action Barnet Homes does not answer for: readable, but no update form.
    page.goto("/plans/cypp-2019-2023/actions/1.1.1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Action 1.1.1")
    expect(page.get_by_role("button", name="Save update")).to_have_count(0)

    # The next board report shows the change and the action at risk.
    page.goto("/plans/cypp-2019-2023")
    check_accessible(page)
    page.get_by_role("link", name="Board report").click()
    expect(page.get_by_role("table", name=re.compile(r"1 update recorded"))).to_contain_text(COMMENTARY)
    expect(page.get_by_role("table", name=re.compile("needing the board's attention"))).to_contain_text("Consultation extended by a month")
    check_accessible(page)

    # The PDF of the whole-plan report: valid, and its text holds every outcome title and the update.
    href = page.get_by_role("link", name="Download PDF").get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(body)
        pdf.flush()
        text = subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for title in OUTCOMES:
        assert title in flat, f"{title} is missing from the PDF"
    assert "consultation with young people closes on 31 January" in flat


def test_plan_pages_are_accessible(page: Page):
    sign_in(page, "hana.homes", HOMES_PASSWORD)
    for path, heading in [
        ("/plans/cypp-2019-2023/outcomes/1", "Family and Belonging"),
        ("/plans/cypp-2019-2023/actions?q=homelessness", "Find actions"),
        ("/plans/cypp-2023-2027-summary", "Barnet Children and Young People's Plan 2023–2027 (summary)"),
        ("/boards", "Boards"),
        ("/recommendations", "Ofsted recommendations"),
        ("/documents", "Strategy documents"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_accessible(page)

    # Filters are ordinary form fields: choose, apply, and the count says how many match.
    page.goto("/plans/cypp-2019-2023/actions")
    page.get_by_label("Responsible organisation").select_option(label="Barnet Homes")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("3 of 80 actions match.")
