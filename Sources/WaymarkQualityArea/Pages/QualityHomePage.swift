import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The quality area's first page: what is here now, and what is coming.
public enum QualityHomePage {
    public static func render(context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Quality")),
                .p(.class("lead"), .text(Area.quality.summary)),
                .h2(.a(.href(SiteURL.quality(.actions).path), .text(LearningActionPages.listTitle))),
                .p(
                    .text(
                        "The actions audits lead to: those you own, to close with the evidence that they are done, and those waiting for you to verify."
                    )),
                .h2(.a(.href(SiteURL.quality(.report()).path), .text("The monthly QA report"))),
                .p(
                    .text(
                        "For heads of service: how cases were graded this month and over the year, team by team and domain by domain, each share with how sure we can be of it; what moderation changed; and what audits most often find missing. On the page and as a PDF."
                    )),
                .h2(.a(.href(SiteURL.quality(.summary()).path), .text("The partnership's summary"))),
                .p(
                    .text(
                        "What partners and the board see of Quality: the service's grades over the 12 months, quarter by quarter and domain by domain, moderation, findings and learning actions, with no team, name or child, and counts from 1 to 4 hidden."
                    )),
                .h2(.a(.href(SiteURL.quality(.selfEvaluation()).path), .text("The self-evaluation pack"))),
                .p(
                    .text(
                        "Ofsted's three questions, what we know about our practice, how we know it and what we are doing about it, answered from audits, moderation, supervision and the actions open, with the narrative leaders write. On the page and as a PDF."
                    )),
                .h2(.a(.href(SiteURL.supervision(.home).path), .text("Supervision"))),
                .p(
                    .text(
                        "Your supervision and the people you supervise: each session with its reflection and actions, and each child discussed recorded on their file as management oversight; who is overdue supervision and which children are overdue a case discussion."
                    )),
                .h2(.a(.href(SiteURL.quality(.programmes).path), .text(ProgrammesPage.title))),
                .p(
                    .text(
                        "Each programme audits a seeded, stratified random sample of children, every one assigned to an auditor who is not their worker or their team's manager. The audit form shows, beside each question, what Waymark's records already say about the child."
                    )),
                .if(
                    context.viewer?.role.permissions.contains(.conductAudits) == true,
                    .group(
                        .h2(.a(.href(SiteURL.quality(.myAudits).path), .text(MyAuditsPage.title))),
                        .p(.text("The audits assigned to you, those to do first.")),
                        .h2(.a(.href(SiteURL.quality(.calibration).path), .text(CalibrationPages.listTitle))),
                        .p(
                            .text(
                                "Made-up cases every auditor grades on their own; once the team agrees its grades, you see, privately, how far yours were from them."
                            )))),
                .h2(.a(.href(SiteURL.quality(.instruments).path), .text(InstrumentsPage.title))),
                .p(
                    .text(
                        "What an audit asks, domain by domain: quality of assessment and of planning, the voice of the child, engagement with parents and carers, management oversight, and diversity and identity, each against the Practice Standards, with what is working well asked first. Each version is drafted and published here, and never changes once published."
                    )),
                .h2(.a(.href(SiteURL.quality(.agreement).path), .text(AgreementPage.title))),
                .p(
                    .text(
                        "Upload your moderation spreadsheet (each audit's grade from its auditor and from each moderator) and see how far your auditors agree: exact agreement, agreement within one grade, Cohen's kappa, Gwet's AC2 and Krippendorff's alpha, each with how sure we can be of it. Nothing in the file is kept."
                    )),
                .div(
                    .class("notice"),
                    .p(
                        .text(
                            "The performance measures for the audited children beside their grades are being built here next."
                        )))
            ))
    }
}
