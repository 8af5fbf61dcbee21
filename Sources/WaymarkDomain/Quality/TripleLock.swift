/// Which submitted audits another council's moderator grades (the "triple lock", seeds 003: moderation by a partner
/// council): a random share (default 10%), and every audit a second auditor grades while the council's auditors do not
/// yet agree often enough. A programme whose share is 0 has no triple lock at all (a council with no partner for it). The random choice is worked out from the programme's seed and the audit's id alone, as the
/// double lock's is (`ModerationSelection`).
public enum TripleLock {
    public enum Because: String, Sendable, CaseIterable {
        case random
        case agreementBelowTarget = "agreement-below-target"

        public var inWords: String {
            switch self {
            case .random: "chosen at random"
            case .agreementBelowTarget: "second-audited while our auditors' agreement is below its target"
            }
        }
    }

    /// Why the audit goes to an external moderator, or nil when it does not.
    public static func chosen(audit: String, seed: UInt64, percent: Int, doubleLocked: Bool, agreementMeetsTarget: Bool) -> Because? {
        guard percent > 0 else { return nil }
        if doubleLocked && !agreementMeetsTarget { return .agreementBelowTarget }
        return ModerationSelection.share(of: "triple-lock:" + audit, seed: seed) < percent ? .random : nil
    }

    /// Whether first and second auditors gave the same grade in at least `target` percent of the pairs. Below
    /// `GradeAgreement.fewestPairs` pairs agreement is too few to judge, so it is not shown to meet any target.
    public static func agreementMeets(target: Int, pairs: [(first: Int, second: Int)]) -> Bool {
        guard pairs.count >= GradeAgreement.fewestPairs else { return false }
        let same = pairs.filter { $0.first == $0.second }.count
        return same * 100 >= target * pairs.count
    }
}

/// An external moderator's grades, as typed: one for each domain and overall, each with a rationale; where it differs
/// from the grade the council settled, why (`GradeChangeReason`), since that is what the QA lead then decides on.
public struct ExternalModerationResponse: Sendable, Equatable {
    public var grades: [String: Typed]

    public struct Typed: Sendable, Equatable {
        public var grade: String, reason: String, rationale: String
        public init(grade: String, reason: String, rationale: String) { (self.grade, self.reason, self.rationale) = (grade, reason, rationale) }
    }

    public struct Given: Sendable, Equatable {
        public var domain: String, grade: Int, reason: GradeChangeReason?, rationale: String
    }

    public init(grades: [String: Typed]) { self.grades = grades }

    public enum FieldName {
        public static func grade(_ domain: String) -> String { "external-\(domain)" }
        public static func reason(_ domain: String) -> String { "external-\(domain)-reason" }
        public static func rationale(_ domain: String) -> String { "external-\(domain)-rationale" }
    }

    /// The grades in the instrument's order (overall last), or every mistake in form order.
    /// - Parameter settled: each domain's grade as the council settled it.
    public func completed(against instrument: AuditInstrument, settled: [String: Int]) -> Result<[Given], FieldMistakes> {
        var mistakes: [FieldMistake] = []
        var given: [Given] = []
        let scale = instrument.scale.grades
        let acceptable = instrument.acceptablePlace ?? scale.count - 1
        let asked = instrument.domains.map { ($0.id, $0.title.lowercasedFirst) } + [(CompletedCaseAudit.overallKey, "the case overall")]
        for (id, title) in asked {
            let typed = grades[id] ?? Typed(grade: "", reason: "", rationale: "")
            let rationale = typed.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let grade = Int(typed.grade.trimmingCharacters(in: .whitespaces)), scale.indices.contains(grade) else {
                mistakes.append(FieldMistake(field: FieldName.grade(id), message: "Choose a grade for \(title)"))
                continue
            }
            var reason: GradeChangeReason?
            let changes = settled[id].map { $0 != grade } ?? false
            if changes {
                reason = GradeChangeReason(rawValue: typed.reason)
                if reason == nil {
                    mistakes.append(FieldMistake(field: FieldName.reason(id), message: "Say why the grade for \(title) should change"))
                }
            }
            if rationale.isEmpty && (changes || grade > acceptable) {
                let why = changes ? "should be \(scale[grade].lowercasedFirst)" : "is \(scale[grade].lowercasedFirst)"
                mistakes.append(FieldMistake(field: FieldName.rationale(id), message: "Say why \(title) \(why)"))
            } else if rationale.count > CaseAuditResponse.longestText {
                mistakes.append(FieldMistake(field: FieldName.rationale(id), message: "The rationale must be 4000 characters or fewer"))
            }
            given.append(Given(domain: id, grade: grade, reason: changes ? reason : nil, rationale: rationale))
        }
        return mistakes.isEmpty ? .success(given) : .failure(FieldMistakes(all: mistakes))
    }
}
