import WaymarkDomain
import WaymarkUI

/// The QA report's performance measures for the audited children beside their grades: how their visits, reviews and
/// other timescales went in the 12 months to each audit, by overall grade and team by team.
extension QualityReportPage {
    static func timeliness(_ timeliness: AuditTimeliness) -> Node<HTML.BodyContext> {
        guard timeliness.all.audits > 0 else { return .empty }
        return .group(
            .h2(.text("Timeliness for the same children")),
            .p(.text(timelinessSentence(timeliness))),
            timelinessTable(
                timeliness.byGrade + [timeliness.all], first: "Overall grade",
                caption: "How the audited children's timescales went in the 12 months to each audit, by the audit's overall grade"),
            timelinessTable(
                timeliness.byTeam, first: "Team", caption: "How the audited children's timescales went in the 12 months to each audit, team by team"))
    }

    static func timelinessTable(_ rows: [AuditTimeliness.Row], first: String, caption: String) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .forEach([first, "Audits"] + AuditTimeliness.Kind.allCases.map { "\($0.title) on time" }) {
                            .th(.attribute(named: "scope", value: "col"), .text($0))
                        })),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(row.name)), .td(.class("numeric"), .text(String(row.audits))),
                            .forEach(AuditTimeliness.Kind.allCases) { kind in .td(.class("numeric"), .text(tally(row.tallies[kind]))) })
                    })))
    }

    /// "45 of 52 (87%)", or "None due".
    static func tally(_ tally: AuditTimeliness.Tally?) -> String {
        guard let tally, let share = tally.share else { return "None due" }
        return "\(tally.onTime) of \(tally.due) (\(percent(share)))"
    }

    /// Visits on time for the children whose audits were good or better, beside those graded below.
    static func timelinessSentence(_ timeliness: AuditTimeliness) -> String {
        "As each audit's evidence showed them when it was submitted: for the children whose audits were graded good or better, visits on time "
            + tally(timeliness.goodOrBetter.tallies[.visits]).lowercased() + "; for those graded below good, "
            + tally(timeliness.below.tallies[.visits]).lowercased() + "."
    }
}
