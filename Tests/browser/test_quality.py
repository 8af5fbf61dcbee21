"""Quality: a QA lead publishes the default audit instrument (a mistaken file refused with each mistake's path) and an
auditor reads what it asks; an auditor measures how far the council's auditors agree, from the moderation spreadsheet
they keep today; programmes are drawn and audited, moderated by a second auditor and by another council. axe-core
checks every page."""
import re
import subprocess
import tempfile
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from conftest import EXTERNAL_PASSWORD, LEAD_PASSWORD, PARTNER_PASSWORD, QA_PASSWORD
from test_foundation import check_accessible, fill_date, sign_in


def answer_every_item_met_and_grade_good(page: Page):
    """The rest of the audit form: what difference the work made, every item met, every domain and overall good."""
    page.get_by_label("What difference has our work made to the child's daily life?").fill("She goes to school every day now.")
    for group in page.get_by_role("group").filter(has=page.get_by_label("Not applicable", exact=True)).all():
        group.get_by_label("Met", exact=True).check()
    for group in page.get_by_role("group", name=re.compile("^Grade for ")).all():
        group.get_by_label("Good", exact=True).check()
    page.get_by_role("group", name="Overall grade").get_by_label("Good", exact=True).check()


def an_instrument_is_published(page: Page):
    """Signed in as a QA lead: the default is published as it ships unless a version is already (each test stands
    alone), so a programme can be set up."""
    page.goto("/quality/instruments")
    if page.get_by_role("button", name="Start a draft from the default").count():
        page.get_by_role("button", name="Start a draft from the default").click()
        page.get_by_role("button", name=re.compile("^Publish version")).click()
        expect(page.get_by_text("The version has been published.")).to_be_visible()


def test_a_qa_lead_publishes_the_default_instrument_and_an_auditor_reads_it(page: Page):
    """Before any programme, the QA lead starts a draft from the default Waymark ships, has a mistaken file refused
    with each mistake's path, saves an edit, sees what it changes, and publishes it; an auditor reads what it asks."""
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    page.goto("/quality/programmes/new")
    expect(page.get_by_text("No audit instrument is published yet")).to_be_visible()
    page.get_by_role("link", name="Publish one first").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit instruments")
    check_accessible(page)
    page.get_by_role("button", name="Start a draft from the default").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case file audit, version 1 Draft")
    check_accessible(page)
    file = page.get_by_label("The instrument's file")
    shipped = file.input_value()
    file.fill(shipped.replace("acceptable: Requires improvement to be good", "acceptable: Fine"))
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("alert")).to_contain_text('scale.acceptable: "Fine" is not one of the grades')
    check_accessible(page)
    file.fill(shipped.replace("reflects the child's circumstances now.", "reflects the child's circumstances and wishes now."))
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("The draft has been saved.")).to_be_visible()
    changes = page.get_by_role("heading", name="What it changes from the default Waymark ships").locator("xpath=following-sibling::ul[1]")
    expect(changes).to_contain_text("Quality of assessment: item reworded")
    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_text("The version has been published.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case file audit, version 1 Published")
    expect(page.get_by_label("The instrument's file")).to_have_count(0)
    check_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quality", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quality")
    check_accessible(page)
    page.get_by_role("link", name="Audit instruments").click()
    page.get_by_role("link", name="Case file audit, version 1").click()
    expect(page.get_by_role("region", name="Quality of assessment")).to_contain_text("reflects the child's circumstances and wishes now.")
    expect(page.get_by_role("region", name="Management oversight")).to_contain_text("recorded on the file")
    expect(page.get_by_role("button", name=re.compile("^Start version"))).to_have_count(0)
    check_accessible(page)


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


def test_a_qa_lead_sets_up_a_programme_and_an_auditor_completes_an_audit(page: Page):
    """The QA lead draws a sample of children in care from a seed; the auditor opens their first audit, reads the
    evidence beside the form, is told what is missing, and submits it; the audit then shows what was found."""
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    an_instrument_is_published(page)
    page.goto("/quality")
    page.get_by_role("link", name="Audit programmes").click()
    page.get_by_role("link", name="Set up a programme").click()
    check_accessible(page)
    page.get_by_role("button", name="Draw the sample and set up the programme").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose who is in the cohort")
    check_accessible(page)
    page.get_by_label("Theme").fill("Children in care: planning for permanence")
    page.get_by_label("Looked after").check()
    page.get_by_label("A total, shared among the teams by size").check()
    page.get_by_label("How many children").fill("6")
    page.get_by_label("Seed (optional)").fill("2026")
    fill_date(page, "When the audits are due", "2099-01-31")
    page.get_by_role("button", name="Draw the sample and set up the programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children in care: planning for permanence")
    expect(page.get_by_text("2026: the same seed draws the same children from the same cohort")).to_be_visible()
    drawn = page.get_by_role("table", name="Each child's audit, in the order drawn")
    expect(drawn.get_by_role("row")).to_have_count(7)
    expect(drawn.get_by_role("row").filter(has_text="Quinn Auditor")).to_have_count(2)
    check_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.goto("/quality/audits")
    audits = page.get_by_role("table", name="The audits assigned to you, those to do first")
    expect(audits.get_by_role("row").filter(has_text="To do")).to_have_count(2)
    audits.get_by_role("row").nth(1).get_by_role("link").click()
    expect(page.get_by_role("complementary")).to_contain_text("What the records show, as at")
    check_accessible(page)
    page.get_by_label("What is working well for this child, and why?").fill("She is settled with her carers.")
    page.get_by_role("button", name="Submit the audit").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose an overall grade")
    check_accessible(page)
    answer_every_item_met_and_grade_good(page)
    page.get_by_role("button", name="Submit the audit").click()
    expect(page.get_by_text("The audit has been submitted.")).to_be_visible()
    expect(page.get_by_role("heading", name="Overall: Good")).to_be_visible()
    expect(page.get_by_role("table", name="Each grade as it was given, oldest first; none is ever overwritten").get_by_role("row")).to_have_count(8)
    check_accessible(page)

    # The QA lead's monthly report for this month shows the audit, on the page and in its PDF.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    page.goto("/quality")
    page.get_by_role("link", name="The monthly QA report").click()
    page.get_by_label("Month", exact=True).select_option(index=0)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quality assurance report")
    expect(page.get_by_role("table", name="Audits planned and done, and their overall grades")).to_contain_text("This month")
    check_accessible(page)
    response = page.request.get(page.get_by_role("link", name="Download this report as a PDF").get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(response.body())
        pdf.flush()
        text = " ".join(subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Quality assurance report" in text and "good or better" in text


def test_an_external_moderator_changes_a_grade_and_the_qa_lead_locks_the_decision(page: Page):
    """The triple lock: a programme sends every audit to another council's moderator; the auditor submits one; the
    external moderator, who sees nothing else, reads it pseudonymised and changes a domain grade with its reason; the
    QA lead decides it, and the grades lock."""
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    an_instrument_is_published(page)
    page.goto("/quality/programmes/new")
    page.get_by_label("Theme").fill("Children in care: the triple lock")
    page.get_by_label("Looked after").check()
    page.get_by_label("A total, shared among the teams by size").check()
    page.get_by_label("How many children").fill("8")
    page.get_by_label("Share a second auditor grades again (double lock)").fill("0")
    page.get_by_label("Share an external moderator grades (triple lock)").fill("100")
    fill_date(page, "When the audits are due", "2099-01-31")
    page.get_by_role("button", name="Draw the sample and set up the programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children in care: the triple lock")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.goto("/quality/audits")
    audits = page.get_by_role("table", name="The audits assigned to you, those to do first")
    audits.get_by_role("row").filter(has_text="Children in care: the triple lock").filter(has_text="To do").first.get_by_role("link").click()
    page.get_by_label("What is working well for this child, and why?").fill("She is settled with her carers.")
    answer_every_item_met_and_grade_good(page)
    page.get_by_role("button", name="Submit the audit").click()
    expect(page.get_by_text("The audit has been submitted.")).to_be_visible()
    expect(page.get_by_role("region", name="External moderation (triple lock)")).to_contain_text("Waiting for its external moderator, Erin Essex")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "erin.essex", EXTERNAL_PASSWORD)
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Children")).to_have_count(0)
    page.get_by_role("link", name="Open the audits to moderate").click()
    check_accessible(page)
    page.get_by_role("row").filter(has_text="Children in care: the triple lock").filter(has_text="To grade").first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("External moderation: Case")
    expect(page.get_by_role("complementary")).not_to_contain_text("Local identifier")
    check_accessible(page)
    for group in page.get_by_role("group", name=re.compile("^Your grade for ")).all():
        group.get_by_label("Good", exact=True).check()
    page.get_by_role("group", name="Your grade for quality of planning").get_by_label("Requires improvement to be good").check()
    page.get_by_role("button", name="Submit your grades").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why the grade for quality of planning should change")
    check_accessible(page)
    page.locator('input[name="external-planning-reason"][value="evidence-missed"]').check()
    page.locator('textarea[name="external-planning-rationale"]').fill("The plan has not been reviewed since March.")
    page.get_by_role("button", name="Submit your grades").click()
    expect(page.get_by_text("Where they differ from the council's, a QA lead there will decide.")).to_be_visible()
    response = page.request.get("/children")
    assert response.status == 403
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    page.goto("/quality/audits")
    page.get_by_role("row").filter(has_text="To decide").first.get_by_role("link").click()
    section = page.get_by_role("region", name="Decide the grades after external moderation")
    expect(section).to_contain_text("Standing: Good. External moderator: Requires improvement to be good.")
    check_accessible(page)
    section.get_by_role("group", name="Final grade for quality of planning").get_by_label("Requires improvement to be good").check()
    page.locator('input[name="final-planning-reason"][value="evidence-missed"]').check()
    page.locator('textarea[name="final-planning-rationale"]').fill("No review since March: Essex is right.")
    page.get_by_role("button", name="Decide and lock the grades").click()
    expect(page.get_by_text("The final grades have been decided and locked.")).to_be_visible()
    expect(page.get_by_role("heading", name="Quality of planning: Requires improvement to be good")).to_be_visible()
    expect(page.get_by_role("region", name="External moderation (triple lock)")).to_contain_text("the final grades were decided and are locked")
    check_accessible(page)


def test_auditors_grade_a_vignette_and_each_sees_how_far_they_were_from_the_agreed_grades(page: Page):
    """Calibration: the QA lead issues a made-up case; an auditor grades it on their own (told what they missed); the
    QA lead sees how the grades spread, with no names, and records the agreed grades; the auditor then sees, privately,
    how far theirs were."""
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    an_instrument_is_published(page)
    page.goto("/quality")
    page.get_by_role("link", name="Calibration").click()
    page.get_by_role("link", name="Issue a vignette").click()
    check_accessible(page)
    page.get_by_label("Title").fill("A child in need, six months on")
    page.get_by_label("The case").fill("Child A is 9 and lives with her mother.\n\nThe plan has no dates and no contingency.")
    fill_date(page, "The last day auditors grade it", (date.today() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Issue the vignette").click()
    expect(page.get_by_text("The vignette has been issued.")).to_be_visible()
    vignette = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.goto(vignette)
    expect(page.get_by_text("The plan has no dates and no contingency.")).to_be_visible()
    for group in page.get_by_role("group", name=re.compile("^Grade for ")).all():
        group.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Submit your grades").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose an overall grade")
    check_accessible(page)
    page.get_by_role("group", name="Overall grade").get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Submit your grades").click()
    expect(page.get_by_text("Your grades are in.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    page.goto(vignette)
    expect(page.get_by_text("1 person has graded it.")).to_be_visible()
    spread = page.get_by_role("table", name="How many gave each grade")
    expect(spread.get_by_role("row", name=re.compile("^Quality of planning"))).to_contain_text("Not yet")
    check_accessible(page)
    for group in page.get_by_role("group", name=re.compile("^Agreed grade for ")).all():
        group.get_by_label("Requires improvement to be good", exact=True).check()
    page.get_by_role("group", name="Agreed overall grade").get_by_label("Requires improvement to be good", exact=True).check()
    page.get_by_role("button", name="Record the agreed grades").click()
    expect(page.get_by_text("The agreed grades have been recorded.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "quinn.qa", QA_PASSWORD)
    page.goto(vignette)
    expect(page.get_by_text("You gave the agreed grade for 0 of 7, and were within one grade for 7 of 7.")).to_be_visible()
    mine = page.get_by_role("table", name="Your grades beside the agreed grades (only you see this)")
    expect(mine.get_by_role("row", name=re.compile("^Quality of planning"))).to_contain_text("1 grade more generous")
    check_accessible(page)


def test_a_qa_lead_writes_the_self_evaluation_and_downloads_the_pack(page: Page):
    """The self-evaluation pack: Ofsted's three questions with what the records show; the QA lead writes the narrative
    (one too long refused), and the PDF carries both."""
    sign_in(page, "quincy.lead", LEAD_PASSWORD)
    page.goto("/quality")
    page.get_by_role("link", name="The self-evaluation pack").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Self-evaluation: ")
    expect(page.get_by_role("region", name="2. How we know it")).to_contain_text("drew seeded, stratified random samples")
    check_accessible(page)
    page.get_by_role("textbox", name="What we know about the quality and impact of our practice").fill("Planning is our weakest domain.")
    page.get_by_role("textbox", name="How we know it").fill("x" * 10_001)
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.get_by_role("alert")).to_contain_text("must be 10000 characters or fewer")
    check_accessible(page)
    page.get_by_role("textbox", name="How we know it").fill("Monthly audits, each fifth graded again.")
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.get_by_text("The narrative has been saved.")).to_be_visible()
    response = page.request.get(page.get_by_role("link", name="Download the pack as a PDF").get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(response.body())
        pdf.flush()
        text = " ".join(subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "What we are doing about it" in text and "Planning is our weakest domain." in text


def test_a_partner_reads_the_partnerships_summary_with_small_numbers_hidden(page: Page):
    """A partner opens Quality's summary (their home page links to it once audits have been done): service-level
    figures, counts from 1 to 4 hidden, no team or child; the QA report itself stays closed to them."""
    sign_in(page, "pat.partner", PARTNER_PASSWORD)
    page.goto("/quality/summary")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quality of practice, for the partnership")
    expect(page.get_by_role("table", name="Audits done and their overall grades, over the 12 months and quarter by quarter")).to_be_visible()
    check_accessible(page)
    assert page.request.get("/quality/report").status == 403
