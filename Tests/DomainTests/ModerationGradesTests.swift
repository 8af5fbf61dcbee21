import Testing
import WaymarkDomain

@Suite("Reading a table of moderated audits")
struct ModerationGradesTests {
    @Test("Grades are read by name, other name or number")
    func scale() {
        let scale = GradeScale.ofsted
        #expect(scale.place(of: "Outstanding") == 0)
        #expect(scale.place(of: " good ") == 1)
        #expect(scale.place(of: "Requires improvement to be good") == 2)
        #expect(scale.place(of: "RI") == 2)
        #expect(scale.place(of: "requires improvement") == 2)
        #expect(scale.place(of: "4") == 3)
        #expect(scale.place(of: "5") == nil)
        #expect(scale.place(of: "Goood") == nil)
        #expect(scale.inWords == "Outstanding, Good, Requires improvement to be good or Inadequate")
    }

    @Test("A sound table: each audit's grades in order, a blank one not given")
    func sound() throws {
        let rows: [(number: Int, cells: [String])] = [
            (1, ["Audit", "Auditor", "Second auditor", "Essex"]),
            (2, ["A-001", "Good", "Requires improvement", ""]),
            (3, ["A-002", "RI", "RI", "Inadequate"]),
            (4, ["", "", "", ""]),
            (5, ["A-003", "1", "2"]),
        ]
        let table = try ModerationGrades.read(rows, scale: .ofsted).get()
        #expect(table.graders == ["Auditor", "Second auditor", "Essex"])
        #expect(table.audits.map(\.reference) == ["A-001", "A-002", "A-003"])
        #expect(table.audits.map(\.grades) == [[1, 2], [2, 2, 3], [0, 1]])
        #expect(table.agreement.pairs == 3)
        #expect(table.agreement.hasMoreThanTwoGraders)
    }

    @Test("With a Domain column, each row is one domain of an audit, and agreement is told domain by domain")
    func domains() throws {
        let rows: [(number: Int, cells: [String])] = [
            (1, ["Audit", "Domain", "Auditor", "Moderator"]),
            (2, ["A-001", "Voice of the child", "Good", "Good"]),
            (3, ["A-001", "Management oversight", "RI", "Inadequate"]),
            (4, ["A-002", "Voice of the child", "RI", "RI"]),
            (5, ["A-002", "Management oversight", "RI", ""]),
        ]
        let table = try ModerationGrades.read(rows, scale: .ofsted).get()
        #expect(table.graders == ["Auditor", "Moderator"])
        #expect(table.audits.map(\.domain) == ["Voice of the child", "Management oversight", "Voice of the child", "Management oversight"])
        let byDomain = table.byDomain
        #expect(byDomain.map(\.domain) == ["Voice of the child", "Management oversight"])
        #expect(byDomain.map(\.agreement.pairs) == [2, 1])
        #expect(byDomain[0].agreement.exactAgreement == 1)
        #expect(byDomain[1].agreement.exactAgreement == 0)
        let report = AgreementReport(table, scale: .ofsted, resamples: 50)
        #expect(report.audits == 2 && report.pairs == 3)
        #expect(report.byDomain.map(\.domain) == ["Voice of the child", "Management oversight"])
        // The same audit and domain twice, and a blank domain, are refused.
        let twice = rows + [(6, ["A-001", "Voice of the child", "Good", "Good"]), (7, ["A-003", "", "Good", "Good"])]
        guard case .failure(let problems) = ModerationGrades.read(twice, scale: .ofsted) else {
            Issue.record("accepted")
            return
        }
        #expect(
            problems.all.map(\.description) == [
                "Row 6, column A: Audit \"A-001\", domain \"Voice of the child\", is also on row 2.",
                "Row 7, column B (Domain): The domain is blank.",
            ])
    }

    @Test("A table with mistakes is refused whole, each mistake where it is")
    func refused() {
        let rows: [(number: Int, cells: [String])] = [
            (1, ["Audit", "Auditor", "Moderator"]),
            (2, ["A-001", "Goood", "Good"]),
            (3, ["A-001", "", "Good"]),
            (4, ["", "Good", "Good", "Good"]),
        ]
        guard case .failure(let problems) = ModerationGrades.read(rows, scale: .ofsted) else {
            Issue.record("a table with mistakes was accepted")
            return
        }
        #expect(
            problems.all.map(\.description) == [
                "Row 2, column B (Auditor): \"Goood\" is not a grade: use Outstanding, Good, Requires improvement to be good or Inadequate.",
                "Row 3, column A: Audit \"A-001\" is also on row 2.",
                "Row 3, column C (Moderator): A grade after a blank one (B (Auditor)): give grades in order.",
                "Row 4, column A: The audit has no reference.",
                "Row 4: There are grades beyond the named columns.",
            ])
    }

    @Test("A table with no room for two grades, or no audits, says so")
    func empty() {
        func problems(_ rows: [(number: Int, cells: [String])]) -> [String] {
            if case .failure(let problems) = ModerationGrades.read(rows, scale: .ofsted) { return problems.all.map(\.description) }
            return []
        }
        #expect(problems([]) == ["Row 1: The file is empty: the first row names the columns."])
        #expect(
            problems([(1, ["Audit", "Grade"])]) == [
                "Row 1: There must be a column for the audit's reference and at least two columns of grades (the auditor's and a moderator's)."
            ])
        #expect(problems([(1, ["Audit", "Auditor", "Moderator"])]) == ["Row 1: There are no audits below the column names."])
    }
}
