/// The performance measures beside the grades (issue 30, item 12): for the children audited, how their visits, reviews
/// and other timescales went in the 12 months to each audit's day (kept with the audit when it was submitted, as its
/// evidence showed them), by the audit's overall grade now, and team by team. Whether the grades and the timeliness
/// tell the same story is the question a head of service asks of both.
public struct AuditTimeliness: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case visits, reviews, other

        public var title: String {
            switch self {
            case .visits: "Visits"
            case .reviews: "Reviews"
            case .other: "Assessments, conferences and other timescales"
            }
        }
    }

    /// One audit's timescales of a kind: how many fell due (or were done) in its 12 months, and how many on time.
    public struct Kept: Sendable, Equatable {
        public var audit: String, kind: Kind, due: Int, onTime: Int
        public init(audit: String, kind: Kind, due: Int, onTime: Int) { (self.audit, self.kind, self.due, self.onTime) = (audit, kind, due, onTime) }
    }

    public struct Tally: Sendable, Equatable {
        public var due: Int, onTime: Int
        public init(due: Int = 0, onTime: Int = 0) { (self.due, self.onTime) = (due, onTime) }
        public var share: Double? { due == 0 ? nil : Double(onTime) / Double(due) }
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        /// Audits in the row, and how their timescales went, kind by kind.
        public var audits: Int
        public var tallies: [Kind: Tally]
    }

    /// Each overall grade given (best first), then every audit.
    public var byGrade: [Row], all: Row
    /// Audits graded good or better overall (the first `goodPlaces` grades), and those graded below.
    public var goodOrBetter: Row, below: Row
    public var byTeam: [Row]

    /// `audits`: those done, each with its overall grade now (audits with none are left out).
    public init(_ audits: [QualityReport.Audit], kept: [Kept], scale: [String], goodPlaces: Int = 2) {
        let byAudit = Dictionary(grouping: kept, by: \.audit)
        let graded = audits.filter { $0.overall != nil }
        func row(_ name: String, _ audits: [QualityReport.Audit]) -> Row {
            var tallies: [Kind: Tally] = [:]
            for audit in audits {
                for kept in byAudit[audit.id] ?? [] {
                    tallies[kept.kind, default: Tally()].due += kept.due
                    tallies[kept.kind, default: Tally()].onTime += kept.onTime
                }
            }
            return Row(name: name, audits: audits.count, tallies: tallies)
        }
        byGrade = scale.indices.compactMap { place in
            let audits = graded.filter { $0.overall == place }
            return audits.isEmpty ? nil : row(scale[place], audits)
        }
        all = row("Every audit", graded)
        goodOrBetter = row("Good or better", graded.filter { $0.overall! < goodPlaces })
        below = row("Below good", graded.filter { $0.overall! >= goodPlaces })
        byTeam = Set(graded.map(\.team)).sorted().map { team in row(team, graded.filter { $0.team == team }) }
    }
}
