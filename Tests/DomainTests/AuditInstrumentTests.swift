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

@Suite("Audit instrument versions: what a new version changes, and its file numbered")
struct AuditInstrumentVersionTests {
    @Test("The same instrument changes nothing; each change is named, matched by id")
    func changes() {
        let first = AuditInstrumentTests.example
        #expect(first.changes(from: first).isEmpty)
        var next = first
        next.version = 2
        #expect(next.changes(from: first).isEmpty, "a new number alone changes nothing an auditor sees")
        next.scale.acceptable = "Good"
        next.openingPrompts.append("What would the child say?")
        next.domains[0].title = "Assessment"
        next.domains[0].items[0].text = "Up to date, and says so."
        next.domains[0].items.append(.init(id: "assessment-history", text: "History used."))
        next.domains.remove(at: 1)
        next.domains.append(.init(id: "voice", title: "Voice of the child", standards: [], items: [.init(id: "voice-seen", text: "Seen alone.")]))
        #expect(
            next.changes(from: first) == [
                "A grade below Good now needs a rationale (was below Requires improvement to be good).",
                "The questions asked first are changed.",
                "Domain \"Quality of assessment\" is now called \"Assessment\".",
                "Assessment: item reworded: \"Up to date, and says so.\" (was \"Up to date.\")",
                "Assessment: item added: \"History used.\"",
                "Domain added: Voice of the child (1 item).",
                "Domain removed: Quality of planning.",
            ])
        var dropped = first
        dropped.domains[0].items = [.init(id: "assessment-new", text: "New.")]
        #expect(
            dropped.changes(from: first) == [
                "Quality of assessment: item added: \"New.\"", "Quality of assessment: item removed: \"Up to date.\"",
            ])
    }

    @Test("A new version's file: its top-level version set, comments and nested keys left alone")
    func numbered() {
        let text = "# version: 1 in a comment\nformat: x\nversion: 1\nscale:\n  version: 7\n"
        #expect(AuditInstrument.text(text, withVersion: 2) == "# version: 1 in a comment\nformat: x\nversion: 2\nscale:\n  version: 7\n")
        #expect(AuditInstrument.text("format: x\n", withVersion: 2) == nil)
    }
}
