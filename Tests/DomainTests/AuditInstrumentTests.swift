import Testing
import WaymarkDomain

@Suite("Audit instruments: their checks, the overall grade they suggest, how items are answered")
struct AuditInstrumentTests {
    static let example = AuditInstrument(
        format: AuditInstrument.currentFormat, name: "Case file audit", version: 1,
        scale: .init(
            grades: ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"], acceptable: "Requires improvement to be good"),
        openingPrompts: ["What is working well for this child, and why?"],
        domains: [
            .init(
                id: "assessment", title: "Quality of assessment", standards: ["PS2"], items: [.init(id: "assessment-current", text: "Up to date.")]),
            .init(id: "planning", title: "Quality of planning", standards: [], items: [.init(id: "planning-smart", text: "Says who does what.")]),
        ])

    @Test("A sound instrument has no problems; its acceptable grade is third")
    func sound() {
        #expect(Self.example.problems().isEmpty)
        #expect(Self.example.acceptablePlace == 2)
        #expect(Self.example.gradeScale.place(of: "good") == 1)
    }

    @Test("Every problem is found, each with its path")
    func problems() {
        var broken = Self.example
        broken.format = "waymark-audit-instrument/9"
        broken.version = 0
        broken.scale = .init(grades: ["Good", "Good"], acceptable: "Fine")
        broken.domains[1].id = "assessment"
        broken.domains[1].items = []
        broken.domains[0].items.append(.init(id: "Assessment Current", text: " "))
        #expect(
            broken.problems().map(\.description) == [
                "format: must be \"waymark-audit-instrument/1\", not \"waymark-audit-instrument/9\"",
                "version: must be 1 or more",
                "scale.grades[1]: \"Good\" is on the scale twice",
                "scale.acceptable: \"Fine\" is not one of the grades",
                "domains[0].items[1].id: \"Assessment Current\" must be lower-case letters, digits and hyphens",
                "domains[0].items[1].text: is empty",
                "domains[1].id: \"assessment\" is used already",
                "domains[1].items: needs at least one item",
            ])
    }

    @Test("The overall grade suggested, by hand")
    func suggestedOverall() {
        // Grades are places: 0 Outstanding, 1 Good, 2 Requires improvement, 3 Inadequate.
        // Mostly good, nothing weaker than RI: good.
        #expect(AuditInstrument.suggestedOverall(domainGrades: [1, 1, 1, 2, 0, 1]) == 1)
        // Mostly good but one inadequate: no better than RI.
        #expect(AuditInstrument.suggestedOverall(domainGrades: [1, 1, 1, 1, 1, 3]) == 2)
        // A tie between good and RI goes to the weaker.
        #expect(AuditInstrument.suggestedOverall(domainGrades: [1, 1, 2, 2]) == 2)
        // Mostly outstanding, one RI: good at best.
        #expect(AuditInstrument.suggestedOverall(domainGrades: [0, 0, 0, 2]) == 1)
        #expect(AuditInstrument.suggestedOverall(domainGrades: []) == nil)
    }

    @Test("Partly met and not met need a comment")
    func answers() {
        #expect(ItemAnswer.allCases.filter(\.needsComment) == [.partlyMet, .notMet])
        #expect(ItemAnswer(rawValue: "partly-met") == .partlyMet)
    }
}
