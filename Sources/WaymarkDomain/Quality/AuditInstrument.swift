import Foundation

/// What a case audit asks: its grade scale and the lowest grade accepted without a rationale, the appreciative
/// questions asked first, and the practice domains, each with its local practice standards and its items. Kept as a
/// data file (`waymark-audit-instrument/1`, YAML) that QA leads edit; a published version never changes, and each
/// audit keeps the version it used.
public struct AuditInstrument: Codable, Sendable, Equatable {
    public static let currentFormat = "waymark-audit-instrument/1"

    public var format: String
    public var name: String
    public var version: Int
    public var scale: Scale
    /// Asked before any grade: what is working well, and why (appreciative inquiry).
    public var openingPrompts: [String]
    public var domains: [Domain]

    public init(format: String, name: String, version: Int, scale: Scale, openingPrompts: [String], domains: [Domain]) {
        (self.format, self.name, self.version, self.scale, self.openingPrompts, self.domains) = (
            format, name, version, scale, openingPrompts, domains
        )
    }

    public struct Scale: Codable, Sendable, Equatable {
        /// Best first.
        public var grades: [String]
        /// The lowest grade given without a rationale; a grade below it needs one.
        public var acceptable: String

        public init(grades: [String], acceptable: String) { (self.grades, self.acceptable) = (grades, acceptable) }
    }

    public struct Domain: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// The council's own practice standards this domain is judged against.
        public var standards: [String]
        public var items: [Item]

        public init(id: String, title: String, standards: [String], items: [Item]) {
            (self.id, self.title, self.standards, self.items) = (id, title, standards, items)
        }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var text: String

        public init(id: String, text: String) { (self.id, self.text) = (id, text) }
    }

    enum CodingKeys: String, CodingKey {
        case format, name, version, scale, domains
        case openingPrompts = "opening_prompts"
    }

    public var gradeScale: GradeScale { GradeScale(grades: scale.grades) }

    /// The place of the lowest grade accepted without a rationale.
    public var acceptablePlace: Int? { scale.grades.firstIndex(of: scale.acceptable) }

    /// The overall grade the domain grades suggest: the grade most domains were given (on a tie, the weaker), but
    /// never more than one grade better than the weakest domain, so one inadequate domain cannot hide behind good
    /// ones. An auditor may give another overall grade; the audit then shows that it differs, and why.
    public static func suggestedOverall(domainGrades: [Int]) -> Int? {
        guard let weakest = domainGrades.max() else { return nil }
        let counts = Dictionary(grouping: domainGrades, by: { $0 }).mapValues(\.count)
        let commonest = counts.max { a, b in (a.value, a.key) < (b.value, b.key) }!.key
        return max(commonest, weakest - 1)
    }

    /// Every problem in the file, each with its path, in file order; none means it can be published.
    public func problems() -> [DataFileProblem] {
        var problems: [DataFileProblem] = []
        func problem(_ path: String, _ message: String) { problems.append(.init(path: path, message: message)) }
        if format != Self.currentFormat { problem("format", "must be \"\(Self.currentFormat)\", not \"\(format)\"") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problem("name", "is empty") }
        if version < 1 { problem("version", "must be 1 or more") }
        if scale.grades.count < 2 { problem("scale.grades", "needs at least two grades") }
        for (index, grade) in scale.grades.enumerated() {
            if grade.trimmingCharacters(in: .whitespaces).isEmpty { problem("scale.grades[\(index)]", "is empty") }
            if scale.grades[..<index].contains(grade) { problem("scale.grades[\(index)]", "\"\(grade)\" is on the scale twice") }
        }
        if !scale.grades.contains(scale.acceptable) {
            problem("scale.acceptable", "\"\(scale.acceptable)\" is not one of the grades")
        }
        for (index, prompt) in openingPrompts.enumerated() where prompt.trimmingCharacters(in: .whitespaces).isEmpty {
            problem("opening_prompts[\(index)]", "is empty")
        }
        if domains.isEmpty { problem("domains", "needs at least one domain") }
        var domainIDs: Set<String> = [], itemIDs: Set<String> = []
        for (index, domain) in domains.enumerated() {
            let path = "domains[\(index)]"
            checkID(domain.id, at: "\(path).id", taken: &domainIDs, problem)
            if domain.title.trimmingCharacters(in: .whitespaces).isEmpty { problem("\(path).title", "is empty") }
            if domain.items.isEmpty { problem("\(path).items", "needs at least one item") }
            for (itemIndex, item) in domain.items.enumerated() {
                checkID(item.id, at: "\(path).items[\(itemIndex)].id", taken: &itemIDs, problem)
                if item.text.trimmingCharacters(in: .whitespaces).isEmpty { problem("\(path).items[\(itemIndex)].text", "is empty") }
            }
        }
        return problems
    }

    /// Ids are lower-case letters, digits and hyphens (they are kept with every answer), and unique.
    private func checkID(_ id: String, at path: String, taken: inout Set<String>, _ problem: (String, String) -> Void) {
        if id.isEmpty || !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            problem(path, "\"\(id)\" must be lower-case letters, digits and hyphens")
        } else if !taken.insert(id).inserted {
            problem(path, "\"\(id)\" is used already")
        }
    }
}

/// How an audit item is answered; partly met and not met need a comment saying what is missing.
public enum ItemAnswer: String, CaseIterable, Codable, Sendable {
    case met
    case partlyMet = "partly-met"
    case notMet = "not-met"
    case notApplicable = "not-applicable"

    public var title: String {
        switch self {
        case .met: "Met"
        case .partlyMet: "Partly met"
        case .notMet: "Not met"
        case .notApplicable: "Not applicable"
        }
    }

    public var needsComment: Bool { self == .partlyMet || self == .notMet }
}
