"""A QA auditor reads what the case file audit asks, then measures how far the council's auditors agree, from the moderation spreadsheet they keep today: the
figures with their intervals and the sentence that leads with the right one; a mistaken table is refused with each
mistake's row and column. axe-core checks every page."""
from playwright.sync_api import Page, expect

from conftest import QA_PASSWORD
from test_foundation import check_accessible, sign_in


def test_a_qa_auditor_measures_agreement_from_a_moderation_table(page: Page, tmp_path):
    rows = ["Audit,Auditor,Second auditor,Essex"]
    for n in range(1, 31):
        first = "RI" if n <= 20 else "Good" if n <= 26 else "Inadequate"
        second = ("Good" if first == "RI" else "RI") if n % 5 == 0 else first
        rows.append(f"QA-{n},{first},{second},{'RI' if n <= 3 else ''}")
    (tmp_path / "moderation.csv").write_text("\n".join(rows) + "\n")
    (tmp_path / "mistaken.csv").write_text("Audit,Auditor,Moderator\nQA-1,Good,Goood\n")

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quality", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quality")
    check_accessible(page)
    page.get_by_role("link", name="The case file audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case file audit")
    expect(page.get_by_role("region", name="Management oversight")).to_contain_text("recorded on the file")
    check_accessible(page)
    page.get_by_role("link", name="Quality", exact=True).first.click()
    page.get_by_role("link", name="How far our auditors agree").click()
    check_accessible(page)

    page.get_by_label("CSV or Excel file of grades").set_input_files(str(tmp_path / "mistaken.csv"))
    page.get_by_role("button", name="Measure agreement").click()
    expect(page.get_by_role("alert")).to_contain_text('Row 2, column C (Moderator): "Goood" is not a grade')
    check_accessible(page)

    page.get_by_label("CSV or Excel file of grades").set_input_files(str(tmp_path / "moderation.csv"))
    page.get_by_role("button", name="Measure agreement").click()
    expect(page.get_by_role("heading", name="How far they agree, in moderation.csv")).to_be_visible()
    expect(page.get_by_text("30 audits were graded twice or more. The first two grades were the same for 80% of them.")).to_be_visible()
    figures = page.get_by_role("table", name="Each measure of agreement, on 30 audits graded twice or more")
    expect(figures.get_by_role("row").filter(has_text="Gwet's AC2")).to_contain_text("Headline")
    expect(figures.get_by_role("row").filter(has_text="Krippendorff's alpha")).to_be_visible()
    grades = page.get_by_role("table", name="How many of each grade each grader gave")
    expect(grades.get_by_role("row").filter(has_text="Requires improvement to be good")).to_contain_text("20")
    check_accessible(page)
