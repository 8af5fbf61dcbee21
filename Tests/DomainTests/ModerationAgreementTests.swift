import Testing
import WaymarkDomain

@Suite("Agreement in moderation from kept grades: overall, by quarter, domain and auditor, worked by hand")
struct ModerationAgreementTests {
    // Grades are places on Ofsted's scale: 0 outstanding, 1 good, 2 requires improvement, 3 inadequate.
    static let graded: [ModerationAgreement.Graded] = [
        .init(auditor: "Tom Reid", quarter: "2026 Q1", domain: "planning", grades: [1, 1]),
        .init(auditor: "Tom Reid", quarter: "2026 Q1", domain: "planning", grades: [1, 1]),
        .init(auditor: "Tom Reid", quarter: "2026 Q1", domain: "planning", grades: [2, 2]),
        .init(auditor: "Tom Reid", quarter: "2026 Q1", domain: "planning", grades: [2, 1]),
        .init(auditor: "Grace Mensah", quarter: "2026 Q2", domain: "voice", grades: [0, 2]),
        .init(auditor: "Grace Mensah", quarter: "2026 Q2", domain: "voice", grades: [2, 2, 2]),
    ]

    @Test("Exact and adjacent shares, quadratic kappa, groups in order, and alpha where the external moderator graded too")
    func byHand() throws {
        let agreement = ModerationAgreement(Self.graded, scaleSize: 4, domainOrder: ["voice", "planning"], resamples: 50)
        // 13 grades: 1 outstanding, 5 good, 7 RI: the commonest holds 7/13 = 54%, under 60%, so kappa leads.
        #expect(agreement.measure == .quadraticKappa && abs(agreement.prevalence - 7.0 / 13) < 1e-12)
        // First two grades: 4 of 6 the same, 5 of 6 within one. Kappa: observed weighted disagreement (2,1)·1 + (0,2)·4 = 5;
        // expected from the margins (first 1/2/3 at 0/1/2, second 3/3 at 1/2) Σ w·f·s / n = (3 + 12 + 6 + 9) / 6 = 5: 1 − 5/5 = 0.
        #expect(agreement.overall.pairs == 6 && agreement.overall.isTooFewToJudge)
        #expect(agreement.overall.exact == 4.0 / 6 && agreement.overall.adjacent == 5.0 / 6)
        let overall = try #require(agreement.overall.value)
        #expect(abs(overall) < 1e-12)
        // Tom Reid: 3 of 4 the same, all within one; kappa 1 − 1 / ((2·1 + 2·3) / 4) = 0.5. Grace Mensah: kappa 1 − 4 / (1·2·4 / 2) = 0.
        #expect(agreement.byAuditor.map(\.name) == ["Grace Mensah", "Tom Reid"])
        let tom = agreement.byAuditor[1]
        #expect(tom.pairs == 4 && tom.exact == 0.75 && tom.adjacent == 1)
        let (tomKappa, graceKappa) = (try #require(tom.value), try #require(agreement.byAuditor[0].value))
        #expect(abs(tomKappa - 0.5) < 1e-12)
        #expect(agreement.byAuditor[0].exact == 0.5 && abs(graceKappa) < 1e-12)
        #expect(agreement.byQuarter.map(\.name) == ["2026 Q1", "2026 Q2"] && agreement.byQuarter.map(\.pairs) == [4, 2])
        #expect(agreement.byDomain.map(\.name) == ["voice", "planning"], "domains in the instrument's order")
        // One grade was given by a third person: alpha reads every grade given, two or three to a case.
        #expect(agreement.gradedThrice == 1)
        let alpha = try #require(agreement.alpha)
        #expect(alpha.pairs == 6 && alpha.value == GradeAgreement(cases: Self.graded.map(\.grades), categories: 4).krippendorffAlpha)
    }

    @Test("With no third grader there is no alpha; nothing graded twice gives empty groups and no figures")
    func edges() {
        let twice = ModerationAgreement(Array(Self.graded.prefix(4)), scaleSize: 4, domainOrder: [], resamples: 10)
        #expect(twice.alpha == nil && twice.gradedThrice == 0)
        let none = ModerationAgreement([], scaleSize: 4, domainOrder: ["planning"], resamples: 10)
        #expect(none.overall.pairs == 0 && none.overall.value == nil && none.overall.interval == nil)
        #expect(none.byDomain.isEmpty && none.byAuditor.isEmpty && none.byQuarter.isEmpty)
    }
}
