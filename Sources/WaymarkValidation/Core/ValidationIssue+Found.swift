import Dispatch
import WaymarkDomain

extension ValidationIssue {
    /// Runs rules side by side (they read the same data and write only their own findings) and names what each
    /// finds: each rule's rows once, in table and row order, the rules in the order given.
    static func found<Rule: Sendable>(
        by rules: [Rule], find: @Sendable (Rule) -> [RowHit],
        issues: @Sendable (Rule, _ table: String) -> (_ row: Int) -> ValidationIssue
    ) -> [ValidationIssue] {
        let found = ConcurrentResults<[ValidationIssue]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            // In table and row order, each row once; what an issue names of its table is looked up once a table.
            let hits = find(rules[index]).sorted { ($0.table, $0.row) < ($1.table, $1.row) }
            var named: [ValidationIssue] = []
            named.reserveCapacity(hits.count)
            var start = 0
            while start < hits.count {
                let table = hits[start].table, issue = issues(rules[index], table)
                var end = start
                while end < hits.count, hits[end].table == table {
                    if end == start || hits[end].row != hits[end - 1].row { named.append(issue(hits[end].row)) }
                    end += 1
                }
                start = end
            }
            found.set(index, named)
        }
        return found.values.flatMap { $0 }
    }
}
