"""The Family Friendly Index as a head of service uses it: a value that turns an indicator red asks for the
story behind the curve, and the commentary then shows with the indicator. axe-core checks every page."""
from playwright.sync_api import Page, expect

from conftest import MANAGER_PASSWORD
from test_foundation import check_accessible, sign_in


def test_red_value_asks_for_commentary_and_shows_on_the_dashboard(page: Page):
    sign_in(page, "tess.manager", MANAGER_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Measures", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Family Friendly Index")
    check_accessible(page)

    page.get_by_role("link", name="16 and 17 year olds not in education, employment or training").click()
    expect(page.get_by_role("figure")).to_contain_text("Data for the chart")
    check_accessible(page)

    # 3.5% against a target of 2% (lower is better) is red: the form asks for the commentary first.
    page.get_by_label("Period", exact=True).fill("2018")
    page.get_by_label("Value (percentage)").fill("3.5")
    page.get_by_label("Target for the period (optional)").fill("2")
    page.get_by_role("button", name="Save value").click()
    expect(page.get_by_text("This value is red against its target")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Enter the story behind the curve")
    check_accessible(page)

    page.get_by_label("The story behind the curve").fill("More young people left college part-way through the year.")
    page.get_by_label("Action plan").fill("Youth Service follow-up within two weeks of anyone leaving.")
    page.get_by_role("button", name="Save value").click()
    expect(page.get_by_role("status")).to_contain_text("The value has been saved")
    expect(page.locator("article.commentary")).to_contain_text("More young people left college part-way through the year.")
    check_accessible(page)

    # On the dashboard the indicator is now red against its target, with its latest value.
    page.get_by_role("link", name="Family Friendly Index").click()
    row = page.get_by_role("row").filter(has_text="16 and 17 year olds not in education")
    expect(row).to_contain_text("3.5%")
    expect(row).to_contain_text("Red")
    expect(row).to_contain_text("Target 2%")
