import Testing
import WaymarkDomain

@Suite("A case audit as the auditor sends it: checked against its instrument, every mistake by field")
struct CaseAuditResponseTests {
    let instrument = AuditInstrumentTests.example

    /// Every question answered: assessment good, planning requires improvement (no rationale needed: it is the
    /// acceptable grade), overall requires improvement, as the domains suggest.
    func sound() -> CaseAuditResponse {
        CaseAuditResponse(
            workingWell: ["Her school says she is settled."],
            answers: ["assessment-current": ("met", ""), "planning-smart": ("partly-met", "No dates for the school's part.")],
            grades: ["assessment": ("1", ""), "planning": ("2", "")], overall: "2", overallRationale: "")
    }

    @Test("A sound audit is kept with the overall grade the domains suggest")
    func completed() throws {
        let audit = try sound().completed(against: instrument).get()
        #expect(audit.domains == [.init(domain: "assessment", grade: 1, rationale: ""), .init(domain: "planning", grade: 2, rationale: "")])
        #expect(audit.items.map(\.answer) == [.met, .partlyMet])
        // Good and requires improvement: a tie goes to the weaker, requires improvement.
        #expect(audit.suggestedOverall == 2 && !audit.differsFromSuggestion)
        #expect(audit.workingWell == ["Her school says she is settled."])
    }

    @Test("Every mistake is found, in form order, each on its field")
    func mistakes() {
        let response = CaseAuditResponse(
            workingWell: ["  "], answers: ["assessment-current": ("not-met", " "), "planning-smart": ("maybe", "")],
            grades: ["assessment": ("3", ""), "planning": ("7", "")], overall: "", overallRationale: "")
        guard case .failure(let mistakes) = response.completed(against: instrument) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "prompt-0", message: "Answer \"What is working well for this child, and why?\""),
                FieldMistake(field: "item-assessment-current-comment", message: "Say what is missing for \"Up to date.\""),
                FieldMistake(field: "grade-assessment-rationale", message: "Say why quality of assessment is inadequate"),
                FieldMistake(
                    field: "item-planning-smart", message: "Say whether \"Says who does what.\" is met, partly met, not met or not applicable"),
                FieldMistake(field: "grade-planning", message: "Choose a grade for quality of planning"),
                FieldMistake(field: "overall", message: "Choose an overall grade"),
            ])
    }

    @Test("An overall grade other than the one suggested, or below the acceptable grade, needs a rationale")
    func overallRationale() throws {
        var response = sound()
        response.overall = "1"
        #expect(
            (try? response.completed(against: instrument).get()) == nil,
            "good overall when the domains suggest requires improvement, with no reason")
        guard case .failure(let mistakes) = response.completed(against: instrument) else { return }
        #expect(
            mistakes.all == [
                FieldMistake(
                    field: "overall-rationale",
                    message: "Say why the overall grade is good when the domain grades suggest requires improvement to be good")
            ])
        response.overallRationale = "The plan's gaps are small; the child is safe and settled."
        let audit = try response.completed(against: instrument).get()
        #expect(audit.differsFromSuggestion && audit.overall == 1 && audit.suggestedOverall == 2)

        response = sound()
        response.grades["planning"] = ("3", "No plan since March.")
        response.overall = "3"
        guard case .failure(let inadequate) = response.completed(against: instrument) else {
            Issue.record("an inadequate case was accepted without a reason")
            return
        }
        #expect(inadequate.all.map(\.field) == ["overall-rationale"])
        #expect(inadequate.all.first?.message == "Say why the case is inadequate overall")
    }

    @Test("Answers longer than 4,000 characters are refused")
    func tooLong() {
        var response = sound()
        response.workingWell = [String(repeating: "a", count: 4_001)]
        guard case .failure(let mistakes) = response.completed(against: instrument) else {
            Issue.record("accepted")
            return
        }
        #expect(mistakes.all == [FieldMistake(field: "prompt-0", message: "The answer must be 4000 characters or fewer")])
    }
}

@Suite("Who audits each child: never their own worker or team manager, the work shared")
struct AuditorAssignmentTests {
    @Test("Each child goes to the auditor with fewest so far who is not too close to them")
    func shared() {
        // Worked by hand, in the order drawn: c1 to ann (all on 0, ann first); c2 to bob (ann has 1); c3 may not go to
        // cat (its worker) and ann and bob both have 1: ann; c4 to cat (0); c5 may go only to bob; c6 no one may take.
        let assigned = AuditorAssignment.assign(
            [
                .init(id: "c1", tooClose: []), .init(id: "c2", tooClose: []), .init(id: "c3", tooClose: ["cat"]),
                .init(id: "c4", tooClose: ["bob"]), .init(id: "c5", tooClose: ["ann", "cat"]), .init(id: "c6", tooClose: ["ann", "bob", "cat"]),
            ], auditors: ["ann", "bob", "cat"])
        #expect(assigned == ["c1": "ann", "c2": "bob", "c3": "ann", "c4": "cat", "c5": "bob"])
    }
}
