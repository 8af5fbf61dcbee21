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

@Suite("A safeguarding concern from an audit: acted on the same working day")
struct SafeguardingConcernTests {
    let calendar = WorkingDays.englandAndWales

    /// Worked by hand: raised on Monday 7 December 2026, due that day; raised on Saturday 26 December 2026, due Tuesday
    /// 29 December (Monday 28 December is the Boxing Day bank holiday, substituted); acknowledged late, counted in
    /// working days.
    @Test("Due the day raised, or the next working day; overdue in working days")
    func due() {
        #expect(SafeguardingConcern.due(raisedOn: ISODay("2026-12-07")!, calendar: calendar) == ISODay("2026-12-07"))
        #expect(SafeguardingConcern.due(raisedOn: ISODay("2026-12-26")!, calendar: calendar) == ISODay("2026-12-29"))
        let due = ISODay("2026-12-04")!
        #expect(SafeguardingConcern.state(due: due, on: due, calendar: calendar).words == "Due today")
        // Friday 4 to Monday 7 December: one working day overdue.
        #expect(SafeguardingConcern.state(due: due, on: ISODay("2026-12-07")!, calendar: calendar) == ("1 working day overdue", true))
        #expect(
            SafeguardingConcern.state(due: ISODay("2026-12-29")!, on: ISODay("2026-12-26")!, calendar: calendar).words
                == "Due Tuesday 29 December 2026")
    }

    @Test("A concern must say what it is")
    func checked() throws {
        #expect((try? SafeguardingConcern.checked("  ").get()) == nil)
        #expect(try SafeguardingConcern.checked(" Bruising seen, not followed up. ").get() == "Bruising seen, not followed up.")
    }

    @Test("A re-audit: for the scale's worst overall grade only, due the months asked after the grades were settled")
    func reaudit() {
        #expect(Reaudit.isInadequate(overall: 3, scaleSize: 4))
        #expect(!Reaudit.isInadequate(overall: 2, scaleSize: 4))
        #expect(Reaudit.isInadequate(overall: 4, scaleSize: 5) && !Reaudit.isInadequate(overall: 0, scaleSize: 0))
        // 30 November and 3 months: 28 February (no 30 February), as ISODay adds months.
        #expect(Reaudit.due(settledOn: ISODay("2026-11-30")!, months: 3) == ISODay("2027-02-28")!)
        #expect(Reaudit.due(settledOn: ISODay("2026-12-07")!, months: Reaudit.defaultMonths) == ISODay("2027-03-07")!)
    }
}
