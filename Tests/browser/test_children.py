"""A quality assurance auditor finds a child from the SSDA903 return, reads the chronology, and finds their own view
of the record in the audit trail. axe-core checks every page."""
from playwright.sync_api import Page, expect

import os
import re

from conftest import LEADER_PASSWORD, QA_PASSWORD
from test_foundation import check_accessible, check_rows_aligned, fill_date, sign_in


def test_open_a_child_read_the_chronology_and_find_the_view_in_the_audit_trail(page: Page):
    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Children", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children")
    expect(page.get_by_text("2676 children whose records you may open")).to_be_visible()
    check_accessible(page)

    page.get_by_label("Find a child by identifier, UPN or name").fill("566910")
    page.get_by_role("button", name="Search").click()
    # The search was posted: the identifier is not in the address.
    assert "566910" not in page.url
    check_accessible(page)
    page.get_by_role("link", name="566910").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Child 566910")
    chronology = page.get_by_role("table", name="Chronology: every dated record, oldest first")
    # Each record in words, its dates written out, its source (file and line) one click away.
    expect(chronology).to_contain_text("Looked after: ")
    expect(chronology).to_contain_text("15 February 2016 to 14 August 2017")
    source = chronology.locator("details").first
    assert source.evaluate("details => details.open") is False
    source.locator("summary").click()
    assert source.evaluate("details => details.open") is True
    expect(source).to_contain_text("episodes.csv, line 2")
    # Narrowed to one kind of record: only its rows remain.
    page.get_by_label("Kind of record").select_option(label="Looked-after review")
    page.get_by_role("button", name="Show").click()
    expect(chronology.locator("tbody tr").first).to_contain_text("Looked-after review")
    expect(page.get_by_text("left out by these choices")).to_be_visible()
    check_accessible(page)
    expect(chronology).to_contain_text("Looked-after review")
    check_rows_aligned(chronology)
    check_accessible(page)

    page.goto("/admin/audit")
    page.get_by_label("Record type").select_option("child")
    page.get_by_label("Record id").fill("566910")
    page.get_by_role("button", name="Search").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("quinn.qa")
    expect(table).to_contain_text("view")
    check_accessible(page)


def test_a_leader_imports_a_cin_census_through_the_browser(page: Page):
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    page.goto("/children")
    page.get_by_role("link", name="Import a statutory return (SSDA903 or CIN census) or the case system's extract").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a statutory return")
    check_accessible(page)
    page.get_by_label("Return").select_option("cin")
    census = os.path.join(os.path.dirname(__file__), "..", "ReturnsTests", "Fixtures", "d2i-cin-fake", "CIN_Census_2024.xml")
    page.get_by_label("Files").set_input_files(census)
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("Imported.")
    check_accessible(page)


def test_a_leader_imports_the_case_system_extract_and_reads_a_teams_caseload(page: Page, tmp_path):
    # Child 566910 of the SSDA903 return, allocated in the case system to a worker in Duty & Assessment Team 1.
    (tmp_path / "ssd_professionals.csv").write_text("prof_professional_id,prof_professional_name\nP1,Robin Ashworth\n")
    (tmp_path / "ssd_involvements.csv").write_text(
        "invo_involvements_id,invo_professional_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date\n"
        "I1,P1,Duty & Assessment Team 1,566910,2025-09-01 00:00:00,\n")
    (tmp_path / "ssd_cp_visits.csv").write_text(
        "cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_visit_seen_alone\n"
        "V1,566910,CP1,2025-09-12,Y,Y\n")
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    page.goto("/children/returns")
    page.get_by_label("Return").select_option("ssd")
    page.get_by_label("Files").set_input_files([str(tmp_path / name) for name in
                                                ("ssd_professionals.csv", "ssd_involvements.csv", "ssd_cp_visits.csv")])
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("allocations changed for 1 children")
    check_accessible(page)

    page.goto("/children")
    page.get_by_role("link", name="Caseloads: who holds which children now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseloads")
    expect(page.get_by_text(re.compile(r"team by team: 1 in \d+ teams"))).to_be_visible()
    teams = page.get_by_role("table", name="Children allocated now, by team")
    check_accessible(page)
    # The service area's weekly tracker, as at a day in the period the return covers, then back to the caseloads.
    page.get_by_role("link", name="Weekly tracker: Duty and Assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly tracker: Duty and Assessment")
    fill_date(page, "As at", "2017-03-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text(re.compile(r"^As at Wednesday 1 March 2017: \d+ overdue"))).to_be_visible()
    team_row = page.get_by_role("table", name=re.compile("by team")).get_by_role("row", name=re.compile("^Duty & Assessment Team 1"))
    expect(team_row.get_by_role("cell").first).to_have_text("1")  # the one child allocated in the extract
    for table in page.get_by_role("table").all():
        check_rows_aligned(table)
    check_accessible(page)
    page.go_back()
    page.go_back()
    teams.get_by_role("link", name="Duty & Assessment Team 1").click()
    expect(page.get_by_role("heading", level=2, name="Robin Ashworth: 1")).to_be_visible()
    # The team's daily tracker, as at a day in the period the return covers.
    page.get_by_role("link", name="Daily tracker: what is overdue and due this week").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Daily tracker: Duty & Assessment Team 1")
    fill_date(page, "As at", "2017-03-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text(re.compile(r"Wednesday 1 March 2017: \d+ overdue"))).to_be_visible()
    for table in page.get_by_role("table").all():
        check_rows_aligned(table)
    check_accessible(page)
    page.go_back()
    page.go_back()
    page.get_by_role("table", name="Children allocated to Robin Ashworth").get_by_role("link", name="566910").click()
    expect(page.get_by_text("Robin Ashworth, Duty & Assessment Team 1")).to_be_visible()
    expect(page.get_by_role("table", name="Chronology: every dated record, oldest first")).to_contain_text("Child protection visit")
    check_accessible(page)


def test_a_leader_checks_a_cin_census_with_the_dfe_rules_and_downloads_the_issues(page: Page):
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    page.goto("/children")
    page.get_by_role("link", name="Check a statutory return with the DfE's validation rules (nothing is imported)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a statutory return")
    check_accessible(page)
    census = os.path.join(os.path.dirname(__file__), "..", "ReturnsTests", "Fixtures", "d2i-cin-fake", "fake_CIN_data.xml")
    page.get_by_label("Return").select_option("cin")
    page.get_by_label("Collection year").select_option("2026")
    page.get_by_label("Files").set_input_files(census)
    page.get_by_role("button", name="Check the return").click()
    expect(page.get_by_role("heading", level=2, name="CIN census 2025/26: what the rules found")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("issues from")
    rules = page.get_by_role("table", name="Rules broken, most rows first")
    expect(rules.get_by_role("row").filter(has_text="4180")).to_contain_text("332")
    expect(page.get_by_role("heading", level=4, name="Child RND000215205141")).to_be_visible()
    check_accessible(page)

    # The issues as CSV, to compare rule by rule with another validator.
    page.get_by_label("Return").select_option("cin")
    page.get_by_label("Collection year").select_option("2026")
    page.get_by_label("Files").set_input_files(census)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the issues as CSV").click()
    assert download.value.suggested_filename == "cin-2025_26-issues.csv"
    with open(download.value.path(), encoding="utf-8") as issues:
        lines = issues.read().splitlines()
    assert lines[0] == "child_id,table,row_id,rule_code"
    assert "RND000215205141,ChildIdentifiers,0,4180" in lines


def test_a_childs_page_shows_the_validation_issues_of_the_records_the_return_holds(page: Page, tmp_path):
    # A 2025/26 return whose one episode ended (10 January 2025) before it began (1 February 2025): rule 356.
    # Otherwise the record is right: a UPN, both postcodes, and a return home (E13).
    (tmp_path / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nWM356,M,27/03/2012,WBRI,A123456789012,,\n")
    (tmp_path / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "WM356,01/02/2025,S,C2,N1,U1,PR1,10/01/2025,E13,,AB1 2CD,EF3 4GH,\n")
    sign_in(page, "lee.leader", LEADER_PASSWORD)
    page.goto("/children/returns")
    page.get_by_label("Return").select_option("903")
    page.get_by_label("Collection year (SSDA903)").fill("2026")
    page.get_by_label("Files").set_input_files([str(tmp_path / "header.csv"), str(tmp_path / "episodes.csv")])
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("Imported.")

    page.goto("/children")
    page.get_by_label("Find a child by identifier, UPN or name").fill("WM356")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="WM356").click()
    expect(page.get_by_role("heading", level=2, name="Validation issues")).to_be_visible()
    issues = page.get_by_role("table", name="SSDA903 2025/26: 1 error")
    row = issues.get_by_role("row").filter(has_text="356")
    expect(row).to_contain_text("Looked-after episode (DECOM 01/02/2025)")
    expect(row).to_contain_text("The date the episode ceased is before the date the same episode started.")
    check_accessible(page)
