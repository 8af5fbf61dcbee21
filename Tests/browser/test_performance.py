"""Performance Matters as a head of service uses it: a month's assessment figure, the children behind it with the
late one first and why, and on to that child's record. axe-core checks every page."""
import datetime
import re

import openpyxl

from playwright.sync_api import Page, expect

from conftest import LEADER_PASSWORD
from test_foundation import check_accessible, fill_date, sign_in

# Two referrals in September 2025. 45 working days from Monday 1 September is Monday 3 November (no bank holiday
# falls between), so the assessment authorised on 20 November is 13 working days late; the other, referred on
# 15 September and authorised on 5 November, is on time (due 17 November). Both count in November 2025: the late
# one in the month it fell due, the other in the month it was met.
CENSUS = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>302</LEA><SoftwareCode>Waymark test</SoftwareCode><Release>1</Release>
      <SerialNo>001</SerialNo><DateTime>2026-04-10T09:00:00</DateTime></Source>
  </Header>
  <Children>
    {children}
  </Children>
</Message>
"""
CHILD = """<Child>
      <ChildIdentifiers><LAchildID>{id}</LAchildID><UPNunknown>UN1</UPNunknown>
        <PersonBirthDate>2016-05-04</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>{referral}</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
        <ReferralNFA>0</ReferralNFA>
        <Assessments><AssessmentActualStartDate>{referral}</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
      </CINdetails>
    </Child>"""


def import_census(page: Page, tmp_path):
    """Imports the two children through the upload page; importing again changes nothing."""
    census = tmp_path / "CIN_Census_2026.xml"
    census.write_text(CENSUS.format(children="\n    ".join([
        CHILD.format(id="PM-LATE-1", referral="2025-09-01", authorised="2025-11-20"),
        CHILD.format(id="PM-ONTIME-1", referral="2025-09-15", authorised="2025-11-05"),
    ])))
    page.goto("/children/returns")
    page.get_by_label("Return").select_option("cin")
    page.get_by_label("Files").set_input_files(str(census))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("Imported.")


def test_a_late_assessment_from_the_performance_figure_to_the_child(page: Page, tmp_path):
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    import_census(page, tmp_path)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Performance", exact=True).click()
    page.get_by_label("Period", exact=True).select_option(label="November 2025")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance Matters: November 2025")
    check_accessible(page)
    assessments = page.get_by_role("table", name="Assessment: November 2025")
    row = assessments.get_by_role("row", name=re.compile("^Assessments within 45 working days"))
    expect(row).to_contain_text("50.0%")
    expect(row).to_contain_text("1 of 2")

    row.get_by_role("link", name="50.0%").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessments within 45 working days: November 2025")
    check_accessible(page)
    late = page.get_by_role("table", name="Assessments within 45 working days, November 2025: not on time")
    expect(late.get_by_role("row")).to_have_count(2)  # the header and the one late child
    expect(late).to_contain_text("PM-LATE-1")
    expect(late).to_contain_text("13 working days late: due 3 November 2025")

    late.get_by_role("link", name="PM-LATE-1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("PM-LATE-1")
    expect(page.get_by_role("table", name="Chronology: every dated record, oldest first")).to_contain_text("Assessment authorised 20 November 2025")
    check_accessible(page)


def test_a_leader_checks_annex_a_and_downloads_the_workbook(page: Page, tmp_path):
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    import_census(page, tmp_path)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Performance", exact=True).click()
    page.get_by_role("link", name="Ofsted Annex A: the inspection lists, checked, as a workbook").click()
    fill_date(page, "As at", "2025-12-31")
    page.get_by_label("Column headers").select_option("gender")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ofsted Annex A: Wednesday 31 December 2025")
    lists = page.get_by_role("table", name=re.compile("^Rows in each list"))
    # The two referrals of September 2025.
    expect(lists.get_by_role("row", name=re.compile("^3 Referrals"))).to_contain_text("2")
    check_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the Annex A workbook (Excel)").click()
    path = tmp_path / "annex-a.xlsx"
    download.value.save_as(path)
    assert download.value.suggested_filename == "annex-a-2025-12-31.xlsx"
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [f"List {n}" for n in range(1, 12)]
    referrals = [row for row in workbook["List 3"].iter_rows(values_only=True)]
    assert referrals[0][:3] == ("Child Unique ID", "Gender", "Ethnicity")
    assert sorted(row[0] for row in referrals[1:]) == ["PM-LATE-1", "PM-ONTIME-1"]
    assert {row[5] for row in referrals[1:]} == {datetime.datetime(2025, 9, 1), datetime.datetime(2025, 9, 15)}


def test_the_data_quality_page_lists_what_cannot_be_as_recorded(page: Page):
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    page.goto("/performance")
    page.get_by_role("link", name=re.compile("Data quality")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data quality: journeys that cannot be as recorded")
    expect(page.get_by_role("table", name="Checks, how many records each found, and how the measures count them")).to_contain_text("Ends before it starts")
    check_accessible(page)
