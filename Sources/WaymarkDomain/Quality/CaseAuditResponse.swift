/// What an auditor sends for one child's case audit, as typed: what is working well (one answer each opening
/// question), each item's answer and comment, each domain's grade (its place on the scale, 0 the best) with any
/// rationale, and the overall grade with its rationale. `completed(against:)` checks it against the instrument the
/// programme uses and says every mistake, field by field, or gives the audit to keep.
public struct CaseAuditResponse: Sendable, Equatable {
    public var workingWell: [String]
    public var answers: [String: (answer: String, comment: String)]
    public var grades: [String: (grade: String, rationale: String)]
    public var overall: String
    public var overallRationale: String

    public init(
        workingWell: [String], answers: [String: (answer: String, comment: String)], grades: [String: (grade: String, rationale: String)],
        overall: String, overallRationale: String
    ) {
        (self.workingWell, self.answers, self.grades, self.overall, self.overallRationale) = (
            workingWell, answers, grades, overall, overallRationale
        )
    }

    /// The longest any written answer may be.
    public static let longestText = 4_000

    /// The form's field names, shared by the page that draws the form and the controller that reads it.
    public enum FieldName {
        public static func prompt(_ index: Int) -> String { "prompt-\(index)" }
        public static func item(_ id: String) -> String { "item-\(id)" }
        public static func comment(_ id: String) -> String { "item-\(id)-comment" }
        public static func grade(_ domain: String) -> String { "grade-\(domain)" }
        public static func rationale(_ domain: String) -> String { "grade-\(domain)-rationale" }
        public static let overall = "overall"
        public static let overallRationale = "overall-rationale"
    }

    /// The audit, or every mistake in form order. A grade below the instrument's acceptable grade needs a rationale
    /// (seed 003: grades must be evidenced); so does an overall grade that is not the one the domains suggest.
    public func completed(against instrument: AuditInstrument) -> Result<CompletedCaseAudit, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        func tooLong(_ text: String, _ field: String, _ what: String) -> Bool {
            guard text.count > Self.longestText else { return false }
            mistake(field, "\(what) must be \(Self.longestText) characters or fewer")
            return true
        }
        let scale = instrument.scale.grades
        let acceptable = instrument.acceptablePlace ?? scale.count - 1
        func place(_ text: String) -> Int? { Int(trimmed(text)).flatMap { scale.indices.contains($0) ? $0 : nil } }

        var workingWell: [String] = []
        for (index, prompt) in instrument.openingPrompts.enumerated() {
            let field = FieldName.prompt(index), answer = trimmed(index < self.workingWell.count ? self.workingWell[index] : "")
            if answer.isEmpty { mistake(field, "Answer \"\(prompt)\"") } else { _ = tooLong(answer, field, "The answer") }
            workingWell.append(answer)
        }
        var itemAnswers: [CompletedCaseAudit.ItemAnswered] = []
        var domainGrades: [CompletedCaseAudit.DomainGrade] = []
        for domain in instrument.domains {
            for item in domain.items {
                let field = FieldName.item(item.id)
                let given = answers[item.id]
                guard let answer = given.flatMap({ ItemAnswer(rawValue: $0.answer) }) else {
                    mistake(field, "Say whether \"\(item.text)\" is met, partly met, not met or not applicable")
                    continue
                }
                let comment = trimmed(given?.comment ?? "")
                if answer.needsComment && comment.isEmpty {
                    mistake(FieldName.comment(item.id), "Say what is missing for \"\(item.text)\"")
                } else if tooLong(comment, FieldName.comment(item.id), "The comment") {
                    continue
                }
                itemAnswers.append(.init(item: item.id, answer: answer, comment: comment))
            }
            let field = FieldName.grade(domain.id)
            guard let grade = grades[domain.id].flatMap({ place($0.grade) }) else {
                mistake(field, "Choose a grade for \(domain.title.lowercasedFirst)")
                continue
            }
            let rationale = trimmed(grades[domain.id]?.rationale ?? "")
            if grade > acceptable && rationale.isEmpty {
                mistake(FieldName.rationale(domain.id), "Say why \(domain.title.lowercasedFirst) is \(scale[grade].lowercasedFirst)")
            } else if tooLong(rationale, FieldName.rationale(domain.id), "The rationale") {
                continue
            }
            domainGrades.append(.init(domain: domain.id, grade: grade, rationale: rationale))
        }
        let suggested =
            domainGrades.count == instrument.domains.count ? AuditInstrument.suggestedOverall(domainGrades: domainGrades.map(\.grade)) : nil
        let overallGrade = place(overall)
        let rationale = trimmed(overallRationale)
        if let overallGrade {
            if rationale.isEmpty, overallGrade > acceptable {
                mistake(FieldName.overallRationale, "Say why the case is \(scale[overallGrade].lowercasedFirst) overall")
            } else if rationale.isEmpty, let suggested, suggested != overallGrade {
                mistake(
                    FieldName.overallRationale,
                    "Say why the overall grade is \(scale[overallGrade].lowercasedFirst) when the domain grades suggest \(scale[suggested].lowercasedFirst)"
                )
            } else {
                _ = tooLong(rationale, FieldName.overallRationale, "The rationale")
            }
        } else {
            mistake(FieldName.overall, "Choose an overall grade")
        }
        guard mistakes.isEmpty, let overallGrade, let suggested else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            CompletedCaseAudit(
                workingWell: workingWell, items: itemAnswers, domains: domainGrades, overall: overallGrade, suggestedOverall: suggested,
                overallRationale: rationale))
    }

    public static func == (lhs: CaseAuditResponse, rhs: CaseAuditResponse) -> Bool {
        lhs.workingWell == rhs.workingWell && lhs.overall == rhs.overall && lhs.overallRationale == rhs.overallRationale
            && lhs.answers.mapValues { [$0.answer, $0.comment] } == rhs.answers.mapValues { [$0.answer, $0.comment] }
            && lhs.grades.mapValues { [$0.grade, $0.rationale] } == rhs.grades.mapValues { [$0.grade, $0.rationale] }
    }
}

/// A case audit that passed every check, ready to keep: grades as places on the instrument's scale (0 the best).
public struct CompletedCaseAudit: Sendable, Equatable {
    public struct ItemAnswered: Sendable, Equatable {
        public var item: String
        public var answer: ItemAnswer
        public var comment: String
        public init(item: String, answer: ItemAnswer, comment: String) { (self.item, self.answer, self.comment) = (item, answer, comment) }
    }

    public struct DomainGrade: Sendable, Equatable {
        public var domain: String
        public var grade: Int
        public var rationale: String
        public init(domain: String, grade: Int, rationale: String) { (self.domain, self.grade, self.rationale) = (domain, grade, rationale) }
    }

    /// Where the overall grade is kept beside the domains' grades.
    public static let overallKey = "overall"

    public var workingWell: [String]
    public var items: [ItemAnswered]
    public var domains: [DomainGrade]
    public var overall: Int
    /// What the domain grades suggest (`AuditInstrument.suggestedOverall`); the audit shows when the overall differs.
    public var suggestedOverall: Int
    public var overallRationale: String

    public var differsFromSuggestion: Bool { overall != suggestedOverall }
}

extension String {
    /// "Quality of assessment" as it reads mid-sentence: "quality of assessment" (an acronym such as "MASH" is kept).
    var lowercasedFirst: String {
        guard let first, prefix(2).allSatisfy(\.isUppercase) == false else { return self }
        return first.lowercased() + dropFirst()
    }
}
