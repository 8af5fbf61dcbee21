/// Calibration (issue 30, item 8): a QA lead issues an anonymised vignette, a made-up case, that every auditor grades
/// with the instrument's domains and overall grade; the QA lead then records the grades the team agreed, and each
/// auditor sees, privately, how far they were from them. No one else sees one auditor's grades; the QA lead sees how
/// the grades spread, without names.
public enum Calibration {
    /// A grade's field: `grade-<domain>` or `overall`, after `prefix` (`agreed-` for the agreed grades).
    public static func field(_ id: String, prefix: String = "") -> String {
        prefix + (id == CompletedCaseAudit.overallKey ? CaseAuditResponse.FieldName.overall : CaseAuditResponse.FieldName.grade(id))
    }

    /// The grades on the vignette as typed (each a place on the scale), checked: every domain and the overall grade
    /// must be given, each on the scale.
    public static func grades(
        _ typed: (String) -> String, prefix: String = "", domains: [(id: String, title: String)], scaleSize: Int
    ) -> Result<[String: Int], FieldMistakes> {
        var grades: [String: Int] = [:], mistakes: [FieldMistake] = []
        for (id, title) in domains + [(CompletedCaseAudit.overallKey, "the overall grade")] {
            let field = field(id, prefix: prefix)
            guard let grade = Int(typed(field)), (0..<scaleSize).contains(grade) else {
                mistakes.append(
                    FieldMistake(
                        field: field,
                        message: id == CompletedCaseAudit.overallKey ? "Choose an overall grade" : "Choose a grade for \(title.lowercased())"))
                continue
            }
            grades[id] = grade
        }
        return mistakes.isEmpty ? .success(grades) : .failure(FieldMistakes(all: mistakes))
    }

    /// One auditor's grades against the agreed ones, in the instrument's order (overall last).
    public struct Distance: Sendable, Equatable {
        public struct Graded: Sendable, Equatable {
            public var id: String, given: Int, agreed: Int
            /// Places between the two: below zero the auditor's grade was better than agreed (more generous).
            public var difference: Int { given - agreed }
        }

        public var graded: [Graded]

        public init(given: [String: Int], agreed: [String: Int], order: [String]) {
            graded = order.compactMap { id in
                guard let given = given[id], let agreed = agreed[id] else { return nil }
                return Graded(id: id, given: given, agreed: agreed)
            }
        }

        public var same: Int { graded.filter { $0.difference == 0 }.count }
        public var withinOne: Int { graded.filter { abs($0.difference) <= 1 }.count }
        /// The mean of (given − agreed): below zero more generous than the agreed grades, above more severe.
        public var bias: Double? { graded.isEmpty ? nil : Double(graded.map(\.difference).reduce(0, +)) / Double(graded.count) }
    }

    /// How the auditors' grades for one domain spread over the scale, without names, beside the agreed grade.
    public struct Spread: Sendable, Equatable {
        public var id: String
        /// How many gave each grade, best first.
        public var counts: [Int]
        public var agreed: Int?
        public var graders: Int { counts.reduce(0, +) }
        /// How many gave the agreed grade.
        public var same: Int? { agreed.map { counts[$0] } }
    }

    public static func spread(_ graders: [[String: Int]], agreed: [String: Int]?, order: [String], scaleSize: Int) -> [Spread] {
        order.map { id in
            var counts = [Int](repeating: 0, count: scaleSize)
            for grades in graders { if let grade = grades[id], counts.indices.contains(grade) { counts[grade] += 1 } }
            return Spread(id: id, counts: counts, agreed: agreed?[id])
        }
    }
}

/// Issuing a vignette, as typed: its title, the made-up case, the last day auditors grade it, and the published
/// instrument version they grade with (checked against those published by the caller).
public struct CalibrationForm: Sendable, Equatable {
    public var title = "", vignette = "", closesOn = "", instrument = ""
    public static let longestVignette = 20_000

    public init() {}

    public struct Checked: Sendable, Equatable {
        public var title: String, vignette: String, closesOn: ISODay
        public init(title: String, vignette: String, closesOn: ISODay) { (self.title, self.vignette, self.closesOn) = (title, vignette, closesOn) }
    }

    /// The vignette, or every mistake by field: a title and a case of at most 20,000 characters, closing today or
    /// later and within three months.
    public func checked(today: ISODay) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let vignette = vignette.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            mistake("title", "Enter the vignette's title")
        } else if title.count > 200 {
            mistake("title", "The title must be 200 characters or fewer")
        }
        if vignette.isEmpty {
            mistake("vignette", "Write the case auditors grade")
        } else if vignette.count > Self.longestVignette {
            mistake("vignette", "The case must be \(Self.longestVignette) characters or fewer")
        }
        let closes = ISODay(closesOn)
        if closesOn.isEmpty {
            mistake("closes-on", "Enter the last day auditors grade it")
        } else if let closes, closes < today {
            mistake("closes-on", "The last day must be today or later")
        } else if let closes, closes > today.adding(months: 3) {
            mistake("closes-on", "The last day must be within three months")
        } else if closes == nil {
            mistake("closes-on", "The last day must be a real date, for example 31 1 2027")
        }
        guard mistakes.isEmpty, let closes else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(Checked(title: title, vignette: vignette, closesOn: closes))
    }
}
