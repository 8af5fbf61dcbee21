"""What a person does first in Waymark: sign in, move through the navigation, use admin, sign out.
axe-core checks every page visited (WCAG 2.2 AA rules) and must find nothing."""
import json
import os
import re
import urllib.error
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import MANAGER_PASSWORD, PARTNER_PASSWORD

axe = Axe()
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def check_accessible(page: Page):
    results = axe.run(page, options=WCAG)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def check_rows_aligned(table):
    """Every cell is laid out as a table cell, and every cell of each row (the first ten) starts on one line: a class
    that sets display: block on a td takes it out of the table's layout (a staggered row, which axe does not see)."""
    displays = table.locator("th, td").evaluate_all("cells => [...new Set(cells.map(c => getComputedStyle(c).display))]")
    assert displays == ["table-cell"], f"cells laid out as {displays}"
    rows = table.locator("tbody tr")
    for index in range(min(rows.count(), 10)):
        tops = [round(cell.bounding_box()["y"]) for cell in rows.nth(index).locator("th, td").all()]
        assert max(tops) - min(tops) <= 1, f"row {index + 1} is staggered: its cells start at {tops}"


def fill_date(page: Page, legend: str, day: str):
    """Types a day (yyyy-mm-dd) into GOV.UK's three boxes under `legend`, as a person would: day, month, year."""
    year, month, date = day.split("-")
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(int(date)))
    group.get_by_label("Month").fill(str(int(month)))
    group.get_by_label("Year").fill(year)


def sign_in(page: Page, username: str, password: str):
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def choose_password(page: Page, current: str, new: str):
    page.get_by_label("Current password").fill(current)
    page.get_by_label("New password", exact=True).fill(new)
    page.get_by_label("New password again").fill(new)
    page.get_by_role("button", name="Save password").click()


def test_first_administrator_signs_in_changes_password_and_uses_every_area(page: Page, waymark_server):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in$"))
    check_accessible(page)

    # A wrong password: one message, the username kept.
    sign_in(page, "admin", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("The username or password is not right")
    expect(page.get_by_label("Username")).to_have_value("admin")
    check_accessible(page)

    # The one-time password made at first start must be replaced before anything else.
    sign_in(page, "admin", waymark_server["admin_password"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your own password")
    check_accessible(page)
    choose_password(page, waymark_server["admin_password"], "short")
    expect(page.locator("#newPassword-error")).to_contain_text("Use at least 12 characters.")
    check_accessible(page)
    choose_password(page, waymark_server["admin_password"], "granite meadow lantern owl")
    expect(page.get_by_role("status")).to_contain_text("Your password has been changed.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Waymark administrator")
    check_accessible(page)
    # The file that held the one-time password goes with it.
    assert not os.path.exists(waymark_server["admin_password_file"])

    # Every area in the navigation opens, and says which one is current.
    nav = page.get_by_role("navigation", name="Main")
    for area in ["Plan", "Measures", "Children", "Performance", "Quality", "Voice", "Directory", "Admin"]:
        nav.get_by_role("link", name=area, exact=True).click()
        expect(nav.get_by_role("link", name=area, exact=True)).to_have_attribute("aria-current", "page")
        check_accessible(page)

    # Admin: a form with mistakes keeps the values and puts each message beside its field.
    page.get_by_role("link", name="Add a user").click()
    page.get_by_label("Full name").fill("Robin Social Worker")
    page.get_by_role("button", name=re.compile("Add user")).click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a username.")
    expect(page.get_by_role("alert")).to_contain_text("Choose a role.")
    expect(page.get_by_label("Full name")).to_have_value("Robin Social Worker")
    check_accessible(page)
    page.get_by_label("Username").fill("robin.sw")
    page.get_by_label("Role").select_option("practitioner")
    page.get_by_label("Team").select_option(label="Duty & Assessment Team 1")
    page.get_by_role("button", name=re.compile("Add user")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Robin Social Worker has been added")
    expect(page.locator("code")).to_have_text(re.compile(r"^[a-z0-9]{4}(-[a-z0-9]{4}){3}$"))
    check_accessible(page)

    for link in ["Organisations", "Service areas", "Teams"]:
        page.get_by_role("navigation", name="Admin").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(link)
        check_accessible(page)

    # A partner system's API token: issued once, used to send a value, then revoked.
    page.get_by_role("navigation", name="Admin").get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens for partner systems")
    page.get_by_role("button", name="Issue token").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter what the system is")
    check_accessible(page)
    page.get_by_label("System", exact=True).fill("Youth Service case system")
    page.get_by_label("Organisation").select_option(label="Barnet Homes")
    page.get_by_label("16 and 17 year olds not in education, employment or training").check()
    page.get_by_role("button", name="Issue token").click()
    token = page.locator("#issued-token").inner_text()
    assert len(token) >= 40
    check_accessible(page)
    request = urllib.request.Request(
        page.url.split("/admin")[0] + "/api/v1/indicators/neet-16-17/values", method="POST",
        data=json.dumps({"values": [{"area": "Barnet", "period": "2016", "value": 2.0}]}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert json.load(response)["added"] == 1
    page.goto("/admin/api-tokens")
    row = page.get_by_role("row").filter(has_text="Youth Service case system")
    expect(row).not_to_contain_text("Never")
    row.get_by_role("button", name="Revoke the token for Youth Service case system").click()
    expect(page.get_by_role("status")).to_contain_text("The token has been revoked")
    try:
        urllib.request.urlopen(request)
        raise AssertionError("a revoked token was accepted")
    except urllib.error.HTTPError as refused:
        assert refused.code == 401

    # The audit trail shows the sign-in, the password change and the new user.
    page.get_by_role("navigation", name="Admin").get_by_role("link", name="Audit trail").click()
    page.get_by_label("Username").fill("admin")
    page.get_by_role("button", name="Search").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("sign-in")
    expect(table).to_contain_text("password-changed")
    expect(table).to_contain_text("create")
    check_accessible(page)

    page.goto("/no-such-page")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    check_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/sign-in$"))
    page.goto("/admin/users")
    expect(page).to_have_url(re.compile(r"/sign-in$"))


def test_partner_sees_only_its_areas_and_is_refused_the_rest(page: Page):
    sign_in(page, "pat.partner", PARTNER_PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link")).to_have_text(["Plan", "Measures", "Directory"])
    check_accessible(page)
    page.goto("/children")
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this page")
    check_accessible(page)
    page.goto("/admin/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this page")


def test_keyboard_skip_link_and_visible_focus(page: Page):
    sign_in(page, "tess.manager", MANAGER_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Tess Manager")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # Tab on to the first card link: its focus style is the yellow GOV.UK focus background.
    page.keyboard.press("Tab")
    focused_background = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert focused_background == "rgb(255, 221, 0)", focused_background
