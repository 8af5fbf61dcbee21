/// Which submitted audits a second auditor grades again (the council's "double lock"), and whether blind: every audit
/// graded at either end of the scale (Outstanding and Inadequate are the judgements most worth a second look), and a
/// random share of the rest. The random choices are worked out from the programme's seed and the audit's id alone,
/// as the sample's are (`AuditSample.key`), so anyone can check why an audit was chosen.
public enum ModerationSelection {
    public enum Because: String, Sendable, CaseIterable {
        case gradedAtEnd = "graded-at-end"
        case random
        /// The child's worker or team manager disagreed with the grades.
        case disputed

        public var inWords: String {
            switch self {
            case .gradedAtEnd: "graded at either end of the scale"
            case .random: "chosen at random"
            case .disputed: "its grades were disputed by the child's worker or team manager"
            }
        }
    }

    /// Why the audit is double-locked, or nil when it is not.
    public static func chosen(audit: String, overall: Int, scaleSize: Int, seed: UInt64, percent: Int) -> Because? {
        if overall == 0 || overall == scaleSize - 1 { return .gradedAtEnd }
        return share(of: "double-lock:" + audit, seed: seed) < percent ? .random : nil
    }

    /// Whether the second auditor grades it blind (not seeing the first grades until they submit).
    public static func blind(audit: String, seed: UInt64, percent: Int) -> Bool {
        share(of: "blind:" + audit, seed: seed) < percent
    }

    /// A number from 0 to 99 drawn from the seed and the text.
    static func share(of text: String, seed: UInt64) -> Int { Int(AuditSample.key(of: text, seed: seed) % 100) }
}

/// Why a final grade differs from the auditor's, as moderation records it.
public enum GradeChangeReason: String, Sendable, CaseIterable {
    case evidenceMissed = "evidence-missed"
    case standardMisapplied = "standard-misapplied"
    case scaleDrift = "scale-drift"
    case recordingVersusPractice = "recording-versus-practice"

    public var title: String {
        switch self {
        case .evidenceMissed: "Evidence on the file was missed"
        case .standardMisapplied: "The practice standard was misapplied"
        case .scaleDrift: "The grade drifted from the scale's descriptors"
        case .recordingVersusPractice: "The recording, not the practice, was graded"
        }
    }
}

/// A moderator's grades, as typed: one for each domain and overall (by `CompletedCaseAudit.overallKey`), each with a
/// rationale, needed below the acceptable grade as the auditor's is.
public struct ModerationResponse: Sendable, Equatable {
    public var grades: [String: Typed]

    public struct Typed: Sendable, Equatable {
        public var grade: String, rationale: String
        public init(grade: String, rationale: String) { (self.grade, self.rationale) = (grade, rationale) }
    }

    public init(grades: [String: Typed]) { self.grades = grades }

    public enum FieldName {
        public static func grade(_ domain: String) -> String { "moderated-\(domain)" }
        public static func rationale(_ domain: String) -> String { "moderated-\(domain)-rationale" }
    }

    /// The grades by domain (and overall), or every mistake in form order.
    public func completed(against instrument: AuditInstrument) -> Result<[String: (grade: Int, rationale: String)], FieldMistakes> {
        var mistakes: [FieldMistake] = []
        var done: [String: (grade: Int, rationale: String)] = [:]
        let scale = instrument.scale.grades
        let acceptable = instrument.acceptablePlace ?? scale.count - 1
        let asked = instrument.domains.map { ($0.id, $0.title.lowercasedFirst) } + [(CompletedCaseAudit.overallKey, "the case overall")]
        for (id, title) in asked {
            let typed = grades[id]
            let rationale = (typed?.rationale ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let grade = typed.flatMap({ Int($0.grade.trimmingCharacters(in: .whitespaces)) }), scale.indices.contains(grade) else {
                mistakes.append(FieldMistake(field: FieldName.grade(id), message: "Choose a grade for \(title)"))
                continue
            }
            if grade > acceptable && rationale.isEmpty {
                mistakes.append(FieldMistake(field: FieldName.rationale(id), message: "Say why \(title) is \(scale[grade].lowercasedFirst)"))
            } else if rationale.count > CaseAuditResponse.longestText {
                mistakes.append(FieldMistake(field: FieldName.rationale(id), message: "The rationale must be 4000 characters or fewer"))
            }
            done[id] = (grade, rationale)
        }
        return mistakes.isEmpty ? .success(done) : .failure(FieldMistakes(all: mistakes))
    }
}

/// A QA lead settling the grades a moderator differed on: for each, the final grade, and where it is not the
/// auditor's, why (`GradeChangeReason`) and a rationale.
public struct Adjudication: Sendable, Equatable {
    public var finals: [String: Typed]

    public struct Typed: Sendable, Equatable {
        public var grade: String, reason: String, rationale: String
        public init(grade: String, reason: String, rationale: String) { (self.grade, self.reason, self.rationale) = (grade, reason, rationale) }
    }

    public init(finals: [String: Typed]) { self.finals = finals }

    public struct Final: Sendable, Equatable {
        public var domain: String, grade: Int, reason: GradeChangeReason?, rationale: String
        public init(domain: String, grade: Int, reason: GradeChangeReason?, rationale: String) {
            (self.domain, self.grade, self.reason, self.rationale) = (domain, grade, reason, rationale)
        }
    }

    public enum FieldName {
        public static func grade(_ domain: String) -> String { "final-\(domain)" }
        public static func reason(_ domain: String) -> String { "final-\(domain)-reason" }
        public static func rationale(_ domain: String) -> String { "final-\(domain)-rationale" }
    }

    /// - Parameter disputed: each domain the grades differed on (in the instrument's order), its title as it reads
    ///   mid-sentence, and the auditor's grade.
    public func settled(disputed: [(domain: String, title: String, auditor: Int)], scaleSize: Int) -> Result<[Final], FieldMistakes> {
        var mistakes: [FieldMistake] = []
        var finals: [Final] = []
        for (domain, title, auditor) in disputed {
            let typed = typed(domain)
            guard let grade = Int(typed.grade.trimmingCharacters(in: .whitespaces)), (0..<scaleSize).contains(grade) else {
                mistakes.append(FieldMistake(field: FieldName.grade(domain), message: "Choose the final grade for \(title)"))
                continue
            }
            let rationale = typed.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
            var reason: GradeChangeReason?
            if grade != auditor {
                reason = GradeChangeReason(rawValue: typed.reason)
                if reason == nil { mistakes.append(FieldMistake(field: FieldName.reason(domain), message: "Say why the grade for \(title) changes")) }
            }
            if rationale.isEmpty {
                mistakes.append(FieldMistake(field: FieldName.rationale(domain), message: "Give the rationale for the final grade for \(title)"))
            } else if rationale.count > CaseAuditResponse.longestText {
                mistakes.append(FieldMistake(field: FieldName.rationale(domain), message: "The rationale must be 4000 characters or fewer"))
            }
            finals.append(Final(domain: domain, grade: grade, reason: reason, rationale: rationale))
        }
        return mistakes.isEmpty ? .success(finals) : .failure(FieldMistakes(all: mistakes))
    }

    private func typed(_ domain: String) -> Typed { finals[domain] ?? Typed(grade: "", reason: "", rationale: "") }
}
