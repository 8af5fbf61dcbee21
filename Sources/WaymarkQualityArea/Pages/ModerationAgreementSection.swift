import WaymarkDomain
import WaymarkUI

/// The QA report's measure of how far auditors agree in moderation over the 12 months: a sentence with the headline
/// and its interval, then one table by quarter, by domain and (for QA leads) by auditor, each row with the grades it
/// rests on, and "too few to judge" below 20.
extension QualityReportPage {
    static func agreement(_ agreement: ModerationAgreement, byAuditor: Bool) -> Node<HTML.BodyContext> {
        let measure = agreement.measure
        guard agreement.overall.pairs > 0 else {
            return .group(.h2(.text("How far auditors agree")), .p(.text("No grade was given twice in moderation in the 12 months.")))
        }
        let sections: [(heading: String, groups: [ModerationAgreement.Group])] =
            [
                ("All grades", [agreement.overall]),
                (
                    "Quarter by quarter",
                    agreement.byQuarter.map { quarter in
                        var named = quarter
                        named.name = AuditorBias.inWords(quarter: quarter.name)
                        return named
                    }
                ), ("Domain by domain", agreement.byDomain),
            ]
            + (byAuditor ? [("Auditor by auditor (their own grades, against their moderator's)", agreement.byAuditor)] : [])
        return .group(
            .h2(.text("How far auditors agree")),
            .p(.text(sentence(agreement))),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(
                        .text("Agreement between each grade and its moderator's over the 12 months, with \(measure.title) and its 95% interval")),
                    .thead(
                        .tr(
                            .forEach(["Grades", "Graded twice", "Same grade", "Within one grade", "\(measure.title) (95% interval)"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .forEach(sections) { section in
                        .tbody(
                            .tr(.th(.attribute(named: "scope", value: "colgroup"), .attribute(named: "colspan", value: "5"), .text(section.heading))),
                            .forEach(section.groups) { group in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(group.name)),
                                    .td(.class("numeric"), .text(String(group.pairs))),
                                    .td(.class("numeric"), .text(group.exact.map(AgreementPage.percent) ?? "–")),
                                    .td(.class("numeric"), .text(group.adjacent.map(AgreementPage.percent) ?? "–")),
                                    .td(.class("numeric"), .text(figure(group, measure))))
                            })
                    })),
            .unwrap(agreement.alpha) { alpha in
                .p(
                    .text(
                        "The external moderator graded \(Counted.phrase(agreement.gradedThrice, "grade")) as well as the second auditor. Across all three graders, Krippendorff's alpha is \(figure(alpha, .krippendorffAlpha))."
                    ))
            })
    }

    /// "0.87 (0.84 to 0.90)", or "Too few to judge: 0.87 (…)" under 20 grades.
    static func figure(_ group: ModerationAgreement.Group, _ measure: GradeAgreement.Measure) -> String {
        guard let value = group.value else { return "–" }
        let interval = group.interval.map {
            " (\(AgreementPage.figure($0.lowerBound, as: measure)) to \(AgreementPage.figure($0.upperBound, as: measure)))"
        }
        return (group.isTooFewToJudge ? "Too few to judge: " : "") + AgreementPage.figure(value, as: measure) + (interval ?? "")
    }

    static func sentence(_ agreement: ModerationAgreement) -> String {
        let overall = agreement.overall, measure = agreement.measure
        let rested = "Over the 12 months, \(Counted.phrase(overall.pairs, "grade")) \(overall.pairs == 1 ? "was" : "were") given again in moderation"
        guard !overall.isTooFewToJudge, let value = overall.value else {
            return rested + ": too few to judge agreement (it takes \(GradeAgreement.fewestPairs))."
        }
        let exact = overall.exact.map { "; the two grades were the same for \(AgreementPage.percent($0)) of them" } ?? ""
        let why =
            measure == .gwetAC2
            ? " Gwet's AC2 leads because \(AgreementPage.percent(agreement.prevalence)) of all grades were one grade, which holds kappa down however well auditors agree."
            : ""
        return rested + exact + ". \(measure.title) is \(figure(overall, measure)): \(AgreementPage.strength(value)).\(why)"
    }
}
