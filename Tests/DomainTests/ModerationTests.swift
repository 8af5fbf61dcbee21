import Testing
import WaymarkDomain

@Suite("Moderation: which audits are graded again, the second auditor's grades, and deciding where they differ")
struct ModerationTests {
    let instrument = AuditInstrumentTests.example

    @Test("Every audit graded at either end is chosen; of the rest, the share asked for, drawn from the seed")
    func selection() {
        #expect(ModerationSelection.chosen(audit: "a1", overall: 0, scaleSize: 4, seed: 1, percent: 0) == .gradedAtEnd)
        #expect(ModerationSelection.chosen(audit: "a1", overall: 3, scaleSize: 4, seed: 1, percent: 0) == .gradedAtEnd)
        #expect(ModerationSelection.chosen(audit: "a1", overall: 2, scaleSize: 4, seed: 1, percent: 0) == nil)
        #expect(ModerationSelection.chosen(audit: "a1", overall: 2, scaleSize: 4, seed: 1, percent: 100) == .random)
        let ids = (1...2_000).map { "audit-\($0)" }
        let chosen = ids.filter { ModerationSelection.chosen(audit: $0, overall: 1, scaleSize: 4, seed: 42, percent: 20) != nil }
        #expect((340...460).contains(chosen.count), "about 20% of 2,000: \(chosen.count)")
        // The same seed chooses the same audits; blind is drawn apart from the choice.
        #expect(chosen == ids.filter { ModerationSelection.chosen(audit: $0, overall: 1, scaleSize: 4, seed: 42, percent: 20) != nil })
        let blind = chosen.filter { ModerationSelection.blind(audit: $0, seed: 42, percent: 50) }
        #expect(blind.count > chosen.count / 3 && blind.count < chosen.count * 2 / 3)
    }

    @Test("A moderator grades every domain and overall; below the acceptable grade with a rationale")
    func moderatorsGrades() throws {
        let response = ModerationResponse(
            grades: [
                "assessment": .init(grade: "1", rationale: ""), "planning": .init(grade: "3", rationale: ""),
                "overall": .init(grade: "x", rationale: ""),
            ])
        guard case .failure(let mistakes) = response.completed(against: instrument) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "moderated-planning-rationale", message: "Say why quality of planning is inadequate"),
                FieldMistake(field: "moderated-overall", message: "Choose a grade for the case overall"),
            ])
        var sound = response
        sound.grades["planning"] = .init(grade: "3", rationale: "No plan since March.")
        sound.grades["overall"] = .init(grade: "2", rationale: "")
        let grades = try sound.completed(against: instrument).get()
        #expect(grades["planning"]?.grade == 3 && grades["overall"]?.grade == 2 && grades.count == 3)
    }

    @Test("A final grade other than the auditor's needs its reason; every final grade its rationale")
    func adjudication() throws {
        let disputed = [(domain: "planning", title: "quality of planning", auditor: 3), (domain: "overall", title: "the case overall", auditor: 2)]
        let typed = Adjudication(finals: [
            "planning": .init(grade: "2", reason: "", rationale: ""), "overall": .init(grade: "2", reason: "", rationale: "Stands."),
        ])
        guard case .failure(let mistakes) = typed.settled(disputed: disputed, scaleSize: 4) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "final-planning-reason", message: "Say why the grade for quality of planning changes"),
                FieldMistake(field: "final-planning-rationale", message: "Give the rationale for the final grade for quality of planning"),
            ])
        var sound = typed
        sound.finals["planning"] = .init(grade: "2", reason: "scale-drift", rationale: "The plan is reviewed, if late.")
        let finals = try sound.settled(disputed: disputed, scaleSize: 4).get()
        #expect(
            finals == [
                .init(domain: "planning", grade: 2, reason: .scaleDrift, rationale: "The plan is reviewed, if late."),
                .init(domain: "overall", grade: 2, reason: nil, rationale: "Stands."),
            ])
    }
}
