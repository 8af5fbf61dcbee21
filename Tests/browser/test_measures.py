"""The Family Friendly Index as a head of service uses it: a value that turns an indicator red asks for the
story behind the curve, and the commentary then shows with the indicator. axe-core checks every page."""
import openpyxl
from playwright.sync_api import Page, expect

from conftest import MANAGER_PASSWORD
from test_foundation import check_accessible, sign_in


def test_red_value_asks_for_commentary_and_shows_on_the_dashboard(page: Page):
    sign_in(page, "tess.manager", MANAGER_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Measures", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Family Friendly Index")
    check_accessible(page)

    page.get_by_role("link", name="16 and 17 year olds not in education, employment or training").first.click()
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
    row = page.get_by_role("table", name="Indicators for measure 3").get_by_role("row").filter(has_text="16 and 17 year olds not in education")
    expect(row).to_contain_text("3.5%")
    expect(row).to_contain_text("Red")
    expect(row).to_contain_text("Target 2%")


def test_download_an_indicator_correct_it_in_excel_and_upload_it(page: Page, tmp_path):
    """A head of service downloads an indicator's figures as Excel, adds a year with a mistake, is told the row and
    column, puts it right and uploads again. openpyxl (what many councils' scripts use) reads and writes the file."""
    sign_in(page, "tess.manager", MANAGER_PASSWORD)
    page.goto("/measures")
    glance = page.get_by_role("figure").filter(has_text="Every indicator at a glance")
    expect(glance).to_contain_text("Children living in low income families")
    check_accessible(page)

    # Bars by ward: the plan's key facts give three wards' projected share of residents aged 0 to 19.
    page.get_by_role("link", name="Children and young people aged 0 to 19 as a share of residents (projected)").first.click()
    wards = page.get_by_role("figure").filter(has_text="by ward, 2025")
    expect(wards).to_contain_text("Of 3 wards, Golders Green is highest at 32%")
    check_accessible(page)

    page.goto("/measures/low-income-families")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel", exact=True).click()
    downloaded = tmp_path / "low-income-families-values.xlsx"
    download_info.value.save_as(downloaded)
    workbook = openpyxl.load_workbook(downloaded)
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["indicator", "area", "period", "value"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert ["low-income-families", "Barnet", "2016", 13.5] in [row[:4] for row in rows]

    # Add 2017 with a decimal comma, as someone might type it.
    sheet.append(["low-income-families", "Barnet", "2017", "12,5"])
    workbook.save(downloaded)
    page.get_by_role("link", name="upload a CSV or Excel file").click()
    page.get_by_label("CSV or Excel file").set_input_files(downloaded)
    page.get_by_role("button", name="Check and upload").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("was not uploaded; nothing was changed")
    expect(alert).to_contain_text(f'row {len(rows) + 2}, column "value": "12,5" is not a number')
    check_accessible(page)

    sheet.cell(row=len(rows) + 2, column=4, value=12.5)
    workbook.save(downloaded)
    page.get_by_label("CSV or Excel file").set_input_files(downloaded)
    page.get_by_role("button", name="Check and upload").click()
    expect(page.get_by_role("status")).to_contain_text(f"1 value added, 0 changed, {len(rows)} unchanged")
    check_accessible(page)

    page.goto("/measures/low-income-families")
    expect(page.get_by_role("table", name="Data for the chart: Children living in low income families")).to_contain_text("12.5%")
