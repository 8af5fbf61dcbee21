/// Who audits each child a programme drew: never the child's own worker or their team's manager (an audit is a
/// second look), and the work shared so that each auditor has as few as the rule allows. Children are taken in the
/// order drawn; each goes to the auditor with the fewest so far who may audit them (a tie to the one listed first), so
/// the same sample and auditors give the same assignment.
public enum AuditorAssignment {
    public struct Child: Sendable, Equatable {
        public var id: String
        /// Those who may not audit this child: their worker and their team's managers.
        public var tooClose: Set<String>
        public init(id: String, tooClose: Set<String>) { (self.id, self.tooClose) = (id, tooClose) }
    }

    /// Each child's auditor, by child; a child no auditor may take is left out, to be assigned by hand.
    public static func assign(_ children: [Child], auditors: [String]) -> [String: String] {
        var load = Dictionary(uniqueKeysWithValues: auditors.map { ($0, 0) })
        var assigned: [String: String] = [:]
        for child in children {
            let free = auditors.filter { !child.tooClose.contains($0) }
            guard let auditor = free.min(by: { load[$0]! < load[$1]! }) else { continue }
            assigned[child.id] = auditor
            load[auditor]! += 1
        }
        return assigned
    }
}
