import Testing
import WaymarkDomain

@Suite("The triple lock and accounts that end")
struct TripleLockTests {
    @Test("Agreement meets its target only on 20 pairs or more, at the target share or above")
    func agreementMeetsTarget() {
        let agreeing = Array(repeating: (first: 1, second: 1), count: 16)
        let differing = Array(repeating: (first: 1, second: 2), count: 4)
        // 16 of 20 is 80%: meets 80, not 81.
        #expect(TripleLock.agreementMeets(target: 80, pairs: agreeing + differing))
        #expect(!TripleLock.agreementMeets(target: 81, pairs: agreeing + differing))
        // 19 pairs all agreeing are too few to judge.
        #expect(!TripleLock.agreementMeets(target: 50, pairs: Array(repeating: (first: 2, second: 2), count: 19)))
    }

    @Test("Chosen: every double-locked audit while agreement is below target, else a seeded share; none when the share is 0")
    func chosen() {
        #expect(TripleLock.chosen(audit: "a", seed: 1, percent: 10, doubleLocked: true, agreementMeetsTarget: false) == .agreementBelowTarget)
        #expect(TripleLock.chosen(audit: "a", seed: 1, percent: 0, doubleLocked: true, agreementMeetsTarget: false) == nil)
        #expect(TripleLock.chosen(audit: "a", seed: 1, percent: 100, doubleLocked: false, agreementMeetsTarget: true) == .random)
        let ids = (0..<2_000).map { "audit-\($0)" }
        let picked = ids.filter { TripleLock.chosen(audit: $0, seed: 7, percent: 10, doubleLocked: false, agreementMeetsTarget: true) != nil }
        // About a tenth, and the same again from the same seed.
        #expect((150...250).contains(picked.count))
        #expect(picked == ids.filter { TripleLock.chosen(audit: $0, seed: 7, percent: 10, doubleLocked: true, agreementMeetsTarget: true) != nil })
        // Not the double lock's choice under another name: the two draws differ.
        let doubleLocked = ids.filter { ModerationSelection.chosen(audit: $0, overall: 1, scaleSize: 4, seed: 7, percent: 10) != nil }
        #expect(picked != doubleLocked)
    }

    @Test("An external moderator's grades: each graded; a change needs its reason and rationale; below acceptable needs a rationale")
    func response() throws {
        let instrument = AuditInstrumentTests.example
        let settled = Dictionary(uniqueKeysWithValues: (instrument.domains.map(\.id) + ["overall"]).map { ($0, 1) })
        func typed(_ planning: ExternalModerationResponse.Typed) -> ExternalModerationResponse {
            var grades = Dictionary(
                uniqueKeysWithValues: (instrument.domains.map(\.id) + ["overall"]).map {
                    ($0, ExternalModerationResponse.Typed(grade: "1", reason: "", rationale: ""))
                })
            grades["planning"] = planning
            return ExternalModerationResponse(grades: grades)
        }
        func fields(_ result: Result<[ExternalModerationResponse.Given], FieldMistakes>) -> [String] {
            if case .failure(let mistakes) = result { return mistakes.all.map(\.field) }
            return []
        }
        // The same grades: nothing more asked.
        let same = try typed(.init(grade: "1", reason: "", rationale: "")).completed(against: instrument, settled: settled).get()
        #expect(same.count == instrument.domains.count + 1 && same.allSatisfy { $0.reason == nil })
        // A change: its reason and rationale.
        #expect(
            fields(typed(.init(grade: "2", reason: "", rationale: "")).completed(against: instrument, settled: settled)) == [
                "external-planning-reason", "external-planning-rationale",
            ])
        #expect(
            fields(typed(.init(grade: "2", reason: "scale-drift", rationale: "")).completed(against: instrument, settled: settled)) == [
                "external-planning-rationale"
            ])
        let changed = try typed(.init(grade: "2", reason: "scale-drift", rationale: "Drifted.")).completed(against: instrument, settled: settled)
            .get()
        #expect(changed.first { $0.domain == "planning" }?.reason == .scaleDrift)
        // No grade, or one off the scale.
        #expect(fields(typed(.init(grade: "4", reason: "", rationale: "")).completed(against: instrument, settled: settled)) == ["external-planning"])
        // Inadequate as settled: no change, but below acceptable, so a rationale.
        var inadequate = settled
        inadequate["planning"] = 3
        #expect(
            fields(typed(.init(grade: "3", reason: "", rationale: "")).completed(against: instrument, settled: inadequate)) == [
                "external-planning-rationale"
            ])
    }

    @Test("An account's last day: required for an external moderator, today or later, within 12 months; it works through that day")
    func accountEnd() {
        let today = ISODay(year: 2026, month: 12, day: 7)
        #expect(AccountEnd.read("", role: .externalModerator, today: today) == .failure(.required))
        #expect(AccountEnd.read("", role: .qaAuditor, today: today) == .success(nil))
        #expect(AccountEnd.read("2026-12-06", role: .qaAuditor, today: today) == .failure(.past))
        #expect(AccountEnd.read("2026-13-01", role: .externalModerator, today: today) == .failure(.notADate))
        #expect(AccountEnd.read("2027-12-07", role: .externalModerator, today: today) == .success(ISODay(year: 2027, month: 12, day: 7)))
        #expect(AccountEnd.read("2027-12-08", role: .externalModerator, today: today) == .failure(.tooFar))
        #expect(AccountEnd.read("2028-06-01", role: .teamManager, today: today) == .success(ISODay(year: 2028, month: 6, day: 1)))
        #expect(!AccountEnd.hasEnded(today, today: today))
        #expect(AccountEnd.hasEnded(ISODay(year: 2026, month: 12, day: 6), today: today))
        #expect(!AccountEnd.hasEnded(nil, today: today))
    }

    @Test("An external moderator holds one permission and sees no area, no child")
    func externalModeratorsLeastPrivilege() {
        #expect(Role.externalModerator.permissions == [.moderateExternally])
        #expect(Area.visible(to: .externalModerator).isEmpty)
        #expect(ChildRecordScope.of(role: .externalModerator, userID: "u", team: "t", serviceArea: "s") == .none)
        #expect(Role.allCases.filter { $0.permissions.contains(.moderateExternally) } == [.systemAdmin, .externalModerator])
    }
}
